"""Citation cards: document name, page or section, the passage with its supporting span highlighted."""

from __future__ import annotations

import html
from pathlib import PurePath

import streamlit as st

from app.ui_pages.safe_markdown import no_autolinks

FLAG_TEXT = (
    "Possible prompt injection: this source contains text that looks like instructions to the model. "
    "It was given to the model as quoted data only; read it with care."
)


# What happened, by the citation's origin (retrieval.answer_types.Citation); the model's own [n]: no note.
ORIGIN_NOTES = {
    "repointed": "The model cited another source; privrag moved the citation here, where the answer's words "
    "are.",
    "matched": "The model did not cite a source; privrag matched this one to the answer by its words.",
    "closest": "The passage closest to your question: the documents do not state the answer directly.",
}


def origin_note(citation: dict) -> str:
    """The card's note on how the source came to be cited ("" when the model cited it itself). A turn stored
    before origins existed has only ``inferred``."""
    origin = citation.get("origin") or ("matched" if citation.get("inferred") else "model")
    return ORIGIN_NOTES.get(str(origin), "")


def document_name(citation: dict) -> str:
    source = str(citation.get("source") or "")
    return PurePath(source).name or source or "unknown document"


def card_heading(citation: dict) -> str:
    """``[n] name · page p · section`` as plain text."""
    parts = [f"[{citation.get('n', '?')}] {document_name(citation)}"]
    if citation.get("page"):
        parts.append(f"page {citation['page']}")
    if citation.get("section"):  # a slide, or a sheet's rows
        parts.append(str(citation["section"]))
    title = str(citation.get("title") or "").strip()
    if title and title != document_name(citation):
        parts.append(title)
    return " · ".join(parts)


def passage_html(text: str, highlight: list[int] | tuple[int, int] | None) -> str:
    """The passage, HTML-escaped, with the supporting span in <mark> (unless the offsets are invalid)."""
    if highlight and len(highlight) == 2:
        start, end = int(highlight[0]), int(highlight[1])
        if 0 <= start < end <= len(text):
            return (
                html.escape(text[:start])
                + '<mark class="privrag-support">'
                + html.escape(text[start:end])
                + "</mark>"
                + html.escape(text[end:])
            )
    return html.escape(text)


EXCERPT_CONTEXT = 180  # characters of the passage shown around the supporting span


def excerpt(
    text: str, highlight: list[int] | None, context: int = EXCERPT_CONTEXT
) -> tuple[str, list[int] | None]:
    """The part of the passage around its supporting span (cut at spaces), and the span's offsets in it."""
    valid = bool(highlight and len(highlight) == 2 and 0 <= highlight[0] < highlight[1] <= len(text))
    start, end = (int(highlight[0]), int(highlight[1])) if valid and highlight else (0, 0)
    lo = max(0, start - context)
    hi = min(len(text), (end if valid else 0) + context * (1 if valid else 2))
    if lo > 0 and " " in text[lo:start]:
        lo = text.index(" ", lo) + 1
    if hi < len(text) and " " in text[end:hi]:
        hi = text.rindex(" ", end, hi)
    prefix, suffix = ("…" if lo > 0 else ""), ("…" if hi < len(text) else "")
    piece = prefix + text[lo:hi] + suffix
    if not valid:
        return piece, None
    shift = len(prefix) - lo
    return piece, [start + shift, end + shift]


PASSAGE_STYLE = (
    "white-space:pre-wrap;font-size:0.9em;line-height:1.45;padding:0.4em 0.7em;"
    "border-left:3px solid #9aa5b1;background:rgba(128,128,128,0.06)"
)


def _passage(text: str, highlight: list[int] | None) -> None:
    st.html(f'<div class="privrag-passage" style="{PASSAGE_STYLE}">{passage_html(text, highlight)}</div>')


def render_citations(citations: list[dict]) -> None:
    """One bordered card per citation: the supporting passage highlighted, flagged sources marked."""
    if not citations:
        return
    st.caption(f"Sources ({len(citations)})")
    for citation in citations:
        with st.container(border=True):
            heading = _md_plain(card_heading(citation))
            if citation.get("flagged"):
                st.markdown(f":material/gpp_maybe: **{heading}** :orange-badge[possible prompt injection]")
                st.warning(FLAG_TEXT, icon=":material/warning:")
            else:
                st.markdown(f":material/description: **{heading}**")
            note = origin_note(citation)
            if note:
                st.caption(note)
            text = str(citation.get("text") or "")
            piece, span = excerpt(text, citation.get("highlight"))
            _passage(piece, span)
            if piece != text:
                with st.expander("Whole passage"):
                    _passage(text, citation.get("highlight"))


def _md_plain(text: str) -> str:
    """Text shown literally inside markdown (file names may hold * _ [ ] < >), never as a link."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_[]<>#|~$" else ch)
    return no_autolinks("".join(out))
