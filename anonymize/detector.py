"""PII detection: Presidio's analyzer (``anonymize.engine``) run in batches, then the post-processing steps
(``anonymize.resolve``) on each text's results; large batches optionally spread over helper processes."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace

from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult
from spacy.language import Language

from anonymize import name_lexicon, vocabulary
from anonymize.analysis_pool import AnalysisPool
from anonymize.detector_config import DetectorConfig
from anonymize.engine import build_analyzer
from anonymize.invisible import Visible, visible
from anonymize.letter_forms import latin_base_letters, take_leading_marks
from anonymize.recognizers.lower_names import RECOGNIZER as LOWER_CASE_NAMES
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer
from anonymize.resolve import resolve
from anonymize.text import plain_characters
from anonymize.truecase import truecased

__all__ = ["DetectorConfig", "PiiDetector", "helper_detector"]

# Escaped line breaks ("\n" written as two characters, as in text pasted from JSON or logs) are read as a
# paragraph break: same length, so offsets stay valid.
_ESCAPED_BREAK = re.compile(r"\\[nr]")
# A markdown heading, then a blank line: the NER model reads the heading as one sentence with the next
# paragraph ("Team Priya Raman" becomes an organization). A period in place of the heading's line break ends
# it there, and keeps every offset.
_UNENDED_HEADING = re.compile(r"(?m)^(#{1,6}[ \t][^\n]*?[\w)\]])\n(?=[ \t]*\n)")
# Footnote marks glued to a word, an author list's affiliations ("Pema Tsering¹*, Dawa Dolma²"): a regex's
# \w and the NER model read "Tsering¹" as one unknown word. Blanks in their place keep every offset.
_NOTE_MARKS = re.compile(r"(?<=[^\W\d_])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+[*†‡]?")


class PiiDetector:
    """Finds PII spans in many texts at once (spaCy ``nlp.pipe`` through Presidio's batch engine)."""

    def __init__(self, config: DetectorConfig, analyzer: AnalyzerEngine | None = None) -> None:
        self.config = config
        self.lexicon = name_lexicon.load()
        self.analyzer = analyzer or build_analyzer(config, self.lexicon)
        self._batch = BatchAnalyzerEngine(analyzer_engine=self.analyzer)
        self._pool: AnalysisPool | None = None
        self._pool_lock = threading.Lock()
        self.transient_vocabulary = True  # each batch in spaCy's memory zone (``_vocabulary_zone``)
        self._vocabulary_lock = _vocabulary_lock(self.analyzer)
        # Read again on the text as typed where a lower-case text was analyzed truecased (``_as_typed``).
        self._lower_case_names = [
            r for r in self.analyzer.registry.recognizers if isinstance(r, LowerCaseNameRecognizer)
        ]

    def start_helpers(self, wait: bool = False) -> bool:
        """Start the helper processes now (they otherwise start with the first large batch); with ``wait``,
        block until they have loaded their models. True when helpers are ready."""
        if self.config.workers < 1:
            return False
        with self._pool_lock:
            if self._pool is None:
                self._pool = AnalysisPool(helper_detector, self.config, self.config.workers)
            pool = self._pool
        return pool.wait_ready() if wait else pool.ready

    def ordinary_word(self, word: str) -> bool:
        """A lower-case frequent English word that is no common name (``NameLexicon.ordinary_word``)."""
        return self.lexicon.ordinary_word(word)

    def close(self) -> None:
        """Stop the helper processes, if any."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    @property
    def version(self) -> str:
        return f"{self.config.version}+{self.config.spacy_model}"

    def analyze(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """Detected spans for each text, filtered by per-entity thresholds and the allow list.

        A large batch is split over the helper processes (``workers``) and this one: same spans, in order.
        """
        if self.config.workers > 0 and sum(len(t) for t in texts) >= self.config.parallel_min_chars:
            self.start_helpers()
            pool = self._pool
            if pool is not None:
                return pool.analyze(texts, self._analyze_here)
        return self._analyze_here(texts)

    def _analyze_here(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        if not texts:
            return []
        # Invisible characters inside words ("Tun\u00adde") are taken out and the spans mapped back to the
        # text as written (``anonymize.invisible``). Other offsets stay valid: an escaped break and its
        # replacement have the same length, and so have the plain forms of no-break spaces and fullwidth
        # letters ("Tunde\u00a0Bakare").
        seen = [visible(t) for t in texts]
        typed = [
            _UNENDED_HEADING.sub(r"\1.", _ESCAPED_BREAK.sub(" \n", _unmarked(_plain(v.text)))) for v in seen
        ]
        # A text typed all in lower case is read with its names' capitals (``anonymize.truecase``); the
        # lower-case name recognizer still reads it as typed ("<pedro.alves>", "haruto pushed").
        prepared = [truecased(t, self.lexicon) for t in typed]
        with self._vocabulary_lock:
            self._warm_vocabulary()
            return self._analyze_in_zone(seen, typed, prepared)

    def _analyze_in_zone(
        self, seen: list[Visible], typed: list[str], prepared: list[str]
    ) -> list[list[RecognizerResult]]:
        with self._vocabulary_zone():
            raw: Iterable[list[RecognizerResult]] = self._batch.analyze_iterator(
                prepared,
                language="en",
                batch_size=self.config.batch_size,
                allow_list=self.config.allow_list or None,
            )
            return [
                _as_written(
                    resolve(
                        shadow,
                        [*results, *self._as_typed(t, shadow)],
                        self.config,
                        lexicon=self.lexicon,
                        truecased=shadow != t,
                    ),
                    v,
                )
                for v, t, shadow, results in zip(seen, typed, prepared, raw, strict=True)
            ]

    def _as_typed(self, text: str, shadow: str) -> list[RecognizerResult]:
        """The lower-case name recognizer's results on ``text`` as typed, when it was read as ``shadow``."""
        if shadow == text:
            return []
        allow = set(self.config.allow_list)
        found = []
        for recognizer in self._lower_case_names:
            for r in recognizer.analyze(text, ["PERSON"]):
                if text[r.start : r.end] not in allow:
                    r.recognition_metadata = {
                        RecognizerResult.RECOGNIZER_NAME_KEY: LOWER_CASE_NAMES,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: str(recognizer.id),
                    }
                    found.append(r)
        return found

    def _pipeline(self) -> object:
        """The analyzer's English spaCy pipeline (None without one)."""
        pipelines = getattr(self.analyzer.nlp_engine, "nlp", None)
        return pipelines.get("en") if isinstance(pipelines, dict) else None

    def _vocabulary_zone(self) -> AbstractContextManager[object]:
        """spaCy's memory zone (spaCy >= 3.8): the word forms and strings a batch adds to the vocabulary are
        dropped after it, so a long job's vocabulary does not grow with every new word it reads. Only
        Presidio's results (offsets, scores, plain strings) outlive the batch: same spans."""
        nlp = self._pipeline() if self.transient_vocabulary else None
        zone = getattr(nlp, "memory_zone", None)
        return zone() if zone is not None else nullcontext()

    def _warm_vocabulary(self) -> None:
        """Before the first batch, outside the zone: the frequent words every batch would otherwise add and
        drop again (``anonymize.vocabulary``, ``DetectorConfig.warm_words``), once per pipeline."""
        nlp = self._pipeline()
        if isinstance(nlp, Language):
            vocabulary.warm_once(nlp, self.config.warm_words)


def _unmarked(text: str) -> str:
    """``text`` with blanks for the footnote marks glued to its words (same length)."""
    return _NOTE_MARKS.sub(lambda m: " " * len(m.group()), text)


_LATIN_BASE = latin_base_letters()


def _plain(text: str) -> str:
    """``text`` as the detector reads it, one character for one: plain spaces and ASCII for fullwidth forms
    (``anonymize.text.plain_characters``), Latin letters beyond Extended-A as their base letter and glottal
    marks as an apostrophe (``anonymize.letter_forms``: "Məmmədova", "ʻAlifeleti")."""
    return plain_characters(text).translate(_LATIN_BASE)


def _as_written(results: list[RecognizerResult], seen: Visible) -> list[RecognizerResult]:
    """``results`` on the visible text, moved to the offsets of the text as written."""
    take_leading_marks(seen.text, results)
    if seen.changed:
        for r in results:
            r.start, r.end = seen.span(r.start, r.end)
    return results


def _vocabulary_lock(analyzer: AnalyzerEngine) -> threading.Lock:
    """The lock of ``analyzer``'s spaCy pipeline. Its vocabulary is shared by every thread and detector using
    the analyzer; a batch in a memory zone drops the strings added meanwhile, so no other batch may run on it
    then (zones are not thread-safe). The lock travels with the analyzer, not with the process."""
    lock = getattr(analyzer, "privrag_vocabulary_lock", None)
    if lock is None:
        lock = threading.Lock()
        analyzer.privrag_vocabulary_lock = lock  # type: ignore[attr-defined]
    return lock


def helper_detector(config: DetectorConfig) -> PiiDetector:
    """The detector of an analysis helper process: the same configuration, analyzing in its own process."""
    return PiiDetector(replace(config, workers=0))
