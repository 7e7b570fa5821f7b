"""Shared fixtures: offline environment, a tiny GGUF, homes with the sample ingested."""

from __future__ import annotations

import os
import tempfile

from anonymize.offline import go_offline

go_offline(force=True)  # the product's offline environment (anonymize/offline.py), whatever the shell has
for _key in [k for k in os.environ if k.startswith("PRIVRAG_") and not k.startswith("PRIVRAG_TEST_")]:
    del os.environ[_key]
# Tests embed with torch (no per-machine export and timing in every test home or CLI child); the ONNX variants
# and the auto choice are tested with their own settings (tests/retrieval/test_embedding_variants.py).
os.environ["PRIVRAG_EMBEDDING__VARIANT"] = "torch"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.fixtures.tiny_gguf import make_tiny_gguf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
SAMPLE_PII = Path(__file__).parent / "fixtures" / "sample_pii_values.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest test files first, longest of all first (``pytest.mark.slow_file(seconds)`` at a module's
    top: its tests' time on a busy 2-core runner, about); the others keep their order. pytest-xdist's
    ``--dist loadfile`` hands out whole files in this order (the Makefile passes ``--no-loadscope-reorder``;
    xdist's own order, most tests first, started the one-test crash file last: the other worker waited
    minutes for it), so the two workers end together."""

    def seconds(item: pytest.Item) -> float:
        marker = item.get_closest_marker("slow_file")
        return float(marker.args[0]) if marker else 0.0

    items.sort(key=lambda item: -seconds(item))  # stable: files and their tests keep their order


@pytest.fixture(autouse=True)
def the_real_main_module() -> Iterator[None]:
    """Streamlit's AppTest runs page scripts as ``__main__`` and leaves its temporary script there; a later
    test in the same process that spawns helper processes (the analysis pool, bench anonymize) would make each
    child re-run that script. Every test starts and ends with the process's real ``__main__``."""
    import sys

    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(scope="session", autouse=True)
def streamlit_leaves_sys_path_alone() -> Iterator[None]:
    """AppTest puts its script's folder first on sys.path for each run and removes it after; a service
    thread importing in the same process at that moment can skip an entry of sys.path as it shifts (CI saw
    the eval job read matplotlib, then PyStemmer, as not installed). With the folder already on sys.path
    (last: it shadows nothing), Streamlit leaves sys.path alone; app/ui.py does so for its own folder."""
    import sys

    from streamlit.testing.v1.app_test import TMP_DIR

    sys.path.append(TMP_DIR.name)
    yield
    sys.path.remove(TMP_DIR.name)


@pytest.fixture(scope="session", autouse=True)
def one_load_of_the_detector_models() -> Iterator[None]:
    """Each container builds its own PII detector, which loads the spaCy pipeline and the name lexicon again:
    seconds each, some hundred times in the suite. Within one test process they are loaded once and shared
    (read only: presidio runs the pipeline, the lexicon is frozen). Calls with options (``spacy.load(path,
    disable=...)``) or an explicit lexicon file load as usual; helper processes load their own."""
    import spacy

    from anonymize import name_lexicon

    load_spacy, load_lexicon = spacy.load, name_lexicon.load
    pipelines: dict[str, object] = {}
    lexicons: list[name_lexicon.NameLexicon] = []

    def shared_pipeline(name, **options):  # type: ignore[no-untyped-def]
        if options:
            return load_spacy(name, **options)
        if str(name) not in pipelines:
            pipelines[str(name)] = load_spacy(name)
        return pipelines[str(name)]

    def shared_lexicon(path: Path | None = None) -> name_lexicon.NameLexicon:
        if path is not None:
            return load_lexicon(path)
        if not lexicons:
            lexicons.append(load_lexicon())
        return lexicons[0]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spacy, "load", shared_pipeline)
        patch.setattr(name_lexicon, "load", shared_lexicon)
        yield


@pytest.fixture(scope="session")
def onnx_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with the embedding model exported once for the session to each ONNX variant (offline,
    from the packaged model folder); an export is a minute of CPU, so every test reuses these."""
    import fcntl

    from retrieval.embedding import default_model_path
    from retrieval.onnx_export import export_variant

    # One folder for every xdist worker of the run: the first exports, the others wait and reuse.
    run_folder = tmp_path_factory.getbasetemp()
    folder = (run_folder.parent if os.environ.get("PYTEST_XDIST_WORKER") else run_folder) / "onnx-exports"
    folder.mkdir(exist_ok=True)
    with (folder.parent / "onnx-exports.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        export_variant(default_model_path(), "onnx-int8", folder)  # the fp32 (fused) file on the way
    return folder


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_gguf(tmp_path_factory.mktemp("models") / "tiny.gguf")


def _tiny_gguf_path(folder: Path) -> Path:
    """The tiny model written into ``folder`` (for module-level set-up outside fixtures)."""
    return make_tiny_gguf(folder / "tiny.gguf")


def make_settings(home: Path, model: Path | None, **overrides: object):  # type: ignore[no-untyped-def]
    from app.settings import load_settings

    settings = load_settings(home, home / "privrag.toml")
    settings.ingest.allowed_roots = ["~", tempfile.gettempdir(), str(ROOT / "data")]
    settings.service.chat_per_minute = 0  # the limits are tested on their own (tests/app/test_limits.py)
    settings.service.logins_per_minute = 0
    if model is not None:
        settings.llm.model_path = str(model)
        settings.llm.max_tokens = 24
        settings.llm.n_ctx = 8192  # the tiny model tokenizes byte by byte
        # The tiny model's words and verdicts are random, so its drafts would be withheld as ungrounded or
        # judged unanswered: the grounding checks and the judge have their own tests
        # (tests/retrieval/test_answer_grounding.py).
        settings.retrieval.min_support = 0.0
        settings.retrieval.verify_answers = False
    for dotted, value in overrides.items():
        name, key = dotted.split("__")
        section = getattr(settings, name)
        # Validated like the config file would be (a str becomes a SecretStr, a bad value is refused).
        setattr(settings, name, type(section).model_validate({**dict(section), key: value}))
    return settings


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    """A container over a home with data/sample ingested once for the session (tiny model)."""
    from app.container import Container

    home = tmp_path_factory.mktemp("sample_home")
    container = Container(make_settings(home, tiny_gguf))
    report = container.ingestor.run([SAMPLE])
    assert not report.failed, report.failed
    yield container
    container.close()


@pytest.fixture
def sample_pii_values() -> list[str]:
    return [line.strip() for line in SAMPLE_PII.read_text().splitlines() if line.strip()]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (see tests/pg.py): its SQLAlchemy URL."""
    from tests.pg import fresh_database

    with fresh_database() as url:
        yield url


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    """Run the ``privrag`` CLI in-process; with --json its stdout must be exactly one JSON object, returned
    parsed with the exit status."""
    import json

    from app.cli import main

    capsys.readouterr()
    code = main(list(argv))
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1, lines
    return code, json.loads(lines[0])


TEST_PASSWORD = "a-long-enough-password"


def new_user_token(container, role: str, groups: list[str] | None = None) -> str:  # type: ignore[no-untyped-def]
    """A new user (unique name, ``TEST_PASSWORD``) with ``role`` and ``groups`` (default: all); its token."""
    import uuid

    name = f"{role}-{uuid.uuid4().hex[:8]}"
    container.users.add(name, role, ["all"] if groups is None else groups, TEST_PASSWORD)
    return container.users.issue_token(name)


def bearer(token: str) -> dict[str, str]:
    """Request headers carrying ``token``."""
    return {"Authorization": f"Bearer {token}"}
