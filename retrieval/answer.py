"""Answering: pseudonymize the question, retrieve within the caller's groups, generate, cite, reveal.

``content_words``, ``supporting_span``, ``infer_source``: ``retrieval.passage_support`` (re-exported)."""

from __future__ import annotations

import math
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, replace

from anonymize.pseudonymizer import Pseudonymizer
from anonymize.reveal import reveal_all
from anonymize.scope import Nothing, SurrogateScope, surrogates_in
from anonymize.vault import Vault
from retrieval.answer_cache import AnswerCache, CachedAnswer
from retrieval.answer_echo import EchoHold, echoes_rules
from retrieval.answer_events import collected, final_answer, typed_earlier  # noqa: F401 (re-exported)
from retrieval.answer_fact import fact_first
from retrieval.answer_text import StreamLead, add_marker, lead_with_the_claim, renumber, second_person
from retrieval.answer_types import Answer, Citation
from retrieval.citing import cited_numbers, closest_source, is_refusal, repoint  # noqa: F401 (re-exported)
from retrieval.closest import citation_of, closest_instead
from retrieval.grounding import question_coverage
from retrieval.judge import Calibration
from retrieval.judge_tokens import DraftSignal, stream_draft, watch_for
from retrieval.judge_verdict import EarlyVerdict, Judging, draft_checks, judge_first
from retrieval.llm import ChatModel
from retrieval.passage_support import content_words, infer_source, supporting_span  # noqa: F401 (re-exported)
from retrieval.passages import PassageSelector
from retrieval.prompt import CLOSEST, REFUSAL, SECOND_LOOK, WITHDRAWN, build_condense_messages, build_messages
from retrieval.prompt_numbering import AS_IS, VaultStream, numbered_messages
from retrieval.questions import QuestionMapper
from retrieval.relevance_gate import Gate
from retrieval.relevance_gate import relevance as relevance_of
from retrieval.retriever import RetrievedChunk, Retriever
from retrieval.scope import StoreScope
from retrieval.second_draft import redraft, settled, stricter


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
        judge_first: bool = True,
        min_coverage: float = 0.0,
        confident_score: float = 1.0,
        calibration: Calibration | None = None,
        cache: AnswerCache | None = None,
        passages: PassageSelector | None = None,
        answer_coverage: float = 1.0,
        refusal_penalty: float = math.inf,
        number_afresh: bool = True,
        second_draft: bool = False,
        agreed_coverage: float = 2.0,
    ) -> None:
        self.retriever = retriever
        self.chat_model = chat_model
        self.pseudonymizer = pseudonymizer
        self.vault = vault
        self.min_score = min_score
        # Relevant enough: a chunk holds this share of the question terms, or is this similar (paraphrases).
        self.min_coverage = min_coverage
        self.confident_score = confident_score
        self.agreed_coverage = agreed_coverage  # enough when both retrieval legs rank one chunk first
        # Below this share of its terms in the cited sources, an answer is withheld.
        self.min_support = min_support
        # The calibrated judge (retrieval.judge): the draft's token probabilities, read while it is
        # generated, its support, the retrieval evidence (P(yes) of a 2nd call if the calibration weighs it)
        self.verify = verify
        self.judge_first = judge_first  # P(yes) before the draft (retrieval.judge_verdict.judge_first)
        # A shown source this covering: the refusal's first token loses ``refusal_penalty`` (inf: banned).
        self.answer_coverage, self.refusal_penalty = answer_coverage, refusal_penalty
        self.number_afresh = number_afresh  # the prompt's surrogates numbered 1.. (prompt_numbering)
        self.second_draft = second_draft  # a refused draft: once more on the best windows (second_draft)
        self.calibration = calibration or Calibration()
        self.cache = cache  # answers in pseudonym space by (question, groups, index version)
        # The model sees only the retrieved chunks' sentences that bear on the question (retrieval.passages).
        self.passages = passages
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
        typed = set(typed) | surrogates_in(question) | typed_earlier(history)
        cache = self.cache if not history else None
        # The version is read before retrieval: a change of the index after it makes these keys unreachable.
        version = cache.version() if cache is not None else ""
        # First the question as typed (a keyed HMAC: no detector run for a repeated question), then as mapped.
        typed_key = cache.asked_key(question, groups, version) if cache is not None else None
        hit = cache.get(typed_key) if cache is not None and typed_key is not None else None
        if hit is not None and hit.asked:
            yield from self._replay(hit, hit.asked, hit.stored, reveal, scope, typed, started)
            return
        mapped = self.pseudonymize_question(question, groups, scope)
        stored = self.stored_question(question, groups, scope, retrieval_form=mapped)
        key = cache.key(mapped, groups, version) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is not None:
            if typed_key is not None:
                cache.put(typed_key, replace(hit, asked=mapped, stored=stored))  # type: ignore[union-attr]
            yield from self._replay(hit, mapped, stored, reveal, scope, typed, started)
            return
        asked = self.condense(history, mapped, groups, scope)
        chunks = self.retriever.run(asked, groups)
        scope.learn([c.text for c in chunks] + [c.title for c in chunks])
        # Relevance is judged on cosine similarity (fusion scores are ranks, not similarities).
        gate = Gate(self.min_score, self.min_coverage, self.confident_score, self.agreed_coverage)
        judged = relevance_of(asked, chunks, gate)
        relevant = chunks if judged.relevant else []
        relevance = judged.to_json()
        if self.injection_policy == "exclude":  # flagged chunks never reach the model
            relevant = [c for c in relevant if not c.injection]
        retrieve_ms = (time.perf_counter() - started) * 1000
        # ``question``: what retrieval searched with; ``question_pseudonymized``: what may be kept on disk.
        sources = [asdict(c) for c in relevant]
        yield {"type": "sources", "question": asked, "question_pseudonymized": stored, "sources": sources}
        pieces: list[str] = []
        first_token_ms = 0.0
        selecting = time.perf_counter()
        shown = self.passages.select(asked, relevant).shown if self.passages and relevant else relevant
        select_ms = (time.perf_counter() - selecting) * 1000
        numbering, messages = numbered_messages(asked, shown, self.number_afresh) if relevant else (AS_IS, [])
        verifying = self.verify and self.chat_model is not None and bool(relevant)
        shown_coverage = question_coverage(asked, [c.text for c in shown if c is not None])
        press = verifying and shown_coverage >= self.answer_coverage  # the judge still decides after it
        relevance.update(shown_coverage=shown_coverage, refusal_banned=press)
        penalty = self.refusal_penalty if press else 0.0
        watch = watch_for(self.chat_model, REFUSAL, penalty) if verifying else None  # type: ignore[arg-type]
        first = (
            judge_first(self.chat_model, self.calibration, messages, asked, relevant)  # type: ignore[arg-type]
            if verifying and self.judge_first
            else None
        )
        if not relevant or self.chat_model is None:
            pieces.append(REFUSAL)
            yield {"type": "token", "text": REFUSAL}
        elif first is not None and first.withheld:
            pass  # the judge withheld it before any draft: the closest passage is the answer (below)
        else:
            # no opening marker, no copy of the rules shown, the vault's surrogates (not the prompt's numbers)
            lead, hold, back = StreamLead(), EchoHold(), VaultStream(numbering)
            for piece in stream_draft(self.chat_model, messages, watch):
                pieces.append(piece := back.feed(piece))
                if shown_piece := hold.feed(lead.feed(piece)):
                    first_token_ms = first_token_ms or (time.perf_counter() - started) * 1000
                    yield {"type": "token", "text": shown_piece}
            pieces.append(back.flush())
        last_token = time.perf_counter()
        text = "".join(pieces).strip()
        signal = watch.signal() if watch is not None else None
        shown_texts = [c.text if c is not None else None for c in shown]  # for the judge (judge_sentences)
        answer = self._checked(text, asked, relevant, not relevant, messages, signal, first, shown_texts)
        if answer.refused and verifying and self.second_draft and not (first is not None and first.withheld):
            answer = self._second(answer, asked, relevant, first)
        if self.chat_model is not None:  # the model's own refusal: the closest passage instead
            answer = closest_instead(answer, asked, relevant)
        answer.question_pseudonymized = stored
        answer.relevance = relevance
        if cache is not None and key is not None and typed_key is not None:
            entry = CachedAnswer(sources=sources, answer=answer.to_json(), asked=mapped, stored=stored)
            cache.put(key, entry)
            cache.put(typed_key, entry)
        answer = self._reveal(answer, reveal, scope, typed)
        if (first is not None and first.withheld) or (relevant and self.chat_model and not first_token_ms):
            first_token_ms = (time.perf_counter() - started) * 1000  # nothing shown yet: the answer whole
            yield {"type": "token", "text": answer.answer}
        elif answer.checks.get("withheld"):  # what was streamed is taken back, in the stream too
            yield {"type": "token", "text": f"\n\n{WITHDRAWN} {answer.answer}"}
        elif answer.checks.get(
            "model_refused"
        ):  # the refusal streamed in the model's words: then the passage
            yield {"type": "token", "text": f"\n\n{answer.answer}"}
        elif "first_draft" in answer.checks:  # the second draft replaces what was streamed
            notice = WITHDRAWN if answer.checks["first_draft"]["withheld"] else SECOND_LOOK
            yield {"type": "token", "text": f"\n\n{notice} {answer.answer}"}
        answer.timings = {
            "retrieve_ms": round(retrieve_ms, 1),
            "select_ms": round(select_ms, 1),  # passage selection (after retrieve_ms)
            "first_token_ms": round(first_token_ms or (time.perf_counter() - started) * 1000, 1),
            "total_ms": round((time.perf_counter() - started) * 1000, 1),
            "after_last_token_ms": round((time.perf_counter() - last_token) * 1000, 1),
        }
        yield {"type": "done", "answer": answer.to_json()}

    def _replay(
        self,
        hit: CachedAnswer,
        asked: str,
        stored: str,
        reveal: bool,
        scope: StoreScope,
        typed: Collection[str],
        started: float,
    ) -> Iterator[dict]:
        """A cached answer's events: its sources, its (pseudonymized) text as one piece, and the answer
        revealed for this asker (their scope, the surrogates they typed), as a fresh answer would be."""
        scope.learn(
            [str(c.get("text", "")) for c in hit.sources] + [str(c.get("title", "")) for c in hit.sources]
        )
        yield {"type": "sources", "question": asked, "question_pseudonymized": stored, "sources": hit.sources}
        data = dict(hit.answer)
        citations = [Citation(**c) for c in data.pop("citations")]
        answer = Answer(citations=citations, **data)
        yield {"type": "token", "text": answer.answer}
        answer = self._reveal(answer, reveal, scope, typed)
        answer.question_pseudonymized = stored
        elapsed = round((time.perf_counter() - started) * 1000, 1)
        answer.timings = {"retrieve_ms": 0.0, "first_token_ms": elapsed, "total_ms": elapsed, "cached": 1.0}
        yield {"type": "done", "answer": answer.to_json()}

    ask = collected(stream)  # stream's parameters, the done event's Answer

    def _second(
        self, refused: Answer, asked: str, chunks: list[RetrievedChunk], first: EarlyVerdict | None
    ) -> Answer:
        """The first draft refused (by the model or a check): a second draft on the best sentence windows
        (retrieval.second_draft), checked and judged as the first against a higher bar; ``settled``."""
        model, judged = self.chat_model, stricter(self.calibration)
        again = redraft(model, asked, chunks, self.number_afresh, self.answer_coverage, self.refusal_penalty)  # type: ignore[arg-type]
        shown = again.shown_texts()
        answer = self._checked(
            again.text, asked, chunks, False, again.messages, again.signal, first, shown, judged
        )
        return settled(refused, again.text, answer)

    def _finish(
        self,
        text: str,
        asked: str,
        chunks: list[RetrievedChunk],
        reveal: bool,
        refused: bool,
        scope: SurrogateScope | None = None,
        typed: Collection[str] = (),
        messages: list[dict[str, str]] | None = None,
    ) -> Answer:
        """The checked answer (``_checked``), revealed for the asker (``_reveal``)."""
        checked = self._checked(text, asked, chunks, refused, messages or build_messages(asked, chunks))
        return self._reveal(checked, reveal, scope or Nothing(), typed)

    def _checked(
        self,
        text: str,
        asked: str,
        chunks: list[RetrievedChunk],
        refused: bool,
        messages: list[dict[str, str]],
        signal: DraftSignal | None = None,
        first: EarlyVerdict | None = None,
        shown: list[str | None] | None = None,
        calibration: Calibration | None = None,
    ) -> Answer:
        """The draft checked and worded (in pseudonym space): citations that point at a source, re-pointed
        or matched when the model cited wrongly or not at all; withheld (the closest passage shown) when the
        checks find it unsupported; markers after the claim, renumbered 1..k in order of appearance.
        ``shown``: the passages as the model saw them (None: ``chunks`` whole); ``calibration``: the judge."""
        valid, invalid = cited_numbers(text, len(chunks))
        origin: dict[int, str] = {n: "model" for n in valid}
        refused = refused or is_refusal(text)
        for bad in invalid:  # unsupported citations are dropped from the text and reported
            text = text.replace(f"[{bad}]", "")
        checks: dict = {}
        if not refused and first is not None and first.withheld:  # no draft was generated (judge_first)
            checks = {**(first.checks or {}), "draft_sources": []}
        elif not refused and echoes_rules(text, [asked, *(c.text for c in chunks)]):  # the rules copied
            judged = first.checks if first is not None and first.checks else {}
            checks = {**judged, "withheld": True, "echo": True, "draft_sources": []}
        elif not refused:
            if not valid:
                found = infer_source(text, chunks)  # a weak model answered without citing: find its source
                valid = [found] if found else []
                if found:
                    text, origin[found] = add_marker(text, found), "matched"
            drafted = [chunks[n - 1].source for n in valid]
            text, pointed = repoint(text, asked, chunks, valid)
            origin.update({n: "repointed" for n in set(pointed) - set(valid)})
            valid = pointed
            model = self.chat_model if self.verify else None
            judging = (
                Judging(model, calibration or self.calibration, messages, signal, first, shown)
                if model
                else None
            )
            cited = [chunks[n - 1].text for n in valid]
            checks = draft_checks(text, asked, cited, chunks, self.min_support, judging)
            checks["draft_sources"] = drafted  # what the model cited, before re-pointing or withholding
        if checks:
            if checks["withheld"]:
                closest, refused = closest_source(asked, chunks), True
                text, valid, origin = CLOSEST.format(n=closest), [closest], {closest: "closest"}
            else:
                text = fact_first(second_person(lead_with_the_claim(text), asked), asked)
        text, number = renumber(text, valid)
        supported = asked if origin.get(valid[0] if valid else 0) == "closest" else text
        citations = [
            citation_of(chunks[n - 1], number[n], origin.get(n, "model"), supported)
            for n in sorted(valid, key=lambda n: number[n])
        ]
        return Answer(
            answer=text,
            answer_pseudonymized=text,
            citations=citations,
            revealed=False,
            question_pseudonymized=asked,
            refused=refused,
            invalid_citations=invalid,
            checks=checks,
        )

    def _reveal(self, answer: Answer, reveal: bool, scope: SurrogateScope, typed: Collection[str]) -> Answer:
        """The answer with the real values the asker may see: only what their scope knows, never a surrogate
        they typed (anonymize.reveal); unchanged without ``reveal`` or a vault."""
        if not reveal or self.vault is None:
            return answer
        texts, _count, which = reveal_all(
            self.vault, [answer.answer, *(c.text for c in answer.citations)], scope, typed
        )
        answer.answer = texts[0]
        for citation, passage in zip(answer.citations, texts[1:], strict=True):
            citation.text = passage
            # offsets in the revealed text
            citation.highlight = supporting_span(
                answer.question_pseudonymized if citation.origin == "closest" else answer.answer, passage
            )
        answer.revealed, answer.revealed_surrogates = True, list(which)
        return answer
