"""The name right before its bearer's e-mail address (``anonymize.email_names``)."""

from __future__ import annotations

from anonymize.detector import DetectorConfig
from anonymize.email_names import email_names
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from tests.anonymize.results_at import result_at

LEXICON = NameLexicon(
    given=frozenset(["nirmala", "tomasz"]), surnames=frozenset(["zielinski"]), common=frozenset()
)


def names(text: str, *addresses: str) -> list[str]:
    results = [result_at(text, a, "EMAIL_ADDRESS", "EmailRecognizer") for a in addresses]
    state = Resolution(text, DetectorConfig(), list(results), lexicon=LEXICON)
    email_names(state)
    return [text[r.start : r.end] for r in state.results if r.entity_type == "PERSON"]


def test_the_words_that_make_the_local_part() -> None:
    text = "new ap contact is nirmala venkataraman nirmala.v@kaveritex.in mobile 98410 27735"
    assert names(text, "nirmala.v@kaveritex.in") == ["nirmala venkataraman"]


def test_the_insiders_spellings() -> None:
    """Title case, capitals, brackets, a colon, a glued local part."""
    assert names("Nirmala Venkataraman <nirmala.v@x.in>", "nirmala.v@x.in") == ["Nirmala Venkataraman"]
    assert names("NIRMALA VENKATARAMAN (nirmala_v@x.in)", "nirmala_v@x.in") == ["NIRMALA VENKATARAMAN"]
    assert names("Tomasz Zieliński: tzielinski@x.pl", "tzielinski@x.pl") == ["Tomasz Zieliński"]


def test_no_team_and_no_unused_word() -> None:
    """A one-part local part is a team's as often ("support@"); every word must be used; one word must be a
    lexicon name ("sales team sales.team@")."""
    assert names("email support support@acme.com", "support@acme.com") == []
    assert names("write to sales team sales.team@acme.com", "sales.team@acme.com") == []
    assert names("contact is nirmala venkataraman, AP nirmala.v@x.in", "nirmala.v@x.in") == []
