"""CoNLL-2003 column files as PII evaluation samples (same scoring as the presidio-research files).

Format: one token a line, ``TOKEN POS CHUNK NER`` separated by spaces (only the first and the last column are
read), a blank line between sentences, ``-DOCSTART-`` lines between documents, IOB2 (or IOB1) tags over PER,
LOC, ORG and MISC.

* A text is up to ``sentences_per_text`` (10) consecutive sentences of one document: tokens joined with one
  space, sentences with a line break; span offsets come from the token offsets.
* PER, LOC and ORG become PERSON, LOCATION and ORGANIZATION. MISC is not scored: its spans are kept as
  ``Sample.ignored``, and a prediction that overlaps one is neither a true nor a false positive.
* Documents: split at ``-DOCSTART-`` lines; a file without them (as the validation split distributed here)
  is split before the headline of each Reuters story, the sentence before a dateline ("LONDON 1996-08-30").
* Halves: ``dev`` is the even-numbered documents (0, 2, 4, ...), ``score`` the odd-numbered ones; rules are
  written looking at the dev half only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eval.pii import Sample, Span

T = TypeVar("T")

LABELS = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"}
HALVES = ("dev", "score", "all")
SENTENCES_PER_TEXT = 10
_DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BI]-(PER|LOC|ORG|MISC))$")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_DATELINE_MAX_TOKENS = 8


@dataclass(frozen=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


Document = list[Sentence]


def looks_like_conll(path: Path) -> bool:
    """True when the file's first non-blank line is a CoNLL token line (or ``-DOCSTART-``)."""
    if path.suffix.lower() in (".conll", ".iob", ".bio"):
        return True
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    columns = line.split()
                    return columns[0] == _DOCSTART or (len(columns) >= 2 and bool(_TAG.match(columns[-1])))
    except OSError:
        return False
    return False


def read_documents(path: Path) -> list[Document]:
    """The file's documents; ValueError naming the file and line when a line is not ``TOKEN ... TAG``."""
    documents: list[Document] = []
    current: Document = []
    tokens: list[str] = []
    tags: list[str] = []
    explicit = False

    def end_sentence() -> None:
        if tokens:
            current.append(Sentence(list(tokens), list(tags)))
            tokens.clear()
            tags.clear()

    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            columns = line.split()
            if not columns:
                end_sentence()
                continue
            if columns[0] == _DOCSTART:
                end_sentence()
                explicit = True
                if current:
                    documents.append(current)
                current = []
                continue
            if len(columns) < 2 or not _TAG.match(columns[-1]):
                raise ValueError(
                    f"{path}: line {number} is not 'TOKEN ... TAG' with an IOB tag: {line.strip()!r}"
                )
            tokens.append(columns[0])
            tags.append(columns[-1])
    end_sentence()
    if current:
        documents.append(current)
    if explicit:
        return documents
    return [doc for whole in documents for doc in _split_at_datelines(whole)]


def _dateline(sentence: Sentence) -> bool:
    return len(sentence.tokens) <= _DATELINE_MAX_TOKENS and bool(_DATE.fullmatch(sentence.tokens[-1]))


def _split_at_datelines(sentences: Document) -> list[Document]:
    """A file without ``-DOCSTART-``: a new document starts at the headline before each dateline."""
    starts = [0] + [i - 1 for i in range(2, len(sentences)) if _dateline(sentences[i])]
    bounds = [*sorted(set(starts)), len(sentences)]
    return [sentences[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]


def half(documents: list[T], which: str) -> list[T]:
    """``dev`` (even-numbered documents, or samples of a presidio-research file), ``score`` (odd-numbered)
    or ``all``."""
    if which not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {which!r}")
    if which == "all":
        return documents
    parity = 0 if which == "dev" else 1
    return [doc for i, doc in enumerate(documents) if i % 2 == parity]


def sentence_spans(sentence: Sentence, offset: int) -> tuple[str, list[Span]]:
    """The sentence's text (tokens joined by spaces) and its entity spans, offsets shifted by ``offset``."""
    spans: list[Span] = []
    starts: list[int] = []
    position = offset
    for token in sentence.tokens:
        starts.append(position)
        position += len(token) + 1
    open_label, open_start, open_end = None, 0, 0
    for i, (token, tag) in enumerate(zip(sentence.tokens, sentence.tags, strict=True)):
        label = LABELS[tag[2:]] if tag != "O" else None
        continues = label is not None and label == open_label and tag.startswith("I-")
        if open_label is not None and not continues:
            spans.append(Span(open_start, open_end, open_label))
            open_label = None
        if label is not None and not continues:
            open_label, open_start = label, starts[i]
        if label is not None:
            open_end = starts[i] + len(token)
    if open_label is not None:
        spans.append(Span(open_start, open_end, open_label))
    return " ".join(sentence.tokens), spans


def to_samples(documents: list[Document], sentences_per_text: int = SENTENCES_PER_TEXT) -> list[Sample]:
    """Texts of up to ``sentences_per_text`` sentences of one document; MISC spans go to ``ignored``."""
    if sentences_per_text < 1:
        raise ValueError("sentences_per_text must be at least 1")
    samples: list[Sample] = []
    for document in documents:
        for first in range(0, len(document), sentences_per_text):
            lines: list[str] = []
            spans: list[Span] = []
            offset = 0
            for sentence in document[first : first + sentences_per_text]:
                line, found = sentence_spans(sentence, offset)
                lines.append(line)
                spans.extend(found)
                offset += len(line) + 1
            samples.append(
                Sample(
                    "\n".join(lines),
                    [s for s in spans if s.entity_type != "MISC"],
                    ignored=[s for s in spans if s.entity_type == "MISC"],
                )
            )
    return samples


def load_conll(path: Path, which: str = "all", limit: int | None = None) -> list[Sample]:
    """Samples of one half of a CoNLL file (see the module doc); ``limit`` keeps the first N samples."""
    samples = to_samples(half(read_documents(path), which))
    return samples[:limit] if limit else samples
