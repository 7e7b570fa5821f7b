"""Evaluate: start the retrieval, PII and answer benchmarks on the server, follow the run, read the reports
with their charts, compare two runs of the same benchmark.

Everything goes through the service: runs are its background jobs (`POST /v1/eval/{kind}`,
`GET /v1/eval/jobs/{id}`), reports come from `GET /v1/eval/reports…`; the page keeps no state of its own.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from app.ui_pages.common import (
    client,
    optional_request,
    render_tabs,
    show_error,
)

ACTIVE = ("queued", "running")
MODES = ["dense", "sparse", "hybrid"]
MAX_REASON_CHARS = 400


@dataclass(frozen=True)
class Benchmark:
    title: str
    layout: str
    default_dataset: str  # relative to where the UI runs (the repository when started by `privrag up`)
    default_limit: int
    limit_label: str


BENCHMARKS = {
    "retrieval": Benchmark(
        "Retrieval (nDCG@10, recall, MRR)",
        "BEIR folder (corpus.jsonl, queries.jsonl, qrels/) or XQuAD folder",
        "../shared/data/scifact",
        50,
        "Queries (0 = all judged queries)",
    ),
    "pii": Benchmark(
        "PII detection (precision, recall, F2)",
        "presidio-research JSON file (full_text, spans)",
        "../shared/data/pii/presidio_evaluator_generated_3000.json",
        200,
        "Samples (0 = all)",
    ),
    "rag": Benchmark(
        "Answers (exact match, F1, citations, refusals)",
        "XQuAD folder (passages.jsonl, questions_dev.jsonl)",
        "../shared/data/xquad",
        20,
        "Questions (0 = all)",
    ),
}


def default_dataset(kind: str) -> str:
    """The usual dataset for ``kind`` as an absolute path."""
    return str(Path(BENCHMARKS[kind].default_dataset).expanduser().resolve())


# --- one report ----------------------------------------------------------------------------------


def show_result(result: dict, metrics: dict[str, float]) -> None:
    """Headline numbers as metrics, nested numbers (as the service flattened them) as a table, the JSON."""
    headline = {k: v for k, v in result.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    if headline:
        columns = st.columns(min(4, len(headline)))
        for i, (key, value) in enumerate(headline.items()):
            columns[i % len(columns)].metric(key, f"{value:.3f}" if isinstance(value, float) else value)
    nested = {k: v for k, v in metrics.items() if "." in k}
    if nested:
        st.dataframe([{"metric": k, "value": v} for k, v in nested.items()], hide_index=True)
    with st.expander("Full result (JSON)"):
        st.json(result)


def _markdown_without_images(text: str) -> str:
    return re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)


def show_report(kind: str, run: str) -> None:
    report = optional_request("GET", f"/v1/eval/reports/{kind}/{run}", "read the report")
    if not isinstance(report, dict):
        return
    if report.get("markdown"):
        st.markdown(_markdown_without_images(report["markdown"]))
    for name in report.get("charts", []):
        try:
            st.image(client().report_chart(kind, run, name), caption=name)
        except Exception as exc:  # a missing chart is a message, the rest of the report still shows
            show_error(exc, f"load the chart {name}")
    show_result(report.get("report") or {}, report.get("metrics") or {})


# --- running a benchmark ---------------------------------------------------------------------------


def job_line(job: dict) -> str:
    started = job.get("started_at") or job.get("created_at") or time.time()
    elapsed = (job.get("finished_at") or time.time()) - started
    text = f"{job['kind']} run {job['id']} · {job['status']}"
    if job.get("total"):
        text += f" · {job['done']}/{job['total']}"
    if job.get("stage"):
        text += f" · {job['stage']}"
    return text + f" · {elapsed:.0f} s"


def _show_active(job: dict) -> None:
    total = job.get("total") or 0
    st.progress(job.get("done", 0) / total if total else 0.0, text=job_line(job))
    st.caption(f"Started by {job['user']} on `{job['dataset']}`. The report appears here when it ends.")


def _show_finished(job: dict) -> None:
    if job["status"] == "failed":
        reason = " ".join((job.get("error") or "no reason given").split())[:MAX_REASON_CHARS]
        st.error(f"The {job['kind']} run {job['id']} failed: {reason}", icon=":material/error:")
        return
    st.success(
        f"The {job['kind']} run finished: report **{job['run']}** (also listed under Reports).",
        icon=":material/check_circle:",
    )
    show_report(job["kind"], job["run"])


@st.fragment(run_every=1.0)
def _live_job(job_id: str) -> None:
    """Polls the job every second; when it ends the whole page reruns and shows the report."""
    job = optional_request("GET", f"/v1/eval/jobs/{job_id}", "follow the benchmark run")
    if not isinstance(job, dict):
        return
    if job["status"] in ACTIVE:
        _show_active(job)
    else:
        st.rerun()


def _jobs() -> list[dict] | None:
    jobs = optional_request("GET", "/v1/eval/jobs", "list the benchmark runs")
    return jobs if isinstance(jobs, list) else None


def _options_form(kind: str) -> dict | None:
    """The run's form; the request body once submitted and valid."""
    bench = BENCHMARKS[kind]
    with st.form(f"eval_run_{kind}"):
        dataset = st.text_input(
            "Dataset on the server",
            value=default_dataset(kind),
            key=f"eval_dataset_{kind}",
            help=bench.layout,
        )
        limit = st.number_input(
            bench.limit_label, min_value=0, max_value=100_000, value=bench.default_limit, step=10
        )
        body: dict = {}
        if kind == "retrieval":
            left, right = st.columns(2)
            body["corpus_limit"] = int(
                left.number_input(
                    "Documents (0 = the whole corpus)",
                    min_value=0,
                    max_value=1_000_000,
                    value=1000,
                    step=100,
                    help="The first N documents plus every judged one are ingested into a temporary index.",
                )
            )
            body["split"] = right.text_input("Split (BEIR qrels)", value="train", max_chars=32)
            body["modes"] = st.multiselect("Modes", MODES, default=MODES)
            body["no_anonymize"] = not st.checkbox("Pseudonymize documents and questions", value=True)
        if kind in ("retrieval", "pii"):
            label = "Also score stock Presidio" if kind == "pii" else "Also score the plain-fusion baseline"
            body["baseline"] = st.checkbox(label, value=True)
        submitted = st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")
    if not submitted:
        return None
    if not dataset.strip():
        st.warning("Enter the dataset's path on the server.")
        return None
    if kind == "retrieval" and not body["modes"]:
        st.warning("Choose at least one retrieval mode.")
        return None
    return {"dataset": dataset.strip(), "limit": int(limit), **body}


