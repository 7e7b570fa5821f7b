"""Answer benchmark on XQuAD: ingest passages, ask, reveal, score EM/F1, citations, refusals, latency."""

from __future__ import annotations

import json
import random
import re
import statistics
import string
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eval.extra import require_eval_extra
from eval.homes import EvalHome, HomeFactory, HomeSpec
from ingest.catalog import document_id
from retrieval.judge_sentences import leading_fact  # the fact an answer states first (scored for F1 and EM)


@dataclass
class RagQuestion:
    id: str
    question: str
    answers: list[str]
    context_id: str
    answerable: bool = True


@dataclass
class RagResult:
    id: str
    question: str
    answerable: bool
    answer: str
    refused: bool
    cited: list[str]
    exact_match: float
    f1: float
    contains: bool
    citation_correct: bool | None
    first_token_ms: float
    total_ms: float
    clause_f1: float = 0.0
    withheld: bool = False  # the model answered but the grounding check replaced it with a refusal
    support: float | None = None
    draft_cited: list[str] = field(default_factory=list)  # what the model cited, before the checks
    draft_citation_correct: bool | None = None
    question_coverage: float | None = None  # best share of the question's terms in one retrieved chunk
    refused_before_model: bool = False  # the retrieved chunks were not relevant enough to call the model
    answer_f1: float = 0.0  # token F1 of the whole answer (fact and context); ``f1`` is the leading fact's
    p_yes: float | None = None  # the judge's P(yes) (retrieval.judge), when it ran
    confidence: float | None = None  # the judge's combined confidence
    evidence: dict = field(default_factory=dict)  # the retrieval evidence the judge combined
    features: dict = field(default_factory=dict)  # every feature the judge had (retrieval.judge.features)
    after_last_token_ms: float = 0.0  # the checks and the judge, after the draft's last token
    judge_call_ms: float | None = None  # of which the judge's second model call (P(yes)), when it ran
    echo: bool = False  # the draft copied the prompt's rules: no answer (retrieval.answer_echo)
    refusal_banned: bool = False  # a shown source held the question's terms: no draft opening refusing
    second_draft: dict = field(default_factory=dict)  # after a refusal: the second draft, its verdict


@dataclass
class RagReport:
    exact_match: float
    f1: float
    contains_answer: float
    citation_accuracy: float
    refusal_accuracy: float
    false_refusal_rate: float
    questions: int
    answerable: int
    unanswerable: int
    latency_ms: dict[str, float]
    ingest_seconds: float
    model: str
    results: list[RagResult] = field(default_factory=list)
    # Diagnostics, not SQuAD metrics: best clause's F1, and the model's drafts before the grounding checks.
    clause_f1: float = 0.0
    answer_f1: float = 0.0  # the whole answer's token F1 (``f1``: the leading fact's)
    unanswerable_share: float = 0.0
    draft_citation_accuracy: float = 0.0
    draft_refusal_accuracy: float = 0.0
    draft_false_refusal_rate: float = 0.0
    # Refused by the relevance gate, before any model call: share of unanswerable / answerable questions.
    gate_refusal_accuracy: float = 0.0
    gate_false_refusal_rate: float = 0.0

    def to_json(self, with_results: bool = False) -> dict:
        data = asdict(self)
        if not with_results:
            data.pop("results")
        return data


def normalize_answer(text: str) -> str:
    """SQuAD normalization: lower case, no punctuation, no articles, single spaces."""
    text = re.sub(r"\[\d+\]", " ", text.lower())
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, golds: list[str]) -> float:
    return float(any(normalize_answer(prediction) == normalize_answer(g) for g in golds))


def token_f1(prediction: str, golds: list[str]) -> float:
    best = 0.0
    predicted = normalize_answer(prediction).split()
    for gold in golds:
        expected = normalize_answer(gold).split()
        common = Counter(predicted) & Counter(expected)
        same = sum(common.values())
        if not same or not predicted or not expected:
            continue
        precision, recall = same / len(predicted), same / len(expected)
        best = max(best, 2 * precision * recall / (precision + recall))
    return best


_CLAUSE = re.compile(r"[.;:,()]\s|\s(?:which|because|while|and)\s")


