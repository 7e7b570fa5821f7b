"""The vault master key file: created 0600, refused when too permissive or malformed."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from anonymize.keys import KeyFileError, VaultKeys, load_or_create_key


def test_key_is_created_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "vault.key"
    keys = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(base64.b64decode(path.read_text().strip())) == 32
    assert len(keys.lookup_key) == len(keys.encryption_key) == 32
    assert keys.lookup_key != keys.encryption_key


def test_existing_key_is_reused(tmp_path: Path) -> None:
    path = tmp_path / "vault.key"
    first = load_or_create_key(path)
    content = path.read_text()
    assert load_or_create_key(path) == first
    assert load_or_create_key(path, create=False) == first
    assert path.read_text() == content


def test_two_new_keys_differ(tmp_path: Path) -> None:
    assert load_or_create_key(tmp_path / "a.key") != load_or_create_key(tmp_path / "b.key")


def test_keys_are_derived_deterministically_from_the_master() -> None:
    master = bytes(range(32))
    assert VaultKeys.from_master(master) == VaultKeys.from_master(master)
    assert VaultKeys.from_master(master) != VaultKeys.from_master(bytes(32))


def test_missing_key_is_refused_when_creation_is_off(tmp_path: Path) -> None:
    path = tmp_path / "absent.key"
    with pytest.raises(KeyFileError, match="does not exist"):
        load_or_create_key(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_permissive_key_file_is_refused_naming_the_file(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "vault.key"
    load_or_create_key(path)
    os.chmod(path, mode)
    with pytest.raises(KeyFileError) as info:
        load_or_create_key(path)
    assert str(path) in str(info.value)
    assert oct(mode) in str(info.value)


def _write_key(path: Path, text: str) -> Path:
    path.write_text(text)
    os.chmod(path, 0o600)
    return path


def test_malformed_base64_is_refused(tmp_path: Path) -> None:
    path = _write_key(tmp_path / "vault.key", "this is not base64!!\n")
    with pytest.raises(KeyFileError) as info:
        load_or_create_key(path)
    assert str(path) in str(info.value)


def test_key_of_the_wrong_length_is_refused(tmp_path: Path) -> None:
    path = _write_key(tmp_path / "vault.key", base64.b64encode(b"x" * 16).decode() + "\n")
    with pytest.raises(KeyFileError, match="32 bytes"):
        load_or_create_key(path)


def test_empty_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError):
        load_or_create_key(_write_key(tmp_path / "vault.key", ""))


def _lookup_key_of(path: str) -> bytes:
    return load_or_create_key(Path(path)).lookup_key


def test_replicas_creating_the_key_at_once_all_read_one_whole_key(tmp_path: Path) -> None:
    """Two service replicas share a key file and meet it missing at the same moment (CI saw a login fail
    with 500 when one read the other's half-written key): every process gets the same key, none an error."""
    from concurrent.futures import ProcessPoolExecutor

    paths = [str(tmp_path / f"round{n}" / "audit.key") for n in range(12)]
    with ProcessPoolExecutor(6) as pool:
        for path in paths:
            keys = list(pool.map(_lookup_key_of, [path] * 12))
            assert len(set(keys)) == 1 and len(keys[0]) == 32
            assert sorted(p.name for p in Path(path).parent.iterdir()) == ["audit.key"]  # no temporary left
