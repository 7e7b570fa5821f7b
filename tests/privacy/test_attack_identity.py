"""Attacks on identities and tokens, over HTTP: a re-created name, tokens that outlive a password, a session
minting a forever token, an expired token, a token used beyond its scope."""

from __future__ import annotations

import time

import httpx

from tests.conftest import TEST_PASSWORD
from tests.privacy.conftest import PrivacyService

NEW_PASSWORD = "another-long-password"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_removed_users_name_re_created_sees_none_of_the_old_conversations(service: PrivacyService) -> None:
    with service.client("boss") as admin:
        created = admin.post(
            "/v1/users",
            json={"name": "temp_worker", "role": "employee", "groups": ["hr"], "password": TEST_PASSWORD},
        )
        assert created.status_code == 200, created.text
    with httpx.Client(
        base_url=service.url, headers=_bearer(service.login("temp_worker", TEST_PASSWORD))
    ) as old:
        conversation = old.post("/v1/conversations", json={"title": "Margaret's warning and my SSN"}).json()
    with service.client("boss") as admin:
        assert admin.delete("/v1/users/temp_worker").status_code == 200
        again = admin.post(
            "/v1/users",
            json={"name": "temp_worker", "role": "employee", "groups": ["eng"], "password": TEST_PASSWORD},
        )
        assert again.status_code == 200, again.text
    # The newcomer with the same name, in another group, goes looking for the predecessor's conversations.
    with httpx.Client(
        base_url=service.url, headers=_bearer(service.login("temp_worker", TEST_PASSWORD))
    ) as new:
        assert new.get("/v1/conversations").json() == []
        assert new.get(f"/v1/conversations/{conversation['id']}").status_code == 404
        follow_up = new.post("/v1/ask", json={"question": "and then?", "conversation_id": conversation["id"]})
        assert follow_up.status_code == 404


def test_a_password_change_revokes_the_users_api_tokens(service: PrivacyService) -> None:
    victim = service.login("eng_employee", TEST_PASSWORD)
    with httpx.Client(base_url=service.url, headers=_bearer(victim)) as session:
        minted = session.post("/v1/tokens", json={})
        assert minted.status_code == 200, minted.text
        api_token = minted.json()["token"]
    with httpx.Client(base_url=service.url, headers=_bearer(api_token)) as script:
        assert script.get("/v1/me").status_code == 200
    # The account was compromised: the admin resets the password. The attacker kept the API token.
    with service.client("boss") as admin:
        assert admin.patch("/v1/users/eng_employee", json={"password": NEW_PASSWORD}).status_code == 200
    with httpx.Client(base_url=service.url, headers=_bearer(api_token)) as script:
        assert script.get("/v1/me").status_code == 401
    with httpx.Client(base_url=service.url, headers=_bearer(victim)) as session:
        assert session.get("/v1/me").status_code == 401
    with service.client("boss") as admin:  # back to the shared test password for the other attacks
        assert admin.patch("/v1/users/eng_employee", json={"password": TEST_PASSWORD}).status_code == 200
    service.tokens.pop("eng_employee", None)


def test_a_session_cannot_mint_a_token_that_outlives_it(service: PrivacyService) -> None:
    with service.client("hr_employee") as session:
        own = session.get("/v1/tokens").json()
        session_expiry = max(t["expires_at"] for t in own if t["kind"] == "session" and t["active"])
        for body in ({}, {"expires_in": 10 * 365 * 86400}, {"expires_in": 364 * 86400}):
            minted = session.post("/v1/tokens", json=body)
            if minted.status_code == 200:
                expires = minted.json()["expires_at"]
                assert expires is not None, f"{body}: a non-expiring API token"
                assert expires <= session_expiry + 1, f"{body}: the token outlives the session that minted it"
            else:
                assert minted.status_code == 422, minted.text
        # With the password given again, a longer lifetime is allowed, but never "forever".
        longer = session.post("/v1/tokens", json={"expires_in": 30 * 86400, "password": TEST_PASSWORD})
        assert longer.status_code == 200, longer.text
        assert session_expiry < longer.json()["expires_at"] <= time.time() + 30 * 86400 + 5
        wrong = session.post("/v1/tokens", json={"expires_in": 30 * 86400, "password": "not-my-password"})
        assert wrong.status_code == 403


def test_an_expired_api_token_is_refused(service: PrivacyService) -> None:
    with service.client("hr_officer") as session:
        minted = session.post("/v1/tokens", json={"expires_in": 1})
        assert minted.status_code == 200, minted.text
        token = minted.json()["token"]
    time.sleep(2.2)
    with httpx.Client(base_url=service.url, headers=_bearer(token)) as script:
        assert script.get("/v1/me").status_code == 401
        assert script.post("/v1/ask", json={"question": "What is the SSN of Margaret?"}).status_code == 401


def test_a_scoped_token_holds_fewer_permissions_than_its_user(service: PrivacyService) -> None:
    with service.client("boss") as admin:
        minted = admin.post("/v1/tokens", json={"scope": ["chat"]})
        assert minted.status_code == 200, minted.text
        assert minted.json()["scope"] == ["chat"]
        token = minted.json()["token"]
    with httpx.Client(base_url=service.url, headers=_bearer(token)) as script:
        assert script.get("/v1/me").json()["permissions"] == ["chat"]
        assert script.get("/v1/users").status_code == 403  # manage_users is not in the token's scope
        assert script.post("/v1/erase", json={"value": "536-80-4398"}).status_code == 403
        assert script.get("/v1/conversations?reveal=true").status_code == 200
        # Nor can the scoped token mint itself a wider one, or act as another user.
        assert script.post("/v1/tokens", json={"scope": ["chat", "manage_users"]}).status_code == 422
        assert script.get("/v1/me", headers={"X-Privrag-User": "hr_officer"}).status_code == 403
