"""The naive ingestion baseline of ``privrag bench ingest``, built the way a llama-index user would build it.

IngestionPipeline with a SentenceSplitter, one Presidio AnalyzerEngine + AnonymizerEngine call per node, fp32
HuggingFaceEmbedding (its default batch of 10) and a QdrantVectorStore on qdrant-client's local mode (in
memory: the faster of its two forms, so the comparison errs in the baseline's favour). For a
like-for-like comparison it chunks with the same size, overlap and tokenizer as privrag, and reads PDF, DOCX
and the like through privrag's loaders (a user would add llama-index-readers-file; llama-index itself reads
plain text).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama_index.core.readers.base import BaseReader
from llama_index.core.schema import BaseNode, Document, TransformComponent
from pydantic import ConfigDict

from ingest.loaders import LoadError, LoadLimits, load_file

_PLAIN = {".txt", ".md"}


class LoaderReader(BaseReader):
    """privrag's loader for one file, as a llama-index reader (one Document per section)."""

    def load_data(self, file: Path, extra_info: dict | None = None, **kwargs: Any) -> list[Document]:
        path = Path(file)
        try:
            sections = load_file(path, path.read_bytes(), LoadLimits())
        except LoadError:
            return []
        return [Document(text=s.text, metadata={**(extra_info or {}), **s.meta}) for s in sections]


class PresidioPerNode(TransformComponent):
    """Stock Presidio on each node, one analyze + anonymize call per node."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    analyzer: Any
    anonymizer: Any

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        for node in nodes:
            text = node.get_content()
            results = self.analyzer.analyze(text=text, language="en")
            node.set_content(self.anonymizer.anonymize(text=text, analyzer_results=results).text)
        return nodes


@dataclass
class BaselineRun:
    chunks: int
    seconds: float
    delete_seconds: float | None = None


def presidio_engines(spacy_model: str) -> tuple[Any, Any]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": spacy_model}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"]), AnonymizerEngine()


def run_baseline(
    files: Sequence[Path],
    *,
    embedding_path: Path,
    spacy_model: str,
    chunk_tokens: int,
    chunk_overlap: int,
    tokenizer: Callable[[str], list],
) -> BaselineRun:
    """Ingest ``files`` with the naive pipeline into a local-mode (in-memory) Qdrant; time it."""
    from llama_index.core import SimpleDirectoryReader
    from llama_index.core.ingestion import IngestionPipeline
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.qdrant import QdrantVectorStore
    from qdrant_client import QdrantClient

    analyzer, anonymizer = presidio_engines(spacy_model)
    embed_model = HuggingFaceEmbedding(model_name=str(embedding_path), device="cpu")
    client = QdrantClient(location=":memory:")  # faster than path= (which persists every upsert)
    try:
        store = QdrantVectorStore(collection_name="baseline", client=client)
        pipeline = IngestionPipeline(
            transformations=[
                SentenceSplitter(chunk_size=chunk_tokens, chunk_overlap=chunk_overlap, tokenizer=tokenizer),
                PresidioPerNode(analyzer=analyzer, anonymizer=anonymizer),
                embed_model,
            ],
            vector_store=store,
        )
        analyzer.analyze(text="Warm up with Jane Doe.", language="en")  # models load outside the timing
        embed_model.get_text_embedding("warm up")
        extractor: dict[str, BaseReader] = {
            s: LoaderReader() for s in {p.suffix.lower() for p in files} - _PLAIN
        }
        started = time.perf_counter()
        documents = SimpleDirectoryReader(
            input_files=[str(p) for p in files], file_extractor=extractor
        ).load_data()
        nodes = pipeline.run(documents=documents)
        seconds = time.perf_counter() - started
        return BaselineRun(chunks=len(nodes), seconds=seconds)
    finally:
        client.close()


def baseline_delete_seconds(nodes: Sequence[BaseNode], ref_doc_id: str) -> float:
    """Seconds QdrantVectorStore (local mode) takes to delete one document's ``nodes`` by ref_doc_id."""
    from llama_index.vector_stores.qdrant import QdrantVectorStore
    from qdrant_client import QdrantClient

    client = QdrantClient(location=":memory:")
    try:
        store = QdrantVectorStore(collection_name="delete", client=client)
        store.add(list(nodes))
        started = time.perf_counter()
        store.delete(ref_doc_id)
        return time.perf_counter() - started
    finally:
        client.close()
