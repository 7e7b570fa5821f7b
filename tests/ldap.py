"""A real directory for the LDAP tests: the slapd at ``PRIVRAG_TEST_LDAP_URL`` (``.ci/slapd.sh`` starts one),
else one started here for the session when Debian's ``slapd`` is installed.

Each test gets its own tree (``tests/fixtures/ldap/tree.ldif``) under a fresh OU, deleted afterwards; the
tests change it with ``ldapmodify``. When no directory can be had, the tests fail under ``CI=true`` and are
skipped with the reason otherwise.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import ldap_server

ENV = "PRIVRAG_TEST_LDAP_URL"
TREE = Path(__file__).parent / "fixtures" / "ldap" / "tree.ldif"
PASSWORDS = {name: f"{name}-directory-pw" for name in ("alice", "bob", "carol", "dave", "erin", "frank")}


@dataclass(frozen=True)
class Tree:
    """One test's directory tree: the server, the tree's base DN and the admin who may change it."""

    url: str
    base: str
    admin_dn: str
    admin_password: str

    @property
    def people(self) -> str:
        return f"ou=people,{self.base}"

    @property
    def groups(self) -> str:
        return f"ou=groups,{self.base}"

    def user_dn(self, uid: str) -> str:
        return f"uid={uid},{self.people}"

    def group_dn(self, cn: str) -> str:
        return f"cn={cn},{self.groups}"

    def auth_toml(self, group_search: str = "member", service_account: bool = False, url: str = "") -> str:
        """An ``[auth]`` section for this tree: hr and eng mapped to privrag groups, privrag-admins to admin;
        users with employeeType=disabled filtered out."""
        account = (
            f'ldap_bind_dn = "{self.admin_dn}"\nldap_bind_password = "{self.admin_password}"\n'
            if service_account
            else ""
        )
        return (
            "[auth]\n"
            f'ldap_url = "{url or self.url}"\n'
            f"{account}"
            f'ldap_user_base = "{self.people}"\n'
            'ldap_user_filter = "(&(objectClass=inetOrgPerson)(uid={username})(!(employeeType=disabled)))"\n'
            f'ldap_group_search = "{group_search}"\n'
            f'ldap_group_base = "{self.groups}"\n'
            "ldap_timeout = 3\n"
            "[auth.ldap_groups]\n"
            f'"{self.group_dn("hr")}" = "hr"\n'
            f'"{self.group_dn("eng")}" = "eng"\n'
            "[auth.ldap_roles]\n"
            f'"{self.group_dn("privrag-admins")}" = "admin"\n'
        )

    def modify(self, ldif: str) -> None:
        """Apply an LDIF change with ``ldapmodify`` (as the directory admin)."""
        _run(["ldapmodify", "-x", "-H", self.url, "-D", self.admin_dn, "-w", self.admin_password], ldif)

    def remove_member(self, group: str, uid: str) -> None:
        self.modify(
            f"dn: {self.group_dn(group)}\nchangetype: modify\ndelete: member\nmember: {self.user_dn(uid)}\n"
        )

    def set_password(self, uid: str, password: str) -> None:
        self.modify(
            f"dn: {self.user_dn(uid)}\nchangetype: modify\nreplace: userPassword\nuserPassword: {password}\n"
        )

    def delete_user(self, uid: str) -> None:
        for group in ("hr", "eng", "privrag-admins"):  # groupOfNames keeps no dangling member
            with contextlib.suppress(RuntimeError):  # not a member
                self.remove_member(group, uid)
        _run(["ldapdelete", "-x", "-H", self.url, "-D", self.admin_dn, "-w", self.admin_password,
              self.user_dn(uid)])  # fmt: skip


def unavailable(reason: str) -> None:
    """Fail in CI (the directory is part of the test set-up there), skip with the reason elsewhere."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"LDAP tests: {reason} (CI=true: .ci/run must provide slapd)")
    pytest.skip(f"LDAP tests: {reason}; run .ci/run, set {ENV}, or apt-get install -y slapd ldap-utils")


def _run(argv: list[str], stdin: str | None = None) -> None:
    result = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({result.returncode}): {result.stderr.strip()}")


@pytest.fixture(scope="session")
def ldap_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running slapd whose admin may write under ``dc=privrag,dc=test``."""
    given = os.environ.get(ENV, "")
    if given:
        yield given
        return
    if ldap_server.slapd_binary() is None or shutil.which("ldapadd") is None:
        unavailable(f"{ENV} is not set and slapd/ldap-utils are not installed")
    folder = tmp_path_factory.mktemp("slapd")
    try:
        server = ldap_server.start(folder)
    except RuntimeError as exc:
        unavailable(str(exc))
    yield server.url
    ldap_server.stop(folder)


@pytest.fixture
def ldap_tree(ldap_url: str) -> Iterator[Tree]:
    """A fresh copy of the test tree in the directory, removed after the test."""
    ou = f"t{uuid.uuid4().hex[:12]}"
    tree = Tree(
        url=ldap_url,
        base=f"ou={ou},{ldap_server.BASE}",
        admin_dn=os.environ.get("PRIVRAG_TEST_LDAP_ADMIN_DN", ldap_server.ADMIN_DN),
        admin_password=os.environ.get("PRIVRAG_TEST_LDAP_ADMIN_PASSWORD", ldap_server.ADMIN_PASSWORD),
    )
    ldif = TREE.read_text().replace("{base}", tree.base).replace("{ou}", ou)
    try:
        _run(["ldapadd", "-x", "-H", tree.url, "-D", tree.admin_dn, "-w", tree.admin_password], ldif)
    except (RuntimeError, FileNotFoundError) as exc:
        unavailable(f"cannot load the test tree at {tree.url}: {exc}")
    yield tree
    subprocess.run(
        ["ldapdelete", "-x", "-r", "-H", tree.url, "-D", tree.admin_dn, "-w", tree.admin_password, tree.base],
        capture_output=True,
        timeout=30,
    )
