"""Chat and call-log speakers after a time stamp (session 20, ``recognizers.chat_stamps`` read by
``speaker_labels.SpeakerLabelRecognizer``): the shapes of the exports, then the insider's tries through the
real detector. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.recognizers.speaker_labels import SpeakerLabelRecognizer
from anonymize.vault import Vault


def spans(text: str) -> list[str]:
    return [text[r.start : r.end] for r in SpeakerLabelRecognizer().analyze(text, ["PERSON"], None)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a phone's export: weekday, day, month, time
        (
            "Sat 14 Mar, 05:40 Nima Wangdi: jeep left\nSat 14 Mar, 05:42 Karma Dolkar: ok",
            ["Nima Wangdi", "Karma Dolkar"],
        ),
        # WhatsApp
        (
            "14/03/2026, 05:40 - Nima Wangdi: hi\n14/03/2026, 05:41 - Karma Dolkar: hi",
            ["Nima Wangdi", "Karma Dolkar"],
        ),
        (
            "Mar 14, 2026 5:40 PM Nima Wangdi: hi\nMar 14, 2026 5:41 PM Nima Wangdi: again",
            ["Nima Wangdi", "Nima Wangdi"],
        ),
        # a transcript's speakers in capitals after the stamp
        (
            "[00:01:10] OBINNA EZE: start\n[00:02:00] ADAEZE: yes\n[00:02:30] ALL: agreed",
            ["OBINNA EZE", "ADAEZE"],
        ),
        # Teams: the name, a comma and the time above the message
        ("Nima Wangdi, 5:40 AM\nnamaste\nKarma Dolkar, 5:42 AM\nok", ["Nima Wangdi", "Karma Dolkar"]),
        # a role with the speaker in brackets after the stamp
        (
            "Sat 14 Mar, 05:42 Office (Dolkar): ok\nSat 14 Mar, 11:16 Office (Dolkar): noted",
            ["Dolkar", "Dolkar"],
        ),
    ],
)
def test_speakers_after_a_stamp(text: str, names: list[str]) -> None:
    assert spans(text) == names


@pytest.mark.parametrize(
    "text",
    [
        # one line is no log; capitals that are labels or English words are no speakers
        "Sat 14 Mar, 05:40 Nima Wangdi: jeep left",
        "[00:01:10] NOTE: start\n[00:02:00] ACTION: chase the bank\n[00:02:30] ALL: agreed",
        "Lunch, 12:30\nsandwiches\nCoffee, 15:00\nin the hall",
        "Mon 2 Mar, 09:00 Status: open\nMon 2 Mar, 10:00 Status: closed",
    ],
)
def test_stamped_lines_that_name_nobody(text: str) -> None:
    assert spans(text) == []


def test_a_stamped_speaker_outweighs_the_models_reading_that_takes_the_stamp_in(
    detector: PiiDetector, vault: Vault
) -> None:
    """The model reads "05:40 Nima Wangdi" as one person and the filters drop it (a digit); the speaker
    label, scored above it, is no longer absorbed. The insider's next tries: a no-break space between the
    names, the given name later in lower case, the name in capitals with a possessive ("'S" stays)."""
    log = (
        "Sat 14 Mar, 05:40 Nima\u00a0Wangdi: namaste. jeep left at 5:30\n"
        "Sat 14 Mar, 05:42 Office (Dolkar): ok nima, call when you reach\n"
        "Sat 14 Mar, 11:16 Office (Dolkar): noted. NIMA WANGDI'S jeep is late\n"
        "Sat 14 Mar, 13:30 Nima Wangdi: reached\n"
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([log])[0].text
    for name in ("Nima", "Wangdi", "nima", "NIMA", "WANGDI", "Dolkar"):
        assert name not in stored, stored
    assert "'S jeep" in stored and "Office (" in stored, stored
