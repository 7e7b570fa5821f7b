"""User names of people outside chat logs: an audit trail's "created by mekdes.t; edited by selam.girma", a
workflow's "submitted by tzielinski, acknowledged by a.wojcik", a manifest's "Tally clerk: s.karras", a
roster's login column ("hemi.parata", "wngata"), a note's "(giorgi.ts)".

A user name is built from its bearer's name: a given name and a surname, an initial and a surname, a given
name and initials, joined by a dot, an underscore or a hyphen, or glued ("tzielinski"). Two signals make one a
PERSON, as everywhere in the detector:

* **the document**: the handle is made of the words and initials of one person the same text names
  (``name_keys.covered``: "tzielinski" beside "Tomasz Zieliński", accents folded; "hemi.parata" beside
  "PARATA" and "Hēmi" on its own row) — enough alone, since the handle's shape is the second signal; or its
  one whole word is a found person's word ("t.ogunleye" where "Adebayo Ogunleye" is named);
* **the lexicon**: a given name and a surname of the lexicon (two points, as "fatou diop" is for the
  lower-case name recognizer), or one lexicon name and initials, or an initial glued to a lexicon surname
  that English does not know as a word (one point);
* **the slot** (one point): after "by", "prepared", "reviewed", "checked", "typed", "dictated", "assigned to",
  a user or login label; alone in brackets ("(kovacs.p)"); or listed with another handle found
  ("edited by selam.girma, yonas.hg").

A single given name of the lexicon, English barely knows it, in such a slot is a person too ("uploaded by
farzana", "checked: yannis"). Never a code identifier or a file: a handle's parts must be name words or
initials, not everyday English words ("self.name", "user.email", "os.path", "np.array"), its last part no
file extension or top-level domain ("config.yaml", "ngozi.com"), no part joined to a path, an "@", a call's
bracket or a longer dotted run ("e.g", "v1.2.3"), and in technical text the lexicon alone vouches for nothing.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_keys import covered, fold, name_keys, person_keys
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import rule_result, tier
from anonymize.span_index import SpanIndex
from anonymize.text import words
from anonymize.word_kinds import english_zipf

HANDLE_NAME = "PersonHandle"
_SCORE = 0.85
_NEEDED = 2
_MIN_WORD = 3  # a handle's name word: "ren" of "ren.hoshino"
_MAX_INITIALS = 2  # letters of an initial part: "zs" of "zs.szabo-toth", "hg" of "yonas.hg"
_ENGLISH_ZIPF = 3.0  # a part this frequent in English is a word, not a name ("self", "user", "path")
_GLUED_ZIPF = 2.0  # a glued handle ("arahman") must be a word English barely knows
_SOLO_ZIPF = 3.0
_UNKNOWN_ZIPF = 1.5  # a handle's part English does not know: a surname ("ferariu")
_NAME_ZIPF = 4.0  # a lexicon name this rare in English is a name beside another name ("nana" of "nana.akufo")

# A run of letters joined by dots, underscores or hyphens, not inside an address, a path, a number or a call.
_TOKEN = re.compile(
    r"(?<![\w.@/\\:#=<>&%$+-])([^\W\d_]+(?:[._-][^\W\d_]+){0,3})(?![\w@/\\(]|[._-][\w]|[.][^\s\W])"
)
_SLOT = (
    r"(?i:\b(?:by|prepared|reviewed|checked|typed|dictated|created|edited|modified|updated|approved|"
    r"submitted|acknowledged|archived|closed|resolved|raised|assigned[ \t]+to|reassigned[ \t]+to|"
    r"uploaded|corrected|delivered|signed|clerk|user(?:[ \t_-]?name)?|login|logon|account|handle|"
    r"distribution|initials|operator|owner|author|cc|bcc|attn|report|reporter|photos?|credits?|"
    r"(?:goes|went|sent|handed|passed|forwarded|escalated?)[ \t]+to)"
    r"\b[ \t]*(?:by\b)?[ \t]*(?-i:[A-Z]{2,4}[ \t]*)?[:=]?[ \t]*)"
)
_SLOT_BEFORE = re.compile(_SLOT + "$")
_SIGNED = re.compile(r"^[ \t]*(?:—|–|--?)[ \t]*$", re.M)
# A single lower-case word right after such a slot ("uploaded by farzana", "checked: yannis").
_SOLO = re.compile(_SLOT + r"(?<![\w.@/-])([a-zß-öø-ÿ]{4,})(?![\w@/-]|\.\w)")
# A column header that names user names ("Login", "Username", "User ID", "Account").
_USER_HEADER = re.compile(r"(?i)(?<!\w)(?:user(?:[ _-]?(?:name|id))?|login|logon|account|handle)(?!\w)")
_HEADER_LINES = 40
# What is worth a look: parts joined, or one word of two letters or more in lower case or capitals.
_SHAPE = re.compile(r"[._-]|^(?:[^\W\d_A-Z]{2,3}|[^\W\d_A-Z]{5,}|[^\W\d_a-z]{5,})$")
_ALIGN = 2
_JOINER = re.compile(r"[._-]")
_LIST_GAP = re.compile(r"[ \t]*[,;/][ \t]*|[ \t]+(?:and|&)[ \t]+")
TECHNICAL_ENDS = words(
    """
    com org net edu gov io ai co uk de fr nl es it eu info biz app dev py js ts md txt csv json yaml yml xml
    html htm css pdf doc docx xls xlsx ppt pptx png jpg jpeg gif svg zip gz tar log cfg ini conf sh exe dll
    so sql db bak tmp old new min map lock toml rs go java rb php cpp hpp h c
    """
)


def person_handles(state: Resolution) -> None:
    """The user names of people in ``state.text`` as PERSON results (module doc); the NER model's other
    readings of them give way."""
    lexicon = state.lexicon
    if lexicon is None:
        return
    text = state.text
    taken = [r for r in state.results if not (tier(r) == 2 and r.entity_type != "PERSON")]
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    people = person_keys(text, persons)
    known = {k for keys in people for k in keys if len(k) >= _MIN_WORD}
    known |= {k for r in persons if len(k := fold(text[r.start : r.end])) >= _MIN_WORD}
    points: dict[tuple[int, int], int] = {}
    occupied = SpanIndex((r.start, r.end) for r in taken)
    for m in _TOKEN.finditer(text):
        start, end = m.span(1)
        if not _SHAPE.search(m.group(1)) or occupied.overlaps(start, end):
            continue
        if _person_initials(m.group(1), people):
            points[(start, end)] = 1 + _slot(text, start, end, m.group(1))  # no list makes initials a person
            continue
        if not _candidate(m.group(1), known, lexicon, people):
            continue
        score = _document(text, start, end, people, known, persons) + _slot(text, start, end, m.group(1))
        if score < _NEEDED and not (state.technical and score == 0):
            score += _lexicon(m.group(1), lexicon)
        points[(start, end)] = score
    found = {span for span, score in points.items() if score >= _NEEDED}
    # One more point: listed with a handle found ("edited by selam.girma, yonas.hg").
    found |= {
        span
        for span, score in points.items()
        if score == _NEEDED - 1
        and not _person_initials(text[span[0] : span[1]], people)
        and _listed(text, span, found)
    }
    if not state.technical:
        found |= set(
            solo_handles(text, lexicon, [*taken, *(rule_result("PERSON", s, e, 0, "") for s, e in found)])
        )
    if not found:
        return
    found |= _mentions(text, found, taken)  # "@maitt can you give me ..." after "maitt replied:"
    new = state.admitted(rule_result("PERSON", s, e, _SCORE, HANDLE_NAME) for s, e in sorted(found))
    overlapped = [
        r for r in state.results if tier(r) == 2 and any(n.start < r.end and r.start < n.end for n in new)
    ]
    state.results = [r for r in state.results if all(r is not o for o in overlapped)] + new


def _mentions(text: str, found: set[tuple[int, int]], taken: list[RecognizerResult]) -> set[tuple[int, int]]:
    """The other mentions of the handles ``found`` as written, also tagged with "@" ("@ducpm"); not inside
    an e-mail address or a longer run."""
    values = sorted({text[s:e] for s, e in found if e - s >= _MIN_WORD}, key=len, reverse=True)
    if not values:
        return set()
    pattern = re.compile(rf"(?<![\w.@/-])@?({'|'.join(map(re.escape, values))})(?![\w@/-]|[.]\w)")
    return {
        m.span(1)
        for m in pattern.finditer(text)
        if not any(r.start < m.end(1) and m.start(1) < r.end for r in taken)
    }


def _candidate(value: str, words: set[str], lexicon: NameLexicon, people: list[tuple[str, ...]]) -> bool:
    """Worth scoring: parts joined by a dot, an underscore or a hyphen, or one word in lower case or capitals
    that is an initial or two glued to a found person's word or a lexicon surname ("tzielinski"), or a found
    person's word glued to the initials of the others ("ducpm" of "Phạm Minh Đức", "maitt" of "Trần Thị
    Mai": a given name, then the initials of the family and middle names)."""
    if len(_parts(value)) > 1:  # joined by hyphens only: a lower-case one ("Pieter-Jan" is a name's own)
        return "." in value or "_" in value or value.islower()
    if not (value.islower() or value.isupper()):
        return False
    token = fold(value)
    if not _glued_shape(token):  # first: the cheapest test, and most words fail it
        return False
    glued = token[1:] in words or token[2:] in words or lexicon.surname(token[1:])
    return glued or any(len(keys) >= 2 and covered(token, keys) for keys in people)


