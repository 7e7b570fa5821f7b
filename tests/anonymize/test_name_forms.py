"""Other mentions of a name in another case (``anonymize.name_forms``)."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_forms import other_case_forms, propagate_other_cases
from anonymize.name_lexicon import NameLexicon

_STOP = frozenset(["the", "and"])


def test_forms_of_capitalized_and_lower_case_names() -> None:
    assert other_case_forms(["Lentini", "O'Sullivan", "fatou", "Will", "Li"], _STOP) == {
        "LENTINI",
        "lentini",  # detector 43: English does not use the word
        "O'SULLIVAN",
        "fatou",
    }
    # An everyday English word typed in lower case, a stop word: no form.
    assert other_case_forms(["hope", "the", "AND"], _STOP) == set()


def test_all_caps_headline_and_lower_case_repeats() -> None:
    text = (
        "SOCCER - LENTINI MOVES TO ATALANTA .\n"
        "Forward Gianluigi Lentini moves. fatou diop agreed; fatou left."
    )
    names = [
        RecognizerResult("PERSON", text.index("Gianluigi"), text.index(" moves."), 0.9),
        RecognizerResult("PERSON", text.index("fatou diop"), text.index(" agreed"), 0.9),
    ]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == ["LENTINI", "fatou"]


def test_capitalized_mentions_of_a_name_in_capitals() -> None:
    """Detector 29: a roster in capitals, the same names in the text below ("go to Matteo"); not a place
    ("FLORENCE" is also a city) nor an everyday word ("BROWN")."""
    assert other_case_forms(["MATTEO", "LOMBARDI", "FLORENCE", "BROWN"], _STOP) == {"Matteo", "Lombardi"}
    text = "FRONT OFFICE   MATTEO LOMBARDI   +39 347 220 1903\nGroup bookings from Florence go to Matteo."
    names = [RecognizerResult("PERSON", text.index("MATTEO"), text.index("   +39"), 0.9)]
    assert [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)] == ["Matteo"]


def test_the_other_case_before_a_possessive() -> None:
    """Session 23: "WIJESEKERA's note", "Lombardi’s desk": the mention is found before a possessive's ending,
    not inside a longer word or an e-mail address ("LOMBARDIS", "lombardi@...")."""
    text = "Matteo Lombardi and Ruwan Wijesekera.\nWIJESEKERA's note; LOMBARDI’s desk; LOMBARDIS; LOMBARDI'd."
    names = [RecognizerResult("PERSON", 0, 15, 0.9), RecognizerResult("PERSON", 20, 36, 0.9)]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == ["WIJESEKERA", "LOMBARDI"]


def test_lower_case_forms_of_a_name_english_does_not_use() -> None:
    """Detector 43: "Gu Haoran ... haoran reviewed them": a word English does not use is no common noun in
    lower case; "Rose Tyler ... the rose garden" still keeps the noun."""
    assert "haoran" in other_case_forms(["Haoran"], _STOP)
    assert "rose" not in other_case_forms(["Rose"], _STOP)
    text = "Gu Haoran 10:03\nmerged. haoran reviewed them. Rose Tyler likes the rose garden."
    names = [
        RecognizerResult("PERSON", 0, len("Gu Haoran"), 0.9),
        RecognizerResult("PERSON", text.index("Rose"), text.index(" likes"), 0.9),
    ]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == ["haoran"]


def test_a_names_lower_case_form_where_it_is_addressed() -> None:
    """A name that is also an English word, in lower case where someone is thanked, greeted or tagged
    ("thanks precious", "@lena") is the name; before a person's verb it is not ("Traders ... traders
    said")."""
    text = "Agent (Precious): hello.\nCustomer: thanks precious. A precious few. Lena Berg (@lena)"
    names = [
        RecognizerResult("PERSON", text.index("Precious"), text.index("):"), 0.9),
        RecognizerResult("PERSON", text.index("Lena"), text.index(" (@"), 0.9),
    ]
    found = [(text[r.start : r.end], r.start) for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == [("precious", text.index("precious")), ("lena", text.index("lena"))]
    said = "Traders Hill spoke. traders said the market fell."
    traders = [RecognizerResult("PERSON", 0, len("Traders Hill"), 0.9)]
    assert propagate_other_cases(said, traders, [], _STOP) == []


def test_an_everyday_given_name_of_a_rota_in_capitals_in_the_notes_below() -> None:
    """Session 18: a rota in capitals ("MACARAEG, JOY", "ABOAGYE, HOPE"), then notes that use the given
    names: "Joy and Precious swap Thursday", "swap with Hope", "Hope is the fire marshal". The words are
    everyday English too, so only where they read as a name, and only where the text never writes them in
    lower case: not "Hope you are well"."""
    lexicon = NameLexicon(frozenset(), frozenset(), frozenset(), frozenset(["joy", "hope", "precious"]))
    rota = "NAME             ROLE\nMACARAEG, JOY    HCA\nABOAGYE, HOPE    HCA\n\nNotes:\n"
    notes = (
        "- Joy and Precious swap Thursday.\n- Hope is the fire marshal; swap with Hope.\nHope you are well."
    )
    text = rota + notes
    names = [
        RecognizerResult("PERSON", text.index("MACARAEG"), text.index("    HCA"), 0.85),
        RecognizerResult("PERSON", text.index("ABOAGYE"), text.index("    HCA\n\n"), 0.85),
    ]
    found = [(r.start, text[r.start : r.end]) for r in propagate_other_cases(text, names, [], _STOP, lexicon)]
    hopes = [m.start() for m in re.finditer("Hope", text)]
    assert found == [(text.index("Joy and"), "Joy"), (hopes[0], "Hope"), (hopes[1], "Hope")]
    # The same word in lower case elsewhere: a common noun in this text, no name.
    text = rota + notes + "\nThere is no hope of a swap."
    assert [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP, lexicon)] == ["Joy"]


