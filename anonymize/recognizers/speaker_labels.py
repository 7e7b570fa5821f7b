"""Speakers' names in a transcript or a chat log: the names that start two or more lines before a colon, or
that stand on a line of their own with the time above each message."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.name_patterns import NAME_WORD
from anonymize.recognizers.chat_stamps import REQUIRED_STAMP, STAMP, TRAILING_STAMP
from anonymize.recognizers.lower_names import everyday_word
from anonymize.text import STOP_WORDS
from anonymize.word_kinds import common_word

# Labels that start lines in forms and logs, not speakers' names.
_FIELD_LABEL_TEXT = """
name address phone tel mobile fax email e-mail mail web website url date time when where what who why how
subject re fw fwd from to cc bcc sent note notes ps nb answer question q a user bot agent customer client
assistant system host guest speaker interviewer moderator caller operator support admin title summary
status priority type id ref location place city country zip postcode company organization department
team role position job occupation dob birthday age gender sex nationality account card iban ssn ip
total amount price cost example warning error info tip step result results conclusion background
methods objective objectives design setting participants findings interpretation funding source sources
conclusions introduction discussion abstract keywords
"""
_FIELD_LABELS = frozenset(_FIELD_LABEL_TEXT.split())

_SPEAKER_LINE = re.compile(rf"(?m)^[ \t]*{STAMP}({NAME_WORD}(?:[ \t]+{NAME_WORD})?)[ \t]*:(?=[ \t]*\S)")
# A support chat's agent named after the role: "Agent (Precious): Hello", "Support agent (Kwame Boateng):".
_ROLE_SPEAKER_LINE = re.compile(
    rf"(?m)^[ \t]*{STAMP}[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?[ \t]*"
    rf"\(({NAME_WORD}(?:[ \t]+{NAME_WORD})?)\)[ \t]*:(?=[ \t]*\S)"
)

# A chat export that puts the speaker on a line of its own with the time ("Gu Haoran  10:03", Slack, Teams).
_TIMED_SPEAKER_LINE = re.compile(rf"(?m)^[ \t]*({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}){TRAILING_STAMP}")
# A transcript's speaker in capitals after a stamp: "[00:03:02] ADEBAYO:", "10:04 SEUN ADEYEMI:".
_CAPS_SPEAKER_LINE = re.compile(
    rf"(?m)^[ \t]*{REQUIRED_STAMP}([A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)?)[ \t]*:(?=[ \t]*\S)"
)

_DIGIT = re.compile(r"\d")  # in a stamp before the label
_MESSAGE_AFTER = re.compile(r"\n[ \t]*\S")  # the message on the next line


class SpeakerLabelRecognizer(EntityRecognizer):
    """Speakers' names in a transcript or chat log: two or more lines that start with a name and a colon
    ("Arya: What a wife.\\nShawn: Remember me?") or that hold a name and a time ("Gu Haoran  10:03" above the
    message). Form labels ("Phone:", "Subject:") are not names."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="SpeakerLabelRecognizer")

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities or ":" not in text:
            return []
        labels = [
            m
            for m in _SPEAKER_LINE.finditer(text)
            if not any(w.casefold() in _FIELD_LABELS or common_word(w) for w in m.group(1).split())
        ]
        # A name in a role's parentheses that speaks twice or more is a person whatever word it is
        # ("Precious"): no label or stop word ("Price (Net): 30 / Price (Gross): 36" is a form).
        agents = [
            m
            for m in _ROLE_SPEAKER_LINE.finditer(text)
            if not any(w.casefold() in _FIELD_LABELS | STOP_WORDS for w in m.group(1).split())
        ]
        labels += [m for m in agents if sum(a.group(1) == m.group(1) for a in agents) > 1]
        labels += [
            m
            for m in _TIMED_SPEAKER_LINE.finditer(text)
            if not any(w.casefold() in _FIELD_LABELS or common_word(w) for w in m.group(1).split())
            and not all(everyday_word(w) for w in m.group(1).split())  # an agenda's "Lunch  12:30"
            and _MESSAGE_AFTER.match(text, m.end())
        ]
        labels += [
            m
            for m in _CAPS_SPEAKER_LINE.finditer(text)
            if not any(
                w.casefold() in _FIELD_LABELS | STOP_WORDS or everyday_word(w) for w in m.group(1).split()
            )
        ]
        # A transcript: two or more lines that start with a speaker's name.
        if len(labels) < 2:
            return []
        # After a stamp, above the model's reading that takes it in ("05:40 Pasang Sherpa") and absorbs it.
        return [
            RecognizerResult(
                "PERSON", m.start(1), m.end(1), 0.9 if _DIGIT.search(text, m.start(), m.start(1)) else 0.55
            )
            for m in labels
        ]
