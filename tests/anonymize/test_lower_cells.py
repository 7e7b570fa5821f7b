"""Names typed in lower case in a column of names (``anonymize.lower_cells``, session 19), real lexicon."""

from __future__ import annotations

from anonymize.lower_cells import lower_case_cells
from anonymize.name_lexicon import NameLexicon

CHECKLIST = (
    "| Step | Owner | Status |\n"
    "|---|---|---|\n"
    "| Letter filed | Siti Rahmah | done |\n"
    "| Laptop returned | wanjiru | open |\n"
    "| Badge | security | open |\n"
    "| Lunch | tbc | booked |\n"
    "| Parking | mpho sebe | booked |\n"
    "| Keys | grace | open |\n"
)


def test_lower_case_names_under_a_role_header(lexicon: NameLexicon) -> None:
    """The header is one signal, the lexicon the other: "wanjiru", "mpho sebe"; not an everyday word, a
    placeholder, or a cell already found ("Siti Rahmah" is the header rule's)."""
    found = [CHECKLIST[r.start : r.end] for r in lower_case_cells(CHECKLIST, [], lexicon)]
    assert found == ["wanjiru", "mpho sebe"]


def test_an_everyday_given_name_in_a_column_stays(lexicon: NameLexicon) -> None:
    """The insider's try: "grace" is a given name English uses as a word; the column alone does not make it
    a name (a column of owners holds "security" too). Recorded so a change of the rule shows."""
    found = [CHECKLIST[r.start : r.end] for r in lower_case_cells(CHECKLIST, [], lexicon)]
    assert "grace" not in found


def test_no_lower_case_cells_outside_a_column_of_names(lexicon: NameLexicon) -> None:
    text = "| Step | Site |\n|---|---|\n| Laptop | wanjiru |\n| Badge | mpho sebe |\n"
    assert lower_case_cells(text, [], lexicon) == []
