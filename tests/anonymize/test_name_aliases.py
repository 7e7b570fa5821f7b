"""Short forms a document defines beside a found name (a small hand-made lexicon; made-up names)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_aliases import (
    INITIALS,
    alias_of,
    alias_result,
    cued_aliases,
    defined_aliases,
    initials_key,
    inside_nicknames,
    name_keys,
)
from anonymize.name_lexicon import NameLexicon

LEXICON = NameLexicon(
    given=frozenset(["teodora", "dora", "bram"]),
    surnames=frozenset(["vasquez", "okafor"]),
    common=frozenset(),
)


def _persons(text: str, *values: str) -> list[RecognizerResult]:
    return [RecognizerResult("PERSON", text.index(v), text.index(v) + len(v), 0.9) for v in values]


def _defined(text: str, *names: str) -> list[tuple[str, str, bool]]:
    return [
        (text[a.start : a.end], a.person, a.initials) for a in defined_aliases(text, _persons(text, *names))
    ]


def test_initials_keys_of_names_and_tokens() -> None:
    """The letters in order, accents away, particles and hyphenated parts counted or not."""
    assert name_keys("Åsa Lindqvist") == {"AL"}
    assert {"TH", "THL"} <= name_keys("Tuomas Häkkinen-Laine")
    assert "HLVDV" in name_keys("H. L. van der Veen")
    assert "AMQM" in name_keys("Ana M. Quispe-Mamani")
    assert initials_key("A.M.Q.-M.") == "AMQM"
    assert initials_key("TH-L") == "THL"
    assert initials_key("Å.L.") == "AL"


def test_initials_tokens_with_dots_or_without_glued_to_punctuation() -> None:
    text = "T.N.L. and P.T.; H.L.v.d.V. (AL), AL's AL: TH-L. Not: e.V., AL-3, x@AL, al, A.L"
    assert [m.group() for m in INITIALS.finditer(text)] == [
        "T.N.L.",
        "P.T.",
        "H.L.v.d.V.",
        "AL",
        "AL",
        "AL",
        "TH-L",
    ]


def test_initials_in_brackets_after_a_name_are_defined() -> None:
    """Minutes' attendance line: the role and the initials share the brackets; letters that are not the
    name's initials are no alias ("(MR)" after a name whose initials are not MR)."""
    text = "Present: Teodora Vasquez (chair, TV), Bram Okafor (BO), Dora Lind (MR), Sam Eke (Leeds)"
    assert _defined(text, "Teodora Vasquez", "Bram Okafor", "Dora Lind", "Sam Eke") == [
        ("TV", "Teodora Vasquez", True),
        ("BO", "Bram Okafor", True),
    ]


def test_a_former_name_in_brackets_is_defined() -> None:
    text = "Requester: Teodora Vasquez-Okafor (formerly Vasquez), and Dora Lind (née Berg; HR)."
    assert _defined(text, "Teodora Vasquez-Okafor", "Dora Lind") == [
        ("Vasquez", "Teodora Vasquez-Okafor", False),
        ("Berg", "Dora Lind", False),
    ]


def test_nothing_is_defined_after_a_one_word_name_or_without_brackets() -> None:
    text = "Teodora (TV) said Bram Okafor, BO, agreed."
    assert _defined(text, "Teodora", "Bram Okafor") == []


def test_a_nickname_in_brackets_between_given_name_and_surname() -> None:
    """The lexicon knows the given name and the surname; a capitalized bracket between words the lexicon
    does not know as a name, or an acronym, is none."""
    text = "Chair: Teodora (Dora) Vasquez. Sales (Europe) Division. Bram (IT) Okafor."
    found = inside_nicknames(text, [], LEXICON)
    assert [text[r.start : r.end] for r in found] == ["Teodora", "Dora", "Vasquez"]
    assert {alias_of(r) for r in found} == {"Teodora Vasquez"}


def test_alias_of_reads_only_person_results() -> None:
    assert alias_of(alias_result(0, 2, "Teodora Vasquez")) == "Teodora Vasquez"
    assert alias_of(RecognizerResult("PERSON", 0, 2, 0.9)) is None


def test_no_nickname_across_a_tables_gap_or_before_a_label() -> None:
    """A form's row: the bracket ends the name, the next cell's label is no surname."""
    text = "Employee: Bram Okafor (Dora)          Role: Tester\nBram (Dora) Role: x"
    persons = [RecognizerResult("PERSON", 10, 21, 0.9)]
    assert inside_nicknames(text, persons, LEXICON) == []


def test_a_quoted_name_after_prefers_or_calls_me_is_the_lines_person() -> None:
    """The nearest name before the cue on the same line; none on the line, or a lower-case or multi-word
    quote ("call me "Dear Lovely Customer""), is no alias."""
    text = (
        'Notes: Bram Okafor prefers "Bram-O". Dora Lind prefers "Dee".\n'
        'Lee Dora: he calls me "DL"\nPrefers "Tiny".\n'
        'Teodora Vasquez: why call me "Dear Valued Customer"? She prefers "tea".'
    )
    persons = _persons(text, "Bram Okafor", "Dora Lind", "Lee Dora", "Teodora Vasquez")
    found = [(text[a.start : a.end], a.person, a.initials) for a in cued_aliases(text, persons)]
    assert found == [("Dee", "Dora Lind", False), ("DL", "Lee Dora", True)]


def test_a_definition_after_a_no_break_space_or_with_dots() -> None:
    text = "Teodora Vasquez\u00a0(T.V.) and Bram Okafor (chair; B.O.)"
    assert _defined(text, "Teodora Vasquez", "Bram Okafor") == [
        ("T.V.", "Teodora Vasquez", True),
        ("B.O.", "Bram Okafor", True),
    ]
