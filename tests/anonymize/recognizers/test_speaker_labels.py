"""Speakers' names in a transcript or a chat log; form labels are no speakers."""

from __future__ import annotations

import pytest

from anonymize.recognizers.speaker_labels import SpeakerLabelRecognizer


def spans(recognizer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)]


def test_speaker_labels_of_a_transcript() -> None:
    text = "Arya: What a wife.\nShawn: Remember me, Matthew?\nNichole: You saved my life!"
    assert spans(SpeakerLabelRecognizer(), text) == ["Arya", "Shawn", "Nichole"]
    same = 'Layla: "Who are you?"\nLayla:"I\'m Elizabeth\'s daughter".'
    assert spans(SpeakerLabelRecognizer(), same) == ["Layla", "Layla"]


def test_an_agent_named_in_parentheses_of_a_chat_transcript() -> None:
    """Detector 27: "Agent (Precious):" on two or more lines names the agent, a common word too; form labels
    in parentheses and a name that speaks once are no speakers."""
    text = "Agent (Precious): Hello!\nCustomer: hi\nSupport agent (Precious): Anything else?"
    assert spans(SpeakerLabelRecognizer(), text) == ["Precious", "Precious"]
    assert spans(SpeakerLabelRecognizer(), "Price (Net): 30\nPrice (Gross): 36\nTax (The): 2") == []
    assert spans(SpeakerLabelRecognizer(), "Agent (Precious): one line only.\nCustomer: ok") == []


@pytest.mark.parametrize(
    "text",
    [
        "Phone: 555 0100\nEmail: jane@example.com\nAddress: 12 Main Street",
        "Background: Obesity is common.\nMethods: We enrolled 40 adults.\nConclusions: It works.",
        "Arya: one line only.",
        "Billing Address: 12 Main Street\nShipping Address: 4 Oak Road",
    ],
)
def test_form_labels_are_not_speakers(text: str) -> None:
    assert spans(SpeakerLabelRecognizer(), text) == []


def test_speakers_on_lines_of_their_own_with_the_time() -> None:
    """Detector 43: a chat export that writes each speaker above the message, with the time ("Gu Haoran
    10:03"); two such lines make a transcript, one line alone does not, nor a form label."""
    text = "go/no-go\n\nWiremu Tane  10:02\nready?\n\nIlse Dekker  10:03\nyes\n\nWiremu Tane  10:04\nok"
    assert spans(SpeakerLabelRecognizer(), text) == ["Wiremu Tane", "Ilse Dekker", "Wiremu Tane"]
    assert spans(SpeakerLabelRecognizer(), "Wiremu Tane  10:02\nready?") == []
    assert spans(SpeakerLabelRecognizer(), "Start  10:02\nready?\nEnd  11:30\ndone") == []
