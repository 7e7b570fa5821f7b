"""Organizations by their legal form."""

from __future__ import annotations

import pytest

from tests.anonymize.recognizers.common import builtin, spans


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("I used to work for OKAMOTO INDUSTRIESINC. as a repairer", ["OKAMOTO INDUSTRIESINC."]),
        ("During 2011, RAIZNEXT Corporation invested heavily", ["RAIZNEXT Corporation"]),
        ("Regina Blinova\nFacebank Group Inc.\n74268 Rúa Olmos 55", ["Facebank Group Inc."]),
        ("DAIKEN CO.LTD. songwriter", ["DAIKEN CO.LTD."]),
        ("The Group said so. Our Holdings grew.", []),
    ],
)
def test_company_forms(text: str, companies: list[str]) -> None:
    assert spans(builtin("CompanyFormRecognizer"), text, "ORGANIZATION") == companies
