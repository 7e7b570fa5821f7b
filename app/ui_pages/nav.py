"""Which pages a user sees (from their role's permissions), the sidebar, and the page router."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from app.ui_pages import admin, chat, evaluate, login, privacy
from app.ui_pages.common import can, client, end_session, show_error, user


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    permissions: tuple[str, ...]  # any of these opens the page
    render: Callable[[], None]


PAGES = [
    PageSpec("chat", "Chat", ":material/chat:", ("chat",), chat.render),
    PageSpec("admin", "Admin", ":material/admin_panel_settings:", ("ingest", "manage_users"), admin.render),
    PageSpec("privacy", "Privacy & audit", ":material/shield_person:", ("erase", "audit"), privacy.render),
    PageSpec("evaluate", "Evaluate", ":material/monitoring:", ("evaluate",), evaluate.render),
]


def pages_for(permissions: list[str] | set[str]) -> list[str]:
    """Page keys for these permissions; an admin finds privacy and audit as tabs of the Admin page."""
    held = set(permissions)
    keys = [p.key for p in PAGES if held & set(p.permissions)]
    if "admin" in keys and "privacy" in keys:
        keys.remove("privacy")
    return keys


def _guarded(spec: PageSpec, home: list | None = None) -> Callable[[], None]:
    """The page, shown only to users with its permission; ``home`` holds the page to offer instead."""

    def page() -> None:
        if not can(*spec.permissions):  # the service refuses too; this keeps the page from even asking
            st.error("You do not have permission to open this page.", icon=":material/block:")
            if home:
                st.page_link(home[0], label=f"Go to {home[0].title}", icon=":material/arrow_back:")
            return
        try:
            spec.render()
        except Exception as exc:  # the last net: a clear message, never a stack trace
            show_error(exc)

    page.__name__ = f"page_{spec.key}"
    return page


def _sidebar() -> None:
    with st.sidebar:
        who = user()
        st.markdown(f"Signed in as **{who.get('name', '?')}** · {who.get('role', '').replace('_', ' ')}")
        if st.button("Log out", icon=":material/logout:", key="logout"):
            with contextlib.suppress(Exception):  # the session ends here either way
                client().logout()
            end_session("You are logged out.")
            st.rerun()


def _login_at(spec: PageSpec) -> Callable[[], None]:
    def page() -> None:
        login.render()

    page.__name__ = f"login_{spec.key}"
    return page


def main() -> None:
    st.set_page_config(page_title="privrag", page_icon="🔒", layout="wide")
    st.set_option("client.showErrorDetails", "none")
    if not user():
        # Every page's address shows the login form, so a bookmarked page opens after logging in.
        st.session_state["pages"] = []
        login_page = st.Page(
            login.render, title="Log in", icon=":material/login:", url_path="login", default=True
        )
        aliases = [st.Page(_login_at(s), title=s.title, url_path=s.key, visibility="hidden") for s in PAGES]
        st.navigation([login_page, *aliases]).run()
        return
    allowed = pages_for(user().get("permissions", []))
    st.session_state["pages"] = allowed
    # Pages the role may not use stay addressable but hidden: opening one says so instead of "not found".
    ordered = [p for p in PAGES if p.key in allowed] + [p for p in PAGES if p.key not in allowed]
    home: list = []
    pages = [
        st.Page(
            _guarded(s, home),
            title=s.title,
            icon=s.icon,
            url_path=s.key,
            default=i == 0,
            visibility="visible" if s.key in allowed else "hidden",
        )
        for i, s in enumerate(ordered)
    ]
    home.append(pages[0])
    current = st.navigation(pages)
    _sidebar()
    current.run()
