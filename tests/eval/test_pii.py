"""PII benchmark scoring on a tiny hand-made dataset (expected numbers worked out by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import pii, pii_clear, pii_report

SAMPLES = [
    {
        "full_text": "Jane Doe lives in Paris.",
        "spans": [
            {"entity_type": "PERSON", "entity_value": "Jane Doe", "start_position": 0, "end_position": 8},
            {"entity_type": "GPE", "entity_value": "Paris", "start_position": 18, "end_position": 23},
        ],
    },
    {
        "full_text": "Call 555-123-4567 now.",
        "spans": [
            {
                "entity_type": "PHONE_NUMBER",
                "entity_value": "555-123-4567",
                "start_position": 5,
                "end_position": 17,
            }
        ],
    },
    {
        "full_text": "Acme Corp hired Bob.",
        "spans": [
            {
                "entity_type": "ORGANIZATION",
                "entity_value": "Acme Corp",
                "start_position": 0,
                "end_position": 9,
            },
            {"entity_type": "PERSON", "entity_value": "Bob", "start_position": 16, "end_position": 19},
        ],
    },
    {
        "full_text": "He is German and 42 years old, account 12345678.",
        "spans": [
            {"entity_type": "NRP", "entity_value": "German", "start_position": 6, "end_position": 12},
            {"entity_type": "AGE", "entity_value": "42", "start_position": 17, "end_position": 19},
        ],
    },
]
PREDICTIONS = [
    [pii.Span(0, 8, "PERSON"), pii.Span(18, 23, "LOCATION")],  # both right (GPE and LOCATION are one class)
    [],  # the phone number is missed
    [pii.Span(0, 9, "PERSON"), pii.Span(16, 19, "PERSON")],  # "Acme Corp" as a person: FN + FP
    [pii.Span(6, 12, "NORP"), pii.Span(39, 47, "US_BANK_NUMBER")],  # NORP is NRP; no bank label: unscored
]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(SAMPLES))
    return path


def test_load_dataset_and_limit(dataset: Path) -> None:
    samples = pii.load_dataset(dataset)
    assert len(samples) == 4 and samples[0].spans[1] == pii.Span(18, 23, "GPE")
    assert len(pii.load_dataset(dataset, limit=2)) == 2


def test_malformed_dataset_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"spans": []}]))
    with pytest.raises(ValueError, match="sample 0"):
        pii.load_dataset(path)


def test_type_mapping() -> None:
    labels = {"LOCATION", "PERSON", "NRP", "DOMAIN_NAME"}
    assert {pii.gold_label(t) for t in ("GPE", "LOCATION", "STREET_ADDRESS", "ADDRESS")} == {"LOCATION"}
    assert pii.gold_label("PREFIX") == "TITLE" and pii.gold_label("NORP") == "NRP"
    assert pii.prediction_label("STREET_ADDRESS", labels) == "LOCATION"
    assert pii.prediction_label("NORP", labels) == "NRP"
    assert pii.prediction_label("URL", labels) == "DOMAIN_NAME"
    assert pii.prediction_label("ZIP_CODE", labels) == "LOCATION"  # no ZIP label: part of the address
    assert pii.prediction_label("ZIP_CODE", labels | {"ZIP_CODE"}) == "ZIP_CODE"
    assert pii.prediction_label("US_BANK_NUMBER", labels) is None


def test_scores_per_type_and_overall(dataset: Path) -> None:
    scored = pii.score(pii.load_dataset(dataset), PREDICTIONS)
    per = scored.per_entity
    assert (per["PERSON"].true_positives, per["PERSON"].predicted, per["PERSON"].support) == (2, 3, 2)
    assert per["PERSON"].precision == pytest.approx(0.6667, abs=1e-4) and per["PERSON"].recall == 1.0
    assert (per["LOCATION"].precision, per["LOCATION"].recall) == (1.0, 1.0)
    assert (per["PHONE_NUMBER"].recall, per["PHONE_NUMBER"].predicted) == (0.0, 0)
    assert (per["ORGANIZATION"].recall, per["ORGANIZATION"].support) == (0.0, 1)
    assert per["NRP"].true_positives == 1 and per["AGE"].support == 1
    # overall: PERSON, LOCATION, PHONE_NUMBER, ORGANIZATION; NRP and AGE are left out
    overall = scored.overall
    assert (overall.true_positives, overall.predicted, overall.support) == (3, 4, 5)
    assert (overall.precision, overall.recall) == (0.75, 0.6)
    assert overall.f2 == pytest.approx(0.625)
    assert scored.unscored_predictions == {"US_BANK_NUMBER": 1}


def test_partial_overlap_needs_the_iou_threshold(dataset: Path) -> None:
    samples = pii.load_dataset(dataset, limit=1)
    partial = [[pii.Span(0, 4, "PERSON"), pii.Span(18, 23, "LOCATION")]]  # "Jane" of "Jane Doe": IoU 5/9
    assert pii.score(samples, partial).per_entity["PERSON"].true_positives == 0
    assert pii.score(samples, partial, iou=0.5).per_entity["PERSON"].true_positives == 1


def test_run_with_a_baseline_and_the_report_files(dataset: Path, tmp_path: Path) -> None:
    samples = pii.load_dataset(dataset)

    def perfect(texts: list[str]) -> list[list[pii.Span]]:
        gold = {s.text: [pii.Span(g.start, g.end, g.entity_type) for g in s.spans] for s in samples}
        return [gold[t] for t in texts]

    result = pii.run(samples, perfect, baseline=lambda texts: [[] for _ in texts])
    assert result["overall"]["recall"] == 1.0 and result["overall"]["precision"] == 1.0
    assert result["baseline"]["overall"]["recall"] == 0.0
    assert {"precision", "recall", "f2", "support"} <= set(result["per_entity"]["PERSON"])
    assert result["throughput"]["words"] == sum(len(s.text.split()) for s in samples)
    files = pii_report.write_reports({"dataset": "tiny.json", **result}, tmp_path / "report")
    assert json.loads(Path(files["json"]).read_text())["overall"]["f2"] == 1.0
    assert "| **overall** |" in Path(files["markdown"]).read_text()
    assert Path(files["chart"]).read_bytes().startswith(b"\x89PNG")


def test_left_in_clear_counts_words_no_replaced_span_covers(dataset: Path) -> None:
    samples = pii.load_dataset(dataset)
    predictions = [
        [pii.Span(0, 4, "PERSON"), pii.Span(4, 8, "PERSON")],  # "Jane" + " Doe": covered together
        [pii.Span(5, 17, "LOCATION")],  # the phone number typed as a place: not replaced, in clear
        [pii.Span(10, 19, "PERSON")],  # "red Bob" (title or verb inside the span): Bob covered
        [],
    ]
    clear = pii_clear.left_in_clear(samples, predictions, {"PERSON", "PHONE_NUMBER"})
    assert set(clear) == {"PERSON", "PHONE_NUMBER"}  # ORGANIZATION and GPE are not replaced types
    assert clear["PERSON"] == pii_clear.ClearScore(support=2, covered=2, words=3, words_in_clear=0)
    assert clear["PHONE_NUMBER"] == pii_clear.ClearScore(support=1, covered=0, words=3, words_in_clear=3)
    # the span score still calls "red Bob" a miss: the two measures answer different questions
    assert pii.score(samples, predictions).per_entity["PERSON"].true_positives == 1


def test_left_in_clear_half_a_name(dataset: Path) -> None:
    samples = pii.load_dataset(dataset, limit=1)
    clear = pii_clear.left_in_clear(samples, [[pii.Span(0, 4, "PERSON")]], {"PERSON"})
    assert clear["PERSON"].to_json() == {
        "support": 1,
        "covered": 0,
        "spans_in_clear": 1,
        "covered_rate": 0.0,
        "words": 2,
        "words_in_clear": 1,
    }
    with pytest.raises(ValueError, match="1 samples but 0 prediction lists"):
        pii_clear.left_in_clear(samples, [], {"PERSON"})


def test_run_reports_what_is_left_in_clear(dataset: Path, tmp_path: Path) -> None:
    samples = pii.load_dataset(dataset)

    def names_only(texts: list[str]) -> list[list[pii.Span]]:
        return [[pii.Span(0, 8, "PERSON")] if t.startswith("Jane") else [] for t in texts]

    result = pii.run(
        samples, names_only, baseline=lambda texts: [[] for _ in texts], pseudonymized=["PERSON"]
    )
    assert result["left_in_clear"]["per_entity"]["PERSON"]["covered"] == 1
    assert result["left_in_clear"]["per_entity"]["PERSON"]["spans_in_clear"] == 1  # Bob
    assert result["baseline"]["left_in_clear"]["per_entity"]["PERSON"]["covered"] == 0
    files = pii_report.write_reports({"dataset": "tiny.json", **result}, tmp_path / "report")
    assert "| PERSON | 2 | 0.500 | 1 | 1 of 3 | 0.000 | 2 |" in Path(files["markdown"]).read_text()
    assert "left_in_clear" not in pii.run(samples, names_only)


def test_titles_are_not_counted_as_left_in_clear() -> None:
    text = "Mr. Joshua Okamoto MD and Dr. met."
    sample = pii.Sample(
        text, [pii.Span(0, 21, "PERSON"), pii.Span(26, 29, "PERSON")]
    )  # "Mr. Joshua Okamoto MD" and "Dr." alone
    clear = pii_clear.left_in_clear([sample], [[pii.Span(4, 18, "PERSON")]], {"PERSON"})
    assert clear["PERSON"] == pii_clear.ClearScore(support=1, covered=1, words=2, words_in_clear=0)
