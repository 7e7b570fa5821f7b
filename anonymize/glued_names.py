"""A person's name glued into one word: a file name, a user or a tag ("tunde-bakare-2024.jpg",
"IMG_ngozi_okafor.png", "Assignee: tunde_bakare", "Owner: TundeBakare", "#NgoziOkafor").

Nothing reads these as a name: the NER model sees one unknown word, the lexicon looks up whole words. Such a
word is a person's name where its pieces, joined by an underscore, by a hyphen in a word typed in lower case,
or by a capital inside the word (camel case), are a given name of the name lexicon (one people commonly bear,
or rare as an English word: not "ops", "dev") followed by a lexicon name word (neither a frequent English
word: "rose_garden", "PowerPoint", "well-being", "ops-sao-paulo" stay), or are words of
a person the same text names ("Ngozi Okafor ... okafor_ngozi_cv.docx"). Only the name's pieces become a
PERSON result; the rest of the word ("IMG_", "-2024.jpg") stays as it is. A hyphen or a capital joins a
name's words only in a file name, a handle or a tag ("@", "#") or a field's value ("Assignee: ", "by "):
elsewhere they join words of science ("cryo-electron", "OliGreen", "PrimPol": SciFact); an underscore joins
them anywhere.

Not here: a capitalized hyphenated word ("Mercedes-Benz", "Okafor-Lind": the NER model and the surname
rules read those), dotted handles ("ngozi.okafor"), and the words inside a web address or an e-mail address
(``anonymize.url_names``; an e-mail address is replaced whole).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import rule_result
from anonymize.url_names import person_words
from anonymize.word_kinds import english_zipf

GLUED_NAME = "GluedName"
_SCORE = 0.85
_MIN_LETTERS = 3
_MAX_WORDS = 3
_FILE_NAME_ZIPF = (
    2.7  # "okafor" 2.55, "mensah" 2.41; products and tools: "docker" 2.98, "kafka" 2.97, "bongo" 2.87
)
_RARE_ZIPF = 3.0  # wordfreq's scale: rarer than about one word in a million
# One written word, up to what surrounds a word in prose, a table or a path.
_WORD_CHAR = r"[^\s<>()\[\]{}\"'`,;:|/\\=*]"
_WORD = re.compile(rf"{_WORD_CHAR}+")
# Such a word with an underscore, a hyphen or a capital after a letter in it (``_joined``): the words worth
# a look, found by one scan of the text.
_JOINED_WORD = re.compile(
    rf"(?<!{_WORD_CHAR})(?={_WORD_CHAR}*?(?:[_-]|(?<=[^\W\d_])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])){_WORD_CHAR}+"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_WHOLE_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")  # not a piece of "receipt_cecep_dago.jpg"
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
_SKIPPED = frozenset({"URL", "EMAIL_ADDRESS", "PERSON"})
_FILE_NAME = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}$")
# A field's label right before the word, on its line: "Assignee: ", "| Owner | ", "created by ".
_FIELD = re.compile(r"(?:(?:^|[|;,(])[ \t]*[A-Za-z][A-Za-z .-]{0,24}[:|][ \t]*|\bby[ \t]+)\Z")


def glued_names(state: Resolution) -> None:
    """The names glued into one word as PERSON results (module doc)."""
    if state.lexicon is None:
        return
    taken = [(r.start, r.end) for r in state.results if r.entity_type in _SKIPPED]
    people = _people(state.text, state.results)
    known = person_words(state.text, state.results) | frozenset(w for p in people for w in p)
    found: list[RecognizerResult] = []
    replaced: set[tuple[int, int]] = set()
    outside: frozenset[str] | None = None
    for word in _JOINED_WORD.finditer(state.text):  # the words of ``_WORD`` that are ``_joined``
        start, end = word.span()
        file_name = _FILE_NAME.search(word.group()) is not None
        inside = [(s, e) for s, e in taken if start <= s and e <= end] if file_name else []
        if any(s < end and start < e for s, e in taken if (s, e) not in inside):
            continue
        slot = _in_slot(state.text, start, word.group())
        spans = glued_spans(word.group(), state.lexicon, known, slot=slot)
        if file_name:
            if outside is None:
                outside = _outside_words(state.text, state.results)
            spans = [p for s, e in spans for p in _split_people(word.group(), s, e, people, outside)]
        spans += file_name_words(word.group(), known, spans)
        if not state.technical and file_name:
            if outside is None:
                outside = _outside_words(state.text, state.results)
            spans += lexicon_file_words(word.group(), state.lexicon, spans, outside)
        # A piece an earlier step found alone gives way to the name it is part of ("sunna" in "sunna_bongo").
        inner = [(a - start, b - start) for a, b in inside]
        spans = [(s, e) for s, e in spans if all(_within(a, b, s, e) or b <= s or e <= a for a, b in inner)]
        replaced |= {(start + a, start + b) for a, b in inner if any(_within(a, b, s, e) for s, e in spans)}
        for s, e in spans:
            found.append(rule_result("PERSON", start + s, start + e, _SCORE, GLUED_NAME))
    if replaced:
        state.results = [
            r for r in state.results if (r.start, r.end) not in replaced or r.entity_type != "PERSON"
        ]
    if found:
        state.results += state.admitted(found)


def _within(a: int, b: int, s: int, e: int) -> bool:
    return s <= a and b <= e


def _outside_words(text: str, results: Sequence[RecognizerResult]) -> frozenset[str]:
    """The casefolded words ``text`` writes alone outside its PERSON results ("Dago" of "the Dago branch";
    not the pieces of a file name or a handle)."""
    persons = sorted((r.start, r.end) for r in results if r.entity_type == "PERSON")
    words: set[str] = set()
    at = 0
    for s, e in [*persons, (len(text), len(text))]:
        if s > at:
            words.update(w.casefold() for w in _WHOLE_WORD.findall(text[at:s]))
        at = max(at, e)
    return frozenset(words)


def _pieces(word: str) -> list[tuple[int, int, str]]:
    """The word's letter pieces with the character that joins each to the one before ('' for the first,
    'A' for a capital inside a word)."""
    pieces: list[tuple[int, int, str]] = []
    for m in _LETTERS.finditer(word):
        cuts = [m.start(), *(c.start() for c in _CAMEL.finditer(word, m.start(), m.end())), m.end()]
        for i, (s, e) in enumerate(zip(cuts, cuts[1:], strict=False)):
            joiner = "A" if i else (word[s - 1] if s > 0 and pieces and pieces[-1][1] == s - 1 else "")
            pieces.append((s, e, joiner))
    return pieces


def _joined(word: str) -> bool:
    """An underscore, a hyphen or a capital inside: the only words that may hold glued names."""
    return "_" in word or "-" in word or bool(_CAMEL.search(word))


def _in_slot(text: str, start: int, word: str) -> bool:
    """``word`` (at ``start``) is a file name, a handle or a tag, or the value of a field ("Assignee: ")."""
    if _FILE_NAME.search(word) or word.startswith(("@", "#")) or (start > 0 and text[start - 1] in "@#"):
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(_FIELD.search(line[-40:]))


def glued_spans(
    word: str, lexicon: NameLexicon, known: frozenset[str] = frozenset(), slot: bool = True
) -> list[tuple[int, int]]:
    """Offsets in ``word`` of the names glued into it (module doc); ``known``: casefolded words of the
    persons the text names; ``slot``: the word is a file name, a handle, a tag or a field's value, where a
    hyphen or a capital may join a name's words too (elsewhere only an underscore: "cryo-electron",
    "OliGreen" are words of science)."""
    if not _joined(word):
        return []
    lower = word == word.lower()
    pieces = _pieces(word)

    def joins(i: int) -> bool:
        joiner = pieces[i][2]
        if joiner == "_":
            return True
        if (
            word[pieces[i][0] : pieces[i][1]].casefold()
            == word[pieces[i - 1][0] : pieces[i - 1][1]].casefold()
        ):
            return False  # "exon-exon"
        return slot and (joiner == "A" or (joiner == "-" and lower))

    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        n = _run(word, pieces, i, joins, lexicon, known)
        if n > 1:
            spans.append((pieces[i][0], pieces[i + n - 1][1]))
            i += n
        else:
            i += 1
    return spans


def file_name_words(
    word: str, known: frozenset[str], taken: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Offsets in ``word``, a file name ("villa14_nair_front.jpg", "priznani_2025_svoboda.pdf",
    "arrears_GURUNG_0719.docx"), of the single pieces that are a word of a person the text names (``known``)
    and rare as an English word (not "front", "receipts"); outside ``taken``."""
    if not _FILE_NAME.search(word) or not ("_" in word or "-" in word):
        return []
    found = []
    for s, e, _ in _pieces(word):
        piece = word[s:e]
        if len(piece) <= _MIN_LETTERS or piece.casefold() not in known or not _rare(piece):
            continue
        if not (piece.islower() or piece.isupper() or piece.istitle()):
            continue
        if not any(ts <= s and e <= te for ts, te in taken):
            found.append((s, e))
    return found


