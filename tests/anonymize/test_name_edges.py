"""Every PERSON span loses the terms of address and the foreign function words at its edges
(``anonymize.name_edges``, ``anonymize.address_terms``), whatever step found it."""

from __future__ import annotations

import pytest

from anonymize.name_edges import edged
from anonymize.name_lexicon import NameLexicon
from tests.anonymize.results_at import result_at


def _edged(text: str, value: str, lexicon: NameLexicon, truecased: bool = False) -> str | None:
    result = edged(text, result_at(text, value, "PERSON", "SpacyRecognizer"), lexicon, truecased)
    return None if result is None else text[result.start : result.end]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        # Terms of address of many languages before a name, as written or in capitals.
        ("The cooperative thanked Doña Rosario for the seeds.", "Doña Rosario", "Rosario"),
        ("Tante Ingrid and the others sent a card.", "Tante Ingrid", "Ingrid"),
        ("Cikgu Rahman marked the papers.", "Cikgu Rahman", "Rahman"),
        ("Mwalimu Juma attended the baraza.", "Mwalimu Juma", "Juma"),
        ("Thầy Minh teaches the evening class.", "Thầy Minh", "Minh"),
        ("Seu Jorge fixed the air conditioning.", "Seu Jorge", "Jorge"),
        ("Tyotya Masha made tea.", "Tyotya Masha", "Masha"),
        ("Amca Hüseyin lives next door.", "Amca Hüseyin", "Hüseyin"),
        ("Sœur Marie runs the soup kitchen.", "Sœur Marie", "Marie"),
        ("Batono Giorgi signed the lease.", "Batono Giorgi", "Giorgi"),
        ("Mudane Axmed Cali paid the invoice.", "Mudane Axmed Cali", "Axmed Cali"),
        ("CC: NONNA LUCIA FERRARI", "NONNA LUCIA FERRARI", "LUCIA FERRARI"),
        # After a name, in lower case.
        ("Please ask Rustam aka about the truck.", "Rustam aka", "Rustam"),
        ("Ravi garu approved it.", "Ravi garu", "Ravi"),
        ("Kovács úr is away.", "Kovács úr", "Kovács"),
        ("Leela teacher took the class.", "Leela teacher", "Leela"),
        ("Ravi anna will come.", "Ravi anna", "Ravi"),
        # A title in lower case before a lower-case name.
        ("é o seu zé da manutenção", "seu zé", "zé"),
        ("ate joy pasalubong ha", "ate joy", "joy"),
    ],
)
def test_terms_of_address_are_cut(text: str, value: str, name: str, lexicon: NameLexicon) -> None:
    assert _edged(text, value, lexicon) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Baba Chiedza will collect the children.", "Baba Chiedza"),  # a Shona teknonym is one name
        ("Sri Mulyani spoke first.", "Sri Mulyani"),
        ("Anh Thu Pham joined in May.", "Anh Thu Pham"),
        ("Ato Boldon won the heat. Boldon said so.", "Ato Boldon"),  # a given name too
        ("Don Johnson and Mr Johnson arrived.", "Don Johnson"),
        ("Pan Wei Ming runs the depot.", "Pan Wei Ming"),  # a Chinese surname
        ("maria anna signed", "maria anna"),  # a given name, not Telugu "anna", in lower case
        ("Rustam Akayev called.", "Rustam Akayev"),
    ],
)
def test_names_that_start_or_end_like_a_title_stay(text: str, value: str, lexicon: NameLexicon) -> None:
    assert _edged(text, value, lexicon) == value


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("Ato Yonas joined late. Ato Dawit Bekele chaired.", "Ato Yonas", "Yonas"),  # the title before others
        ('donde dice "Don Quispe" debe decir "Wilber Quispe Mamani".', "Don Quispe", "Quispe"),
        ("The head, Mr Yurchenko, is away. Pan Yurchenko sent his deputy.", "Pan Yurchenko", "Yurchenko"),
    ],
)
def test_a_title_that_is_a_given_name_by_the_documents_word(
    text: str, value: str, name: str, lexicon: NameLexicon
) -> None:
    assert _edged(text, value, lexicon) == name


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("tiago.m 10:33  a d. conceição quer o reembolso em conta", "conceição quer", "conceição"),
        ("hans 09:12  sag bitte jürgen dass er morgen kommt", "jürgen dass", "jürgen"),
        ("fatou 11:00  dis à mamadou que je pars demain", "mamadou que", "mamadou"),
        ("ahmet 08:15  mehmet bugün gelmiyor, ayşe de yok", "ayşe de yok", "ayşe"),
        ("ana.s 10:34  ok. @rafa pode aprovar? está acima do meu limite", "rafa pode", "rafa"),
    ],
)
def test_function_words_of_the_lines_language_are_cut(
    text: str, value: str, name: str, lexicon: NameLexicon
) -> None:
    assert _edged(text, value, lexicon) == name


