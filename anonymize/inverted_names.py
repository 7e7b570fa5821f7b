"""A name written surname first with a comma, alone in a cell: "Ndlovu, Precious" in an expense export,
"| Ngata, Aroha | Lead |" in a rota, "Mac Aoidh, Ruairidh     Security" in a fixed-width list.

HR systems, payroll and expense exports and rosters write people "Surname, Given". The NER model reads the two
halves apart, often one as a place or a nationality, or not at all, and the scorer's and the reader's name is
the whole. The cell is one signal: the pair is all of a markdown table's cell, of a tab-separated or
fixed-width row's, or of a CSV row's (commas with no blank after them), never words of a sentence or a
salutation ("Smith, Jones and Brown", "MAIREAD, ANGUS,", "Rasa, Līga — please try again", "Cheers, Tev"),
and the surname half is one word after its particles ("van Wyk", not "Hannah Berg, Sipho Mthembu"). The name
is the other: the given half starts with a given name of the lexicon and the surname half is a name word of
it, or one of the halves is already a found person; neither half is a frequent English word ("Kimani,
Office Manager"), nor a place ("Lilongwe, Malawi", "Paris, Texas").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.normalize import NAME_PARTICLES
from anonymize.results import rule_result

INVERTED_NAME = "InvertedNameCell"
_SCORE = 0.6
_WORD = r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*"
# One surname (particles before it: "van Wyk", "de la Cruz"), a comma, one or two given names.
_PAIR = re.compile(
    rf"(?<![\w'’-])(?P<surname>(?:{_WORD} ){{0,3}}{_WORD}), (?P<given>{_WORD}(?: {_WORD})?)(?![\w'’-])"
)
_CSV_COMMA = re.compile(r",(?=[^\s,])|,(?=,)")


def _cell(text: str, start: int, end: int) -> bool:
    """The pair is a whole cell: of a markdown table (pipes), a tab-separated or fixed-width row (tabs, two
    blanks or more on one side), or a CSV row (commas with no blank after them, two or more on the line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    left, right = before.rstrip(" \t"), after.lstrip(" \t")
    if left.endswith("|") and right.startswith("|"):
        return True
    if (
        (not left or before.endswith("\t"))
        and (not right or after.startswith("\t"))
        and "\t" in before + after
    ):
        return True
    if (not left or before.endswith("  ")) and (not right or after.startswith("  ")) and (left or right):
        return True
    csv = len(_CSV_COMMA.findall(before + after)) >= 2
    return csv and (not before or before.endswith(",")) and (not after or _CSV_COMMA.match(after) is not None)


def _capitalized(word: str, caps: bool) -> bool:
    return word.isupper() if caps else word[:1].isupper() and not word.isupper() or len(word) == 1


def _shaped(surname: list[str], given: list[str], lexicon: NameLexicon) -> bool:
    """Every word capitalized (all in capitals or none: "ÖZTÜRK, KEMAL", "Nkosi, Thandiwe"), the words before
    the surname particles ("van Wyk"), no half a frequent English word ("Cheers, Tev", "Kimani, Office
    Manager")."""
    caps = all(w.isupper() for w in [*surname, *given] if len(w) > 1)
    if not all(_capitalized(w, caps) for w in [surname[-1], *given]):
        return False
    if not all(w.casefold() in NAME_PARTICLES for w in surname[:-1]):
        return False
    return not any(lexicon.ordinary_word(w.lower()) for w in [surname[-1], *given])


def _place(value: str) -> bool:
    return known_place(value) or " ".join(value.split()).casefold() in country_names()


def _named(surname: list[str], given: list[str], lexicon: NameLexicon) -> bool:
    """The given half starts with a given name of the lexicon (the surname half, a capitalized word that is no
    frequent English word, may be one it does not hold: "Ngata, Aroha")."""
    return given[0].casefold() in lexicon.given


def inverted_names(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for "Surname, Given" pairs alone in a cell, with a name's evidence (see the module)."""
    if ", " not in text:
        return []
    persons = [r for r in results if r.entity_type == "PERSON"]
    found = []
    for match in _PAIR.finditer(text):
        start, end = match.span()
        surname, given = match.group("surname").split(), match.group("given").split()
        if not _cell(text, start, end) or not _shaped(surname, given, lexicon):
            continue
        if any(_place(v) for v in (match.group("surname"), match.group("given"), match.group(0))):
            continue
        if any(r.start < end and start < r.end for r in persons) or _named(surname, given, lexicon):
            found.append(rule_result("PERSON", start, end, _SCORE, INVERTED_NAME))
    return found
