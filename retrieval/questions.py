"""A question in pseudonym space, for one asker: what retrieval searches with and what is kept on disk.

- ``for_retrieval``: detected values and vault values (found by propagation or by the question's n-grams,
  ``anonymize.question_terms``) become their surrogates when the asker's scope knows them, else
  ``<TYPE_NEWn>`` (detected) or stay as typed (not detected: as if the vault did not know them). So the
  question finds the chunks that name a person the asker may read about, and reveals nothing about others.
- ``for_storage``: the same, and capitalized words taken for names that the asker's documents do not hold in
  clear are masked (``mask_unknown_names``); surrogates the asker typed are escaped (``‹US_SSN_1›``,
  ``anonymize.reveal``): conversations, feedback and the audit keep this form only.

Neither depends on values of documents the asker cannot read: nothing here is an oracle.
"""

from __future__ import annotations

from collections.abc import Sequence

from anonymize.pseudonymizer import Pseudonymizer
from anonymize.question_terms import mask_unknown_names, replace_spans, vault_spans
from anonymize.reveal import escape_typed
from anonymize.scope import SurrogateScope, surrogates_in
from retrieval.retriever import Retriever
from retrieval.scope import StoreScope


class QuestionMapper:
    def __init__(self, retriever: Retriever, pseudonymizer: Pseudonymizer | None) -> None:
        self.retriever = retriever
        self.pseudonymizer = pseudonymizer

    def scope(self, groups: Sequence[str] | None) -> StoreScope:
        """The surrogates a reader in ``groups`` knows (None: an admin)."""
        return StoreScope(self.retriever, groups)

    def for_retrieval(
        self, question: str, groups: Sequence[str] | None, scope: SurrogateScope | None = None
    ) -> str:
        if self.pseudonymizer is None:
            return question
        scope = scope or self.scope(groups)
        text = self.pseudonymizer.run(
            [question],
            store=False,
            keep_clear=lambda term: self.retriever.holds_in_clear(term, groups),
            scope=scope,
            prefer_clear=lambda term, surrogate: self.retriever.mostly_in_clear(term, surrogate, groups),
        )[0].text
        spans = vault_spans(
            self.pseudonymizer.vault,
            text,
            scope,
            self.pseudonymizer.pseudonymize,
            lambda word: self.retriever.holds_in_clear(word, groups),
            ordinary=self.pseudonymizer.detector.ordinary_word,
            prefer_clear=lambda term, surrogate: self.retriever.mostly_in_clear(term, surrogate, groups),
        )
        return replace_spans(text, spans)

    def for_storage(
        self,
        question: str,
        groups: Sequence[str] | None,
        scope: SurrogateScope | None = None,
        retrieval_form: str | None = None,
    ) -> str:
        """``retrieval_form``: ``for_retrieval``'s result for the same question and scope, when the caller
        has it (the detector then runs once)."""
        text = retrieval_form if retrieval_form is not None else self.for_retrieval(question, groups, scope)
        if self.pseudonymizer is not None:
            text = mask_unknown_names(
                text,
                lambda word: self.indexed_in_clear(word, groups),
                ordinary=self.pseudonymizer.detector.ordinary_word,
            )
        return escape_typed(text, surrogates_in(question))

    def indexed_in_clear(self, word: str, groups: Sequence[str] | None) -> bool:
        """Whether a chunk visible to ``groups`` holds ``word`` in clear in some form: as written, or with
        the same BM25 stem ("contractors" where the documents say "contractor"). Surrogates are one token
        each in BM25 (``person12``), so no pseudonymized value counts."""
        if self.retriever.holds_in_clear(word, groups):
            return True
        try:
            return bool(self.retriever.run(word, groups, top_k=1, mode="sparse"))
        except ValueError:  # nothing left of the word for BM25 (a stop word)
            return False
