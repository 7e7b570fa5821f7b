"""Names by their table column (anonymize/table_columns.py), on hand-made results and the name lexicon."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.table_columns import TABLE_COLUMN, column_names, name_shaped, tables


def _persons(text: str, *values: str) -> list[RecognizerResult]:
    out = []
    for value in values:
        start = text.index(value)
        out.append(RecognizerResult("PERSON", start, start + len(value), 0.85))
    return out


CSV = (
    "id,name,team,lead\n"
    "1,Oyelaran Bankole,Sales,Teodora Vasilescu\n"
    '2,"Halvorsen, Maren",Sales,Teodora Vasilescu\n'
    "3,Kwame Mensah-Bonsu,Finance,Ruairi Byrne\n"
    "4,Ilse Vandermeulen,Finance,Ruairi Byrne\n"
)


def test_tables_by_commas_pipes_and_column_gaps() -> None:
    assert [len(t) for t in tables(CSV)] == [5]
    markdown = "| Name | Role |\n|---|---|\n| Ana Lima | lead |\n| Bo Chen | dev |\n| Eku Obi | ops |"
    assert [len(t) for t in tables(markdown)] == [3]  # the rows under the separator
    roster = "06:00  Ama Owusu    gate\n06:30  Lars Eid     dock\n07:00  Eun-ji Park  yard"
    [table] = tables(roster)
    assert [roster[s:e] for s, e in table[2]] == ["07:00", "Eun-ji Park", "yard"]
    assert tables("One line, with a comma, or two.\nAnother line.") == []


def test_the_other_cells_of_a_name_column_are_names(lexicon: NameLexicon) -> None:
    names = _persons(CSV, "Oyelaran Bankole", "Halvorsen, Maren", "Kwame Mensah-Bonsu", "Ilse Vandermeulen")
    byrne = [RecognizerResult("PERSON", m.start(), m.end(), 0.85) for m in re.finditer("Ruairi Byrne", CSV)]
    # One named lead makes no name column.
    assert column_names(CSV, names, lexicon) == []
    # Session 18: its repeat in the table is the same person (as its other mentions are), and two make one.
    repeat = [(r.start, r.end) for r in column_names(CSV, [*names, byrne[0]], lexicon)]
    assert (byrne[1].start, byrne[1].end) in repeat and len(repeat) == 3
    first_teodora = _persons(CSV, "Teodora Vasilescu")
    found = column_names(CSV, [*names, *byrne, *first_teodora], lexicon)
    second = CSV.index("Teodora Vasilescu", first_teodora[0].end)
    assert [(r.start, r.end) for r in found] == [(second, second + len("Teodora Vasilescu"))]
    assert found[0].recognition_metadata["recognizer_name"] == TABLE_COLUMN


def test_name_shapes(lexicon: NameLexicon) -> None:
    assert name_shaped("Ruairi Byrne", lexicon)
    assert name_shaped("KAREN VAN DER LINDE", lexicon)
    assert name_shaped("Okonkwo", lexicon)
    assert not name_shaped("Thu", lexicon) and not name_shaped("Finance", lexicon)
    assert not name_shaped("Operations Team", lexicon)


def test_a_log_with_pipes_between_its_columns(lexicon: NameLexicon) -> None:
    """Session 18: a visitor log pipes its columns without a leading pipe ("08:12   | Ana Lima   | ...");
    its visitor column holds names, among them one in capitals and one whose given name is a country."""
    log = (
        "Time in | Visitor             | Company           | Badge\n"
        "08:12   | Oluwaseun Adebayo   | Cryo-Tek Services | V-101\n"
        "08:45   | Anh Thu Pham        | BioRisk Insurance | V-102\n"
        "09:03   | SOMCHAI RATTANAKORN | Siam Lab Supply   | V-103\n"
        "09:30   | Jordan Bell         | —                 | V-104\n"
    )
    [table] = [t for t in tables(log) if len(t) == 5 and log[slice(*t[0][0])] == "Time in"]
    assert [log[s:e] for s, e in table[3]] == ["09:03", "SOMCHAI RATTANAKORN", "Siam Lab Supply", "V-103"]
    names = _persons(log, "Oluwaseun Adebayo", "Anh Thu Pham")
    assert [log[r.start : r.end] for r in column_names(log, names, lexicon)] == [
        "SOMCHAI RATTANAKORN",
        "Jordan Bell",
    ]
    assert tables("Ana Lima | Sales | +351 912 345 678\nAnother line.") == []


def test_a_rota_in_surname_first_order_names_its_other_cells(lexicon: NameLexicon) -> None:
    """Session 18: a cleaning rota writes "Surname, Given" in three columns, the names rotating across
    weeks; two found cells of a column vouch for its cells of the same shape whose words the lexicon does not
    know, and the same values in the other columns are the same people."""
    rota = (
        "| Week of | Surname, Given  | Bathrooms       |\n"
        "| 2 Mar   | Tamatea, Hēmi   | Fuimaono, Lagi  |\n"
        "| 9 Mar   | Ngata, Mere     | Kauhalalalo, Tu |\n"
        "| 16 Mar  | Fuimaono, Lagi  | Tamatea, Hēmi   |\n"
        "| 23 Mar  | Kauhalalalo, Tu | Ngata, Mere     |\n"
    )
    lagi = [m.start() for m in re.finditer("Fuimaono, Lagi", rota)]
    persons = [RecognizerResult("PERSON", s, s + len("Fuimaono, Lagi"), 0.9) for s in lagi]
    persons.append(RecognizerResult("PERSON", rota.index("Kauhalalalo"), rota.index("Kauhalalalo") + 15, 0.9))
    found = sorted(rota[r.start : r.end] for r in column_names(rota, persons, lexicon))
    assert found == ["Kauhalalalo, Tu", "Ngata, Mere", "Ngata, Mere", "Tamatea, Hēmi", "Tamatea, Hēmi"]
    assert (
        column_names("| Week of | Room |\n| 2 Mar | Kitchen, Sink |\n| 9 Mar | Yard, Bins |\n", [], lexicon)
        == []
    )
