"""Which results are kept (``anonymize.filters.keep``), on hand-made results and the real lexicon."""

from __future__ import annotations

import pytest

from anonymize.detector_config import DetectorConfig
from anonymize.filters import keep
from anonymize.name_lexicon import NameLexicon
from tests.anonymize.results_at import result_at


def test_a_chat_handle_that_ends_like_a_domain_is_no_url() -> None:
    """Detector 43: "<tuan.ph>" speaking and "@tuan.ph" are a handle (".ph" is a top-level domain); a
    domain in running text is still a URL."""
    text = "[07:02] <tuan.ph> morning\n[07:03] <kim> @tuan.ph see example.com"
    config = DetectorConfig()
    assert not keep(text, result_at(text, "tuan.ph", "URL", "UrlRecognizer"), config)
    assert not keep(text, result_at(text, "tuan.ph", "URL", "UrlRecognizer", 1), config)
    assert keep(text, result_at(text, "example.com", "URL", "UrlRecognizer"), config)


def test_a_rare_name_typed_in_lower_case_elsewhere_is_still_a_name(lexicon: NameLexicon) -> None:
    """Detector 43: the model's "Ouyang Jianguo" where the chat also writes "jianguo on call": a name English
    does not use is no common noun in lower case; "Random Forest ... a random forest" still is."""
    text = "Ouyang Jianguo 10:10\ni can cover.\nJang Tae-gyu 10:12\njianguo on call, ouyang backup"
    name = result_at(text, "Ouyang Jianguo", "PERSON", "SpacyRecognizer")
    assert keep(text, name, DetectorConfig(), lexicon=lexicon)
    assert not keep(text, name, DetectorConfig())  # without the lexicon, as before
    words = "We trained a Random Forest. The random forest did well."
    forest = result_at(words, "Random Forest", "PERSON", "SpacyRecognizer")
    assert not keep(words, forest, DetectorConfig(), lexicon=lexicon)


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("The OSCE postponed the elections.", "OSCE", True),
        ("Pedersen joined NATO troops there.", "NATO", True),
        # Everyday abbreviations and words in capitals, a headline, a piece of a longer name in capitals.
        ("Please reply ASAP to the CEO.", "ASAP", False),
        ("Florence Okafor (CHAIR) opened.", "CHAIR", False),
        ("SOCCER - FIFA BANS PLAYER", "FIFA", False),
        ("He bought ETFS COMM/1X shares.", "ETFS", False),
        ("The plant in KERAVA opened.", "KERAVA", False),
    ],
)
def test_an_acronym_the_model_calls_an_organization(text: str, value: str, kept: bool) -> None:
    """Session 17: one word the model calls an organization is kept when it is an acronym in running text."""
    result = result_at(text, value, "ORGANIZATION")
    assert keep(text, result, DetectorConfig()) is kept


def test_a_thing_named_after_a_person_and_a_series_of_symbols_are_no_persons(lexicon: NameLexicon) -> None:
    """Session 17: the model's or the evidence recognizer's "the Mitchell Tower" and "the Grainger Town" end
    in a thing's noun after a determiner, and "Apoa, Apob" are a gene family's symbols; whoever found them, no
    person. A surname that names buildings too is no thing's noun here and stays ("Arsenio Hall")."""
    config = DetectorConfig()
    text = "the Mitchell Tower and the Grainger Town's market. Arsenio Hall hosted. Apoa, Apob."
    for value in ("Mitchell Tower", "Grainger Town's", "Apoa", "Apob"):
        for recognizer in ("SpacyRecognizer", "NameEvidenceRecognizer"):
            found = result_at(text, value, "PERSON", recognizer)
            assert not keep(text, found, config, lexicon=lexicon), value
    assert keep(text, result_at(text, "Arsenio Hall", "PERSON", "SpacyRecognizer"), config, lexicon=lexicon)


def test_a_person_whose_surname_is_a_things_noun_stays(lexicon: NameLexicon) -> None:
    """The insider's first try at the thing rule: people surnamed Tower, Town or Palace, with no determiner
    before them, stay persons (the rule's first form left "Ask Kate Tower, the new HR lead" in clear)."""
    config = DetectorConfig()
    text = "Ask Kate Tower, the new HR lead. Please welcome Nia Town and the CEO John Palace."
    for value in ("Kate Tower", "Nia Town", "John Palace"):
        for recognizer in ("SpacyRecognizer", "NameEvidenceRecognizer"):
            assert keep(text, result_at(text, value, "PERSON", recognizer), config, lexicon=lexicon), value


def test_a_name_after_a_title_passes_in_technical_text(lexicon: NameLexicon) -> None:
    """A checklist of codes and ticks reads as technical text, where a one-word name from the lexicon
    alone is dropped; after a title ("Pak", "Mr") it is a person's name (detector 47 left "Agus" in clear).
    Without the title the technical text's filter holds."""
    text = "- key customers: Pak Agus at the plant\n- invoices for Agus go out on the 1st"
    titled = result_at(text, "Agus", "PERSON", "NameEvidenceRecognizer")
    bare = result_at(text, "Agus", "PERSON", "NameEvidenceRecognizer", nth=1)
    assert keep(text, titled, DetectorConfig(), technical=True, lexicon=lexicon)
    assert not keep(text, bare, DetectorConfig(), technical=True, lexicon=lexicon)
    assert keep(text, bare, DetectorConfig(), technical=False, lexicon=lexicon)


