"""Login: user name and password against the service; the session token stays in this browser session."""

from __future__ import annotations

import streamlit as st

from app.ui_pages.common import client, error_message


def render() -> None:
    _, middle, _ = st.columns([1, 1.3, 1])
    with middle:
        _form()


def _form() -> None:
    st.title("privrag")
    st.caption("Private answers from your company's documents.")
    flash = st.session_state.pop("flash", None)
    if flash:
        st.warning(flash, icon=":material/logout:")
    with st.form("login"):
        username = st.text_input("User name", autocomplete="username")
        password = st.text_input("Password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Log in", type="primary")
    if not submitted:
        return
    if not username.strip() or not password:
        st.error("Enter your user name and password.")
        return
    try:
        result = client().login(username.strip(), password, client_address=_browser_address())
    except Exception as exc:  # wrong password, unreachable service...: one clear line
        st.error(_login_error(exc), icon=":material/error:")
        return
    st.session_state.user = result["user"]
    st.rerun()


def _browser_address() -> str | None:
    """The browser's address, so that the service throttles logins per browser rather than per UI server."""
    try:
        address = st.context.ip_address
    except Exception:  # not known (older Streamlit): the service sees the UI's own address
        return None
    return address if isinstance(address, str) and address else None  # (AppTest gives a mock)


def _login_error(exc: Exception) -> str:
    from app.client import ServiceError

    if isinstance(exc, ServiceError) and exc.status == 401:
        return "Wrong user name or password."
    if isinstance(exc, ServiceError) and exc.status == 503:  # the directory is down; local accounts work
        return "The company directory cannot be reached: try again later. Local accounts can still log in."
    return error_message(exc, "log in")
