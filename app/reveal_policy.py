"""Whether a request may show real values: the one decision the service, the UI's routes and the CLI call.

A reveal needs the ``reveal`` permission (checked here, before an answer streams, so a refusal is an error and
not a broken stream). Which surrogates it then shows is decided per value by ``anonymize.reveal``: only those
the reader's scope knows and the reader did not type. Every reveal is audited by its caller.
"""

from __future__ import annotations

from app.stores.users import User


class RevealRefused(PermissionError):
    """The user asked for real values without the ``reveal`` permission."""

    def __init__(self, user: User) -> None:
        super().__init__(f"role {user.role!r} lacks the 'reveal' permission")
        self.role = user.role


def authorize_reveal(user: User | None, wanted: bool) -> bool:
    """True when real values are shown: ``wanted`` and the user may (``user`` None: the local operator of
    the CLI, who holds the home's keys); ``RevealRefused`` when wanted and not allowed; False otherwise."""
    if not wanted:
        return False
    if user is not None and not user.can("reveal"):
        raise RevealRefused(user)
    return True
