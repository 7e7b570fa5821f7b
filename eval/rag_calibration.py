"""Fit the judge's calibration (retrieval.judge) on one ``eval rag`` run, choose its threshold there, and
replay it on another run.

Both runs are made with ``PRIVRAG_RETRIEVAL__JUDGE_THRESHOLD=0`` (every grounded draft is kept, and every
feature the judge had is recorded per result). A draft's label is 1 when its question is answerable and the
kept answer cites the gold passage. The fit: L2-regularized logistic regression on standardized features
(Newton's method, numpy), returned on the raw features' scale. The threshold: the lowest share of answerable
questions refused with refusal and citation accuracy both at least ``target`` (else the largest refusal
accuracy minus answerable refused). Replaying a threshold: a draft below it becomes a refusal (no citation,
F1 and EM 0), as the product would show it.

    python -m eval.rag_calibration --dev DEV/report.json [--score SCORE/report.json] [--mode draft] [--offset]

``--offset`` (``fit_offset``): session 8's ``draft`` weights kept as one scaled term, plus the answer-place
features (retrieval.judge_sentences); how today's ``draft`` calibration was fitted.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.judge import PLACE_FEATURES, TOKEN_FEATURES, Calibration, confidence
from retrieval.judge_fitted import SESSION_8_DRAFT

MODE_FEATURES = {
    "draft": (*TOKEN_FEATURES, "support", "coverage", "dense", "agree"),
    "question": ("judge", *TOKEN_FEATURES, "support", "coverage", "dense", "agree"),
    "p_yes": ("judge",),
}


@dataclass(frozen=True)
class Outcome:
    """An ``eval rag`` run's figures with the judge at one threshold."""

    threshold: float
    refusal_accuracy: float | None  # None: no unanswerable question
    answerable_refused: float | None
    citation_accuracy: float | None  # None: no answer kept with a citation
    f1: float
    exact_match: float
    answerable: int
    unanswerable: int


def load_results(path: Path) -> list[dict]:
    """The per-question results of a ``report.json`` (``results``) or of a JSONL file of results."""
    try:
        text = path.read_text()
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        results = json.loads(text)["results"]
    except (OSError, ValueError, KeyError) as exc:
        raise ValueError(
            f"{path}: not an eval rag report.json with results, nor a JSONL of results ({exc})"
        ) from exc
    return list(results)


def judged(results: Sequence[dict], names: Sequence[str]) -> list[dict]:
    """The results whose draft reached the judge with every feature in ``names``."""
    return [r for r in results if r.get("features") and all(n in r["features"] for n in names)]


def label(result: dict) -> int:
    """1: an answerable question whose kept draft cites its gold passage."""
    return int(bool(result["answerable"] and result.get("citation_correct")))


def _newton(
    z: np.ndarray,
    y: np.ndarray,
    penalty: np.ndarray,
    w: np.ndarray,
    iterations: int,
    tolerance: float,
    clip: float | None = None,
) -> np.ndarray:
    """L2-penalized logistic regression of ``y`` on ``z`` by Newton's method from ``w`` (``clip``: bound on
    the logits before the sigmoid)."""
    w = w.copy()
    for _ in range(iterations):
        logits = z @ w if clip is None else np.clip(z @ w, -clip, clip)
        p = 1 / (1 + np.exp(-logits))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = z.T @ (z * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < tolerance:
            break
    return w


def fit(results: Sequence[dict], names: Sequence[str], l2: float = 1.0) -> Calibration:
    """Logistic weights of ``names`` for the judged ``results`` (threshold 0.5 until chosen)."""
    rows = judged(results, names)
    if not rows:
        raise ValueError("no judged drafts with these features: run eval rag with judge_threshold 0")
    x = np.array([[r["features"][n] for n in names] for r in rows], dtype=np.float64)
    y = np.array([label(r) for r in rows], dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(rows), 1)), (x - mean) / scale])
    penalty = np.diag([0.0] + [l2] * len(names))
    w = _newton(z, y, penalty, np.zeros(z.shape[1]), iterations=50, tolerance=1e-8)
    weights = {n: round(float(w[i + 1] / scale[i]), 4) for i, n in enumerate(names)}
    bias = float(w[0] - sum(w[i + 1] * mean[i] / scale[i] for i in range(len(names))))
    return Calibration(bias=round(bias, 4), weights=weights, threshold=0.5)


def fit_offset(
    results: Sequence[dict], base: Calibration, names: Sequence[str], l2: float = 1.0
) -> Calibration:
    """``base``'s combination kept as one term (its logit scaled) plus weights for ``names``: four numbers
    or so fitted instead of every weight, so a few dozen wrong drafts can add evidence to a combination
    fitted elsewhere without refitting it (L2 on the new weights only; threshold 0.5 until chosen)."""
    used = [n for n, w in base.weights.items() if w]
    rows = judged(results, [*used, *names])
    if not rows:
        raise ValueError("no judged drafts with these features: run eval rag with judge_threshold 0")

    def logit(f: dict) -> float:
        return base.bias + sum(w * f[n] for n, w in base.weights.items() if w)

    x = np.array([[logit(r["features"]), *(r["features"][n] for n in names)] for r in rows])
    y = np.array([label(r) for r in rows], dtype=np.float64)
    z = np.hstack([np.ones((len(rows), 1)), x])
    start = np.zeros(z.shape[1])
    start[1] = 1.0  # the base combination as it is
    penalty = np.diag([0.0, 0.0] + [l2] * len(names))
    w = _newton(z, y, penalty, start, iterations=100, tolerance=1e-9, clip=50.0)
    weights = {n: round(float(w[1] * v), 4) for n, v in base.weights.items()}
    weights.update({n: round(float(weights.get(n, 0.0) + w[2 + i]), 4) for i, n in enumerate(names)})
    return Calibration(bias=round(float(w[0] + w[1] * base.bias), 4), weights=weights, threshold=0.5)


