"""The eval extra: installed by `make test`; without it the evaluation commands fail with one line."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import sys
from pathlib import Path

import pytest

from eval.extra import EVAL_MODULES, EvalExtraMissing, missing_eval_packages, require_eval_extra


class _Blocker(importlib.abc.MetaPathFinder):
    """Makes the named top-level modules (and their submodules) impossible to find, as if not installed."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def uninstall(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    for loaded in [m for m in sys.modules if m.split(".")[0] in names]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setattr(sys, "meta_path", [_Blocker(names), *sys.meta_path])


def test_make_test_installs_every_package_of_the_extra() -> None:
    assert missing_eval_packages() == []
    require_eval_extra("privrag eval retrieval")  # no error


def test_the_missing_distributions_are_named_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uninstall(monkeypatch, "ranx", "bm25s")
    assert missing_eval_packages() == ["bm25s", "ranx"]
    with pytest.raises(EvalExtraMissing) as caught:
        require_eval_extra("privrag eval retrieval")
    assert str(caught.value) == (
        "privrag eval retrieval needs the evaluation packages (missing: bm25s, ranx): "
        "pip install 'privrag[eval]'"
    )
    assert set(EVAL_MODULES.values()) >= {"presidio-evaluator", "matplotlib", "ranx", "bm25s"}


def test_eval_retrieval_without_the_extra_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    corpus = tmp_path / "beir"
    (corpus / "qrels").mkdir(parents=True)
    (corpus / "corpus.jsonl").write_text(
        json.dumps({"_id": "d1", "title": "", "text": "Leave is paid."}) + "\n"
    )
    (corpus / "queries.jsonl").write_text(json.dumps({"_id": "1", "text": "Is leave paid?"}) + "\n")
    (corpus / "qrels" / "train.tsv").write_text("query-id\tcorpus-id\tscore\n1\td1\t1\n")
    uninstall(monkeypatch, "presidio_evaluator")
    code = main(["--home", str(tmp_path / "home"), "eval", "retrieval", "--dataset", str(corpus), "--json"])
    out, err = capsys.readouterr()
    assert code != 0
    (line,) = [x for x in err.splitlines() if x.startswith("privrag: error")]
    assert line.endswith("(missing: presidio-evaluator): pip install 'privrag[eval]'")
    assert "privrag eval retrieval needs the evaluation packages" in json.loads(out)["error"]
    assert not (tmp_path / "home" / "reports").exists()  # nothing was ingested or written
