"""What every page shares: the service client of this browser session, the signed-in user, clear errors."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import streamlit as st

from app.client import ServiceClient, ServiceError

log = logging.getLogger("privrag.ui")
T = TypeVar("T")

DEFAULT_SERVICE_URL = "http://127.0.0.1:8000"
MAX_DETAIL_CHARS = 400
NOT_AVAILABLE = "This feature is not available in this version of the privrag service."


class SessionExpired(Exception):
    """The service no longer accepts this session's token."""


def service_url() -> str:
    """``--service URL`` after ``streamlit run app/ui.py --``, else $PRIVRAG_SERVICE_URL, else the default."""
    if st.session_state.get("service_url"):
        return st.session_state.service_url
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--service", default=os.environ.get("PRIVRAG_SERVICE_URL", DEFAULT_SERVICE_URL))
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.service


def client() -> ServiceClient:
    """This browser session's client (it carries the session's token)."""
    if "client" not in st.session_state:
        st.session_state.client = ServiceClient(service_url(), timeout=120)
    return st.session_state.client


def user() -> dict:
    return st.session_state.get("user") or {}


def can(*permissions: str) -> bool:
    """Whether the signed-in user holds any of these permissions."""
    held = set(user().get("permissions", []))
    return any(p in held for p in permissions)


def is_missing_endpoint(exc: Exception) -> bool:
    """A route this version of the service does not have (FastAPI's own 404/405), not a missing object."""
    if not isinstance(exc, ServiceError):
        return False
    return exc.status == 405 or (exc.status == 404 and str(exc).strip().lower() in ("not found", ""))


def _detail(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "Traceback" in text or 'File "' in text:
        return "details are in the service log"
    return text if len(text) <= MAX_DETAIL_CHARS else text[:MAX_DETAIL_CHARS] + "…"


def error_message(exc: Exception, action: str = "") -> str:
    """One clear sentence for any failure of a service call; never a stack trace."""
    if isinstance(exc, ServiceError) and exc.status == 401:
        return "Your session has ended (expired, revoked or logged out elsewhere). Please log in again."
    if is_missing_endpoint(exc):
        return NOT_AVAILABLE
    body = _explain(exc)
    return f"Could not {action}: {body}" if action else body[0].upper() + body[1:]


def _explain(exc: Exception) -> str:
    if isinstance(exc, ServiceError):
        detail = _detail(exc)
        messages = {
            400: f"the request was not accepted ({detail}).",
            403: f"you do not have permission to do this ({detail}).",
            404: f"not found ({detail}).",
            409: f"this conflicts with the current state ({detail}).",
            413: f"too large ({detail}).",
            422: f"please check the input ({detail}).",
            429: f"too many requests; wait a moment and try again ({detail}).",
            503: f"the service is busy or not ready yet ({detail}). Try again shortly.",
        }
        if exc.status in messages:
            return messages[exc.status]
        if exc.status >= 500:
            return f"the service hit an internal error ({detail}). The administrator can check its log."
        return f"the service answered {exc.status} ({detail})."
    if isinstance(exc, httpx.TimeoutException):
        return "the service took too long to answer. Try again, or ask an administrator."
    if isinstance(exc, httpx.HTTPError):
        return f"the service cannot be reached at {service_url()}. Is `privrag serve` running?"
    log.error("web UI error: %s", type(exc).__name__, exc_info=exc)
    return f"something went wrong in the web UI ({type(exc).__name__}). Please try again."


def show_error(exc: Exception, action: str = "") -> None:
    """Show a failure as one clear message; a 401 ends the session and returns to the login page."""
    if isinstance(exc, ServiceError) and exc.status == 401 and "user" in st.session_state:
        end_session(error_message(exc))
        st.rerun()
    if is_missing_endpoint(exc):
        st.info(error_message(exc, action), icon=":material/info:")
    else:
        st.error(error_message(exc, action), icon=":material/error:")


def optional_request(method: str, path: str, action: str, **kwargs: Any) -> Any | None:
    """Call an endpoint that may be missing in this version of the service (an info then, not an error)."""
    try:
        return client().request(method, path, **kwargs)
    except ServiceError as exc:
        if is_missing_endpoint(exc):
            st.info(NOT_AVAILABLE, icon=":material/info:")
        else:
            show_error(exc, action)
    except Exception as exc:  # every failure becomes one clear message
        show_error(exc, action)
    return None


def attempt(fn: Callable[..., T], *args: Any, action: str = "", **kwargs: Any) -> T | None:
    """Call the service; on failure show a clear message and return None."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # every failure becomes a message, never a trace on the page
        show_error(exc, action)
        return None


def end_session(message: str = "") -> None:
    """Forget the user and token (the service URL stays); the login page shows ``message``."""
    url = st.session_state.get("service_url")
    st.session_state.clear()
    if url:
        st.session_state.service_url = url
    if message:
        st.session_state.flash = message


def md(text: str) -> str:
    """Text for st.markdown: keep ``<PERSON_3>`` style surrogates visible instead of read as HTML tags."""
    return text.replace("<", "\\<").replace(">", "\\>")


def groups_known(*sources: list[dict]) -> list[str]:
    """Every group name found in users and documents, sorted."""
    found: set[str] = {"all"}
    for rows in sources:
        for row in rows or []:
            found.update(row.get("groups", []))
    return sorted(found)


def render_tabs(tabs: dict, key: str) -> None:
    """Tabs the user may use; only the open one runs (its service calls)."""
    allowed = {label: render for label, (perms, render) in tabs.items() if can(*perms)}
    if not allowed:
        st.error("You do not have permission to use this page.")
        return
    containers = st.tabs(list(allowed), key=key, on_change="rerun")
    for container, render in zip(containers, allowed.values(), strict=True):
        if container.open:
            with container:
                render()
