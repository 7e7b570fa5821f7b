"""Mentions of a found name typed without its accents or hyphens (``anonymize.folded_mentions``): the step
with hand-made results, and the insider's probes through the real detector."""

from __future__ import annotations

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.folded_mentions import folded_mentions
from anonymize.resolution import Resolution
from tests.anonymize.results_at import result_at


def folded(text: str, *persons: str) -> list[str]:
    results = [result_at(text, p) for p in persons]
    state = Resolution(text, DetectorConfig(), list(results))
    folded_mentions(state)
    return [text[r.start : r.end] for r in state.results if r.entity_type == "PERSON" and r not in results]


def test_a_whole_name_typed_without_its_accents() -> None:
    text = "adding Đặng Thu Thảo / dang thu thao, consent in consent_dang_thu_thao.pdf; DANG THU THAO agreed"
    assert folded(text, "Đặng Thu Thảo") == ["dang thu thao", "dang_thu_thao", "DANG THU THAO"]


def test_a_word_typed_without_its_hyphen_or_accents() -> None:
    text = (
        "09:31 Baek Ha-neul: summary done\n09:41 haneul: welcome! photos: IMG_popescu_01.jpg of Popescu-Vlad"
    )
    assert folded(text, "Baek Ha-neul", "Popescu-Vlad") == ["haneul", "popescu"]


def test_a_name_found_in_capitals_in_lower_case() -> None:
    text = "guest MR. HARTMANN altitude headache\nhartmann fine now"
    assert folded(text, "HARTMANN") == ["hartmann"]


def test_repeats_written_as_found_are_left_to_the_other_steps() -> None:
    """A repeat the name's own form finds ("Nino", "nino" of "Nino") is ``name_forms``' to find."""
    assert folded("Nino Beridze called. nino's laptop, Nino again", "Nino Beridze") == []


def test_no_everyday_word_place_or_address() -> None:
    """ "long" of "Lê Hoàng Long" is an English word; "paris" a city; "haneul" inside an e-mail address is the
    address's; "the haneul" is a word."""
    text = "Lê Hoàng Long and Ha-neul Paris-Kim: long day, paris trip, haneul@x.kr, the haneul"
    assert folded(text, "Lê Hoàng Long", "Ha-neul Paris-Kim") == []


def test_the_insiders_probes_through_the_detector() -> None:
    """Other case, no accents, an underscore for the blank, a file name, a possessive."""
    detector = PiiDetector(DetectorConfig(workers=0))
    text = (
        "Reviewer: Nguyễn Thị Phương Thảo (Cần Thơ clinic).\n"
        "ok, adding nguyen thi phuong thao as a synthetic example; file consent_nguyen_thi_phuong_thao.pdf"
    )
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"nguyen thi phuong thao", "nguyen_thi_phuong_thao"} <= found, found
