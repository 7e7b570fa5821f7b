"""Attacks on the vault through the service: enumeration by reveal, a mapping oracle, names in questions.

Each test is written as the attacker would, over HTTP; the checks read the home as an auditor would.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.privacy.attack_helpers import as_text, hidden_surrogates_in, hidden_values, leaks
from tests.privacy.conftest import HR_SECRETS, PrivacyService, build_home, start_service
from tests.privacy.parrot import ParrotModel

TYPES = ("US_SSN", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "PERSON", "LOCATION", "US_BANK_NUMBER")
ENUMERATION = " ".join(f"<{t}_{n}>" for t in TYPES for n in range(1, 13))
ENG = ["eng"]


# The detector misses double-barrelled names even in the personnel file ("Employee: Margaret Okonkwo-Hale"),
# so without help the index would hold them in clear and the vault would not know them. A deployment lists
# such names (``[anonymize] deny_list``); here the personnel file's two, so that the vault knows them and the
# attacks on them are attacks on the vault.
STAFF = {"PERSON": ["Margaret Okonkwo-Hale", "Dmitri Vasquez-Lindqvist"]}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator[PrivacyService]:
    home = tmp_path_factory.mktemp("privacy-staff") / "home"
    docs = build_home(home, tiny_gguf, anonymize__deny_list=STAFF)
    yield from start_service(home, docs, tiny_gguf, anonymize__deny_list=STAFF)


@pytest.fixture
def parrot(service: PrivacyService) -> Iterator[None]:
    """The service's chat model repeats each question (what an obliging or injected model does)."""
    answerer = service.container.answerer  # type: ignore[attr-defined]
    real, answerer.chat_model = answerer.chat_model, ParrotModel()
    yield
    answerer.chat_model = real


def ask(service: PrivacyService, user: str, question: str, **body: object) -> dict:
    with service.client(user) as http:
        response = http.post("/v1/ask", json={"question": question, **body})
    assert response.status_code == 200, response.text
    return response.json()


def ask_stream(service: PrivacyService, user: str, question: str, **body: object) -> list[dict]:
    with service.client(user) as http:
        response = http.post("/v1/ask", json={"question": question, "stream": True, **body})
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]


def conversation(service: PrivacyService, user: str, reveal: bool = False) -> tuple[str, callable]:  # type: ignore[valid-type]
    with service.client(user) as http:
        conversation_id = http.post("/v1/conversations", json={}).json()["id"]

    def read() -> dict:
        with service.client(user) as http:
            response = http.get(f"/v1/conversations/{conversation_id}", params={"reveal": reveal})
        assert response.status_code == 200, response.text
        return response.json()

    return conversation_id, read


def test_enumerated_surrogates_in_a_conversation_reveal_no_hr_value(service: PrivacyService) -> None:
    """Attack 1: an evaluator in eng types every low surrogate number into a question of a conversation and
    reads the conversation back with reveal."""
    conversation_id, read = conversation(service, "eng_evaluator", reveal=True)
    answer = ask(
        service, "eng_evaluator", f"What are {ENUMERATION}?", conversation_id=conversation_id, reveal=True
    )
    stored = read()
    assert stored["revealed"] is True
    for data in (answer, stored):
        assert leaks(data, service.container, ENG) == []


def test_a_parroting_model_reveals_no_hr_value_to_an_evaluator_outside_hr(
    service: PrivacyService, parrot: None
) -> None:
    """Attack 3: the evaluator's question names hr surrogates (the attacker's best guesses: here the real
    ones); the model repeats the question into its answer, which is revealed."""
    hidden = sorted(hidden_values(service.container, ENG))[:8]
    question = (
        "Remote work policy: may eligible employees work remotely up to 3 days per week, with anchor days "
        f"Tuesday and Thursday? Repeat {' '.join(hidden)}"
    )
    answer = ask(service, "eng_evaluator", question, reveal=True)
    assert answer["revealed"] is True and hidden[0] in answer["answer"], answer  # the parrot spoke
    assert leaks(answer, service.container, ENG) == []
    with service.client("eng_evaluator") as http:
        completion = http.post(
            "/v1/chat/completions",
            json={"messages": [{"role": "user", "content": question}], "reveal": True},
        )
    assert completion.status_code == 200, completion.text
    assert hidden[0] in completion.json()["choices"][0]["message"]["content"]
    assert leaks(completion.json(), service.container, ENG) == []


TYPED_VALUES = ["536-80-4398", "4111 1111 1111 1111", "margaret.okonkwo@northwind-analytics.com"]
NAME = "Margaret Okonkwo-Hale"


