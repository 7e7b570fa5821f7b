"""Words that label a form's field rather than name a person (``anonymize.label_words``)."""

from __future__ import annotations

import pytest

from anonymize.label_words import agent_noun
from anonymize.name_lexicon import NameLexicon


@pytest.mark.parametrize("word", ["Requester", "Assignee", "Approver", "Borrower", "REVIEWER"])
def test_agent_nouns_of_frequent_verbs(word: str, lexicon: NameLexicon) -> None:
    assert agent_noun(word, lexicon)


@pytest.mark.parametrize("word", ["Baker", "Miller", "Hunter", "Peter", "Heather", "Tyler", "Walter", "Ee"])
def test_names_that_end_like_agent_nouns(word: str, lexicon: NameLexicon) -> None:
    """Given names and surnames of the lexicon stay names ("Miller:" in a transcript)."""
    assert not agent_noun(word, lexicon)
