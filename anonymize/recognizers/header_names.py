"""Names in mail headers: "Jane Doe <jane@x.com>", "From: Jane Doe", "Cc: Park Seo-yeon; Yoon Ha-neul"."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult


class EmailHeaderNameRecognizer(EntityRecognizer):
    """``Jane Doe <jane@x.com>`` and ``From: Jane Doe`` in mail headers: names NER models often miss."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="EmailHeaderNameRecognizer")
        self._pattern = re.compile(
            r"(?:(?:^|\n)\W*(?:From|To|Cc|Bcc|Reply-To|Sender|Attn)\W*:\W*|(?<=[;,]\s))?"
            r"([A-Z][a-zA-Z'.-]+(?:\s[A-Z][a-zA-Z'.-]+){1,2})\s*<[^<>@\s]+@[^<>\s]+>"
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        found = [RecognizerResult("PERSON", m.start(1), m.end(1), 0.75) for m in self._pattern.finditer(text)]
        # Without addresses: "Cc: Park Seo-yeon; Yoon Ha-neul", "TO: MAIREAD O'SULLIVAN; ANGUS MACLEOD".
        for line in _HEADER_LINE.finditer(text):
            for item in _HEADER_ITEM.finditer(text, line.start("value"), line.end("value")):
                found.append(RecognizerResult("PERSON", item.start(1), item.end(1), 0.75))
        return found


# A mail header's recipients or sender without addresses, one to a list item: two or three capitalized
# words (the other filters drop "Finance Department" and company names).
_HEADER_LINE = re.compile(r"(?im)^[ \t>]*(?:from|to|cc|bcc|reply-to|sender|attn)[ \t]*:(?P<value>[^\n]*)")
_HEADER_ITEM = re.compile(
    r"(?:(?<=:)|(?<=[;,]))[ \t]*([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,2})[ \t]*(?=[;,]|$)", re.M
)
