"""llama.cpp in-process with prompt-lookup (n-gram) speculative decoding that leaves prompt evaluation alone.

Answers copy from their sources, so the continuation of the last generated n-gram is often found in the
prompt: ``LlamaPromptLookupDecoding`` proposes it as draft tokens, and one batch verifies them all (greedy:
every draft token that equals the model's own argmax is accepted; the output is the same as without drafts).

llama-cpp-python turns ``logits_all`` on for any draft model, so every prompt token would also compute the
full-vocabulary logits (151,936 for Qwen2.5) and copy them to a numpy array: that slows the prompt, which is
what the first token waits for. ``LookupLlama`` computes all logits only for the batches that verify drafts;
the prompt's batches compute the last token's only, as without a draft model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_cpp import Llama
from llama_cpp.llama_speculative import LlamaPromptLookupDecoding


class LookupLlama(Llama):
    """A ``Llama`` whose first ``eval`` of each ``generate`` (the prompt) skips the per-token logits."""

    _prompt_next = False

    def generate(self, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
        self._prompt_next = True
        return super().generate(tokens, *args, **kwargs)

    def eval(self, tokens: Sequence[int]) -> None:
        if self.draft_model is not None:
            self._logits_all = not self._prompt_next
        self._prompt_next = False
        super().eval(tokens)


def load_llama(model_path: str, *, lookup_tokens: int = 0, lookup_ngram: int = 3, **params: Any) -> Llama:
    """The model with prompt-lookup decoding of ``lookup_tokens`` draft tokens from the longest matching
    n-gram of at most ``lookup_ngram`` tokens (0 draft tokens: plain decoding)."""
    if lookup_tokens < 0 or lookup_ngram < 1:
        raise ValueError(
            f"lookup_tokens ({lookup_tokens}) must be >= 0 and lookup_ngram ({lookup_ngram}) >= 1"
        )
    draft = (
        LlamaPromptLookupDecoding(max_ngram_size=lookup_ngram, num_pred_tokens=lookup_tokens)
        if lookup_tokens > 0
        else None
    )
    return LookupLlama(model_path=model_path, draft_model=draft, verbose=False, **params)
