"""A detected name's initials used for the person in the same document (a small hand-made lexicon)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_initials import initials_mentions, initials_of
from anonymize.name_lexicon import NameLexicon

LEXICON = NameLexicon(
    given=frozenset(["ingrid", "jens", "peter", "dawit", "major"]),
    surnames=frozenset(["haugland", "kjaer", "gebremariam", "long"]),
    common=frozenset(["major", "long"]),
)


def _persons(text: str, *values: str) -> list[RecognizerResult]:
    return [RecognizerResult("PERSON", text.index(v), text.index(v) + len(v), 0.9) for v in values]


def _found(text: str, *names: str) -> list[str]:
    return [text[r.start : r.end] for r in initials_mentions(text, _persons(text, *names), [], LEXICON)]


def test_initials_of_a_name() -> None:
    assert initials_of("Jens Peter Kjaer") >= {"JPK"}
    assert {"LS", "LES"} <= initials_of("Lars-Erik Sundqvist")
    assert {"PB", "PVDB"} <= initials_of("Pieter van der Berg")


def test_minutes_actions_by_initials() -> None:
    """Session 18: minutes that name their members write the actions by initials ("IH: ask legal", "JPK to
    follow up"), and a note is signed with dotted initials; initials of nobody in the document stay."""
    text = (
        "Present: Ingrid Haugland (chair), Jens Peter Kjaer\nActions\n- IH: ask legal\n- JPK to follow up\n"
        "- AB: book the room\n— I.H., 12 March"
    )
    assert _found(text, "Ingrid Haugland", "Jens Peter Kjaer") == ["IH", "JPK", "I.H."]


def test_initials_need_a_name_not_a_term() -> None:
    """A term the detector took for a name gives no initials ("Major Depressive Disorder (MDD)"); nor do
    initials inside a run of capitals, nor English words or business abbreviations."""
    text = "In Major Depressive Disorder (MDD) patients, MDD is common."
    assert _found(text, "Major Depressive Disorder") == []
    text = "Ingrid Haugland\nIH AND PK UNITS REPORT\nIngrid Haugland is in HR."
    assert _found(text, "Ingrid Haugland") == []


def test_initials_that_are_all_of_a_cell(detector: PiiDetector) -> None:
    """Session 27: a log's "by" column and an action list write the initials of persons the document names,
    two letters English reads as an abbreviation ("ST", "MK"), alone or joined by slashes."""
    text = (
        "Pharmacist: Sevara Tursunova; trainee: Malika Karimova; assistant: Bekzod Kholmatov\n\n"
        "time\titem\tqty\tby\tnote\n"
        "08:40\tmetformin\t60\tST\t\n"
        "09:10\tamlodipine\t30\tMK\trepeat\n"
        "09:55\tsalbutamol\t1\tBK/ST\tsupervised\n\n"
        "Actions\n"
        "Order more inhalers             MK / BK          Friday\n"
        "Fix the fridge ST               IT               Monday\n"
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found.count("ST") == 2 and found.count("BK") == 1 and "MK" in found, found
    assert any("BK" in v and "MK" in v for v in found[-2:]), found  # the action list's "MK / BK"
    assert "IT" not in found


def test_initials_under_a_header_of_peoples_marks(detector: PiiDetector) -> None:
    """Session 27: under "By", "Initials" or "Checked by" a cell of capitals is a person's mark though the
    document names no one with those initials; not a placeholder or a department, nor under other headers."""
    text = (
        "Fridge temperature log\n\n"
        "date\ttime\ttemp\tinitials\n"
        "03.02\t08:00\t4.1\tJW\n"
        "03.02\t14:00\t4.6\tRN/JW\n"
        "04.02\t08:00\t3.9\tNA\n"
        "04.02\t14:00\t4.2\tIT\n\n"
        "item\tqty\tunit\n"
        "gloves\t20\tPK\n"
        "masks\t50\tBX\n"
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found == ["JW", "RN", "JW"], found