def _person_initials(value: str, people: list[tuple[str, ...]]) -> bool:
    """A lower-case run of two or three letters that are the initials of a found person ("kr" where
    "Kavitha Ramasamy" signs); capitals are ``name_initials``' job."""
    return (
        value.isalpha()
        and value.islower()
        and 2 <= len(value) <= 3
        and any("".join(k[0] for k in keys) == value for keys in people if len(keys) == len(value))
    )


def _parts(value: str) -> list[str]:
    return [p for p in _JOINER.split(value) if p]


def _document(
    text: str,
    start: int,
    end: int,
    people: list[tuple[str, ...]],
    words: set[str],
    persons: list[RecognizerResult],
) -> int:
    """2 when the handle is made of one found person's words and initials (or of the found names on its own
    line: a roster's row); 1 when one whole part is a found person's word and the others are initials."""
    value = text[start:end]
    parts = [fold(p) for p in _parts(value)]
    token = "".join(parts)
    if len(parts) < 2 and not _glued_shape(token):
        return 0
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    row = tuple(
        k
        for r in persons
        if line_start <= r.start and r.end <= line_end
        for k in name_keys(text[r.start : r.end])
    )
    for keys in [*people, row]:
        if len(keys) >= 2 and covered(token, keys):
            return 2
    whole = [p for p in parts if len(p) > _MAX_INITIALS]
    if len(parts) >= 2 and len(whole) == 1 and whole[0] in words and not _english(whole[0]):
        return 1
    glued = [token[k:] for k in (1, 2) if len(parts) == 1 and token[k:] in words]
    return int(any(not _english(g) for g in glued))  # "wngata" beside "NGATA": one signal


