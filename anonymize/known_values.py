"""The values a pseudonymizer propagates: every value detected or stored (value -> type), the capitalized
parts of known names (part -> the name it stands for), indexed by each value's first word (lowercase), so a
text is checked only against the values whose first word it holds (``anonymize.pseudonymizer``). A person's
name in a script without letter case (Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Thai, ...) has no
capital to tell it from a word and often no blank around it ("请联系关伟明", "고보라는"): it propagates as
written wherever the text holds it, from two letters on ("王伟").

Values known from other documents (the vault's, a job's sweeps) are built with a ``NameReach``
(``anonymize/name_reach.py``): a one-word name or name part then propagates only when it can stand alone for
a person ("Tigist", not "Western" or "T-cell"), and a value of several words only where each of its
capitalized words is written capitalized or in capitals ("Western Blot", "WESTERN BLOT"; not "Western
blot")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from anonymize.name_reach import PARTICLES, NameReach, hyphenated_name
from anonymize.text import STOP_WORDS, plain_characters

_MIN_PROPAGATED = 4
_MIN_CASELESS = 2
WORD = re.compile(r"\w+")


class KnownValues:
    """Values that propagate (value -> entity type, the first one added wins) and the capitalized parts of
    known names (part -> full name), indexed by each value's first word (lowercase)."""

    def __init__(self, reach: NameReach | None = None) -> None:
        # None: the values of one document (every word of a name stands for it); else values from others.
        self.reach = reach
        self.types: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        # A document's own short forms of a person ("AL" of "Åsa Lindqvist (AL)"): surrogate only.
        self.stands_for: dict[str, str] = {}
        self.folded: dict[str, str] = {}  # casefolded value -> entity type
        self._by_first: dict[str, list[str]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        # Persons' names in caseless scripts, by first character (in memory also when spilled: few per job).
        self._caseless: dict[str, set[str]] = {}
        self._caseless_starts: re.Pattern[str] | None = None  # their first characters, built when first used

    def __len__(self) -> int:
        return len(self.types)

    def add_all(self, entries: Iterable[tuple[str, str]]) -> None:
        """``add`` each (value, type), in order."""
        for value, entity_type in entries:
            self.add(value, entity_type)

    def close(self) -> None:
        """Nothing to release here (``anonymize/known_spill.py`` removes its file)."""

    def add(self, value: str, entity_type: str) -> None:
        if value in self.types:
            return
        if entity_type == "PERSON" and caseless_name(value):
            self.types[value] = entity_type
            self._caseless.setdefault(value[0], set()).add(value)
            self._caseless_starts = None
            return
        if len(value) < _MIN_PROPAGATED:
            return
        self.types[value] = entity_type
        if value.isalpha():
            # One word ("Priya", or a false detection such as "This" or "Survival"): only a name-shaped word
            # propagates, and only as written (case-sensitive), never as any-case text: "survival" stays.
            if entity_type == "PERSON" and self._stands_alone(value):
                self._set_alias(value, value)
            return
        if (
            self.reach is not None
            and entity_type == "PERSON"
            and " " not in value
            and not self.reach.token(value)
        ):
            return  # "T-cell", "Long-term" from another document
        words = value.split()
        if all(w.isalpha() for w in words) and not any(_title_case(w) for w in words):
            return  # no capitalized word ("odds ratio", "oncogenic RAS"): the shape of a false detection
        self.folded.setdefault(value.casefold(), entity_type)
        first = WORD.search(value)
        self._index_first(first.group(0).lower() if first else "", value)
        if entity_type == "PERSON":
            # The words of a name, and the halves of a hyphenated one ("Bekele" and "Alemu" of "Tigist
            # Bekele-Alemu": the pseudonymizer takes the other half with a half it finds).
            for word in value.split():
                halves = word.split("-")
                if len(halves) > 1 and not hyphenated_name(word):
                    continue  # no hyphenated name: "Long-term", "T-cell"
                for part in halves if len(halves) > 1 else [word]:
                    if part != value and self._stands_alone(part):
                        self._set_alias(part, value)
                if len(halves) > 1 and word != value and any(h in self.aliases for h in halves):
                    self._set_alias(word, value)  # the whole found from a half names the same person

    def add_alias(self, alias: str, name: str | None) -> None:
        """``alias`` (initials, a former name a document defines: ``anonymize.name_aliases``) takes the
        surrogate of ``name``; it propagates nowhere (the detector finds its uses in its document)."""
        if alias and name and alias != name:
            self.stands_for.setdefault(alias, name)

    def name_of(self, form: str) -> str | None:
        """The name ``form`` stands for: a defined short form's (``add_alias``), a known part's, else None."""
        return self.stands_for.get(form) or self.aliases.get(form)

    def _stands_alone(self, word: str) -> bool:
        """``word`` (a one-word value or a name's part) is replaced where it is written alone."""
        return _name_word(word) and (self.reach is None or self.reach.word(word))

    def _set_alias(self, part: str, value: str) -> None:
        """``part`` stands for the value it is ("Warsaw", not "Polonia Warsaw"), else for a name it ends (a
        surname: "Luther" is "Martin Luther" before "Luther Bible"), else for the first name added with it."""
        known = self.aliases.get(part)
        if known is None or _alias_rank(part, value) < _alias_rank(part, known):
            self.aliases[part] = value

    def _index_first(self, word: str, value: str) -> None:
        self._by_first.setdefault(word, []).append(value)

    def _candidates(self, words: set[str]) -> list[str]:
        """The values that may be in a text of these lowercase words: those starting with one of them."""
        return [value for word in [*words, ""] for value in self._by_first.get(word, ())]

    def matches(self, text: str, words: set[str], lowered: str) -> list[tuple[int, int]]:
        """Spans of known values in ``text`` (any case but all lower case); ``words``: its lowercase words."""
        spans = []
        for value in self._candidates(words):
            if value.lower() not in lowered:
                continue
            pattern = self._patterns.get(value)
            if pattern is None:
                pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.I)
                self._patterns[value] = pattern
            # Any case but all lower case: "JANE DOE" is Jane Doe, "odds ratio" is not "Odds Ratio". From
            # another document, no capitalized word in lower case: "Western blot" is not "Western Blot".
            spans += [
                (m.start(), m.end())
                for m in pattern.finditer(text)
                if (not m.group(0).islower() or value.islower())
                and (self.reach is None or _capitals_kept(value, m.group(0)))
            ]
        return spans

    def caseless_matches(self, text: str) -> list[tuple[int, int]]:
        """Spans of the caseless-script names in ``text``, as written, inside words too ("高桥健二的" holds
        "高桥健二"): such scripts join a name to the words around it."""
        if not self._caseless:
            return []
        if self._caseless_starts is None:
            self._caseless_starts = re.compile(f"[{re.escape(''.join(self._caseless))}]")
        # Only where such a name may start: the scan runs in C, not once per character of every chunk. A
        # no-break space between its words is a space (same length: the offsets hold).
        text = plain_characters(text)
        return [
            (m.start(), m.start() + len(value))
            for m in self._caseless_starts.finditer(text)
            for value in self._caseless[m.group()]
            if text.startswith(value, m.start())
        ]


