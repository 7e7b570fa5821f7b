"""Names in their own script by their slot (session 20, ``anonymize.native_slots``): the rules on given
results, the guards, then the insider's tries through the real detector and vault. The names here are in
none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.native_slots import native_slot_names
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def _found(text: str, lexicon: NameLexicon, persons: tuple[str, ...] = ()) -> list[str]:
    results = [RecognizerResult("PERSON", text.index(p), text.index(p) + len(p), 0.85) for p in persons]
    return [text[r.start : r.end] for r in native_slot_names(text, results, lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a romanised name nothing found and its native form in brackets: each vouches for the other
        ("Regional lead: Ato Gebre Hailu (ገብረ ኃይሉ), Mekelle", ["Gebre Hailu", "ገብረ ኃይሉ"]),
        ("Site head: KEO Sophal (កែវ សុផល) | HR", ["KEO Sophal", "កែវ សុផល"]),
        ("Signed, Selvi Natarajan (செல்வி நடராஜன்)", ["Selvi Natarajan", "செல்வி நடராஜன்"]),
        # a greeting's word of the name's language, a signature's line above contact details
        (
            "The meter readings for March are attached; the April ones follow next week.\n"
            "ქალბატონო მარიამ, thanks for the files.\nლევან კაპანაძე\nKartli Gas LLC | +995 32 200 1100",
            ["მარიამ", "ლევან კაპანაძე"],
        ),
        ("Please find the signed contract attached.\nBest regards,\nДмитрий Соколов", ["Дмитрий Соколов"]),
        # Japanese surname and given name with a blank, in an English line; Bengali after "send to"
        ("松本 玲奈 is on the visitor list.", ["松本 玲奈"]),
        ('comment: "good, forward to মিতা সরকার too"', ["মিতা সরকার"]),
        ("09:12 Front desk (राधा पौडेल): guest arrived", ["राधा पौडेल"]),
    ],
)
def test_native_names_by_their_slot(text: str, expected: list[str], lexicon: NameLexicon) -> None:
    assert _found(text, lexicon) == expected


def test_cells_and_list_items_beside_found_names(lexicon: NameLexicon) -> None:
    """A column-gap cell on a found name's line, an item of a list that holds a found name."""
    board = "Directors\nHESSA AL MARZOUQI        حصة المرزوقي\nAHMED AL SUWAIDI (Chair)   أحمد السويدي\n"
    assert _found(board, lexicon, ("HESSA AL MARZOUQI", "AHMED AL SUWAIDI")) == [
        "حصة المرزوقي",
        "أحمد السويدي",
    ]
    rsvp = "RSVP: parisa y, omid k. y, فرزانه کریمی y, nader n"
    assert _found(rsvp, lexicon, ("parisa",)) == ["فرزانه کریمی"]


@pytest.mark.parametrize(
    "text",
    [
        # a company's or a term's native form, a phrase after "to", Greek in science, a Japanese sentence
        "Toyota Motor (トヨタ自動車) reported higher sales.",
        "The term kaizen (改善) means continuous improvement.",
        "Our thanks to всем участникам of the survey.",
        "Wnt/β-catenin (β-cat) signalling in Lgr5 cells.",
        "会議は明日の午前十時から始まります。よろしくお願いします。",
        "Kind regards,\nJane Roe",
        # a native line of a text mostly in that script is no signature of a Latin text
        "Уважаемые коллеги,\nпрошу прислать отчёт.\nС уважением,\nОтдел кадров\n+7 495 000 00 00",
    ],
)
def test_no_name_in_other_native_text(text: str, lexicon: NameLexicon) -> None:
    assert _found(text, lexicon) == []


def test_a_signature_and_a_bracket_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: the native forms stored in clear before session 20. Stored, none is in clear; the
    vault holds each (erasure finds it); a question naming one alone, or with a no-break space between its
    words, is pseudonymized too."""
    memo = (
        "Grant contacts\nLead applicant: Ato Gebre Hailu (ገብረ ኃይሉ), Programme Director\n\n"
        "ბატონო ლევან, thank you for the letter.\nნატო ჯაფარიძე\n"
        "Kartli Gas LLC | 14 Chavchavadze Ave, Tbilisi\n"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    for name in ("Gebre", "Hailu", "ገብረ ኃይሉ", "ლევან", "ნატო ჯაფარიძე"):
        assert name not in stored, stored
        assert vault.lookup_value(name, "PERSON") or name in ("Gebre", "Hailu"), name
    assert "Programme Director" in stored and "Kartli Gas" in stored, stored
    for question in ("What did ნატო ჯაფარიძე sign?", "What did ნატო\u00a0ჯაფარიძე sign?", "Who is ገብረ ኃይሉ?"):
        asked = pseudo.run([question], store=False)[0].text
        assert "ნატო" not in asked and "ገብረ" not in asked and "<PERSON_" in asked, asked
