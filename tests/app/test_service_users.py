"""User administration and API tokens over HTTP: role and group changes take effect at once, removed users and
revoked tokens lose access, only user managers act on others, and every change is audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from tests.app.conftest import serve
from tests.conftest import make_settings

PASSWORD = "a-long-enough-password"


@pytest.fixture(scope="module")
def container(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator[Container]:
    container = Container(make_settings(tmp_path_factory.mktemp("users_home"), tiny_gguf))
    yield container
    container.close()


@pytest.fixture(scope="module")
def client(container: Container) -> Iterator[TestClient]:
    yield from serve(container)


def login(container: Container, name: str, role: str, groups: list[str]) -> dict[str, str]:
    if container.users.get(name) is None:
        container.users.add(name, role, groups, PASSWORD)
    return {"Authorization": f"Bearer {container.users.issue_token(name)}"}


def audit_actions(container: Container) -> list[tuple[str, str]]:
    return [(row["actor"], row["action"]) for row in container.audit.rows(limit=1000)]


def test_admin_changes_role_and_groups_and_it_takes_effect(client: TestClient, container: Container) -> None:
    admin = login(container, "root1", "admin", ["all"])
    erin = login(container, "erin", "employee", ["hr"])
    assert client.get("/v1/me", headers=erin).json()["groups"] == ["hr"]
    assert client.get("/v1/audit/verify", headers=erin).status_code == 403

    response = client.patch(
        "/v1/users/erin", json={"role": "privacy_officer", "groups": ["hr", "legal"]}, headers=admin
    )
    assert response.status_code == 200, response.text
    assert response.json()["role"] == "privacy_officer"

    me = client.get("/v1/me", headers=erin).json()  # same token, new permissions
    assert me["groups"] == ["hr", "legal"] and "audit" in me["permissions"]
    assert client.get("/v1/audit/verify", headers=erin).status_code == 200
    assert ("root1", "user_changed") in audit_actions(container)


def test_bad_changes_name_the_field(client: TestClient, container: Container) -> None:
    admin = login(container, "root2", "admin", ["all"])
    login(container, "frank", "employee", [])
    bad_role = client.patch("/v1/users/frank", json={"role": "wizard"}, headers=admin)
    assert bad_role.status_code == 422 and "role" in bad_role.json()["detail"]
    missing = client.patch("/v1/users/nobody", json={"role": "employee"}, headers=admin)
    assert missing.status_code == 404 and "nobody" in missing.json()["detail"]
    short = client.patch("/v1/users/frank", json={"password": "short"}, headers=admin)
    assert short.status_code == 422


def test_password_change_ends_sessions(client: TestClient, container: Container) -> None:
    admin = login(container, "root3", "admin", ["all"])
    gina = login(container, "gina", "employee", [])
    response = client.patch("/v1/users/gina", json={"password": "a-brand-new-password"}, headers=admin)
    assert response.status_code == 200
    assert client.get("/v1/me", headers=gina).status_code == 401
    assert container.users.check_password("gina", "a-brand-new-password") is not None
    assert container.users.check_password("gina", PASSWORD) is None


def test_employees_cannot_manage_users(client: TestClient, container: Container) -> None:
    login(container, "hank", "employee", [])
    ivy = login(container, "ivy", "employee", [])
    assert client.patch("/v1/users/hank", json={"role": "admin"}, headers=ivy).status_code == 403
    assert client.delete("/v1/users/hank", headers=ivy).status_code == 403
    assert client.post("/v1/tokens", json={"user": "hank"}, headers=ivy).status_code == 403
    assert client.get("/v1/tokens", params={"owner": "hank"}, headers=ivy).status_code == 403
    assert container.users.get("hank").role == "employee"


def test_removed_user_loses_access(client: TestClient, container: Container) -> None:
    admin = login(container, "root4", "admin", ["all"])
    jack = login(container, "jack", "employee", [])
    assert client.get("/v1/me", headers=jack).status_code == 200
    assert client.delete("/v1/users/root4", headers=admin).status_code == 422  # not yourself
    assert client.delete("/v1/users/jack", headers=admin).status_code == 200
    assert client.get("/v1/me", headers=jack).status_code == 401
    assert client.post("/v1/auth/login", json={"username": "jack", "password": PASSWORD}).status_code == 401
    assert ("root4", "user_removed") in audit_actions(container)


def test_api_tokens_issue_list_and_revoke(client: TestClient, container: Container) -> None:
    kim = login(container, "kim", "employee", [])
    issued = client.post("/v1/tokens", json={}, headers=kim).json()
    token, token_id = issued["token"], issued["id"]
    script = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/me", headers=script).json()["name"] == "kim"

    listed = client.get("/v1/tokens", headers=kim).json()
    assert {"id": token_id, "kind": "api", "active": True}.items() <= next(
        t for t in listed if t["id"] == token_id
    ).items()
    assert all("token" not in t for t in listed)  # a token is shown once, when issued

    assert client.delete("/v1/tokens/0123456789abcdef", headers=kim).status_code == 404
    assert client.delete("/v1/tokens/not-hex", headers=kim).status_code == 422
    assert client.delete(f"/v1/tokens/{token_id}", headers=kim).status_code == 200
    assert client.get("/v1/me", headers=script).status_code == 401
    assert (
        next(t for t in client.get("/v1/tokens", headers=kim).json() if t["id"] == token_id)["active"]
        is False
    )
    actions = audit_actions(container)
    assert ("kim", "token_issued") in actions and ("kim", "token_revoked") in actions


def test_admin_issues_and_revokes_tokens_for_others(client: TestClient, container: Container) -> None:
    admin = login(container, "root5", "admin", ["all"])
    login(container, "lee", "employee", [])
    issued = client.post("/v1/tokens", json={"user": "lee"}, headers=admin).json()
    assert issued["user"] == "lee"
    lee_script = {"Authorization": f"Bearer {issued['token']}"}
    assert client.get("/v1/me", headers=lee_script).json()["name"] == "lee"
    revoked = client.delete(f"/v1/tokens/{issued['id']}", params={"owner": "lee"}, headers=admin)
    assert revoked.status_code == 200
    assert client.get("/v1/me", headers=lee_script).status_code == 401
    assert client.post("/v1/tokens", json={"user": "ghost"}, headers=admin).status_code == 404


def test_audit_chain_stays_valid(client: TestClient, container: Container) -> None:
    assert container.audit.verify().ok
