"""More slots of a person for names typed in lower case (``anonymize.recognizers.lower_slots``)."""

from __future__ import annotations

import pytest

from anonymize.recognizers.lower_slots import met_before, more_points, title_word


def _points(text: str, name: str, after_counted: bool = False) -> int:
    start = text.index(name)
    return more_points(text, start, start + len(name), after_counted)


@pytest.mark.parametrize(
    ("text", "name", "points"),
    [
        ("- invoice query: marcus to check with accounts", "marcus", 1),  # asked to do something
        ("chance pls call mrs ben-david today", "chance", 1),  # a request
        ("- nok will arrive late", "nok", 1),
        ("seu jorge is recounting", "jorge", 3),  # a title of respect (2) and what he does (1)
        ("licence; marek has the key", "marek", 1),
        ("photos sent to ilze; edgars agrees", "ilze", 1),  # what was sent to her
        ("ok'd by precious on the phone", "precious", 2),  # who approved it: two points
        ("check with accounts (siobhan)", "siobhan", 1),  # alone in brackets after a word
        ("hope from design named it after herself", "hope", 1),  # a verb after the team
        ("morning. lao chen says hi", "chen", 2),
    ],
)
def test_slots(text: str, name: str, points: int) -> None:
    assert _points(text, name) == points


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shirin Moradi (pharmacist) 2140", "pharmacist"),  # a role after a capitalized name
        ("there is no hope from design today", "hope"),  # the team, no verb: counted by lower_names
        ("the tan is increasing", "increasing"),
        ("i ate pita for lunch", "pita"),  # "ate" is no title here
    ],
)
def test_no_slot(text: str, name: str) -> None:
    assert _points(text, name) == 0


def test_what_follows_counts_once() -> None:
    """What follows the name, counted by ``slot_points`` already, adds nothing but a verb after a team."""
    assert _points("- nok will arrive late", "nok", after_counted=True) == 0
    assert _points("hope from design named it", "hope", after_counted=True) == 1


def test_titles_are_no_names() -> None:
    assert title_word("doña") and title_word("Lao") and title_word("sra.")
    assert not title_word("marisol")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("she already met kalinda on a call", "kalinda"),  # met
        ("he knows our tavita from school", "tavita"),  # "our" after the verb
        ("pls thank my oluchi for the cake", "oluchi"),
        ("i gave it to ikaika", "ikaika"),  # a thing given to someone
    ],
)
def test_met_known_or_given_to(text: str, name: str) -> None:
    assert _points(text, name) == 1


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("we met our targets", "targets"),  # no name: the recognizer's lexicon point is missing
        ("our kalinda is here", "kalinda"),  # "our" without a verb of people
    ],
)
def test_no_met_slot(text: str, word: str) -> None:
    assert met_before(text, text.index(word)) == (word == "targets")


@pytest.mark.parametrize(
    ("text", "name", "points"),
    [
        ("she came with her son tavita today", "tavita", 1),  # kin after a possessive
        ("from me or from höskuldur at ten", "höskuldur", 1),  # named with a pronoun
        ("wiremu and i closed it", "wiremu", 1),
        ("signed by faith yesterday", "faith", 2),  # an approval's agent: two points
        ("ok'd by precious on the phone", "precious", 2),
        ("i'll tell the boss's pa (hope)", "hope", 2),  # a role, then the name alone in brackets
        ("kalinda backs her up on fridays", "kalinda", 1),  # what she does to another
        ("anjali on night duty", "anjali", 1),  # where a person is
    ],
)
def test_kin_pronouns_approvals_and_roles(text: str, name: str, points: int) -> None:
    assert _points(text, name) == points


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("approved by may at the latest", "may"),  # a date's word after an approval: one point only
        ("to be signed by summer", "summer"),
    ],
)
def test_a_date_after_an_approval(text: str, word: str) -> None:
    assert _points(text, word) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hi all, this is tavita from the lab", "tavita"),  # who speaks
        ("my name is wanjiru and i called about the invoice", "wanjiru"),
        ("escalated to oluchi yesterday", "oluchi"),
        ("according to bisi it is fine", "bisi"),
        ("got an email from temuulen at noon", "temuulen"),  # who a message came from
    ],
)
def test_who_speaks_sends_or_is_escalated_to(text: str, name: str) -> None:
    assert _points(text, name) >= 1


def test_a_message_from_a_place_is_no_slot() -> None:
    assert _points("a call from nairobi came in", "nairobi") == 0


@pytest.mark.parametrize(
    ("text", "name", "points"),
    [
        ('"the best boss i ever had. rest easy gwilym" - ollie jenkins\n', "ollie jenkins", 1),
        ('"A patient teacher." — priya nair', "priya nair", 1),  # the quote may be capitalized
        ('"fixed the build at 2am!!" ~ tomasz, platform team', "tomasz", 1),
        ("“Great support” – mele taufa\nNext", "mele taufa", 1),
    ],
)
def test_a_quotations_author_is_a_slot(text: str, name: str, points: int) -> None:
    """A tribute's, a testimonial's or a kudos wall's author after the quote and a dash, at the line's end:
    one point, in a sentence typed in any case."""
    start = text.index(name)
    assert more_points(text, start, start + len(name), False, typed=False) == points


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('he said "ok" - ollie left early', "ollie"),  # the line goes on: no signature
        ("prices - ollie jenkins\n", "ollie jenkins"),  # a dash without a quote before it
        ('"call" - then ask ollie jenkins', "ollie jenkins"),
    ],
)
def test_no_author_without_the_quote_and_the_line_end(text: str, name: str) -> None:
    start = text.index(name)
    assert more_points(text, start, start + len(name), False, typed=False) == 0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Stunt coordinator: Mehmet Yıldız   Gaffer: kovan   Catering: Xaltî Gulê", "kovan"),
        ("Ticket 4471. Owner: tomasz. Reviewer: priya. Status: open", "priya"),
        ("| 12 | Approved by: wanjiru |", "wanjiru"),
        ("Triage (by graça):\n- #1 reschedule", "graça"),
        ("Ansprechpartner: jürgen\nRaum 4", "jürgen"),
    ],
)
def test_a_roles_labelled_field_or_a_byline_is_a_slot(text: str, name: str) -> None:
    """The name all of a field labelled with a person's role, or a byline in brackets: one point, in any
    sentence."""
    start = text.index(name)
    assert more_points(text, start, start + len(name), False, typed=False) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Editor: nano   Shell: bash", "nano"),  # a program's setting, no person's role
        ("Host: debian\nPort: 22", "debian"),
        ("Owner: tomasz and the finance team", "tomasz"),  # the field goes on: not all of its value
    ],
)
def test_no_label_slot_for_settings_or_longer_values(text: str, name: str) -> None:
    start = text.index(name)
    assert more_points(text, start, start + len(name), False, typed=False) == 0
