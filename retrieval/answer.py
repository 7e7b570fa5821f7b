"""Answering: pseudonymize the question, retrieve within the caller's groups, generate, cite, reveal.

``content_words``, ``supporting_span`` and ``infer_source`` live in ``retrieval.passage_support`` (re-exported
here for their callers)."""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from anonymize.pseudonymizer import Pseudonymizer
from anonymize.reveal import reveal_all, typed_in
from anonymize.scope import Nothing, SurrogateScope, surrogates_in
from anonymize.vault import Vault
from retrieval.grounding import check, question_coverage, support
from retrieval.llm import ChatModel, choose_option
from retrieval.passage_support import content_words, infer_source, supporting_span  # noqa: F401 (re-exported)
from retrieval.prompt import (
    REFUSAL,
    WITHDRAWN,
    build_condense_messages,
    build_judge_messages,
    build_messages,
)
from retrieval.questions import QuestionMapper
from retrieval.retriever import RetrievedChunk, Retriever
from retrieval.scope import StoreScope

_CITATION = re.compile(r"\[(\d+)\]")
REPOINT_BELOW = 0.5  # a citation whose source holds less than this share of the answer's terms is re-pointed


def repoint(
    text: str, question: str, chunks: Sequence[RetrievedChunk], cited: list[int]
) -> tuple[str, list[int]]:
    """Citations that hold: when the cited sources barely contain the answer's terms but another retrieved
    source does, the citation moves there (the [n] in the text too); a cited source that contains none of the
    answer's terms is dropped while another cited source supports it."""
    if not cited:
        return text, cited
    own = {n: support(text, question, [chunks[n - 1].text])[0] for n in cited}
    together, _ = support(text, question, [chunks[n - 1].text for n in cited])
    if together is None:
        return text, cited
    if together < REPOINT_BELOW:
        scores = [(support(text, question, [c.text])[0] or 0.0, -i) for i, c in enumerate(chunks)]
        best, neg_index = max(scores)
        if best >= REPOINT_BELOW and best > together:
            target = -neg_index + 1
            for n in cited:
                text = text.replace(f"[{n}]", f"[{target}]")
            return re.sub(rf"(\[{target}\])(\s*\[{target}\])+", r"\1", text), [target]
        return text, cited
    kept = [n for n in cited if own[n]]
    for n in set(cited) - set(kept):
        text = re.sub(rf"\s*\[{n}\]", "", re.sub(rf"\[{n}\]\s*(?=\[)", "", text))
    return text, kept


@dataclass
class Citation:
    n: int
    doc_id: str
    source: str
    chunk_id: str
    text: str
    title: str = ""
    page: int | None = None
    score: float = 0.0
    inferred: bool = False
    flagged: bool = False  # the source looked like a prompt injection at ingestion
    highlight: list[int] | None = None  # [start, end] of the passage that best supports the answer
    section: str = ""  # where in the file when not a page: "slide 3", "Staff, rows 2-51"


@dataclass
class Answer:
    answer: str
    citations: list[Citation]
    revealed: bool
    # The question as kept on disk (conversations, feedback, audit): pseudonymized within the asker's scope,
    # names the detector missed masked (retrieval.questions). Never an oracle of other groups' values.
    question_pseudonymized: str
    refused: bool = False
    revealed_surrogates: list[str] = field(default_factory=list)  # the distinct surrogates shown as values
    invalid_citations: list[int] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # The draft's grounding: support, coverage, verified (yes/no/None), withheld (replaced by a refusal)
    checks: dict = field(default_factory=dict)
    # Before generation: best cosine, best question-term coverage, whether the sources were relevant enough
    relevance: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


_REFUSAL_PHRASES = re.compile(
    r"\b(i don'?t know|do(es)? not (say|contain|mention|provide|specify|include)"
    r"|not (mentioned|stated|specified|provided|found|available) in|no information"
    r"|cannot (find|answer|determine)|unable to (find|answer|determine))",
    re.I,
)


# The judge's reply, either case (the grammar leaves the model its preferred capitalization).
_VERDICTS = ["yes", "no", "Yes", "No"]


def is_refusal(text: str) -> bool:
    """The model said the sources do not answer (in the prescribed words or in its own)."""
    return text.startswith(REFUSAL[:12]) or bool(_REFUSAL_PHRASES.search(text[:200]))


def cited_numbers(text: str, available: int) -> tuple[list[int], list[int]]:
    """Citation numbers in ``text`` that point at a source, and those that do not."""
    seen = list(dict.fromkeys(int(m) for m in _CITATION.findall(text)))
    return [n for n in seen if 1 <= n <= available], [n for n in seen if not 1 <= n <= available]


def typed_earlier(history: Sequence[dict]) -> set[str]:
    """Surrogates the asker typed in earlier questions: every one in a client's own history, the escaped ones
    in turns a conversation stored (``stored``: its other surrogates were mapped from values, not typed)."""
    typed: set[str] = set()
    for message in history:
        if message.get("role") == "user":
            content = str(message.get("content", ""))
            typed |= typed_in(content) if message.get("stored") else surrogates_in(content)
    return typed


