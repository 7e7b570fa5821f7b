"""The figures of `privrag bench ingest --large`: chunks/s per tenth of the files and per minute, the
resident-memory sampler."""

from __future__ import annotations

import time

from app.commands.bench_large import MemorySampler, by_minute, by_tenth, memory_mb, rss_mb


def test_rates_by_tenth_follow_the_files_done() -> None:
    # 100 files, 3 chunks each, one file a second for the first half then one every two seconds
    samples, t = [(0.0, 0, 0)], 0.0
    for done in range(1, 101):
        t += 1.0 if done <= 50 else 2.0
        samples.append((t, done, 3 * done))
    rss = [(float(x), 500.0 + x) for x in range(0, 151, 5)]
    tenths = by_tenth(samples, 100, rss)
    assert [t["chunks"] for t in tenths] == [30] * 10
    assert tenths[0]["chunks_per_s"] == 3.0 and tenths[-1]["chunks_per_s"] == 1.5
    assert tenths[0]["peak_rss_mb"] == 510.0 and tenths[-1]["peak_rss_mb"] == 650.0
    assert by_tenth([], 100, rss) == []
    assert "end_anon_mb" not in tenths[0]  # no split given


def test_tenths_report_anonymous_and_file_backed_memory_at_their_end() -> None:
    samples = [(float(done), done, done) for done in range(0, 11)]  # one file (one chunk) a second
    rss = [(float(t), 100.0 + t) for t in range(0, 11)]
    split = [(float(t), 60.0 + t, 40.0) for t in range(0, 11)]
    tenths = by_tenth(samples, 10, rss, split)
    assert [t["end_anon_mb"] for t in tenths] == [61.0 + k for k in range(10)]
    assert {t["end_file_mb"] for t in tenths} == {40.0}


def test_rates_by_minute() -> None:
    samples = [(float(s), s, 2 * s) for s in range(0, 190, 10)]  # 2 chunks a second for 3 minutes
    assert by_minute(samples) == [2.0, 2.0, 2.0]
    assert by_minute([]) == []


def test_the_memory_sampler_reads_this_process() -> None:
    assert rss_mb() > 10
    memory = memory_mb()
    assert memory["RssAnon"] > 0 and memory["RssFile"] > 0
    assert abs(memory["RssAnon"] + memory["RssFile"] - memory["VmRSS"]) < 0.1 * memory["VmRSS"]  # + shmem
    sampler = MemorySampler(interval=0.01)
    sampler.start()
    block = bytearray(50 * 1024 * 1024)  # noqa: F841  # resident while sampled
    for _ in range(1000):
        if len(sampler.samples) >= 3:
            break
        time.sleep(0.01)
    samples = sampler.stop()
    assert len(samples) >= 3 and all(mb > 10 for _, mb in samples)
    assert len(sampler.split) == len(samples) and all(anon > 10 for _, anon, _ in sampler.split)
