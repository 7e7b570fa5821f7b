"""IR metrics through ranx (trec_eval's definitions: nDCG with linear gains, as BEIR reports it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

METRICS = ("ndcg@10", "recall@10", "recall@100", "mrr@10")

Ranking = Mapping[str, Sequence[str]]  # query id -> doc ids, best first
Qrels = Mapping[str, Mapping[str, int]]


def ranked_run(rankings: Ranking) -> dict[str, dict[str, float]]:
    """Rank positions as strictly decreasing scores, so ties cannot reorder a ranking."""
    return {q: {d: float(len(docs) - i) for i, d in enumerate(docs)} for q, docs in rankings.items()}


def evaluate(qrels: Qrels, rankings: Ranking, metrics: Sequence[str] = METRICS) -> dict[str, float]:
    """Mean of each metric over the judged queries (a query with no results scores 0)."""
    per_query = evaluate_per_query(qrels, rankings, metrics)
    return {m: float(np.mean(list(v.values()))) if v else 0.0 for m, v in per_query.items()}


def evaluate_per_query(
    qrels: Qrels, rankings: Ranking, metrics: Sequence[str] = METRICS
) -> dict[str, dict[str, float]]:
    """Each metric per judged query: ``{metric: {query id: value}}``."""
    from ranx import Qrels as RanxQrels
    from ranx import Run
    from ranx import evaluate as ranx_evaluate

    judged = {q: {d: int(r) for d, r in rel.items() if r > 0} for q, rel in qrels.items()}
    judged = {q: rel for q, rel in judged.items() if rel}
    if not judged:
        return {m: {} for m in metrics}
    scores = ranked_run({q: rankings.get(q, []) for q in judged})
    # ranx refuses empty rankings: a query without results gets one unjudged doc (it scores 0 anyway).
    run = Run({q: docs or {"\x00none": 0.0} for q, docs in scores.items()})
    ranx_evaluate(RanxQrels(judged), run, list(metrics), return_mean=False, make_comparable=True)
    return {m: {q: float(v) for q, v in run.scores[m].items()} for m in metrics}
