"""More slots of a name in its own script (session 20), beside those of ``anonymize.native_scripts``.

A name in its own script is one signal (``native_scripts.native_name``: one to four words of a script other
than Latin or Greek); the slot is the other, and each slot here says "a person" in a text otherwise in
Latin letters:

- a cell of a line laid out in columns that holds a found name ("MARYAM AL ZAYANI          مريم الزياني");
- an item of a list that holds a found name ("dariush y, shirin f y, نسرین حسینی y");
- a romanised name that nothing found, right before its native form in brackets with as many words
  ("Ato Abebe Kassa (አበበ ካሳ)", "SOK Chanthou (សុខ ចាន់ធូ)"): the two forms vouch for each other where a
  lexicon name is among the Latin words;
- a line of its own in a signature: after a closing ("Regards,") or above a line of contact details
  ("ნინო ბერიძე\\nKartli Energy | +995 ...");
- after a greeting's or a title's word of that language ("ბატონო გიორგი,", "Уважаемый Иван Петрович");
- Chinese or Japanese in two short words (surname, given name) in an English line ("高橋 由紀 is fine").

A sentence in such a script is none of these: it has more words than a name, or it is no cell, item or line
of its own in a Latin text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.native_letters import native_letter_class
from anonymize.recognizers.chat_stamps import REQUIRED_STAMP
from anonymize.recognizers.lower_names import everyday_word
from anonymize.results import rule_result
from anonymize.text import COMPANY_WORD

NATIVE_SLOT = "NativeScriptSlot"
_SCORE = 0.6
_LETTERS = native_letter_class()
_WORD = rf"[{_LETTERS}][{_LETTERS}\u00b7\u30fb\u200c\u200d'’-]*"
_NAME = rf"{_WORD}(?:[ \t]{_WORD}){{0,4}}"  # "خالد بن راشد آل خليفة"
_NAME_ALONE = re.compile(rf"(?<![{_LETTERS}\w]){_NAME}(?![{_LETTERS}\w])")
_MAX_CHARS = 40
_GAP = re.compile(r"[ \t]{2,}|\t")
_ITEM_END = re.compile(r"[ \t]+\S{1,2}$")  # a list's mark after the name: "نسرین حسینی y"
_LATIN_WORD = r"(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]+)"
_PAIR = re.compile(
    rf"(?P<latin>{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{0,3}})[ \t]*[(（][ \t]*(?P<native>{_NAME})[ \t]*[)）]"
)
_CLOSING = re.compile(
    r"(?i)^[ \t]*(?:(?:best|kind|warm)?[ \t]*regards|best|thanks|thank you|sincerely|yours[\w ]*|cheers|"
    r"respectfully|with thanks)[ \t]*[,.!]?[ \t]*$"
)
_CONTACT = re.compile(r"\||@|\+?\d[\d ()-]{6,}\d")
# A greeting's or a title's word before a name, in the name's language: Georgian, Russian, Ukrainian,
# Arabic, Persian, Hebrew, Hindi, Bengali, Thai.
_TITLE_BEFORE = re.compile(
    r"(?<![\w])(?:ბატონო|ბატონი|ქალბატონო|ქალბატონი|Уважаемый|Уважаемая|Дорогой|Дорогая|Шановний|Шановна|"
    r"господин|госпожа|السيد|السيدة|الأستاذ|الأستاذة|الدكتور|الدكتورة|عزيزي|عزيزتي|آقای|خانم|جناب|سرکار|"
    r"מר|גברת|श्री|श्रीमती|सुश्री|শ্রী|শ্রীমতী|জনাব|คุณ)"
    rf"[ \t]+(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,2}})(?![{_LETTERS}\w])"
)
_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_SPACED_CJK = re.compile(
    rf"(?<![{_LETTERS}\w])(?P<name>[{_HAN_KANA}]{{1,3}}[ \u3000][{_HAN_KANA}]{{1,3}})(?![{_LETTERS}\w])"
)
# A person's slot in an English sentence before a name of two or three words: "send to রুপা চৌধুরী too".
_EMBEDDED = re.compile(
    r"(?i:\b(?:to|with|from|by|cc|ask|tell|call|thank|thanks|ping|contact|dear|hi|hello)[ \t]+)"
    rf"(?P<name>{_WORD}[ \t]{_WORD}(?:[ \t]{_WORD})?)(?=[ \t]*(?:[A-Za-z]|[,.;:!?)\"'’]|$))",
    re.M,
)
# A chat's role with the speaker's name in brackets after a stamp: "18:52 Office (सीता श्रेष्ठ): ...".
_ROLE_SPEAKER = re.compile(
    rf"(?m)^[ \t]*{REQUIRED_STAMP}[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?[ \t]*\((?P<name>{_NAME})\)[ \t]*:"
)
_LATIN_WORDS = re.compile(r"\b[A-Za-z]{2,}\b")
_LATIN_SHARE = 0.6


def _name(value: str) -> bool:
    """One to five words of such a script, short enough for a name; in Cyrillic and Armenian, which write
    names with capitals, each word capitalized: "всем участникам" is a phrase (Georgian writes names in the
    same letters as other words)."""
    if len(value) > _MAX_CHARS or _NAME_ALONE.fullmatch(value) is None:
        return False
    return not any(word[0].islower() and "\u0400" <= word[0] <= "\u058f" for word in value.split())


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _result(start: int, end: int) -> RecognizerResult:
    return rule_result("PERSON", start, end, _SCORE, NATIVE_SLOT)


def gap_cells(text: str, persons: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """A native name alone in a column-gap cell of a line that holds a found name; one word only where it
    appears once in the text (a department repeats: "재무")."""
    found = []
    for line_start, line_end in {_line(text, p.start, p.end) for p in persons}:
        cuts = [
            line_start,
            *(x for m in _GAP.finditer(text, line_start, line_end) for x in m.span()),
            line_end,
        ]
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            value = text[start:end]
            if _name(value) and (" " in value or text.count(value) == 1):
                found.append(_result(start, end))
    return found


def listed(text: str, persons: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """A native name as an item of a comma or semicolon list of three items or more on the line of a found
    name, alone or with a mark of one or two characters after it."""
    found = []
    for line_start, line_end in {_line(text, p.start, p.end) for p in persons}:
        cuts = [line_start - 1, *(m.start() for m in re.finditer(r"[,;]", text[line_start:line_end]))]
        cuts = [line_start - 1, *(line_start + c for c in cuts[1:]), line_end]
        if len(cuts) < 4:
            continue
        for start, end in zip(cuts, cuts[1:], strict=False):
            item = text[start + 1 : end]
            value = _ITEM_END.sub("", item.strip())
            if _name(value):
                offset = start + 1 + item.index(value)
                found.append(_result(offset, offset + len(value)))
    return found


def paired(text: str, lexicon: NameLexicon) -> list[RecognizerResult]:
    """A romanised name and its native form in brackets right after it, with as many words (two or three
    Latin words before a native name written without blanks), a lexicon name among the Latin words and no
    company's or frequent English word: both are the person's name."""
    found = []
    for match in _PAIR.finditer(text):
        native = match.group("native")
        if not _name(native):
            continue
        count = len(native.split())
        latin = match.group("latin").split()
        sizes = [count] if count > 1 else [3, 2]
        for size in sizes:
            words = latin[-size:]
            if len(words) < size or not _latin_name(words, lexicon):
                continue
            start = match.start("latin") + match.group("latin").rindex(" ".join(words))
            found += [_result(start, match.end("latin")), _result(*match.span("native"))]
            break
    return found


def _latin_name(words: list[str], lexicon: NameLexicon) -> bool:
    if any(COMPANY_WORD.search(w) or everyday_word(w.strip("'’"), 4.0) for w in words):
        return False
    return any(lexicon.name_word(w.title()) for w in words)


def signature_lines(text: str) -> list[RecognizerResult]:
    """A native name on a line of its own in a Latin text, after a closing or above a line of contact
    details."""
    if not _latin_text(text):
        return []
    found = []
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        value = line.strip()
        if _name(value):
            before = next((x for x in reversed(lines[:i]) if x.strip()), "")
            after = next((x for x in lines[i + 1 :] if x.strip()), "")
            if _CLOSING.match(before) or _CONTACT.search(after):
                start = offset + line.index(value)
                found.append(_result(start, start + len(value)))
        offset += len(line) + 1
    return found


def titled(text: str) -> list[RecognizerResult]:
    """A native name after a greeting's or a title's word of its language ("ბატონო გიორგი,")."""
    return [_result(*m.span("name")) for m in _TITLE_BEFORE.finditer(text) if _name(m.group("name"))]


def spaced_cjk(text: str) -> list[RecognizerResult]:
    """Chinese or Japanese in two words of one to three characters (surname, given name) on a line with
    English words: "高橋 由紀 is fine on the sheet"."""
    found = []
    for match in _SPACED_CJK.finditer(text):
        start, end = _line(text, match.start(), match.end())
        if len(_LATIN_WORDS.findall(text, start, end)) >= 2:
            found.append(_result(*match.span("name")))
    return found


def embedded(text: str) -> list[RecognizerResult]:
    """A native name of two or three words in a person's slot of an English sentence, and a chat's speaker
    in brackets after a role ("Office (सीता श्रेष्ठ):")."""
    found = [m.span("name") for m in _EMBEDDED.finditer(text) if _name(m.group("name"))]
    found += [m.span("name") for m in _ROLE_SPEAKER.finditer(text) if _name(m.group("name"))]
    return [_result(*span) for span in found]


def _latin_text(text: str) -> bool:
    """Most of ``text``'s letters are Latin."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= _LATIN_SHARE * len(letters)


def native_slot_names(
    text: str, persons: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """Names in their own script by the slots above (``text`` holds some letter of such a script)."""
    found = paired(text, lexicon) + titled(text) + signature_lines(text) + spaced_cjk(text) + embedded(text)
    if persons:
        found += gap_cells(text, persons) + listed(text, persons)
    return list({(r.start, r.end): r for r in found}.values())
