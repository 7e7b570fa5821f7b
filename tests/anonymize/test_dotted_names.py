"""User names written with capitals and a dot (``anonymize.dotted_names``): one PERSON span where the NER
model found a piece; code, abbreviations, titles and files stay as they are."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector


def _persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(cur | prev)  10:44, 29 September 2027  Tunde.Bakare (talk | contribs)  (+2,300)", "Tunde.Bakare"),
        ("Page watchers: Ewa.Kowalczyk, Mihail.Popescu and the archive bot.", "Ewa.Kowalczyk"),
        ("Last modified by Nguyen.Thanh.Hai on 3 March; approved by the board.", "Nguyen.Thanh.Hai"),
        ("Fixed the dates. — Sardaana.Popova (talk) 14:25, 18 October 2027", "Sardaana.Popova"),
        ("Owner: Ingrid.Solberg   Reviewer: Kwame.Mensah   Status: open", "Kwame.Mensah"),
        # No piece known, beside another user name: "Aroha", "Ngata" are no lexicon's and no English words.
        ("Page watchers: Aroha.Ngata, Tunde.Bakare and the archive bot.", "Aroha.Ngata"),
        ("Owner: Kuarahy.Ayala   Reviewer: Wiremu.Tipene   Status: open", "Wiremu.Tipene"),
    ],
)
def test_a_dotted_user_name_is_one_person(detector: PiiDetector, text: str, name: str) -> None:
    assert name in _persons(detector, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Call System.IO.Path.Combine and Math.Max in the loader, as Ana Lima wrote.",
            ["System.IO", "Math.Max"],
        ),
        (
            "The U.S. team met Dr.Mensah and Ph.D. students from St.Petersburg.",
            ["U.S", "Ph.D", "St.Petersburg"],
        ),
        ("Open Report.Docx or Minutes.Pdf, both sent by Kofi Annor.", ["Report.Docx", "Minutes.Pdf"]),
    ],
)
def test_code_abbreviations_and_files_stay(detector: PiiDetector, text: str, kept: list[str]) -> None:
    found = _persons(detector, text)
    for word in kept:
        assert word not in found, (word, found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Beside a user name, words of another language and places stay: no user names.
        ("Owner: Agua.Fecha   Reviewer: Kwame.Mensah   Status: open", ["Agua.Fecha"]),
        ("Visit Kuala.Lumpur or Penang with Tunde.Bakare next March.", ["Kuala.Lumpur"]),
        ("See Config.Loader and Report.Builder, as Tunde.Bakare wrote.", ["Config.Loader", "Report.Builder"]),
    ],
)
def test_words_and_places_beside_a_user_name_stay(detector: PiiDetector, text: str, kept: list[str]) -> None:
    found = _persons(detector, text)
    for word in kept:
        assert not any(word in f for f in found), (word, found)
