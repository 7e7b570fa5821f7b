"""Directory login through the service against a real slapd (tests/ldap.py): groups and roles mapped from the
directory at each login and by ``privrag users sync``, refusals, an outage, audit rows, ACLs that follow the
directory's groups."""

from __future__ import annotations

import socket
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from app.directory import DirectoryUser
from app.directory_login import Mapping, map_groups
from app.settings import AuthSettings
from tests.app.conftest import serve
from tests.conftest import bearer, make_settings, run_cli
from tests.ldap import PASSWORDS, Tree, ldap_tree, ldap_url  # noqa: F401 (fixtures)

ROOT_PASSWORD = "break-glass-admin-pw"
HR_DOC = (
    "parental_leave_hr.md",
    "Parental leave at Orbitron: sixteen weeks fully paid for every parent, requested through HR form PL-7.",
)
ENG_DOC = (
    "deploy_freeze_eng.md",
    "Deploy freeze at Orbitron: no production deploys after Thursday noon; the release train leaves Tuesday.",
)


def test_groups_and_the_strongest_role_are_mapped_case_insensitively() -> None:
    auth = AuthSettings(
        ldap_groups={"cn=HR,ou=Groups,dc=x": "hr", "cn=eng,ou=groups,dc=x": "eng"},
        ldap_roles={"cn=dpo,ou=groups,dc=x": "privacy_officer", "cn=ml,ou=groups,dc=x": "evaluator"},
    )
    user = DirectoryUser(
        "ann", "uid=ann,dc=x", ["CN=hr, OU=groups, DC=x", "cn=ml,ou=groups,dc=x", "cn=dpo,ou=groups,dc=x"]
    )
    assert map_groups(user, auth) == Mapping(groups=["hr"], role="privacy_officer", matched=True)
    assert map_groups(DirectoryUser("al", "uid=al,dc=x", ["cn=other,dc=x"]), auth).matched is False
    bad = AuthSettings(ldap_roles={"cn=ml,ou=groups,dc=x": "superuser"})
    with pytest.raises(ValueError, match="auth.ldap_roles"):
        map_groups(user, bad)


