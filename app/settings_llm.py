"""The [llm] and [answer] sections of the settings (re-exported by app.settings)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, SecretStr


class LLMSettings(BaseModel):
    backend: Literal["llama_cpp", "openai"] = "llama_cpp"
    model: Literal["qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b"] = "qwen2.5-coder-1.5b"
    model_path: str = Field("", description="A GGUF file; empty = the assembled `model` in <home>/models")
    url: str = Field("", description="OpenAI-compatible server base URL for backend=openai")
    api_key: SecretStr = Field(SecretStr(""), description="sent as a bearer token to that server")
    n_ctx: int = 4096
    n_threads: int = 2
    n_batch: int = 256
    prompt_cache_mb: int = Field(
        0,  # the answer, judge and condense prompts share the system prefix, which llama.cpp keeps anyway
        description="llama-cpp-python's RAM prompt cache (KV states of earlier prompts, restored when a "
        "prompt shares a longer prefix with one of them than with the last); 0 = off: only the last prompt's "
        "prefix is reused, and no state is copied after each answer",
    )
    temperature: float = 0.0
    seed: int = 0
    max_tokens: int = 384
    # Speed only (answers unchanged); measured with `privrag bench generate` (docs/evaluation.md).
    n_ubatch: int = Field(0, ge=0, description="llama.cpp physical batch; 0 = n_batch")
    n_threads_batch: int = Field(0, ge=0, description="threads evaluating the prompt; 0 = n_threads")
    flash_attn: bool = Field(False, description="llama.cpp flash attention (CPU backend)")
    lookup_tokens: int = Field(
        # bench generate, session 11 (2-core Intel Xeon VM, AVX-512): 1.69x bare llama.cpp's tokens/s, off
        # 1.02x; session 10 (2-core AMD EPYC, AVX2): 1.12x with flash attention. Same greedy answers.
        4,
        ge=0,
        description="prompt-lookup decoding: draft tokens from the prompt (0 = off; needs prompt_cache_mb 0)",
    )
    lookup_ngram: int = Field(3, ge=1, description="longest n-gram matched in the prompt for a draft")
    lookup_min_ngram: int = Field(2, ge=1, description="shortest n-gram match that proposes a draft")


class AnswerSettings(BaseModel):
    source_tokens: int = Field(
        176,  # XQuAD dev: the answer survives in 0.954 of questions (docs/evaluation.md, "Generation speed")
        ge=0,
        description="token budget of the sources in the answer prompt: the retrieved chunks' sentences that "
        "bear most on the question (and their preceding sentence) up to it; 0 = whole chunks",
    )
    source_floor: float = Field(
        0.15,  # with 176: survival 0.954 as without it, 194 instead of 216 source tokens (XQuAD dev, p50)
        ge=0,
        le=1,
        description="a sentence scoring below this share of the best sentence's score is not taken to fill "
        "the budget (0 = fill it whatever the score)",
    )
    source_term_weight: float = Field(0.3, ge=0, description="embedding: bonus of a sentence with all terms")
    source_scorer: Literal["embedding", "terms"] = Field(  # XQuAD survival 0.958 both; terms: no model call
        "terms", description="rank sentences by IDF-weighted question terms, or embedding: cosine + a bonus"
    )
