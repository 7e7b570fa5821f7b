"""Short forms a text defines in brackets after the term (``anonymize.abbreviations``)."""

from __future__ import annotations

from anonymize.abbreviations import defined_short_form
from anonymize.name_lexicon import NameLexicon


def test_a_terms_short_form_is_no_name(lexicon: NameLexicon) -> None:
    """SciFact: "Scribble (Scrib)" and "lamellipodin (Lpd)" made "Scrib" and "Lpd" persons at every
    mention."""
    text = "Scribble (Scrib) is a polarity protein. Scrib binds. The role of lamellipodin (Lpd). Lpd fell."
    assert defined_short_form(text, "Scrib", lexicon) and defined_short_form(text, "Lpd", lexicon)
    assert defined_short_form(text, "Lpd", None)  # without the lexicon: a term in lower case


def test_a_nickname_in_brackets_after_a_name_stays_a_name(lexicon: NameLexicon) -> None:
    """The insider's tries: a name's short form in brackets, letters out of order, no bracket."""
    text = "Robert (Rob) Lyle, Alexander (Alex) Roe and Elizabeth (Liz) Ng; Scribble Scrib; Dorian (Dna)."
    assert not any(defined_short_form(text, v, lexicon) for v in ("Rob", "Alex", "Liz", "Scrib", "Dna"))


def test_a_short_form_in_spaced_brackets_and_without_one() -> None:
    from anonymize.abbreviations import defined_short_form

    assert defined_short_form("the scribble (\tScrib ) protein binds; Scrib depletion", "Scrib", None)
    assert defined_short_form("lamellipodin (Lpd) and Lpd", "Lpd", None)
    assert not defined_short_form("lamellipodin binds; Lpd depletion", "Lpd", None)  # no bracket
    assert not defined_short_form("lamellipodin (see Lpd)", "Lpd", None)
    assert not defined_short_form("Robert (Rob) came", "Rob", None)  # a capitalized term: a name's
