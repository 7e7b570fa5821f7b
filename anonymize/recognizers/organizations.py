"""Organizations by their legal form: capitalized names that end with "Inc", "GmbH", "Group"."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.text import COMPANY_FORM_SUFFIX, SPACED_COMPANY_FORM

_COMPANY_WORD = r"(?:[A-Z0-9][\w&'’.\-/+]*|&)"
_NUMBER_WORD = re.compile(r"[\d.,/–-]+[ \t]+")
# A sentence's end inside the run of capitalized words: a word of three letters or more with a lower-case
# letter and a full stop, no abbreviation ("ask Lima. Okafor Holdings Ltd": "Lima" is no part of the name;
# "H. J. Wilson & Co", "Smith Bros. Ltd" are one name).
_SENTENCE_END = re.compile(
    r"(?<![\w'’])(?!(?:Bros|Corp|Intl|Assoc|Mfg|Dept|Ltd|Inc)\.)[A-Z]?[a-z][\w'’-]{2,}\.[ \t]+"
)


# A form glued to the name's last word: after a lower-case letter ("FacebankGroup"), or a long form after
# capitals ("OKAMOTO INDUSTRIESINC."); not a short one after capitals, the end of a name in capitals ("THEN
# MUSA.", "ELISA", "TERESA": no "SA").
_GLUED = r"(?:(?<=[a-z])|(?<=[A-Z])(?=(?:INC|LTD|CORP|CORPORATION|LLC|PLC|LIMITED|GROUP|HOLDINGS)\b))"


class CompanyFormRecognizer(EntityRecognizer):
    """Capitalized names that end with a company form ("RAIZNEXT Corporation", "Facebank Group Inc.")."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["ORGANIZATION"], name="CompanyFormRecognizer")
        self._pattern = re.compile(
            rf"(?<![\w&])((?:{_COMPANY_WORD}[ \t]+){{0,5}}?(?:{_COMPANY_WORD}?(?:[ \t]|{_GLUED})"
            rf"{COMPANY_FORM_SUFFIX}|{_COMPANY_WORD}[ \t]+{SPACED_COMPANY_FORM})\.?)"
            rf"(?:,?[ \t]+{COMPANY_FORM_SUFFIX}\.?)?(?![\w&])"
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "ORGANIZATION" not in entities:
            return []
        results = []
        for m in self._pattern.finditer(text):
            start = m.start(1)
            # Not the years before a name ("2016–2019  Arya Pol Co."), nor the sentence's first word alone
            # ("The Group"), nor a company form with nothing before it.
            while number := _NUMBER_WORD.match(text, start, m.end(1)):
                start = number.end()
            for end_of_sentence in _SENTENCE_END.finditer(text, start, m.end(1)):
                start = end_of_sentence.end()
            name = text[start : m.end(1)]
            words = name.split()
            if len(words) < 2 and not re.match(r"[A-Z0-9]{2,}[a-z]*(?:INC|Inc|GROUP|HOLDINGS)", name):
                continue
            if words[0] in ("The", "the", "A", "An", "Our", "My", "This") and len(words) < 3:
                continue
            results.append(RecognizerResult("ORGANIZATION", start, m.end(), 0.55))
        return results
