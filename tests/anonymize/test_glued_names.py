"""Names glued into one word: file names, user names, tags (``anonymize.glued_names``)."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.glued_names import file_name_words, glued_spans, lexicon_file_words
from anonymize.name_lexicon import NameLexicon


def _names(word: str, lexicon: NameLexicon, known: frozenset[str] = frozenset()) -> list[str]:
    return [word[s:e] for s, e in glued_spans(word, lexicon, known)]


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("tunde_bakare", ["tunde_bakare"]),
        ("TUNDE_BAKARE", ["TUNDE_BAKARE"]),
        ("ngozi-okafor", ["ngozi-okafor"]),
        ("tunde-bakare-2024.jpg", ["tunde-bakare"]),
        ("IMG_ngozi_okafor.png", ["ngozi_okafor"]),
        ("TundeBakare", ["TundeBakare"]),
        ("#NgoziOkafor", ["NgoziOkafor"]),
        ("report_mary_jane_smith_final.docx", ["mary_jane_smith"]),
    ],
)
def test_a_given_name_and_a_name_word_glued_are_a_name(
    word: str, names: list[str], lexicon: NameLexicon
) -> None:
    assert _names(word, lexicon) == names


@pytest.mark.parametrize(
    "word",
    [
        "PowerPoint",
        "JavaScript",
        "rose_garden",
        "well-being",
        "ops-sao-paulo",
        "dev_max",
        "Mercedes-Benz",  # a capitalized hyphenated word: the NER model's and the surname rules' to read
        "McDonald",
        "first_name",
        "user-name",
        "anti-tumor",
        "tunde",
    ],
)
def test_words_that_are_no_glued_name_stay(word: str, lexicon: NameLexicon) -> None:
    assert _names(word, lexicon) == []


def test_outside_a_file_name_handle_or_field_only_an_underscore_glues_a_name(lexicon: NameLexicon) -> None:
    """SciFact's words of science are glued by hyphens and capitals ("PrimPol", "OliGreen", "KwaZulu",
    "exon-exon"): outside a file name, a handle, a tag or a field's value only an underscore joins a name."""
    for word in ("OliGreen", "PrimPol", "KwaZulu", "cryo-electron", "TundeBakare", "ngozi-okafor"):
        assert glued_spans(word, lexicon, slot=False) == [], word
    assert _names("tunde_bakare", lexicon) == ["tunde_bakare"]
    assert glued_spans("tunde_bakare", lexicon, slot=False) == [(0, 12)]
    assert glued_spans("exon-exon", lexicon, frozenset({"exon"})) == []


def test_words_of_a_person_the_text_names_are_a_name_in_any_order(lexicon: NameLexicon) -> None:
    assert _names("okafor_ngozi_cv.docx", lexicon, frozenset({"ngozi", "okafor"})) == ["okafor_ngozi"]
    assert (
        _names("okafor_cv.docx", lexicon, frozenset({"ngozi", "okafor"})) == []
    )  # one word: the slot decides


def test_glued_names_are_found_in_a_document_and_the_rest_of_the_word_kept(detector: PiiDetector) -> None:
    """An insider's probe (session 20): a person's name in a file name or a tracker's assignee field was
    stored in clear ("Assignee: tunde_bakare", "tunde-bakare-2024.jpg", "Owner: TundeBakare")."""
    text = "Assignee: tunde_bakare; photo tunde-bakare-2024.jpg; Owner: TundeBakare; in PowerPoint."
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found == ["tunde_bakare", "tunde-bakare", "TundeBakare"]


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("villa14_nair_front.jpg", ["nair"]),
        ("priznani_2025_svoboda.pdf", ["svoboda"]),
        ("arrears_GURUNG_0719.docx", ["GURUNG"]),
        ("TER-0412_tsiklauri_receipts.pdf", ["tsiklauri"]),
        ("Svoboda_scan.PDF", ["Svoboda"]),
    ],
)
def test_one_word_of_a_named_person_in_a_file_name(word: str, names: list[str]) -> None:
    known = frozenset(["nair", "svoboda", "gurung", "tsiklauri", "rose", "front"])
    assert [word[s:e] for s, e in file_name_words(word, known)] == names


@pytest.mark.parametrize(
    "word",
    [
        "rose_garden_front.jpg",  # everyday English words, though a person is called Rose
        "villa14_nair_front",  # no file name
        "nair.jpg",  # nothing glued: the mention rules read a whole word
        "villa14_NaIr_front.jpg",  # no name's case
        "villa14_mensah_front.jpg",  # no word of a person the text names
    ],
)
def test_no_file_name_word_of_a_person(word: str) -> None:
    assert file_name_words(word, frozenset(["nair", "rose", "front"])) == []


