"""An NER person that runs over a lower-case connecting word is no one name: it is cut there.

The NER model grows a person over the words that join two names or a name and what follows it: "Lena Fischer
Signed for Northwind" (a signature line), "James and Hogan", "Mai to Jerry", the cricket card's "R. Mahanama
b McGrath". Kept whole, the span's words become the name's other mentions: "Northwind" was pseudonymized as
a person wherever the company was named. A lower-case word that is no name particle ("van der", "bin", "de
la", "al-", "wa" of "Kengo wa Dondo"), no name suffix ("jr") and no name of the lexicon is a conjunction, a
preposition or a verb: the span is cut at it, ordinary English words at a piece's edges go ("Signed"), and a
piece stays a person only with a name's evidence of its own: a given name or surname of the lexicon, an
initial and a capitalized word, a title before it, "et al." after it (a cited author), or another detected
person with one of its words. What the model put between quotation marks is a nickname inside the name
("Roberto " Hands of Stone " Duran"): no cut there. A span without a capital is left alone, and so is a text
typed all in lower case (``resolve.joined_names``): there the capitals are truecasing's guesses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_extent import PARTICLES, ordinary_words
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import HONORIFICS, ROLE_TITLES
from anonymize.results import copy_span, tier
from anonymize.text import STOP_WORDS, words

# Lower-case words inside names besides name_extent's particles: Spanish, Portuguese and Catalan "y", "e",
# "do", "i"; Dutch, German and Scandinavian "te", "op", "zu", "vom", "zum", "zur", "af", "av", "des";
# Hebrew and Arabic "ben"; Bantu "wa" ("Kengo wa Dondo"); Malay "bte" and the patronymic abbreviations;
# and the suffixes written after a name ("jr", "md").
_JOINING = PARTICLES | words(
    """
    y e i do dos das te op zu vom zum zur af av des ben bte wa a/l a/p s/o d/o 't
    jr sr md phd dds dvm esq rn ii iii iv
    """
)
_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.?")
_CAPITALIZED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+")
_QUOTES = '"“”'
_EDGE = " \t,;:.!?()[]\"“”'’-–—/|"
_BEFORE = re.compile(r"([^\s]+)[ \t]+$")
_EDGE_ZIPF = 4.0  # "Signed" (4.9), "Reviewed" (4.2) go at a piece's edge; "Strawberry" (3.7) stays
_CITATION_AFTER = re.compile(r"[ \t]+et[ \t]+al\b")


def split_joined_names(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """``results`` with each NER PERSON span that holds a capitalized word and a lower-case word joining
    names (``joining_words``) cut at those words into the pieces with a name's evidence of their own; the
    other PERSON results that end right before such a word, or start right after it, lose the ordinary
    English words at that edge too (the name recognizers' "Lena Fischer Signed" of the same line)."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    cut_spans = {id(r): joining_words(text, r, lexicon) for r in persons if tier(r) == 2}
    cuts = [cut for spans in cut_spans.values() for cut in spans]
    if not cuts:
        return results
    others = [p for p in persons if not cut_spans.get(id(p))]
    out: list[RecognizerResult] = []
    for r in results:
        if cut_spans.get(id(r)):
            bounds = [r.start, *[i for cut in cut_spans[id(r)] for i in cut], r.end]
            for start, end in zip(bounds[::2], bounds[1::2], strict=True):
                piece = _trimmed(text, start, end, lexicon)
                if piece is not None and _has_evidence(text, *piece, lexicon, others):
                    out.append(copy_span(r, *piece))
        elif r.entity_type == "PERSON" and _next_to(text, r, cuts):
            piece = _trimmed(text, r.start, r.end, lexicon)
            if piece is not None:
                out.append(r if piece == (r.start, r.end) else copy_span(r, *piece))
        else:
            out.append(r)
    return out


def _next_to(text: str, result: RecognizerResult, cuts: Sequence[tuple[int, int]]) -> bool:
    """``result`` ends right before a joining word or starts right after one (blanks between)."""
    return any(
        (result.end <= s and not text[result.end : s].strip(" \t"))
        or (e <= result.start and not text[e : result.start].strip(" \t"))
        for s, e in cuts
    )


def joining_words(text: str, result: RecognizerResult, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """The (start, end) of each lower-case word in ``result`` that is no particle, suffix or lexicon name,
    outside quotation marks; none when the span has no capitalized word (a name typed in lower case)."""
    tokens = list(_TOKEN.finditer(text, result.start, result.end))
    if not any(t.group()[:1].isupper() for t in tokens):
        return []
    cuts: list[tuple[int, int]] = []
    quoted = False
    for token in tokens:
        word = token.group()
        if sum(word.count(q) for q in _QUOTES) % 2 == 1:
            quoted = not quoted
            continue
        if quoted or not word[:1].islower() or word.casefold() in _JOINING:
            continue
        bare = word.strip(_EDGE)
        if not bare or bare != bare.lower() or lexicon.name_word(bare):  # "al-Saadani", "d'Alembert"
            continue
        cuts.append((token.start(), token.end()))
    return cuts


def _trimmed(text: str, start: int, end: int, lexicon: NameLexicon) -> tuple[int, int] | None:
    """The piece ``text[start:end]`` without punctuation and ordinary English words at its edges."""
    tokens = [
        (t.start() + len(t.group()) - len(t.group().lstrip(_EDGE)), t.start() + len(t.group().rstrip(_EDGE)))
        for t in _TOKEN.finditer(text, start, end)
    ]
    tokens = [(s, e) for s, e in tokens if e > s]

    def ordinary(span: tuple[int, int], leading: bool) -> bool:
        word = text[span[0] : span[1]]
        folded = word.casefold()
        if (len(word) == 1 and word.isupper()) or folded in lexicon.english_given:
            return False  # an initial ("R. Mahanama"), a name that is a word too ("Will", "Hope")
        if folded in STOP_WORDS:
            return leading  # "The Carl Vinson"; not the surname of "Peter Such and ..."
        # Fail safe: a word people bear as a name anywhere stays ("Jane Little and ..."), and so does one
        # rarer than common nouns, which wordfreq may know from the name ("Greenspan", "Netanyahu").
        named = folded in lexicon.given or folded in lexicon.surnames
        return not named and ordinary_words(word, lexicon, _EDGE_ZIPF)

    while tokens and ordinary(tokens[-1], leading=False):
        tokens.pop()
    while tokens and ordinary(tokens[0], leading=True) and not _title(text[tokens[0][0] : tokens[0][1]]):
        tokens.pop(0)
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def _title(word: str) -> bool:
    folded = word.casefold().rstrip(".")
    return folded in ROLE_TITLES or folded in HONORIFICS


def _has_evidence(
    text: str, start: int, end: int, lexicon: NameLexicon, others: Sequence[RecognizerResult]
) -> bool:
    """A name's evidence of the piece ``text[start:end]``: a lexicon name word, an initial and a
    capitalized word, a title or honorific before it or leading it, "et al." after it (a cited author), or a
    word of another detected person."""
    raw = text[start:end].split()
    parts = [w for w in (r.strip(_EDGE) for r in raw) if w]
    if any(lexicon.given_name(w) or lexicon.surname(w) or lexicon.name_word(w) for w in parts):
        return True
    if any(_INITIAL.fullmatch(w) for w in raw) and any(_CAPITALIZED.fullmatch(w) for w in parts):
        return True  # "R. Mahanama"
    if _CITATION_AFTER.match(text, end):
        return True  # "Verhaak et al.": an author cited
    before = _BEFORE.search(text, max(0, start - 16), start)
    if (before and _title(before.group(1))) or (len(parts) > 1 and _title(parts[0])):
        return True
    other_words = {w.strip(_EDGE).casefold() for p in others for w in text[p.start : p.end].split()}
    return any(_CAPITALIZED.fullmatch(w) and w.casefold() in other_words for w in parts)
