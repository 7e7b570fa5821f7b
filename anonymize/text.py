"""Text helpers shared by detection, retrieval and answer checks: sentences, stop words, stems, company forms.

One place for the small pieces of English text handling that several stages need, so that a sentence or a
stop word means the same thing wherever it is read. Knows nothing of the rest of privrag.
"""

from __future__ import annotations

import re

# --- sentences ---

# A term of a question, an answer or a passage: a pseudonym ("<PERSON_12>", "<PERSON_NEW1>"), a number
# ("1,842.60", "10:41"), or a word with its contraction ("caregiver's").
TERM_TOKEN = re.compile(r"<[A-Z_]+_(?:NEW)?\d+>|\d+(?:[.,:]\d+)*|[A-Za-z]+(?:'[a-z]+)?")

# A sentence of a passage: runs up to . ! ? followed by white space or the end, or up to a line break; "v4.1"
# and "e.g.x" stay inside (answer checks: the passage sentence that supports an answer).
SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?![\s]|$))+[.!?]?")
# Where a sentence starts, as a regex fragment: the start of the text, after . ! ? or a line break (and any
# closing quote), then blanks (name cues: "Ann had given ..." at a sentence's start).
SENTENCE_START = r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][\"'])[ \t]*)"
# A sentence of a chunk ends at . ! ? then space and an opening capital, digit, bracket or pseudonym; or at a
# blank line (per-sentence vectors).
SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[<A-Z0-9])|\n\s*\n")
MAX_SENTENCES = 16
MIN_SENTENCE_CHARS = 24


def split_sentences(
    text: str, max_sentences: int = MAX_SENTENCES, min_chars: int = MIN_SENTENCE_CHARS
) -> list[str]:
    """Sentences of ``text`` (at ``SENTENCE_BOUNDARY``), white space collapsed; fragments shorter than
    ``min_chars`` join the previous one, at most ``max_sentences`` (the last one takes the rest)."""
    sentences: list[str] = []
    for raw in SENTENCE_BOUNDARY.split(text):
        piece = " ".join(raw.split())
        if not piece:
            continue
        if sentences and (len(piece) < min_chars or len(sentences[-1]) < min_chars):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    if len(sentences) > max_sentences:
        sentences[max_sentences - 1 :] = [" ".join(sentences[max_sentences - 1 :])]
    return sentences


# --- stop words ---


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` (word lists written as one string)."""
    return frozenset(text.split())


# spaCy's English stop words (326 words): what is never a name by itself. Read on first use (``__getattr__``
# below): importing spaCy takes a while, and retrieval imports this module without needing them.
STOP_WORDS: frozenset[str]
# Function words of three letters or more, for matching content words between an answer and a passage.
FUNCTION_WORDS: frozenset[str] = words(
    """
    the and for are was were this that with from have has had not but you your they their there what which who
    when where how does did can may will would should could about into than then them its our out
    """
)
# Words any answer may use without a source stating them: the function words, more of them, question words
# and meta talk about sources (grounding checks).
GENERIC_WORDS: frozenset[str] = FUNCTION_WORDS | words(
    """
    these those whom whose why also such some any all each other more most many much very only just over under
    between being been both either neither own same so too one two yes no
    source sources document documents text passage passages context answer question according states stated
    says said mention mentions mentioned provided given information based refers describe describes
    described shows show however because therefore thus while although
    """
)

# --- stems ---

_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A crude stem so "teachers"/"teacher" and "decided"/"decides" meet; placeholders and numbers kept."""
    if word.startswith("<") or word[0].isdigit():
        return word
    word = word.lower().removesuffix("'s")
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")[:7]


# --- capitalized words and company forms ---

# A capitalized word (Latin, Greek, Cyrillic).
CAPITAL_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’.\-]*"

# Legal forms that end a company's name. Three readings, each tuned on the evaluation sets, each with its own
# words: the union in place of the first two changes what the recognizers report (the suffix recognizer would
# read "SAN FRANCISCO" as a company ending in "CO", the name cues would take more names before a company), and
# with them the detector's spans.
# - COMPANY_FORM_SUFFIX: the form that ends a name the company-form recognizer reports ("RAIZNEXT
#   Corporation", "Facebank Group Inc."), case variants spelled out, group and holdings words included;
COMPANY_FORM_SUFFIX = (
    r"(?:Inc|INC|Ltd|LTD|Corp|CORP|Corporation|CORPORATION|PLC|Plc|plc|LLC|L\.L\.C|S\.A|SA|AG|GmbH|NV|N\.V|"
    r"ASA|SPA|SpA|S\.p\.A|Co\.\s?Ltd|CO\.\s?LTD|Limited|LIMITED|Holdings|HOLDINGS|Group|GROUP|LLP|BV|B\.V|"
    r"Oy|Bhd|KGaA|KG|SRL|S\.r\.l)"
)
# - SPACED_COMPANY_FORM: the forms that end a company's name only as a word of their own ("Dow Chemical Co",
#   "H. J. Wilson & Company", "Dombey and Sons"; "SAN FRANCISCO" ends in "CO" as a word's end, and "CO" alone
#   is Colorado in "BOULDER CO 80301");
SPACED_COMPANY_FORM = r"(?:Co|&[ \t]+(?:Co|CO|Company|COMPANY|Sons|SONS)|and[ \t]+Sons)"
# - COMPANY_FORM_AHEAD: the legal form name cues look ahead for after "from", "of", "works at" ("Ana Dias from
#   Amerisur Resources plc"), with BV, AB and Co, without the group and holdings words; not a code's head
#   ("SA-OPS-01", a cost centre in the CSV cell after a name);
COMPANY_FORM_AHEAD = (
    r"(?:Inc|Ltd|LLC|L\.L\.C|Corp|Corporation|plc|PLC|SA|AG|NV|BV|GmbH|AB|ASA|SpA|Co|CO|Limited|LTD)\b(?!-\w)"
)
# - COMPANY_WORD: a word that keeps a one-word organization of the NER model ("Siemens-AG", "ACME-Bank": one
#   word alone is otherwise more often a name or a place), in any case, financial institutions included.
COMPANY_WORD = re.compile(
    r"\b(?:inc|ltd|plc|corp|co|llc|lp|llp|sa|ag|gmbh|nv|bv|ab|asa|spa|srl|oy|kk|limited|group|bank|trust|fund)\b",
    re.I,
)


def __getattr__(name: str) -> frozenset[str]:
    """``STOP_WORDS``, loaded from spaCy the first time it is asked for."""
    if name == "STOP_WORDS":
        from spacy.lang.en.stop_words import STOP_WORDS as spacy_stop_words

        globals()["STOP_WORDS"] = value = frozenset(spacy_stop_words)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Characters read as their plain form for detection, one for one so that every offset holds: the no-break
# and fixed-width spaces word processors and web pages put between a given name and a surname, zero-width
# spaces and word joiners (Thai's word breaks, HTML exports), a byte-order mark, and fullwidth Latin letters,
# digits and signs (names typed in East Asian documents: "ＴＵＮＤＥ ＢＡＫＡＲＥ").
_PLAIN_CHARACTERS = {
    0x00A0: " ",
    0x2007: " ",
    0x202F: " ",
    0x200B: " ",
    0x2060: " ",
    0xFEFF: " ",
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
}


def plain_characters(text: str) -> str:
    """``text`` with no-break and zero-width spaces as spaces and fullwidth Latin as ASCII, same length."""
    return text.translate(_PLAIN_CHARACTERS)
