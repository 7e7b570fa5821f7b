"""Prompt-lookup drafts: only after a match of at least ``min_ngram_size`` tokens, at most
``num_pred_tokens`` long, continuing the earliest occurrence of the longest matching n-gram."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.llama_lookup import MatchedLookup, load_llama


def ids(*tokens: int) -> np.ndarray:
    return np.array(tokens, dtype=np.intc)


def test_a_single_matching_token_proposes_no_draft() -> None:
    # 7 occurs earlier, but the 2-gram (5, 7) does not: the stock proposer would draft 8, 9, 10.
    draft = MatchedLookup(max_ngram_size=3, num_pred_tokens=4, min_ngram_size=2)
    assert draft(ids(1, 7, 8, 9, 10, 5, 7)).tolist() == []
    assert MatchedLookup(3, 4, min_ngram_size=1)(ids(1, 7, 8, 9, 10, 5, 7)).tolist() == [8, 9, 10, 5]


def test_a_matched_ngram_drafts_its_continuation_up_to_the_draft_length() -> None:
    prompt = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    draft = MatchedLookup(max_ngram_size=3, num_pred_tokens=2, min_ngram_size=2)
    assert draft(ids(*prompt, 4, 1, 5)).tolist() == [9, 2]  # the 3-gram (4, 1, 5) continues with 9, 2
    assert draft(ids(*prompt, 7, 6, 5)).tolist() == [3, 7]  # only the 2-gram (6, 5) matches
    # The longest n-gram wins over a shorter one found earlier: (1, 5) -> 9 not (5) -> 9 from elsewhere.
    assert MatchedLookup(3, 1, 2)(ids(*prompt, 1, 5)).tolist() == [9]


def test_no_draft_past_the_end_and_bad_sizes_are_refused(tmp_path: object) -> None:
    assert MatchedLookup(3, 4, 2)(ids(1, 2)).tolist() == []  # the only (1, 2) is the one at the end
    with pytest.raises(ValueError, match="lookup_min_ngram"):
        load_llama("unused.gguf", lookup_tokens=4, lookup_ngram=2, lookup_min_ngram=3)