def _home(folder: Path, tree: Tree, model: Path | None = None, **auth: object) -> Container:
    """A home whose config file holds the tree's [auth] section, with a local admin 'root'."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "privrag.toml").write_text(tree.auth_toml(**auth))  # type: ignore[arg-type]
    container = Container(make_settings(folder, model))
    container.users.add("root", "admin", ["all"], ROOT_PASSWORD)
    return container


@pytest.fixture
def service(tmp_path: Path, ldap_tree: Tree) -> Iterator[tuple[TestClient, Container, Tree]]:  # noqa: F811
    container = _home(tmp_path / "home", ldap_tree)
    for client in serve(container):
        yield client, container, ldap_tree
    container.close()


def login(client: TestClient, name: str, password: str) -> tuple[int, dict]:
    response = client.post("/v1/auth/login", json={"username": name, "password": password})
    return response.status_code, response.json()


def actions(container: Container, *names: str) -> list[tuple[str, str, dict]]:
    import json

    rows = container.audit.rows(actions=names)
    return [(r["actor"], r["action"], json.loads(r["detail"])) for r in reversed(rows)]


def test_directory_users_log_in_with_their_directory_password_and_get_mapped_groups(service) -> None:  # type: ignore[no-untyped-def]
    client, container, _ = service
    expected = {"alice": ("employee", ["hr"]), "carol": ("employee", ["eng", "hr"]), "frank": ("admin", [])}
    for name, (role, groups) in expected.items():
        status, body = login(client, name, PASSWORDS[name])
        assert status == 200, body
        assert (body["user"]["role"], body["user"]["groups"]) == (role, groups)
        me = client.get("/v1/me", headers=bearer(body["token"])).json()
        assert (me["name"], me["groups"]) == (name, groups)
        # The directory password is not stored: privrag's own password check does not take it.
        assert container.users.check_password(name, PASSWORDS[name]) is None
    logins = [(a, d["source"]) for a, action, d in actions(container, "login")]
    assert logins == [("alice", "directory"), ("carol", "directory"), ("frank", "directory")]
    added = {d["name"]: (d["role"], d["groups"]) for _, _, d in actions(container, "user_added")}
    assert added == expected


def test_wrong_passwords_unknown_and_disabled_users_are_refused_and_audited(service) -> None:  # type: ignore[no-untyped-def]
    client, container, _ = service
    assert login(client, "alice", "not-her-password")[0] == 401
    assert login(client, "zoe", "whatever-password")[0] == 401
    assert login(client, "dave", PASSWORDS["dave"])[0] == 401  # employeeType=disabled: filtered out
    assert login(client, "alice", "")[0] == 401  # never an unauthenticated bind
    assert login(client, "*", "whatever-password")[0] == 401  # a filter wildcard is escaped
    assert container.users.get("dave") is None
    failed = [(a, d["source"], d["reason"]) for a, _, d in actions(container, "login_failed")]
    assert failed == [
        ("alice", "directory", "wrong name or password"),
        ("zoe", "directory", "wrong name or password"),
        ("dave", "directory", "wrong name or password"),
        ("alice", "directory", "wrong name or password"),
        ("*", "directory", "wrong name or password"),
    ]


def test_a_directory_name_never_takes_over_a_local_user(service) -> None:  # type: ignore[no-untyped-def]
    client, container, _ = service
    container.users.add("bob", "employee", ["local-team"], ROOT_PASSWORD)  # a local bob, not the directory's
    assert login(client, "BOB", PASSWORDS["bob"])[0] == 401  # the directory finds its bob under "BOB"
    assert login(client, "bob", PASSWORDS["bob"])[0] == 401  # a local name: the local password only
    assert container.users.get("bob").groups == ["local-team"]  # type: ignore[union-attr]
    assert login(client, "bob", ROOT_PASSWORD)[0] == 200
    failed = [
        (a, d["reason"]) for a, _, d in actions(container, "login_failed") if d["source"] == "directory"
    ]
    assert failed == [("bob", "name of a local user")]


def test_memberof_groups_through_a_service_account(tmp_path: Path, ldap_tree: Tree) -> None:  # noqa: F811
    container = _home(tmp_path / "home", ldap_tree, group_search="memberOf", service_account=True)
    for client in serve(container):
        status, body = login(client, "carol", PASSWORDS["carol"])
        assert status == 200, body
        assert body["user"]["groups"] == ["eng", "hr"]
    container.close()


def test_a_group_removed_in_the_directory_is_gone_at_the_next_login(service) -> None:  # type: ignore[no-untyped-def]
    client, container, tree = service
    assert login(client, "carol", PASSWORDS["carol"])[1]["user"]["groups"] == ["eng", "hr"]
    tree.remove_member("hr", "carol")
    status, body = login(client, "carol", PASSWORDS["carol"])
    assert (status, body["user"]["groups"]) == (200, ["eng"])
    changed = [d for _, _, d in actions(container, "user_changed")]
    assert changed[-1]["groups"] == ["eng"] and changed[-1]["was_groups"] == ["eng", "hr"]
    # bob loses his only mapped group: refused and disabled, his open session revoked
    token = login(client, "bob", PASSWORDS["bob"])[1]["token"]
    tree.remove_member("eng", "bob")
    assert login(client, "bob", PASSWORDS["bob"])[0] == 401
    assert client.get("/v1/me", headers=bearer(token)).status_code == 401
    assert container.users.get("bob").groups == []  # type: ignore[union-attr]
    disabled = [d for _, _, d in actions(container, "user_disabled")]
    assert disabled == [{"name": "bob", "reason": "in no mapped group", "tokens_revoked": 1}]


def test_a_password_changed_in_the_directory_takes_effect_at_once(service) -> None:  # type: ignore[no-untyped-def]
    client, _, tree = service
    assert login(client, "erin", PASSWORDS["erin"])[0] == 200
    tree.set_password("erin", "erin-new-directory-pw")
    assert login(client, "erin", PASSWORDS["erin"])[0] == 401
    assert login(client, "erin", "erin-new-directory-pw")[0] == 200


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"ldap://127.0.0.1:{port}"  # nothing listens there once the socket is closed


def test_a_directory_outage_is_a_clear_503_and_local_admins_still_log_in(
    tmp_path: Path,
    ldap_tree: Tree,  # noqa: F811
) -> None:
    container = _home(tmp_path / "home", ldap_tree, url=_dead_url())
    for client in serve(container):
        status, body = login(client, "alice", PASSWORDS["alice"])
        assert status == 503
        assert "directory cannot be reached" in body["detail"] and "local accounts" in body["detail"]
        status, body = login(client, "root", ROOT_PASSWORD)
        assert (status, body["user"]["role"]) == (200, "admin")
        ready = client.get("/readyz")
        assert ready.status_code == 503 and "directory" in ready.json()["failed"]
    failed = [(a, d["reason"]) for a, _, d in actions(container, "login_failed")]
    assert failed == [("alice", "directory unavailable")]
    assert [(a, d["source"]) for a, _, d in actions(container, "login")] == [("root", "local")]
    container.close()


def test_sync_refreshes_groups_disables_leavers_and_revokes_their_tokens(
    service,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    client, container, tree = service
    tokens = {name: login(client, name, PASSWORDS[name])[1]["token"] for name in ("alice", "bob", "carol")}
    api_token = client.post("/v1/tokens", json={}, headers=bearer(tokens["alice"])).json()["token"]
    tree.delete_user("alice")  # left the company
    tree.remove_member("hr", "carol")
    home = str(container.settings.home)
    code, report = run_cli(capsys, "--home", home, "users", "sync", "--json")
    assert code == 0
    assert report == {"checked": 3, "updated": ["carol"], "disabled": ["alice"], "unchanged": ["bob"]}
    for token in (tokens["alice"], api_token):
        assert client.get("/v1/me", headers=bearer(token)).status_code == 401
    assert client.get("/v1/me", headers=bearer(tokens["carol"])).json()["groups"] == ["eng"]
    assert login(client, "alice", PASSWORDS["alice"])[0] == 401
    disabled = [d for _, _, d in actions(container, "user_disabled")]
    assert disabled == [
        {"name": "alice", "reason": "not in the directory (left or disabled)", "tokens_revoked": 2}
    ]
    sync = [d for a, _, d in actions(container, "directory_sync")]
    assert sync == [{"checked": 3, "updated": ["carol"], "disabled": ["alice"]}]


def test_sync_during_an_outage_changes_nothing(tmp_path: Path, ldap_tree: Tree, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    container = _home(tmp_path / "home", ldap_tree)
    for client in serve(container):
        token = login(client, "alice", PASSWORDS["alice"])[1]["token"]
        (container.settings.home / "privrag.toml").write_text(ldap_tree.auth_toml(url=_dead_url()))
        code, error = run_cli(capsys, "--home", str(container.settings.home), "users", "sync", "--json")
        assert code != 0 and "nothing was changed" in error["error"]
        assert client.get("/v1/me", headers=bearer(token)).json()["groups"] == ["hr"]
    container.close()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator[Container]:
    """A home with one document for hr and one for eng (no [auth] yet: each test points it at its tree)."""
    home = tmp_path_factory.mktemp("directory_acl")
    container = Container(make_settings(home, tiny_gguf))
    for group, (name, text) in (("hr", HR_DOC), ("eng", ENG_DOC)):
        folder = home.parent / f"{home.name}-{group}"
        folder.mkdir()
        (folder / name).write_text(text + "\n")
        report = container.ingestor.run([folder], groups=[group])
        assert not report.failed, report.failed
    container.users.add("root", "admin", ["all"], ROOT_PASSWORD)
    yield container
    container.close()


def _sources(client: TestClient, token: str, question: str) -> set[str]:
    answer = client.post("/v1/ask", json={"question": question}, headers=bearer(token)).json()
    return {s["source"].rsplit("/", 1)[-1] for s in answer["sources"]}


def test_retrieval_follows_the_directory_groups(documents: Container, ldap_tree: Tree) -> None:  # noqa: F811
    documents.settings.auth = AuthSettings.model_validate(tomllib.loads(ldap_tree.auth_toml())["auth"])
    for client in serve(documents):
        hr_question, eng_question = "How long is parental leave?", "When is the deploy freeze?"
        alice = login(client, "alice", PASSWORDS["alice"])[1]["token"]
        bob = login(client, "bob", PASSWORDS["bob"])[1]["token"]
        assert HR_DOC[0] in _sources(client, alice, hr_question)
        assert ENG_DOC[0] not in _sources(client, alice, eng_question)
        assert ENG_DOC[0] in _sources(client, bob, eng_question)
        assert HR_DOC[0] not in _sources(client, bob, hr_question)
        ldap_tree.remove_member("hr", "alice")
        ldap_tree.modify(
            f"dn: {ldap_tree.group_dn('eng')}\nchangetype: modify\nadd: member\n"
            f"member: {ldap_tree.user_dn('alice')}\n"
        )
        # At her next login her groups follow the directory (for every session of hers).
        alice = login(client, "alice", PASSWORDS["alice"])[1]["token"]
        assert HR_DOC[0] not in _sources(client, alice, hr_question)
        assert ENG_DOC[0] in _sources(client, alice, eng_question)