def test_a_saint_or_a_place_named_after_a_person_is_no_person(lexicon: NameLexicon) -> None:
    """Session 21: "St. Augustine" (the town, in XQuAD), "Saint-Denis", "Fort Caroline", "Lake Victoria"
    are no persons of the text; a surname "St. John" inside a full name, a given name "Isla" or "Rio", and a
    person after a no-break space stay."""
    text = (
        "The settlement of St. Augustine grew; Saint-Denis and San Isidro too. Fort Caroline fell near Lake "
        "Victoria. Jill St. John, Isla Robertson and Rio Ferdinand came. Mount\u00a0Jane Roe wrote."
    )
    config = DetectorConfig()

    def kept(value: str) -> bool:
        return keep(text, result_at(text, value, "PERSON", "SpacyRecognizer"), config, lexicon=lexicon)

    assert not any(kept(v) for v in ("Augustine", "Denis", "Isidro", "Fort Caroline", "Lake Victoria"))
    assert all(kept(v) for v in ("Jill St. John", "Isla Robertson", "Rio Ferdinand", "Jane Roe"))


def test_a_language_spoken_of_is_no_person(lexicon: NameLexicon) -> None:
    """Session 21: a language's name next to another or to a word for a language ("Languages: Tamil,
    English, Hindi", "speaks Amharic", "the Kurdish version") is no person; the same word as a name is."""
    text = (
        "Languages: Persian, English. She speaks Amharic. The Kurdish version prevails.\n"
        "Kazakh Language (C1). Tamil Selvan met Ido Levi; Tamil was late."
    )
    config = DetectorConfig()

    def kept(value: str, nth: int = 0) -> bool:
        return keep(
            text, result_at(text, value, "PERSON", "NameEvidenceRecognizer", nth), config, lexicon=lexicon
        )

    assert not any(kept(v) for v in ("Persian", "Amharic", "Kurdish", "Kazakh Language"))
    assert kept("Tamil Selvan") and kept("Ido Levi") and kept("Tamil", 1)


def test_names_joined_by_an_en_dash_are_an_eponym(lexicon: NameLexicon) -> None:
    """SciFact: "Madin–Darby canine kidney cells", "the Bayh–Dole Act" are no persons; a double surname
    with a hyphen is one."""
    text = "Madin–Darby canine kidney cells; the Bayh–Dole Act. Anna Kowalska-Nowak wrote."
    config = DetectorConfig()

    def kept(value: str) -> bool:
        return keep(text, result_at(text, value, "PERSON", "NameEvidenceRecognizer"), config, lexicon=lexicon)

    assert not kept("Darby") and not kept("Madin") and not kept("Dole")
    assert kept("Anna Kowalska-Nowak")


def test_one_word_model_persons_in_a_coded_document_need_a_names_evidence(lexicon: NameLexicon) -> None:
    """Issue 19: a business document with codes and ids is no longer technical text; there the model's
    one-word persons pass as given names or surnames of the lexicon ("Pekka", "Osmani", possessive) but
    not as places or everyday words ("Kaunas", "Seating"); full names and names after a title pass."""
    text = (
        "PO-2026-00862 / LT-03154: delivery to Kaunas hub. Consignee: Pekka Virtanen.\n"
        "Pekka's crew unloads; Osmani confirmed. Mr Qorvath signs. Kaunas gate at 07:00.\n"
        "Seating: row 4. Lisa has the keys."
    )
    config = DetectorConfig()

    def kept(value: str, nth: int = 0, coded: bool = True) -> bool:
        found = result_at(text, value, "PERSON", "SpacyRecognizer", nth)
        return keep(text, found, config, lexicon=lexicon, coded=coded)

    assert kept("Pekka's") and kept("Osmani") and kept("Pekka Virtanen") and kept("Qorvath")
    assert not kept("Kaunas") and not kept("Kaunas", 1)
    evidence = result_at(text, "Kaunas", "PERSON", "NameEvidenceRecognizer")  # a surname in the lexicon too
    assert not keep(text, evidence, config, lexicon=lexicon, coded=True)
    # A frequent English word is a name there only as an English given name: "Lisa", not "Seating".
    assert kept("Lisa") and not kept("Seating")
    assert kept("Kaunas", coded=False)  # outside a coded document the other rules decide, as before


def test_a_word_no_list_knows_stays_a_person_in_a_coded_document(lexicon: NameLexicon) -> None:
    """Fail-safe (session 23): the coded document's one-word filter drops only a word known to be no name,
    a place or a frequent English word; a rare surname is in no list and stays a person, as a possessive,
    after a bowler's "b", beside a code ("Wickramanayake", "Nkwenti's"), and so does a rare English word, the
    price of it ("Consignee"). A name common in an English-speaking country that is a place or a frequent
    word stays too ("Hamilton", "Young", "Florence"); "Harbour" and "Cargo" do not."""
    text = (
        "INV-2026-0412 / PO-88213 / SKU TL-0412. Consignee: Wickramanayake. Nkwenti's pallet at\n"
        "GATE-02, b Nkwenti 7-1-22-3. Hamilton signs; Young checks; Florence pays. Harbour dues; Cargo hold."
    )
    config = DetectorConfig()

    def kept(value: str, recognizer: str = "SpacyRecognizer", nth: int = 0) -> bool:
        found = result_at(text, value, "PERSON", recognizer, nth)
        return keep(text, found, config, lexicon=lexicon, coded=True)

    for value in ("Wickramanayake", "Nkwenti's", "Consignee", "Hamilton", "Young", "Florence"):
        assert kept(value), value
    assert kept("Nkwenti", nth=1) and kept("Wickramanayake", "NameEvidenceRecognizer")
    assert not kept("Harbour") and not kept("Cargo")
