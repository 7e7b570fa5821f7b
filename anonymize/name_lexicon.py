"""Given names and surnames of many origins (the names-dataset package), as evidence that a word is a name.

names-dataset ships ~730k given names and ~980k surnames from 106 countries, with each name's rank in each
country, in two pickles that take ~2 GB of memory to load. A compact lexicon is derived from them once and
cached (``<venv>/share/privrag/``, else ``~/.cache/privrag/``): names ranked within ``MAX_RANK`` in some
country, written as word lists, one a line, gzip'd:

* ``given``: given names; ``surname``: surnames (a name can be both);
* ``common``: names that are also frequent English words (wordfreq Zipf >= ``COMMON_ZIPF``: "Will",
  "House", "Study"), unless the name ranks within ``ENGLISH_NAME_RANK`` in an English-speaking country
  ("John", "Smith"). A common word is no evidence of a name on its own.

* ``english_given``: given names ranked within ``ENGLISH_GIVEN_RANK`` in an English-speaking country, common
  words among them too ("Hope", "April", "Chase"; not "Yesterday", which some country's records hold).
* ``foreign``: names that are frequent words of a language spoken where they rank and rank high nowhere
  ("Agua", "Fecha", "Juin", "Nous"; not "Rosa", "Paz", "Luz"; see ``name_languages``): no evidence of a
  name either, in any language's text.
* ``foreign_in``: "language word" pairs: a name that is a frequent word of that language and ranks high in
  none of its countries ("es hora", "pt tomada", "fr pour"): no name alone in a line of that language.

The lexicon is evidence, never proof: a rule that uses it asks for a second signal (the NER model, a context
cue, the shape of a list or table, a given name followed by a surname).
"""

from __future__ import annotations

import gzip
import os
import pickle
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from anonymize import name_languages

VERSION = "3"
MAX_RANK = 10_000
COMMON_ZIPF = 4.0
ORDINARY_ZIPF = 3.0  # a lower-case word at least this frequent in English may be kept in a stored question
ENGLISH_NAME_RANK = 300
ENGLISH_GIVEN_RANK = 1_000
_ENGLISH_COUNTRIES = ("US", "GB", "CA", "AU", "IE", "NZ", "ZA")
_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*$")
_SECTIONS = ("given", "surname", "common", "english_given", "foreign", "foreign_in")


@dataclass(frozen=True)
class NameLexicon:
    """Casefolded name words; ``common`` holds those that are frequent English words too, ``foreign`` those
    that are frequent words of another language and rank high as names nowhere."""

    given: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]
    english_given: frozenset[str] = frozenset()
    foreign: frozenset[str] = frozenset()
    foreign_in: frozenset[str] = frozenset()  # "language word": see ``name_languages.foreign_pairs``
    # The words of ``foreign_in``, in any language.
    words_of_languages: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = frozenset(pair.split(" ", 1)[-1] for pair in self.foreign_in)
        object.__setattr__(self, "words_of_languages", words)

    def given_name(self, word: str) -> bool:
        key = word.casefold()
        return key in self.given and not self._common(key)

    def surname(self, word: str) -> bool:
        key = _unquoted(word.casefold())
        return key in self.surnames and not self._common(key)

    def common_word(self, word: str) -> bool:
        """A name of the lexicon that is a frequent word of English or of another language where it is a
        name ("Will", "Agua", "Juin"): no evidence of a name."""
        return self._common(word.casefold())

    def _common(self, key: str) -> bool:
        """``key`` (casefolded) is a frequent word of English or of a language where it is a name."""
        return key in self.common or key in self.foreign

    def word_of(self, word: str, language: str) -> bool:
        """A name of the lexicon that is a frequent word of ``language`` and ranks high in none of the
        countries that speak it ("Hora" in Spanish, "Pour" in French; not "Paz" in Spanish)."""
        return f"{language} {word.casefold()}" in self.foreign_in

    def ordinary_word(self, word: str) -> bool:
        """A word typed in lower case that is a frequent English word and not a name people commonly bear
        ("vague", "laptop", "hope"; not "maria", "gonzalez", "brown"): safe to keep in clear in what a
        question or a feedback comment stores."""
        from wordfreq import zipf_frequency

        if not word.isalpha() or word != word.lower() or zipf_frequency(word, "en") < ORDINARY_ZIPF:
            return False
        key = word.casefold()
        return key in self.common or (key not in self.given and key not in self.surnames)

    def name_word(self, word: str) -> bool:
        """A given name or surname that is not a frequent English word (parts of "Okafor-Lind" too)."""
        key = _unquoted(word.casefold())
        if self._common(key):
            return False
        if key in self.given or key in self.surnames:
            return True
        parts = [p for p in re.split(r"[-'’]", key) if len(p) > 1]
        return len(parts) > 1 and all(
            (p in self.given or p in self.surnames) and not self._common(p) for p in parts
        )


