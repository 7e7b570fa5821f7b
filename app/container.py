"""Builds every component from one Settings object; the service and the CLI each hold one Container."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anonymize.offline import go_offline

go_offline()  # before any library that could reach a model hub is imported

from sqlalchemy.engine import Engine  # noqa: E402

from anonymize.keys import VaultKeys, load_or_create_key  # noqa: E402
from anonymize.vault import Vault  # noqa: E402
from app.audit_chain import load_audit_key  # noqa: E402
from app.db import make_engine  # noqa: E402
from app.models import CHAT_MODELS  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.stores.audit import AuditLog  # noqa: E402
from app.stores.conversations import ConversationStore  # noqa: E402
from app.stores.feedback import FeedbackStore  # noqa: E402
from app.stores.users import UserStore  # noqa: E402
from app.unusual import ActivityWatch, thresholds_of  # noqa: E402
from ingest import index_version  # noqa: E402
from ingest.catalog import Catalog  # noqa: E402
from ingest.loaders import LoadLimits  # noqa: E402
from ingest.sealed_paths import PathSealer  # noqa: E402
from retrieval.answer_cache import AnswerCache  # noqa: E402
from retrieval.sparse import Bm25Params  # noqa: E402

# The detector (Presidio, spaCy), the chunker (llama-index), the answer path and the chat model take seconds
# to import: they are imported where they are built, so `privrag setup`, `users` and `audit` start at once.
if TYPE_CHECKING:
    from anonymize.detector import PiiDetector
    from anonymize.pseudonymizer import Pseudonymizer
    from ingest.pipeline import Ingestor
    from retrieval.answer import Answerer
    from retrieval.embedding import LocalEmbedding
    from retrieval.fusion import FusionParams
    from retrieval.llm import ChatModel
    from retrieval.retriever import Retriever
    from retrieval.store_base import QdrantHybridStore


class Container:
    """Lazily constructed components; nothing global, everything passed in."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.home.mkdir(parents=True, exist_ok=True)
        os.chmod(settings.home, 0o700)

    @cached_property
    def engine(self) -> Engine:
        """SQLite in the home, or the server at ``[database] url``; migrated to the newest schema first."""
        from app.migrations import upgrade

        engine = make_engine(self.settings.db_url)
        upgrade(engine)
        return engine

    @cached_property
    def vault_keys(self) -> VaultKeys:
        key_file = Path(self.settings.anonymize.key_file or self.settings.home / "keys" / "vault.key")
        return load_or_create_key(key_file, create=not self.settings.anonymize.key_file)

    @cached_property
    def vault(self) -> Vault:
        return Vault(self.engine, self.vault_keys, numbering=self.settings.anonymize.surrogate_numbers)

    @cached_property
    def detector(self) -> PiiDetector:
        """The PII detector as configured (thresholds, allow/deny lists, custom regex identifiers)."""
        from anonymize.detector import DetectorConfig, PiiDetector
        from anonymize.recognizers import CustomIdentifier

        cfg = self.settings.anonymize
        return PiiDetector(
            DetectorConfig(
                spacy_model=cfg.spacy_model,
                score_threshold=cfg.score_threshold,
                thresholds=dict(cfg.thresholds),
                allow_list=list(cfg.allow_list),
                deny_list={k: list(v) for k, v in cfg.deny_list.items()},
                custom=[
                    CustomIdentifier(c.entity_type, c.regex, c.score, list(c.context)) for c in cfg.custom
                ],
                batch_size=cfg.batch_size,
                workers=cfg.workers,
            )
        )

    @cached_property
    def pseudonymizer(self) -> Pseudonymizer | None:
        from anonymize.pseudonymizer import Pseudonymizer

        cfg = self.settings.anonymize
        if not cfg.enabled:
            return None
        # Organization-specific identifiers are configured to be protected: pseudonymized too.
        types = list(dict.fromkeys([*cfg.pseudonymize, *(c.entity_type for c in cfg.custom)]))
        return Pseudonymizer(self.detector, self.vault, types)

    @cached_property
    def embedding_path(self) -> Path:
        from retrieval.embedding import default_model_path

        return (
            Path(self.settings.embedding.model_path)
            if self.settings.embedding.model_path
            else default_model_path()
        )

    @cached_property
    def embed_model(self) -> LocalEmbedding:
        from retrieval.embedding import load_embedding

        emb = self.settings.embedding
        variant: str = emb.variant
        if variant == "auto" and (recorded := self.catalog.index_components()):
            variant = recorded.get("embedding_variant", "torch")  # auto never mixes variants in an index
        cache_dir = Path(emb.cache_dir) if emb.cache_dir else None
        return load_embedding(self.embedding_path, emb.batch_size, emb.precision, variant, cache_dir)

    @cached_property
    def embedding_dim(self) -> int:
        """The embedder's vector length: the loaded model's, else read from its folder (no weights loaded)."""
        if "embed_model" in self.__dict__:
            return int(self.embed_model.dimension)
        from retrieval.embedding import embedding_dimension

        return embedding_dimension(self.embedding_path)

    @cached_property
    def vector_store(self) -> QdrantHybridStore:
        """Dense + BM25 store: embedded qdrant-edge, or Qdrant server via qdrant-client (same ranking)."""
        store = self.settings.store
        common: dict[str, Any] = {
            "collection": store.collection,
            "dim": self.embedding_dim,
            "fusion": self.fusion_params(),
            "bm25": self.bm25_params(),
            "hnsw_ef": store.hnsw_ef or None,
            # Chunks' sentences are embedded as they are written (only when something is written).
            "sentence_embedder": lambda texts: self.embed_model.get_text_embedding_batch(texts),
        }
        if store.backend == "edge":
            from retrieval.edge_store import EdgeVectorStore

            return EdgeVectorStore(
                self.settings.store_path,
                hnsw_m=store.hnsw_m,
                hnsw_ef_construct=store.hnsw_ef_construct,
                **common,
            )
        from qdrant_client import QdrantClient

        from retrieval.qdrant_store import QdrantStore

        if store.url == ":memory:":
            client = QdrantClient(location=":memory:")
        else:  # TLS when the URL is https://; the API key is sent on every request
            client = QdrantClient(url=store.url, api_key=store.api_key.get_secret_value() or None)
        return QdrantStore(client, collection_options=self.collection_options(), **common)

    def collection_options(self) -> dict[str, int]:
        """How a new Qdrant collection is distributed over a cluster (only what differs from one node)."""
        store = self.settings.store
        options = {
            "shard_number": store.shard_number,
            "replication_factor": store.replication_factor,
            "write_consistency_factor": store.write_consistency_factor,
        }
        return {key: value for key, value in options.items() if value != 1}

    def fusion_params(self) -> FusionParams:
        from retrieval.fusion import FusionParams

        r = self.settings.retrieval
        return FusionParams(
            method=r.fusion,
            sparse_weight=r.sparse_weight,
            sentence_weight=r.sentence_weight,
            rrf_k=r.rrf_k,
            candidates=r.candidates,
        )

    def bm25_params(self) -> Bm25Params:
        r = self.settings.retrieval
        return Bm25Params(k=r.bm25_k, b=r.bm25_b, avg_len=r.bm25_avg_len, context=r.bm25_context)

    @cached_property
    def catalog(self) -> Catalog:
        # Real source paths sealed with the vault's key: users see only pseudonymized display names.
        return Catalog(self.engine, PathSealer(self.vault_keys.encryption_key))

    @cached_property
    def audit(self) -> AuditLog:
        """Keyed chain (``[audit] key_file``, else ``<home>/keys/audit.key``); reveals and erasures watched
        for unusual activity."""
        key_file = Path(self.settings.audit.key_file or self.settings.home / "keys" / "audit.key")
        key, created = load_audit_key(key_file)
        return AuditLog(self.engine, key, ActivityWatch(thresholds_of(self.settings)), adopt_legacy=created)

    @cached_property
    def users(self) -> UserStore:
        return UserStore(self.engine)

    @cached_property
    def conversations(self) -> ConversationStore:
        return ConversationStore(self.engine)

    @cached_property
    def feedback(self) -> FeedbackStore:
        return FeedbackStore(self.engine)

    def components(self) -> dict[str, str]:
        from ingest.chunking import chunker_signature

        emb = self.settings.embedding
        anonymizer = self.pseudonymizer.version if self.pseudonymizer else "none"
        return {
            "embedding_model": self.embedding_path.name
            if self.settings.embedding.model_path
            else "all-MiniLM-L6-v2",
            "chunker": chunker_signature(emb.chunk_tokens, emb.chunk_overlap),
            **self.embedding_variant_component(),
            "anonymizer": anonymizer,
            # BM25 document weights depend on these; recorded only when not Qdrant's defaults, so indexes
            # built before they were configurable stay valid.
            **({"sparse": self.bm25_params().signature()} if self.bm25_params() != Bm25Params() else {}),
        }

    def embedding_variant_component(self) -> dict[str, str]:
        """Another runtime's vectors differ slightly: the variant is recorded when not torch (so indexes built
        before variants existed stay valid), and always once an index has one (so torch is refused there)."""
        variant = self.embed_model.variant.variant
        if variant != "torch" or "embedding_variant" in self.catalog.index_components():
            return {"embedding_variant": variant}
        return {}

    @cached_property
    def ingestor(self) -> Ingestor:
        from ingest.chunking import build_splitter
        from ingest.pipeline import Ingestor
        from ingest.transforms import PseudonymizeTransform
        from retrieval.embedding import word_piece_counter

        emb = self.settings.embedding
        # Chunks with deterministic ids, each screened for prompt injection (ingest/chunking.py).
        tokenizer = word_piece_counter(self.embedding_path)
        splitter = build_splitter(emb.chunk_tokens, emb.chunk_overlap, tokenizer)
        pseudonymize = PseudonymizeTransform(pseudonymizer=self.pseudonymizer) if self.pseudonymizer else None
        limits = LoadLimits(
            max_bytes=int(self.settings.ingest.max_file_mb * 1024 * 1024),
            max_pages=self.settings.ingest.max_pages,
            max_decompressed_bytes=int(self.settings.ingest.max_decompressed_mb * 1024 * 1024),
            max_compression_ratio=self.settings.ingest.max_compression_ratio,
            rows_per_section=self.settings.ingest.csv_rows_per_section,
            max_sheets=self.settings.ingest.max_sheets,
            max_cells=self.settings.ingest.max_cells,
            ocr=self.settings.ingest.ocr,
            ocr_languages=self.settings.ingest.ocr_languages,
            ocr_page_seconds=self.settings.ingest.ocr_page_seconds,
            ocr_dpi=self.settings.ingest.ocr_dpi,
        )
        return Ingestor(
            catalog=self.catalog,
            vector_store=self.vector_store,
            splitter=splitter,
            embed_model=self.embed_model,
            pseudonymize=pseudonymize,
            components=self.components(),
            limits=limits,
            extensions=self.settings.ingest.extensions,
            batch_chars=self.settings.ingest.batch_chars,
        )

    def chat_model_path(self) -> Path:
        llm = self.settings.llm
        if llm.model_path:
            return Path(llm.model_path)
        return self.settings.home / "models" / CHAT_MODELS[llm.model].filename

    @cached_property
    def chat_model(self) -> ChatModel:
        from retrieval.llm import LlamaCppChat, LlamaSpeed, OpenAICompatChat

        llm = self.settings.llm
        if llm.backend == "openai":
            return OpenAICompatChat(
                llm.url,
                api_key=llm.api_key.get_secret_value(),
                temperature=llm.temperature,
                seed=llm.seed,
                max_tokens=llm.max_tokens,
            )
        path = self.chat_model_path()
        if not path.exists():
            raise FileNotFoundError(f"chat model {path} does not exist: run `privrag setup` (or `make run`)")
        return LlamaCppChat(
            str(path),
            n_ctx=llm.n_ctx,
            n_threads=llm.n_threads,
            n_batch=llm.n_batch,
            temperature=llm.temperature,
            seed=llm.seed,
            max_tokens=llm.max_tokens,
            prompt_cache_mb=llm.prompt_cache_mb,
            speed=LlamaSpeed(
                n_ubatch=llm.n_ubatch,
                n_threads_batch=llm.n_threads_batch,
                flash_attn=llm.flash_attn,
                lookup_tokens=llm.lookup_tokens,
                lookup_ngram=llm.lookup_ngram,
                lookup_min_ngram=llm.lookup_min_ngram,
            ),
        )

    @cached_property
    def retriever(self) -> Retriever:
        from retrieval.retriever import Retriever

        retrieval = self.settings.retrieval
        return Retriever(self.vector_store, self.embed_model, top_k=retrieval.top_k, mode=retrieval.mode)

    @cached_property
    def answerer(self) -> Answerer:
        from retrieval.answer import Answerer
        from retrieval.judge_fitted import judge_calibration
        from retrieval.llm import LazyChatModel
        from retrieval.passages import PassageSelector

        chat_model = LazyChatModel(lambda: self.chat_model, name=str(self.chat_model_path()))
        answer = self.settings.answer
        passages = (
            PassageSelector(
                # on the question's embedding thread (one torch thread: see retrieval.query_embedding)
                lambda texts: self.retriever.embed_query.embed_many(self.embed_model.embed_texts, texts),
                answer.source_tokens,
                count_tokens=chat_model.count_tokens,
                term_weight=answer.source_term_weight,
                scorer=answer.source_scorer,
                floor=answer.source_floor,
            )
            if answer.source_tokens > 0
            else None
        )
        return Answerer(
            retriever=self.retriever,
            chat_model=chat_model,
            passages=passages,
            pseudonymizer=self.pseudonymizer,
            vault=self.vault,
            min_score=self.settings.retrieval.min_score,
            min_support=self.settings.retrieval.min_support,
            verify=self.settings.retrieval.verify_answers,
            judge_first=self.settings.retrieval.judge_first,
            min_coverage=self.settings.retrieval.min_coverage,
            confident_score=self.settings.retrieval.confident_score,
            agreed_coverage=self.settings.retrieval.agreed_coverage,
            injection_policy=self.settings.retrieval.injection_policy,
            calibration=judge_calibration(
                self.settings.retrieval.judge, self.settings.retrieval.judge_threshold
            ),
            cache=self.answer_cache,
            answer_coverage=self.settings.retrieval.refusal_coverage,
            refusal_penalty=self.settings.retrieval.refusal_penalty,
            number_afresh=self.settings.retrieval.number_afresh,
            second_draft=self.settings.retrieval.second_draft,
        )

    @cached_property
    def answer_cache(self) -> AnswerCache | None:
        """This process's answers by (question, groups, index version in the shared catalog)."""
        entries = self.settings.retrieval.answer_cache_entries
        if entries == 0:
            return None
        return AnswerCache(lambda: index_version.current(self.catalog), max_entries=entries)

    def close(self) -> None:
        detector = self.__dict__.get("detector")
        if detector is not None:
            detector.close()
        store = self.__dict__.get("vector_store")
        if store is not None and hasattr(store, "close"):
            store.close()
        engine = self.__dict__.get("engine")
        if engine is not None:
            engine.dispose()
