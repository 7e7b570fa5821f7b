"""Replace detected PII by vault surrogates with Presidio's AnonymizerEngine (a custom operator per type).

Propagation: a value detected once is also replaced where the detector misses it (a name in capitals, a
surname alone maps to the full name). Values of 4+ characters propagate, name parts only when capitalized.

Determinism (what makes a resumed ingestion equal an uninterrupted one): a document's pseudonymized text is a
function of the document and of a fixed vault snapshot, never of the other documents of its job or batch.

- A document (all its sections and its title, passed as one group to ``run_documents``) receives propagated
  values only from the values detected in that same document and from the vault entries up to a *mark* (the
  vault's last entry id when the job started; a job resumed after a crash reuses its interrupted run's mark,
  so the entries the crashed run added do not count).
- New surrogates ``<TYPE_n>`` take the next number of their type, allocated document by document in the order
  given (ingestion: paths sorted), each document's texts in order. An interrupted run has therefore allocated
  a prefix of the sequence an uninterrupted run allocates, and the resumed run, which redoes the unfinished
  documents in the same order, continues that sequence: every value gets the same number. With the vault's
  ``keyed`` numbering a value's number does not depend on order at all (what sharded ingestion needs).
- Vault entries propagate in a canonical order (``known_values.known_of``), not in the order they were stored.

``run`` (one group, snapshot = the whole vault now) serves questions (``store=False``: nothing is stored or
remembered, unseen values get throwaway ``<TYPE_NEWn>`` surrogates) and ad-hoc texts.

Propagation cost: known values are indexed by their first word, so a text is only checked against the values
whose first word it contains (and a cheap substring test before the regex): the cost grows with the text, not
with the vault.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult as AnalyzerResult
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.known_values import WORD, KnownValues, known_of
from anonymize.name_aliases import alias_of
from anonymize.name_forms import other_case_forms
from anonymize.name_mentions import named_inside_sentence
from anonymize.name_reach import NameReach
from anonymize.scope import SurrogateScope
from anonymize.text import STOP_WORDS
from anonymize.text_kinds import in_lower_case
from anonymize.truecase import drop_document_words
from anonymize.vault import Vault

_SNAPSHOTS_KEPT = 2  # a job's mark and the latest one (questions)


@dataclass
class PseudonymizedText:
    text: str
    replaced: Counter[str] = field(default_factory=Counter)
    detected: Counter[str] = field(default_factory=Counter)


def _alias(contexts: Sequence[KnownValues], value: str) -> str:
    """The known name ``value`` stands for (``KnownValues.name_of``): as written, or a known part typed in
    capitals or lower case ("BAKARE", "bakare" for the "Bakare" of "Tunde Bakare"), else ``value`` itself."""
    for form in (value, _other_case_part(value, contexts)):
        if form:
            known = next((n for k in contexts if (n := k.name_of(form)) is not None), None)
            if known is not None:
                return known
    return value


def _other_case_part(word: str, contexts: Sequence[KnownValues]) -> str | None:
    """The capitalized known name part ``word`` is typed in capitals or lower case, where such a form names
    the person (as within a document: ``name_forms.other_case_forms``; not "ROSE" or "rose" for "Rose"),
    else None."""
    if not word.isalpha() or not (word.isupper() or word.islower()):
        return None
    titled = word[:1].upper() + word[1:].lower()
    if titled == word or not any(titled in k.aliases for k in contexts):
        return None
    return titled if word in other_case_forms({titled}, STOP_WORDS) else None


@functools.lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` as a whole ``\\w+`` word (what ``WORD`` finds), case-sensitive."""
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


# A hyphenated surname's other half, written in the same case class: "Nunez-Ibanez", "NUNEZ-IBANEZ".
_HALF_AFTER = re.compile(r"-[^\W\d_][^\W\d_'’]*")
_HALF_BEFORE = re.compile(r"[^\W\d_][^\W\d_'’]*-$")


