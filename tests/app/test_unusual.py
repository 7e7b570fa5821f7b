"""Unusual activity: reveals, erasures and distinct surrogates revealed per user per hour, flagged once."""

from __future__ import annotations

import json
import time
from pathlib import Path

from sqlalchemy import update

from app.db import make_engine
from app.stores.audit import AuditLog, audit_log
from app.unusual import FLAG, ActivityWatch, Thresholds, activity_summary, count_activity

KEY = b"u" * 32


def make_log(tmp_path: Path, thresholds: Thresholds) -> AuditLog:
    return AuditLog(make_engine(f"sqlite:///{tmp_path / 'audit.db'}"), KEY, ActivityWatch(thresholds))


def flags(log: AuditLog) -> list[dict]:
    return [json.loads(r["detail"]) for r in log.rows() if r["action"] == FLAG]


def test_a_burst_of_reveals_is_flagged_once(tmp_path: Path) -> None:
    log = make_log(tmp_path, Thresholds(reveals=3, erasures=0, surrogates=0))
    for _ in range(3):
        log.record("eve", "reveal", surrogates=["<PERSON_1>"])
    assert flags(log) == []  # at the threshold, not over it
    log.record("eve", "reveal", surrogates=["<PERSON_1>"])
    log.record("eve", "reveal", surrogates=["<PERSON_2>"])
    (flag,) = flags(log)
    assert flag["user"] == "eve" and flag["reveals"] == 4 and flag["over"] == ["reveals"]
    assert log.verify().ok
    log.record("bob", "reveal")  # others are counted on their own
    assert [f["user"] for f in flags(log)] == ["eve"]


def test_distinct_surrogates_and_erasures_have_their_own_thresholds(tmp_path: Path) -> None:
    log = make_log(tmp_path, Thresholds(reveals=0, erasures=1, surrogates=5))
    log.record("eve", "reveal", surrogates=[f"<PERSON_{i}>" for i in range(4)])
    log.record("eve", "reveal", surrogates=[f"<PERSON_{i}>" for i in range(4)])  # the same four again
    assert flags(log) == []
    log.record("eve", "reveal", surrogates=["<EMAIL_ADDRESS_1>", "<US_SSN_1>"])
    assert flags(log)[0]["over"] == ["surrogates"] and flags(log)[0]["surrogates"] == 6
    log.record("olga", "erase")
    log.record("olga", "erase")
    assert {f["user"]: f["over"] for f in flags(log)}["olga"] == ["erasures"]


def test_an_admin_acting_as_a_user_counts_for_that_user(tmp_path: Path) -> None:
    class Acting:
        name = "bob"
        acting_admin = "root"

    log = make_log(tmp_path, Thresholds(reveals=1, erasures=0, surrogates=0))
    log.record(Acting(), "reveal")
    log.record(Acting(), "reveal")
    assert flags(log)[0]["user"] == "bob"


def test_only_the_last_hour_counts(tmp_path: Path) -> None:
    log = make_log(tmp_path, Thresholds(reveals=2, erasures=0, surrogates=0))
    log.record("eve", "reveal")
    log.record("eve", "reveal")
    with log.engine.begin() as conn:  # two hours ago
        conn.execute(update(audit_log).values(ts=time.time() - 7200))
    log.record("eve", "reveal")
    assert flags(log) == []
    (eve,) = activity_summary(log, Thresholds(reveals=2))
    assert (eve.user, eve.reveals, eve.over, eve.flagged) == ("eve", 1, [], False)


def test_counts_from_rows() -> None:
    rows = [
        {"action": "reveal", "actor": "a", "subject": None, "detail": '{"surrogates": ["<X_1>"]}'},
        {"action": "erase", "actor": "a", "subject": None, "detail": "{}"},
        {"action": FLAG, "actor": "privrag", "subject": None, "detail": '{"user": "a"}'},
    ]
    found = count_activity(rows, Thresholds(reveals=0, erasures=0, surrogates=0))
    assert (found["a"].reveals, found["a"].erasures, found["a"].surrogates, found["a"].flagged) == (
        1,
        1,
        1,
        True,
    )
