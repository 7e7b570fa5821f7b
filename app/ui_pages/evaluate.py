"""Evaluate: run the retrieval, PII and answer benchmarks, read their reports and charts, compare two runs."""

from __future__ import annotations

import json
import re

import streamlit as st

from app.client import ServiceError
from app.ui_pages.common import NOT_AVAILABLE, client, is_missing_endpoint, render_tabs, show_error

BENCHMARKS = {
    "retrieval": (
        "Retrieval (nDCG@10, recall, MRR)",
        "BEIR layout: corpus.jsonl, queries.jsonl, qrels/",
        "scifact",
    ),
    "pii": ("PII detection (precision, recall, F2)", "presidio-research JSON file", "pii/…json"),
    "rag": ("Answers (exact match, F1, citations, refusals)", "XQuAD layout: passages.jsonl", "xquad"),
}
EVAL_TIMEOUT = 6 * 3600


def _call(method: str, path: str, action: str, **kwargs: object) -> object | None:
    try:
        return client().request(method, path, **kwargs)
    except ServiceError as exc:
        if is_missing_endpoint(exc):
            st.info(NOT_AVAILABLE, icon=":material/info:")
        else:
            show_error(exc, action)
    except Exception as exc:  # one clear message
        show_error(exc, action)
    return None


def flatten_numbers(data: object, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten_numbers(value, f"{prefix}{key}."))
    elif isinstance(data, int | float) and not isinstance(data, bool):
        out[prefix.rstrip(".")] = float(data)
    return out


def show_result(result: dict) -> None:
    """Headline numbers as metrics, nested numbers as a table, the rest as JSON."""
    headline = {k: v for k, v in result.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    if headline:
        columns = st.columns(min(4, len(headline)))
        for i, (key, value) in enumerate(headline.items()):
            columns[i % len(columns)].metric(key, f"{value:.3f}" if isinstance(value, float) else value)
    nested = {k: v for k, v in flatten_numbers(result).items() if "." in k}
    if nested:
        st.dataframe([{"metric": k, "value": v} for k, v in nested.items()], hide_index=True)
    with st.expander("Full result (JSON)"):
        st.json(result)


def run_section() -> None:
    kind = st.radio(
        "Benchmark",
        list(BENCHMARKS),
        format_func=lambda k: BENCHMARKS[k][0],
        key="eval_kind",
        horizontal=True,
    )
    _, layout, example = BENCHMARKS[kind]
    with st.form("eval_run"):
        dataset = st.text_input(
            "Dataset on the server", placeholder=f"e.g. /srv/data/{example}", help=f"Expected: {layout}"
        )
        limit = st.number_input("Limit (0 = the whole dataset)", min_value=0, value=50, step=10)
        submitted = st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")
    if not submitted:
        return
    if not dataset.strip():
        st.warning("Enter the dataset's path on the server.")
        return
    body = {"dataset": dataset.strip(), "limit": int(limit) or None}
    with st.spinner(f"Running the {kind} benchmark; large datasets take minutes…"):
        result = _call(
            "POST", f"/v1/eval/{kind}", f"run the {kind} benchmark", json=body, timeout=EVAL_TIMEOUT
        )
    if isinstance(result, dict):
        st.success("Benchmark finished; its report is listed under Reports.", icon=":material/check_circle:")
        show_result(result)


def _runs() -> list[dict] | None:
    runs = _call("GET", "/v1/eval/reports", "list the reports")
    return runs if isinstance(runs, list) else None


def _label(run: dict) -> str:
    return f"{run['kind']} · {run['run']}"


def _markdown_without_images(text: str) -> str:
    return re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)


def reports_section() -> None:
    runs = _runs()
    if runs is None:
        return
    if not runs:
        st.info("No reports yet: run a benchmark first (here or with `privrag eval …`).")
        return
    index = st.selectbox(
        "Report", range(len(runs)), format_func=lambda i: _label(runs[i]), key="report_choice"
    )
    run = runs[index]
    report = _call("GET", f"/v1/eval/reports/{run['kind']}/{run['run']}", "read the report")
    if not isinstance(report, dict):
        return
    if report.get("markdown"):
        st.markdown(_markdown_without_images(report["markdown"]))
    for name in report.get("charts", []):
        try:
            st.image(client().report_chart(run["kind"], run["run"], name), caption=name)
        except Exception as exc:  # a missing chart is a message, the rest of the report still shows
            show_error(exc, f"load the chart {name}")
    show_result(report.get("report") or {})


def compare_section() -> None:
    runs = _runs()
    if runs is None:
        return
    if len(runs) < 2:
        st.info("Comparing needs at least two reports.")
        return
    left, right = st.columns(2)
    a = left.selectbox("Run A", range(len(runs)), format_func=lambda i: _label(runs[i]), index=1, key="cmp_a")
    b = right.selectbox(
        "Run B", range(len(runs)), format_func=lambda i: _label(runs[i]), index=0, key="cmp_b"
    )
    metrics_a, metrics_b = runs[a]["metrics"], runs[b]["metrics"]
    names = [k for k in metrics_a if k in metrics_b] + [k for k in metrics_b if k not in metrics_a]
    if runs[a]["kind"] != runs[b]["kind"]:
        st.warning("These runs are of different benchmarks: only metrics with the same name are comparable.")
    rows = []
    for name in names:
        va, vb = metrics_a.get(name), metrics_b.get(name)
        rows.append(
            {"metric": name, "A": va, "B": vb, "B − A": None if va is None or vb is None else vb - va}
        )
    if not rows:
        st.info("These runs have no numbers in common.")
        return
    st.dataframe(rows, hide_index=True, key="compare_table")
    st.download_button(
        "Download the comparison (JSON)",
        json.dumps({"A": _label(runs[a]), "B": _label(runs[b]), "rows": rows}, indent=2),
        file_name="privrag-comparison.json",
        mime="application/json",
    )


def render() -> None:
    st.title("Evaluate")
    render_tabs(
        {
            "Run a benchmark": (("evaluate",), run_section),
            "Reports": (("evaluate",), reports_section),
            "Compare runs": (("evaluate",), compare_section),
        },
        "evaluate_tab",
    )
