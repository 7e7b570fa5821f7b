"""Frequent English words kept in spaCy's vocabulary and tokenizer cache across the detector's batches.

Each batch runs in spaCy's memory zone (``PiiDetector._vocabulary_zone``): the word forms it adds are
dropped after it, so a long job's vocabulary stays bounded. In a zone spaCy's tokenizer caches nothing
either, so every batch made the lexemes of "the", "The", "patient" anew and split every word through the
prefix, suffix and infix patterns again. Words tokenized once outside any zone stay: their lexemes are
permanent and the tokenizer finds them in its cache (also as the core of "patient," or "(the"). Tokens and
lexeme attributes are those spaCy computes without the cache: the same spans.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from spacy.language import Language

# The pieces the tokenizer splits off words most often: punctuation, brackets, quotes, the possessive.
AFFIXES = tuple(".,;:!?()[]{}\"'/-–—…&%$€£#@*+=<>|~_") + ("'s", "’s", "’", "“", "”", "‘", "...", "--")


# How many frequent words each pipeline was warmed with (a pipeline may serve several detectors).
_WARMED: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


def warm_once(nlp: Language, count: int) -> None:
    """``nlp`` warmed with ``frequent_words(count)``, unless it already was with as many."""
    if count > 0 and _WARMED.get(nlp, 0) < count:
        warm(nlp, frequent_words(count))
        _WARMED[nlp] = count


def frequent_words(count: int) -> list[str]:
    """The tokenizer's commonest affixes (``AFFIXES``), then wordfreq's ``count`` most frequent English words,
    each followed by its capitalized form ("the", "The"): the tokenizer caches a fixed number of forms (10,000
    by default), the most frequent first."""
    from wordfreq import top_n_list

    forms = (form for word in top_n_list("en", count) for form in (word, word[:1].upper() + word[1:]))
    return list(dict.fromkeys([*AFFIXES, *forms]))


def warm(nlp: Language, words: Iterable[str]) -> None:
    """Tokenize each of ``words`` alone, outside any memory zone: their lexemes and cache entries stay."""
    if nlp.vocab.in_memory_zone:
        raise RuntimeError("warm the vocabulary outside spaCy's memory zone: a zone would drop the words")
    tokenizer = nlp.tokenizer
    for word in words:
        tokenizer(word)  # one word a call: a special case ("don't") stops caching for the rest of its Doc
