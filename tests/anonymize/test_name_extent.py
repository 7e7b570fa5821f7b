"""A PERSON span grows over the name words next to it (``anonymize.name_extent``), on hand-made results."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.company_names import drop_company_heads
from anonymize.name_extent import (
    extend_names,
    lexicon_full_name,
    ner_person,
    ordinary_words,
    split_at_column_gaps,
)
from anonymize.name_lexicon import NameLexicon
from anonymize.name_trim import trim_person
from anonymize.ordinary_names import drop_ordinary_words
from anonymize.propagation import PROPAGATION
from tests.anonymize.results_at import result_at


def person(text: str, value: str, by: str = "SpacyRecognizer", nth: int = 0) -> RecognizerResult:
    return result_at(text, value, "PERSON", by, nth)


def grown(text: str, results: list[RecognizerResult], lexicon: NameLexicon) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start : r.end]) for r in extend_names(text, results, lexicon))


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("| Early | Hope Castellanos | Rangi |", "Castellanos", "Hope Castellanos"),  # an English word
        ("Signed: M. Slater, for the board", "Slater", "M. Slater"),  # an initial
        ("Bowling: Vaas 7-0-29-0, de Silva 4-0-25-0", "Silva", "de Silva"),  # a particle
        ("Ms Nurul Izzah binti Hassan called.", "Nurul Izzah", "Nurul Izzah binti Hassan"),
        ("German Defence Minister Volker Ruehe will visit", "Volker", "Volker Ruehe"),  # a rare surname
        ("Daughter of Henry VIII and his wife", "Henry", "Henry VIII"),  # a regnal number
        ("10260,April Delacroix,Marketing", "Delacroix", "April Delacroix"),  # a CSV cell, a month
    ],
)
def test_a_name_found_in_part_grows_to_the_whole_name(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    assert grown(text, [person(text, found)], lexicon) == [("PERSON", whole)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Prime Minister Tareq Aziz said", "Tareq Aziz"),  # a title stays out
        ("Hi Paul, I'm writing about", "Paul"),  # a greeting
        ("Arrow Financial Corporation's Eric Durr, and", "Eric Durr"),  # a possessive before
        ("the verses from Pete's Cautionary Tales.", "Pete"),  # a possessive ends the name
        ("On Monday Castellanos left", "Castellanos"),  # a weekday
        ("Yesterday Castellanos left", "Castellanos"),  # a frequent English word
        ("SAMPLE: Jane  Doe", "Doe"),  # two blanks: a column gap, no name's blank
        ("Jane\nDoe left", "Doe"),  # another line
    ],
)
def test_words_that_are_no_part_of_the_name_stay_out(text: str, found: str, lexicon: NameLexicon) -> None:
    assert grown(text, [person(text, found)], lexicon) == [("PERSON", found)]


def test_two_names_one_blank_apart_become_one_and_ner_places_inside_yield(lexicon: NameLexicon) -> None:
    text = "Hen Vipheak , former editor"
    assert grown(text, [person(text, "Hen"), person(text, "Vipheak")], lexicon) == [("PERSON", "Hen Vipheak")]
    ner = {"recognizer_name": "SpacyRecognizer"}
    place = RecognizerResult("LOCATION", 0, 6, 0.85, recognition_metadata=ner)
    text = "Jansher Khan ( Pakistan ) beat"
    assert grown(text, [place, person(text, "Khan")], lexicon) == [("PERSON", "Jansher Khan")]


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        # A nickname or initials in brackets inside one name: one span.
        ("Add Robert (Bob) Lyle to the list", "Robert", "Lyle", ["Robert (Bob) Lyle"]),
        (
            "historian Alan John ( A.J.P. ) Taylor died",
            "Alan John",
            "Taylor",
            ["Alan John ( A.J.P. ) Taylor"],
        ),
        # Only the given name found: the name grows over the nickname to the surname.
        ("Add Ngozi (Zizi) Adeyemi to the list", "Ngozi", "", ["Ngozi (Zizi) Adeyemi"]),
        # A department in brackets between two people's names: two names.
        ("Dana Whitfield (Finance) Samuel Otieno", "Dana Whitfield", "Samuel Otieno", None),
        # A nickname in quotes (session 17), the given name or the surname found.
        ('We thank Margaret "Peggy" Lindqvist today', "Margaret", "", ['Margaret "Peggy" Lindqvist']),
        ('We welcome Ferdinand "Ferdie" Okonkwo today', "Okonkwo", "", ['Ferdinand "Ferdie" Okonkwo']),
        # A quoted word that is no given name is no nickname: "Dana" and "Samuel Otieno" stay two names.
        ('Dana "Finance" Samuel Otieno', "Dana", "Samuel Otieno", None),
    ],
)
def test_a_nickname_in_brackets_joins_the_name_a_department_does_not(
    text: str, first: str, second: str, expected: list[str] | None, lexicon: NameLexicon
) -> None:
    found = [person(text, first)] + ([person(text, second)] if second else [])
    assert [value for _, value in grown(text, found, lexicon)] == (expected or sorted([first, second]))


def test_a_pattern_result_of_another_type_is_not_taken(lexicon: NameLexicon) -> None:
    text = "Kilimani Road Okafor"
    address = RecognizerResult("STREET_ADDRESS", 0, 13, 0.9, recognition_metadata={"recognizer_name": "Addr"})
    assert grown(text, [address, person(text, "Okafor")], lexicon) == [
        ("PERSON", "Okafor"),
        ("STREET_ADDRESS", "Kilimani Road"),
    ]


def test_lexicon_full_names(lexicon: NameLexicon) -> None:
    assert lexicon_full_name("Anneke de Vries", lexicon)
    assert lexicon_full_name("Chase Holloway", lexicon)
    assert not lexicon_full_name("Kenya Airways", lexicon)
    assert not lexicon_full_name("Human Resources", lexicon)
    assert not lexicon_full_name("Holloway", lexicon)


def test_a_name_is_cut_at_a_column_gap(lexicon: NameLexicon) -> None:
    text = "Author: Zainab Memon   Reviewed by: Dr. Farhan Baloch   Date: 20 January"
    results = [person(text, "Zainab Memon   Reviewed"), person(text, "Farhan Baloch   Date")]
    assert grown(text, split_at_column_gaps(text, results, lexicon), lexicon) == [
        ("PERSON", "Farhan Baloch"),
        ("PERSON", "Zainab Memon"),
    ]
    text = "Signatures:\nK. Papadopoulos      H. Levi-Stern\nDr. Francisco Javier Ruiz ......... 2116"
    results = [person(text, "K. Papadopoulos      H. Levi-Stern"), person(text, "Francisco Javier Ruiz ...")]
    assert sorted(text[r.start : r.end] for r in split_at_column_gaps(text, results, lexicon)) == [
        "Francisco Javier Ruiz",
        "H. Levi-Stern",
        "K. Papadopoulos",
    ]


def test_a_name_is_cut_at_a_list_separator(lexicon: NameLexicon) -> None:
    """A list's middle dot, bullet or bar between blanks separates names ("Joseph Anthonyraj · Hema"); the
    Catalan "l·l" inside a word does not."""
    text = "People also viewed: Joseph Anthonyraj · Hema • Divya Sivakumar | Marçal Col·lell"
    results = [person(text, "Joseph Anthonyraj · Hema • Divya Sivakumar | Marçal Col·lell")]
    assert [text[r.start : r.end] for r in split_at_column_gaps(text, results, lexicon)] == [
        "Joseph Anthonyraj",
        "Hema",
        "Divya Sivakumar",
        "Marçal Col·lell",
    ]


@pytest.mark.parametrize(
    ("value", "ordinary"),
    [
        ("Talent Acquisition Lead", True),
        ("Campus", True),
        ("Farewell", True),
        ("Hope", False),  # a given name of English-speaking countries
        ("Mark", False),
        ("Young", False),  # a surname
        ("Castellanos", False),
        ("Hope Castellanos", False),
    ],
)
def test_ordinary_english_words_are_no_name(value: str, ordinary: bool, lexicon: NameLexicon) -> None:
    assert ordinary_words(value, lexicon) is ordinary


def test_another_mention_that_starts_a_company_name_is_dropped() -> None:
    text = 'Carmel: Shira Ben-Haim\nParties: Carmel Analytics Ltd., Tel Aviv ("Carmel")'
    start = text.index("Carmel Analytics")
    propagated = RecognizerResult(
        "PERSON", start, start + 6, 0.6, recognition_metadata={"recognizer_name": PROPAGATION}
    )
    quoted = text.rindex("Carmel")
    other = RecognizerResult(
        "PERSON", quoted, quoted + 6, 0.6, recognition_metadata={"recognizer_name": PROPAGATION}
    )
    assert drop_company_heads(text, [propagated, other]) == [other]


@pytest.mark.parametrize(
    ("text", "found", "name", "qualifier"),
    [
        ("U.S. President Bill Clinton spoke.", "U.S. President Bill Clinton", "Bill Clinton", None),
        (
            "Palestinian President Yasser Arafat said",
            "Palestinian President Yasser Arafat",
            "Yasser Arafat",
            "Palestinian",
        ),
        (
            "backed security chief Alexander Lebed 's plan",
            "security chief Alexander Lebed",
            "Alexander Lebed",
            None,
        ),
        ("French Prime Minister Alain Juppe met", "French Prime Minister Alain Juppe", "Alain Juppe", None),
        (
            "Prime Minister Viktor Chernomyrdin",
            "Prime Minister Viktor Chernomyrdin",
            "Viktor Chernomyrdin",
            None,
        ),
        # A name that holds a title word keeps it; a given name before a title is no qualifier.
        ("Stephen King Jr wrote", "Stephen King Jr", "Stephen King Jr", None),
        ("Rosalind Judge Okafor signed", "Rosalind Judge Okafor", "Rosalind Judge Okafor", None),
        ("Martin Luther King spoke", "Martin Luther King", "Martin Luther King", None),
    ],
)
def test_a_qualified_title_before_a_name_is_trimmed(
    text: str, found: str, name: str, qualifier: str | None, lexicon: NameLexicon
) -> None:
    qualifiers = [(text.index(qualifier), text.index(qualifier) + len(qualifier))] if qualifier else []
    trimmed = trim_person(text, person(text, found), qualifiers, lexicon)
    assert text[trimmed.start : trimmed.end] == name


def test_a_possessive_ending_is_no_part_of_the_name(lexicon: NameLexicon) -> None:
    for text, found, name in [
        ("Ms Adebayo-Lindqvist's cover is Okonjo.", "Ms Adebayo-Lindqvist's", "Adebayo-Lindqvist"),
        ("backed Alexander Lebed 's peace plan", "Alexander Lebed 's", "Alexander Lebed"),
        ("the desk of Sydney Carrington’s team", "Sydney Carrington’s", "Sydney Carrington"),
    ]:
        trimmed = trim_person(text, person(text, found), [], lexicon)
        assert text[trimmed.start : trimmed.end] == name


def test_a_prize_or_a_theorem_named_after_someone_is_no_person(lexicon: NameLexicon) -> None:
    """Detector 32: "Nobel" of "Nobel laureate" or "the Nobel Memorial Prize" names a prize, not a person
    (XQuAD's Wikipedia paragraphs); "Alfred Nobel founded" is one."""
    text = "Stigler, Nobel laureate; the Nobel Memorial Prize; Fermat theorem. Alfred Nobel founded it."
    results = [person(text, "Nobel"), person(text, "Nobel", nth=1), person(text, "Fermat")]
    results.append(person(text, "Alfred Nobel"))
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Alfred Nobel"]


def test_the_subject_of_is_a_film_is_a_title(lexicon: NameLexicon) -> None:
    """Detector 37: ``en_core_web_md`` reads "Zoolander" of "Zoolander is a 2001 American action-comedy film
    directed by ..." as a person; the subject of "is a ... film|novel|album ..." is a work. "Okonkwo is a
    film director" and "Tamsin is a play therapist" keep their persons (the work's noun ends its phrase)."""
    text = (
        "Zoolander is a 2001 American action-comedy film directed by Ben Stiller. Ulysses is a novel by "
        "James Joyce. Okonkwo is a film director. Tamsin is a play therapist."
    )
    results = [person(text, v) for v in ("Zoolander", "Ulysses", "Ben Stiller", "Okonkwo", "Tamsin")]
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Ben Stiller", "Okonkwo", "Tamsin"]


def test_a_people_or_a_team_after_the_is_no_person(lexicon: NameLexicon) -> None:
    """Detector 34: one plural word after "the" that is no name of the lexicon names a group (XQuAD's
    "the Egyptian Mamluks", "the Jurchens"); "the Jones family" keeps its surname."""
    text = "the Egyptian Mamluks fled; the Jurchens came; the Jones family stayed."
    results = [person(text, v) for v in ("Mamluks", "Jurchens", "Jones")]
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Jones"]


def test_a_possessive_inside_a_span_ends_the_name(lexicon: NameLexicon) -> None:
    """Detector 32: the model runs a name into the work or thing it owns; the name ends before the "'s"."""
    for text, found, name in [
        ("from Kevin Lamovec's Cautionary Tales.", "Kevin Lamovec's Cautionary Tales", "Kevin Lamovec"),
        ("read Ngozi Eze’s Annual Report first", "Ngozi Eze’s Annual Report", "Ngozi Eze"),
        # Only the owned starts with a given name: the owner is a thing.
        ("the Land Trust's Ancelina Allaire said", "Land Trust's Ancelina Allaire", "Ancelina Allaire"),
    ]:
        trimmed = trim_person(text, person(text, found), [], lexicon)
        assert text[trimmed.start : trimmed.end] == name


@pytest.mark.parametrize(
    ("text", "found", "name"),
    [
        # An everyday noun that is no name anywhere, before a given name and a surname: a role.
        ("Producer Sandy Lahtela explained", "Producer Sandy Lahtela", "Sandy Lahtela"),
        ("Guitarist Ana Silva left", "Guitarist Ana Silva", "Ana Silva"),
        # A name that is also a word, or a role before one word only: kept.
        ("Grace Kelly arrived", "Grace Kelly", "Grace Kelly"),
        ("Producer Sandy said", "Producer Sandy", "Producer Sandy"),
    ],
)
def test_a_role_noun_before_a_full_name_is_trimmed(
    text: str, found: str, name: str, lexicon: NameLexicon
) -> None:
    trimmed = trim_person(text, person(text, found), [], lexicon)
    assert text[trimmed.start : trimmed.end] == name


def test_a_short_surname_after_an_honorific_and_a_thing_named_after_someone(lexicon: NameLexicon) -> None:
    """Detectors 25 and 28: "Ms. Oh" stays a person though "Oh" is an ordinary word ("miss Oh" in lower case
    is no title); a span followed by a building's, a garden's or an alert's noun names a thing."""
    text = "Ms. Oh called. The Florence Nightingale building and the Rose garden close; Amber alert level."
    results = [person(text, v) for v in ("Oh", "Florence Nightingale", "Rose", "Amber")]
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Oh"]
    lower = "we will miss Oh dear."
    assert drop_ordinary_words(lower, [person(lower, "Oh")], lexicon) == []


def test_hyphenated_surnames_the_model_typed_as_a_place_or_an_organization_are_a_person(
    lexicon: NameLexicon,
) -> None:
    """Detector 38: ``en_core_web_md`` types "Olusegun Bankole-Fraser" as a place (GPE) and "Vázquez-Ibarra"
    of "Hope Vázquez-Ibarra" as an organization without the given name; the lexicon reads both as a given
    name and surnames. Detector 39: a place the lexicon reads as a full name is a person unless it is a
    known place or has a place's first or last word. Companies stay as they are."""
    text = (
        "Questions to Olusegun Bankole-Fraser, site manager. Hope Vázquez-Ibarra joins. Flights to San Jose "
        "and Stratford-upon-Avon. Call Ana Ferreira-Lopes Logistics. I want to add Colton Svenningsen as a "
        "beneficiary. Via Santa Teresa 7, then Fort Caroline and the Rhine Gorge."
    )
    cases = [
        ("LOCATION", "Olusegun Bankole-Fraser", ("PERSON", "Olusegun Bankole-Fraser")),
        ("ORGANIZATION", "Vázquez-Ibarra", ("PERSON", "Hope Vázquez-Ibarra")),
        ("LOCATION", "San Jose", ("LOCATION", "San Jose")),
        ("LOCATION", "Colton Svenningsen", ("PERSON", "Colton Svenningsen")),  # no place of the gazetteer
        ("LOCATION", "Santa Teresa", ("LOCATION", "Santa Teresa")),  # a saint's name
        ("LOCATION", "Fort Caroline", ("LOCATION", "Fort Caroline")),
        ("LOCATION", "Rhine Gorge", ("LOCATION", "Rhine Gorge")),
        ("LOCATION", "Stratford-upon-Avon", ("LOCATION", "Stratford-upon-Avon")),
        ("ORGANIZATION", "Ana Ferreira-Lopes Logistics", ("ORGANIZATION", "Ana Ferreira-Lopes Logistics")),
    ]
    for entity_type, value, expected in cases:
        found = ner_person(text, result_at(text, value, entity_type, "SpacyRecognizer"), lexicon)
        assert (found.entity_type, text[found.start : found.end]) == expected, value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Detector 41: a given name English speakers bear, read by the model as a place, is a person ...
        ("We waited, but Rosalind never came.", "PERSON"),
        ("Marjorie is from Halvercott Ltd.", "PERSON"),
        # ... not in a place's or a group's slot, nor before a house number, nor a known place, nor a word
        # that is no given name English speakers bear.
        ("He grew up in Rosalind before the war.", "LOCATION"),
        ("They crossed the eastern Rosalind at dawn.", "LOCATION"),
        ("The Treaty of Rosalind was signed.", "LOCATION"),
        ("3. Tom Ekdahl ( Rosalind ) 20.37", "LOCATION"),
        ("Please return it to Rosalind and Kielgate 32.", "LOCATION"),
        ("We waited, but Florence never came.", "LOCATION"),
        ("We waited, but Calabria never came.", "LOCATION"),
    ],
)
def test_a_given_name_the_model_read_as_a_place_is_a_person(
    text: str, expected: str, lexicon: NameLexicon
) -> None:
    word = next(w for w in ("Rosalind", "Marjorie", "Florence", "Calabria") if w in text)
    found = ner_person(text, result_at(text, word, "LOCATION", "SpacyRecognizer"), lexicon)
    assert (found.entity_type, text[found.start : found.end]) == (expected, word)


