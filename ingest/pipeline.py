"""Ingestion jobs: discover files, skip unchanged ones, load, pseudonymize, chunk, embed, upsert."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llama_index.core import Document
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.ingestion import IngestionPipeline
from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import TransformComponent
from llama_index.core.vector_stores.types import BasePydanticVectorStore, MetadataFilter, MetadataFilters

from ingest.catalog import Catalog, DocumentRecord
from ingest.loaders import LoadError, LoadLimits, load_file

POINT_NAMESPACE = uuid.UUID("6f1c9c52-2a4e-4b8e-9d0e-7a1f3f0c5b11")

# The source file's id in chunk metadata ("doc_id" itself is the vector stores' per-Document key).
FILE_ID = "file_id"
_KEEP_FOR_EMBEDDING = {"title"}
_KEEP_FOR_LLM = {"title", "page"}


@dataclass
class IngestFailure:
    path: str
    error: str
    kind: str = "error"


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    failed: list[IngestFailure] = field(default_factory=list)
    chunks: int = 0
    removed: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        data = asdict(self)
        data["failed"] = [{"path": f.path, "error": f.error} for f in self.failed]
        return data


@dataclass
class IngestProgress:
    files_total: int
    files_done: int
    chunks: int
    current: str


ProgressCallback = Callable[[IngestProgress], None]


def document_id(path: Path) -> str:
    """Stable id of a source file: derived from its absolute path."""
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]


def chunk_id(doc_id: str, page: int | str, index: int) -> str:
    """Deterministic point id, so re-running an interrupted upsert overwrites instead of duplicating."""
    return str(uuid.uuid5(POINT_NAMESPACE, f"{doc_id}:{page}:{index}"))


def node_id_func(index: int, doc) -> str:  # type: ignore[no-untyped-def]
    return chunk_id(doc.metadata[FILE_ID], doc.metadata.get("page", 0), index)


class Ingestor:
    """Runs ingestion jobs against one catalog and one vector store."""

    def __init__(
        self,
        *,
        catalog: Catalog,
        vector_store: BasePydanticVectorStore,
        splitter: NodeParser,
        embed_model: BaseEmbedding,
        pseudonymize: TransformComponent | None,
        components: dict[str, str],
        limits: LoadLimits,
        extensions: Sequence[str],
    ) -> None:
        self.catalog = catalog
        self.vector_store = vector_store
        self.components = components
        self.limits = limits
        self.extensions = {e.lower() for e in extensions}
        transformations: list[TransformComponent] = [t for t in (pseudonymize, splitter, embed_model) if t]
        self.pipeline = IngestionPipeline(transformations=transformations, vector_store=vector_store)

    def discover(self, paths: Iterable[Path]) -> tuple[list[Path], list[IngestFailure]]:
        """Files to ingest under ``paths`` (folders walked, sorted), and paths that cannot be used."""
        found: list[Path] = []
        problems: list[IngestFailure] = []
        for raw in paths:
            path = Path(raw).expanduser()
            if path.is_dir():
                found.extend(
                    p
                    for p in sorted(path.rglob("*"))
                    if p.is_file() and p.suffix.lower() in self.extensions and not p.name.startswith(".")
                )
            elif path.is_file():
                found.append(path)
            else:
                problems.append(IngestFailure(str(path), "no such file or directory", "missing"))
        unique = list(dict.fromkeys(p.resolve() for p in found))
        return unique, problems

    def run(
        self,
        paths: Sequence[Path | str],
        groups: Sequence[str] = (),
        sync: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        started = time.perf_counter()
        self.catalog.check_index(self.components)
        files, problems = self.discover(Path(p) for p in paths)
        report = IngestReport(files=len(files) + len(problems), failed=list(problems))
        group_list = sorted({g.strip() for g in groups if g.strip()}) or ["all"]
        for done, path in enumerate(files):
            if progress:
                progress(IngestProgress(len(files), done, report.chunks, str(path)))
            try:
                outcome = self.ingest_file(path, group_list)
            except LoadError as exc:
                report.failed.append(IngestFailure(str(path), f"{exc.kind}: {exc}", exc.kind))
                continue
            except OSError as exc:
                report.failed.append(
                    IngestFailure(str(path), f"unreadable: {exc.strerror or exc}", "unreadable")
                )
                continue
            if outcome is None:
                report.unchanged += 1
            else:
                report.ingested += 1
                report.chunks += outcome
        if sync:
            report.removed = self.sync([Path(p) for p in paths], set(map(str, files)))
        if progress:
            progress(IngestProgress(len(files), len(files), report.chunks, ""))
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def ingest_file(self, path: Path, groups: list[str]) -> int | None:
        """Chunks written for ``path``, or None when it is unchanged since the last ingestion."""
        data = path.read_bytes()
        content_hash = hashlib.sha256(data).hexdigest()
        doc_id = document_id(path)
        previous = self.catalog.get(doc_id)
        if (
            previous
            and previous.status == "ok"
            and (previous.content_hash, previous.groups) == (content_hash, groups)
        ):
            return None
        sections = load_file(path, data, self.limits)
        record = DocumentRecord(
            doc_id=doc_id,
            source=str(path),
            title=path.stem,
            content_hash=content_hash,
            groups=groups,
            status="pending",
            chunks=0,
            size_bytes=len(data),
            updated_at=time.time(),
        )
        # Pending first: a crash from here on leaves a row that the next run redoes from scratch.
        self.catalog.upsert(record)
        self.delete_chunks(doc_id)
        ingested_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        documents = []
        for section in sections:
            metadata = {
                FILE_ID: doc_id,
                "source": str(path),
                "title": path.stem.replace("_", " "),
                "groups": groups,
                "content_hash": content_hash,
                "ingested_at": ingested_at,
                **self.components,
                **section.meta,
            }
            documents.append(
                Document(
                    id_=f"{doc_id}:{section.meta.get('page', 0)}",
                    text=section.text,
                    metadata=metadata,
                    excluded_embed_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_EMBEDDING],
                    excluded_llm_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_LLM],
                )
            )
        nodes = self.pipeline.run(documents=documents)
        record.status = "ok"
        record.chunks = len(nodes)
        self.catalog.upsert(record)
        return len(nodes)

    def delete(self, doc_id_or_path: str) -> DocumentRecord | None:
        """Remove one document's chunks (by payload filter) and its catalog row."""
        record = self.catalog.find(doc_id_or_path)
        if record is None and Path(doc_id_or_path).exists():
            record = self.catalog.get(document_id(Path(doc_id_or_path)))
        if record is None:
            return None
        self.delete_chunks(record.doc_id)
        self.catalog.remove(record.doc_id)
        return record

    def delete_chunks(self, doc_id: str) -> None:
        """Every chunk of one source file, by an indexed payload filter (not a scan)."""
        self.vector_store.delete_nodes(
            filters=MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=doc_id)])
        )

    def sync(self, roots: Sequence[Path], present: set[str]) -> int:
        """Delete documents under ``roots`` whose files are gone."""
        resolved = [r.expanduser().resolve() for r in roots]
        removed = 0
        for record in self.catalog.all():
            source = Path(record.source)
            under = any(source == r or r in source.parents for r in resolved)
            if under and record.source not in present and not source.exists():
                self.delete(record.doc_id)
                removed += 1
        return removed
