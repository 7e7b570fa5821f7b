"""`--shard I/N`: every file in exactly one shard, by a hash of its path relative to the folder given."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.discovery import discover
from ingest.sharding import Shard, ShardError, shard_key

FILES = [f"team{t}/notes/n{i}.md" for t in range(5) for i in range(8)] + ["top.txt"]


def _tree(root: Path) -> None:
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"{name}\n")


@pytest.mark.parametrize(
    "text, shard", [("1/1", Shard(1, 1)), ("2/3", Shard(2, 3)), (" 3 / 3 ", Shard(3, 3))]
)
def test_parse(text: str, shard: Shard) -> None:
    assert Shard.parse(text) == shard
    assert str(shard) == f"{shard.index}/{shard.count}"


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "3", "a/b", "-1/2", "1/2/3", ""])
def test_malformed_shards_are_refused_with_the_rule(text: str) -> None:
    with pytest.raises(ShardError, match="--shard"):
        Shard.parse(text)


def test_every_file_is_in_exactly_one_shard(tmp_path: Path) -> None:
    _tree(tmp_path)
    everything = discover([tmp_path], {".md", ".txt"}).files
    parts = [discover([tmp_path], {".md", ".txt"}, Shard(i, 3)).files for i in (1, 2, 3)]
    assert sorted(p for part in parts for p in part) == sorted(everything)
    assert len(everything) == len(FILES)
    assert all(parts)  # 41 files: every shard gets some


def test_the_split_depends_only_on_relative_paths(tmp_path: Path) -> None:
    first, second = tmp_path / "mnt" / "a", tmp_path / "elsewhere"
    first.mkdir(parents=True)
    second.mkdir()
    _tree(first)
    _tree(second)
    shard = Shard(2, 4)
    mine = [shard_key(p, first) for p in discover([first], {".md", ".txt"}, shard).files]
    theirs = [shard_key(p, second) for p in discover([second], {".md", ".txt"}, shard).files]
    assert mine == theirs
    # Fixed for good (SHA-256 of the relative path, not Python's salted hash()): same on every machine.
    assert [Shard(i, 4).owns_key("team0/notes/n0.md") for i in range(1, 5)].count(True) == 1
    digest = int.from_bytes(hashlib.sha256(b"team0/notes/n0.md").digest()[:8], "big")
    assert Shard(digest % 4 + 1, 4).owns_key("team0/notes/n0.md")


def test_a_file_named_explicitly_is_keyed_by_its_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    target = tmp_path / "top.txt"
    owners = [i for i in (1, 2, 3) if discover([target], {".txt"}, Shard(i, 3)).files]
    assert len(owners) == 1 and Shard(owners[0], 3).owns_key("top.txt")


def test_catalogued_sources_belong_to_the_shard_of_their_root(tmp_path: Path) -> None:
    """How a shard's recovery and --sync pick their own documents among everyone's."""
    root = tmp_path / "docs"
    source = root / "team1" / "notes" / "n3.md"
    owners = [i for i in (1, 2, 3) if Shard(i, 3).owns_source(source, [tmp_path / "other", root])]
    assert owners == [i for i in (1, 2, 3) if Shard(i, 3).owns_key("team1/notes/n3.md")]
    assert len(owners) == 1
    assert not any(Shard(i, 3).owns_source(tmp_path / "outside.md", [root]) for i in (1, 2, 3))
