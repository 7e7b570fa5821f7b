"""The compact name lexicon: its file format and the real one derived from names-dataset."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from anonymize import name_lexicon


def test_load_reads_the_sections(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("#given\nanna\nwill\n#surname\nokafor\nwill\nlind\n#common\nwill\n")
    lexicon = name_lexicon.load(path)
    assert lexicon.given_name("Anna") and not lexicon.surname("Anna")
    assert lexicon.surname("OKAFOR")
    assert not lexicon.name_word("Will")  # a frequent English word is no evidence
    assert lexicon.name_word("Okafor-Lind")  # both parts are names
    assert not lexicon.name_word("Okafor-Table")


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("#places\nparis\n")
    with pytest.raises(ValueError, match="bad.txt.gz: unknown section"):
        name_lexicon.load(path)


@pytest.mark.integration
def test_the_derived_lexicon_knows_names_of_many_origins() -> None:
    lexicon = name_lexicon.load()  # derived from names-dataset on first use, then cached
    for name in ("Medved", "Okafor", "Nguyen", "Saadani", "Kowalczyk", "Haraldsen", "Chandana", "Dirk"):
        assert lexicon.name_word(name), name
    # names-dataset writes "O'Sullivan" as "osullivan": the apostrophe after O', D', L' is left out to look
    # a name up (detector 26), not in "o'clock".
    for name in ("O'Sullivan", "O'ROURKE", "D'Souza", "O'Neill"):
        assert lexicon.name_word(name) and lexicon.surname(name), name
    assert not lexicon.name_word("o'clock")
    # Frequent English words that names-dataset also lists as names are flagged.
    for word in ("House", "Study", "Analysis", "Cell", "The", "London"):
        assert not lexicon.name_word(word), word


@pytest.mark.integration
def test_ordinary_words_are_frequent_english_words_that_are_no_common_names() -> None:
    lexicon = name_lexicon.load()
    for word in ("vague", "laptop", "outdated", "hope"):  # "hope": a name, but first an English word
        assert lexicon.ordinary_word(word), word
    for word in ("maria", "gonzalez", "brown", "okonkwo", "Vague", "x2"):  # names; capitalized; not a word
        assert not lexicon.ordinary_word(word), word
