"""`privrag eval pii-noise`: what the detector would pseudonymize in text that holds no personal data.

Scientific abstracts (a BEIR ``corpus.jsonl`` such as SciFact) name genes, proteins, chemicals and numbers,
not people; every span of a pseudonymized type found there is a false positive that costs retrieval quality.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "pii-noise",
        parents=[common],
        help="spans of pseudonymized types found in non-personal text (false positives), by type and value",
    )
    p.add_argument("--corpus", required=True, help="BEIR corpus.jsonl (title, text) of non-personal text")
    p.add_argument("--limit", type=int, default=300, help="first N documents (0 = all)")
    p.add_argument("--top", type=int, default=20, help="most frequent values listed per type")
    p.set_defaults(func=run)


def load_corpus(path: Path, limit: int) -> list[str]:
    texts: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit and len(texts) >= limit:
                break
            if line.strip():
                row = json.loads(line)
                texts.append(f"{row.get('title') or ''}\n\n{row.get('text') or ''}".strip())
    return texts


def run(args: argparse.Namespace, settings: Settings) -> int:
    import logging

    from app.commands.base import CliError, emit
    from app.container import Container

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    corpus = Path(args.corpus).expanduser()
    if not corpus.is_file():
        raise CliError(f"--corpus: {corpus} is not a file")
    try:
        texts = load_corpus(corpus, max(args.limit, 0))
    except (ValueError, AttributeError) as exc:
        raise CliError(f"--corpus: not BEIR JSON lines ({exc})") from exc
    pseudonymized = set(settings.anonymize.pseudonymize) | {c.entity_type for c in settings.anonymize.custom}
    container = Container(settings)
    try:
        detector = container.detector
        results = detector.analyze(texts)
    finally:
        container.close()
    by_type: Counter[str] = Counter()
    detected: Counter[str] = Counter()
    values: dict[str, Counter[str]] = {}
    for text, found in zip(texts, results, strict=True):
        for r in found:
            detected[r.entity_type] += 1
            if r.entity_type in pseudonymized:
                by_type[r.entity_type] += 1
                values.setdefault(r.entity_type, Counter())[text[r.start : r.end]] += 1
    result = {
        "corpus": str(corpus),
        "documents": len(texts),
        "detector": detector.version,
        "pseudonymized_spans": sum(by_type.values()),
        "documents_with_pseudonymized_spans": sum(
            1 for found in results if any(r.entity_type in pseudonymized for r in found)
        ),
        "pseudonymized_by_type": dict(by_type.most_common()),
        "detected_by_type": dict(detected.most_common()),
        "top_values": {k: v.most_common(args.top) for k, v in values.items()},
    }
    human = (
        f"{result['pseudonymized_spans']} spans of pseudonymized types in {len(texts)} documents "
        f"({result['documents_with_pseudonymized_spans']} documents): {result['pseudonymized_by_type']}"
    )
    emit(args, result, human)
    return 0
