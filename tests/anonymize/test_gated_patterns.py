import re

import pytest

from anonymize.gated_patterns import Gated
from anonymize.recognizers import name_cues
from anonymize.recognizers.name_cues import NameCueRecognizer


def test_gate_skips_text_without_the_needed_part() -> None:
    gated = Gated(r"(\w+) lives at", r"lives")
    assert [m.group(1) for m in gated.finditer("Ann lives at 4 Elm St.")] == ["Ann"]
    assert list(gated.finditer("Ann moved to 4 Elm St.")) == []


def test_no_gate_runs_always() -> None:
    assert [m.group() for m in Gated(r"\d+").finditer("a 12 b 3")] == ["12", "3"]


# Sentences each of name_cues' gated patterns matches: its gate must find its part in each.
_CUED = [
    "Please send it to Ann's address today.",
    "I think Thandiwe Mokoena lives at the corner.",
    "Ngozi's husband called.",
    "Gyula bácsi came by, and Tanaka sensei too. Ayşe Hanım is here. Ramesh ji agreed.",
    "Don't go to town, Brett!",
    "The ex-Beatle Paul played, with ex-Zombie Wiik.",
    "Csanád had given Maja his address. She texted Oğuz her number.",
    "the true gender of Anouk was never known",
    "Matej Jurković's killers and Rosa's biography",
    "Why is Maj so impulsive? Itamar is very reliable. Julia was always kind.",
    "Ana Dias from Amerisur Resources plc is here. Mai is from GMS Inc. today.",
    '"Glad to hear it," says Wakeland. Ann Lee, the plant manager, said no. said Naile to Caitlin.',
]


def _gated() -> list[Gated]:
    recognizer = NameCueRecognizer()
    found = [p for p, _ in recognizer._patterns] + recognizer._context_names
    found += [recognizer._of_company, recognizer._one_word_of_company]
    return [g for g in found if isinstance(g, Gated)]


@pytest.mark.parametrize("text", _CUED)
def test_name_cue_gates_find_their_part_where_the_pattern_matches(text: str) -> None:
    for gated in _gated():
        if gated.pattern.search(text):
            assert gated.needed is None or gated.needed.search(text), (gated.pattern.pattern[:80], text)


def test_every_gate_is_exercised() -> None:
    gated = [g for g in _gated() if g.needed is not None]
    assert all(any(g.pattern.search(t) for t in _CUED) for g in gated)


@pytest.mark.parametrize("text", _CUED)
def test_speech_slots_hold_a_speech_verb(text: str) -> None:
    verb = re.compile(name_cues._SPEECH_VERB)
    for slot in name_cues._SPEECH_SLOTS:
        if re.search(slot, text):
            assert verb.search(text)
