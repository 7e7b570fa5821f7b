"""Words that label a field of a form or a ticket rather than name a person: everyday English words
("Tenant:", "Witnesses:"), and the agent or patient noun of a frequent English verb ("Requester:",
"Assignee:", "Approver:"), rare words themselves, so the frequency test of everyday words misses them."""

from __future__ import annotations

from anonymize.name_lexicon import NameLexicon
from anonymize.word_kinds import english_zipf

_VERB_ZIPF = 3.5  # "assign" 3.7, "approve" 4.1, "request" 4.8
_ENGLISH_ZIPF = 3.0


def label_word(word: str, lexicon: NameLexicon) -> bool:
    """A word of everyday English ("Tenant", "Witnesses", "Hope") that is no given name people commonly bear
    ("Mark", "Grace" are), or an agent noun (``agent_noun``): a word of a field's label."""
    return (english_zipf(word.lower()) >= _ENGLISH_ZIPF and not lexicon.given_name(word)) or agent_noun(
        word, lexicon
    )


def agent_noun(word: str, lexicon: NameLexicon) -> bool:
    """``word`` ends in "-er" or "-ee" after a frequent English word ("Request-er", "Approv(e)-r",
    "Assign-ee") and is no given name or surname of the ``lexicon`` ("Baker", "Miller", "Hunter" are)."""
    folded = word.casefold()
    if len(folded) < 6 or not folded.isalpha() or not folded.endswith(("er", "ee")):
        return False
    if folded in lexicon.given or folded in lexicon.surnames:  # frequent English words too ("Walter")
        return False
    return any(english_zipf(stem) >= _VERB_ZIPF for stem in (folded[:-2], folded[:-1]))