def _glued_shape(token: str) -> bool:
    """One word that may be an initial glued to a surname ("tzielinski"): long enough, no English word."""
    return len(token) >= 5 and english_zipf(token) < _GLUED_ZIPF


def _lexicon(value: str, lexicon: NameLexicon) -> int:
    """The handle's points from the name lexicon (module doc)."""
    parts = _parts(value)
    if len(parts) == 1:
        word = parts[0]
        glued = fold(word)
        if _glued_shape(glued) and lexicon.surname(glued[1:]) and len(glued) >= 6:
            return 1
        return 0
    if fold(parts[-1]) in TECHNICAL_ENDS and len(parts[-1]) > _MAX_INITIALS:
        return 0
    names = [p for p in parts if len(p) >= _MIN_WORD and lexicon.name_word(p) and not _english(p)]
    initials = [p for p in parts if len(p) <= _MAX_INITIALS]
    # A name rare in English beside a word English does not know or another such name ("lucian.ferariu",
    # "nana.akufo"): one point, where the stricter reading gave none.
    rare = [
        p
        for p in parts
        if len(p) >= _MIN_WORD and lexicon.name_word(p) and english_zipf(fold(p)) < _NAME_ZIPF
    ]
    unknown = [p for p in parts if len(p) >= _MIN_WORD and english_zipf(fold(p)) < _UNKNOWN_ZIPF]
    if len(parts) == 2 and not initials and rare and len(names) < 2 and re.search(r"[._]", value):
        return int(all(p in rare or p in unknown for p in parts))
    if len(names) + len(initials) != len(parts) or not names or len(initials) > 1:
        return 0
    if len(names) >= 2 and any(lexicon.given_name(p) for p in names) and re.search(r"[._]", value):
        return 2  # a hyphen alone joins words as often as names ("ques-tion" split at a line's end)
    return 1


