"""The corpora `privrag bench ingest` measures: a folder, a BEIR corpus written as files, or the default
(SciFact from ``../shared/data/scifact`` beside the package, plus ``data/sample``).

A missing default corpus is an error naming the path it looked for: measuring the ten sample files instead
would print figures for a corpus 30 times smaller as if nothing were wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SCIFACT = ROOT.parent / "shared" / "data" / "scifact"


class CorpusError(ValueError):
    """The corpus asked for cannot be built (its path is in the message)."""


def beir_corpus(path: Path) -> Path | None:
    """The corpus.jsonl of a BEIR folder (or the file itself), else None."""
    if path.is_file() and path.suffix == ".jsonl":
        return path
    if (path / "corpus.jsonl").is_file():
        return path / "corpus.jsonl"
    return None


def beir_records(corpus: Path) -> Iterator[tuple[str, str]]:
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield (
                    str(record.get("_id", "")),
                    f"{record.get('title', '')}\n\n{record.get('text', '')}".strip(),
                )


def write_beir_docs(corpus: Path, folder: Path, limit_bytes: int | None) -> list[Path]:
    """Records of a BEIR corpus as ``<id>.txt`` files until ``limit_bytes`` are written (None: all)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0
    for number, (doc_id, text) in enumerate(beir_records(corpus)):
        if limit_bytes is not None and total >= limit_bytes:
            break
        if not text:
            continue
        path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', doc_id) or number}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        total += path.stat().st_size
        written.append(path)
    return written


def folder_files(folder: Path, limit_bytes: int, extensions: list[str]) -> list[Path]:
    from ingest.discovery import discover

    chosen: list[Path] = []
    total = 0
    for path in discover([folder], {e.lower() for e in extensions}).files:
        if total >= limit_bytes:
            break
        chosen.append(path)
        total += path.stat().st_size
    return chosen


def default_scifact(scifact: Path | None = None) -> Path:
    """SciFact's corpus.jsonl; a CorpusError naming where it was looked for when it is not there."""
    scifact = scifact or SCIFACT
    corpus = beir_corpus(scifact)
    if corpus is None:
        raise CorpusError(
            f"the default corpus is missing: no corpus.jsonl in {scifact} (SciFact, expected in ../shared "
            "beside the package); pass --corpus DIR (a folder of documents or a BEIR folder)"
        )
    return corpus


def build_corpus(
    source: str | None, limit_bytes: int, workdir: Path, extensions: list[str], scifact: Path | None = None
) -> list[Path]:
    """The files of the quick mode: ``limit_bytes`` of ``source`` (a folder or a BEIR corpus), else of
    SciFact plus the sample files."""
    if source:
        path = Path(source).expanduser()
        corpus = beir_corpus(path)
        if corpus is not None:
            return write_beir_docs(corpus, workdir / "corpus", limit_bytes)
        if path.is_dir():
            return folder_files(path, limit_bytes, extensions)
        raise CorpusError(f"--corpus: {path} is neither a folder nor a BEIR corpus")
    scifact_corpus = default_scifact(scifact)
    sample = folder_files(SAMPLE, limit_bytes, extensions)
    rest = max(limit_bytes - sum(p.stat().st_size for p in sample), 0)
    return write_beir_docs(scifact_corpus, workdir / "scifact", rest) + sample


def scifact_files(cache: Path, scifact: Path | None = None) -> Path:
    """The whole SciFact corpus as one ``.txt`` file per abstract (5,183), written once under ``cache``."""
    corpus = default_scifact(scifact)
    folder = cache / "scifact-files"
    marker = folder.with_suffix(".json")
    if not marker.is_file():
        files = write_beir_docs(corpus, folder, None)
        marker.write_text(json.dumps({"documents": len(files), "source": str(corpus)}))
    return folder


def large_text(limit_bytes: int) -> str:
    """Real prose of at least ``limit_bytes`` (SciFact abstracts, else the sample's text, repeated)."""
    scifact = beir_corpus(SCIFACT)
    pieces = [t for _, t in beir_records(scifact)] if scifact is not None else []
    if not pieces:
        pieces = [p.read_text(errors="replace") for p in SAMPLE.glob("*.md")] + ["privrag sample text."]
    out: list[str] = []
    size = 0
    while size < limit_bytes:
        for piece in pieces:
            out.append(piece)
            size += len(piece.encode()) + 2
            if size >= limit_bytes:
                break
    return "\n\n".join(out)
