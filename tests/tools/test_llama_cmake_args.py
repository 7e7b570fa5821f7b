"""tools/llama_cmake_args.sh: the CMake arguments of llama-cpp-python's build (no AMX where it traps)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "llama_cmake_args.sh"
NO_AMX = "-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"


def cmake_args(tmp_path: Path, flags: str | None = None, cc: str | None = None) -> list[str]:
    env = dict(os.environ)
    if flags is not None:
        cpuinfo = tmp_path / "cpuinfo"
        cpuinfo.write_text(f"processor\t: 0\nflags\t\t: {flags}\n")
        env["CPUINFO"] = str(cpuinfo)
    if cc is not None:
        env["CC"] = cc
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, check=True)
    return shlex.split(done.stdout)  # as scikit-build-core splits CMAKE_ARGS


def test_a_cpu_without_amx_builds_as_before(tmp_path: Path) -> None:
    assert cmake_args(tmp_path, "fpu sse2 avx avx2 fma f16c avx512f") == ["-DLLAVA_BUILD=OFF"]


def test_amx_is_left_out_when_the_probe_cannot_run(tmp_path: Path) -> None:
    """No compiler for the probe (or one without AMX support): fail safe, no AMX kernels."""
    args = cmake_args(tmp_path, "avx2 avx512f amx_bf16 amx_tile amx_int8", cc="false")
    assert args == ["-DLLAVA_BUILD=OFF", f"-DCMAKE_C_FLAGS={NO_AMX}", f"-DCMAKE_CXX_FLAGS={NO_AMX}"]


def test_amx_flag_names_are_matched_whole(tmp_path: Path) -> None:
    """``amx_bf16`` alone (no tile support advertised) is no reason to probe."""
    assert cmake_args(tmp_path, "avx2 amx_bf16", cc="false") == ["-DLLAVA_BUILD=OFF"]


def test_this_machine_gets_arguments_cmake_accepts(tmp_path: Path) -> None:
    """On the real CPU (AMX or not, working or trapping) every argument is a CMake definition."""
    args = cmake_args(tmp_path)
    assert args[0] == "-DLLAVA_BUILD=OFF"
    assert all(a.startswith("-D") and "=" in a for a in args)
    advertised = "amx_tile" in Path("/proc/cpuinfo").read_text().split()
    if not advertised:
        assert args == ["-DLLAVA_BUILD=OFF"]