def test_a_name_grows_over_an_irish_particle(lexicon: NameLexicon) -> None:
    """Detector 43: a capitalized particle ("Ó", "Ní", "Mac") between name words is part of the name."""
    text = "Data: Tomás Ó Briain, Ops: Aoife Ní Bhriain"
    results = [person(text, "Tomás"), person(text, "Aoife")]
    assert grown(text, results, lexicon) == [("PERSON", "Aoife Ní Bhriain"), ("PERSON", "Tomás Ó Briain")]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("Frau Lindemann-Özkan in payroll has the form.", "Frau Lindemann-Özkan", "Lindemann-Özkan"),
        ("Ask Pak Budi Santoso at the depot.", "Pak Budi Santoso", "Budi Santoso"),
        ("Liu-san, thank you for the samples.", "Liu-san", "Liu"),
        ("Señora Ortega signed.", "Señora Ortega", "Ortega"),
        ("Sharma-ji approved it.", "Sharma-ji", "Sharma"),
        ("Alhaji Musa Danjuma agreed.", "Alhaji Musa Danjuma", "Musa Danjuma"),
        ("Sri Lanka won the toss.", "Sri Lanka", "Sri Lanka"),  # no honorific: a country
    ],
)
def test_honorifics_of_other_languages_are_no_part_of_the_name(
    text: str, value: str, name: str, lexicon: NameLexicon
) -> None:
    """Session 15: a title before ("Frau", "Pak", "Señora") or an honorific joined after ("-san")."""
    trimmed = trim_person(text, person(text, value), [], lexicon)
    assert text[trimmed.start : trimmed.end] == name


