"""Names by their column's header (anonymize/header_columns.py): unit tests on hand-made tables with the name
lexicon, and the insider's test with the real detector and vault. The names are in none of the corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.header_columns import HEADER_COLUMN, header_names, not_name_cells
from anonymize.name_lexicon import NameLexicon
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.results import recognizer_name
from anonymize.vault import Vault


def names(text: str, lexicon: NameLexicon) -> list[str]:
    found = header_names(text, lexicon)
    assert all(recognizer_name(r) == HEADER_COLUMN and r.entity_type == "PERSON" for r in found)
    return [text[r.start : r.end] for r in found]


def test_a_tab_separated_export_with_surname_and_given_name_columns(lexicon: NameLexicon) -> None:
    text = (
        "family_name\tgiven_names\tteam\tbadge\n"
        "Oyelaran-Daudu\tTemitope\tLogistics\tyes\n"
        "ter Haar\tWillemijn\tFinance\tno\n"
        "el-Masri\tMercy\tIT\tyes\n"
        "Ikaika\tSunday\tWarehouse\tyes\n"
    )
    found = names(text, lexicon)
    # Given names that are English words or a day's name are names under "given_names"; the team is no name.
    assert found == [
        "Oyelaran-Daudu",
        "ter Haar",
        "el-Masri",
        "Ikaika",
        "Temitope",
        "Willemijn",
        "Mercy",
        "Sunday",
    ]


def test_a_tsv_export_with_empty_fields_keeps_its_columns(lexicon: NameLexicon) -> None:
    """An empty field (two tabs, or a trailing tab) and a row that leaves its last empty fields out: the
    rows after them stay in the table, their names in their columns (a payroll export, session 21)."""
    text = (
        "EMP_ID\tSURNAME\tFORENAMES\tDEPT\tNOTES\n"
        "XK0112\tGOGOLADZE\tTemitope\tTransport\t\n"
        "XK0118\tMAGSAYSAY\tSummer\t\tnight premium\n"
        "XK0131\tO'DONNACHA\tSiobhán\tAdmin\n"
        "XK0140\tEZEUDU\tJordan\tWarehouse\tstarter\n"
        "# totals: 4 employees\n"
    )
    assert names(text, lexicon) == [
        "GOGOLADZE",
        "MAGSAYSAY",
        "O'DONNACHA",
        "EZEUDU",
        "Temitope",
        "Summer",
        "Siobhán",
        "Jordan",
    ]


def test_the_detector_finds_the_names_after_an_empty_field(detector: PiiDetector) -> None:
    text = (
        "# payroll export, period 08\n"
        "EMP_ID\tSURNAME\tFORENAMES\tDEPT\tGROSS\tNOTES\n"
        "XK0112\tGOGOLADZE\tTemitope\tTransport\t3,412.50\t\n"
        "XK0142\tHOPE\tSummer\tAdmin\t2,210.00\tKIT day 14/11\n"
    )
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"HOPE", "Summer"} <= found


def test_a_table_aligned_with_runs_of_tabs_is_split_at_its_gaps(lexicon: NameLexicon) -> None:
    """Runs of tabs align a table's columns: no empty field there (a row's single tab is the same gap)."""
    text = "Name\t\tRole\nTemitope Ezeudu\tDriver\nAnn Magsaysay\t\tClerk\n"
    assert names(text, lexicon) == ["Temitope Ezeudu", "Ann Magsaysay"]


def test_a_fixed_width_phone_list_with_inverted_names(lexicon: NameLexicon) -> None:
    text = (
        "Name                      Role               Ext    Mobile\n"
        "Bishop, Ngozi             Branch manager     210    07700 900 321\n"
        "Summer, Aroha             Cashier            215\n"
        "NÍ DHOMHNAILL, Sadhbh     Security           230\n"
        "\n"
        "Out of hours: call Ngozi."
    )
    assert names(text, lexicon) == ["Bishop, Ngozi", "Summer, Aroha", "NÍ DHOMHNAILL, Sadhbh"]


def test_a_roster_whose_header_says_surname_then_given_name(lexicon: NameLexicon) -> None:
    text = (
        "SURNAME, Given name           Mon   Tue   Wed\n"
        "PHAM, Thi Hoa                 E     E     L\n"
        "BINTI YUSOF, Siti Hajar -     L     -     N\n"
    )
    # A trailing rota mark ("-") run into the cell is no part of the name.
    assert names(text, lexicon) == ["PHAM, Thi Hoa", "BINTI YUSOF, Siti Hajar"]


def test_a_header_that_says_last_then_first(lexicon: NameLexicon) -> None:
    """Session 28: "Name (LAST, First)" over a jury panel or a class list: given names that are English
    words ("Both", "Hope", "Precious") are names under it."""
    text = (
        "Seat  Name (LAST, First)        City\n"
        " 1    TEAREI, Hope Vaimiti      Papeete\n"
        " 2    MABUZA, Precious          Mbombela\n"
        " 3    KUOL, Both Garang         Omaha\n"
    )
    assert names(text, lexicon) == ["TEAREI, Hope Vaimiti", "MABUZA, Precious", "KUOL, Both Garang"]
    text = (
        "Pupil name (Family, Given)   Grade\n"
        "Ó BRIAIN, Saoirse             4\n"
        "HEMA, Aroha                   4\n"
    )
    assert names(text, lexicon) == ["Ó BRIAIN, Saoirse", "HEMA, Aroha"]


def test_a_role_header_needs_a_name_of_the_lexicon(lexicon: NameLexicon) -> None:
    text = (
        "| Employee | Site | Manager |\n"
        "|---|---|---|\n"
        "| Dagnija Ozola | Riga | Facilities Team |\n"
        "| Mikus Liepa | Riga | vacant |\n"
    )
    # "Facilities Team" under "Manager" and the placeholder are no names; a site is under no name column.
    assert names(text, lexicon) == ["Dagnija Ozola", "Mikus Liepa"]


def test_pipes_between_the_cells_only(lexicon: NameLexicon) -> None:
    """A table whose pipes stand only between its cells, no pipe at the line's ends (session 26)."""
    text = "Name | Role | Phone\nThandeka | driver | 071 555 0192\nMbali | loader | 072 555 0183\n"
    assert names(text, lexicon) == ["Thandeka", "Mbali"]
    assert names("a | b | c\nNgozi | x | y\n", lexicon) == []  # no name header