def clause_f1(prediction: str, golds: list[str]) -> float:
    """Token F1 of the answer's best-matching clause: a sentence answer's short-answer quality (diagnostic;
    exact match and F1 stay SQuAD's, on the whole answer)."""
    clauses = [c for c in _CLAUSE.split(re.sub(r"\[\d+\]", " ", prediction)) if c.strip()]
    return max((token_f1(c, golds) for c in clauses), default=0.0)


def load_xquad(dataset: Path) -> tuple[dict[str, dict], list[RagQuestion]]:
    passages = {}
    for line in (dataset / "passages.jsonl").read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            passages[record["_id"]] = record
    questions = []
    for line in (dataset / "questions_dev.jsonl").read_text().splitlines():
        if line.strip():
            q = json.loads(line)
            questions.append(RagQuestion(q["id"], q["question"], list(q["answers"]), q["context_id"]))
    return passages, questions


def sample_questions(
    questions: list[RagQuestion], limit: int | None, unanswerable_fraction: float, seed: int
) -> tuple[list[RagQuestion], set[str]]:
    """Sampled questions, some made unanswerable by holding their gold passage out of the index."""
    rng = random.Random(seed)
    by_passage: dict[str, list[RagQuestion]] = {}
    for q in questions:
        by_passage.setdefault(q.context_id, []).append(q)
    passage_ids = sorted(by_passage)
    rng.shuffle(passage_ids)
    held_out_count = max(1, round(len(passage_ids) * unanswerable_fraction)) if unanswerable_fraction else 0
    held_out = set(passage_ids[:held_out_count])
    chosen = list(questions)
    rng.shuffle(chosen)
    if limit:
        n_unanswerable = round(limit * unanswerable_fraction)
        unanswerable = [q for q in chosen if q.context_id in held_out][:n_unanswerable]
        answerable = [q for q in chosen if q.context_id not in held_out][: limit - len(unanswerable)]
        chosen = answerable + unanswerable
        rng.shuffle(chosen)
    for q in chosen:
        q.answerable = q.context_id not in held_out
    return chosen, held_out


def _percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return round(ordered[index], 1)


def run_rag_benchmark(
    homes: HomeFactory,
    model: str,
    dataset: Path,
    limit: int | None = 50,
    unanswerable_fraction: float = 0.2,
    seed: int = 13,
    progress: Callable[[int, int], None] | None = None,
    on_result: Callable[[RagResult], None] | None = None,
) -> RagReport:
    """Ingest the passages (minus the held-out ones) into a fresh home from ``homes`` and ask the sampled
    questions; ``model`` names the chat model the homes answer with (in the report); ``on_result`` sees each
    result as it comes (a long run cut short keeps what it measured)."""
    require_eval_extra("privrag eval rag")
    passages, questions = load_xquad(dataset)
    chosen, held_out = sample_questions(questions, limit, unanswerable_fraction, seed)
    with tempfile.TemporaryDirectory(prefix="privrag-eval-rag-") as tmp:
        work = Path(tmp)
        corpus = work / "passages"
        corpus.mkdir()
        for pid, record in passages.items():
            if pid not in held_out:
                title = record.get("title", "").replace("_", " ")
                (corpus / f"{pid}.txt").write_text(f"{title}\n\n{record['text']}\n", encoding="utf-8")
        container = homes(HomeSpec(work / "home"))
        try:
            started = time.perf_counter()
            container.ingestor.run([corpus])
            ingest_seconds = time.perf_counter() - started
            ids = {document_id(corpus / f"{pid}.txt"): pid for pid in passages if pid not in held_out}
            passage_of = passage_names(container, ids)
            results = []
            for index, q in enumerate(chosen):
                results.append(_ask(container, q, passage_of))
                if on_result:
                    on_result(results[-1])
                if progress:
                    progress(index + 1, len(chosen))
        finally:
            container.close()
    return _summarize(results, ingest_seconds, model)


def passage_names(container: EvalHome, ids: dict[str, str]) -> dict[str, str]:
    """Each ingested document's source (as the index keeps it: a name in a title such as "Jacksonville,
    Florida" is pseudonymized there, and in citations) -> its XQuAD passage id, through the document ids
    (``ids``: document id -> passage id). Citations are scored on this, never on the pseudonymized name."""
    records = container.catalog.all()  # type: ignore[attr-defined]  # every home has its catalog
    return {r.source: ids[r.doc_id] for r in records if r.doc_id in ids}


