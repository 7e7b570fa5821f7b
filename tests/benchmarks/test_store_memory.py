"""benchmarks/store_memory.py: the embedded store's own memory, points upserted into a real edge store."""

from __future__ import annotations

from benchmarks import store_memory


def test_chunk_nodes_have_unique_ids_per_seed_and_unit_vectors() -> None:
    first, second = store_memory.chunk_nodes(40, 0, 8), store_memory.chunk_nodes(40, 40, 8)
    ids = {n.node_id for n in first} | {n.node_id for n in second}
    assert len(ids) == 80  # every step writes new points, never overwrites the last step's
    for node in first:
        assert node.embedding is not None and abs(sum(x * x for x in node.embedding) - 1.0) < 1e-6
        assert 0 < len(node.text) <= store_memory.CHUNK_CHARS and node.metadata["file_id"]


def test_a_small_run_stores_every_point_and_reports_memory_per_step() -> None:
    result = store_memory.run(points=300, step=150, batch=64, trace=True, optimize=True)
    assert result["stored"] == 300
    assert [row["points"] for row in result["rows"]] == [150, 300]
    for row in result["rows"]:
        assert row["anon_mb"] > 0 and row["file_mb"] > 0 and row["disk_mb"] > 0
        assert row["python_heap_mb"] < 5  # traced since the run began: the engine keeps its points natively
    assert set(result["kb_per_point_after_first_step"]) == {"rss_mb", "anon_mb", "file_mb", "disk_mb"}
    assert result["after_optimize_mb"]["RssAnon"] > 0


def test_a_run_on_disk_times_its_searches() -> None:
    result = store_memory.run(points=200, step=200, batch=64, trace=False, memory="disk", searches=12)
    assert result["memory"] == "disk" and result["stored"] == 200
    latency = result["search_ms"]
    assert latency["searches"] == 12 and 0 < latency["median_ms"] <= latency["p95_ms"]
    assert latency["anon_mb_after"] > 0 and latency["file_mb_after"] > 0
