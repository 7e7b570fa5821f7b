"""The LDAP client against a real slapd: lookups, password binds, both group searches, a refused service
account, an unreachable server, and StartTLS / LDAPS with a CA file (a throwaway CA made here)."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.directory import Directory, DirectoryConfig, DirectoryUnavailable, directory_for
from app.settings import AuthSettings
from tests import ldap_server
from tests.ldap import PASSWORDS, Tree, ldap_tree, ldap_url, unavailable  # noqa: F401 (fixtures)

FILTER = "(&(objectClass=inetOrgPerson)(uid={username})(!(employeeType=disabled)))"


def config(tree: Tree, **overrides: object) -> DirectoryConfig:
    values: dict = {
        "url": tree.url,
        "user_base": tree.people,
        "user_filter": FILTER,
        "group_search": "member",
        "group_base": tree.groups,
        "timeout": 3.0,
    }
    return DirectoryConfig(**{**values, **overrides})


def test_lookup_and_authenticate(ldap_tree: Tree) -> None:  # noqa: F811
    directory = Directory(config(ldap_tree))
    directory.ping()
    carol = directory.lookup("Carol")  # directories match names case-insensitively; privrag keeps lower case
    assert carol is not None
    assert (carol.name, carol.dn) == ("carol", ldap_tree.user_dn("carol"))
    assert carol.groups == sorted([ldap_tree.group_dn("eng"), ldap_tree.group_dn("hr")])
    assert directory.lookup("dave") is None  # filtered out as disabled
    assert directory.lookup("nobody") is None
    assert directory.authenticate("alice", PASSWORDS["alice"]).groups == [ldap_tree.group_dn("hr")]  # type: ignore[union-attr]
    assert directory.authenticate("alice", "wrong") is None
    assert directory.authenticate("alice", "") is None
    assert directory.authenticate("al*", PASSWORDS["alice"]) is None  # no wildcard match


def test_memberof_and_member_searches_agree(ldap_tree: Tree) -> None:  # noqa: F811
    by_member = Directory(config(ldap_tree)).lookup("carol")
    by_memberof = Directory(config(ldap_tree, group_search="memberOf")).lookup("carol")
    assert by_member == by_memberof


def test_a_refused_service_account_or_a_dead_server_is_unavailable(ldap_tree: Tree) -> None:  # noqa: F811
    refused = Directory(config(ldap_tree, bind_dn=ldap_tree.admin_dn, bind_password="not-the-password"))
    with pytest.raises(DirectoryUnavailable, match="service account bind failed"):
        refused.lookup("alice")
    dead = Directory(config(ldap_tree, url="ldap://127.0.0.1:9", timeout=1.0))
    with pytest.raises(DirectoryUnavailable, match="unreachable"):
        dead.authenticate("alice", PASSWORDS["alice"])


def test_settings_are_checked() -> None:
    assert directory_for(AuthSettings()) is None
    with pytest.raises(ValueError, match="auth.ldap_user_base"):
        directory_for(AuthSettings(ldap_url="ldap://127.0.0.1:389"))
    with pytest.raises(ValueError, match="auth.ldap_user_filter"):
        directory_for(
            AuthSettings(ldap_url="ldap://x", ldap_user_base="dc=x", ldap_user_filter="(uid=alice)")
        )


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 signed by it (PEM files)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "privrag test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ldap_server.LdapServer, Path]]:
    """A slapd of its own with TLS (StartTLS and LDAPS), holding the base entry only."""
    if ldap_server.slapd_binary() is None:
        unavailable("slapd is not installed")
    folder = tmp_path_factory.mktemp("slapd_tls")
    ca, cert, key = _certificates(folder)
    try:
        server = ldap_server.start(folder / "server", tls=(ca, cert, key))
    except RuntimeError as exc:
        unavailable(str(exc))
    yield server, ca
    ldap_server.stop(folder / "server")


def _base_only(url: str, **overrides: object) -> Directory:
    filter_ = "(&(objectClass=organization)(o={username}))"  # the base entry stands in for a user
    return Directory(
        DirectoryConfig(url=url, user_base=ldap_server.BASE, user_filter=filter_, timeout=3.0, **overrides)
    )  # type: ignore[arg-type]


def test_starttls_and_ldaps_with_a_ca_file(tls_server) -> None:  # type: ignore[no-untyped-def]
    server, ca = tls_server
    found = _base_only(server.url, start_tls=True, ca_file=str(ca)).lookup("privrag test")
    assert found is not None and found.dn == ldap_server.BASE
    assert _base_only(server.ldaps_url, ca_file=str(ca)).lookup("privrag test") is not None


def test_a_certificate_from_another_ca_is_refused(tls_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _ = tls_server
    other_ca, _, _ = _certificates(tmp_path)
    with pytest.raises(DirectoryUnavailable):
        _base_only(server.url, start_tls=True, ca_file=str(other_ca)).ping()
    with pytest.raises(DirectoryUnavailable):
        _base_only(server.ldaps_url, ca_file=str(other_ca)).ping()
