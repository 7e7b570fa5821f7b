"""A question's values the detector missed: found by looking its word n-grams up in the vault (within the
asker's scope), and, for what a question keeps on disk, a fail-safe for names and values nobody detected.

``vault_spans``: every run of 1..5 words of a question is normalized like the vault normalizes (per type)
and looked up by HMAC in one query; a hit whose surrogate is in the asker's scope is a span to replace, so a
question naming "dmitri vasquez-lindqvist" finds the chunks that hold his surrogate. Hits outside the scope
are ignored: the question is then treated exactly as if the vault did not know the value (no oracle).

``mask_unknown_names``: what a question stores (conversations, feedback, audit) must not keep a name in
clear that the detector missed. Words that are not common words and that the documents visible to the asker
do not hold in clear are masked (``<PERSON_NEWn>``, ``<TERM_NEWn>``). The rule depends on the question and on
what the asker may read only, never on values of documents the asker cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from anonymize.scope import SurrogateScope
from anonymize.text import STOP_WORDS
from anonymize.vault import Vault

MAX_WORDS = 5  # the longest n-gram looked up (names, addresses of up to five words)
_NUMBER_TYPES = frozenset(
    {
        "PHONE_NUMBER",
        "CREDIT_CARD",
        "US_SSN",
        "US_ITIN",
        "US_BANK_NUMBER",
        "UK_NHS",
        "IBAN_CODE",
        "US_DRIVER_LICENSE",
        "US_PASSPORT",
        "MEDICAL_LICENSE",
    }
)
_MIN_CHARS = 4  # a one-word n-gram shorter than this is not looked up (unless it holds a digit)
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{}?!,;:."
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>")
_NEW = re.compile(r"<[A-Z][A-Z_]*?_NEW(\d+)>")
# A capitalized word: a capital, then letters with an apostrophe or hyphen inside ("O'Neil", "Okonkwo-Hale").
# A word as typed: letters and digits with an apostrophe or hyphen inside ("O'Neil", "Okonkwo-Hale"); never a
# part of a surrogate ("<PERSON_NEW1>", "‹US_SSN_1›": the type and number follow "<", "‹" or "_").
_WORDISH = re.compile(r"(?<![\w<‹'’-])[^\W_]+(?:['’-][^\W_]+)*")
# Words a question starts with or asks with that no vocabulary of documents needs to hold.
_COMMON = frozenset(
    re.findall(
        r"\S+",
        """tell list show give summarize summarise explain describe find compare please thanks thank hello hi
        what's who's where's how's when's why's is are was were does do did can could would should will may
        might must shall yes no ok okay also and or but if then""",
    )
)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens with leading/trailing punctuation cut off; placeholders (surrogates) excluded as
    ``(-1, -1)`` so that no n-gram spans them."""
    spans = []
    for match in _TOKEN.finditer(text):
        start, end = match.start(), match.end()
        if "<" in match.group(0) and _PLACEHOLDER.search(match.group(0)):
            spans.append((-1, -1))
            continue
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        spans.append((start, end) if end > start else (-1, -1))
    return spans


def _worth_looking_up(words: list[str], ordinary: Callable[[str], bool] | None = None) -> bool:
    if len(words) == 1:
        word = words[0]
        if any(c.isdigit() for c in word):
            return len(word) >= _MIN_CHARS
        if len(word) < _MIN_CHARS or word.lower() in STOP_WORDS:
            return False
        # One word: as a name is written (capitalized), like the pseudonymizer's propagation; in lower case
        # too when the caller can tell a name from a word (``ordinary``: a frequent word that is no name).
        if word[:1].isupper():
            return True
        return (
            ordinary is not None
            and word.isalpha()
            and word == word.lower()
            and word not in _COMMON
            and not ordinary(word)
        )
    return words[0].lower() not in STOP_WORDS and words[-1].lower() not in STOP_WORDS


def ngrams(text: str, max_words: int = MAX_WORDS) -> list[tuple[int, int]]:
    """(start, end) of the runs of 1..``max_words`` words of ``text`` worth a vault look-up."""
    return [(s, e) for s, e, _ in _ngrams(text, max_words)]


def _ngrams(
    text: str, max_words: int = MAX_WORDS, ordinary: Callable[[str], bool] | None = None
) -> list[tuple[int, int, bool]]:
    """``ngrams`` with, for each, whether its first and last words hold a digit (a number's n-gram);
    with ``ordinary``, one word typed in lower case is looked up too unless ``ordinary`` says it is a word."""
    tokens = _tokens(text)
    found = []
    for i in range(len(tokens)):
        for j in range(i, min(i + max_words, len(tokens))):
            if tokens[j][0] < 0:
                break
            start, end = tokens[i][0], tokens[j][1]
            words = [text[s:e] for s, e in tokens[i : j + 1]]
            if _worth_looking_up(words, ordinary):
                numeric = any(c.isdigit() for c in words[0]) and any(c.isdigit() for c in words[-1])
                found.append((start, end, numeric))
    return found