def run_section() -> None:
    jobs = _jobs()
    if jobs is None:
        return
    active = next((j for j in jobs if j["status"] in ACTIVE), None)
    if active is not None:  # one run at a time on the server, whoever started it
        _live_job(active["id"])
        return
    mine = next((j for j in jobs if j["id"] == st.session_state.get("eval_job")), None)
    if mine is not None:
        _show_finished(mine)
        st.divider()
    kind = st.radio(
        "Benchmark",
        list(BENCHMARKS),
        format_func=lambda k: BENCHMARKS[k].title,
        key="eval_kind",
        horizontal=True,
    )
    body = _options_form(kind)
    if body is None:
        return
    job = optional_request("POST", f"/v1/eval/{kind}", f"start the {kind} benchmark", json=body)
    if isinstance(job, dict):
        st.session_state.eval_job = job["id"]
        st.rerun()


# --- reports and comparisons -----------------------------------------------------------------------


def _runs() -> list[dict] | None:
    runs = optional_request("GET", "/v1/eval/reports", "list the reports")
    return runs if isinstance(runs, list) else None


def _label(run: dict) -> str:
    return f"{run['kind']} · {run['run']}"


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
    show_report(runs[index]["kind"], runs[index]["run"])


def comparison_rows(a: dict[str, float], b: dict[str, float]) -> list[dict]:
    """Every metric of either run side by side; the delta where both have it."""
    names = [k for k in a if k in b] + [k for k in b if k not in a] + [k for k in a if k not in b]
    rows = []
    for name in dict.fromkeys(names):
        va, vb = a.get(name), b.get(name)
        rows.append(
            {"metric": name, "A": va, "B": vb, "B − A": None if va is None or vb is None else vb - va}
        )
    return rows


def compare_section() -> None:
    runs = _runs()
    if runs is None:
        return
    by_kind: dict[str, list[dict]] = {}
    for run in runs:
        by_kind.setdefault(run["kind"], []).append(run)
    kinds = [k for k, listed in by_kind.items() if len(listed) >= 2]
    if not kinds:
        st.info("Comparing needs two reports of the same benchmark.")
        return
    kind = st.selectbox("Benchmark", kinds, key="cmp_kind")
    same = by_kind[kind]  # newest first
    left, right = st.columns(2)
    a = left.selectbox(
        "Run A", range(len(same)), format_func=lambda i: same[i]["run"], index=1, key=f"cmp_a_{kind}"
    )
    b = right.selectbox(
        "Run B", range(len(same)), format_func=lambda i: same[i]["run"], index=0, key=f"cmp_b_{kind}"
    )
    rows = comparison_rows(same[a]["metrics"], same[b]["metrics"])
    if not rows:
        st.info("These runs have no numbers to compare.")
        return
    st.dataframe(rows, hide_index=True, key="compare_table")
    st.download_button(
        "Download the comparison (JSON)",
        json.dumps({"A": _label(same[a]), "B": _label(same[b]), "rows": rows}, indent=2),
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
