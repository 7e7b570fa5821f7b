"""The answer cache: bounded, keyed by question, groups and index version; never across groups (the insider
test), revealed per asker, audited, and invalidated by ingestion, deletion and erasure."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from anonymize.reveal import reveal_all
from app.operations import answer_and_audit, delete_document, erase_value
from ingest import index_version
from retrieval.answer_cache import AnswerCache, CachedAnswer
from tests.conftest import make_settings

QUESTION = "What is the bonus approval code for the Lisbon office?"


def test_entries_are_keyed_by_question_group_set_and_version() -> None:
    version = ["v1"]
    cache = AnswerCache(lambda: version[0], max_entries=2)
    entry = CachedAnswer(sources=[{"chunk_id": "c1"}], answer={"answer": "A [1]."})
    key = cache.key(QUESTION, ["hr", "eng"])
    cache.put(key, entry)
    assert cache.get(cache.key(QUESTION, ["eng", "hr", "hr"])) == entry  # the same set of groups
    assert cache.get(cache.key(QUESTION, ["hr"])) is None  # another set: never across groups
    assert cache.get(cache.key(QUESTION, None)) is None  # an unrestricted reader is its own key
    version[0] = "v2"  # the index changed
    assert cache.get(cache.key(QUESTION, ["hr", "eng"])) is None
    assert (cache.hits, cache.misses) == (1, 3)


def test_the_first_level_key_is_a_keyed_hmac_of_the_typed_question() -> None:
    version = ["v1"]
    cache = AnswerCache(lambda: version[0])
    key = cache.asked_key(f"  {QUESTION}\n", ["hr", "eng"])
    assert key.form == "asked" and QUESTION not in key.question and "Lisbon" not in repr(key)
    assert len(key.question) == 64 and key == cache.asked_key(QUESTION, ["eng", "hr"])
    assert key != cache.asked_key(QUESTION, ["hr"]) and key != cache.asked_key(QUESTION, None)
    assert key != cache.key(QUESTION, ["hr", "eng"])  # never the pseudonymized key of the same text
    # Another cache (another process) has another secret: a digest means nothing outside its cache.
    assert AnswerCache(lambda: "v1").asked_key(QUESTION, ["hr", "eng"]).question != key.question
    cache.put(key, CachedAnswer(sources=[], answer={"answer": "A [1]."}, asked="q", stored="q"))
    version[0] = "v2"
    assert cache.get(cache.asked_key(QUESTION, ["hr", "eng"])) is None
    assert cache.asked_key(QUESTION, None, version="v1").version == "v1"


def test_the_cache_is_bounded_and_hands_out_copies() -> None:
    cache = AnswerCache(lambda: "v", max_entries=2)
    for n in range(3):
        cache.put(cache.key(f"q{n}", None), CachedAnswer(sources=[], answer={"answer": f"a{n}"}))
    assert len(cache) == 2 and cache.get(cache.key("q0", None)) is None  # the least recently used left
    got = cache.get(cache.key("q2", None))
    assert got is not None
    got.answer["answer"] = "revealed in place"  # a reveal in the copy never reaches the cache
    again = cache.get(cache.key("q2", None))
    assert again is not None and again.answer["answer"] == "a2"
    with pytest.raises(ValueError, match="max_entries"):
        AnswerCache(lambda: "v", max_entries=0)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    """A home with one hr and one eng document answering the same question, the tiny model, the cache on."""
    from app.container import Container

    root = tmp_path_factory.mktemp("cache_world")
    docs = root / "docs"
    for group, text in {
        "hr": "The bonus approval code for the Lisbon office is 7781. Jane Doe approves bonuses.",
        "eng": "The bonus approval code for the Lisbon office is kept by the deploy team, not here.",
    }.items():
        (docs / group).mkdir(parents=True)
        (docs / group / f"{group}_bonus.md").write_text(f"# {group} bonus\n\n{text}\n")
    container = Container(make_settings(root / "home", tiny_gguf))
    for group in ("hr", "eng"):
        report = container.ingestor.run([docs / group], groups=[group])
        assert not report.failed, report.failed
    yield container, docs
    container.close()


def ask(container, groups: list[str], reveal: bool = False) -> list[dict]:  # type: ignore[no-untyped-def]
    return list(answer_and_audit(container, "tester", groups, QUESTION, reveal))


def test_an_eng_user_never_gets_an_answer_cached_for_hr(world) -> None:  # type: ignore[no-untyped-def]
    container, _docs = world
    cache = container.answer_cache
    assert cache is not None
    cache.clear()
    hr = ask(container, ["hr"])
    hr_done = hr[-1]["answer"]
    assert len(cache) == 2 and "cached" not in hr_done["timings"]  # as typed (HMAC) and as pseudonymized
    eng = ask(container, ["eng"])
    eng_done = eng[-1]["answer"]
    # Not a hit: answered afresh from eng's own documents, nothing of hr's in any event.
    assert "cached" not in eng_done["timings"] and cache.hits == 0
    assert all(container.catalog.get(s["doc_id"]).groups == ["eng"] for s in eng[0]["sources"])
    everything = json.dumps(eng)
    assert "7781" not in everything and "Jane Doe" not in everything
    assert len(cache) == 4
    again = ask(container, ["hr"])  # a second hr reader: from the cache
    assert again[-1]["answer"]["timings"].get("cached") == 1.0 and cache.hits == 1
    assert again[0]["sources"] == hr[0]["sources"]
    assert again[-1]["answer"]["answer_pseudonymized"] == hr_done["answer_pseudonymized"]


def test_a_repeated_question_is_answered_without_the_detector(world) -> None:  # type: ignore[no-untyped-def]
    container, _docs = world
    cache = container.answer_cache
    cache.clear()
    first = ask(container, ["hr"])
    questions = container.answerer.questions
    real = questions.for_retrieval
    runs: list[str] = []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(args[0])
        return real(*args, **kwargs)

    questions.for_retrieval = counted  # type: ignore[method-assign]
    try:
        again = ask(container, ["hr"])
        assert again[-1]["answer"]["timings"].get("cached") == 1.0 and runs == []  # the typed key's hit
        # The same pseudonymized forms as a fresh answer: the audit and conversations keep the same text.
        assert again[0]["question"] == first[0]["question"]
        assert again[0]["question_pseudonymized"] == first[0]["question_pseudonymized"]
        assert again[-1]["answer"]["question_pseudonymized"] == first[-1]["answer"]["question_pseudonymized"]
        ask(container, ["eng"])  # another group set: the detector runs (no hit across groups)
        assert len(runs) == 1
    finally:
        questions.for_retrieval = real  # type: ignore[method-assign]


def test_no_raw_question_text_in_the_cache(world) -> None:  # type: ignore[no-untyped-def]
    container, _docs = world
    cache = container.answer_cache
    cache.clear()
    asked = "Which bonuses does Jane Doe approve?"
    list(answer_and_audit(container, "tester", ["hr"], asked, False))
    assert len(cache) == 2
    entries = repr(list(cache._entries.items()))  # the cache table: keys and entries
    assert asked not in entries and "Jane Doe" not in entries and "Jane" not in entries
    again = list(answer_and_audit(container, "tester", ["hr"], asked, False))
    assert again[-1]["answer"]["timings"].get("cached") == 1.0


def test_a_cached_answer_is_revealed_per_asker_and_the_reveal_audited(world) -> None:  # type: ignore[no-untyped-def]
    container, _docs = world
    cache = container.answer_cache
    cache.clear()
    ask(container, ["hr"])  # cached in pseudonym space
    plain = ask(container, ["hr"], reveal=False)[-1]["answer"]
    assert plain["timings"].get("cached") == 1.0
    assert plain["revealed"] is False and plain["answer"] == plain["answer_pseudonymized"]
    before = len(container.audit.rows(actions=("reveal",)))
    shown = ask(container, ["hr"], reveal=True)[-1]["answer"]
    assert shown["timings"].get("cached") == 1.0 and shown["revealed"] is True
    # The reveal is made afresh for this asker from the pseudonymized entry, with their scope.
    scope = container.answerer.scope(["hr"])
    scope.learn([c["text"] for c in ask(container, ["hr"])[0]["sources"]])
    texts, _n, _which = reveal_all(container.vault, [plain["answer_pseudonymized"]], scope)
    assert shown["answer"] == texts[0]
    assert len(container.audit.rows(actions=("reveal",))) == before + 1  # audited like any reveal


def test_ingestion_deletion_and_erasure_invalidate_the_cache(world) -> None:  # type: ignore[no-untyped-def]
    container, docs = world
    cache = container.answer_cache

    def cached() -> bool:
        return ask(container, ["hr"])[-1]["answer"]["timings"].get("cached") == 1.0

    ask(container, ["hr"])
    assert cached()
    version = index_version.current(container.catalog)
    extra = docs / "hr" / "hr_more.md"
    extra.write_text("# more\n\nThe Lisbon office opens at nine.\n")
    container.ingestor.run([docs / "hr"], groups=["hr"])
    assert index_version.current(container.catalog) != version
    assert not cached()  # the ingestion changed the version: answered afresh (and cached again)
    assert cached()
    assert delete_document(container, "tester", str(extra)) is not None
    assert not cached()
    erase_value(container, "tester", "Jane Doe")
    assert not cached()
    assert len(cache) <= container.settings.retrieval.answer_cache_entries
