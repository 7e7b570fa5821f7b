"""Everything privrag keeps in its database, on a real PostgreSQL server (a fresh database per test).

The same stores and code paths as on SQLite: users and tokens, the audit chain (tamper detection included),
the vault, the catalog, feedback and conversations; the engine is chosen by configuration alone.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlalchemy.engine import Engine

from anonymize.keys import load_or_create_key
from anonymize.vault import Vault
from app.container import Container
from app.db import make_engine
from app.migrations import current, head, upgrade
from app.settings import load_settings
from app.stores.audit import AuditLog, audit_log
from app.stores.conversations import ConversationStore
from app.stores.feedback import Feedback, FeedbackStore
from app.stores.users import UserError, UserStore
from ingest.catalog import OK, PENDING, Catalog, DocumentRecord, IndexMismatchError


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def test_the_database_is_chosen_by_configuration(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIVRAG_DATABASE__URL", pg_url)
    container = Container(load_settings(tmp_path / "home"))
    try:
        assert container.engine.dialect.name == "postgresql"
        assert current(container.engine) == head()  # migrated on first use
        container.users.add("alice", "admin", [], "correct horse")
        container.audit.record("alice", "login")
    finally:
        container.close()
    assert not (tmp_path / "home" / "privrag.db").exists()
    again = Container(load_settings(tmp_path / "home"))
    try:
        assert [u.name for u in again.users.list()] == ["alice"]
        assert again.audit.verify().ok
    finally:
        again.close()


def test_users_passwords_and_tokens(engine: Engine) -> None:
    users = UserStore(engine)
    users.add("alice", "employee", ["hr", "eng"], "correct horse")
    with pytest.raises(UserError, match="already exists"):
        users.add("alice", "employee", [], "correct horse")
    assert users.check_password("alice", "correct horse") is not None
    assert users.check_password("alice", "wrong password") is None
    token = users.issue_token("alice")
    user = users.user_for_token(token)
    assert user is not None and (user.name, user.groups) == ("alice", ["eng", "hr"])
    users.revoke(token)
    assert users.user_for_token(token) is None
    assert [u.name for u in users.list()] == ["alice"]


def test_audit_chain_verifies_and_detects_tampering(engine: Engine) -> None:
    audit = AuditLog(engine, b"k" * 32)
    for i in range(5):
        audit.record("alice", "question", question=f"q{i}", score=0.1 + i)
    assert (audit.verify().ok, audit.verify().rows) == (True, 5)
    ids = sorted(r["id"] for r in audit.rows())
    with engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == ids[2]).values(detail='{"question": "x"}'))
    result = audit.verify()
    assert (result.ok, result.first_bad_row) == (False, ids[2])
    assert result.reason == "tampered_row"
    with engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == ids[2]))
    assert audit.verify().first_bad_row == ids[3]
    with engine.begin() as conn:  # the last rows deleted: the signed head points past the table's end
        conn.execute(delete(audit_log).where(audit_log.c.id >= ids[3]))
    assert audit.verify().reason == "truncated"


def test_vault_round_trip_erasure_and_concurrent_writers(engine: Engine, tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "vault.key")
    vault = Vault(engine, key)
    alice = vault.surrogate("PERSON", "Alice Martin")
    assert alice == "<PERSON_1>"
    assert vault.surrogate("PERSON", "alice  martin") == alice  # normalized
    assert vault.reveal(alice) == "Alice Martin"
    assert vault.reveal_text(f"ask {alice}") == ("ask Alice Martin", 1)
    assert vault.remove(alice) and vault.reveal(alice) is None
    assert vault.surrogate("PERSON", "Bob Stone") == "<PERSON_2>"  # erased numbers are not reused

    # Two vaults (as two service replicas) assigning at once: one surrogate per value, no number twice.
    other = Vault(engine, key)
    names = [f"Person {i}" for i in range(30)]
    results: dict[int, list[str]] = {}

    def assign(n: int, store: Vault) -> None:
        results[n] = [store.surrogate("PERSON", name) for name in names]

    threads = [threading.Thread(target=assign, args=(n, v)) for n, v in enumerate([vault, other])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0] == results[1]
    assert len(set(results[0])) == len(names)
    assert vault.stats().entries == len(names) + 1


def test_keyed_numbers_from_concurrent_replicas_match_an_sqlite_vault(engine: Engine, tmp_path: Path) -> None:
    """Keyed numbering (sharded ingestion): replicas writing at once agree with each other and with any other
    vault of the same key, spellings included (the preferred one is kept, whoever wrote first)."""
    key = load_or_create_key(tmp_path / "vault.key")
    values = [f"Person {i}" for i in range(20)] + ["JANE DOE", "Jane Doe"]
    replicas = [Vault(engine, key, numbering="keyed") for _ in range(2)]
    results: dict[int, list[str]] = {}

    def assign(n: int) -> None:
        order = values if n == 0 else values[::-1]
        results[n] = sorted(replicas[n].surrogate("PERSON", v) for v in order)

    threads = [threading.Thread(target=assign, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reference = Vault(make_engine(f"sqlite:///{tmp_path / 'ref.db'}"), key, numbering="keyed")
    expected = sorted(reference.surrogate("PERSON", v) for v in values)
    assert results[0] == results[1] == expected
    assert sorted(replicas[0].iter_values()) == sorted(reference.iter_values())
    assert replicas[1].reveal(reference.surrogate("PERSON", "jane doe")) == "Jane Doe"


def test_catalog_rows_status_and_index_components(engine: Engine) -> None:
    catalog = Catalog(engine)
    catalog.check_index({"embedding_model": "m1", "chunker": "c1"})
    catalog.check_index({"embedding_model": "m1", "chunker": "c1"})
    with pytest.raises(IndexMismatchError, match="embedding_model"):
        Catalog(engine).check_index({"embedding_model": "m2", "chunker": "c1"})
    record = DocumentRecord("d1", "/data/a.md", "A", "h1", ["all"], PENDING, 0, 10, 0.0)
    catalog.upsert_many([record, DocumentRecord("d2", "/data/b.md", "B", "h2", ["hr"], OK, 3, 20, 0.0)])
    assert [r.doc_id for r in catalog.unfinished()] == ["d1"]
    catalog.set_status("d1", OK)
    record.chunks = 5
    record.status = OK
    catalog.upsert(record)
    found = catalog.find("/data/a.md")
    assert found is not None and (found.chunks, found.status) == (5, OK)
    assert [r.source for r in catalog.all()] == ["/data/a.md", "/data/b.md"]
    catalog.remove("d2")
    assert catalog.get("d2") is None


def test_feedback_and_conversations(engine: Engine) -> None:
    feedback = FeedbackStore(engine)
    sources = [{"n": 1, "doc_id": "d1", "source": "a.md", "chunk_id": "c", "page": 1}]
    saved = feedback.add(Feedback("alice", "q?", "a.", 1, "good", sources, None))
    feedback.add(Feedback("bob", "q2?", "a2.", -1))
    listed = feedback.list()
    assert [f.user for f in listed] == ["bob", "alice"]
    assert listed[1].id == saved.id and listed[1].sources == sources
    conversations = ConversationStore(engine)
    conversation = conversations.create("alice")
    conversations.append(conversation.id, "user", "What is the leave policy?")
    conversations.append(conversation.id, "assistant", "Twenty days [1].", [{"n": 1}])
    got = conversations.get("alice", conversation.id)
    assert got is not None and got.title == "What is the leave policy?"
    assert [t.role for t in got.turns] == ["user", "assistant"]
    assert json.loads(json.dumps(got.turns[1].citations)) == [{"n": 1}]
    assert conversations.get("bob", conversation.id) is None