def _compound(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a known name part in ``text[start:end]``, with the other half of a hyphenated name it is
    written in ("Nunez" of "Nunez-Ibanez"): the known half alone would leave the other in clear beside a
    surrogate ("<PERSON_4>-Ibanez")."""
    after = _HALF_AFTER.match(text, end)
    if after and after.group()[1].isupper():
        end = after.end()
    before = _HALF_BEFORE.search(text, max(0, start - 40), start)
    if (
        before
        and before.group()[0].isupper()
        and (before.start() == 0 or not text[before.start() - 1].isalnum())
    ):
        start = before.start()
    return start, end


def _propagated(text: str, contexts: Sequence[KnownValues]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) of known values and name parts in ``text``, leftmost-longest."""
    if not any(len(k) for k in contexts):
        return []
    lowered = text.lower()
    spans: list[tuple[int, int, int, str]] = []  # (start, end, priority: name parts first, type)
    written = set(WORD.findall(text))
    words = {w.lower() for w in written}
    for word in written:
        # Name parts: case-sensitive ("Bell", not "bell"), and not where the text also writes the word in
        # lower case ("Tumor ... tumor"): a common word there, unless the text also writes it capitalized
        # where only a name is ("interest in Tesla since the 1990s" beside the unit "the tesla"); then every
        # capitalized mention is the name ("Tesla died on 7 January 1943"), the lower-case ones the word.
        # As written only: a known part's other-case forms across texts ("Oncogenic" -> every "oncogenic",
        # "Kras" -> "KRAS") cost SciFact's retrieval its target (session 19); within one text,
        # ``name_forms`` reads them.
        if not any(word in k.aliases for k in contexts):
            continue
        mentions = list(_whole_word(word).finditer(text))
        if in_lower_case(word, text) and not any(
            named_inside_sentence(text, m.start(), m.end()) for m in mentions
        ):
            continue
        spans += [(*_compound(text, m.start(), m.end()), 0, "PERSON") for m in mentions]
    for known in contexts:
        spans += [(start, end, 1, "PERSON") for start, end in known.caseless_matches(text)]
        for start, end in known.matches(text, words, lowered):
            found = text[start:end].casefold()
            entity_type = next((k.folded[found] for k in contexts if found in k.folded), None)
            if entity_type:
                spans.append((start, end, 1, entity_type))
    chosen: list[tuple[int, int, str]] = []
    for start, end, _, entity_type in sorted(set(spans), key=lambda s: (s[0], -s[1], s[2])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, entity_type))
    return chosen


