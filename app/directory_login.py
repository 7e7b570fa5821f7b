"""Login for local and directory users, and ``privrag users sync``: every login, refusal and change audited.

A name that is a local user (a ``users`` row not marked as a directory account) logs in with its local
password and never asks the directory: local admins keep working when the directory is down (break-glass).
Any other name is checked by the directory; its privrag groups and role are mapped from its directory groups
(``[auth] ldap_groups``, ``ldap_roles``) at each login and each sync. A user the directory no longer finds
(left, or filtered out as disabled), or who is in no mapped group, is disabled: groups emptied and every token
revoked.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from app.container import Container
from app.directory import Directory, DirectoryUnavailable, DirectoryUser
from app.directory_accounts import DirectoryAccounts
from app.settings import AuthSettings
from app.stores.users import ROLE_PERMISSIONS, User, UserError

ROLE_STRENGTH = ["admin", "privacy_officer", "evaluator", "employee"]  # the first mapped one wins
ACTOR = "directory"


@dataclass(frozen=True)
class Mapping:
    groups: list[str]
    role: str
    matched: bool  # in at least one mapped directory group


@dataclass
class SyncReport:
    checked: int = 0
    updated: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "checked": self.checked,
            "updated": self.updated,
            "disabled": self.disabled,
            "unchanged": self.unchanged,
        }


def _norm_dn(dn: str) -> str:
    return ",".join(part.strip() for part in dn.lower().split(","))


def map_groups(user: DirectoryUser, auth: AuthSettings) -> Mapping:
    """The user's privrag groups and role from their directory groups (DNs compared case-insensitively)."""
    have = {_norm_dn(g) for g in user.groups}
    groups = sorted({name for dn, name in auth.ldap_groups.items() if _norm_dn(dn) in have})
    roles = {role for dn, role in auth.ldap_roles.items() if _norm_dn(dn) in have}
    for role in roles:
        if role not in ROLE_PERMISSIONS:
            raise ValueError(
                f"auth.ldap_roles: unknown role {role!r}; choose one of {', '.join(ROLE_PERMISSIONS)}"
            )
    role = next((r for r in ROLE_STRENGTH if r in roles), auth.ldap_default_role)
    return Mapping(groups=groups, role=role, matched=bool(groups or roles))


class Authenticator:
    """Logs users in (local first, then the directory) and syncs directory users; audits each outcome."""

    def __init__(
        self,
        container: Container,
        directory: Directory | None,
        on_login: Callable[[str, str], None] | None = None,
    ) -> None:
        self._container = container
        self._directory = directory
        self._on_login = on_login or (
            lambda source, outcome: None
        )  # (local|directory, ok|refused|unavailable)
        self._accounts = DirectoryAccounts(container.engine)

    @property
    def directory(self) -> Directory | None:
        return self._directory

    def is_directory_user(self, name: str) -> bool:
        return self._accounts.get(name) is not None

    def login(self, username: str, password: str) -> User | None:
        """The user when the credentials are right; None (audited) when not. ``DirectoryUnavailable`` when the
        directory must be asked and cannot answer (audited too)."""
        users, audit = self._container.users, self._container.audit
        local = users.get(username)
        if (local is not None and not self.is_directory_user(username)) or self._directory is None:
            user = users.check_password(username, password)
            self._on_login("local", "refused" if user is None else "ok")
            if user is None:
                audit.record(username, "login_failed", source="local")
                return None
            audit.record(user.name, "login", source="local")
            return user
        try:
            found = self._directory.authenticate(username, password)
        except DirectoryUnavailable as exc:
            self._on_login("directory", "unavailable")
            audit.record(username, "login_failed", source="directory", reason="directory unavailable")
            raise exc
        if found is None:
            self._on_login("directory", "refused")
            audit.record(username, "login_failed", source="directory", reason="wrong name or password")
            return None
        if users.get(found.name) is not None and not self.is_directory_user(found.name):
            # "BOB" found as the directory's bob while a local bob exists: never take a local account over
            self._on_login("directory", "refused")
            audit.record(found.name, "login_failed", source="directory", reason="name of a local user")
            return None
        try:
            user = self._apply(found, "login")
        except UserError as exc:  # a directory name privrag cannot take
            self._on_login("directory", "refused")
            audit.record(found.name, "login_failed", source="directory", reason=str(exc))
            return None
        if user is None:
            self._on_login("directory", "refused")
            audit.record(found.name, "login_failed", source="directory", reason="in no mapped group")
            return None
        self._on_login("directory", "ok")
        audit.record(user.name, "login", source="directory")
        return user

    def sync(self) -> SyncReport:
        """Refresh every enabled directory user's groups and role; disable those who left.

        The directory is asked for each user before anything changes for them; an outage raises
        ``DirectoryUnavailable`` (nobody is disabled because the directory could not be reached)."""
        if self._directory is None:
            raise DirectoryUnavailable("no directory configured: set [auth] ldap_url")
        report = SyncReport()
        for account in self._accounts.list():
            if account.disabled:
                continue
            report.checked += 1
            found = self._directory.lookup(account.name)
            if found is None:
                self._disable(account.name, account.dn, "not in the directory (left or disabled)")
                report.disabled.append(account.name)
                continue
            before = self._container.users.get(account.name)
            after = self._apply(found, "sync")
            if after is None:
                report.disabled.append(account.name)
            elif before is None or (before.role, before.groups) != (after.role, after.groups):
                report.updated.append(account.name)
            else:
                report.unchanged.append(account.name)
        self._container.audit.record(
            ACTOR, "directory_sync", checked=report.checked, updated=report.updated, disabled=report.disabled
        )
        return report

    def _apply(self, found: DirectoryUser, why: str) -> User | None:
        """Create or update the privrag user from the directory; None (disabled) when in no mapped group."""
        auth = self._container.settings.auth
        mapping = map_groups(found, auth)
        if auth.ldap_require_group and not mapping.matched:
            if self._accounts.get(found.name) is not None:
                self._disable(found.name, found.dn, "in no mapped group")
            return None
        users, audit = self._container.users, self._container.audit
        current = users.get(found.name)
        if current is None:
            # A random password nobody knows: a directory user never logs in locally.
            user = users.add(found.name, mapping.role, mapping.groups, secrets.token_urlsafe(32))
            audit.record(ACTOR, "user_added", name=user.name, role=user.role, groups=user.groups, via=why)
        elif (current.role, current.groups) != (mapping.role, mapping.groups):
            try:
                user = users.update(found.name, role=mapping.role, groups=mapping.groups)
            except UserError:  # the last admin keeps the role; groups still follow the directory
                user = users.update(found.name, groups=mapping.groups)
            audit.record(
                ACTOR,
                "user_changed",
                name=user.name,
                role=user.role,
                groups=user.groups,
                was_role=current.role,
                was_groups=current.groups,
                via=why,
            )
        else:
            user = current
        self._accounts.save(found.name, found.dn, disabled=False)
        return user

    def _disable(self, name: str, dn: str, reason: str) -> None:
        users = self._container.users
        revoked = 0
        for token in users.tokens(name):
            if token.active and users.revoke_id(name, token.id):
                revoked += 1
        if users.get(name) is not None:  # no document stays visible, whatever token might be issued later
            try:
                users.update(name, role="employee", groups=[])
            except UserError:  # the last admin keeps the role (the tokens are revoked all the same)
                users.update(name, groups=[])
        self._accounts.save(name, dn, disabled=True)
        self._container.audit.record(ACTOR, "user_disabled", name=name, reason=reason, tokens_revoked=revoked)