def test_a_name_in_capitals_grows_over_its_words_in_capitals(lexicon: NameLexicon) -> None:
    """Session 18: a memo's header writes one name in capitals in a line of ordinary text ("CC: KWABENA
    ASANTE (Finance); Sunday Okon (Legal)"): the name found as "KWABENA" grows over "ASANTE" as it would in
    title case; the department after it and an acronym one column gap away stay out."""
    text = "CC: KWABENA ASANTE (Finance); Sunday Okon (Legal)"
    assert grown(text, [person(text, "KWABENA")], lexicon) == [("PERSON", "KWABENA ASANTE")]
    text = "ON SITE: KWABENA  HSE team"
    assert grown(text, [person(text, "KWABENA")], lexicon) == [("PERSON", "KWABENA")]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("CC: KWABENA ASANTE (Finance); Sunday Okon (Legal)", "Okon", "Sunday Okon"),
        (
            "he asked that Sunday Ifeanyi Ekwueme be on the letter",
            "Ifeanyi Ekwueme",
            "Sunday Ifeanyi Ekwueme",
        ),
        ("We landed on Sunday Okon met us", "Okon", "Okon"),  # the day: "on Sunday"
        ("Closed 12:00 Sunday Okon has the keys", "Okon", "Okon"),  # a time before: the day
        ("Every Sunday Okon opens the depot", "Okon", "Okon"),
    ],
)
def test_a_weekday_people_bear_as_a_given_name_before_a_found_name(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    """Session 18: "Sunday" is a Nigerian and Ghanaian given name ("Sunday Okon (Legal)" in a memo's CC
    line); right before a found name it is part of it, unless a word before makes it the day."""
    assert grown(text, [person(text, found)], lexicon) == [("PERSON", whole)]


def test_an_honorific_of_another_language_is_trimmed(lexicon: NameLexicon) -> None:
    """Session 21: Tamil, Persian, Māori and Kurdish honorifics and a pharmacist's title are no part of the
    name ("Thiru Murugan", "Khanom Hosseini", "Koro Hēmi", "Mam Jalal"); in capitals too."""
    for text, found, name in [
        ("could you see Thiru Murugan, a retired teacher", "Thiru Murugan", "Murugan"),
        ("- Khanom Hosseini's guest is her brother", "Khanom Hosseini", "Hosseini"),
        ("Koro Hēmi's mokopuna may sit in", "Koro Hēmi", "Hēmi"),
        ("4. Mam Jalal, the building watchman", "Mam Jalal", "Jalal"),
        ("Pharmacist Ana-Lucía Ferreira to review", "Pharmacist Ana-Lucía Ferreira", "Ana-Lucía Ferreira"),
        ("FROM: THIRU MURUGAN", "THIRU MURUGAN", "MURUGAN"),
    ]:
        trimmed = trim_person(text, person(text, found), [], lexicon)
        assert text[trimmed.start : trimmed.end] == name


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("work closely with Jordi Puig i Casals and Consuelo.", "Jordi Puig", "Jordi Puig i Casals"),
        ("Mill Manager: Kumaravel a/l Muthusamy\n", "Kumaravel", "Kumaravel a/l Muthusamy"),
        ("(owner of the well: Md. Abdul Karim, Haimchar)", "Abdul Karim", "Md. Abdul Karim"),
        ("Signed: A. Ngata / K. Te Awa", "Awa", "K. Te Awa"),
        ("  - Arjun R., Data Engineer", "Arjun", "Arjun R."),
        ("spilled. Shira bat-Sheva Abramov opened", "Sheva Abramov", "Shira bat-Sheva Abramov"),
        ("09:15,,Ben-David Yael,Carmel", "David Yael", "Ben-David Yael"),
    ],
)
def test_particles_and_abbreviations_of_other_languages_inside_a_name(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    """Catalan "i" between surnames, Malaysian "a/l", a Hebrew "bat-" or "Ben-" joined by a hyphen, "Md."
    (Muhammad), Maori "Te", and an initial after a given name are parts of the name."""
    assert grown(text, [result_at(text, found)], lexicon) == [("PERSON", whole)]


def test_two_people_joined_by_i_stay_two(lexicon: NameLexicon) -> None:
    """ "Jordi Puig i Maria Vila": "i" before a given name and a surname joins two people."""
    text = "met Jordi Puig i Maria Vila today"
    assert grown(text, [result_at(text, "Jordi Puig")], lexicon) == [("PERSON", "Jordi Puig")]


def test_a_rosters_given_name_that_is_an_english_word_ends_the_cell(lexicon: NameLexicon) -> None:
    """ "Achieng Mercy" in a roster laid out with blanks: the English given name before the column gap is
    the name's; inside prose it is not taken ("Achieng Mercy and Hope": no gap after it)."""
    text = "08:30  Achieng Mercy         standby\n"
    assert grown(text, [result_at(text, "Achieng")], lexicon) == [("PERSON", "Achieng Mercy")]
    text = "We thank Achieng Mercy and Hope for the help."
    assert grown(text, [result_at(text, "Achieng")], lexicon) == [("PERSON", "Achieng")]


def test_names_of_two_words_joined_by_a_slash_are_two_names(lexicon: NameLexicon) -> None:
    """ "Li Wei / Zhang Min" in a table's cell is two people; "PAPADAKIS / ARETI" of a manifest is one name
    inverted, and "Ahmed/Omar" is left to the rules for joined names."""
    text = (
        "| Li Wei / Zhang Min | Translators |\n| Grace Mensah + Kofi Mensah | Drivers |\n"
        "AL-2042  PAPADAKIS / ARETI"
    )
    found = grown(
        text,
        [
            person(text, "Li Wei / Zhang Min"),
            person(text, "Grace Mensah + Kofi Mensah"),
            person(text, "PAPADAKIS / ARETI"),
        ],
        lexicon,
    )
    assert [v for _, v in found] == sorted(
        ["Li Wei", "Zhang Min", "Grace Mensah", "Kofi Mensah", "PAPADAKIS / ARETI"]
    )


@pytest.mark.parametrize(
    ("text", "found", "name"),
    [
        ("Nominated: Karl-Theodor zu Guttenberg and others.", "Karl-Theodor", "Karl-Theodor zu Guttenberg"),
        ("The files of Ernst vom Rath were opened.", "Ernst", "Ernst vom Rath"),
        ("Heute ist Frau Anna Weber zu Hause.", "Anna Weber", "Anna Weber"),  # a preposition before a noun
        ("Morgen geht Jonas Becker zur Post.", "Jonas Becker", "Jonas Becker"),
    ],
)
def test_a_german_particle_joins_the_name_a_preposition_does_not(
    text: str, found: str, name: str, lexicon: NameLexicon
) -> None:
    assert grown(text, [person(text, found)], lexicon) == [("PERSON", name)]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("| 4 | Paramisa | Ondrej Giňa ml. | 31 |", "Ondrej Giňa", "Ondrej Giňa ml."),  # Slovak "younger"
        ("Predseda: Novák Jozef st., pokladník: Eva Malá", "Novák Jozef", "Novák Jozef st."),
        ("The deed was signed by Juan Pérez Jr. and his sister.", "Juan Pérez", "Juan Pérez Jr."),
        ("Attendees: Mthunzi Dube Jnr, Sibusiso Ngcobo.", "Mthunzi Dube", "Mthunzi Dube Jnr"),
        ("Testemunha: João Batista Filho\n", "João Batista", "João Batista Filho"),
        ("Key returned by F. v.d. Meulen on Friday.", "Meulen", "F. v.d. Meulen"),  # Dutch "van der"
        ("Jan v/d Berg will bring the chairs.", "Jan", "Jan v/d Berg"),
    ],
)
def test_a_generation_and_a_short_particle_are_parts_of_the_name(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    assert grown(text, [result_at(text, found)], lexicon) == [("PERSON", whole)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ask Jozef st. about it", "Jozef"),  # one word: "st." may be a street's
        ("Call Juan Pérez Sr. García first.", "Juan Pérez"),  # "Sr." before a name is a title
        ("The case Ugo v. Obiekwe was heard in 1989.", "Ugo"),  # "v." alone is "versus"
        ("Ana Lima st. 12 is the address", "Ana Lima"),  # a number after: no generation
    ],
)
def test_a_title_a_street_or_versus_after_a_name_stays_out(
    text: str, found: str, lexicon: NameLexicon
) -> None:
    assert grown(text, [result_at(text, found)], lexicon) == [("PERSON", found)]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("C-06;Calfucura, Elisa;Relmu Antileo;silver work", "Relmu", "Relmu Antileo"),
        ("id,name,city\n4,Wairimu Njeri,Nyeri", "Wairimu", "Wairimu Njeri"),
        ("| 3 | Ebere Nwosu| 12 |", "Ebere", "Ebere Nwosu"),
    ],
)
def test_a_records_separator_after_a_name_word_ends_the_name(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    """ "Relmu Antileo;silver": a semicolon, comma or bar right after the word, no blank, ends the cell."""
    assert grown(text, [result_at(text, found)], lexicon) == [("PERSON", whole)]
