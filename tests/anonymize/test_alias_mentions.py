"""Uses of a person's defined aliases and initials in the same document (made-up names)."""

from __future__ import annotations

from anonymize.alias_mentions import COMMON_ACRONYMS, initials_uses


def _uses(
    text: str, defined: dict[str, str], persons: dict[str, str] | None = None, **kw: object
) -> list[str]:
    found = initials_uses(text, defined, persons or {}, [], **kw)  # type: ignore[arg-type]
    return [text[r.start : r.end] for r in found]


def test_defined_initials_are_the_person_everywhere_in_any_writing() -> None:
    """Dots or none, possessive, glued to punctuation, at a line's start, used before the definition."""
    text = "AL opened.\n- AL: book the hall\n(A.L.) and AL's slides, per AL.\nPresent: Asa Lind (AL)"
    found = _uses(text, {"AL": "Asa Lind"})
    assert found == ["AL", "AL", "A.L.", "AL", "AL", "AL"]


def test_defined_initials_keep_their_case() -> None:
    """Lower-case letters are words ("al dente", "Al"), not the initials."""
    assert _uses("al dente, Al said, AL.", {"AL": "Asa Lind"}) == ["AL"]


def test_a_common_abbreviation_defined_as_initials_only_in_a_persons_slot() -> None:
    """ "Ingrid Tan (IT)": the definition and the actions labelled IT are hers (alone or in a run of
    initials that labels the line); "the IT desk" is not."""
    text = (
        "Present: Ingrid Tan (IT), Mikko Rask (MR)\n- IT: book the room\n- MR + IT: close tickets\n"
        "Ask the IT desk. IT's laptop."
    )
    starts = {text.index("(IT)") + 1, text.index("(MR)") + 1}
    found = initials_uses(text, {"IT": "Ingrid Tan", "MR": "Mikko Rask"}, {}, [], starts)
    assert [(r.start, text[r.start : r.end]) for r in found] == [
        (text.index("(IT)") + 1, "IT"),
        (text.index("(MR)") + 1, "MR"),
        (text.index("- IT:") + 2, "IT"),
        (text.index("- MR") + 2, "MR"),
        (text.index("+ IT") + 2, "IT"),
        (text.index("IT's"), "IT"),
    ]
    assert "it" in COMMON_ACRONYMS and "hr" in COMMON_ACRONYMS


def test_dotted_or_hyphenated_initials_of_a_found_name() -> None:
    """No abbreviation has the shape "K.B." or "TH-L"; "U.K." and bare "KB" stay."""
    persons = {"KB": "Kwame Boa", "THL": "Tuomas Hakki-Laine", "UK": "Ulla Kask"}
    assert _uses("K.B. to share; KB is 3 MB; U.K. office; TH-L on call", {}, persons) == ["K.B.", "TH-L"]


def test_a_run_of_initials_of_found_names() -> None:
    """ "Signed: TG / HA / AI": all three found names' initials, two of them no abbreviation; a run of
    abbreviations stays ("HR / IT"), and so does a run with initials of nobody."""
    persons = {
        "TG": "Toth Gergo",
        "HA": "Horvath Anna",
        "AI": "Andrea Ionescu",
        "HR": "Hanna Ruud",
        "IT": "Ida T",
    }
    assert _uses("Signed: TG / HA / AI", {}, persons) == ["TG", "HA", "AI"]
    assert _uses("TH and TG", {}, persons) == []
    assert _uses("Copy to HR / IT", {}, persons) == []
    assert _uses("AI and ML teams", {}, persons) == []
