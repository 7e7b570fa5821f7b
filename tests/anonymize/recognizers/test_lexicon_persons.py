"""The common part of the lexicon recognizers (issue 19, session 17): each finds persons only, with the
lexicon it was given, and a country is never a person's name in any of them (a small hand-made lexicon that
holds "Jordan" and "Chad" as names, as people bear them)."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.inverted_names import InvertedNameRecognizer
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer
from anonymize.recognizers.name_evidence import NameEvidenceRecognizer

LEXICON = NameLexicon(
    given=frozenset(["jordan", "chad", "ingrid", "tove"]),
    surnames=frozenset(["lind", "medved", "jordan", "chad"]),
    common=frozenset(),
)
KINDS = [NameEvidenceRecognizer, InvertedNameRecognizer, LowerCaseNameRecognizer]


@pytest.mark.parametrize("kind", KINDS)
def test_each_finds_persons_only_with_the_lexicon_it_was_given(kind: type[LexiconPersonRecognizer]) -> None:
    recognizer = kind(LEXICON)
    assert isinstance(recognizer, LexiconPersonRecognizer)
    assert recognizer.supported_entities == ["PERSON"] and recognizer.lexicon is LEXICON
    assert "chad" in recognizer.countries and "jordan" in recognizer.countries
    assert recognizer.analyze("3 - Ingrid Lind , 4 - Tove Medved", ["LOCATION"], None) == []


def test_a_country_is_no_name_where_the_lexicon_holds_it() -> None:
    text = "Squad:\n3 - Chad , 4 - Ingrid Lind , 5 - Jordan\n"
    found = [text[r.start : r.end] for r in NameEvidenceRecognizer(LEXICON).analyze(text, ["PERSON"], None)]
    assert found == ["Ingrid Lind"]
    cells = "Surname, Given\nLind, Ingrid\nJordan, Chad\n"
    results = InvertedNameRecognizer(LEXICON).analyze(cells, ["PERSON"], None)
    inverted = [cells[r.start : r.end] for r in results]
    assert "Jordan, Chad" not in inverted
