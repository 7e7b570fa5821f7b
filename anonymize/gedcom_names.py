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


def gedcom_names(state: Resolution) -> None:
    """The name tags' values as PERSON, the tags themselves as nothing (module doc)."""
    text = state.text
    if "NAME" not in text or not _RECORD.search(text):
        return
    names: list[RecognizerResult] = []
    heads: list[tuple[int, int, int, bool]] = []  # (line start, value start, line end, value holds codes)
    for match in _LINE.finditer(text):
        tag, (value_start, value_end) = match.group(2), _value(match)
        value = text[value_start:value_end]
        code = tag in _CODE_TAGS or (tag not in _NAME_TAGS and _CODE_VALUE.fullmatch(value) is not None)
        heads.append((match.start(), value_start, match.end(), code))
        if tag in _NAME_TAGS and not value.startswith("@") and _LETTER.search(value):
            names.append(rule_result("PERSON", value_start, value_end, _SCORE, GEDCOM_NAME))
    if not heads:
        return
    kept: list[RecognizerResult] = []
    for result in state.results:
        cut = _cut(result, heads)
        if cut is None:
            continue
        if cut.entity_type == "PERSON" and any(n.start <= cut.start and cut.end <= n.end for n in names):
            continue  # a piece of a name value: the whole value stands for it
        kept.append(cut)
    state.results = kept + state.admitted(names)


def _value(match: re.Match[str]) -> tuple[int, int]:
    if match.group(3) is None:
        return match.end(), match.end()
    start, end = match.span(3)
    while end > start and match.string[end - 1] in " \t":
        end -= 1
    return start, end


def _cut(result: RecognizerResult, heads: list[tuple[int, int, int, bool]]) -> RecognizerResult | None:
    """``result`` without the level, pointer and tag of the GEDCOM line it starts on; None when nothing of it
    is left, or when it is a PERSON on a line of codes."""
    for line_start, value_start, line_end, codes in heads:
        if not line_start <= result.start <= line_end:
            continue
        if codes and result.entity_type == "PERSON":
            return None
        if result.start >= value_start:
            return result
        if result.end <= value_start:
            return None
        return copy_span(result, value_start, result.end)
    return result
