"""Admin: ingest (upload or a server-side folder), jobs with live progress, documents, users and groups."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

import streamlit as st

from app.ui_pages import privacy
from app.ui_pages.common import attempt, can, client, groups_known, render_tabs
from app.ui_pages.unusual import unusual_section

ROLES = ["employee", "evaluator", "privacy_officer", "admin"]
ACTIVE = ("queued", "running")
FORMATS_HELP = (
    "Text, Markdown, HTML, CSV, JSON, e-mail (.eml, .msg), PDF (scans by OCR), Word, Excel, PowerPoint, "
    "OpenDocument, RTF and images (.png, .jpg, .tiff, by OCR). Other files are listed as unsupported."
)
GROUPS_HELP = (
    "Only users in one of these groups see the documents. Empty = everyone (group 'all'). "
    "Type a new name to create a group."
)


def _name(path: str) -> str:
    return PurePath(path).name or path


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def _flash(key: str) -> None:
    message = st.session_state.pop(key, None)
    if message:
        st.success(message, icon=":material/check_circle:")


# --- jobs ----------------------------------------------------------------------------------------


def job_summary(job: dict) -> str:
    total = job.get("files_total") or 0
    text = f"Job {job['id']} · {job['status']} · {job.get('files_done', 0)}/{total or '?'} files"
    return text + f" · {job.get('chunks', 0)} chunks"


def _show_job(job: dict) -> None:
    if job["status"] in ACTIVE:
        total = job.get("files_total") or 0
        current = f" · now: {_name(job['current'])}" if job.get("current") else ""
        st.progress(job["files_done"] / total if total else 0.0, text=job_summary(job) + current)
        return
    if job["status"] == "failed":
        st.error(f"Job {job['id']} failed: {job.get('error') or 'no reason given'}", icon=":material/error:")
        return
    report = job.get("report") or {}
    failed = report.get("failed", [])
    text = (
        f"Job {job['id']} done: {report.get('ingested', 0)} ingested, "
        f"{report.get('unchanged', 0)} unchanged, {len(failed)} failed, "
        f"{report.get('chunks', 0)} chunks in {report.get('seconds', 0):.1f} s"
    )
    (st.warning if failed else st.success)(text, icon=":material/task_alt:")
    for failure in failed:
        st.markdown(f"- `{_name(failure['path'])}`: {failure['error']}")
    skipped = report.get("skipped") or []
    if skipped:
        with st.expander(f"{len(skipped)} files not taken (unsupported, hidden or ignored)"):
            st.dataframe([{"file": s["path"], "reason": s["reason"]} for s in skipped], hide_index=True)


def _jobs_view(jobs: list[dict], limit: int) -> None:
    if not jobs:
        st.caption("No ingestion jobs since the service started.")
    for job in jobs[:limit]:
        _show_job(job)


@st.fragment(run_every=1.0)
def _live_jobs(limit: int) -> None:
    jobs = attempt(client().jobs, action="list the ingestion jobs")
    if jobs is None:
        return
    _jobs_view(jobs, limit)
    if not any(j["status"] in ACTIVE for j in jobs):
        st.rerun()  # the whole page: polling stops and the document table shows the new files


def jobs_section(limit: int = 20) -> None:
    """Jobs, most recent first; while one runs the list refreshes itself every second."""
    jobs = attempt(client().jobs, action="list the ingestion jobs")
    if jobs is None:
        return
    if any(j["status"] in ACTIVE for j in jobs):
        _live_jobs(limit)
    else:
        _jobs_view(jobs, limit)


# --- ingest --------------------------------------------------------------------------------------


def ingest_section() -> None:
    _flash("ingest_flash")
    documents = attempt(client().documents, action="list the documents") or []
    users = attempt(client().users, action="list the users") if can("manage_users") else []
    options = groups_known(users or [], documents)
    upload_col, folder_col = st.columns(2, gap="large")
    with upload_col, st.form("upload", clear_on_submit=True):
        st.markdown("**Upload files**")
        files = st.file_uploader("Documents", accept_multiple_files=True, help=FORMATS_HELP)
        groups = st.multiselect(
            "Access groups", options, key="upload_groups", accept_new_options=True, help=GROUPS_HELP
        )
        if st.form_submit_button("Upload and ingest", type="primary", icon=":material/upload:"):
            if not files:
                st.warning("Choose at least one file to upload.")
            else:
                job = attempt(
                    client().upload,
                    [(f.name, f.getvalue()) for f in files],
                    groups,
                    action="upload the files",
                )
                if job is not None:
                    st.session_state.ingest_flash = (
                        f"Uploaded {', '.join(job.get('uploaded', []))}: ingestion job {job['id']} started."
                    )
                    st.rerun()
    with folder_col, st.form("folder"):
        st.markdown("**Ingest a folder on the server**")
        path = st.text_input("Folder or file path on the server", placeholder="/srv/company-docs")
        groups = st.multiselect(
            "Access groups", options, key="folder_groups", accept_new_options=True, help=GROUPS_HELP
        )
        sync = st.checkbox("Also remove documents whose files are gone (sync)")
        if st.form_submit_button("Ingest", icon=":material/folder_open:"):
            if not path.strip():
                st.warning("Enter a folder or file path on the server.")
            else:
                job = attempt(client().ingest, [path.strip()], groups, sync, action="start the ingestion")
                if job is not None:
                    st.session_state.ingest_flash = f"Ingestion job {job['id']} started for {path.strip()}."
                    st.rerun()
    st.subheader("Recent jobs")
    jobs_section(limit=3)


# --- documents -----------------------------------------------------------------------------------


def _failures(jobs: list[dict]) -> list[dict]:
    rows = []
    for job in jobs:
        for failure in (job.get("report") or {}).get("failed", []):
            rows.append(
                {
                    "file": _name(failure["path"]),
                    "reason": failure["error"],
                    "job": job["id"],
                    "when": _when(job.get("finished_at")),
                }
            )
    return rows


def documents_section() -> None:
    _flash("documents_flash")
    documents = attempt(client().documents, action="list the documents")
    if documents is None:
        return
    if not documents:
        st.info("No documents yet. Ingest some on the Ingest tab.")
    else:
        st.caption(f"{len(documents)} documents, {sum(d['chunks'] for d in documents)} chunks")
        st.dataframe(
            [
                {
                    "document": _name(d["source"]),  # the display name (pseudonymized)
                    "status": d["status"],
                    "chunks": d["chunks"],
                    "groups": ", ".join(d["groups"]),
                    "size": _size(d.get("size_bytes", 0)),
                    "updated": _when(d.get("updated_at")),
                    "path": d.get("path") or d["source"],  # the real path: admins only
                    "id": d["doc_id"],
                }
                for d in documents
            ],
            hide_index=True,
            key="documents_table",
        )
    failures = _failures(attempt(client().jobs, action="list the ingestion jobs") or [])
    if failures:
        st.markdown("**Files that could not be ingested**")
        st.dataframe(failures, hide_index=True)
    if documents and can("delete"):
        _delete_form(documents)


def _delete_form(documents: list[dict]) -> None:
    by_id = {d["doc_id"]: d for d in documents}
    st.markdown("**Delete a document**")
    choice = st.selectbox(
        "Document to delete",
        list(by_id),
        index=None,
        format_func=lambda i: f"{_name(by_id[i]['source'])} ({by_id[i]['chunks']} chunks, {i[:8]})",
        placeholder="Choose a document",
        key="delete_choice",
    )
    if st.button("Delete", disabled=choice is None, icon=":material/delete:", key="delete_ask"):
        st.session_state.pending_delete = choice
    pending = st.session_state.get("pending_delete")
    if pending and pending in by_id:
        doc = by_id[pending]
        st.warning(f"Delete {_name(doc['source'])}? Its {doc['chunks']} chunks leave the index for good.")
        confirm, cancel = st.columns(2)
        if confirm.button("Yes, delete it", type="primary", key="delete_confirm"):
            st.session_state.pop("pending_delete", None)
            result = attempt(client().delete, pending, action="delete the document")
            if result is not None:
                st.session_state.documents_flash = (
                    f"Deleted {_name(result['source'])} ({result['chunks']} chunks removed)."
                )
                st.rerun()
        if cancel.button("Cancel", key="delete_cancel"):
            st.session_state.pop("pending_delete", None)
            st.rerun()


# --- users and groups ----------------------------------------------------------------------------


def users_section() -> None:
    _flash("users_flash")
    users = attempt(client().users, action="list the users")
    if users is None:
        return
    documents = (attempt(client().documents, action="list the documents") or []) if can("ingest") else []
    st.dataframe(
        [{"user": u["name"], "role": u["role"], "groups": ", ".join(u["groups"])} for u in users],
        hide_index=True,
    )
    st.markdown("**Groups**")
    st.caption("A group exists once a user or a document has it. Documents in 'all' are visible to everyone.")
    st.dataframe(
        [
            {
                "group": g,
                "users": ", ".join(u["name"] for u in users if g in u["groups"]),
                "documents": sum(1 for d in documents if g in d["groups"]),
            }
            for g in groups_known(users, documents)
        ],
        hide_index=True,
    )
    with st.form("add_user", clear_on_submit=True):
        st.markdown("**Add a user**")
        name_col, role_col = st.columns(2)
        name = name_col.text_input("User name", help="Letters, digits, '.', '_' or '-'")
        role = role_col.selectbox("Role", ROLES)
        groups = st.multiselect(
            "Groups", groups_known(users, documents), accept_new_options=True, key="new_user_groups"
        )
        password = st.text_input("Initial password", type="password", help="At least 8 characters")
        if st.form_submit_button("Add user", icon=":material/person_add:"):
            created = attempt(client().add_user, name.strip(), role, groups, password, action="add the user")
            if created is not None:
                st.session_state.users_flash = f"Added {created['name']} ({created['role']})."
                st.rerun()
    _change_user_form(users, groups_known(users, documents))
    _tokens_form(users)


def _change_user_form(users: list[dict], known_groups: list[str]) -> None:
    if not users:
        return
    st.markdown("**Change or remove a user**")
    by_name = {u["name"]: u for u in users}
    name = st.selectbox("User", list(by_name), key="change_user_name")
    current = by_name[name]
    with st.form(f"change_user_{name}"):  # one form per user, so the fields start from that user's values
        role = st.selectbox(
            "New role", ROLES, index=ROLES.index(current["role"]) if current["role"] in ROLES else 0
        )
        groups = st.multiselect(
            "New groups",
            sorted(set(known_groups) | set(current["groups"])),
            default=current["groups"],
            accept_new_options=True,
            key="change_user_groups",
        )
        save_col, remove_col = st.columns(2)
        if save_col.form_submit_button("Save changes", icon=":material/save:"):
            changed = attempt(client().change_user, name, role, groups, action="change the user")
            if changed is not None:
                groups_text = ", ".join(changed["groups"]) or "no group"
                st.session_state.users_flash = f"{changed['name']} is now {changed['role']} in {groups_text}."
                st.rerun()
        removing = remove_col.form_submit_button("Remove user", icon=":material/person_remove:")
        if removing and attempt(client().remove_user, name, action="remove the user") is not None:
            st.session_state.users_flash = f"Removed {name}; their tokens are revoked."
            st.rerun()


TOKEN_PERMISSIONS = ["chat", "reveal", "evaluate", "audit", "erase", "ingest", "delete", "manage_users"]


def _tokens_form(users: list[dict]) -> None:
    st.markdown("**API tokens** (for scripts: `Authorization: Bearer <token>`)")
    owner = st.selectbox("Tokens of", [u["name"] for u in users], key="tokens_owner")
    tokens = attempt(client().tokens, owner, action="list the tokens") or []
    if tokens:
        st.dataframe(
            [
                {
                    "id": t["id"],
                    "kind": t["kind"],
                    "created": _when(t["created_at"]),
                    "expires": _when(t.get("expires_at")),
                    "scope": ", ".join(t.get("scope") or []) or "role",
                    "active": t["active"],
                }
                for t in tokens
            ],
            hide_index=True,
        )
    issued = st.session_state.pop("issued_token", None)
    if issued is not None:
        st.success(f"Token {issued['id']} for {issued['user']} (shown only now, copy it):")
        st.code(issued["token"], language=None)
    issue_col, revoke_col = st.columns(2)
    with issue_col.form("issue_token"):
        days = st.number_input("Lifetime (days)", min_value=0.01, max_value=365.0, value=30.0)
        scope = st.multiselect("Scope (empty: every permission of the role)", TOKEN_PERMISSIONS)
        password = st.text_input(
            "Your password", type="password", help="Without it, the token ends with your session."
        )
        if st.form_submit_button("Issue an API token", icon=":material/key:"):
            issued = attempt(
                client().issue_token,
                owner,
                expires_in=int(days * 86400),
                scope=scope or None,
                password=password or None,
                action="issue a token",
            )
            if issued is not None:
                st.session_state.issued_token = issued
                st.rerun()
    active = [t["id"] for t in tokens if t["active"]]
    if active:
        with revoke_col.form("revoke_token"):
            token_id = st.selectbox("Token id", active)
            revoking = st.form_submit_button("Revoke", icon=":material/block:")
            if revoking and attempt(client().revoke_token, token_id, owner, action="revoke the token"):
                st.session_state.users_flash = f"Revoked token {token_id} of {owner}."
                st.rerun()


# --- the page ------------------------------------------------------------------------------------

TABS = {
    "Ingest": (("ingest",), ingest_section),
    "Jobs": (("ingest",), jobs_section),
    "Documents": (("ingest",), documents_section),
    "Users & groups": (("manage_users",), users_section),
    "Privacy": (("erase", "audit"), privacy.privacy_section),
    "Audit log": (("audit",), privacy.audit_section),
    "Feedback": (("audit",), privacy.feedback_section),
    "Unusual activity": (("audit",), unusual_section),
}


def render() -> None:
    st.title("Admin")
    render_tabs(TABS, "admin_tab")