def replay(results: Sequence[dict], calibration: Calibration) -> Outcome:
    """The run's figures had the judge withheld every draft below ``calibration``'s threshold."""
    answerable = unanswerable = refused_answerable = refused_unanswerable = 0
    cited = correct = 0
    f1 = em = 0.0
    for r in results:
        refused = bool(r["refused"])
        if not refused and r.get("features"):
            sure = confidence(r["features"], calibration)
            refused = sure is not None and sure < calibration.threshold
        if r["answerable"]:
            answerable += 1
            refused_answerable += refused
            if not refused:
                f1, em = f1 + r["f1"], em + r["exact_match"]
                if r.get("citation_correct") is not None:
                    cited, correct = cited + 1, correct + bool(r["citation_correct"])
        else:
            unanswerable += 1
            refused_unanswerable += refused

    def share(part: float, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return Outcome(
        threshold=calibration.threshold,
        refusal_accuracy=share(refused_unanswerable, unanswerable),
        answerable_refused=share(refused_answerable, answerable),
        citation_accuracy=share(correct, cited),
        f1=share(f1, answerable) or 0.0,
        exact_match=share(em, answerable) or 0.0,
        answerable=answerable,
        unanswerable=unanswerable,
    )


def choose_threshold(results: Sequence[dict], calibration: Calibration, target: float = 0.9) -> Calibration:
    """``calibration`` with the threshold chosen on ``results`` (see the module's doc); an error when they
    hold no unanswerable question (the refusal target cannot be checked) or no wrong draft was judged."""
    if not any(not r["answerable"] for r in results):
        raise ValueError("no unanswerable question in the dev results: the refusal target cannot be checked")
    if all(label(r) for r in judged(results, [n for n, w in calibration.weights.items() if w])):
        raise ValueError("every judged dev draft is right: nothing to choose a threshold against")
    rows = judged(results, [n for n, w in calibration.weights.items() if w])
    candidates = sorted(
        {0.0, *(c for r in rows if (c := confidence(r["features"], calibration)) is not None)}
    )
    best: tuple[tuple[float, ...], Calibration] | None = None
    for t in candidates:
        trial = Calibration(calibration.bias, calibration.weights, threshold=t)
        o = replay(results, trial)
        refusal, refused, cited = o.refusal_accuracy or 0.0, o.answerable_refused or 0.0, o.citation_accuracy
        meets = refusal >= target and (cited is None or cited >= target)
        # met first, then fewest answerable refused (or the best trade-off), then the lower threshold
        key = (float(meets), -refused if meets else refusal - refused)
        if best is None or key > best[0]:
            best = (key, trial)
    assert best is not None  # candidates always holds 0.0
    return best[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.rag_calibration", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--dev", required=True, type=Path, help="report.json (or results JSONL) to fit on")
    parser.add_argument("--score", type=Path, help="report.json (or results JSONL) to replay on")
    parser.add_argument("--mode", choices=sorted(MODE_FEATURES), default="draft")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--offset",
        action="store_true",
        help="draft mode: keep session 8's weights as one term, fit its scale and the answer-place features",
    )
    parser.add_argument("--target", type=float, default=0.9)
    args = parser.parse_args(argv)
    try:
        dev = load_results(args.dev)
        score = load_results(args.score) if args.score else []
        names = MODE_FEATURES[args.mode]
        if args.offset:
            names = (*MODE_FEATURES["draft"], *PLACE_FEATURES)
            fitted = fit_offset(dev, SESSION_8_DRAFT, PLACE_FEATURES, args.l2)
        elif args.mode == "p_yes":
            fitted = Calibration(weights={"judge": 1.0})
        else:
            fitted = fit(dev, names, args.l2)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out: dict = {"mode": args.mode, "drafts_judged_dev": len(judged(dev, names))}
    try:
        chosen = choose_threshold(dev, fitted, args.target)
    except ValueError as exc:  # the weights are reported, no threshold is chosen
        chosen = fitted
        out["threshold_not_chosen"] = str(exc)
    out.update(
        calibration={"bias": chosen.bias, "weights": dict(chosen.weights), "threshold": chosen.threshold},
        dev=replay(dev, chosen).__dict__,
        dev_without_judge=replay(dev, Calibration(weights={}, threshold=-math.inf)).__dict__,
    )
    if judged(dev, ["judge"]):  # the earlier judge (P(yes) at 0.5) on the same drafts
        out["dev_p_yes_0.5"] = replay(dev, Calibration()).__dict__
    if score:
        out["score"] = replay(score, chosen).__dict__
        out["score_without_judge"] = replay(score, Calibration(weights={}, threshold=-math.inf)).__dict__
        if args.mode != "p_yes" and judged(score, ["judge"]):  # the earlier judge on the same drafts
            out["score_p_yes_0.5"] = replay(score, Calibration()).__dict__
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