def _slot(text: str, start: int, end: int, value: str) -> int:
    """1 in a user name's slot: after a workflow's verb or a user label, alone in brackets. A bare "by" and
    brackets are prose's too ("driven by nestin", "10q23 (cardia)", "(CARDIA) study" in SciFact): they count
    only for a handle whose parts are joined, never for one word."""
    line_start = text.rfind("\n", 0, start) + 1
    joined = len(_parts(value)) > 1
    slot = _SLOT_BEFORE.search(text, max(line_start, start - 40), start)
    if slot and (joined or not _bare_by(slot.group(0))):
        return 1
    if joined and start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        return 1
    if joined and _SIGNED.search(text, line_start, start):  # "— kavita.r (reception)" under a note
        return 1
    return int(_under_user_header(text, start))


def _bare_by(slot: str) -> bool:
    """The slot before a handle is a bare "by", prose's as often as a workflow's."""
    return slot.strip(" \t:=").casefold() == "by"


def _under_user_header(text: str, start: int) -> bool:
    """``start`` is in a table's column whose header names user names ("Login", "Username", "User ID"): a
    fixed-width column starting where the header's cell does, or the same cell of a piped, tabbed or CSV
    line, with no blank line between."""
    line_start = text.rfind("\n", 0, start) + 1
    column, prefix = start - line_start, text[line_start:start]
    above = line_start
    for _ in range(_HEADER_LINES):
        if above == 0:
            return False
        header_start = text.rfind("\n", 0, above - 1) + 1
        header = text[header_start : above - 1]
        if not header.strip():
            return False
        if any(abs(m.start() - column) <= _ALIGN for m in _USER_HEADER.finditer(header)):
            return True
        for sep in ("|", "\t", ","):
            cells = header.split(sep)
            index = prefix.count(sep)
            if sep in prefix and index < len(cells) and _USER_HEADER.fullmatch(cells[index].strip()):
                return True
        above = header_start
    return False


def _listed(text: str, span: tuple[int, int], found: set[tuple[int, int]]) -> bool:
    start, end = span
    return any(_LIST_GAP.fullmatch(text, e, start) or _LIST_GAP.fullmatch(text, end, s) for s, e in found)


def _english(word: str) -> bool:
    return english_zipf(word.casefold()) >= _ENGLISH_ZIPF


def solo_handles(text: str, lexicon: NameLexicon, taken: list[RecognizerResult]) -> list[tuple[int, int]]:
    """A single lower-case given name of the lexicon that English barely knows, in a user name's slot
    ("uploaded by farzana", "checked: yannis")."""
    spans = []
    for m in _SOLO.finditer(text):
        s, e = m.span(1)
        if any(r.start < e and s < r.end for r in taken):
            continue
        if _bare_by(text[m.start() : s]):
            continue  # a bare "by" is prose's: "inactivated by alkali", "recognition by stonin 2" (SciFact)
        if lexicon.given_name(m.group(1)) and english_zipf(m.group(1)) < _SOLO_ZIPF:
            spans.append((s, e))
    return spans
