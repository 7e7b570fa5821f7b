"""A short run of another script standing alone in a text written in Latin letters: a person's name.

An English business document names people in their own script wherever it pleases: "name also on the visa
letter as 中村葵", "👍 王小明 will bring the demo units", "bank holds ਮਨਜੀਤ ਕੌਰ ਸੰਧੂ → see Harpreet", a profile's
heading line "கவிதா ராமசுப்ரமணியன்", a welcome board's "คุณสมชาย วงศ์สกุล · คุณพิมพ์ชนก ศรีสุข". No English model
reads them and no slot of ``anonymize.native_slots`` holds them all; what holds across scripts is the shape:
one to four words of a script other than Latin (``anonymize.native_letters``), as a phrase of its own in a
text whose letters are mostly Latin. A foreign word taken for a name costs little in an English document;
a name missed is stored in clear. What is no name:

- a sentence of that language: a word of Cyrillic or Armenian in lower case ("Доставка в Самарканд"), a
  longer stretch of the script around digits, a Korean verb's ending ("좋은 아침입니다"), a Japanese word
  with its inflection in kana ("送ります"), Chinese or Japanese of more than four characters, a Thai
  sentence's polite particle; a greeting or thanks before a name is no part of it ("고마워요 로즈 씨");
- a label ("नेपालीमा:", "件名 / Subject:"), a gloss of a Latin word beside it ("kaizen (改善)", "Shenzhen /
  深圳") that no person result covers;
- anything glued to Latin letters or digits ("NF-κB" is Greek, which is not read here at all).

Honorifics stay outside the name ("คุณ", "씨", "님", "さん", "दाइ", "先生"); a Cyrillic initial after a
surname is in it ("Тохтаров Н.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.native_letters import may_hold_native, native_letter_class
from anonymize.results import copy_span, rule_result
from anonymize.table_columns import tables
from anonymize.text import words as word_list

SCRIPT_RUN = "ScriptRunName"
_SCORE = 0.6
_LETTERS = native_letter_class()
# Inside a word: the middle dots of Japanese and Chinese foreign names, joiners, apostrophes, hyphens and the
# Tibetan syllable mark (tsheg) that ends every syllable of "བསྟན་འཛིན".
_WORD = rf"[{_LETTERS}](?:[{_LETTERS}\u00b7\u30fb\u200c\u200d'’\u0f0b-]*[{_LETTERS}\u0f0b])?"
_GAP = "[ \t\u00a0\u3000]"
# A possessive after the run is English: "Ирина Белова's report".
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:{_GAP}{_WORD})*(?![\w-]|['’](?!s\b))")
_MAX_WORDS = 4
_MAX_CHARS = 40
_LATIN_SHARE = 0.6
# Titles and honorifics before a name, as a word or glued to it (Thai), and after it (Korean, Japanese,
# Chinese, Nepali and Hindi).
_PREFIX_WORDS = word_list(
    """
    ბატონო ბატონი ქალბატონო ქალბატონი уважаемый уважаемая дорогой дорогая шановний шановна господин госпожа
    пан пані г-н г-жа السيد السيدة الأستاذ الأستاذة الدكتور الدكتورة آقای خانم جناب מר גברת श्री श्रीमती
    सुश्री শ্রী শ্রীমতী জনাব
    """
)
_GLUED_PREFIX = ("คุณ", "นางสาว", "นาย", "นาง", "ด.ช.", "ด.ญ.")
_SUFFIX_WORDS = word_list(
    """
    씨 님 군 양 선생님 さん 様 さま 君 くん ちゃん 先生 殿 女士 小姐 老师 老師 दाइ दाई दिदी दीदी जी भाइ भैया
    அவர்கள் ஜி
    """
)
# Longest first: "선생님" before "님".
_GLUED_SUFFIX = tuple(
    sorted(word_list("선생님 님 씨 さん さま 様 くん ちゃん 先生 女士 小姐 老师 老師"), key=len, reverse=True)
)
# A greeting or thanks before a name in chat ("고마워요 로즈 씨", "धन्यवाद पासाङ दाइ").
_GREETINGS = word_list(
    """
    고마워요 고마워 감사합니다 감사해요 안녕하세요 안녕 धन्यवाद नमस्ते नमस्कार शुक्रिया ধন্যবাদ নমস্কার спасибо
    привет дякую шукран شكرا مرحبا ممنون سلام 谢谢 謝謝 你好 ありがとう こんにちは ขอบคุณ สวัสดี நன்றி வணக்கம் תודה
    שלום
    """
)
# Korean titles with "님" are forms of address, not names: "팀장님" is the team leader.
_KOREAN_TITLE = re.compile(
    r"(?:팀장|부장|과장|차장|사장|실장|대리|이사|대표|선생|교수|원장|회장|고객|사모)님?$"
)
_KOREAN_VERB_END = re.compile(r"(?:다|요|까|죠|니다|세요|네요|어요|아요|해요|습니까)$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_THAI_PARTICLE = re.compile(r"(?:ครับ|ค่ะ|คะ|นะ|จ้ะ|จ้า)$")
_CASED = re.compile(r"[\u0400-\u052f\u0531-\u058f\u10a0-\u10cf]")  # Cyrillic, Armenian, Georgian capitals
_LABEL_AFTER = re.compile(r"[ \t]*(?::|/[ \t]*[A-Za-z][\w .-]{0,30}:)")
_GLOSS_BRACKET_AFTER = re.compile(r"[ \t]*[(（][ \t]*([A-Za-z][A-Za-z '’-]{0,40})[ \t]*[)）]")
_GLOSS_BRACKET_BEFORE = re.compile(r"([A-Za-z][A-Za-z '’-]{0,40})[ \t]*[(（][ \t]*\Z")
_SLASH_AFTER = re.compile(r"[ \t]+[/=|][ \t]+([A-Za-z][A-Za-z '’-]{0,40})")
_SLASH_BEFORE = re.compile(r"([A-Za-z][A-Za-z '’-]{0,40})[ \t]+[/=][ \t]+\Z")
_STRETCH_JOIN = re.compile(rf"{_GAP}+[\d.%]*{_GAP}*\Z")
_STRETCH_AFTER = re.compile(rf"{_GAP}*[\d.%]*{_GAP}+[{_LETTERS}]")


def latin_text(text: str) -> bool:
    """Most of ``text``'s letters are Latin (ASCII) letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= _LATIN_SHARE * len(letters)


