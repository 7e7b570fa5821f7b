"""A name followed by its bearer's other initial (``anonymize.initial_tails``)."""

from __future__ import annotations

from anonymize.detector import DetectorConfig
from anonymize.initial_tails import initial_tails
from anonymize.resolution import Resolution
from tests.anonymize.results_at import result_at


def tails(text: str, *persons: tuple[str, int]) -> list[str]:
    results = [result_at(text, p, nth=n) for p, n in persons]
    state = Resolution(text, DetectorConfig(), results)
    initial_tails(state)
    return sorted(text[r.start : r.end] for r in state.results if r.entity_type == "PERSON")


def test_a_found_word_grows_over_the_initial_of_its_persons_other_word() -> None:
    text = 'Varga Levente raised them. The ERP shows "VARGA L" and MORI D. no reply'
    assert tails(text, ("Varga Levente", 0), ("VARGA", 0)) == ["VARGA L", "Varga Levente"]


def test_the_insiders_forms() -> None:
    """A comma, a dot, lower case, a hyphenated surname, a mention the detector did not find."""
    text = "Rhodri Evans, Dylan Thomas-Hughes, Bold Tsend. EVANS, R. / thomas-hughes d / bold ts. / Evans R."
    found = tails(text, ("Rhodri Evans", 0), ("Dylan Thomas-Hughes", 0), ("Bold Tsend", 0))
    assert {"EVANS, R.", "thomas-hughes d", "bold ts.", "Evans R."} <= set(found)


def test_initials_of_no_word_of_the_person_and_articles_stay() -> None:
    text = (
        "Rhodri Evans met Anna Ito. NATO A. and EVANS D. and Evans A new plan; told Anna I would. EVANS RD 4"
    )
    found = tails(text, ("Rhodri Evans", 0), ("Anna Ito", 0), ("EVANS", 0), ("Anna", 1), ("EVANS", 1))
    assert found == ["Anna", "Anna Ito", "EVANS", "EVANS", "Rhodri Evans"]


def test_a_code_after_a_name_stays() -> None:
    text = "Ingrid Lund on call. ASSIGNED TO LUND I2 and Lund I-9"
    assert tails(text, ("Ingrid Lund", 0), ("LUND", 0)) == ["Ingrid Lund", "LUND"]
