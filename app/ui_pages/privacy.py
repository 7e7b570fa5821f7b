"""Privacy and audit: erase a subject, vault statistics, leakage scan, the audit log, answer feedback."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from app.ui_pages.common import (
    attempt,
    can,
    client,
    optional_request,
    render_tabs,
)

ENTITY_TYPES = [
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "US_SSN",
    "US_DRIVER_LICENSE",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
]


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


def stats_section() -> None:
    st.subheader("Vault statistics")
    stats = optional_request("GET", "/v1/privacy/stats", "read the vault statistics")
    if stats is None:
        return
    a, b, c = st.columns(3)
    a.metric("Pseudonymized values", stats.get("entries", 0))
    b.metric("Documents", stats.get("documents", 0))
    c.metric("Chunks", stats.get("chunks", 0))
    per_type = stats.get("per_type") or {}
    if per_type:
        st.bar_chart(
            [{"type": k, "values": v} for k, v in sorted(per_type.items())],
            x="type",
            y="values",
            horizontal=True,
        )
    st.caption(
        "The vault holds each value encrypted (AES-GCM) and looked up by keyed hash; never in plain text."
    )


def erase_section() -> None:
    st.subheader("Erase a data subject")
    st.caption(
        "Removes a person's value from the vault and redacts it in every chunk (right to erasure). "
        "Cannot be undone; the erasure is written to the audit log."
    )
    with st.form("erase", clear_on_submit=True):
        value = st.text_input("Value to erase", placeholder="e.g. Jane Doe or jane.doe@example.com")
        entity = st.selectbox("Type", ENTITY_TYPES, index=None, placeholder="any type")
        sure = st.checkbox("I understand that this cannot be undone")
        submitted = st.form_submit_button("Erase", type="primary", icon=":material/delete_forever:")
    if not submitted:
        return
    if not value.strip():
        st.warning("Enter the value to erase.")
        return
    if not sure:
        st.warning("Tick the confirmation box to erase.")
        return
    body: dict = {"value": value.strip()}
    if entity:
        body["type"] = entity
    result = optional_request("POST", "/v1/erase", "erase the value", json=body)
    if result is not None:
        st.success(
            f"Erased: {result.get('chunks_changed', 0)} chunks changed, "
            f"{result.get('vault_entries_removed', 0)} vault entries removed.",
            icon=":material/check_circle:",
        )


def leakage_section() -> None:
    st.subheader("Leakage scan")
    st.caption(
        "Searches the index and every file of the installation for raw values that should be pseudonymized."
    )
    if not st.button("Run the leakage scan", icon=":material/search:", key="leakage_run"):
        return
    with st.spinner("Scanning the index and the installation's files…"):
        result = optional_request("POST", "/v1/leakage", "run the leakage scan", json={}, timeout=3600)
    if result is None:
        return
    found = result.get("raw_values_found", 0)
    if found:
        st.error(
            f"{found} raw values found; each is named by its surrogate, never its value.",
            icon=":material/report:",
        )
        where = result.get("where", [])
        st.dataframe([w if isinstance(w, dict) else {"where": str(w)} for w in where], hide_index=True)
    else:
        st.success("No raw values found.", icon=":material/verified_user:")


def privacy_section() -> None:
    stats_section()
    if can("erase"):
        erase_section()
    if can("audit"):
        leakage_section()


def audit_section() -> None:
    verify = attempt(client().audit_verify, action="verify the audit log")
    if verify is not None:
        if verify["ok"]:
            st.success(
                f"Audit chain verified: {verify['rows']} rows, none edited, inserted or deleted.",
                icon=":material/verified:",
            )
        else:
            st.error(
                f"Audit chain BROKEN at row {verify['first_bad_row']} (of {verify['rows']}): "
                "a row was edited, inserted or deleted.",
                icon=":material/gpp_bad:",
            )
    limit_col, filter_col = st.columns([1, 3])
    limit = limit_col.number_input(
        "Rows", min_value=10, max_value=1000, value=100, step=50, key="audit_limit"
    )
    needle = filter_col.text_input("Filter by actor or action", key="audit_filter").strip().lower()
    rows = attempt(client().audit_rows, int(limit), action="read the audit log")
    if rows is None:
        return
    table = [
        {
            "#": r["id"],
            "time": _when(r["ts"]),
            "actor": r["actor"],
            "action": r["action"],
            "detail": r["detail"]
            if isinstance(r["detail"], str)
            else json.dumps(r["detail"], sort_keys=True),
        }
        for r in rows
        if not needle or needle in r["actor"].lower() or needle in r["action"].lower()
    ]
    st.dataframe(table, hide_index=True, key="audit_table")


def feedback_section() -> None:
    rows = optional_request("GET", "/v1/feedback", "read the feedback")
    if rows is None:
        return
    if not rows:
        st.caption("No feedback yet.")
        return
    up = sum(1 for r in rows if r["rating"] > 0)
    a, b = st.columns(2)
    a.metric("Thumbs up", up)
    b.metric("Thumbs down", len(rows) - up)
    st.dataframe(
        [
            {
                "time": _when(r["ts"]),
                "user": r["user"],
                "rating": "👍" if r["rating"] > 0 else "👎",
                "question": r["question"],
                "comment": r["comment"],
                "answer": r["answer"],
                "sources": ", ".join(str(s.get("source", "")).rsplit("/", 1)[-1] for s in r["sources"]),
            }
            for r in rows
        ],
        hide_index=True,
    )


def render() -> None:
    st.title("Privacy & audit")
    render_tabs(
        {
            "Privacy": (("erase", "audit"), privacy_section),
            "Audit log": (("audit",), audit_section),
            "Feedback": (("audit",), feedback_section),
        },
        "privacy_tab",
    )
