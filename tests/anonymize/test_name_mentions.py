"""Other mentions of a detected name's words: as written, a handle's parts, and capitalized mentions inside a
sentence of a word the text also uses in lower case."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_mentions import propagate


def _person(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("PERSON", start, start + len(value), 0.9)


def test_other_mentions_of_a_name_are_people_too() -> None:
    text = "My name is Calan Stevenson but everyone calls me Calan. Stevenson agreed."
    name = RecognizerResult("PERSON", 11, 26, 0.6)
    added = propagate(text, [name], [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Calan", "Stevenson"]


def test_other_mentions_of_an_all_caps_name() -> None:
    """Detector 26: the words of a name in capitals are read title-cased for the shape filters ("MUSA" is no
    acronym once "ABDULLAHI MUSA" is a name); an acronym that is no name's word stays."""
    text = "ON CALL: ABDULLAHI MUSA, THEN SEAN O'ROURKE.\nMUSA HOLDS THE KEYS; O'ROURKE THE NDA AND CCTV."
    names = [RecognizerResult("PERSON", 9, 23, 0.9), RecognizerResult("PERSON", 30, 43, 0.9)]
    added = propagate(text, names, [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["MUSA", "O'ROURKE"]


def test_the_parts_of_a_handle_are_the_names_other_mentions() -> None:
    """Detector 40: a speaker's handle read as a name ("<Ilkka.Saarinen>", as a lower-case chat is read
    truecased) names its parts too: "Ilkka which tickets?" and "Saarinen" are its mentions."""
    text = "<Ilkka.Saarinen> done\n<Tove> Ilkka which tickets? Ask Saarinen or J. Okafor."
    added = propagate(text, [RecognizerResult("PERSON", 1, 15, 0.9)], [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Ilkka", "Saarinen"]


def test_propagation_skips_blocked_spans_and_common_words() -> None:
    text = "Light Smith spoke. The light was on. Smith left Smith Street."
    name = RecognizerResult("PERSON", 0, 11, 0.85)
    street = RecognizerResult("STREET_ADDRESS", 48, 60, 0.6)
    added = propagate(text, [name], [street], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Smith"]


def test_a_name_that_is_also_a_word_is_the_name_inside_a_sentence() -> None:
    """Detector 43: "Grace" is a name and, in lower case, a word ("with good grace"); the text's lower-case
    use no longer keeps its capitalized mentions inside a sentence in clear, but one at a sentence's start
    ("Grace under pressure ...") or after a determiner ("the Grace period") tells nothing."""
    text = (
        "Grace Obuya leads the audit. Please send the files to Grace by Friday, with good grace. "
        "Grace under pressure is the motto. We are in the Grace period."
    )
    added = propagate(text, [_person(text, "Grace Obuya")], [], frozenset())
    assert [(text[r.start : r.end], r.start) for r in added] == [("Grace", text.index("to Grace") + 3)]


def test_a_sentence_start_is_no_evidence_either_way() -> None:
    """At a sentence's start ("Rush is away", where "rush" is an English word written in lower case too) the
    capital tells nothing: left; "Rush's deputy" after a comma is the name."""
    text = "Signed by Wiremu Rush. Rush is away; do not rush or, failing that, Rush's deputy."
    added = propagate(text, [_person(text, "Wiremu Rush")], [], frozenset())
    assert [r.start for r in added] == [text.index("Rush's")]


def test_a_rare_name_written_in_lower_case_too_is_the_name_everywhere() -> None:
    """A word English barely uses ("tane", "kehinde") written in lower case is the name typed so ("ask
    tane", a chat handle), no common noun: its capitalized mention at a sentence's start is the name too;
    in capitals and with a possessive as well."""
    text = "Signed by Wiremu Tane. Tane is away; ask tane or, failing that, Tane's deputy."
    added = propagate(text, [_person(text, "Wiremu Tane")], [], frozenset())
    assert [r.start for r in added] == [text.index("Tane is"), text.index("Tane's")]


def test_at_a_sentence_start_a_verb_only_people_take_tells_the_name() -> None:
    """Session 15: "Bill will reject them" beside "Bill Carter" and "the bill": the modal verb a bare noun
    does not take tells the name; "Bill is due" and "Mark the date" stay words."""
    text = "Send receipts to Bill Carter. Bill will reject late ones. Bill is due on Friday; pay the bill."
    added = propagate(text, [_person(text, "Bill Carter")], [], frozenset())
    assert [r.start for r in added] == [text.index("Bill will")]
