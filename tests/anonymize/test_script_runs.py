"""A short run of another script standing alone in a Latin text (session 23, ``anonymize.script_runs``): the
rule per script, the guards (sentences, labels, glosses, Greek in science), then the insider's tries through
the real detector and vault. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.script_runs import greek_name, greek_runs, script_run_names, split_scripts
from anonymize.vault import Vault


def _found(text: str, persons: tuple[str, ...] = ()) -> list[str]:
    results = [RecognizerResult("PERSON", text.index(p), text.index(p) + len(p), 0.85) for p in persons]
    return [text[r.start : r.end] for r in script_run_names(text, results)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ordered by 刘建华 on Monday; ship to the Leeds depot.", ["刘建华"]),  # Chinese
        ("the visa letter spells it 山本千尋, please match", ["山本千尋"]),  # Japanese
        ("09:14 박서준 (seojun.park): pushed the fix", ["박서준"]),  # Hangul, a chat speaker
        ("Board minutes, signed by Сергей Волков-Быстров and two witnesses.", ["Сергей Волков-Быстров"]),
        ("Notary: Кузнецова О. (O. Kuznetsova)", ["Кузнецова О."]),  # a Cyrillic initial
        ("Bank holds ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ as the account name.", ["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ"]),  # Gurmukhi
        ("Reviewer: the paper lists பிரியா சுந்தரம் as first author.", ["பிரியா சுந்தரம்"]),  # Tamil
        ("Name in Ge'ez on the diploma: ሰላም ተክሌ", ["ሰላም ተክሌ"]),  # Ethiopic
        ("Tibetan form for the visa: བཀྲ་ཤིས་དབང་མོ", ["བཀྲ་ཤིས་དབང་མོ"]),  # tsheg inside the word
        ("Landlord's name in Arabic: يوسف الحداد. Rent is due monthly.", ["يوسف الحداد"]),
        ("Attendees from Kochi: Anil Das and ലക്ഷ്മി മേനോൻ.", ["ലക്ഷ്മി മേനോൻ"]),  # Malayalam
    ],
)
def test_a_short_run_of_another_script_is_a_name(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # honorifics stay outside: Thai glued before, Korean and Japanese after, a greeting before
        ("Please print the name cards as below:\nคุณวิชัย ทองดี · คุณนภา แก้วใส", ["วิชัย ทองดี", "นภา แก้วใส"]),
        ("11:02 Ji-ho Han: 감사합니다 지민 씨. see you at 3", ["지민"]),
        ("the driver is 佐藤さん, ask him", ["佐藤"]),
        ("sent to 민서님 yesterday", ["민서"]),
        ("12:10 Front office team: धन्यवाद राजु दाइ। we are back at the desk at 5", ["राजु"]),
        # a full-width space between surname and given name, glued punctuation, a possessive
        ("Collected by 陈　美玲, 10:40", ["陈　美玲"]),
        ("Interpreter (伊藤健太) booked", ["伊藤健太"]),
        ("Ирина Белова's report is attached.", ["Ирина Белова"]),
    ],
)
def test_honorifics_and_punctuation_around_the_name(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Feedback: Доставка в Самарканд 5 дней. Раньше было 2.",  # a Russian sentence
        "09:02 Dana Lee (dana): 좋은 아침입니다. standup in 5",  # a Korean greeting
        "09:03 Dana Lee (dana): 네. on my way",  # one syllable: "yes"
        "ok @dana.lee 팀장님 the build is green",  # a title with 님
        "件名 / Subject: design review",  # a bilingual label
        "नेपालीमा: see below",  # a label
        "The kaizen (改善) board is by the door.",  # a gloss of a Latin word
        "The office moved to Shenzhen / 深圳 last year.",
        "今日はよろしくお願いします。 thanks all",  # Japanese with kana inflection
        "请联系我们的客户服务部门 for help",  # a Chinese sentence without blanks
        "NF-κB and TGF-β rose; α-synuclein at 5 μM in αβ T cells; ΔΔCt",  # Greek symbols in science
        "thanks ❤️ see you",  # an emoji's variation selector is no letter
    ],
)
def test_no_name_in_sentences_labels_glosses_or_symbols(text: str) -> None:
    assert _found(text) == []


def test_a_text_in_another_script_is_left_to_the_other_slots() -> None:
    """The rule reads only texts mostly in Latin letters: a Russian letter is not a list of names."""
    assert _found("Уважаемые коллеги, Иван Петров приедет в пятницу. Спасибо.") == []


def test_greek_names_need_the_lexicon_and_capitals(lexicon: NameLexicon) -> None:
    assert greek_name("Γιώργος Παπαδόπουλος", lexicon)
    assert not greek_name("αβ", lexicon)
    assert not greek_name("Δ", lexicon)
    text = "logistics: Nikos (Νίκος Αντωνίου), +30 694 000 0000; NF-κB in αβ T cells"
    assert [text[r.start : r.end] for r in greek_runs(text, lexicon)] == ["Νίκος Αντωνίου"]


def test_a_span_over_two_scripts_is_split() -> None:
    text = "Student:  ALIYEV Rustam / Алиев Рустам\n"
    start = text.index("Rustam")
    merged = RecognizerResult("PERSON", start, len(text) - 1, 0.85)
    assert [text[r.start : r.end] for r in split_scripts(text, [merged])] == ["Rustam", "Алиев Рустам"]
    signature = "Karen Lau Wing-man 劉詠雯 | Project Manager"
    merged = RecognizerResult("PERSON", 0, signature.index(" |"), 0.85)
    pieces = [signature[r.start : r.end] for r in split_scripts(signature, [merged])]
    assert pieces == ["Karen Lau Wing-man", "劉詠雯"]


def test_names_in_other_scripts_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: a memo naming people in their own scripts, alone and beside a Latin form; none
    stays in clear, erasure finds each, and the science line keeps its Greek letters."""
    memo = (
        "Handover, Friday\n\n"
        "Bank holds ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ → see Harjit. 陈志明 please confirm the slot. - 林美华\n"
        "Welcome board: คุณวิชัย ทองดี · คุณนภา แก้วใส\n"
        "Logistics - Nikos (Νίκος Αντωνίου), +30 694 118 0000\n"
        "Lab note: NF-κB and TGF-β were measured; α-synuclein at 5 μM.\n"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    for name in ("ਗੁਰਪ੍ਰੀਤ", "陈志明", "林美华", "วิชัย", "แก้วใส", "Νίκος Αντωνίου"):
        assert name not in stored, stored
    for value in ("陈志明", "林美华", "Νίκος Αντωνίου"):
        assert vault.lookup_value(value, "PERSON"), value
    for kept in ("NF-κB", "TGF-β", "α-synuclein", "5 μM", "คุณ"):
        assert kept in stored, stored
