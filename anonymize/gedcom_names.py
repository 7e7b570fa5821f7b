"""Names in a GEDCOM file, the exchange format of genealogy programs (FamilySearch's standard, 5.5 and 7).

A family tree exported from any genealogy program is lines of ``LEVEL [@XREF@] TAG [VALUE]``; the people's
names are the values of a few tags, whatever their words are::

    0 @I2@ INDI
    1 NAME Dolgor /Tsyrenova/
    2 GIVN Dolgor
    2 SURN Tsyrenova
    2 _MARNM Namsaraeva

``NAME`` holds the whole name with the surname between slashes (one PERSON span, slashes included);
``GIVN``, ``SURN``, ``NICK`` and the married-name and also-known-as extensions (``_MARNM``, ``_MARN``,
``_AKA``) its parts. The values are names by the file's own structure: the step needs no lexicon. The tags
themselves ("BIRT", "SOUR PAF", "1 SEX M") are no names, places or organizations: a result over a line's
level, pointer and tag is cut to the value after them or dropped, and no PERSON stays on a line whose tag
holds codes, dates or pointers (SEX, DATE, FAMS, CHAR, ...) or whose value is one token with no
lower-case letter ("1 SOUR PAF"). A text is read as GEDCOM only when its lines say
so: a ``0 HEAD`` or ``0 @X@ INDI`` record line and a name tag's line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from presidio_analyzer import RecognizerResult

from anonymize.resolution import Resolution
from anonymize.results import copy_span, rule_result

GEDCOM_NAME = "GedcomName"
_SCORE = 0.85
_RECORD = re.compile(r"(?m)^[ \t]*0[ \t]+(?:HEAD\b|@[^@\s]+@[ \t]+(?:INDI|FAM|SUBM)\b)")
_LINE = re.compile(r"(?m)^([ \t]*\d{1,2}[ \t]+(?:@[^@\s]+@[ \t]+)?([A-Z_][A-Z0-9_]*))(?:[ \t]+([^\r\n]*))?$")
_NAME_TAGS = frozenset(["NAME", "GIVN", "SURN", "NICK", "_MARNM", "_MARN", "_AKA"])
# Tags whose values are codes, dates, numbers or pointers: no person there.
_CODE_TAGS = frozenset(
    [
        "SEX",
        "DATE",
        "FAMS",
        "FAMC",
        "HUSB",
        "WIFE",
        "CHIL",
        "CHAR",
        "VERS",
        "FORM",
        "GEDC",
        "TYPE",
        "LANG",
        "RIN",
        "REFN",
        "_UID",
        "RESN",
        "QUAY",
        "TIME",
        "FILE",
        "COPR",
        "DEST",
        "SUBM",
        "SUBN",
        "STAT",
    ]
)
_LETTER = re.compile(r"[^\W\d_]")
_CODE_VALUE = re.compile(r"[^\sa-z]+")  # one token with no lower-case letter: "1 SOUR PAF", "1 CHAR ANSEL"


class _Line(NamedTuple):
    start: int  # the line's level
    value: int  # where its value starts (the line's end when it has none)
    end: int
    codes: bool  # its value holds codes, dates or pointers
    name: RecognizerResult | None  # its value, when a name tag's


def gedcom_names(state: Resolution) -> None:
    """The name tags' values as PERSON, the tags themselves as nothing (module doc)."""
    text = state.text
    if "NAME" not in text or not _RECORD.search(text):
        return
    lines: list[_Line] = []
    for match in _LINE.finditer(text):
        tag, (value_start, value_end) = match.group(2), _value(match)
        value = text[value_start:value_end]
        code = tag in _CODE_TAGS or (tag not in _NAME_TAGS and _CODE_VALUE.fullmatch(value) is not None)
        name = None
        if tag in _NAME_TAGS and not value.startswith("@") and _LETTER.search(value):
            name = rule_result("PERSON", value_start, value_end, _SCORE, GEDCOM_NAME)
        lines.append(_Line(match.start(), value_start, match.end(), code, name))
    if not lines:
        return
    starts = [line.start for line in lines]
    kept: list[RecognizerResult] = []
    for result in state.results:
        index = bisect_right(starts, result.start) - 1
        line = lines[index] if index >= 0 and result.start <= lines[index].end else None
        cut = result if line is None else _cut(result, line)
        if cut is None:
            continue
        name = line.name if line is not None else None
        if (
            cut.entity_type == "PERSON"
            and name is not None
            and name.start <= cut.start
            and cut.end <= name.end
        ):
            continue  # a piece of a name value: the whole value stands for it
        kept.append(cut)
    state.results = kept + state.admitted(line.name for line in lines if line.name is not None)


def _value(match: re.Match[str]) -> tuple[int, int]:
    if match.group(3) is None:
        return match.end(), match.end()
    start, end = match.span(3)
    while end > start and match.string[end - 1] in " \t":
        end -= 1
    return start, end


def _cut(result: RecognizerResult, line: _Line) -> RecognizerResult | None:
    """``result``, which starts on GEDCOM ``line``, without the line's level, pointer and tag; None when
    nothing of it is left, or when it is a PERSON on a line of codes."""
    if line.codes and result.entity_type == "PERSON":
        return None
    if result.start >= line.value:
        return result
    if result.end <= line.value:
        return None
    return copy_span(result, line.value, result.end)