def _unquoted(key: str) -> str:
    """An apostrophe after an Irish, French or Italian prefix left out, as the names-dataset records write
    those names: "o'sullivan" is "osullivan", "d'souza" is "dsouza" (not the English "o'clock")."""
    if not _PREFIX_APOSTROPHE.match(key) or key in _APOSTROPHE_WORDS:
        return key
    return _PREFIX_APOSTROPHE.sub(r"\1", key)


_APOSTROPHE_WORDS = frozenset(("o'clock", "o’clock", "o'er", "o’er", "d'oh", "d’oh"))
_PREFIX_APOSTROPHE = re.compile(r"^([odl])['’](?=[^\W\d_]{2})")


def cache_path() -> Path:
    """Where the compact lexicon is kept: in the virtual environment if there is one, else the user cache."""
    if sys.prefix != sys.base_prefix and os.access(sys.prefix, os.W_OK):
        base = Path(sys.prefix) / "share" / "privrag"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "privrag"
    return base / f"name-lexicon-v{VERSION}.txt.gz"


def load(path: Path | None = None) -> NameLexicon:
    """The compact lexicon, derived from names-dataset first when the cache file is missing."""
    path = path or cache_path()
    if not path.is_file():
        build(path)
    sections: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    current: set[str] | None = None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word = line.rstrip("\n")
            if word.startswith("#"):
                current = sections.get(word[1:])
                if current is None:
                    raise ValueError(f"{path}: unknown section {word!r}")
            elif word and current is not None:
                current.add(word)
    return NameLexicon(
        frozenset(sections["given"]),
        frozenset(sections["surname"]),
        frozenset(sections["common"]),
        frozenset(sections["english_given"]),
        frozenset(sections["foreign"]),
        frozenset(sections["foreign_in"]),
    )


def _ranked(table: dict, max_rank: int, by_country: dict[str, dict[str, int]]) -> dict[str, tuple[int, int]]:
    """Name -> (best rank anywhere, best in an English-speaking country), names within ``max_rank``; each
    kept name's rank in each country is added to ``by_country`` (the best, a name being given and surname)."""
    kept: dict[str, tuple[int, int]] = {}
    for name, info in table.items():
        ranks = {c: r for c, r in (info.get("rank") or {}).items() if r}
        if not ranks or not isinstance(name, str) or not _NAME.match(name) or len(name) < 2:
            continue
        best = min(ranks.values())
        if best <= max_rank:
            english = min((r for c, r in ranks.items() if c in _ENGLISH_COUNTRIES), default=10**9)
            key = name.casefold()
            kept[key] = min((best, english), kept.get(key, (10**9, 10**9)))
            countries = by_country.setdefault(key, {})
            for country, rank in ranks.items():
                countries[country] = min(rank, countries.get(country, rank))
    return kept


def _read_table(name: str) -> dict:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / f"{name}.pkl.gz"
    with gzip.open(path, "rb") as handle:
        return pickle.load(handle)  # noqa: S301 - the package's own data file


def build(path: Path, max_rank: int = MAX_RANK) -> Path:
    """Derive the compact lexicon from names-dataset (and wordfreq for common English words) into ``path``."""
    from wordfreq import zipf_frequency

    by_country: dict[str, dict[str, int]] = {}
    given = _ranked(_read_table("first_names"), max_rank, by_country)
    surnames = _ranked(_read_table("last_names"), max_rank, by_country)
    common = set()
    for word in given.keys() | surnames.keys():
        english_rank = min(given.get(word, (0, 10**9))[1], surnames.get(word, (0, 10**9))[1])
        if english_rank > ENGLISH_NAME_RANK and zipf_frequency(word, "en") >= COMMON_ZIPF:
            common.add(word)
    english_given = {word for word, (_, english) in given.items() if english <= ENGLISH_GIVEN_RANK}
    # A name borne in an English-speaking country is a name in English text ("Sage", "Kiri"): never foreign.
    english_names = {
        w for table in (given, surnames) for w, (_, english) in table.items() if english <= max_rank
    }
    foreign = name_languages.foreign_words(by_country, english_names) - common
    known = english_given | {w for w, (_, english) in surnames.items() if english <= ENGLISH_NAME_RANK}
    foreign_in = {f"{lang} {w}" for w, lang in name_languages.foreign_pairs(by_country, known)}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    with gzip.open(tmp, "wt", encoding="utf-8") as out:
        for section, words in zip(
            _SECTIONS, (given, surnames, common, english_given, foreign, foreign_in), strict=True
        ):
            out.write(f"#{section}\n")
            out.writelines(f"{w}\n" for w in sorted(words))
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path


if __name__ == "__main__":  # `python -m anonymize.name_lexicon`: derive the cache now (make does, at install)
    target = cache_path()
    if not target.is_file():
        build(target)
    print(target)