def _strip(words: list[str]) -> tuple[list[str], bool]:
    """``words`` without greetings, titles and honorifics around them, and whether any was there."""
    marked = False
    while words and (words[0].casefold() in _GREETINGS or words[0].casefold() in _PREFIX_WORDS):
        words, marked = words[1:], True
    while words and words[-1] in _SUFFIX_WORDS:
        words, marked = words[:-1], True
    if words:
        first = next(
            (p for p in _GLUED_PREFIX if words[0].startswith(p) and len(words[0]) > len(p) + 1), None
        )
        if first is not None:
            words, marked = [words[0][len(first) :], *words[1:]], True
        last = next((s for s in _GLUED_SUFFIX if words[-1].endswith(s) and len(words[-1]) > len(s) + 1), None)
        if last is not None and not _KOREAN_TITLE.search(words[-1]):
            words, marked = [*words[:-1], words[-1][: -len(last)]], True
    return words, marked


def _word_of_name(word: str) -> bool:
    """A word that can be (part of) a name in its script, by what sentences show and names do not."""
    if _CASED.match(word) and not word[0].isupper():
        return False  # "в", "дней": Cyrillic and Armenian write names with a capital
    if _HANGUL.search(word) and (
        len(word) < 2 or _KOREAN_VERB_END.search(word) or _KOREAN_TITLE.search(word)
    ):
        return False
    if _HAN.search(word) and (_HIRAGANA.search(word) or len(word) > 4):
        return False  # "送ります"; a Chinese or Japanese sentence written without blanks
    return not _THAI_PARTICLE.search(word)


def _gloss(text: str, start: int, end: int, results: Sequence[RecognizerResult]) -> bool:
    """The run is a gloss of a Latin phrase beside it, in brackets or across a slash: a word in lower case
    ("kaizen (改善)"), a place or an organization ("Shenzhen / 深圳"), not a person."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for pattern, forward in (
        (_GLOSS_BRACKET_AFTER, True),
        (_SLASH_AFTER, True),
        (_GLOSS_BRACKET_BEFORE, False),
        (_SLASH_BEFORE, False),
    ):
        if forward:
            match = pattern.match(text, end, line_end)
        else:
            match = pattern.search(text, max(line_start, start - 48), start)
        if match is None:
            continue
        words = match.group(1).split()
        tail = words[-1] if forward is False else words[0]
        a, b = match.span(1)
        a, b = (a, a + len(tail)) if forward else (a + match.group(1).rstrip().rindex(tail), b)
        beside = [r for r in results if r.start < b and a < r.end]
        if any(r.entity_type == "PERSON" for r in beside):
            return False
        places = [" ".join(words[-k:] if not forward else words[:k]) for k in (1, 2, 3)]
        if beside or tail.islower() or any(known_place(p) or p.casefold() in country_names() for p in places):
            return True
    return False


def _table_words(text: str, results: Sequence[RecognizerResult]) -> set[tuple[int, int]]:
    """The cells of a table's columns whose runs are words, not names: a column whose values repeat
    ("| 재무 |" in two rows: a department), or a cell in a row that holds no person (the cell translates its
    row: "| Finance | 재무 |"). Names in a table's column are ``native_scripts.native_cells``' to find."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    words: set[tuple[int, int]] = set()
    for table in tables(text):
        for column in range(len(table[0])):
            values = [text[slice(*row[column])] for row in table]
            repeated = len(set(values)) < len(values)
            for row in table:
                alone = not any(p.start < end and start < p.end for start, end in row for p in persons)
                if repeated or alone:
                    words.add(row[column])
    return words


