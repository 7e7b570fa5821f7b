"""What every ingestion job works with: the catalog, the store, and the components that fill it."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import TransformComponent
from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest.catalog import Catalog
from ingest.loaders import LoadLimits
from ingest.transforms import PseudonymizeTransform


@dataclass(kw_only=True, eq=False)
class IngestParts:
    """One catalog and one vector store, and how files become chunks in them.

    ``splitter``: sections to screened chunks (``ingest.chunking.build_splitter``); ``pseudonymize``: None
    when anonymization is off; ``components``: the index's recorded components (checked at every job);
    ``batch_chars``: characters of sections pseudonymized in one detector batch; ``overlap_threads``:
    embedding threads while the prepare stage works (default: all cores but one); ``early_sweep``: values
    found earlier in a job replaced in each batch's chunks before they are embedded
    (``ingest/early_sweep.py``); ``release_heap``: the C heap's free memory returned to the system after
    each written batch (``ingest/heap.py``: without it a job's resident memory rises with every batch).
    """

    catalog: Catalog
    vector_store: BasePydanticVectorStore
    splitter: TransformComponent
    embed_model: BaseEmbedding
    pseudonymize: PseudonymizeTransform | None
    components: dict[str, str]
    limits: LoadLimits
    extensions: Collection[str]
    batch_chars: int = 100_000
    overlap_threads: int | None = None
    early_sweep: bool = True
    release_heap: bool = True

    def __post_init__(self) -> None:
        self.extensions = {e.lower() for e in self.extensions}
        # Embedding threads while the prepare stage (single-threaded) works: the other cores.
        self.overlap_threads = self.overlap_threads or max(1, len(os.sched_getaffinity(0)) - 1)
