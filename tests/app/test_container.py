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