def _stretch(text: str, start: int, end: int) -> bool:
    """The run belongs to a longer stretch of its script, joined over blanks and numbers: a sentence
    ("Доставка в Самарканд 5 дней")."""
    before = _STRETCH_JOIN.search(text, max(0, start - 12), start)
    after = _STRETCH_AFTER.match(text, end)
    if before is not None and before.start() > 0 and re.match(f"[{_LETTERS}]", text[before.start() - 1]):
        return True
    return after is not None


def script_run_names(text: str, results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """PERSON results for the runs of another script that stand as a name of their own (module doc) in
    ``text``, a text mostly in Latin letters; ``results``: the results found so far."""
    if not latin_text(text):
        return []
    found = []
    table_words: set[tuple[int, int]] | None = None
    for match in _RUN.finditer(text):
        start, end = match.span()
        words, marked = _strip(text[start:end].split())
        if (
            not words
            or len("".join(words)) < 2
            or len(words) > _MAX_WORDS
            or not all(map(_word_of_name, words))
        ):
            continue
        if len(words[-1]) == 1 and words[-1].isupper() and text.startswith(".", end):
            end += 1  # a surname's initial: "Тохтаров Н."
            words[-1] += "."
        if not marked and (_LABEL_AFTER.match(text, end) or _stretch(text, *match.span())):
            continue
        if _gloss(text, start, end, results):
            continue
        if table_words is None:
            table_words = _table_words(text, results)
        if (start, end) in table_words:
            continue
        value = " ".join(words)
        inner = text.find(words[0], start)
        last = text.rfind(words[-1], inner, end)
        if last < 0 or len(value) > _MAX_CHARS:
            continue
        found.append(rule_result("PERSON", inner, last + len(words[-1]), _SCORE, SCRIPT_RUN))
    return found


def greek_runs(text: str, lexicon: NameLexicon) -> list[RecognizerResult]:
    """A name of two words or more in Greek letters standing alone (``greek_name``)."""
    found: list[RecognizerResult] = []
    if not _GREEK_LETTER.search(text) or not latin_text(text):
        return found
    for match in _GREEK_RUN.finditer(text):
        if " " in match.group() and greek_name(match.group(), lexicon):
            found.append(rule_result("PERSON", *match.span(), _SCORE, SCRIPT_RUN))
    return found


_GREEK_WORD = re.compile(r"[\u0386-\u03a9\u1f08-\u1f6f\u1fb8-\u1ffc][\u03ac-\u03ce\u1f00-\u1ff7]{2,}")
_GREEK_LETTER = re.compile("[\u0386-\u03ce]")
_GREEK_RUN = re.compile(
    rf"(?<![\w'’-]){_GREEK_WORD.pattern}(?:[ \u00a0]{_GREEK_WORD.pattern}){{1,3}}(?![\w'’-])"
)


def greek_name(value: str, lexicon: NameLexicon) -> bool:
    """``value`` is a name in Greek letters: one to four capitalized words of three letters or more, one of
    them a name of the lexicon ("Θανάσης Μπούρας"). Greek letters in science text are symbols, alone or
    glued to Latin ("NF-κB", "αβ T cells"), never such words."""
    words = value.split()
    if not 0 < len(words) <= _MAX_WORDS or not all(_GREEK_WORD.fullmatch(w) for w in words):
        return False
    return any(lexicon.name_word(w) for w in words)


_NATIVE = re.compile(f"[{_LETTERS}]")
_ASCII_LETTER = re.compile("[A-Za-z]")
# The pieces of a span over two scripts: native words, or the rest between brackets, slashes and pipes.
_PIECES = re.compile(rf"{_WORD}(?:{_GAP}{_WORD})*|[^/()（）|{_LETTERS}]+")


def split_scripts(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """A person result that runs over a name and its form in another script, across a slash, a bracket or a
    blank ("Aigerim Serikovna / Жакупова Айгерим Сериковна", "Karen Wong 黃嘉欣", the NER model's) is one
    result per form."""
    out = []
    for r in results:
        value = text[r.start : r.end]
        mixed = (
            r.entity_type == "PERSON"
            and may_hold_native(value)
            and _NATIVE.search(value)
            and _ASCII_LETTER.search(value)
        )
        if not mixed:
            out.append(r)
            continue
        for piece in _PIECES.finditer(value):
            stripped = piece.group().strip(" \t,;")
            if len(stripped) > 1:
                start = r.start + piece.start() + piece.group().index(stripped)
                out.append(copy_span(r, start, start + len(stripped)))
    return out


def trim_honorifics(text: str, results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """Names in another script without the greetings, titles and honorifics other slots took in with them
    ("하늘 님" is "하늘"); a result that holds nothing else is dropped."""
    out = []
    for r in results:
        words, marked = _strip(text[r.start : r.end].split())
        if not marked:
            out.append(r)
        elif words:
            start = text.find(words[0], r.start, r.end)
            end = text.rfind(words[-1], start, r.end) + len(words[-1])
            rule = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, SCRIPT_RUN)
            out.append(rule_result(r.entity_type, start, end, r.score, rule))
    return out
