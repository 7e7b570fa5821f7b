"""A throwaway OpenLDAP server (Debian's ``slapd``) on 127.0.0.1 for the directory tests.

Standard library only: ``.ci/slapd.sh`` runs it with the system ``python3`` before the venv exists
(``python3 tests/ldap_server.py start DIR`` prints the URL; ``stop DIR`` ends it), and the test fixture
(``tests/ldap.py``) starts one itself when ``PRIVRAG_TEST_LDAP_URL`` is not set. The server holds the empty
base ``dc=privrag,dc=test`` (with the memberOf overlay); each test loads its own tree under a fresh OU.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE = "dc=privrag,dc=test"
ADMIN_DN = f"cn=admin,{BASE}"
ADMIN_PASSWORD = "throwaway-test-admin"  # a test server on 127.0.0.1 only, deleted at exit
SCHEMAS = ("core", "cosine", "inetorgperson", "nis")

CONFIG = """\
{includes}
{tls}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile {folder}/slapd.pid
argsfile {folder}/slapd.args

database mdb
maxsize 67108864
suffix "{base}"
rootdn "{admin}"
rootpw {password}
directory {folder}/db
index objectClass eq
index uid eq
index member eq
overlay memberof
access to attrs=userPassword
  by self write
  by anonymous auth
  by * none
access to * by * read
"""


@dataclass(frozen=True)
class LdapServer:
    url: str
    folder: Path
    ldaps_url: str = ""  # when started with TLS: the same server on a second port, TLS from the first byte


def slapd_binary() -> str | None:
    return shutil.which("slapd") or next(
        (p for p in ("/usr/sbin/slapd", "/usr/local/sbin/slapd") if os.access(p, os.X_OK)), None
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(folder: Path, timeout: float = 20.0, tls: tuple[Path, Path, Path] | None = None) -> LdapServer:
    """Write a config and an empty database in ``folder``, start slapd (it detaches) and add the base.

    ``tls``: (CA certificate, server certificate, server key), PEM: StartTLS on the ldap:// port and an
    ldaps:// port besides."""
    binary = slapd_binary()
    if binary is None:
        raise RuntimeError("slapd is not installed (apt-get install -y slapd ldap-utils)")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "db").mkdir(exist_ok=True)
    schema_dir = Path("/etc/ldap/schema")
    includes = "\n".join(f"include {schema_dir / name}.schema" for name in SCHEMAS)
    tls_lines = ""
    if tls is not None:
        ca, cert, key = tls
        tls_lines = f"TLSCACertificateFile {ca}\nTLSCertificateFile {cert}\nTLSCertificateKeyFile {key}"
    (folder / "slapd.conf").write_text(
        CONFIG.format(
            includes=includes,
            tls=tls_lines,
            folder=folder,
            base=BASE,
            admin=ADMIN_DN,
            password=ADMIN_PASSWORD,
        )
    )
    port = _free_port()
    url = f"ldap://127.0.0.1:{port}"
    ldaps_url = f"ldaps://127.0.0.1:{_free_port()}" if tls is not None else ""
    listen = f"{url}/" + (f" {ldaps_url}/" if ldaps_url else "")
    result = subprocess.run(
        [binary, "-f", str(folder / "slapd.conf"), "-h", listen],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"slapd did not start: {result.stderr.strip()[-500:]}")
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                stop(folder)
                raise RuntimeError(f"slapd did not listen on {url} within {timeout:.0f} s") from None
            time.sleep(0.1)
    base = f"dn: {BASE}\nobjectClass: dcObject\nobjectClass: organization\no: privrag test\ndc: privrag\n"
    added = subprocess.run(
        ["ldapadd", "-x", "-H", url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD],
        input=base,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if added.returncode != 0:
        stop(folder)
        raise RuntimeError(f"ldapadd of the base failed: {added.stderr.strip()}")
    return LdapServer(url=url, folder=folder, ldaps_url=ldaps_url)


def stop(folder: Path, timeout: float = 10.0) -> None:
    """End the slapd whose pid file is in ``folder`` (waits for it to exit)."""
    pidfile = folder / "slapd.pid"
    if not pidfile.exists():
        return
    pid = int(pidfile.read_text().strip())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: ldap_server.py start|stop DIR", file=sys.stderr)
        return 2
    folder = Path(argv[1]).resolve()
    if argv[0] == "start":
        print(start(folder).url)
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
