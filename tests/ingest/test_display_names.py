"""Display names: a file name pseudonymized like the text; real paths sealed in the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import make_engine
from ingest.catalog import Catalog, DocumentRecord
from ingest.display_names import display_name, display_text, sweep_display
from ingest.sealed_paths import PathSealer, SealedPathError


def test_the_stem_is_read_with_spaces_and_underscores_come_back() -> None:
    path = Path("/data/hr/Jane_Doe_warning.pdf")
    assert display_text(path) == "Jane Doe warning"
    assert display_name(path, "<PERSON_1> warning") == "<PERSON_1>_warning.pdf"
    assert display_name(Path("/d/Jane Doe warning.txt"), "<PERSON_1> warning") == "<PERSON_1> warning.txt"
    assert display_name(path) == "Jane_Doe_warning.pdf"


def test_a_sweep_replaces_a_name_found_later() -> None:
    def sweep(text: str) -> str:
        return text.replace("Jane Doe", "<PERSON_3>")

    assert sweep_display("Jane_Doe_warning.pdf", sweep) == "<PERSON_3>_warning.pdf"
    assert sweep_display("minutes.pdf", sweep) == "minutes.pdf"


def test_sealed_paths_open_only_with_their_key_and_document() -> None:
    sealer = PathSealer(b"s" * 32)
    sealed = sealer.seal("doc1", "/data/hr/Jane_Doe_warning.pdf")
    assert "Jane" not in sealed
    assert sealer.open("doc1", sealed) == "/data/hr/Jane_Doe_warning.pdf"
    with pytest.raises(SealedPathError, match="doc2"):
        sealer.open("doc2", sealed)  # bound to its document: not copied onto another row
    with pytest.raises(SealedPathError):
        PathSealer(b"t" * 32).open("doc1", sealed)


def test_the_catalog_keeps_the_display_name_and_seals_the_path(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    catalog = Catalog(engine, PathSealer(b"s" * 32))
    record = DocumentRecord(
        "doc1",
        "<PERSON_1>_warning.pdf",
        "warning",
        "h",
        ["hr"],
        "ok",
        2,
        10,
        0.0,
        path="/d/Jane_Doe_warning.pdf",
    )
    catalog.upsert(record)
    (stored,) = catalog.all()
    assert (stored.source, stored.path) == ("<PERSON_1>_warning.pdf", "/d/Jane_Doe_warning.pdf")
    with engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT * FROM documents").all()
    assert "Jane" not in repr(raw)
    assert catalog.find("<PERSON_1>_warning.pdf") is not None
    catalog.redact("doc1", lambda text: text.replace("<PERSON_1>", "<PERSON_ERASED>"))
    assert catalog.get("doc1").source == "<PERSON_ERASED>_warning.pdf"  # type: ignore[union-attr]
