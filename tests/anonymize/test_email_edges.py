"""A name right before an e-mail or web address ends there (``anonymize.email_edges``)."""

from __future__ import annotations

from anonymize.detector import DetectorConfig
from anonymize.email_edges import cut_before_addresses
from anonymize.resolution import Resolution
from tests.anonymize.results_at import result_at


def test_a_name_that_runs_into_an_address_ends_before_it() -> None:
    text = "contact nirmala venkataraman nirmala.v@kaveritex.in today"
    person = result_at(text, "nirmala venkataraman nirmala")
    address = result_at(text, "nirmala.v@kaveritex.in", "EMAIL_ADDRESS", "EmailRecognizer")
    state = Resolution(text, DetectorConfig(), [person, address])
    cut_before_addresses(state)
    assert sorted(text[r.start : r.end] for r in state.results) == [
        "nirmala venkataraman",
        address_text(text),
    ]


def test_a_person_inside_an_address_or_before_it_stays() -> None:
    text = "Ann Lee <ann.lee@x.org>"
    person, inner = result_at(text, "Ann Lee"), result_at(text, "ann.lee")
    address = result_at(text, "ann.lee@x.org", "EMAIL_ADDRESS", "EmailRecognizer")
    state = Resolution(text, DetectorConfig(), [person, inner, address])
    cut_before_addresses(state)
    assert [(r.start, r.end) for r in state.results] == [(p.start, p.end) for p in (person, inner, address)]


def address_text(text: str) -> str:
    return text[text.index("nirmala.v") : text.index(" today")]