def vault_spans(
    vault: Vault,
    text: str,
    scope: SurrogateScope,
    types: Iterable[str],
    holds_in_clear: Callable[[str], bool] | None = None,
    ordinary: Callable[[str], bool] | None = None,
    prefer_clear: Callable[[str, str], bool] | None = None,
) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, surrogate) of the vault's values written in ``text`` whose surrogates
    are in ``scope``, longest first. A value written all in lower case ("parental leave", where the vault
    holds a heading "Parental Leave" taken for a name) counts only when none of its words is one the
    asker's documents hold in clear (``holds_in_clear``): "maria gonzalez" is a name, "parental leave" not.
    With ``ordinary`` (a frequent English word that is no common name) and ``holds_in_clear``, one word in
    lower case is looked up too ("what did kwabena close?", where the documents hold "kwabena" only
    pseudonymized), unless it is an ordinary word ("summer", "laptop" stay as typed). A person's value for
    which ``prefer_clear(value, surrogate)`` says True (the asker's documents hold it in clear more often than
    its surrogate) stays as written."""
    types = sorted(set(types) & set(vault.entity_types()))
    # One lower-case word only where its hits can be checked against the asker's documents (``_as_written``).
    numbered = _ngrams(text, ordinary=ordinary if holds_in_clear is not None else None)
    grams = [(s, e) for s, e, _ in numbered]
    if not types or not grams:
        return []
    # Numbers are normalized to their digits: "SSN 219 09 9999" would find the SSN with the word "SSN" in
    # the span; a number's n-gram starts and ends with a digit.
    pairs = [(t, text[s:e]) for s, e, numeric in numbered for t in types if numeric or t not in _NUMBER_TYPES]
    found = vault.find_many(pairs)
    if not found:
        return []
    allowed = scope.known(set(found.values()))
    hits: dict[tuple[int, int], str] = {}
    for start, end in grams:
        for entity_type in types:  # one surrogate per span: the first type (by name) that knows it
            surrogate = found.get((entity_type, text[start:end]))
            if surrogate in allowed and _as_written(text[start:end], holds_in_clear):
                if (
                    entity_type == "PERSON"
                    and prefer_clear is not None
                    and prefer_clear(text[start:end], surrogate)
                ):
                    break  # the asker's documents use it as a word (``Retriever.mostly_in_clear``)
                hits[(start, end)] = surrogate
                break
    chosen: list[tuple[int, int, str]] = []
    for (start, end), surrogate in sorted(hits.items(), key=lambda h: (-(h[0][1] - h[0][0]), h[0][0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, surrogate))
    return sorted(chosen)


def _as_written(value: str, holds_in_clear: Callable[[str], bool] | None) -> bool:
    """Whether ``value`` found in the vault stands for it as written (see ``vault_spans``)."""
    if holds_in_clear is None or value != value.lower() or not any(c.isalpha() for c in value):
        return True
    return not any(holds_in_clear(word) for word in value.split() if word.isalpha())


def replace_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) replaced by its string (spans do not overlap)."""
    out, last = [], 0
    for start, end, replacement in sorted(spans):
        out += [text[last:start], replacement]
        last = end
    return "".join([*out, text[last:]])


def mask_unknown_names(
    text: str,
    holds_in_clear: Callable[[str], bool],
    common: Collection[str] = (),
    ordinary: Callable[[str], bool] | None = None,
) -> str:
    """``text`` with the words no document visible to the asker holds in clear replaced: a run of such words
    becomes ``<PERSON_NEWn>`` when one is capitalized, else ``<TERM_NEWn>`` (numbered after the text's own
    ``_NEWn``). Kept: common words (stop words, question words, ``common``, and lower-case words
    ``ordinary`` calls frequent English words that are no common names), short lower-case words and numbers,
    acronyms (up to 5 capitals), and every word ``holds_in_clear`` (the asker's documents) holds in clear.

    The documents the asker may read serve as the dictionary: a name typed in any case ("maria gonzalez") is
    masked whether or not the vault knows it from documents the asker cannot read, so what is stored (and
    shown back to the asker) tells nothing about those documents."""
    kept: dict[str, bool] = {}

    def keep(word: str) -> bool:
        lowered = word.lower()
        if lowered in STOP_WORDS or lowered in _COMMON or lowered in common:
            return True
        digits = sum(c.isdigit() for c in word)
        if (digits and digits < 4 and len(word) < 6) or (not word[:1].isupper() and len(word) < 3):
            return True  # "3", "v2", "ok": too short to name anyone
        if word.isalpha() and word.isupper() and len(word) <= 5:
            return True  # an acronym ("SSN", "HR", "VPN"), not a name
        if ordinary is not None and ordinary(word):
            return True  # "vague", "laptop": a word of the language, typed in lower case
        if word not in kept:
            kept[word] = holds_in_clear(word)
        return kept[word]

    runs: list[list[int]] = []
    for match in _WORDISH.finditer(text):
        word = match.group(0)
        end = match.end() - 2 if word.endswith(("'s", "’s")) else match.end()
        word = text[match.start() : end]
        if keep(word):
            continue
        if runs and text[runs[-1][1] : match.start()] == " ":
            runs[-1][1] = end  # "Dmitri Vasquez-Lindqvist": one name
        else:
            runs.append([match.start(), end])
    if not runs:
        return text
    number = max((int(m.group(1)) for m in _NEW.finditer(text)), default=0)
    spans = []
    for start, end in runs:
        number += 1
        kind = "PERSON" if any(w[:1].isupper() for w in text[start:end].split()) else "TERM"
        spans.append((start, end, f"<{kind}_NEW{number}>"))
    return replace_spans(text, spans)