def test_a_file_name_word_is_replaced_in_a_document(detector: PiiDetector) -> None:
    text = "The owners, Dr Rajeev Nair and Meera Nair, asked twice.\n- Photos: villa14_nair_front.jpg"
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found.count("nair") == 1 and "Rajeev Nair" in found


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("handover_Okafor_Lindqvist.docx", ["Okafor", "Lindqvist"]),  # two people's surnames
        ("HAUGLAND_T_leave.docx", ["HAUGLAND"]),
        ("Nwosu_Haugland_2026.pdf", ["Nwosu", "Haugland"]),
        ("mensah_k_2024.pdf", ["mensah"]),  # a surname beside an initial
        ("okafor_lindqvist_notes.txt", ["okafor", "lindqvist"]),
    ],
)
def test_names_the_lexicon_holds_in_a_file_name(word: str, names: list[str], lexicon: NameLexicon) -> None:
    """Session 27: two name parts the lexicon holds joined by an underscore, or one and an initial."""
    assert [word[s:e] for s, e in lexicon_file_words(word, lexicon)] == names


@pytest.mark.parametrize(
    "word",
    [
        "Lisbon_offsite_2026.pptx",  # a place
        "Q3_Sales_Report.xlsx",
        "Docker_setup.md",
        "Python_intro.pdf",
        "budget_Jordan.xlsx",  # a country
        "Berlin_Marathon.jpg",
        "mensah.pdf",  # nothing glued
        "notes_mensah_final.txt",  # lower case alone: no initial or other name beside it
        "config_loader.py",
        "McDonald_menu.pdf",  # a capital inside the word
        "contract_Nwosu_signed.pdf",  # one name alone: a product's name may be a surname too
        "Redis_Kafka_setup.md",  # tools: "Kafka" is no rare word
    ],
)
def test_no_lexicon_name_in_these_file_names(word: str, lexicon: NameLexicon) -> None:
    assert lexicon_file_words(word, lexicon) == []


def test_two_people_glued_in_a_file_name_are_two_names(detector: PiiDetector) -> None:
    """Session 27: words of two different persons the text names are two spans, one person's words one."""
    text = (
        "Witnesses: Miriam Abergel and Tomasz Wierzbicki. Statement by Ilona Sárközi.\n"
        "Files: Abergel_Wierzbicki_joint.pdf, statement_ilona_sarkozi.pdf"
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert "Abergel" in found and "Wierzbicki" in found
    assert "Abergel_Wierzbicki" not in found
    assert "ilona_sarkozi" in found


def test_a_piece_the_text_writes_outside_its_persons_is_no_name(lexicon: NameLexicon) -> None:
    """A horse called Okafor in a vet's notes: "xray_okafor_lindqvist.dcm" names no person Okafor, and
    Lindqvist alone is no evidence."""
    word = "xray_okafor_lindqvist.dcm"
    assert [word[s:e] for s, e in lexicon_file_words(word, lexicon)] == ["okafor", "lindqvist"]
    assert lexicon_file_words(word, lexicon, outside=frozenset({"okafor"})) == []


def test_a_place_glued_after_a_person_is_cut(detector: PiiDetector) -> None:
    text = (
        "Receipts at the Dago branch print cashier Cecep Saputra for every order.\n"
        "photo: receipt_cecep_dago.jpg, dago_cecep_2.jpg, offer_sunna_bongo.pdf for Sunná Kristiinná Bongo"
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found.count("cecep") == 2 and "sunna_bongo" in found and "cecep_dago" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        '(JohnSmith) a-b _x x_ ÉlodieMartin"anaKowalski" McDonald x=ValBorg',
        "receipt_cecep_dago.jpg by @amaraOkafor, see /home/wei-lin/Notes; |KofiMensah|",
        "plain words only here, nothing glued. iPhone eBay 3Com A-1 -- __",
        "",
    ],
)
def test_one_scan_finds_the_joined_words_of_a_word_by_word_reading(text: str) -> None:
    from anonymize.glued_names import _JOINED_WORD, _WORD, _joined

    assert [m.span() for m in _JOINED_WORD.finditer(text)] == [
        m.span() for m in _WORD.finditer(text) if _joined(m.group())
    ]