class Answerer:
    def __init__(
        self,
        *,
        retriever: Retriever,
        chat_model: ChatModel | None,
        pseudonymizer: Pseudonymizer | None,
        vault: Vault | None,
        min_score: float = 0.15,
        injection_policy: str = "label",
        min_support: float = 0.5,
        verify: bool = False,
        min_coverage: float = 0.0,
        confident_score: float = 1.0,
    ) -> None:
        self.retriever = retriever
        self.chat_model = chat_model
        self.pseudonymizer = pseudonymizer
        self.vault = vault
        self.min_score = min_score
        # Relevant enough: a chunk holds this share of the question terms, or is this similar (paraphrases).
        self.min_coverage = min_coverage
        self.confident_score = confident_score
        # Below this share of its terms in the cited sources, an answer is withheld.
        self.min_support = min_support
        # A second, grammar-constrained yes/no call: do the retrieved sources state the answer?
        self.verify = verify
        if injection_policy not in ("label", "exclude"):
            raise ValueError(f"injection_policy: {injection_policy!r} is not 'label' or 'exclude'")
        self.injection_policy = injection_policy
        self.questions = QuestionMapper(retriever, pseudonymizer)

    def scope(self, groups: Sequence[str] | None) -> StoreScope:
        """The surrogates a reader in ``groups`` knows (anonymize.scope); None: an admin, all of them."""
        return self.questions.scope(groups)

    def pseudonymize_question(
        self, question: str, groups: Sequence[str] | None = None, scope: SurrogateScope | None = None
    ) -> str:
        """The question in pseudonym space, within the asker's scope (retrieval.questions). A word taken for a
        name that the documents visible to ``groups`` hold in clear ("Angiotensin converting ...") stays: a
        surrogate would only lose a search term."""
        return self.questions.for_retrieval(question, groups, scope)

    def stored_question(
        self,
        question: str,
        groups: Sequence[str] | None = None,
        scope: SurrogateScope | None = None,
        retrieval_form: str | None = None,
    ) -> str:
        """The question as conversations, feedback and the audit keep it: nothing the asker typed in clear
        that is (or looks like) a name or a value."""
        return self.questions.for_storage(question, groups, scope, retrieval_form)

    def condense(
        self,
        history: Sequence[dict[str, str]],
        asked: str,
        groups: Sequence[str] | None = None,
        scope: SurrogateScope | None = None,
    ) -> str:
        """A follow-up ("and for contractors?") as a standalone question, in pseudonym space."""
        if not history or self.chat_model is None:
            return asked
        pseudonymized = [
            {"role": m["role"], "content": self.pseudonymize_question(m["content"], groups, scope)}
            for m in history[-6:]
        ]
        text = "".join(self.chat_model.stream(build_condense_messages(pseudonymized, asked), max_tokens=64))
        standalone = text.strip().splitlines()[0].strip() if text.strip() else ""
        return standalone or asked

    def stream(
        self,
        question: str,
        groups: Sequence[str] | None,
        reveal: bool = False,
        history: Sequence[dict[str, str]] = (),
        typed: Collection[str] = (),
    ) -> Iterator[dict]:
        """Events: ``sources``, then ``token`` pieces, then ``done`` with the checked answer. ``typed``:
        surrogates the asker wrote earlier in the conversation (never revealed, as those in ``question``)."""
        started = time.perf_counter()
        scope = self.scope(groups)
        mapped = self.pseudonymize_question(question, groups, scope)
        asked = self.condense(history, mapped, groups, scope)
        stored = self.stored_question(question, groups, scope, retrieval_form=mapped)
        chunks = self.retriever.run(asked, groups)
        scope.learn([c.text for c in chunks] + [c.title for c in chunks])
        typed = set(typed) | surrogates_in(question) | typed_earlier(history)
        # Relevance is judged on cosine similarity (fusion scores are ranks, not similarities).
        best = max((c.dense_score for c in chunks if c.dense_score is not None), default=0.0)
        covered = question_coverage(asked, [c.text for c in chunks])
        enough = best >= self.min_score and (covered >= self.min_coverage or best >= self.confident_score)
        relevant = chunks if enough else []
        relevance = {"best_score": round(best, 4), "question_coverage": covered, "relevant": enough}
        if self.injection_policy == "exclude":  # flagged chunks never reach the model
            relevant = [c for c in relevant if not c.injection]
        retrieve_ms = (time.perf_counter() - started) * 1000
        # ``question``: what retrieval searched with; ``question_pseudonymized``: what may be kept on disk.
        yield {
            "type": "sources",
            "question": asked,
            "question_pseudonymized": stored,
            "sources": [asdict(c) for c in relevant],
        }
        pieces: list[str] = []
        first_token_ms = 0.0
        if not relevant or self.chat_model is None:
            pieces.append(REFUSAL)
            yield {"type": "token", "text": REFUSAL}
        else:
            for piece in self.chat_model.stream(build_messages(asked, relevant)):
                if not pieces:
                    first_token_ms = (time.perf_counter() - started) * 1000
                pieces.append(piece)
                yield {"type": "token", "text": piece}
        text = "".join(pieces).strip()
        answer = self._finish(text, asked, relevant, reveal, refused=not relevant, scope=scope, typed=typed)
        answer.question_pseudonymized = stored
        answer.relevance = relevance
        if answer.checks.get("withheld"):  # what was streamed is taken back, in the stream too
            yield {"type": "token", "text": "\n\n" + WITHDRAWN}
        answer.timings = {
            "retrieve_ms": round(retrieve_ms, 1),
            "first_token_ms": round(first_token_ms or (time.perf_counter() - started) * 1000, 1),
            "total_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        yield {"type": "done", "answer": answer.to_json()}

    def ask(
        self,
        question: str,
        groups: Sequence[str] | None,
        reveal: bool = False,
        history: Sequence[dict[str, str]] = (),
        typed: Collection[str] = (),
    ) -> Answer:
        final: dict = {}
        for event in self.stream(question, groups, reveal, history, typed):
            if event["type"] == "done":
                final = event["answer"]
        citations = [Citation(**c) for c in final.pop("citations")]
        return Answer(citations=citations, **final)

    def _finish(
        self,
        text: str,
        asked: str,
        chunks: list[RetrievedChunk],
        reveal: bool,
        refused: bool,
        scope: SurrogateScope | None = None,
        typed: Collection[str] = (),
    ) -> Answer:
        valid, invalid = cited_numbers(text, len(chunks))
        inferred: set[int] = set()
        refused = refused or is_refusal(text)
        for bad in invalid:  # unsupported citations are dropped from the text and reported
            text = text.replace(f"[{bad}]", "")
        checks: dict = {}
        if not refused:
            if not valid:
                found = infer_source(text, chunks)  # a weak model answered without citing: find its source
                valid = [found] if found else []
                inferred = set(valid)
            drafted = [chunks[n - 1].source for n in valid]
            text, pointed = repoint(text, asked, chunks, valid)
            inferred |= set(pointed) - set(valid)
            valid = pointed
            checks = self._check(text, asked, [chunks[n - 1].text for n in valid], chunks)
            checks["draft_sources"] = drafted  # what the model cited, before re-pointing or withholding
            if checks["withheld"]:
                text, valid, inferred, refused = REFUSAL, [], set(), True
        citations = [
            Citation(
                n=n,
                doc_id=chunks[n - 1].doc_id,
                source=chunks[n - 1].source,
                chunk_id=chunks[n - 1].chunk_id,
                text=chunks[n - 1].text,
                title=chunks[n - 1].title,
                page=chunks[n - 1].page,
                score=round(chunks[n - 1].score, 4),
                inferred=n in inferred,
                flagged=bool(chunks[n - 1].injection),
                highlight=supporting_span(text, chunks[n - 1].text),
                section=chunks[n - 1].section,
            )
            for n in valid
        ]
        revealed = False
        which: tuple[str, ...] = ()
        if reveal and self.vault is not None:
            # Only what the asker's scope knows, never a surrogate the asker typed (anonymize.reveal).
            texts, _count, which = reveal_all(
                self.vault, [text, *(c.text for c in citations)], scope or Nothing(), typed
            )
            text = texts[0]
            for citation, passage in zip(citations, texts[1:], strict=True):
                citation.text = passage
                citation.highlight = supporting_span(text, citation.text)  # offsets in the revealed text
            revealed = True
        return Answer(
            answer=text,
            citations=citations,
            revealed=revealed,
            revealed_surrogates=list(which) if revealed else [],
            question_pseudonymized=asked,
            refused=refused,
            invalid_citations=invalid,
            checks=checks,
        )

    def _check(self, text: str, asked: str, sources: list[str], chunks: Sequence[RetrievedChunk]) -> dict:
        """Is the draft grounded in its cited sources? Withheld when its terms are missing from them (or it
        cites nothing, or only restates the question), or, with ``verify``, when the model, asked with the
        answer prompt's sources and question whether the sources state the answer, says no (a yes/no reply
        constrained by a grammar). The draft is not shown to that second call."""
        grounding = check(text, asked, sources)
        checks: dict = {
            "support": grounding.support,
            "coverage": grounding.coverage,
            "verified": None,
            "withheld": False,
            "reason": "",
        }
        if self.min_support > 0 and not sources:
            checks.update(withheld=True, reason="no source supports the answer")
        elif self.min_support > 0 and grounding.support is None:
            checks.update(withheld=True, reason="the answer only restates the question")
        elif self.min_support > 0 and grounding.support is not None and grounding.support < self.min_support:
            checks.update(withheld=True, reason="the cited sources do not contain the answer")
        elif self.verify and self.chat_model is not None:
            verdict = choose_option(self.chat_model, build_judge_messages(asked, chunks), _VERDICTS)
            checks["verified"] = verdict.lower() if verdict else None
            if checks["verified"] == "no":
                checks.update(
                    withheld=True, reason="the model judged that the sources do not state the answer"
                )
        return checks
