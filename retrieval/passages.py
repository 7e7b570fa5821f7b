"""Passage selection: only the sentences of the retrieved chunks that bear on the question reach the model.

Every retrieved chunk is cut into sentences (lines count as sentences: lists and tables are line-shaped); the
question and all the sentences are embedded in one call of the embedding model already loaded for retrieval,
and sentences are ranked by cosine similarity to the question plus a bonus for the question's own terms
(names, numbers, placeholders: what embeddings of a small model blur). The best ones are taken until the
token budget is spent, then the sentence before each taken one while budget remains (a pronoun's antecedent,
a heading). Sentence vectors are kept in a bounded LRU by text, so a chunk retrieved again costs no embedding.
``scorer="terms"`` (the product default, ``[answer] source_scorer``) ranks without embeddings: the
IDF-weighted share of the question's terms in each sentence (IDF over the retrieved sentences), no model
call at all; on XQuAD the answer survives selection as often (0.958 at 192 tokens, 165 questions) in ~44 ms
instead of the 1-4 s of embedding ~40 sentences on one busy core (docs/evaluation.md, "Generation speed").
Each chunk keeps its place and so its ``[n]`` number; the kept sentences keep their order, and a gap between
them is shown as `` … ``. A chunk none of whose sentences is taken is left out of the prompt (its number is
not reused). Figures: docs/evaluation.md, "Generation speed".
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from retrieval.grounding import key_terms, question_terms
from retrieval.retriever import RetrievedChunk

GAP = " … "
# A sentence ends at . ! ? before blanks and a capital, digit, quote, bracket or placeholder; a line is one.
_BOUNDARY = re.compile(r"(?<=[.!?])[ \t]+(?=[\"'(\[<A-Z0-9])|\n+")
# ... unless the period ends an abbreviation: an initial ("John F. Kennedy", "U.S.", "i.e."), a title
# before a name ("Mr. <PERSON_3>", "Rev. Paul") or a word standing before what it qualifies ("the St. Johns
# River", "Convention No. 81", "Brown v. Board", "c. 1455"). Cut there, a sentence loses its subject to the
# one before it (a fragment under MIN_SENTENCE_CHARS joins the sentence before) and selection shows the rest
# without it. Words that often end a sentence ("etc.", "Inc.", "Co.") are not listed: a merged sentence
# costs tokens, a cut one its subject.
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\"'\[]))(?:(?:[A-Za-z]\.){2,}|[A-Z]\.|"
    r"(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Jr|Sr|Prof|Rev|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|Hon|Pres|Fr|No|Nos|Vol"
    r"|Fig|pp|vs|v|ca|c|approx)\.)$"
)
MIN_SENTENCE_CHARS = 24

EmbedTexts = Callable[[list[str]], Sequence[Sequence[float]]]
CountTokens = Callable[[str], int]
Scorer = Literal["embedding", "terms"]
SCORERS: tuple[Scorer, ...] = ("embedding", "terms")


@dataclass(frozen=True)
class Sentence:
    chunk: int  # 0-based index of the chunk in the retrieved order
    start: int  # character span in the chunk's text
    end: int
    text: str


@dataclass(frozen=True)
class Selection:
    """The chunks as shown to the model (texts cut to the chosen sentences; ``shown[i]`` is ``[i + 1]``, None
    for a chunk left out), and what it cost."""

    shown: list[RetrievedChunk | None]
    sentences: int  # sentences kept, of
    total_sentences: int
    tokens: int  # estimated tokens of the kept sentences
    embed_ms: float


def sentences_of(text: str, index: int = 0) -> list[Sentence]:
    """Sentences (and lines) of ``text`` with their spans; a fragment shorter than ``MIN_SENTENCE_CHARS``
    joins the sentence before it."""
    spans: list[list[int]] = []
    position = 0
    boundaries = [
        m for m in _BOUNDARY.finditer(text) if "\n" in m.group() or not _abbreviated(text, m.start())
    ]
    for match in [*boundaries, None]:
        end = match.start() if match else len(text)
        piece = text[position:end]
        if piece.strip():
            start = position + len(piece) - len(piece.lstrip())
            stop = position + len(piece.rstrip())
            if spans and stop - start < MIN_SENTENCE_CHARS:
                spans[-1][1] = stop
            else:
                spans.append([start, stop])
        position = match.end() if match else len(text)
    return [Sentence(index, s, e, text[s:e]) for s, e in spans]


def _abbreviated(text: str, end: int) -> bool:
    """Whether the period before ``end`` ends an abbreviation (``_ABBREVIATION``), not a sentence."""
    return bool(_ABBREVIATION.search(text, max(0, end - 12), end))


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def term_scores(question: str, sentences: Sequence[Sentence]) -> list[float]:
    """Each sentence's IDF-weighted share of the question's terms (0..1); IDF over ``sentences``, so a term
    every retrieved sentence holds (the topic) weighs little and a rare one (the asked detail) much."""
    asked = question_terms(question)
    held = [key_terms(s.text) & asked for s in sentences]
    n = len(sentences)
    idf = {t: math.log((n + 1) / (sum(t in h for h in held) + 0.5)) for t in asked}
    total = sum(idf.values())
    # Summed in one order (the IDF table's) and capped: a set's own order made a sentence holding every term
    # score 1.0000000000000002 under some hash seeds.
    return [min(1.0, sum(w for t, w in idf.items() if t in h) / total) if total > 0 else 0.0 for h in held]


class VectorCache:
    """A bounded LRU of sentence vectors by the sentence's text (a digest of it); thread-safe."""

    def __init__(self, max_entries: int = 8192) -> None:
        self._max = max_entries
        self._vectors: OrderedDict[bytes, Sequence[float]] = OrderedDict()
        self._lock = threading.Lock()

    def embedded(self, embed: EmbedTexts, texts: Sequence[str]) -> list[Sequence[float]]:
        """``texts``' vectors: the cached ones as they are, the others in one ``embed`` call."""
        keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
        with self._lock:
            found = {k: self._vectors[k] for k in keys if k in self._vectors}
            for k in found:
                self._vectors.move_to_end(k)
        missing = list(dict.fromkeys(i for i, k in enumerate(keys) if k not in found))
        vectors = list(embed([texts[i] for i in missing])) if missing else []
        fresh = {keys[i]: v for i, v in zip(missing, vectors, strict=True)}
        with self._lock:
            for k, v in fresh.items():
                self._vectors[k] = v
                self._vectors.move_to_end(k)
            while len(self._vectors) > self._max:
                self._vectors.popitem(last=False)
        return [found[k] if k in found else fresh[k] for k in keys]

    def __len__(self) -> int:
        with self._lock:
            return len(self._vectors)


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate (about 4 characters a token in English prose)."""
    return max(1, len(text) // 4)


class PassageSelector:
    """``select(question, chunks)``: the chunks cut to the sentences that bear on the question, within
    ``budget`` tokens (0: whole chunks, nothing embedded)."""

    def __init__(
        self,
        embed: EmbedTexts,
        budget: int,
        count_tokens: CountTokens = estimate_tokens,
        term_weight: float = 0.3,
        context: bool = True,
        scorer: Scorer = "embedding",
        cache_entries: int = 8192,
        floor: float = 0.0,
    ) -> None:
        if scorer not in SCORERS:
            raise ValueError(f"answer.source_scorer: {scorer!r} is not one of {SCORERS}")
        self.embed = embed
        self.budget = budget
        self.count_tokens = count_tokens
        self.term_weight = term_weight  # bonus of a sentence holding all the question's terms
        self.context = context  # also the sentence before each kept one, while budget remains
        self.scorer = scorer
        # A sentence scoring below ``floor`` x the best one's score is never taken to fill the budget (it
        # may still come as the sentence before a taken one): budget spent on what bears on nothing costs
        # first-token time and carries no answer. 0: fill the budget whatever the score.
        self.floor = floor
        self.vectors = VectorCache(cache_entries)

    def scores(self, question: str, sentences: Sequence[Sentence]) -> list[float]:
        """Cosine to the question plus ``term_weight`` times the share of the question's terms present
        (``scorer="terms"``: ``term_scores``, no embedding)."""
        if self.scorer == "terms":
            return term_scores(question, sentences)
        vectors = self.vectors.embedded(self.embed, [question, *(s.text for s in sentences)])
        asked = question_terms(question)
        scored = []
        for sentence, vector in zip(sentences, vectors[1:], strict=True):
            share = len(asked & key_terms(sentence.text)) / len(asked) if asked else 0.0
            scored.append(_cosine(vectors[0], vector) + self.term_weight * share)
        return scored

    def select(self, question: str, chunks: Sequence[RetrievedChunk]) -> Selection:
        import time

        everything = [s for i, c in enumerate(chunks) for s in sentences_of(c.text, i)]
        whole = sum(self.count_tokens(s.text) for s in everything)
        if self.budget <= 0 or whole <= self.budget or not everything:
            return Selection(list(chunks), len(everything), len(everything), whole, 0.0)
        started = time.perf_counter()
        scores = self.scores(question, everything)
        embed_ms = (time.perf_counter() - started) * 1000
        costs = [self.count_tokens(s.text) for s in everything]
        ranked = sorted(range(len(everything)), key=lambda i: -scores[i])
        kept: set[int] = set()
        spent = 0
        lowest = self.floor * scores[ranked[0]] if self.floor > 0 and scores[ranked[0]] > 0 else None
        for i in ranked:
            if kept and lowest is not None and scores[i] < lowest:
                break  # ranked: every later sentence scores less too
            if spent + costs[i] <= self.budget or not kept:  # the best sentence always, whatever its length
                kept.add(i)
                spent += costs[i]
        if self.context:
            for i in [i for i in ranked if i in kept]:
                before = i - 1
                same_chunk = before >= 0 and everything[before].chunk == everything[i].chunk
                if same_chunk and before not in kept and spent + costs[before] <= self.budget:
                    kept.add(before)
                    spent += costs[before]
        shown: list[RetrievedChunk | None] = []
        for index, chunk in enumerate(chunks):
            mine = [i for i in sorted(kept) if everything[i].chunk == index]
            shown.append(
                replace(chunk, text=excerpt(chunk.text, [everything[i] for i in mine])) if mine else None
            )
        return Selection(shown, len(kept), len(everything), spent, embed_ms)


def excerpt(text: str, sentences: Sequence[Sentence]) -> str:
    """The kept sentences in order: adjacent ones as in the text (line breaks kept), a gap shown as ``GAP``;
    a leading or trailing gap too, so the model sees it reads an excerpt."""
    out = GAP.strip() + " " if sentences[0].start > 0 else ""
    for previous, sentence in zip([None, *sentences], sentences, strict=False):
        if previous is not None:
            between = text[previous.end : sentence.start]
            adjacent = not sentences_of(between)
            out += between if adjacent else GAP
        out += sentence.text
    if text[sentences[-1].end :].strip():
        out += " " + GAP.strip()
    return out
