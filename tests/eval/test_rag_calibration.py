"""Fitting the judge's calibration on one eval rag run and replaying it on another (no model needed)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from eval.rag_calibration import choose_threshold, fit, fit_offset, judged, label, load_results, main, replay
from retrieval.judge import Calibration, confidence


def result(
    answerable: bool, correct: bool | None, start: float, support: float, refused: bool = False
) -> dict:
    """An eval rag result as report.json keeps it (features: what the judge had)."""
    features = {} if refused else {"start": start, "support": support, "coverage": 0.5}
    return {
        "answerable": answerable,
        "refused": refused,
        "citation_correct": correct if answerable and not refused else None,
        "f1": 0.6 if answerable and correct else 0.0,
        "exact_match": 1.0 if answerable and correct else 0.0,
        "features": features,
    }


def run(seed: int, n: int = 200) -> list[dict]:
    """Drafts whose 'start' separates right from wrong answers (noisily), 'support' carries nothing."""
    rng = random.Random(seed)
    results = []
    for i in range(n):
        answerable = i % 5 != 0
        correct = answerable and rng.random() < 0.85
        start = rng.gauss(2.0 if correct else -1.0, 1.0)
        results.append(result(answerable, correct, start, rng.random(), refused=i % 17 == 0))
    return results


def test_labels_and_what_reached_the_judge() -> None:
    assert label(result(True, True, 1.0, 1.0)) == 1
    assert label(result(True, False, 1.0, 1.0)) == 0 and label(result(False, None, 1.0, 1.0)) == 0
    rows = run(1)
    assert all(not r["refused"] for r in judged(rows, ["start"]))
    assert judged(rows, ["judge"]) == []  # no second call was recorded


def test_fit_weighs_the_feature_that_separates_and_not_the_noise() -> None:
    fitted = fit(run(1), ["start", "support"], l2=1.0)
    assert fitted.weights["start"] > 1.0 > abs(fitted.weights["support"])
    # On the raw scale: the confidence rises with 'start' through 0.5 between the two groups' means.
    low = confidence({"start": -1.0, "support": 0.5}, fitted)
    high = confidence({"start": 2.0, "support": 0.5}, fitted)
    assert low is not None and high is not None and low < 0.5 < high
    with pytest.raises(ValueError, match="judge_threshold 0"):
        fit([result(True, True, 0.0, 0.0, refused=True)], ["start"])


def test_fit_offset_keeps_the_base_combination_and_weighs_the_new_evidence() -> None:
    """A base fitted elsewhere on 'start' kept as one term: the fit scales it and weighs a new feature by
    what it adds ('support' here carries the answer where 'start' is silent), never dropping the base."""
    rng = random.Random(3)
    rows = []
    for i in range(300):
        answerable = i % 4 != 0
        correct = answerable and rng.random() < 0.8
        row = result(answerable, correct, rng.gauss(1.0 if correct else 0.0, 1.0), 0.0)
        row["features"]["support"] = rng.gauss(2.0 if correct else -1.0, 1.0)  # the new evidence
        rows.append(row)
    base = Calibration(bias=-1.0, weights={"start": 2.0}, threshold=0.5)
    fitted = fit_offset(rows, base, ["support"])
    assert set(fitted.weights) == {"start", "support"} and fitted.weights["support"] > 0.5
    assert fitted.weights["start"] > 0  # the base's direction is kept, only scaled
    right = confidence({"start": 0.5, "support": 2.0}, fitted)
    wrong = confidence({"start": 0.5, "support": -1.0}, fitted)
    assert right is not None and wrong is not None and wrong < 0.5 < right
    assert fit_offset(rows, base, []).weights["start"] > 0  # no new feature: the base rescaled
    with pytest.raises(ValueError, match="judge_threshold 0"):
        fit_offset([result(True, True, 0.0, 0.0, refused=True)], base, ["support"])


def test_replay_turns_drafts_below_the_threshold_into_refusals() -> None:
    rows = [result(True, True, 2.0, 1.0), result(True, False, -1.0, 1.0), result(False, None, -2.0, 1.0)]
    keep_all = replay(rows, Calibration(weights={"start": 1.0}, threshold=0.0))
    assert (keep_all.refusal_accuracy, keep_all.answerable_refused, keep_all.citation_accuracy) == (
        0.0,
        0.0,
        0.5,
    )
    assert keep_all.f1 == pytest.approx(0.3)
    strict = replay(rows, Calibration(weights={"start": 1.0}, threshold=0.5))  # keeps start > 0 only
    assert (strict.refusal_accuracy, strict.answerable_refused, strict.citation_accuracy) == (1.0, 0.5, 1.0)
    assert strict.f1 == pytest.approx(0.3) and strict.exact_match == 0.5


def test_threshold_chosen_on_dev_meets_the_targets_and_holds_on_another_seed() -> None:
    fitted = fit(run(1), ["start", "support"])
    chosen = choose_threshold(run(1), fitted, target=0.9)
    dev = replay(run(1), chosen)
    assert dev.refusal_accuracy >= 0.9 and dev.citation_accuracy >= 0.9
    without = replay(run(1), Calibration(weights={}, threshold=0.0))
    assert without.refusal_accuracy < 0.9  # the judge, not the data, meets the target
    score = replay(run(2), chosen)  # fitted on one seed, read on the other
    assert score.refusal_accuracy >= 0.8 and score.answerable_refused < 0.3
    # No unanswerable question, or no wrong draft, on dev: no threshold can be chosen there.
    with pytest.raises(ValueError, match="no unanswerable"):
        choose_threshold([r for r in run(1) if r["answerable"]], fitted)
    with pytest.raises(ValueError, match="every judged dev draft is right"):
        choose_threshold([r for r in run(1) if label(r) or r["refused"]], fitted)


def test_the_command_reads_report_json_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = tmp_path / "report.json"
    dev.write_text(json.dumps({"results": run(1)}))
    score = tmp_path / "score.jsonl"
    score.write_text("\n".join(json.dumps(r) for r in run(2)) + "\n")
    assert load_results(score) == run(2)
    assert main(["--dev", str(dev), "--score", str(score), "--mode", "draft"]) == 2  # fact_logp missing
    rows = run(1)
    for r in rows:
        if r["features"]:
            r["features"].update(fact_logp=-0.2, fact_min=-1.0, dense=0.6, agree=1.0)
    dev.write_text(json.dumps({"results": rows}))
    assert main(["--dev", str(dev), "--score", str(score), "--mode", "draft"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["drafts_judged_dev"] == len(judged(rows, ["start"]))
    assert out["dev"]["refusal_accuracy"] >= 0.9 and set(out["calibration"]["weights"]) >= {
        "start",
        "support",
    }
    for r in rows:  # what the product records now: where the draft's answer sits (judge_sentences)
        if r["features"]:
            r["features"].update(fact_sentence=r["features"]["start"] / 4, answer_sentence=0.5)
    dev.write_text(json.dumps({"results": rows}))
    assert main(["--dev", str(dev), "--mode", "draft", "--offset"]) == 0
    offset = json.loads(capsys.readouterr().out)["calibration"]["weights"]
    assert set(offset) >= {"coverage", "agree", "fact_sentence", "answer_sentence"}
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["--dev", str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err