def test_a_lower_case_possessive_and_no_determiner() -> None:
    """Session 23: the lower-case form of a found name with a possessive is the name ("nino's laptop", the
    insider's first try); after a determiner it is the word ("in the policyholder's words")."""
    text = "Reporter: Nino Beridze. dato's and nino's laptops. Policyholder: yes. in the policyholder's words"
    names = [
        RecognizerResult("PERSON", text.index("Nino"), text.index(". dato"), 0.9),
        RecognizerResult("PERSON", text.index("Policyholder"), text.index(": yes"), 0.9),
    ]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == ["nino"]
    assert text[text.index("nino's") :].startswith("nino")


def test_a_name_in_capitals_with_inner_capitals_in_the_text_below() -> None:
    """Session 28: a roster's "MCCARTHY, Joan", "O'BRIEN", "AL-BALUSHI" are written "McCarthy", "O'Brien",
    "Al-Balushi" in the notes below; not a name that is an everyday word ("MACE")."""
    forms = other_case_forms(["MCCARTHY", "O'BRIEN", "AL-BALUSHI", "MACKENZIE", "NGATA-AERENGAMATE"], _STOP)
    assert {"McCarthy", "O'Brien", "Al-Balushi", "MacKenzie", "Mackenzie", "Ngata-Aerengamate"} <= forms
    text = (
        "ALT2  0951     MCCARTHY, Joan      Bellevue\nFA4   AL-BALUSHI, Hani    22540\n\n"
        "Seated: ALT2 McCarthy. Trainer's report on Al-Balushi to follow."
    )
    names = [
        RecognizerResult("PERSON", text.index("MCCARTHY"), text.index("      Bellevue"), 0.9),
        RecognizerResult("PERSON", text.index("AL-BALUSHI"), text.index("    22540"), 0.9),
    ]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert "McCarthy" in found and "Al-Balushi" in found, found
