"""Chat: conversations kept by the service, the answer streamed, citation cards, reveal, feedback."""

from __future__ import annotations

import streamlit as st

from app.ui_pages.citations import render_citations
from app.ui_pages.common import attempt, can, client, md, show_error
from app.ui_pages.safe_markdown import safe_md

PLACEHOLDER = "Ask a question about your documents"
# Seconds between two events of an answer: on a CPU server a question waits for the one model behind others'
# answers, and its prompt is evaluated before the first token (the UI's usual 120 s ended answers that
# were still coming under load: docs/evaluation.md, "Generation speed").
ANSWER_WAIT_S = 600.0
REVEAL_HELP = (
    "Show real values instead of pseudonyms such as <PERSON_3>. Every reveal is written to the audit log."
)


def _state() -> dict:
    """This session's chat state: the open conversation and its turns as last loaded."""
    return st.session_state.setdefault(
        "chat", {"conversation": None, "turns": [], "loaded": None, "feedback_sent": []}
    )


def open_conversation(conversation_id: str | None) -> None:
    state = _state()
    state.update(conversation=conversation_id, turns=[], loaded=None)


def _load_turns(conversation_id: str, reveal: bool) -> None:
    """Fetch the turns once per (conversation, reveal) choice: a revealed fetch is audited."""
    state = _state()
    if state["loaded"] == (conversation_id, reveal):
        return
    data = attempt(client().conversation, conversation_id, reveal=reveal, action="load the conversation")
    if data is None:
        open_conversation(None)
        return
    state["turns"] = data["turns"]
    state["loaded"] = (conversation_id, reveal)


def _sidebar() -> None:
    state = _state()
    with st.sidebar:
        st.subheader("Conversations")
        if st.button("New conversation", icon=":material/add_comment:", width="stretch", key="new_chat"):
            open_conversation(None)
            st.rerun()
        conversations = attempt(client().conversations, action="list your conversations") or []
        if not conversations:
            st.caption("No conversations yet: ask a question to start one.")
        for conversation in conversations[:40]:
            current = conversation["id"] == state["conversation"]
            st.button(
                safe_md(conversation["title"] or "Untitled conversation"),
                key=f"conv-{conversation['id']}",
                type="secondary" if current else "tertiary",
                icon=":material/chat_bubble:" if current else None,
                width="stretch",
                on_click=open_conversation,
                args=(conversation["id"],),
            )


def _feedback(turn: dict, question: str) -> None:
    state = _state()
    turn_id = turn.get("id")
    if turn_id is None:
        return
    if turn_id in state["feedback_sent"]:
        st.caption(":material/check: Thanks, your feedback was recorded.")
        return
    rating = st.feedback("thumbs", key=f"rating-{turn_id}")
    if rating is None:
        return
    with st.form(f"feedback-{turn_id}", border=False):
        comment = st.text_input(
            "Comment (optional)", key=f"comment-{turn_id}", placeholder="What was good or wrong?"
        )
        if st.form_submit_button("Send feedback"):
            sources = [
                {k: c.get(k) for k in ("n", "doc_id", "source", "chunk_id", "page")}
                for c in turn.get("citations", [])
            ]
            sent = attempt(
                client().feedback,
                question,
                turn["content"],
                "up" if rating == 1 else "down",
                comment,
                sources=sources,
                conversation_id=state["conversation"],
                action="send the feedback",
            )
            if sent is not None:
                state["feedback_sent"].append(turn_id)
                st.rerun()


def _render_turns(turns: list[dict]) -> None:
    question = ""
    for turn in turns:
        with st.chat_message(turn["role"]):
            st.markdown(safe_md(turn["content"]))  # model text: no image fetched, no outside link
            if turn["role"] == "user":
                question = turn["content"]
                continue
            render_citations(turn.get("citations", []))
            _feedback(turn, question)


def _ask(question: str, reveal: bool) -> None:
    state = _state()
    if state["conversation"] is None:
        created = attempt(client().create_conversation, action="start a conversation")
        if created is None:
            return
        state.update(conversation=created["id"], turns=[], loaded=(created["id"], reveal))
    with st.chat_message("user"):
        st.markdown(safe_md(question))
    final: dict = {}
    with st.chat_message("assistant"):
        shown = st.empty()
        streamed = ""
        try:  # the text so far is sanitized as a whole each time: a link split over tokens is caught too
            events = client().ask_stream(
                question, reveal=reveal, conversation_id=state["conversation"], wait=ANSWER_WAIT_S
            )
            for event in events:
                if event["type"] == "token":
                    streamed += event["text"]
                    shown.markdown(safe_md(streamed))
                elif event["type"] == "done":
                    final.update(event)
        except Exception as exc:  # shown as a clear message; the question can be asked again
            show_error(exc, "answer")
            return
    if not final:
        st.error("The answer ended early; please ask again.")
        return
    answer = final["answer"]
    state["turns"] += [
        {"role": "user", "content": question},
        {
            "role": "assistant",
            "content": answer["answer"],
            "citations": answer["citations"],
            "id": final.get("turn_id"),
            "refused": answer.get("refused", False),
        },
    ]
    st.rerun()  # the stream is replaced by the checked answer (citations verified, values revealed)


def render() -> None:
    st.title("Chat")
    reveal = False
    if can("reveal"):
        reveal = st.toggle("Reveal real values", key="reveal", help=REVEAL_HELP)
    else:
        st.caption(md("Names and other personal values appear as pseudonyms such as <PERSON_3>."))
    _sidebar()
    state = _state()
    if state["conversation"] is not None:
        _load_turns(state["conversation"], reveal)
    if not state["turns"]:
        st.info("Ask anything about your company's documents; every answer cites its sources.")
    _render_turns(state["turns"])
    question = st.chat_input(PLACEHOLDER, max_chars=4000)
    if question and question.strip():
        _ask(question.strip(), reveal)
