"""German and Nordic letters through the real detector (issue 19, session 26): a name after "Herrn" (the
dative and accusative of "Herr") or "Fru", a preposition before the title, an article before a capitalized
German noun, two names joined by a slash in a table's cell. The names are in none of the evaluation
corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector

LETTER = (
    "Sehr geehrte Damen und Herren,\n"
    "der Vertrag wurde gestern von Herrn Oberhuber-Wendler unterschrieben. Die Rechnung ging an "
    "Herrn\u00a0Kazimierz Pawlak. Der Vertrag mit Frau Dr. Leokadia Nowicka läuft bis März.\n"
    "Das Angebot gilt bis Freitag."
)
NORDIC = "Kontakt: Fru Ingeborg Tveitane og Frk. Solvor Haugrud svarade i går."
CELLS = "| Name | Role |\n| Liang Qiwen / Zhou Yanping | Translators |\n| HAUGRUD / SOLVOR | Owner |"


def persons(detector: PiiDetector, text: str) -> list[str]:
    (results,) = detector.analyze([text])
    return sorted(text[r.start : r.end] for r in results if r.entity_type == "PERSON")


def test_a_name_after_herrn_and_fru_is_the_name_only(detector: PiiDetector) -> None:
    """Detector 54 missed the names after "Herrn", took "von Herrn ..." whole where it found one, and took
    "Fru" into the name; "Der Vertrag" and "Das Angebot" were persons."""
    found = persons(detector, LETTER)
    assert "Oberhuber-Wendler" in found
    assert "Kazimierz Pawlak" in found  # a no-break space after the title
    assert "Leokadia Nowicka" in found
    assert not any(v.startswith(("von", "Herrn", "Der", "Das")) for v in found), found
    assert persons(detector, NORDIC) == ["Ingeborg Tveitane", "Solvor Haugrud"]


def test_two_names_joined_by_a_slash_in_a_cell_are_two_people(detector: PiiDetector) -> None:
    found = persons(detector, CELLS)
    assert "Liang Qiwen" in found and "Zhou Yanping" in found
    assert "Liang Qiwen / Zhou Yanping" not in found
