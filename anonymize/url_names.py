"""Persons named in a web address's path: a profile's or a directory's slug
("linkedin.com/in/tunde-bakare-4411", "intranet/people/ngozi.okafor", "?user=wang_xiaoming"), and the user
whose home directory a file path names ("C:\\Users\\tbakare\\Documents", "/home/ngozi.okafor/reports").

URLs are not pseudonymized by default (links to documents and tools are what employees search for), so a name
in one was stored in clear. The slug's words are a person where a given name of the name lexicon comes first
and a surname or given name of the lexicon follows (neither a frequent English word: "in/tunde-bakare", not
"blog/rose-garden"), or where a word is a word of a person the same text names ("Ngozi Okafor ...
people/okafor"). Only the name's words become a PERSON result, so the address keeps its shape; the URL result
is cut into its other pieces (a deployment that pseudonymizes URLs still has all of it replaced).

A home directory's name is its user's login, which identifies a person whatever its shape ("tbakare",
"ngozi.okafor", "wbm22"): a PERSON result, but for the system's own accounts ("Public", "Default",
"Administrator", "root", "shared") and everyday English words ("/home/settings": a web app's route).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import copy_span, rule_result
from anonymize.text import words

URL_NAME = "UrlName"
_SCORE = 0.85
_MIN_LETTERS = 3
_AFTER_HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?[^/?#\s]*")
_TOKEN = re.compile(r"[^\W\d_]+")
_JOINERS = frozenset("-_.+")  # between a slug's words: "tunde-bakare", "ngozi.okafor", "wang_xiaoming"
# A user's home directory in a Windows or Unix path: "C:\\Users\\tbakare", "/home/ngozi.okafor".
_HOME = re.compile(
    r"(?:\b[A-Za-z]:\\(?i:Users|Documents and Settings)\\|(?<![\w.])/(?:home|Users)/)"
    r"([^\\/\s:*?\"<>|,;]+)(?=[\\/]|\s|$|[,;.)])"
)
_SYSTEM_ACCOUNTS = words(
    """
    public default administrator admin all users shared guest root system localservice networkservice runner
    ubuntu debian ec2-user vagrant docker user username you me
    """
)


def url_names(state: Resolution) -> None:
    """The names in the paths of the text's URL results and the users of its home directories as PERSON
    results (module doc)."""
    homes = [
        (m.start(1), m.end(1)) for m in _HOME.finditer(state.text) if _user_name(m.group(1), state.lexicon)
    ]
    if homes:
        taken = [(r.start, r.end) for r in state.results if r.entity_type == "PERSON"]
        state.results += state.admitted(
            rule_result("PERSON", s, e, _SCORE, URL_NAME) for s, e in homes if (s, e) not in taken
        )
    urls = [r for r in state.results if r.entity_type == "URL"]
    if not urls or state.lexicon is None:
        return
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    known = person_words(state.text, persons)
    found: list[RecognizerResult] = []
    split: dict[int, list[RecognizerResult]] = {}
    for url in urls:
        names = slug_names(state.text, url.start, url.end, state.lexicon, known)
        names = [n for n in names if not any(p.start <= n[0] and n[1] <= p.end for p in persons)]
        names = [n for n in names if n in {(r.start, r.end) for r in state.admitted(_persons(names))}]
        if names:
            split[id(url)] = _url_pieces(state.text, url, names)
            found += _persons(names)
    if found:
        state.results = [p for r in state.results for p in split.get(id(r), [r])] + found


def person_words(text: str, results: Sequence[RecognizerResult]) -> frozenset[str]:
    """The casefolded letter words of ``results``' PERSON spans in ``text``."""
    spans = [text[r.start : r.end] for r in results if r.entity_type == "PERSON"]
    return frozenset(w.casefold() for span in spans for w in _TOKEN.findall(span))


def _persons(spans: list[tuple[int, int]]) -> list[RecognizerResult]:
    return [rule_result("PERSON", s, e, _SCORE, URL_NAME) for s, e in spans]


def _url_pieces(text: str, url: RecognizerResult, names: list[tuple[int, int]]) -> list[RecognizerResult]:
    """The URL result around ``names`` as URL results of its other pieces: a deployment that pseudonymizes
    URLs still has every character of the address replaced; one that does not, only the names."""
    pieces, start = [], url.start
    for name_start, name_end in [*names, (url.end, url.end)]:
        if any(c.isalnum() for c in text[start:name_start]):
            pieces.append(copy_span(url, start, name_start))
        start = name_end
    return pieces


def _user_name(directory: str, lexicon: NameLexicon | None) -> bool:
    """A home directory's name that is a person's login: not a system account, a placeholder, or an everyday
    English word (a web app's route: "/home/settings")."""
    folded = directory.casefold().strip(".")
    return (
        any(c.isalpha() for c in folded)
        and folded not in _SYSTEM_ACCOUNTS
        and not folded.startswith(("svc", "service", "%", "$", "<", "{"))
        and not (lexicon is not None and lexicon.ordinary_word(folded))
    )


def slug_names(
    text: str, start: int, end: int, lexicon: NameLexicon, known: set[str] | frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Spans of the names in the path, query or fragment of the URL at ``text[start:end]`` (module doc);
    ``known``: the casefolded words of persons the text names."""
    host = _AFTER_HOST.match(text, start, end)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, host.end() if host else start, end)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        run = _name_run(text, tokens, i, lexicon, known)
        if run:
            spans.append((tokens[i][0], tokens[i + run - 1][1]))
            i += run
        else:
            i += 1
    return spans


def _name_run(
    text: str,
    tokens: Sequence[tuple[int, int]],
    i: int,
    lexicon: NameLexicon,
    known: set[str] | frozenset[str],
) -> int:
    """How many tokens from ``i`` on make a name: a lexicon given name then lexicon name words joined by a
    slug's joiners, or a run of words of the text's persons; 0 for none."""
    words = [text[s:e] for s, e in tokens]
    joined = [
        j == 0 or (tokens[j][0] - tokens[j - 1][1] == 1 and text[tokens[j][0] - 1] in _JOINERS)
        for j in range(len(tokens))
    ]

    def is_known(j: int) -> bool:
        return len(words[j]) >= _MIN_LETTERS and words[j].casefold() in known

    n = 0
    while i + n < len(tokens) and (n == 0 or joined[i + n]) and is_known(i + n):
        n += 1
    if n:
        return n
    if not lexicon.given_name(words[i]):
        return 0
    n = 1
    while i + n < len(tokens) and joined[i + n] and lexicon.name_word(words[i + n]):
        n += 1
    return n if n > 1 else 0
