"""Attacks through stored conversations: a reader removed from a group, a deleted document."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.privacy.attack_helpers import as_text, leaks
from tests.privacy.conftest import PrivacyService
from tests.privacy.parrot import ParrotModel


@pytest.fixture
def parrot(service: PrivacyService) -> Iterator[None]:
    answerer = service.container.answerer  # type: ignore[attr-defined]
    real, answerer.chat_model = answerer.chat_model, ParrotModel()
    yield
    answerer.chat_model = real


def start(service: PrivacyService, user: str, question: str, reveal: bool) -> tuple[str, dict]:
    with service.client(user) as http:
        conversation_id = http.post("/v1/conversations", json={}).json()["id"]
        answer = http.post(
            "/v1/ask", json={"question": question, "conversation_id": conversation_id, "reveal": reveal}
        )
    assert answer.status_code == 200, answer.text
    return conversation_id, answer.json()


def read(service: PrivacyService, user: str, conversation_id: str, reveal: bool) -> dict:
    with service.client(user) as http:
        response = http.get(f"/v1/conversations/{conversation_id}", params={"reveal": reveal})
    assert response.status_code == 200, response.text
    return response.json()


def hr_chunk_ids(service: PrivacyService) -> set[str]:
    return {
        n.node_id
        for n in service.container.vector_store.iter_nodes()  # type: ignore[attr-defined]
        if "hr" in n.metadata.get("groups", [])
    }


def test_a_reader_removed_from_hr_sees_no_hr_passage_nor_value_in_old_conversations(
    service: PrivacyService, parrot: None
) -> None:
    """Attack 4: an hr evaluator keeps a revealed conversation about the personnel record, is moved to eng,
    and reads it again with reveal."""
    question = "What written warning did Margaret Okonkwo-Hale receive after repeated late filings?"
    conversation_id, answer = start(service, "hr_evaluator", question, reveal=True)
    cited = {c["chunk_id"] for c in answer["citations"]}
    assert cited & hr_chunk_ids(service), "the conversation cites the hr personnel record"
    before = read(service, "hr_evaluator", conversation_id, reveal=True)
    assert any(c["chunk_id"] in cited for t in before["turns"] for c in t["citations"])
    assert "Margaret Okonkwo-Hale" in as_text(before)  # in hr: revealed
    with service.client("boss") as http:
        changed = http.patch("/v1/users/hr_evaluator", json={"groups": ["eng"]})
    assert changed.status_code == 200, changed.text
    service.tokens.pop("hr_evaluator", None)  # log in again if the change revoked the session
    after = read(service, "hr_evaluator", conversation_id, reveal=True)
    passages = [c for t in after["turns"] for c in t["citations"]]
    assert not {c["chunk_id"] for c in passages} & hr_chunk_ids(service)
    assert after["withdrawn_passages"] >= 1
    assert leaks(after, service.container, ["eng"]) == []


def test_a_deleted_documents_passages_are_gone_from_stored_conversations(
    service: PrivacyService, parrot: None
) -> None:
    """Attack 5: passages of a document deleted since stay readable in the conversations that cited it."""
    question = "How many days per week may eligible employees work remotely under the remote work policy?"
    conversation_id, answer = start(service, "eng_employee", question, reveal=False)
    docs = {c["doc_id"] for c in answer["citations"]}
    assert docs, "the answer cites a document"
    passages = [c["text"] for c in answer["citations"]]
    with service.client("boss") as http:
        for doc in docs:
            assert http.delete("/v1/documents", params={"doc": doc}).status_code == 200
    after = read(service, "eng_employee", conversation_id, reveal=False)
    assert not [c for t in after["turns"] for c in t["citations"] if c["doc_id"] in docs]
    assert after["withdrawn_passages"] == len(passages)
    assert not [p for p in passages if p in as_text(after)]