_GEORGIAN_FROM, _GEORGIAN_TO = "\u10d0", "\u10ff"  # Mkhedruli, written without capitals


def caseless_name(value: str) -> bool:
    """``value`` is two letters or more, every letter of a script without case ("关伟明", "고보라",
    "石田 裕子", "محمد علي", "राहुल": a script's vowel signs count with its letters; Georgian's everyday
    letters, which Unicode files as small letters of its rare capitals: "ნინო ბერიძე"), and nothing else but
    blanks and a middle dot or hyphen."""
    letters = [c for c in value if c.isalpha()]
    return (
        len(letters) >= _MIN_CASELESS
        and all(not (c.isupper() or c.islower()) or _GEORGIAN_FROM <= c <= _GEORGIAN_TO for c in letters)
        and all(c.isalpha() or unicodedata.category(c).startswith("M") or c in " ·・-" for c in value)
        and value == value.strip()
    )


def known_of(
    entries: Iterable[tuple[str, str]], into: KnownValues | None = None, reach: NameReach | None = None
) -> KnownValues:
    """KnownValues (``into``, or new, with ``reach``) of (value, type) vault entries, added by value, then
    type, not in the vault's order: where two entries compete (a value under two types, a name part of two
    names) the winner does not depend on which was stored first: shards that filled one vault in any order
    propagate alike."""
    known = KnownValues(reach) if into is None else into
    known.add_all(sorted(entries))
    return known


def _capitals_kept(value: str, written: str) -> bool:
    """No word capitalized in ``value`` is written in lower case in ``written`` (the same words, any case),
    a name's particles aside ("Anna Van der Berg" is "Anna van der Berg")."""
    return not any(
        v[:1].isupper() and w.islower() and v.casefold() not in PARTICLES
        for v, w in zip(value.split(), written.split(), strict=False)
    )


def _alias_rank(part: str, value: str) -> int:
    return 0 if part == value else 1 if value.split()[-1] == part else 2


def _title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _name_word(word: str) -> bool:
    """A word that may stand alone for a person: capitalized like a name ("Raman", not "BACKGROUND" or
    "raman"), 4+ letters, not a common word ("This", "When")."""
    return (
        len(word) >= _MIN_PROPAGATED
        and word.isalpha()
        and _title_case(word)
        and word.lower() not in STOP_WORDS
    )
