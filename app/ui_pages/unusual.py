"""Admin page, "Unusual activity": reveals, erasures and distinct surrogates revealed per user in the last
hour, with the users over a threshold flagged (the audit holds an ``unusual_activity`` row for each)."""

from __future__ import annotations

import streamlit as st

from app.ui_pages.common import attempt, client


def unusual_section() -> None:
    activity = attempt(client().audit_unusual, action="read the unusual activity")
    if activity is None:
        return
    limits = activity["thresholds"]
    st.caption(
        f"Last hour, per user. Flagged above {limits['reveals']} reveals, {limits['erasures']} erasures or "
        f"{limits['surrogates']} distinct surrogates revealed ([audit] settings; 0 = not checked)."
    )
    users = activity["users"]
    flagged = [u["user"] for u in users if u["flagged"] or u["over"]]
    if flagged:
        st.error(f"Unusual activity: {', '.join(flagged)}. See the audit log's unusual_activity rows.")
    if not users:
        st.info("No reveals or erasures in the last hour.")
        return
    st.dataframe(
        [
            {
                "user": u["user"],
                "reveals": u["reveals"],
                "erasures": u["erasures"],
                "surrogates revealed": u["surrogates"],
                "over": ", ".join(u["over"]),
                "flagged": "yes" if u["flagged"] or u["over"] else "",
            }
            for u in users
        ],
        hide_index=True,
        key="unusual_table",
    )
