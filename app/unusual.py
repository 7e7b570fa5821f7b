"""Unusual activity: reveals, erasures and distinct surrogates revealed per user per hour, against thresholds.

The audit log calls :meth:`ActivityWatch.after` for every row it writes. After a ``reveal`` or ``erase`` row
the user's last hour is counted from the audit itself (so every service replica and CLI command counts the
same rows); over any threshold, one ``unusual_activity`` row names the user and the counts (at most one per
user per window). The Admin page lists the same counts (:func:`activity_summary`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.settings import Settings
    from app.stores.audit import AuditLog

WINDOW_SECONDS = 3600.0
WATCHED = ("reveal", "erase")
FLAG = "unusual_activity"
SYSTEM_ACTOR = "privrag"


@dataclass(frozen=True)
class Thresholds:
    """Per user per hour; 0 turns a count's check off."""

    reveals: int = 30
    erasures: int = 10
    surrogates: int = 200


def thresholds_of(settings: Settings) -> Thresholds:
    """The ``[audit]`` settings' thresholds."""
    cfg = settings.audit
    return Thresholds(
        cfg.unusual_reveals_per_hour, cfg.unusual_erasures_per_hour, cfg.unusual_surrogates_per_hour
    )


@dataclass
class Activity:
    """One user's counts over the window, and which thresholds they pass."""

    user: str
    reveals: int = 0
    erasures: int = 0
    surrogates: int = 0
    over: list[str] = field(default_factory=list)
    flagged: bool = False  # an unusual_activity row names the user in the window

    def to_json(self) -> dict:
        return asdict(self)


def _detail(row: dict) -> dict:
    try:
        detail = json.loads(row["detail"]) if isinstance(row["detail"], str) else row["detail"]
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _user_of(row: dict) -> str:
    """The user a row counts for: the subject when an admin acted as someone, else the actor."""
    return str(row.get("subject") or row["actor"])


def count_activity(rows: Iterable[dict], thresholds: Thresholds) -> dict[str, Activity]:
    """Counts by user from audit rows (reveal, erase and unusual_activity rows of one window)."""
    found: dict[str, Activity] = {}
    surrogates: dict[str, set[str]] = {}
    for row in rows:
        detail = _detail(row)
        if row["action"] == FLAG:
            user = str(detail.get("user", ""))
            found.setdefault(user, Activity(user)).flagged = True
            continue
        user = _user_of(row)
        activity = found.setdefault(user, Activity(user))
        if row["action"] == "reveal":
            activity.reveals += 1
            surrogates.setdefault(user, set()).update(map(str, detail.get("surrogates") or []))
        elif row["action"] == "erase":
            activity.erasures += 1
    for user, activity in found.items():
        activity.surrogates = len(surrogates.get(user, ()))
        limits = {"reveals": thresholds.reveals, "erasures": thresholds.erasures}
        limits["surrogates"] = thresholds.surrogates
        activity.over = [name for name, limit in limits.items() if limit and getattr(activity, name) > limit]
    return found


def activity_summary(log: AuditLog, thresholds: Thresholds, now: float | None = None) -> list[Activity]:
    """Every user who revealed or erased in the last hour, most active first (the Admin page's table)."""
    since = (now or time.time()) - WINDOW_SECONDS
    rows = log.rows(since=since, actions=(*WATCHED, FLAG))
    found = count_activity(rows, thresholds)
    return sorted(
        (a for a in found.values() if a.reveals or a.erasures),
        key=lambda a: (-len(a.over), -(a.reveals + a.erasures), a.user),
    )


class ActivityWatch:
    """Flags a user whose last hour passes a threshold: one ``unusual_activity`` audit row per window."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.thresholds = thresholds

    def after(self, log: AuditLog, user: str, action: str) -> None:
        if action not in WATCHED:
            return
        since = time.time() - WINDOW_SECONDS
        activity = count_activity(log.rows(since=since, actions=(*WATCHED, FLAG)), self.thresholds).get(user)
        if activity is None or not activity.over or activity.flagged:
            return
        log.record(
            SYSTEM_ACTOR,
            FLAG,
            user=user,
            reveals=activity.reveals,
            erasures=activity.erasures,
            surrogates=activity.surrogates,
            over=activity.over,
            window_s=int(WINDOW_SECONDS),
        )
