"""The container builds the PII detector from the [anonymize] settings (thresholds, lists, custom regexes)."""

from __future__ import annotations

from pathlib import Path

from app.container import Container
from app.settings import load_settings

CONFIG = """
[anonymize]
thresholds = {PERSON = 0.7}
allow_list = ["Northwind"]
deny_list = {PROJECT = ["Bluebird"]}
custom = [{entity_type = "EMPLOYEE_ID", regex = "\\\\bEMP-\\\\d{6}\\\\b", context = ["employee"]}]
"""


def test_detector_and_pseudonymizer_follow_the_settings(tmp_path: Path) -> None:
    (tmp_path / "privrag.toml").write_text(CONFIG)
    container = Container(load_settings(tmp_path))
    try:
        config = container.detector.config
        assert config.thresholds == {"PERSON": 0.7} and config.allow_list == ["Northwind"]
        assert config.deny_list == {"PROJECT": ["Bluebird"]}
        assert [(c.entity_type, c.regex) for c in config.custom] == [("EMPLOYEE_ID", r"\bEMP-\d{6}\b")]
        pseudonymizer = container.pseudonymizer
        assert pseudonymizer is not None and pseudonymizer.detector is container.detector
        assert "EMPLOYEE_ID" in pseudonymizer.pseudonymize  # custom identifiers are protected
        (result,) = pseudonymizer.run(["Employee EMP-123456 leads Bluebird at Northwind."])
        assert result.text == "Employee <EMPLOYEE_ID_1> leads Bluebird at Northwind."
        assert result.detected["PROJECT"] == 1
    finally:
        container.close()


def test_helper_processes_follow_the_settings_and_stop_with_the_container(tmp_path: Path) -> None:
    (tmp_path / "privrag.toml").write_text(CONFIG + "workers = 1\n")
    container = Container(load_settings(tmp_path))
    try:
        detector = container.detector
        assert detector.config.workers == 1
        assert detector.start_helpers(wait=True)
        texts = [f"Employee EMP-{i:06d} called Jane Doe about Bluebird at Northwind." for i in range(200)]
        assert sum(map(len, texts)) >= detector.config.parallel_min_chars
        results = detector.analyze(texts)  # split over this process and the helper
        found = [
            {(r.entity_type, t[r.start : r.end]) for r in rs} for t, rs in zip(texts, results, strict=True)
        ]
        # The helper runs the configured recognizers too: custom identifier, deny list, allow list.
        for i, spans in enumerate(found):
            assert ("EMPLOYEE_ID", f"EMP-{i:06d}") in spans and ("PROJECT", "Bluebird") in spans
            assert not any(value == "Northwind" for _, value in spans)
    finally:
        container.close()
    assert detector._pool is None


def test_the_store_takes_the_embedders_dimension_without_loading_its_weights(tmp_path: Path) -> None:
    container = Container(load_settings(tmp_path))
    try:
        assert container.embedding_dim == 384
        assert container.vector_store.dim == 384
        assert "embed_model" not in container.__dict__  # read from the model folder's configs
    finally:
        container.close()