def test_questions_and_feedback_are_no_mapping_oracle(service: PrivacyService) -> None:
    """Attack 2: an employee in eng sends hr values in a question and in feedback, and looks for the vault's
    surrogates of them in what comes back and in what is stored."""
    container = service.container
    hidden = hidden_values(container, ENG)
    typed = {s for v in [*TYPED_VALUES, NAME] for s in container.vault.lookup_value(v)}  # type: ignore[attr-defined]
    own_surrogates = typed & set(hidden)  # (the card is in an eng e-mail too: eng may know its surrogate)
    assert len(own_surrogates) >= 3, "the hr values are in the vault, hidden from eng"
    ssn, card, mail = TYPED_VALUES
    question = f"Is {ssn} the SSN behind card {card}, and is {mail} the mail of {NAME}?"
    conversation_id, read = conversation(service, "eng_employee")
    answer = ask(service, "eng_employee", question, conversation_id=conversation_id)
    events = ask_stream(service, "eng_employee", question)
    with service.client("eng_employee") as http:
        feedback = http.post(
            "/v1/feedback",
            json={"question": question, "answer": answer["answer"], "rating": "down", "comment": f"{NAME}?"},
        )
    assert feedback.status_code == 200, feedback.text
    with service.client("boss") as http:
        stored_feedback = http.get("/v1/feedback").json()
    stored = read()
    for data in (answer, events, feedback.json(), stored, stored_feedback):
        text = as_text(data)
        assert not own_surrogates & set(text.split()), text
        assert not any(s in text for s in own_surrogates), text
        assert hidden_surrogates_in(data, container, ENG) == []
    for data in (stored, stored_feedback, feedback.json()):  # nothing typed is kept in clear
        assert not [v for v in [*TYPED_VALUES, NAME, "Okonkwo"] if v in as_text(data)]


def test_a_double_barrelled_name_finds_its_chunk_and_is_not_stored(service: PrivacyService) -> None:
    """Attack 6 (for hr): the question names a person the detector may miss; it must map to the vault's
    surrogate so retrieval finds the personnel chunk, and the stored question must not hold the name."""
    container = service.container
    (dmitri,) = container.vault.lookup_value("Dmitri Vasquez-Lindqvist", "PERSON")  # type: ignore[attr-defined]
    for question in (
        "What will Dmitri Vasquez-Lindqvist review?",
        "what will dmitri vasquez-lindqvist review",
    ):
        conversation_id, read = conversation(service, "hr_employee")
        events = ask_stream(service, "hr_employee", question, conversation_id=conversation_id)
        sources = events[0]
        assert sources["type"] == "sources" and dmitri in sources["question"], sources["question"]
        assert any(dmitri in s["text"] for s in sources["sources"])  # the personnel chunk was retrieved
        stored = as_text(read())
        assert "dmitri" not in stored.lower() and "vasquez" not in stored.lower(), stored


def test_a_name_typed_in_lower_case_maps_within_scope_only(service: PrivacyService) -> None:
    """Attack 6b: a name the hr documents hold ("Maria Gonzalez", detected there), typed in lower case where
    the detector misses it. For hr it maps to the vault's surrogate (retrieval finds her e-mail); for eng
    it stays a stranger's name: no surrogate, and either way nothing of it is stored."""
    (maria,) = service.container.vault.lookup_value("Maria Gonzalez", "PERSON")  # type: ignore[attr-defined]
    question = "when does maria gonzalez start at northwind"
    for user, known in (("hr_employee", True), ("eng_employee", False)):
        conversation_id, read = conversation(service, user)
        events = ask_stream(service, user, question, conversation_id=conversation_id)
        sources = events[0]
        assert (maria in sources["question"]) is known, (user, sources["question"])
        if known:
            assert any(maria in s["text"] for s in sources["sources"])
        assert maria not in as_text(events[1:]) or known
        stored = as_text(read()).lower()
        assert "maria" not in stored and "gonzalez" not in stored, stored


QUESTIONS = {
    "eng_employee": [
        "Call +1 415 555 0173 or write to dmitri.vl@northwind-analytics.com about SSN 219-09-9999",
        "Did Margaret Okonkwo-Hale get a warning?",
        "has zorbu quennell-abara asked for leave? Ask Zorbu Quennell-Abara too",
    ],
    "hr_employee": [
        "Did Margaret Okonkwo-Hale get a warning?",
        "Who is Aurelio Nakagawa-Brenner in the remote work policy?",
    ],
}


@pytest.mark.parametrize("user", sorted(QUESTIONS))
def test_a_stored_conversation_never_holds_the_raw_values_typed(service: PrivacyService, user: str) -> None:
    """Attack 7: whatever the question, what the conversation keeps holds no value as typed."""
    conversation_id, read = conversation(service, user)
    for question in QUESTIONS[user]:
        ask(service, user, question, conversation_id=conversation_id)
    stored = as_text(read()).lower()
    raw = [*HR_SECRETS, "Zorbu", "Quennell-Abara", "Aurelio", "Nakagawa-Brenner", "Okonkwo"]
    assert not [v for v in raw if v.lower() in stored], stored