def test_a_role_header_over_a_word_english_does_not_know(lexicon: NameLexicon) -> None:
    """Under "Owner", one word no lexicon holds and English does not know is a name (session 26); an
    everyday word or a code is none."""
    text = (
        "| Task | Owner | Due |\n|---|---|---|\n| Fix the gate | Tamatea | Fri |\n"
        "| Order toner | Facilities | Mon |\n| Label | KX-220 | Wed |\n"
    )
    assert names(text, lexicon) == ["Tamatea"]


def test_no_name_column_no_names(lexicon: NameLexicon) -> None:
    assert names("Product name    Price\nWidget Pro      12.00\nSuper Saver     9.99\n", lexicon) == []
    prose = "Name, address and phone number are required.\nThe form, once signed, goes to HR.\n"
    assert names(prose, lexicon) == []
    # Company cells under "Name" are no persons; a row of another width ends a CSV table.
    csv = "Name,City\nAcme Holdings,Leeds\nKalani Akana,Hilo\nTotal: 2 rows\nOkoro Ifeanyi,Lagos\n"
    assert names(csv, lexicon) == ["Kalani Akana"]


def test_the_insider_looks_for_a_roster_name_in_the_index_and_asks_for_it(
    detector: PiiDetector, vault: Vault
) -> None:
    """An HR export whose names the NER model does not know: every cell under the name columns, and the same
    name in the text after the table, is stored pseudonymized; erasure finds it; a question naming the person
    is pseudonymized too."""
    export = (
        "Training attendance, March\n\n"
        "surname\tgiven_names\tdepartment\tcertificate\n"
        "Tuilagi-Fonoti\tSiosaia\tWarehouse\tissued\n"
        "Gebremedhin\tLetebrhan\tFinance\tpending\n"
        "Ó Murchú\tCaoimhe\tIT\tissued\n"
        "\n"
        "Letebrhan will collect the pending certificates."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([export])[0].text
    for value in ("Tuilagi-Fonoti", "Siosaia", "Gebremedhin", "Letebrhan", "Murchú", "Caoimhe"):
        assert value not in stored, stored
    assert "Warehouse" in stored and "Finance" in stored and "department" in stored
    assert vault.lookup_value("Gebremedhin", "PERSON")
    question = pseudo.run(["Has Letebrhan Gebremedhin got her certificate?"], store=False)[0].text
    assert "Letebrhan" not in question and "Gebremedhin" not in question, question


def test_no_name_runs_across_a_tab(detector: PiiDetector) -> None:
    """A tab parts two cells: the surname and the given name of a TSV row are two names, and a department
    cell after them ("Logistics") makes no company of them."""
    text = "surname\tgiven_names\tdepartment\nTesfaye\tHirut\tLogistics\nVan der Merwe\tAnneke\tFinance\n"
    results = detector.analyze([text])[0]
    found = [
        (r.entity_type, text[r.start : r.end]) for r in results if r.entity_type in ("PERSON", "ORGANIZATION")
    ]
    assert found == [
        ("PERSON", "Tesfaye"),
        ("PERSON", "Hirut"),
        ("PERSON", "Van der Merwe"),
        ("PERSON", "Anneke"),
    ]


def test_a_column_of_places_or_roles_holds_no_names(lexicon: NameLexicon, detector: PiiDetector) -> None:
    text = (
        "## Licence renewals, Tartu and Kaunas sites\n\n"
        "| Employee | Site | Role |\n"
        "|---|---|---|\n"
        "| Kadri Tamm | Tartu | Forklift driver |\n"
        "| Jurgita Paulauskienė | Kaunas | Team lead |\n"
        "| Mart Kask | Tartu (on loan) | Forklift driver |\n"
    )
    cells = [text[s:e] for s, e in not_name_cells(text)]
    assert cells == ["Tartu", "Kaunas", "Tartu (on loan)", "Forklift driver", "Team lead", "Forklift driver"]
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert {"Kadri Tamm", "Jurgita Paulauskienė", "Mart Kask"} <= set(found)
    assert not {"Tartu", "Kaunas"} & set(found), found


def test_a_rotas_weekday_header_is_no_name(detector: PiiDetector) -> None:
    """A name never runs over a column gap: "Mon   Tue   Wed" was one candidate of the name-evidence
    recognizer, and each weekday a name after the gaps were cut."""
    text = (
        "NURSING ROTA, WEEK 14\n\n"
        "SURNAME, Given name          Mon   Tue   Wed\n"
        "NGATA, Hemi                  E     E     L\n"
        "RAKOTO, Fanja                L     -     N\n"
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found == ["NGATA, Hemi", "RAKOTO, Fanja"], found


def test_a_given_name_that_is_a_day_or_a_place_is_a_name_under_given_names(detector: PiiDetector) -> None:
    """The header wins over the other readings of a cell: "Sunday" is no date there, "Jordan" no place, and
    "Sunday" no ordinary English word."""
    text = "surname\tgiven_names\tdepartment\nFitzgerald\tSunday\tWarehouse\nAbara\tJordan\tIT\n"
    found = [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]]
    assert ("PERSON", "Sunday") in found and ("PERSON", "Jordan") in found, found
    assert not any(value in ("Sunday", "Jordan") and kind != "PERSON" for kind, value in found), found


def test_a_nickname_column(lexicon: NameLexicon) -> None:
    """A rooming list's "NICK" column holds names that are English words ("BEER", "GOLF")."""
    text = (
        "NO  SURNAME       FIRST NAME  NICK  ROOM\n"
        "1   WONGSAKUL     SOMCHAI     CHAI  KING\n"
        "4   RATTANAKOSIN  THANAWAT    BEER  TWIN\n"
        "5   BOONMA        KITTIPONG   GOLF  TWIN\n"
    )
    assert {"CHAI", "BEER", "GOLF"} <= set(names(text, lexicon))


def test_a_spreadsheet_csv_with_semicolons(lexicon: NameLexicon) -> None:
    """Session 28: spreadsheets write CSV with semicolons where the comma is the decimal mark."""
    text = (
        "id;Nom;Prénom;Service;Salaire\n"
        "1;DIALLO;Aminata;Compta;2 450,00\n"
        "2;Le Goff;Yann;RH;2 310,50\n"
        "3;Nguyễn;Thu Trang;Achats;2 600,00\n"
    )
    assert sorted(names(text, lexicon)) == sorted(
        ["DIALLO", "Aminata", "Le Goff", "Yann", "Nguyễn", "Thu Trang"]
    )
    listing = "badge_id;Full name;affiliation\n0001;Ana Paula Tapia Quispe;Universidad Mayor\n"
    assert names(listing, lexicon) == ["Ana Paula Tapia Quispe"]


def test_last_and_first_columns_side_by_side(lexicon: NameLexicon) -> None:
    """Session 28: "Last" and "First" alone head anything; side by side they split a person's name, cells
    that are also words or places included."""
    text = (
        "Position,Last,First,Shift\n"
        "Check-in,RAMOS,Jun,6:00-14:00\n"
        "Greeter,NAKAMURA,Faith,6:00-14:00\n"
        "Runner,DOMINGO,Nenita,13:00-20:00\n"
    )
    assert sorted(names(text, lexicon)) == sorted(["RAMOS", "Jun", "NAKAMURA", "Faith", "DOMINGO", "Nenita"])
    tsv = "Family\tGiven\tUnit\nOkonkwo\tChidi\tWard 4\nHoang\tMai\tWard 2\n"
    assert sorted(names(tsv, lexicon)) == sorted(["Okonkwo", "Chidi", "Hoang", "Mai"])


def test_last_or_first_alone_heads_no_name_column(lexicon: NameLexicon) -> None:
    assert names("Item,Last,Next\nPrinter,Monday,Friday\nScanner,Alpha,Omega\n", lexicon) == []
    assert names("Stage;First;Second\nHeats;Lisbon;Porto\n", lexicon) == []
    assert names("Quarter;First;Last\nQ1;2024-01-03;2024-03-28\nQ2;2024-04-02;2024-06-27\n", lexicon) == []
    assert names("Dear team; first, the last items; then\nthe rest.", lexicon) == []
