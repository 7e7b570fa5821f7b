"""The command line starts without the heavy libraries: `privrag --help` and every command's argument
parsing import neither the detector (Presidio, spaCy) nor the embedder (torch) nor llama-index; a command
that talks to a running service never needs them either. Checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "presidio_analyzer", "spacy", "llama_index.core", "transformers", "app.container")

PROBE = (
    f"HEAVY = {HEAVY!r}\n"
    + """
import json, sys
from app.cli import build_parser
from app.backend import choose
parser = build_parser()
for argv in (["ask", "q"], ["eval", "pii", "--dataset", "d"], ["bench", "ingest"], ["users", "list"]):
    parser.parse_args(argv)
print(json.dumps({name: name in sys.modules for name in HEAVY}))
"""
)


def test_parsing_every_command_imports_no_heavy_library() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert not any(loaded.values()), f"imported at start-up: {[k for k, v in loaded.items() if v]}"


def test_help_lists_the_command_groups_registered_by_their_modules() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    for command in ("anonymize", "generate", "ingest", "retrieve"):
        assert command in out.stdout


def test_setup_and_user_commands_without_a_service_import_no_heavy_library(tmp_path: Path) -> None:
    """The local backend's container builds the detector, the embedder and the chat model only when a command
    needs them: creating the home, the first admin and a user does not."""
    home = tmp_path / "home"
    probe = f"HEAVY = {HEAVY[:-1]!r}\n" + (
        "import json, sys\n"
        "from app.cli import main\n"
        f"assert main(['--home', {str(home)!r}, 'setup', '--no-model', '--json']) == 0\n"
        f"assert main(['--home', {str(home)!r}, 'users', 'list', '--json']) == 0\n"
        "print(json.dumps({name: name in sys.modules for name in HEAVY}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    lines = out.stdout.strip().splitlines()
    assert '"admin_created": true' in lines[0]
    loaded = json.loads(lines[-1])
    assert not any(loaded.values()), f"imported by setup: {[k for k, v in loaded.items() if v]}"
    assert (home / "admin-password.txt").is_file()
