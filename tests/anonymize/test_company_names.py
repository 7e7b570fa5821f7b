"""Person-shaped spans that end in a company's word are organizations (``anonymize.company_names``)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.company_names import company_named, drop_orphan_mentions, persons_as_organizations
from anonymize.propagation import PROPAGATION
from tests.anonymize.results_at import result_at


def _types(text: str, *values: str) -> list[tuple[str, str]]:
    results = [RecognizerResult("PERSON", text.index(v), text.index(v) + len(v), 0.85) for v in values]
    return [
        (r.entity_type, text[r.start : r.end])
        for r in persons_as_organizations(text, results, name_lexicon.load())
    ]


def test_company_club_and_party_names_are_organizations() -> None:
    text = (
        "Senior Engineer, Maji Bora Consulting, Nairobi. Glenmorven Shinty Club met the Khmer Nation Party."
    )
    assert _types(text, "Maji Bora Consulting", "Glenmorven Shinty Club", "Khmer Nation Party") == [
        ("ORGANIZATION", "Maji Bora Consulting"),
        ("ORGANIZATION", "Glenmorven Shinty Club"),
        ("ORGANIZATION", "Khmer Nation Party"),
    ]


def test_people_whose_surname_is_such_a_word_stay_persons() -> None:
    text = "David Steel spoke, then Samantha Power; Rehema Okafor came alone."
    assert _types(text, "David Steel", "Samantha Power", "Rehema Okafor") == [
        ("PERSON", "David Steel"),
        ("PERSON", "Samantha Power"),
        ("PERSON", "Rehema Okafor"),
    ]


def test_an_organization_ending_in_a_company_word_keeps_its_words() -> None:
    """Detector 31: the other mentions of a person's name do not take the words of such an organization
    ("andrea ferreira ... (ferreira logistics)")."""
    text = "call w/ andrea (ferreira logistics). Maji Bora Consulting. Ferreira said"
    org = RecognizerResult("ORGANIZATION", text.index("ferreira"), text.index(")"), 0.85)
    assert company_named(text, org)
    one_word = RecognizerResult("ORGANIZATION", text.index("Ferreira"), text.index(" said"), 0.85)
    assert not company_named(text, one_word)


def test_a_person_span_followed_by_a_company_word_is_that_organization() -> None:
    """``en_core_web_md`` reads "Maji Bora" of "Maji Bora Consulting" as a person and leaves the company's
    word out; the span grows over it. In lower case only after a lower-case name; a sentence's full stop,
    a line break or a company word in the other case keeps the person."""
    text = (
        "Senior Engineer, Maji Bora Consulting, Nairobi. call w/ andrea (ferreira logistics).\n"
        "Ask Rehema Okafor. Services resume Monday. Nia Mensah\nPartners: none. Ama Owusu group chat"
    )
    assert _types(text, "Maji Bora", "ferreira", "Rehema Okafor", "Nia Mensah", "Ama Owusu") == [
        ("ORGANIZATION", "Maji Bora Consulting"),
        ("ORGANIZATION", "ferreira logistics"),
        ("PERSON", "Rehema Okafor"),
        ("PERSON", "Nia Mensah"),
        ("PERSON", "Ama Owusu"),
    ]
    # Session 21: through the legal form after the company's word.
    assert _types("Work at Kimani Holdings Ltd.", "Kimani") == [("ORGANIZATION", "Kimani Holdings Ltd.")]


def test_a_person_before_a_partners_form_is_the_company() -> None:
    """Session 17: "H. J. Wilson" read as a person before "& Company" is the company."""
    text = "Natasha Barros\nH. J. Wilson & Company\nDombey and Sons"
    assert _types(text, "Natasha Barros", "H. J. Wilson", "Dombey") == [
        ("PERSON", "Natasha Barros"),
        ("ORGANIZATION", "H. J. Wilson & Company"),
        ("ORGANIZATION", "Dombey and Sons"),
    ]


def test_a_person_span_before_capitalized_words_and_a_legal_form_is_the_company() -> None:
    """Session 21: the model and the name rules read the head of a company's name as a person where the
    company's legal form is another country's ("Duna Software Kft.", "Moçambique Frio, Lda."); the span
    becomes the organization through the form, not a name that starts with a given name common in English
    ("David Steel Ltd" stays a person: an organization is not pseudonymized)."""
    text = (
        "Company: Duna Software Kft., Budapest. Clients: Moçambique Frio, Lda. and Yıldız Tekstil A.Ş.; "
        "Vinhos do Douro Cardoso & Filhos, Lda.; DAVID STEEL LIMITED; David Steel Ltd; Navjot Singh Ltd"
    )
    assert _types(text, "Duna", "Moçambique Frio", "Yıldız Tekstil", "Cardoso", "DAVID STEEL", "David") == [
        ("ORGANIZATION", "Duna Software Kft."),
        ("ORGANIZATION", "Moçambique Frio, Lda."),
        ("ORGANIZATION", "Yıldız Tekstil A.Ş."),
        ("ORGANIZATION", "Cardoso & Filhos, Lda."),
        ("PERSON", "DAVID STEEL"),
        ("PERSON", "David"),
    ]


def test_a_person_next_to_a_company_stays_a_person() -> None:
    """The insider's tries: a comma, a line break, a tab, two blanks or a lower-case word between the name
    and the company, or a legal form's letters inside a longer word, keep the person."""
    text = (
        "Ana Dias, Acme Ltd\nJane Roe\nAcme Ltd\nLea Holm\tNordic AB\nKai Berg  Acme Ltd\n"
        "Ida Lund of Acme Ltd\nOla Nord ABC-Ltd\nEva Sand Coach"
    )
    values = ("Ana Dias", "Jane Roe", "Lea Holm", "Kai Berg", "Ida Lund", "Ola Nord", "Eva Sand")
    assert all(kind == "PERSON" for kind, _ in _types(text, *values))


def test_the_other_mentions_of_a_person_turned_company_go_with_it() -> None:
    """Session 21: the name rules spread "Douro" of the model's person "Douro Cardoso" (the head of
    "Vinhos do Douro Cardoso & Filhos, Lda.") to the wine's "Douro tinto"; when the head turns organization,
    its other mentions go, unless a person still holds the words ("Ana Cardoso" keeps "Cardoso")."""
    text = "Vinhos do Douro Cardoso & Filhos, Lda.\n24 Douro tinto; Cardoso called. Ana Cardoso signed."
    head = result_at(text, "Douro Cardoso")
    mentions = [
        result_at(text, "Douro", "PERSON", PROPAGATION, 1),
        result_at(text, "Cardoso", "PERSON", PROPAGATION, 1),
    ]
    person = result_at(text, "Ana Cardoso")
    before = [head, *mentions, person]
    after = persons_as_organizations(text, before, name_lexicon.load())
    kept = drop_orphan_mentions(text, before, after)
    assert [(r.entity_type, text[r.start : r.end]) for r in kept] == [
        ("ORGANIZATION", "Douro Cardoso & Filhos, Lda."),
        ("PERSON", "Cardoso"),
        ("PERSON", "Ana Cardoso"),
    ]
