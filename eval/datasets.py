"""Retrieval test collections: BEIR layout and XQuAD, read into one in-memory format.

BEIR: ``corpus.jsonl`` ({_id, title, text}), ``queries.jsonl`` ({_id, text}), ``qrels/<split>.tsv`` (header
``query-id corpus-id score``). XQuAD: ``passages.jsonl`` ({_id, title, text}) and ``questions_dev.jsonl``
({id, question, context_id, ...}); each question's only relevant passage is its ``context_id``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    text: str


@dataclass
class RetrievalDataset:
    name: str
    docs: list[Doc]
    queries: dict[str, str]  # query id -> text, only queries with judgments
    qrels: dict[str, dict[str, int]]  # query id -> {doc id: relevance > 0}
    extra: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """Identifies the corpus (ids, titles, texts): an index built from it can be reused."""
        digest = hashlib.sha256()
        for doc in self.docs:
            digest.update(f"{doc.id}\x00{doc.title}\x00{doc.text}\x01".encode())
        return digest.hexdigest()[:16]


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """A BEIR qrels TSV (a header line, then query-id, corpus-id, score); score <= 0 is not relevant."""
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            parts = line.rstrip("\n").split("\t")
            if number == 1 and not parts[-1].lstrip("-").isdigit():
                continue  # header
            if len(parts) < 3:
                if line.strip():
                    raise ValueError(f"{path}:{number}: expected query-id, corpus-id, score")
                continue
            score = int(parts[2])
            if score > 0:
                qrels.setdefault(parts[0], {})[parts[1]] = score
    return qrels


def _limited(
    name: str,
    docs: list[Doc],
    queries: dict[str, str],
    qrels: dict[str, dict[str, int]],
    limit: int | None,
    corpus_limit: int | None,
) -> RetrievalDataset:
    """The first ``limit`` judged queries; the corpus cut to ``corpus_limit`` docs plus every judged doc."""
    judged = [q for q in qrels if q in queries]
    if limit:
        judged = judged[:limit]
    qrels = {q: qrels[q] for q in judged}
    if corpus_limit:
        needed = {d for rel in qrels.values() for d in rel}
        docs = [d for i, d in enumerate(docs) if i < corpus_limit or d.id in needed]
    return RetrievalDataset(name, docs, {q: queries[q] for q in judged}, qrels)


def load_beir(
    folder: Path, split: str = "train", limit: int | None = None, corpus_limit: int | None = None
) -> RetrievalDataset:
    qrels_path = folder / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        splits = sorted(p.stem for p in (folder / "qrels").glob("*.tsv"))
        raise ValueError(f"{folder}: no qrels for split {split!r} (available: {', '.join(splits) or 'none'})")
    docs = [
        Doc(str(r["_id"]), str(r.get("title") or ""), str(r.get("text") or ""))
        for r in _jsonl(folder / "corpus.jsonl")
    ]
    queries = {str(r["_id"]): str(r["text"]) for r in _jsonl(folder / "queries.jsonl")}
    data = _limited(folder.name, docs, queries, read_qrels(qrels_path), limit, corpus_limit)
    data.extra = {"format": "beir", "split": split}
    return data


def load_xquad(folder: Path, limit: int | None = None, corpus_limit: int | None = None) -> RetrievalDataset:
    docs = [
        Doc(str(r["_id"]), str(r.get("title") or ""), str(r["text"]))
        for r in _jsonl(folder / "passages.jsonl")
    ]
    queries: dict[str, str] = {}
    qrels: dict[str, dict[str, int]] = {}
    for record in _jsonl(folder / "questions_dev.jsonl"):
        queries[str(record["id"])] = str(record["question"])
        qrels[str(record["id"])] = {str(record["context_id"]): 1}
    data = _limited(folder.name, docs, queries, qrels, limit, corpus_limit)
    data.extra = {"format": "xquad", "split": "dev"}
    return data


def load_dataset(
    folder: str | Path, split: str = "train", limit: int | None = None, corpus_limit: int | None = None
) -> RetrievalDataset:
    """BEIR (``corpus.jsonl``) or XQuAD (``passages.jsonl`` + ``questions_dev.jsonl``), detected by files."""
    path = Path(folder).expanduser()
    if (path / "corpus.jsonl").is_file():
        return load_beir(path, split, limit, corpus_limit)
    if (path / "passages.jsonl").is_file() and (path / "questions_dev.jsonl").is_file():
        return load_xquad(path, limit, corpus_limit)
    raise ValueError(f"{path}: neither BEIR (corpus.jsonl) nor XQuAD (passages.jsonl, questions_dev.jsonl)")
