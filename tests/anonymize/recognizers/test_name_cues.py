"""Names by the words around them: naming cues, speech, relations, the other slots that hold only people."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers.name_cues import NameCueRecognizer


def spans(recognizer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hi Keiran, I'm contacting you", ["Keiran"]),
        ("Hi Anne-Lotte, I'm contacting you about a wire transfer", ["Anne-Lotte"]),
        ("My name is Calan Stevenson but everyone calls me Calan", ["Calan Stevenson", "Calan"]),
        ("Follow up with Kaua C Lima in a couple of months.", ["Kaua C Lima"]),
        ("Santo Armendáriz lives at 844 99 Eastbourne Rd", ["Santo Armendáriz"]),
        ("As promised, here's Marina's address:", ["Marina"]),
        ("I would like to remove my kid Kateřina from the will.", ["Kateřina"]),
        ("She was born on 9/20/1999. Her maiden name is Tougas", ["Tougas"]),
        ("What's your last name? Hughes", ["Hughes"]),
        ("The form is with Frau Lindemann-Özkan in payroll.", ["Lindemann-Özkan"]),  # session 15
        ("Ask Pak Budi or Dona Ção at the desk.", ["Budi", "Ção"]),
        ("Please ask Gyula bácsi for the key; Smt Lakshmi Devi signed.", ["Gyula", "Lakshmi Devi"]),
        ("She named him Gregory", ["Gregory"]),
        ("I'm so jealous! said Naile to Caitlin", ["Naile", "Caitlin"]),
        ('"I\'m glad to hear that," says Wakeland.', ["Wakeland"]),
        ('Nick shouted at Timothy: "What are you doing here?"', ["Nick", "Timothy"]),
        ("I'm Amanda's daughter.", ["Amanda"]),
        ("He spent a year as the assistant to Charlotte Park.", ["Charlotte Park"]),
        ("Noelia, can I please speak to your boss?", ["Noelia"]),
        (
            "Dr. Jane Roe led the trial; Dr. Anthony van den Oord wrote it up.",
            ["Jane Roe", "Anthony van den Oord"],
        ),
        ("Bot: What's the name on the account? User: Liberal A Aranda", ["Liberal A Aranda"]),
        ("What name is the booking under?\nJon Ek", ["Jon Ek"]),
        ("Thanks. Jon Ek, could you send it?", ["Jon Ek"]),
        ('Djevad Šušulić, the Information technology trainer, said: "Glad to hear it."', ["Djevad Šušulić"]),
        ("Ana Dias from Amerisur Resources plc is the keynote speaker", ["Ana Dias"]),
        ("Mai is from GMS Inc.", ["Mai"]),
        ("They considered others, including Brooke Portillo of PASCO CORPORATION.", ["Brooke Portillo"]),
        ("Don't go to town, Brett!", ["Brett"]),
        ("This song by ex-Zombie Wiik is a fine example.", ["Wiik"]),
        ("Csanád had given Maja his address: 254 Damvergi Street", ["Csanád", "Maja"]),
        (
            "Acme is the brainchild of our 3 founders: Guibord, Cannon and Moore.",
            ["Guibord", "Cannon", "Moore"],
        ),
        ("The true gender of Anouk has been under debate.", ["Anouk"]),
        ("Matej Jurković's killers were sentenced.", ["Matej Jurković"]),
        ("Why is Maj so impulsive?", ["Maj"]),
        ("Itamar is very reliable. You can always depend on him.", ["Itamar"]),
        ("Unlike the Høgli novel, it is short.", ["Høgli"]),
        ("Have you been to a Tómas J Lýðsson concert before?", ["Tómas J Lýðsson"]),
        ("the verses from Maite H Lemmens's Cautionary Tales", ["Maite H Lemmens"]),
        # family honorifics of other languages (session 26)
        ("Doña Itzíar pide apoyo; Tante Margreet bringt Kuchen.", ["Itzíar", "Margreet"]),
        ("Seu Joaquim fecha a loja; Manang Luzviminda cooks.", ["Joaquim", "Luzviminda"]),
        # an apology or thanks before a known place addresses a person only when no clause goes on from it
        ("Sorry, Paris said no to the discount.", ["Paris"]),
        ("Thanks, Sydney, for the pallets.", ["Sydney"]),
        ("Sorry, Anneliese is closing the shop.", ["Anneliese"]),
    ],
)
def test_names_after_and_before_cues(text: str, names: list[str]) -> None:
    assert spans(NameCueRecognizer(), text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir, thanks. Hi there. Thanks, Monday works.",
        "He said the results were clear. She asked for more. They told us.",
        "Police said the road was closed; officials told residents to stay home. Researchers explained.",
        "My friend, the doctor, said so.",
        "The Court said no. Our Board explained why, and the Ministry added a note.",
        "Here, can we tell? Today, we show that it works. Yesterday, could it rain.",
        "Which name did you pick? The Blue one, since Tuesday.",
        "Shares of Acme Inc fell. The Royal Bank of Scotland Group plc grew. Sales from Foo Ltd rose.",
        "Thanks, Team! Welcome, Everyone! Not now, Monday!",
        "Our founders: the board and the staff. Authors: see below.",
        "He gave Finance his number. Send Support your details.",
        "Why is Python so slow? The weather is very nice. The Vitamin D Receptor and Hepatitis B Virus.",
        "In the age of Enlightenment, the Python book sold well.",
        "Development was jointly directed by Rankl(+) lymphoid tissue inducer cells.",
        # a known place after "Sorry," or "Thanks," that a clause goes on from is its subject (session 26)
        "Sorry, Paris is closed.",
        "Sorry,  Lisbon  office is shut on Friday. Thanks, London has the files.",
        "Congratulations, Sydney is our best branch this year!",
    ],
)
def test_no_names_after_cues_that_hold_none(text: str) -> None:
    assert spans(NameCueRecognizer(), text) == []


def test_organizations_are_not_speakers() -> None:
    detector = PiiDetector(DetectorConfig())
    text = "The minister resigned on Monday, Goldman Sachs said, and the Court added nothing."
    results = detector.analyzer.analyze(text, language="en")
    assert {r.recognition_metadata["recognizer_name"] for r in results} == {"SpacyRecognizer"}
    assert spans(NameCueRecognizer(), text) == ["Goldman Sachs"]  # without the model's organizations


def test_a_named_slot_outweighs_the_models_doubts_in_technical_text() -> None:
    """A one-word name from the model alone is dropped in text full of codes; the slot vouches for it."""
    detector = PiiDetector(DetectorConfig())
    text = "Acme plc 11% CUM PRF GBP1 is the brainchild of our 3 founders: Morrison, Kidd and Howard."
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert found == {"Morrison", "Kidd", "Howard"}