def lexicon_file_words(
    word: str,
    lexicon: NameLexicon,
    taken: Sequence[tuple[int, int]] = (),
    outside: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Offsets in ``word``, a file name, of the pieces the lexicon holds as names, rare in English and no
    place, where an underscore joins two of them or one and an initial: two people's surnames or a surname
    and its initial ("handover_Okafor_Lindqvist.docx", "mensah_k_2024.pdf"); one alone is no evidence
    ("Docker_setup.md", "contract_Nwosu_signed.pdf": a product's name may be a surname too), nor one the text
    writes alone outside its persons (``outside``: a horse's "Tuman" in "xray_tuman_zaripov.dcm"). Outside
    technical text only (the caller's)."""
    extension = _FILE_NAME.search(word)
    if extension is None or "_" not in word:
        return []
    pieces = [p for p in _pieces(word) if p[1] <= extension.start()]
    texts = [word[s:e] for s, e, _ in pieces]
    names = [
        len(piece) > _MIN_LETTERS
        and (piece.islower() or piece.isupper() or piece.istitle())
        and lexicon.name_word(piece)
        and english_zipf(piece.casefold()) < _FILE_NAME_ZIPF
        and not known_place(piece)
        and piece.casefold() not in outside
        for piece in texts
    ]
    found = []
    for i, (s, e, _) in enumerate(pieces):
        if not names[i] or any(ts < e and s < te for ts, te in taken):
            continue
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(pieces) and pieces[max(i, j)][2] == "_"]
        if any(names[j] or (len(texts[j]) == 1 and texts[j].isalpha()) for j in beside):
            found.append((s, e))
    return found


def _people(text: str, results: Sequence[RecognizerResult]) -> list[frozenset[str]]:
    """The words of each PERSON result, casefolded, without accents and apostrophes ("Sunná" as "sunna",
    "Nur'aini" as "nuraini"), as a file name writes them."""
    people = []
    for r in results:
        if r.entity_type == "PERSON":
            value = "".join(
                c
                for c in unicodedata.normalize("NFKD", text[r.start : r.end])
                if not unicodedata.combining(c)
            )
            people.append(frozenset(re.sub(r"['’]", "", w).casefold() for w in re.findall(r"[\w'’]+", value)))
    return people


def _split_people(
    word: str, start: int, end: int, people: Sequence[frozenset[str]], outside: frozenset[str]
) -> list[tuple[int, int]]:
    """The span ``word[start:end]`` of a file name cut into its pieces when they are words of different
    persons the text names ("Teitelbaum_v_Perlmutter_Rosenzweig_dep.pdf": two people, two names), whole when
    one person holds them all ("offer_sunna_bongo.pdf"); without the pieces at its ends that are no person's
    words and that the text writes outside its persons ("receipt_cecep_dago.jpg" beside "the Dago branch")."""
    pieces = [(s, e) for s, e, _ in _pieces(word) if start <= s and e <= end]
    folded = [word[s:e].casefold() for s, e in pieces]
    mine = [any(f in p for p in people) for f in folded]
    while len(pieces) > 1 and any(mine) and not mine[-1] and folded[-1] in outside:
        pieces, folded, mine = pieces[:-1], folded[:-1], mine[:-1]
    while len(pieces) > 1 and any(mine) and not mine[0] and folded[0] in outside:
        pieces, folded, mine = pieces[1:], folded[1:], mine[1:]
    if len(pieces) == 1:
        return pieces
    if not all(mine) or any(all(f in p for f in folded) for p in people):
        return [(pieces[0][0], pieces[-1][1])]
    return pieces


def _given_name(word: str, lexicon: NameLexicon) -> bool:
    """A given name of the lexicon that people commonly bear or that is rare as an English word: the
    lexicon's looser given names that are everyday words or abbreviations ("ops", "dev", "eng") are not."""
    if len(word) < _MIN_LETTERS or not lexicon.given_name(word):
        return False
    return word.casefold() in lexicon.english_given or _rare(word)


def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") < _RARE_ZIPF


def _run(
    word: str,
    pieces: Sequence[tuple[int, int, str]],
    i: int,
    joins: Callable[[int], bool],
    lexicon: NameLexicon,
    known: frozenset[str],
) -> int:
    """How many pieces from ``i`` on make a name: words of the text's persons, or a lexicon given name then
    lexicon name words; 1 or 0 for none."""
    text = [word[s:e] for s, e, _ in pieces]
    n = 1
    if text[i].casefold() in known and len(text[i]) >= _MIN_LETTERS:
        while (
            i + n < len(pieces)
            and n < _MAX_WORDS
            and joins(i + n)
            and len(text[i + n]) >= _MIN_LETTERS
            and text[i + n].casefold() in known
        ):
            n += 1
        if n > 1:
            return n
    if not _given_name(text[i], lexicon):
        return 0
    # A given name rare in English but not common among names is no name's evidence alone: beside a hyphen
    # or a capital, its next word must be rare too ("cryo-electron", "xylene-bis" stay; "nagy-toth" not).
    common = text[i].casefold() in lexicon.english_given
    n = 1
    while (
        i + n < len(pieces)
        and n < _MAX_WORDS
        and joins(i + n)
        and len(text[i + n]) >= _MIN_LETTERS
        and lexicon.name_word(text[i + n])
        and (common or pieces[i + n][2] == "_" or _rare(text[i + n]))
    ):
        n += 1
    return n
