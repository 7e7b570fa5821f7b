"""The synthetic business corpus of `privrag bench ingest --large synthetic`: deterministic, PII-bearing,
written once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.commands.bench_synthetic import document, synthetic_corpus


def test_documents_depend_only_on_the_seed_and_their_number() -> None:
    assert document(0, 7) == document(0, 7)
    assert document(0, 7) != document(0, 8) and document(0, 7) != document(1, 7)
    names = {document(0, i)[0] for i in range(200)}
    assert len(names) == 200  # one file name per document


def test_documents_read_like_business_text_with_names_emails_and_phones() -> None:
    texts = [document(3, i)[1] for i in range(50)]
    emails = {m for t in texts for m in re.findall(r"[a-z]+\.[a-z]+@[a-z]+\.example\.com", t)}
    phones = {m for t in texts for m in re.findall(r"\+44 20 \d{4} \d{4}", t)}
    authors = {m for t in texts for m in re.findall(r"^From: ([A-Z][a-z]+ [A-Z][a-z]+) <", t, re.M)}
    assert len(emails) > 60 and len(phones) > 60 and len(authors) > 30  # the vault keeps growing
    sizes = [len(t) for t in texts]
    assert min(sizes) > 300 and max(sizes) < 8000 and all(t.startswith("# ") for t in texts)


def test_the_corpus_is_written_once_in_folders(tmp_path: Path) -> None:
    folder = synthetic_corpus(tmp_path, 25, seed=2)
    files = sorted(folder.rglob("*.md"))
    name, text = document(2, 0)
    assert len(files) == 25 and next(f for f in files if f.name == name).read_text() == text
    files[0].unlink()
    assert synthetic_corpus(tmp_path, 25, seed=2) == folder  # complete: reused, not rewritten
    assert len(list(folder.rglob("*.md"))) == 24
    assert synthetic_corpus(tmp_path, 5, seed=2) != folder
    with pytest.raises(ValueError, match="--docs"):
        synthetic_corpus(tmp_path, 0)
