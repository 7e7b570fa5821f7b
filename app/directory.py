"""An LDAP / Active Directory client (ldap3): find a user, check their password by a bind, read their groups.

Nothing here stores a password: a directory user's password is only sent to the directory in a bind. A
server that cannot be reached (or a service account it refuses) raises ``DirectoryUnavailable`` with the
reason, so the caller can answer 503 while local users keep logging in.
"""

from __future__ import annotations

import math
import ssl
from dataclasses import dataclass, field

from ldap3 import NONE, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

from app.settings import AuthSettings


class DirectoryUnavailable(RuntimeError):
    """The directory cannot be reached or refuses the service account; local users can still log in."""


@dataclass(frozen=True)
class DirectoryUser:
    name: str  # the privrag user name: the username attribute, lower-cased
    dn: str
    groups: list[str] = field(default_factory=list)  # DNs of the directory groups the user is in


@dataclass(frozen=True)
class DirectoryConfig:
    url: str
    bind_dn: str = ""
    bind_password: str = field(default="", repr=False)  # never in a log line
    user_base: str = ""
    user_filter: str = "(&(objectClass=inetOrgPerson)(uid={username}))"
    username_attribute: str = "uid"
    group_search: str = "memberOf"
    group_base: str = ""
    group_filter: str = "(&(objectClass=groupOfNames)(member={user_dn}))"
    start_tls: bool = False
    ca_file: str = ""
    timeout: float = 5.0

    @classmethod
    def from_settings(cls, auth: AuthSettings) -> DirectoryConfig:
        return cls(
            url=auth.ldap_url,
            bind_dn=auth.ldap_bind_dn,
            bind_password=auth.ldap_bind_password.get_secret_value(),
            user_base=auth.ldap_user_base,
            user_filter=auth.ldap_user_filter,
            username_attribute=auth.ldap_username_attribute,
            group_search=auth.ldap_group_search,
            group_base=auth.ldap_group_base or auth.ldap_user_base,
            group_filter=auth.ldap_group_filter,
            start_tls=auth.ldap_start_tls,
            ca_file=auth.ldap_ca_file,
            timeout=auth.ldap_timeout,
        )


def directory_for(auth: AuthSettings) -> Directory | None:
    """The configured directory, or None when ``[auth] ldap_url`` is empty (local users only)."""
    if not auth.ldap_url:
        return None
    if not auth.ldap_user_base:
        raise ValueError("auth.ldap_user_base: required when auth.ldap_url is set")
    if "{username}" not in auth.ldap_user_filter:
        raise ValueError("auth.ldap_user_filter: must contain {username}")
    return Directory(DirectoryConfig.from_settings(auth))


class Directory:
    def __init__(self, config: DirectoryConfig) -> None:
        self.config = config
        tls = None
        if config.url.lower().startswith("ldaps://") or config.start_tls or config.ca_file:
            tls = Tls(
                validate=ssl.CERT_REQUIRED,
                ca_certs_file=config.ca_file or None,
                version=ssl.PROTOCOL_TLS_CLIENT,
            )
        self._server = Server(
            config.url,
            use_ssl=config.url.lower().startswith("ldaps://"),
            tls=tls,
            connect_timeout=config.timeout,
            get_info=NONE,
        )

    def where(self) -> str:
        return self.config.url

    def ping(self) -> None:
        """Bind as the service account (or anonymously); ``DirectoryUnavailable`` when that fails."""
        self._service_connection().unbind()

    def lookup(self, username: str) -> DirectoryUser | None:
        """The user the filter finds under that name (None: not there, disabled or ambiguous)."""
        conn = self._service_connection()
        try:
            found = self._find(conn, username)
            return None if found is None else self._with_groups(conn, *found)
        finally:
            conn.unbind()

    def authenticate(self, username: str, password: str) -> DirectoryUser | None:
        """The user when the directory accepts the password (a bind as them); None when it does not."""
        if not username or not password:  # an empty password would be an unauthenticated bind: never a login
            return None
        conn = self._service_connection()
        try:
            found = self._find(conn, username)
            if found is None:
                return None
            name, dn, member_of = found
            user_conn = self._connection(dn, password)
            try:
                accepted = user_conn.bind()
            except LDAPException as exc:
                raise DirectoryUnavailable(
                    f"directory {self.config.url}: {type(exc).__name__}: {exc}"
                ) from exc
            finally:
                user_conn.unbind()
            if not accepted:
                # invalidCredentials, insufficientAccessRights, unwillingToPerform (locked, disabled): refused
                if (user_conn.result or {}).get("result") in (49, 50, 53):
                    return None
                raise DirectoryUnavailable(
                    f"directory {self.config.url}: bind refused ({user_conn.result.get('description')})"
                )
            return self._with_groups(conn, name, dn, member_of)
        finally:
            conn.unbind()

    def _connection(self, user: str | None, password: str | None) -> Connection:
        return Connection(
            self._server,
            user=user or None,
            password=password or None,
            receive_timeout=max(1, math.ceil(self.config.timeout)),  # ldap3 packs it as a whole number
            raise_exceptions=False,
            read_only=True,
        )

    def _service_connection(self) -> Connection:
        cfg = self.config
        conn = self._connection(cfg.bind_dn, cfg.bind_password)
        try:
            conn.open()
            if cfg.start_tls and not cfg.url.lower().startswith("ldaps://"):
                conn.start_tls()
            if not conn.bind():
                description = (conn.result or {}).get("description", "refused")
                raise DirectoryUnavailable(
                    f"directory {cfg.url}: the service account bind failed ({description}); check "
                    "auth.ldap_bind_dn / auth.ldap_bind_password"
                )
        except LDAPException as exc:
            raise DirectoryUnavailable(
                f"directory {cfg.url} unreachable: {type(exc).__name__}: {exc}"
            ) from exc
        return conn

    def _search(self, conn: Connection, base: str, query: str, attributes: list[str]) -> list[dict]:
        try:
            conn.search(base, query, search_scope=SUBTREE, attributes=attributes, size_limit=1000)
        except LDAPException as exc:
            raise DirectoryUnavailable(f"directory {self.config.url}: search failed: {exc}") from exc
        code = (conn.result or {}).get("result", 0)
        if code not in (0, 4, 32):  # success, size limit exceeded, no such object
            raise DirectoryUnavailable(
                f"directory {self.config.url}: search under {base!r} failed "
                f"({conn.result.get('description')})"
            )
        return [e for e in conn.response or [] if e.get("type") == "searchResEntry"]

    def _find(self, conn: Connection, username: str) -> tuple[str, str, list[str]] | None:
        cfg = self.config
        query = cfg.user_filter.replace("{username}", escape_filter_chars(username))
        entries = self._search(conn, cfg.user_base, query, [cfg.username_attribute, "memberOf"])
        if len(entries) != 1:
            return None  # unknown, filtered out (disabled) or ambiguous: no login either way
        entry = entries[0]
        attrs = entry.get("attributes", {})
        value = attrs.get(cfg.username_attribute) or username
        name = (value[0] if isinstance(value, list) else value).lower()
        member_of = attrs.get("memberOf") or []
        return name, entry["dn"], [str(g) for g in member_of]

    def _with_groups(self, conn: Connection, name: str, dn: str, member_of: list[str]) -> DirectoryUser:
        cfg = self.config
        if cfg.group_search == "memberOf":
            return DirectoryUser(name, dn, sorted(member_of))
        query = cfg.group_filter.replace("{user_dn}", escape_filter_chars(dn))
        groups = [e["dn"] for e in self._search(conn, cfg.group_base, query, ["cn"])]
        return DirectoryUser(name, dn, sorted(groups))