class Pseudonymizer:
    """Text in, text with ``<TYPE_n>`` surrogates out; the same value always gets the same surrogate."""

    def __init__(
        self,
        detector: PiiDetector,
        vault: Vault,
        pseudonymize: Sequence[str],
        reach: NameReach | None = None,
    ) -> None:
        self.detector = detector
        # How far a name found in one document reaches into others (anonymize/name_reach.py).
        self.reach = reach if reach is not None else NameReach(detector.lexicon)
        self.vault = vault
        self.pseudonymize = set(pseudonymize)
        self._anonymizer = AnonymizerEngine()
        self._lock = threading.Lock()
        self._entries: list[tuple[int, str, str]] = []  # (vault id, value, type), in id order, in memory only
        self._loaded_to = 0
        self._snapshots: dict[int, KnownValues] = {}

    def forget(self) -> None:
        """Drop the in-memory propagation tables (after an erasure); they are rebuilt from the vault."""
        with self._lock:
            self._entries, self._loaded_to, self._snapshots = [], 0, {}

    @property
    def version(self) -> str:
        keyed = ";numbers=keyed" if self.vault.numbering == "keyed" else ""  # sequential: as before
        return f"{self.detector.version};types={','.join(sorted(self.pseudonymize))}{keyed}"

    def vault_mark(self) -> int:
        """The vault's state now, as a mark for ``known_until``: its newest entry's id."""
        return self.vault.last_id()

    def known(self, mark: int | None = None) -> KnownValues:
        """The vault's values up to ``mark`` (default: all of them now), for propagation."""
        mark = self.vault.last_id() if mark is None else mark
        with self._lock:
            cached = self._snapshots.get(mark)
            if cached is not None:
                return cached
            if mark > self._loaded_to:
                for entry_id, surrogate, value in self.vault.values_between(self._loaded_to, mark):
                    self._entries.append((entry_id, value, surrogate.strip("<>").rsplit("_", 1)[0]))
                self._loaded_to = mark
            known = known_of(
                (
                    (value, entity_type)
                    for _, value, entity_type in itertools.takewhile(lambda e: e[0] <= mark, self._entries)
                ),
                reach=self.reach,
            )
            while len(self._snapshots) >= _SNAPSHOTS_KEPT:
                self._snapshots.pop(next(iter(self._snapshots)))
            self._snapshots[mark] = known
            return known

    def entries_between(self, since: int, until: int, window: int = 5_000) -> list[tuple[str, str]]:
        """Sorted (value, type) of the vault's entries in (``since``, ``until``], ``window`` at a time."""
        windows = range(since, until, window)
        rows = (r for w in windows for r in self.vault.values_between(w, min(w + window, until)))
        return sorted((value, surrogate.strip("<>").rsplit("_", 1)[0]) for _, surrogate, value in rows)

    def known_between(
        self, since: int, until: int | None = None, into: KnownValues | None = None
    ) -> KnownValues:
        """The values the vault received after entry ``since`` (up to ``until``: now), in ``into``."""
        until = self.vault.last_id() if until is None else until
        return known_of(self.entries_between(since, until), into, self.reach)

    def sweep(self, text: str, known: KnownValues) -> str:
        """``text`` with the values of ``known`` (and their capitalized name parts) still in clear replaced by
        their surrogates. No detection runs: only values already in the vault are replaced.

        Ingestion sweeps its index with the values a job added, so a value detected in one document is also
        replaced where the detector missed it in another, without making a document's text depend on the
        order or grouping of the job's documents."""
        spans = [(s, e, t) for s, e, t in _propagated(text, (known,)) if t in self.pseudonymize]
        if not spans:
            return text
        results = [AnalyzerResult(t, s, e, 0.6) for s, e, t in spans]
        return self._apply(text, results, True, (known,)).text

    def run(
        self,
        texts: Sequence[str],
        store: bool = True,
        *,
        known_until: int | None = None,
        keep_clear: Callable[[str], bool] | None = None,
        scope: SurrogateScope | None = None,
        prefer_clear: Callable[[str, str], bool] | None = None,
    ) -> list[PseudonymizedText]:
        """Pseudonymize ``texts`` as one document. With ``store=False`` (questions) unseen values get
        throwaway surrogates and nothing is stored or remembered; an unseen name for which ``keep_clear``
        says True (the index holds it in clear: "Angiotensin" taken for a name) stays as it is, and so does
        a known name for which ``prefer_clear(written, surrogate)`` says True (the asker's documents hold it
        in clear more often than its surrogate: "Serum" taken for a name in one title).

        ``scope`` (questions: the asker's, ``anonymize.scope``): a detected value whose surrogate is outside
        it is new to the asker (``<TYPE_NEWn>``), and a vault value found only by propagation whose surrogate
        is outside it is left as written, as if the vault did not know it."""
        if store and prefer_clear is not None:
            raise ValueError(
                "prefer_clear is for questions (store=False): stored values always get surrogates"
            )
        return self.run_documents(
            [texts],
            store=store,
            known_until=known_until,
            keep_clear=keep_clear,
            scope=scope,
            prefer_clear=prefer_clear,
        )[0]

    def run_documents(
        self,
        documents: Sequence[Sequence[str]],
        store: bool = True,
        *,
        known_until: int | None = None,
        keep_clear: Callable[[str], bool] | None = None,
        scope: SurrogateScope | None = None,
        prefer_clear: Callable[[str, str], bool] | None = None,
    ) -> list[list[PseudonymizedText]]:
        """Pseudonymize groups of texts (one group per document) in one detector batch. Values propagate
        within a group and from the vault up to ``known_until`` (default: all), never between groups."""
        if store and keep_clear is not None:
            raise ValueError("keep_clear is for questions (store=False): stored values always get surrogates")
        if store and scope is not None:
            raise ValueError("scope is for questions (store=False): ingestion knows every value")
        flat = [t for texts in documents for t in texts]
        if not flat:
            return [[] for _ in documents]
        analyses = self.detector.analyze(flat)
        snapshot = self.known(known_until)
        out: list[list[PseudonymizedText]] = []
        start = 0
        for group in documents:
            texts, results = flat[start : start + len(group)], analyses[start : start + len(group)]
            results = drop_document_words(texts, results)  # a lower-case title's everyday words
            start += len(group)
            local = KnownValues()
            if store:  # a question's unseen values are not remembered
                for text, found in zip(texts, results, strict=True):
                    for r in found:
                        if r.entity_type in self.pseudonymize:
                            value = text[r.start : _trim_end(text, r)].strip()
                            local.add(value, r.entity_type)
                            local.add_alias(value, alias_of(r))
            contexts = (snapshot, local)
            out.append(
                [
                    self._apply(
                        text,
                        self._propagate(text, found, contexts, scope),
                        store,
                        contexts,
                        keep_clear,
                        scope,
                        prefer_clear,
                    )
                    for text, found in zip(texts, results, strict=True)
                ]
            )
        return out

    def _propagate(
        self, text: str, results: list, contexts: Sequence[KnownValues], scope: SurrogateScope | None = None
    ) -> list:
        targets = [r for r in results if r.entity_type in self.pseudonymize]
        extra = [
            AnalyzerResult(entity_type, start, end, 0.6)
            for start, end, entity_type in _propagated(text, contexts)
            if not any(r.start < end and start < r.end for r in targets)
        ]
        if scope is not None and extra:  # only values the reader knows propagate into a question
            found = {id(r): self.vault.find(r.entity_type, self._value(text, r, contexts)) for r in extra}
            known = scope.known({s for s in found.values() if s})
            extra = [r for r in extra if found[id(r)] in known]
        return results + extra

    @staticmethod
    def _value(text: str, result: AnalyzerResult, contexts: Sequence[KnownValues]) -> str:
        value = text[result.start : _trim_end(text, result)].strip()
        return _alias(contexts, value) if result.entity_type == "PERSON" else value

    def _apply(
        self,
        text: str,
        results: list,
        store: bool,
        contexts: Sequence[KnownValues],
        keep_clear: Callable[[str], bool] | None = None,
        scope: SurrogateScope | None = None,
        prefer_clear: Callable[[str, str], bool] | None = None,
    ) -> PseudonymizedText:
        detected = Counter(r.entity_type for r in results)
        targets = [r for r in results if r.entity_type in self.pseudonymize]
        if not targets:
            return PseudonymizedText(text=text, detected=detected)
        fresh = itertools.count(1)

        def operator_for(entity_type: str) -> OperatorConfig:
            def to_surrogate(value: str) -> str:
                written = value
                if entity_type == "PERSON":
                    value = _alias(contexts, value.strip())
                if store:
                    return self.vault.surrogate(entity_type, value)
                known = self.vault.find(entity_type, value)
                if known and (scope is None or scope.known([known])):
                    if (
                        entity_type == "PERSON"
                        and prefer_clear is not None
                        and prefer_clear(written.strip(), known)
                    ):
                        return written
                    return known
                if entity_type == "PERSON" and keep_clear is not None and keep_clear(written.strip()):
                    return written
                return f"<{entity_type}_NEW{next(fresh)}>"

            return OperatorConfig("custom", {"lambda": to_surrogate})

        operators = {t: operator_for(t) for t in {r.entity_type for r in targets}}
        converted = [RecognizerResult(r.entity_type, r.start, _trim_end(text, r), r.score) for r in targets]
        result = self._anonymizer.anonymize(text=text, analyzer_results=converted, operators=operators)
        replaced = Counter(item.entity_type for item in result.items)
        return PseudonymizedText(text=result.text, replaced=replaced, detected=detected)


def _trim_end(text: str, result: AnalyzerResult) -> int:
    """Keep a possessive "'s" out of a PERSON span so the sentence still reads."""
    end = result.end
    if result.entity_type == "PERSON" and text[result.start : end].endswith(
        ("'s", "\u2019s", "'S", "\u2019S")
    ):
        end -= 2
    if (
        result.entity_type == "STREET_ADDRESS"
        and text[end - 1 : end] == "."
        and text[: end - 1][-4:].isalpha()
    ):
        end -= 1  # a sentence's full stop after "Street", not an abbreviation's dot
    return end
