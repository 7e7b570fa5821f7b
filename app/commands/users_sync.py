"""``privrag users sync``: refresh directory users' groups and roles from LDAP / Active Directory and disable
those who left it (their tokens revoked). Runs on the home's database, whether or not the service runs; every
change is audited. Run it from cron or a systemd timer between logins."""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import Any

from app.commands.base import CliError, emit
from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["users"].add_parser(
        "sync", parents=[common], help="refresh directory users' groups and roles; disable those who left"
    )
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    from app.container import Container
    from app.directory import DirectoryUnavailable, directory_for
    from app.directory_login import Authenticator

    try:
        directory = directory_for(settings.auth)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if directory is None:
        raise CliError("auth.ldap_url: no directory configured, nothing to sync")
    with closing(Container(settings)) as container:
        try:
            report = Authenticator(container, directory).sync()
        except DirectoryUnavailable as exc:
            raise CliError(f"{exc} (nothing was changed)") from exc
    data = report.to_json()
    human = (
        f"{report.checked} directory users checked: {len(report.updated)} updated"
        f"{' (' + ', '.join(report.updated) + ')' if report.updated else ''}, {len(report.disabled)} disabled"
        f"{' (' + ', '.join(report.disabled) + ')' if report.disabled else ''}"
    )
    emit(args, data, human)
    return 0
