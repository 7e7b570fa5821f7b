"""llama.cpp in-process with prompt-lookup (n-gram) speculative decoding that leaves prompt evaluation alone.

Answers copy from their sources, so the continuation of the last generated n-gram is often found in the
prompt: ``LlamaPromptLookupDecoding`` proposes it as draft tokens, and one batch verifies them all (greedy:
every draft token that equals the model's own argmax is accepted; the output is the same as without drafts).

llama-cpp-python turns ``logits_all`` on for any draft model (and then needs ``logits_all=True`` at load, an
n_ctx x vocabulary score array: 2.5 GB for Qwen2.5 at n_ctx 4096): every prompt token also computes the
full-vocabulary logits (151,936) and copies them to that array, which slows the prompt the first token waits
for. ``LookupLlama`` computes every position's logits only in the batches that verify drafts, reads them
where llama.cpp keeps them (the sampler does), and copies none: the prompt's batches compute the last
token's only, as without a draft model. Log-probabilities (``logprobs=``) are not available from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from llama_cpp import Llama
from llama_cpp.llama_speculative import LlamaPromptLookupDecoding


class LookupLlama(Llama):
    """A ``Llama`` whose first ``eval`` of each ``generate`` (the prompt) skips the per-token logits."""

    _prompt_next = False

    def generate(self, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
        self._prompt_next = True
        return super().generate(tokens, *args, **kwargs)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._logits_all = False  # no per-position scores are kept (see ``eval``)

    def eval(self, tokens: Sequence[int]) -> None:
        """``Llama.eval`` without the scores copy; every position's logits in draft-verifying batches."""
        every = self.draft_model is not None and not self._prompt_next
        self._prompt_next = False
        self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
        for start in range(0, len(tokens), self.n_batch):
            batch = list(tokens[start : start + self.n_batch])
            self._batch.set_batch(batch=batch, n_past=self.n_tokens, logits_all=every)
            self._ctx.decode(self._batch)
            self.input_ids[self.n_tokens : self.n_tokens + len(batch)] = batch
            self.n_tokens += len(batch)
            self._requires_eval = False


class MatchedLookup(LlamaPromptLookupDecoding):
    """Prompt lookup that drafts only after a match of at least ``min_ngram_size`` tokens.

    The stock proposer falls back to a single matching token, and one token (" the", a comma) is found
    somewhere in any prompt: it then drafts nearly every step, and most of those drafts are rejected, each
    costing a verifying batch with every position's full-vocabulary logits. With ``min_ngram_size`` 2-3 it
    drafts only where the answer is copying a passage."""

    def __init__(self, max_ngram_size: int = 3, num_pred_tokens: int = 4, min_ngram_size: int = 2) -> None:
        super().__init__(max_ngram_size=max_ngram_size, num_pred_tokens=num_pred_tokens)
        self.min_ngram_size = min_ngram_size

    def __call__(self, input_ids: npt.NDArray[np.intc], /, **kwargs: Any) -> npt.NDArray[np.intc]:
        length = input_ids.shape[0]
        for size in range(min(self.max_ngram_size, length - 1), self.min_ngram_size - 1, -1):
            windows = np.lib.stride_tricks.sliding_window_view(input_ids, (size,))
            for start in np.nonzero(np.all(windows == input_ids[-size:], axis=1))[0]:
                begin = int(start) + size
                if begin < length:  # not the n-gram at the end itself
                    return input_ids[begin : min(begin + self.num_pred_tokens, length)]
        return np.array([], dtype=np.intc)


def load_llama(
    model_path: str,
    *,
    lookup_tokens: int = 0,
    lookup_ngram: int = 3,
    lookup_min_ngram: int = 2,
    **params: Any,
) -> Llama:
    """The model with prompt-lookup decoding of ``lookup_tokens`` draft tokens from the longest matching
    n-gram of ``lookup_min_ngram`` to ``lookup_ngram`` tokens (0 draft tokens: plain decoding)."""
    if lookup_tokens < 0 or not 1 <= lookup_min_ngram <= lookup_ngram:
        raise ValueError(
            f"lookup_tokens ({lookup_tokens}) must be >= 0 and 1 <= lookup_min_ngram ({lookup_min_ngram}) "
            f"<= lookup_ngram ({lookup_ngram})"
        )
    draft = (
        MatchedLookup(
            max_ngram_size=lookup_ngram, num_pred_tokens=lookup_tokens, min_ngram_size=lookup_min_ngram
        )
        if lookup_tokens > 0
        else None
    )
    return LookupLlama(model_path=model_path, draft_model=draft, verbose=False, **params)
