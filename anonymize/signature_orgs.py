"""The company line of an address block or a signature: the line after a person's name (and after the
person's role, if a line gives it) and above the postal address, the phone or the e-mail address::

    Paula Bjelajac                      María José García-Herrera
    Demystdata                          Directora de Compras
    11 Eriksbo Västergärde 98           Solaria Energía S.L.
                                        Calle de Colón 14, 46004 Valencia

names an organization. The NER model reads such a line as a person ("Demystdata", "Jj Keller"), a place or
nothing at all; here it becomes one ORGANIZATION span over the line. A line that the name lexicon reads as a
given name and a surname ("Christopher Roseby", a second addressee) stays a person's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.addressees import LINE_JUNK
from anonymize.name_extent import lexicon_full_name
from anonymize.name_lexicon import NameLexicon
from anonymize.results import tier
from anonymize.text import words

SIGNATURE_COMPANY = "SignatureCompanyLine"
_SCORE = 0.6
# What ends a block: the postal address, or a contact line of a signature.
_ANCHORS = frozenset(["STREET_ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "URL"])
# A short label before a contact value on its line ("Tel.", "Mobile:", "E:").
_CONTACT_LABEL = re.compile(r"[ \t>?*|•-]*(?:[A-Za-z][\w.-]*[ \t]?){0,2}[:.]?[ \t]*$")
_MAX_LINES_ABOVE = 4
_MAX_WORDS = 6
_PERSON_COVER = 0.6  # the share of a line's letters a person's name covers on a name line
# Head words of a role line ("Benefits manager", "Directora de Compras", "Training coordinator").
ROLE_WORDS = words(
    """
    manager managers director directora directeur directrice direktor gerente jefe jefa leiter leiterin
    coordinator officer engineer assistant analyst specialist consultant lead head president vice chair
    chairman chairwoman ceo cfo cto coo cio vp svp evp secretary accountant clerk technician tender operator
    supervisor administrator representative advisor adviser designer developer scientist lecturer professor
    nurse counsel attorney lawyer solicitor partner associate executive agent buyer planner editor writer
    teacher trainer worker attendant inspector therapist chief intern controller auditor architect surveyor
    driver mechanic chemist pharmacist physician doctor librarian founder owner recruiter receptionist
    """
)
# First words of a line that is no company's name: a department, an attention or care-of line.
_NOT_COMPANY_START = words("department dept division unit team office faculty c/o attn attn: care")
# A person's initial or a trailing number: the lines of a list or a score card ("A. Gurusinha run out 16").
_NOT_COMPANY_SHAPE = re.compile(r"\b[A-Z]\.[ \t]|\d[ \t]*$")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text[start:end]``, without their line breaks."""
    spans, position = [], start
    for line in text[start:end].split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _value(text: str, start: int, end: int) -> tuple[int, int]:
    """The line's span without its leading junk and trailing blanks or commas."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip(LINE_JUNK))
    tail = len(line.rstrip(" \t,;"))
    return start + lead, start + max(lead, tail)


def role_line(value: str) -> bool:
    """A job title on its own line: a role word, or a sentence-case phrase ("Crushing, grinding, and
    polishing machine tender")."""
    parts = [w.strip(".,;:()") for w in value.split()]
    if any(p.casefold() in ROLE_WORDS for p in parts):
        return True
    rest = [p for p in parts[1:] if p and p.casefold() not in ("and", "of", "de", "the", "for", "&")]
    return len(parts) >= 2 and bool(rest) and all(p.islower() for p in rest)


def _person_line(start: int, end: int, persons: Sequence[RecognizerResult]) -> bool:
    letters = end - start
    covered = sum(min(end, r.end) - max(start, r.start) for r in persons if r.start < end and start < r.end)
    return letters > 0 and covered >= _PERSON_COVER * letters


def _pattern_value(result: RecognizerResult) -> bool:
    return tier(result) == 0 or (tier(result) == 1 and result.entity_type not in ("PERSON", "ORGANIZATION"))


def _anchor_lines(text: str, results: Sequence[RecognizerResult]) -> list[int]:
    """Start offsets of the lines that begin with a postal address or a (labeled) contact value."""
    starts = set()
    for r in results:
        if r.entity_type not in _ANCHORS:
            continue
        line_start = text.rfind("\n", 0, r.start) + 1
        if _CONTACT_LABEL.fullmatch(text[line_start : r.start]):
            starts.add(line_start)
    return sorted(starts)


def _company_line(
    text: str, block: list[tuple[int, int]], results: Sequence[RecognizerResult], lexicon: NameLexicon | None
) -> tuple[int, int] | None:
    """The company line of a block of lines above an anchor (top to bottom), or None."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    spans = [_value(text, s, e) for s, e in block]
    top = next((i for i, (s, e) in enumerate(spans) if _person_line(s, e, persons)), None)
    if top is None:
        return None
    index = top + 1
    if index < len(spans) and role_line(text[spans[index][0] : spans[index][1]]):
        index += 1
    if index >= len(spans):
        return None
    start, end = spans[index]
    value = text[start:end]
    parts = value.split()
    if not parts or len(parts) > _MAX_WORDS or not any(ch.isalpha() for ch in value):
        return None
    if parts[0].casefold() in _NOT_COMPANY_START or role_line(value) or _NOT_COMPANY_SHAPE.search(value):
        return None
    if lexicon is not None and lexicon_full_name(value, lexicon):
        return None
    # A value a pattern found (an address, a phone, a date) is no company's name; names and the NER model's
    # readings are what the line replaces.
    if any(_pattern_value(r) and r.start < end and start < r.end for r in results):
        return None
    return start, end


def signature_companies(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with the company line of each address block or signature read as one ORGANIZATION span:
    the NER model's and the name rules' results inside that line are replaced by it."""
    found: list[tuple[int, int]] = []
    for anchor in _anchor_lines(text, results):
        block: list[tuple[int, int]] = []
        end = anchor - 1
        while end > 0 and len(block) < _MAX_LINES_ABOVE:
            start = text.rfind("\n", 0, end) + 1
            if not text[start:end].strip(LINE_JUNK):
                break  # a blank line ends the block
            block.insert(0, (start, end))
            end = start - 1
        line = _company_line(text, block, results, lexicon) if len(block) >= 2 else None
        if line is not None and line not in found:
            found.append(line)
    if not found:
        return results
    kept = [r for r in results if not any(s <= r.start and r.end <= e and tier(r) > 0 for s, e in found)]
    return kept + [
        RecognizerResult(
            "ORGANIZATION",
            s,
            e,
            _SCORE,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: SIGNATURE_COMPANY},
        )
        for s, e in found
    ]