def _ask(container: EvalHome, q: RagQuestion, passage_of: dict[str, str] | None = None) -> RagResult:
    answer = container.answerer.ask(q.question, None, reveal=True)  # an authorized evaluator reveals
    names = passage_of or {}
    cited = [names.get(c.source, Path(c.source).stem) for c in answer.citations]
    draft_cited = [names.get(s, Path(s).stem) for s in answer.checks.get("draft_sources", [])]
    withheld = bool(answer.checks.get("withheld"))
    if not answer.checks.keys() - {"second_draft"}:  # refused before the model answered, or by the model
        draft_cited = cited
    text = re.sub(r"\[\d+\]", "", answer.answer).strip()
    fact = leading_fact(answer.answer) if not answer.refused else text
    return RagResult(
        id=q.id,
        question=q.question,
        answerable=q.answerable,
        answer=text,
        refused=answer.refused,
        cited=cited,
        exact_match=exact_match(fact, q.answers) if q.answerable else 0.0,
        f1=token_f1(fact, q.answers) if q.answerable else 0.0,
        contains=q.answerable and any(normalize_answer(a) in normalize_answer(text) for a in q.answers),
        citation_correct=(q.context_id in cited) if q.answerable and not answer.refused and cited else None,
        first_token_ms=answer.timings.get("first_token_ms", 0.0),
        total_ms=answer.timings.get("total_ms", 0.0),
        clause_f1=clause_f1(text, q.answers) if q.answerable else 0.0,
        withheld=withheld,
        support=answer.checks.get("support"),
        draft_cited=draft_cited,
        draft_citation_correct=(q.context_id in draft_cited) if q.answerable and draft_cited else None,
        question_coverage=answer.relevance.get("question_coverage"),
        refused_before_model=answer.relevance.get("relevant") is False,
        answer_f1=token_f1(text, q.answers) if q.answerable else 0.0,
        p_yes=answer.checks.get("p_yes"),
        confidence=answer.checks.get("confidence"),
        evidence=answer.checks.get("evidence", {}),
        features=answer.checks.get("features", {}),
        after_last_token_ms=answer.timings.get("after_last_token_ms", 0.0),
        judge_call_ms=answer.checks.get("judge_call_ms"),
        echo=bool(answer.checks.get("echo")),
        refusal_banned=bool(answer.relevance.get("refusal_banned")),
        second_draft=answer.checks.get("second_draft", {}),
    )


def _summarize(results: list[RagResult], ingest_seconds: float, model: str) -> RagReport:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    cited = [r for r in answerable if r.citation_correct is not None]
    first = [r.first_token_ms for r in results if not r.refused]
    total = [r.total_ms for r in results]

    def mean(values: list[float]) -> float:
        return round(statistics.fmean(values), 4) if values else 0.0

    drafted = [r for r in answerable if r.draft_citation_correct is not None]
    return RagReport(
        clause_f1=mean([r.clause_f1 for r in answerable]),
        answer_f1=mean([r.answer_f1 for r in answerable]),
        unanswerable_share=round(len(unanswerable) / len(results), 4) if results else 0.0,
        draft_citation_accuracy=mean([float(bool(r.draft_citation_correct)) for r in drafted]),
        draft_refusal_accuracy=mean([float(r.refused and not r.withheld) for r in unanswerable]),
        draft_false_refusal_rate=mean([float(r.refused and not r.withheld) for r in answerable]),
        gate_refusal_accuracy=mean([float(r.refused_before_model) for r in unanswerable]),
        gate_false_refusal_rate=mean([float(r.refused_before_model) for r in answerable]),
        exact_match=mean([r.exact_match for r in answerable]),
        f1=mean([r.f1 for r in answerable]),
        contains_answer=mean([float(r.contains) for r in answerable]),
        citation_accuracy=mean([float(bool(r.citation_correct)) for r in cited]),
        refusal_accuracy=mean([float(r.refused) for r in unanswerable]),
        false_refusal_rate=mean([float(r.refused) for r in answerable]),
        questions=len(results),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        latency_ms={
            "first_token_p50": _percentile(first, 50),
            "first_token_p95": _percentile(first, 95),
            "total_p50": _percentile(total, 50),
            "total_p95": _percentile(total, 95),
        },
        ingest_seconds=round(ingest_seconds, 2),
        model=model,
        results=results,
    )
