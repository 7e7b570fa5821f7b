"""The privrag web UI (Streamlit). A client of the service's HTTP API; it never opens the store itself."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time

import streamlit as st

# Streamlit runs this file as a script: make the project importable when started by path.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.client import ServiceClient, ServiceError  # noqa: E402


def _service_url() -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("--service", default=os.environ.get("PRIVRAG_SERVICE_URL", "http://127.0.0.1:8000"))
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.service


def client() -> ServiceClient:
    if "client" not in st.session_state:
        st.session_state.client = ServiceClient(_service_url())
    return st.session_state.client


def show_error(exc: Exception) -> None:
    if isinstance(exc, ServiceError):
        st.error(f"The service refused: {exc}")
    else:
        st.error("The service cannot be reached right now. Is `privrag serve` running?")


def login_page() -> None:
    st.title("privrag")
    st.caption("Private answers from your company's documents.")
    with st.form("login"):
        username = st.text_input("User name")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Log in")
    if submitted:
        try:
            result = client().login(username, password)
        except Exception as exc:
            show_error(exc)
            return
        st.session_state.user = result["user"]
        st.rerun()


def chat_page() -> None:
    user = st.session_state.user
    st.title("Chat")
    reveal = False
    if "reveal" in user["permissions"]:
        reveal = st.toggle(
            "Reveal real values", help="Replaces pseudonyms by real values; every reveal is audited."
        )
    history = st.session_state.setdefault("history", [])
    for turn in history:
        with st.chat_message(turn["role"]):
            st.markdown(turn["content"])
            _citations(turn.get("citations", []))
    question = st.chat_input("Ask a question about your documents")
    if not question:
        return
    history.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        final: dict = {}

        def tokens():  # type: ignore[no-untyped-def]
            for event in client().ask_stream(question, reveal=reveal):
                if event["type"] == "token":
                    yield event["text"]
                elif event["type"] == "done":
                    final.update(event["answer"])

        try:
            st.write_stream(tokens())
        except Exception as exc:
            show_error(exc)
            return
        if final.get("revealed"):
            st.markdown("**Revealed:** " + final["answer"])
        _citations(final.get("citations", []))
    history.append(
        {"role": "assistant", "content": final.get("answer", ""), "citations": final.get("citations", [])}
    )


def _citations(citations: list[dict]) -> None:
    for c in citations:
        where = os.path.basename(c["source"]) + (f", page {c['page']}" if c.get("page") else "")
        with st.expander(f"[{c['n']}] {where}"):
            st.text(c["text"])


def admin_page() -> None:
    st.title("Admin")
    st.subheader("Ingest a server-side folder")
    with st.form("ingest"):
        folder = st.text_input("Folder or file on the server")
        groups = st.text_input("Access groups (comma-separated, empty = everyone)")
        go = st.form_submit_button("Ingest")
    if go and folder:
        try:
            job = client().ingest([folder], [g.strip() for g in groups.split(",") if g.strip()])
            with st.status(f"Job {job['id']}", expanded=True) as status:
                while job["status"] not in ("done", "failed"):
                    time.sleep(0.5)
                    job = client().job(job["id"])
                    status.update(label=f"Job {job['id']}: {job['files_done']}/{job['files_total']} files")
                if job["status"] == "failed":
                    status.update(label=f"Job {job['id']} failed", state="error")
                    st.error(job["error"])
                else:
                    report = job["report"]
                    status.update(
                        label=f"Job {job['id']} done: {report['ingested']} ingested", state="complete"
                    )
                    for failure in report["failed"]:
                        st.warning(f"{failure['path']}: {failure['error']}")
        except Exception as exc:
            show_error(exc)
    st.subheader("Documents")
    try:
        docs = client().documents()
    except Exception as exc:
        show_error(exc)
        return
    st.dataframe(
        [
            {
                "document": os.path.basename(d["source"]),
                "chunks": d["chunks"],
                "groups": ", ".join(d["groups"]),
                "status": d["status"],
                "doc_id": d["doc_id"],
            }
            for d in docs
        ],
        use_container_width=True,
    )


def main() -> None:
    st.set_page_config(page_title="privrag", page_icon="🔒")
    if "user" not in st.session_state:
        login_page()
        return
    user = st.session_state.user
    pages = ["Chat"] + (["Admin"] if "ingest" in user["permissions"] else [])
    with st.sidebar:
        st.write(f"Signed in as **{user['name']}** ({user['role']})")
        page = st.radio("Page", pages)
        if st.button("Log out"):
            with contextlib.suppress(Exception):  # the session ends locally either way
                client().logout()
            st.session_state.clear()
            st.rerun()
    if page == "Admin":
        admin_page()
    else:
        chat_page()


main()
