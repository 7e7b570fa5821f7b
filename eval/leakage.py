"""Leakage scan: look for raw personal values in the store's payloads and in every file under the home.

The values come from the vault (every value that was pseudonymized) or from a list given by the operator.
Findings name the place ("store:<chunk id>" or a path relative to the home) and the value by its surrogate
(vault) or a short SHA-256 (list), never the value itself.

A value matches as a whole token (not inside a longer word), case-sensitively, as UTF-8 bytes. Chunks and
the catalog keep a document's display name (its file name pseudonymized, ``ingest/display_names.py``), the
real path only sealed; a raw value in a ``source`` field is a real leak and is reported like any other.
The embedded store's own files are compressed pages: they are covered by the payload scan, not the file scan.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

MIN_LENGTH = 3  # shorter values ("Al") would match everywhere; they are counted as skipped


def value_ref(value: str) -> str:
    return "sha256:" + hashlib.sha256(value.encode()).hexdigest()[:12]


def _matcher(values: Iterable[str]) -> re.Pattern[bytes] | None:
    encoded = sorted({v.encode() for v in values}, key=len, reverse=True)
    if not encoded:
        return None
    return re.compile(rb"(?<!\w)(?:" + b"|".join(map(re.escape, encoded)) + rb")(?!\w)")


def _payload_fields(payload: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, text) of a chunk's payload, including what llama-index keeps in ``_node_content``."""
    for key, value in payload.items():
        if key == "_node_content":
            try:
                node = json.loads(value)
            except (TypeError, ValueError):
                yield key, str(value)
                continue
            yield "text", str(node.get("text", ""))
            for meta_key, meta_value in (node.get("metadata") or {}).items():
                yield meta_key, json.dumps(meta_value, ensure_ascii=False)
        else:
            yield key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _chunk_id(payload: dict[str, Any]) -> str:
    try:
        return str(json.loads(payload.get("_node_content", "{}")).get("id_") or payload.get("doc_id", "?"))
    except (TypeError, ValueError):
        return str(payload.get("doc_id", "?"))


def _payloads(store: Any) -> Iterator[dict[str, Any]]:
    if hasattr(store, "iter_payloads"):
        yield from store.iter_payloads()
        return
    for node in store.get_nodes():  # other llama-index stores: rebuild a payload-like dict
        yield {
            "text": node.get_content(),
            "_node_content": json.dumps({"id_": node.node_id}),
            **node.metadata,
        }


def scan(
    values: list[tuple[str, str]],
    payloads: Iterable[dict[str, Any]],
    home: Path,
    skip: Path | None = None,
) -> dict[str, Any]:
    """``values``: (reference, raw value) pairs. Scans the payloads and every file under ``home``.

    ``skip``: a folder left out of the file scan: the embedded store, whose payload pages are compressed
    (a byte scan can neither prove a leak nor its absence there); its payloads are scanned through the store.
    """
    usable = [(ref, raw) for ref, raw in values if len(raw.strip()) >= MIN_LENGTH]
    refs: dict[bytes, list[str]] = {}
    for ref, raw in usable:
        refs.setdefault(raw.strip().encode(), []).append(ref)
    pattern = _matcher(raw.strip() for _, raw in usable)
    where: list[dict[str, str]] = []
    found: set[bytes] = set()
    chunks = files = 0
    for payload in payloads:
        chunks += 1
        if pattern is None:
            continue
        for field, text in _payload_fields(payload):
            for hit in sorted(set(pattern.findall(text.encode()))):
                found.add(hit)
                where.extend(
                    {"where": f"store:{_chunk_id(payload)}", "field": field, "value": ref}
                    for ref in refs[hit]
                )
    skipped = skip.resolve() if skip is not None and skip.exists() else None
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        if skipped is not None and skipped in path.resolve().parents:
            continue
        files += 1
        if pattern is None:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for hit in sorted(set(pattern.findall(data))):
            found.add(hit)
            where.extend({"where": str(path.relative_to(home)), "value": ref} for ref in refs[hit])
    return {
        "raw_values_found": len(found),
        "where": where,
        "values_checked": len(usable),
        "values_skipped_too_short": len(values) - len(usable),
        "chunks_scanned": chunks,
        "files_scanned": files,
    }


def scan_home(container: Any, values: list[str] | None = None) -> dict[str, Any]:
    """Scan a container's store and home for the vault's values, or for ``values`` when given."""
    if values is None:
        pairs = list(container.vault.iter_values())
        source = "vault"
    else:
        pairs = [(value_ref(v.strip()), v.strip()) for v in values if v.strip()]
        source = "list"
    store = container.vector_store
    if hasattr(store, "flush"):
        store.flush()  # what the store holds is on disk too, for the file scan
    embedded = container.settings.store_path if container.settings.store.backend == "edge" else None
    result = scan(pairs, _payloads(store), container.settings.home, skip=embedded)
    return {**result, "values_from": source}
