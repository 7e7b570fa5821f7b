"""Property tests: the pseudonymizer on arbitrary text never crashes, hangs or lets a known value through."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.keys import load_or_create_key
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED


@pytest.fixture(scope="module")
def pseudonymizer(tmp_path_factory: pytest.TempPathFactory) -> Pseudonymizer:
    folder: Path = tmp_path_factory.mktemp("vault")
    vault = Vault(create_engine(f"sqlite:///{folder / 'v.db'}"), load_or_create_key(folder / "k"))
    return Pseudonymizer(PiiDetector(DetectorConfig()), vault, DEFAULT_PSEUDONYMIZED)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_arbitrary_text_is_handled(pseudonymizer: Pseudonymizer, text: str) -> None:
    (result,) = pseudonymizer.run([text], store=False)
    assert isinstance(result.text, str)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.text(max_size=60), suffix=st.text(max_size=60))
def test_an_email_in_any_context_is_replaced(pseudonymizer: Pseudonymizer, prefix: str, suffix: str) -> None:
    text = f"{prefix} contact: jane.doe@example.com {suffix}"
    (result,) = pseudonymizer.run([text], store=True)
    assert "jane.doe@example.com" not in result.text
