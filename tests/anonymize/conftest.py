"""Fixtures of the detector's tests: the real detector, the name lexicon, a vault as the product keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.keys import load_or_create_key
from anonymize.name_lexicon import NameLexicon, load
from anonymize.vault import Vault


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    """The default detector (real spaCy model and name lexicon), one per test module."""
    return PiiDetector(DetectorConfig())


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    """The name lexicon the detector loads, one per test module."""
    return load()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    """A vault over a fresh SQLite database, as the product keeps it (what `privrag erase --value` reads)."""
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    yield Vault(engine, load_or_create_key(tmp_path / "vault.key"))
    engine.dispose()
