#!/usr/bin/env bash
# The CMake arguments llama-cpp-python's build gets (CMAKE_ARGS), printed on one line for the Makefile.
#
# llama.cpp is compiled for the CPU it is built on (-march=native). Some virtual machines advertise Intel AMX
# (amx_tile in /proc/cpuinfo, and the kernel grants the tile permission) but trap its first tile instruction:
# llama.cpp then dies with SIGILL ("Illegal instruction") on the first prompt of more than one token. Where the
# CPU advertises AMX, a 20-line probe runs one tile instruction; if it traps, or cannot be compiled, AMX is left
# out of the build (-mno-amx-*: the AVX-512 / AVX2 kernels are used). On a CPU without AMX nothing changes.
#
# CPUINFO: the cpuinfo file to read (tests); CC: the C compiler (default gcc).
set -u
args="-DLLAVA_BUILD=OFF"  # the multimodal library (libmtmd) privrag never loads
cpuinfo="${CPUINFO:-/proc/cpuinfo}"
cc="${CC:-gcc}"

amx_works() {
  local dir rc
  dir="$(mktemp -d)" || return 1
  cat >"$dir/amx.c" <<'PROBE'
#include <immintrin.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    unsigned char cfg[64];
    if (syscall(SYS_arch_prctl, 0x1023 /* ARCH_REQ_XCOMP_PERM */, 18 /* XTILEDATA */)) return 2;
    memset(cfg, 0, sizeof cfg);
    cfg[0] = 1;              /* palette 1 */
    cfg[16] = 64;            /* tile 0: 64 bytes a row */
    cfg[48] = 16;            /* tile 0: 16 rows */
    _tile_loadconfig(cfg);
    _tile_zero(0);
    _tile_release();
    return 0;
}
PROBE
  if "$cc" -O1 -mamx-tile -o "$dir/amx" "$dir/amx.c" >/dev/null 2>&1; then
    ("$dir/amx") >/dev/null 2>&1
    rc=$?
  else
    rc=1
  fi
  rm -rf "$dir"
  return "$rc"
}

if grep -qw amx_tile "$cpuinfo" 2>/dev/null && ! amx_works 2>/dev/null; then
  flags="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
  args="$args -DCMAKE_C_FLAGS='$flags' -DCMAKE_CXX_FLAGS='$flags'"
  echo "privrag: this CPU advertises AMX but traps its instructions: llama.cpp is built without AMX" >&2
fi
echo "$args"