def test_initials_particles_and_english_lines_stay(lexicon: NameLexicon) -> None:
    assert _edged("ana.s 10:34  o shirin f pediu o reembolso em conta", "shirin f", lexicon) == "shirin f"
    assert _edged("o pedido da maria da silva está em conta", "maria da silva", lexicon) == "maria da silva"
    assert _edged("which tan? tan wei jie or the auditor", "tan wei jie", lexicon) == "tan wei jie"
    text = "Roster next week: ushers sione v. & mele t.; kitchen Hope Naufahu's group."
    assert _edged(text, "mele t.", lexicon) == "mele t."  # never down to an initial


def test_a_span_of_function_words_only_is_dropped(lexicon: NameLexicon) -> None:
    assert _edged("rui 17:40  o joão disse que vai amanhã", "vai amanhã", lexicon) is None


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        (
            "Firmantes: Rui Costa (Lisboa) y Ana Paula Soares (Porto).",
            "y Ana Paula Soares",
            "Ana Paula Soares",
        ),
        ("Assinam: Pedro Lima e Joana Prates.", "e Joana Prates", "Joana Prates"),
        ("Signen: Pau Roca i Marta Vidal.", "i Marta Vidal", "Marta Vidal"),
        ("José Ortega y Gasset wrote it.", "José Ortega y Gasset", "José Ortega y Gasset"),  # inside: stays
    ],
)
def test_a_conjunction_starts_no_name(text: str, value: str, name: str, lexicon: NameLexicon) -> None:
    assert _edged(text, value, lexicon) == name


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        # Titles of address of West Africa and Indonesia before a name.
        ("Her husband, Togbe Kwame Agbeko, visited at noon.", "Togbe Kwame Agbeko", "Kwame Agbeko"),
        ("Kafui's brother, Efo Selorm, brought the form.", "Efo Selorm", "Selorm"),
        ("Mamaga Adzo Kpodo opened the durbar.", "Mamaga Adzo Kpodo", "Adzo Kpodo"),
        ("Bu Ratna informed the owner this morning.", "Bu Ratna", "Ratna"),
        # A transcript's answer mark, then a title.
        ("  Q. And Mr. Perlmutter?\n  A. Reb Mendel? I did his books.", "A. Reb Mendel", "Mendel"),
        ("Q. Who else was there?\nA. Chaya. And the messenger.", "A. Chaya", "Chaya"),
        # English sentence adverbs and interjections that open the sentence before the name.
        ("Yesterday Oyelaran said the invoice was wrong.", "Yesterday Oyelaran", "Oyelaran"),
        ("Sorry Ngaio, the room is booked.", "Sorry Ngaio", "Ngaio"),
        ("Apparently Tui Mākoare has the keys.", "Apparently Tui Mākoare", "Tui Mākoare"),
        ("Meanwhile, Bakhyt Seitkali called twice.", "Meanwhile, Bakhyt Seitkali", "Bakhyt Seitkali"),
    ],
)
def test_titles_marks_and_sentence_adverbs_before_a_name_are_cut(
    text: str, value: str, name: str, lexicon: NameLexicon
) -> None:
    assert _edged(text, value, lexicon) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("So Man Yee joined in May.", "So Man Yee"),  # a short surname that is an English word
        ("Even Pellerud picked the squad.", "Even Pellerud"),  # a Norwegian given name
        ("Chance Whitaker signed the order.", "Chance Whitaker"),  # given names that are English words
        ("Sunday Obiechina-Udeh asked for the keys.", "Sunday Obiechina-Udeh"),
        ("Blessing Moyo and Precious Dube came.", "Blessing Moyo"),
        ("Signed: A. Okafor, Treasurer", "A. Okafor"),  # an initial outside a transcript
        ("Yesterday", "Yesterday"),  # nothing would be left
    ],
)
def test_given_names_that_are_english_words_and_initials_stay(
    text: str, value: str, lexicon: NameLexicon
) -> None:
    assert _edged(text, value, lexicon) == value
