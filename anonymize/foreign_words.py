"""Function words of other languages next to a name typed in lower case: "a d. conceição quer o reembolso"
(Portuguese "wants"), "sag bitte jürgen dass er kommt" (German "that"), "ayşe de yok" (Turkish "not there").

A chat in another language than English names people in lower case; the rules that find such names take in
the next word where it is no English word ("conceição quer"). The language of the line is told by its stop
words (spaCy's lists for some seventy languages, ``spacy.lang.XX.stop_words``): the language whose stop words
are most of the line's other words, two at least, and more than English's. A stop word of that language at
a name's edge is no part of the name; nor a word of that language that no name lexicon holds and that is
frequent in it (wordfreq, when it knows the language: "amanhã", "bugün"). Particles stay ("van", "da",
"bin" before a name).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from anonymize.name_lexicon import NameLexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_HITS = 2
_MIN_LETTERS = 2
_FREQUENT_ZIPF = 4.0
# Languages whose wordfreq lists need a tokenizer not installed, or that share English's stop words.
_NO_WORDFREQ = frozenset(["zh", "ja", "ko", "th", "my"])


@cache
def stop_words() -> dict[str, frozenset[str]]:
    """Each spaCy language's stop words, by language code (loaded once). The lists are read from their own
    files: importing each language's package would load its tokenizer's dependencies (seconds)."""
    import importlib.util

    import spacy.lang

    found: dict[str, frozenset[str]] = {}
    for folder in spacy.lang.__path__:
        for path in sorted(Path(folder).glob("*/stop_words.py")):
            spec = importlib.util.spec_from_file_location(f"_stop_words_{path.parent.name}", path)
            if spec is None or spec.loader is None or path.parent.name == "xx":
                continue
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
                words = module.STOP_WORDS
            except (ImportError, AttributeError, SyntaxError):
                continue
            found[path.parent.name] = frozenset(w.casefold() for w in words)
    return found


def line_language(words: list[str]) -> str | None:
    """The language whose stop words are most of ``words`` (two at least, more than English's); None when
    English or none leads."""
    languages = _stop_word_languages()
    counts = dict.fromkeys(stop_words(), 0)  # in the lists' order: the first of equal counts leads
    for word in words:
        for code in languages.get(word.casefold(), ()):
            counts[code] += 1
    english = counts.pop("en", 0)
    best, hits = None, 0
    for code, count in counts.items():
        if count > hits:
            best, hits = code, count
    return best if hits >= _MIN_HITS and hits > english else None


@cache
def _stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word's languages (``stop_words`` read the other way round, built once)."""
    languages: dict[str, list[str]] = {}
    for code, stops in stop_words().items():
        for word in stops:
            languages.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


def foreign_word(word: str, language: str, lexicon: NameLexicon, names_too: bool = False) -> bool:
    """``word`` is a function word of ``language``, or a frequent word of it that no lexicon name is (with
    ``names_too``, or a lexicon name no country speaking it ranks high: ``NameLexicon.word_of``, "hora" in
    Spanish; a word alone, not one at a name's edge: "Oh Ji-won", "dos Remédios"); never a letter (an
    initial: "shirin f", "babak m.")."""
    folded = word.casefold()
    if len(folded) < _MIN_LETTERS:
        return False
    if folded in stop_words().get(language, frozenset()):
        return True
    if folded in lexicon.given or folded in lexicon.surnames:
        return names_too and lexicon.word_of(folded, language)  # "hora" in Spanish; not "paz"
    return frequent_in(folded, language, _FREQUENT_ZIPF)


def frequent_in(word: str, language: str, zipf: float) -> bool:
    """``word`` is at least ``zipf`` frequent in ``language`` (wordfreq's Zipf scale, casefolded); never in a
    language wordfreq has no list for or cannot split into words here."""
    if language in _NO_WORDFREQ or language not in _wordfreq_languages():
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), language) >= zipf


@cache
def _wordfreq_languages() -> frozenset[str]:
    """The languages wordfreq has lists for, read once (``available_languages`` globs its data folder)."""
    from wordfreq import available_languages

    return frozenset(available_languages())


def line_words_around(text: str, start: int, end: int) -> list[str]:
    """The words of the line of ``text[start:end]`` before and after it (the span's own left out)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return [m.group() for m in _WORD.finditer(text, line_start, start)] + [
        m.group() for m in _WORD.finditer(text, end, line_end)
    ]


def trim_foreign_edges(
    text: str, start: int, end: int, lexicon: NameLexicon, keep_first: frozenset[str]
) -> tuple[int, int] | None:
    """``text[start:end]``, a name typed in lower case (read title-cased, maybe), without the words of the
    line's language at its edges (``keep_first``: words that may start a name, particles); at least one word
    is left, or None when every word is one of that language ("vai amanhã": "goes tomorrow")."""
    if " " not in text[start:end].strip():
        return start, end
    context = line_words_around(text, start, end)
    inside = list(_WORD.finditer(text, start, end))
    language = line_language(context + [m.group() for m in inside])
    if language is None:
        return start, end
    words = len(inside)
    while len(inside) > 1 and foreign_word(inside[-1].group(), language, lexicon):
        inside.pop()
    new_end = end if len(inside) == words else inside[-1].end()
    words = len(inside)
    while (
        len(inside) > 1
        and inside[0].group() not in keep_first
        and any(len(m.group()) >= _MIN_LETTERS for m in inside[1:])  # not down to an initial: "mele t."
        and foreign_word(inside[0].group(), language, lexicon)
    ):
        inside.pop(0)
    new_start = start if len(inside) == words else inside[0].start()
    if foreign_word(inside[0].group(), language, lexicon) and len(inside) == 1:
        return None
    return new_start, new_end
