"""Names in their own script or as a quoted nickname beside their romanised form (issue 19, session 17;
``anonymize.native_scripts``): the rule on given results, then the insider's case through the real detector
and vault. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.native_scripts import native_name, native_script_names
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

MEMO = (
    "FINANCE — SEOUL & CHANGSHA (as of 2 February 2026)\n\n"
    "Head of finance: HUANG Zhiyuan (黄志远); deputy: Ko Bora / 고보라.\n\n"
    "| Name (romanised) | Hangul | Start date | Mentor |\n"
    "|---|---|---|---|\n"
    "| Seok Ji-hoon | 석지훈 | 2026-02-02 | Ko Bora |\n"
    "| Yeom Da-som | 염다솜 | 2026-02-09 | Ko Bora |\n"
    "| Gong Ye-rin | 공예린 | 2026-02-16 | Huang Zhiyuan |\n\n"
    'Payroll queries go to Tjitske Hofstra ("Tessa"), who also keeps the holiday planner.'
)


def test_a_memo_with_names_in_their_own_script_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: the Hangul and Chinese forms of the staff's names and a nickname in quotes stay in
    clear on main before session 17 (no English model reads them). Stored, none is in clear; erasure finds
    each in the vault; a question naming one beside its romanised form or alone, in English or in the name's
    own language, is pseudonymized (session 18: such names propagate as known values from two letters on,
    inside words too, ``anonymize.known_values``); the headers stay readable."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([MEMO])[0].text
    for name in ("黄志远", "고보라", "석지훈", "염다솜", "공예린", "Tessa", "Seok", "Hofstra"):
        assert name not in stored, stored
    for value in ("黄志远", "고보라", "석지훈", "염다솜", "공예린", "Tessa"):
        assert vault.lookup_value(value, "PERSON"), value  # what `privrag erase --value` finds
    for kept in ("Hangul", "Start date", "Mentor", "2026-02-09"):
        assert kept in stored, stored
    question = pseudo.run(["Did Yeom Da-som (염다솜) sign, and what does Tessa say?"], store=False)[0].text
    assert "염다솜" not in question and "Yeom" not in question and "Tessa" not in question, question
    # The insider's next try: the native form alone, in an English question and in the name's own language.
    for question, name in (
        ("What did 염다솜 sign?", "염다솜"),
        ("고보라는 언제 입사했어요?", "고보라"),
        ("黄志远的电话号码是多少？", "黄志远"),
    ):
        asked = pseudo.run([question], store=False)[0].text
        assert name not in asked and "<PERSON_" in asked, asked


def _person(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("PERSON", start, start + len(value), 0.85)


def _found(text: str, persons: list[str], lexicon: NameLexicon) -> list[str]:
    results = [_person(text, p) for p in persons]
    return [text[r.start : r.end] for r in native_script_names(text, results, lexicon)]


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("CFO: GUAN Weiming (关伟明), since 2024.", "GUAN Weiming", ["关伟明"]),
        ("Dmitri Orlov (Дмитрий Орлов) signed.", "Dmitri Orlov", ["Дмитрий Орлов"]),
        ("Owner: Pyo Seo-yeon / 표서연", "Pyo Seo-yeon", ["표서연"]),
        ("石田 裕子 (Ishida Yuko) chairs it.", "Ishida Yuko", ["石田 裕子"]),
        ('Lau Wing-sze ("Winnie") runs the desk.', "Lau Wing-sze", ["Winnie"]),
        # a given name in brackets after a full name: the name the person goes by
        ("Employee: Hsu Chia-hao (Jeffrey), QA", "Hsu Chia-hao", ["Jeffrey"]),
        # a role in quotes, a place in brackets and a long native-script sentence are no names
        ('Jane Roe ("Tenant") and Acme Ltd ("Landlord") agree.', "Jane Roe", []),
        ("Ana Costa (Lisbon) joined.", "Ana Costa", []),
        # a gene named like a person, a Greek letter after it: science, not a name's native form
        ("Wnt/β-catenin and Wnt (αβ) signaling", "Wnt", []),
        (
            "Li Wei (" + "这是一个很长的中文句子不是名字而是说明文字内容的一部分还有更多的字" * 2 + ")",
            "Li Wei",
            [],
        ),
    ],
)
def test_beside_or_in_brackets(text: str, person: str, expected: list[str], lexicon: NameLexicon) -> None:
    assert _found(text, [person], lexicon) == expected


def test_a_column_of_native_names_beside_found_names(lexicon: NameLexicon) -> None:
    """A column wholly in a non-Latin script under a Latin header, beside found romanised names: names; a
    column of departments (its values repeat, or it stands apart from the names) is not taken."""
    table = (
        "| Name | Korean | Team |\n|---|---|---|\n"
        "| Seok Ji-hoon | 석지훈 | 재무 |\n| Yeom Da-som | 염다솜 | 재무 |\n| Gong Ye-rin | 공예린 | 인사 |\n"
    )
    found = _found(table, ["Seok Ji-hoon", "Yeom Da-som"], lexicon)
    assert found == [
        "석지훈",
        "염다솜",
        "공예린",
    ]  # the third row's romanised name was not found: the column is
    plain = "| Team | Korean |\n|---|---|\n| Finance | 재무 |\n| People | 인사 |\n| Legal | 법무 |\n"
    assert _found(plain + "Ko Bora wrote it.", ["Ko Bora"], lexicon) == []
    teams = "| Name | Team |\n|---|---|\n| Seok Ji-hoon | 재무 |\n| Yeom Da-som | 재무 |\n"
    teams += "| Gong Ye-rin | 인사 |\n"
    assert _found(teams, ["Seok Ji-hoon", "Yeom Da-som", "Gong Ye-rin"], lexicon) == []


def test_brackets_that_say_where_people_are_from(lexicon: NameLexicon) -> None:
    """A results list whose brackets after names hold countries: "( Trinidad )" is where the runner is from,
    though the lexicon holds it as a given name."""
    text = "3. Ato Boldon ( Trinidad ) 20.37\n4. Geir Moen ( Norway ) 20.41"
    assert _found(text, ["Ato Boldon", "Geir Moen"], lexicon) == []
    assert _found("3. Ato Boldon ( Trinidad ) 20.37", ["Ato Boldon"], lexicon) == ["Trinidad"]


def test_the_name_a_person_goes_by_is_found_again(detector: PiiDetector) -> None:
    """The English name in brackets after a romanised name is pseudonymized where it is used alone later."""
    text = "Employee: Hsu Chia-hao (Jeffrey), Senior QA Engineer.\n\nJeffrey rebuilt the regression suite."
    spans = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"Hsu Chia-hao", "Jeffrey"} <= spans
    assert sum(text[r.start : r.end] == "Jeffrey" for r in detector.analyze([text])[0]) == 2


def test_native_name() -> None:
    assert native_name("关伟明") and native_name("Дмитрий Орлов") and native_name("عبد الله")
    assert not native_name("Guan") and not native_name("关伟明 Guan") and not native_name("")
    assert not native_name("2026")
