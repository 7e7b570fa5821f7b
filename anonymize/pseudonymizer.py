"""Replace detected PII by vault surrogates with Presidio's AnonymizerEngine (a custom operator per type)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult as AnalyzerResult
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.vault import Vault

_MIN_PROPAGATED = 4


@dataclass
class PseudonymizedText:
    text: str
    replaced: Counter[str] = field(default_factory=Counter)
    detected: Counter[str] = field(default_factory=Counter)


class Pseudonymizer:
    """Text in, text with ``<TYPE_n>`` surrogates out; the same value always gets the same surrogate."""

    def __init__(self, detector: PiiDetector, vault: Vault, pseudonymize: Sequence[str]) -> None:
        self.detector = detector
        self.vault = vault
        self.pseudonymize = set(pseudonymize)
        self._anonymizer = AnonymizerEngine()
        self._known: dict[str, str] | None = None  # value -> type, for propagation (in memory only)
        self._known_pattern: re.Pattern[str] | None = None
        self._aliases: dict[str, str] = {}  # a capitalized part of a known name -> the full name

    def forget(self) -> None:
        """Drop the in-memory propagation table (after an erasure); it is rebuilt from the vault."""
        self._known = None
        self._known_pattern = None
        self._aliases = {}

    @property
    def version(self) -> str:
        return f"{self.detector.version};types={','.join(sorted(self.pseudonymize))}"

    def run(self, texts: Sequence[str], store: bool = True) -> list[PseudonymizedText]:
        """Pseudonymize each text. With ``store=False`` (questions) unseen values get throwaway surrogates."""
        analyses = self.detector.analyze(texts)
        self._remember(texts, analyses if store else [[] for _ in texts])
        analyses = [self._propagate(text, results) for text, results in zip(texts, analyses, strict=True)]
        return [self._apply(text, results, store) for text, results in zip(texts, analyses, strict=True)]

    def _remember(self, texts: Sequence[str], analyses: list[list]) -> None:
        """Values detected anywhere are replaced everywhere, also where the detector missed them."""
        if self._known is None:
            self._known = {
                value: surrogate.strip("<>").rsplit("_", 1)[0]
                for surrogate, value in self.vault.iter_values()
                if len(value) >= _MIN_PROPAGATED
            }
        before = len(self._known)
        for text, results in zip(texts, analyses, strict=True):
            for r in results:
                value = text[r.start : _trim_end(text, r)].strip()
                if r.entity_type in self.pseudonymize and len(value) >= _MIN_PROPAGATED:
                    self._known.setdefault(value, r.entity_type)
        for value, entity_type in list(self._known.items()):
            if entity_type == "PERSON" and " " in value:
                for part in value.split():
                    if len(part) >= _MIN_PROPAGATED and part[0].isupper() and part.isalpha():
                        self._aliases.setdefault(part, value)
        if len(self._known) != before or self._known_pattern is None:
            alternatives = sorted(set(self._known) | set(self._aliases), key=len, reverse=True)
            self._known_pattern = (
                re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.I)
                if alternatives
                else None
            )

    def _propagate(self, text: str, results: list) -> list:
        if not self._known or self._known_pattern is None:
            return results
        extra = []
        lowered = {k.casefold(): v for k, v in self._known.items()}
        for match in self._known_pattern.finditer(text):
            if any(
                r.start < match.end() and match.start() < r.end
                for r in results
                if r.entity_type in self.pseudonymize
            ):
                continue
            found = match.group(0)
            # Name parts match case-sensitively ("Bell", not "bell"); full values in any case.
            entity_type = "PERSON" if found in self._aliases else lowered.get(found.casefold())
            if entity_type:
                extra.append(AnalyzerResult(entity_type, match.start(), match.end(), 0.6))
        return results + extra

    def _apply(self, text: str, results: list, store: bool) -> PseudonymizedText:
        detected = Counter(r.entity_type for r in results)
        targets = [r for r in results if r.entity_type in self.pseudonymize]
        if not targets:
            return PseudonymizedText(text=text, detected=detected)
        fresh = itertools.count(1)

        def operator_for(entity_type: str) -> OperatorConfig:
            def to_surrogate(value: str) -> str:
                if entity_type == "PERSON":
                    value = self._aliases.get(value.strip(), value)
                if store:
                    return self.vault.surrogate(entity_type, value)
                return self.vault.find(entity_type, value) or f"<{entity_type}_NEW{next(fresh)}>"

            return OperatorConfig("custom", {"lambda": to_surrogate})

        operators = {t: operator_for(t) for t in {r.entity_type for r in targets}}
        converted = [RecognizerResult(r.entity_type, r.start, _trim_end(text, r), r.score) for r in targets]
        result = self._anonymizer.anonymize(text=text, analyzer_results=converted, operators=operators)
        replaced = Counter(item.entity_type for item in result.items)
        return PseudonymizedText(text=result.text, replaced=replaced, detected=detected)


def _trim_end(text: str, result) -> int:  # type: ignore[no-untyped-def]
    """Keep a possessive "'s" out of a PERSON span so the sentence still reads."""
    end = result.end
    if result.entity_type == "PERSON" and text[result.start : end].endswith(("'s", "\u2019s")):
        end -= 2
    if (
        result.entity_type == "STREET_ADDRESS"
        and text[end - 1 : end] == "."
        and text[: end - 1][-4:].isalpha()
    ):
        end -= 1  # a sentence's full stop after "Street", not an abbreviation's dot
    return end
