"""Names typed in lower case (chat logs, hasty notes, replies): "thanks nacho", "<yuki> haruto pushed a fix",
"fatou diop wants the notes", "send me lola's number", "@lena".

The NER model and the capitalized-name rules never see these. A lower-case word is a name only when two weak
signals say so (fail safe, yet no name in every lower-case word), one point each:

* **lexicon**: every word is a given name or surname of the names-dataset lexicon that is no frequent English
  word (``NameLexicon.given_name``/``surname``); a word of everyday English ("precious", "marcus" as zipf >=
  ``_EVERYDAY_ZIPF``) needs one signal more, except a given name before a surname rare in English ("david
  lange": the given name is frequent because people bear it);
* **full name**: a given name then a surname ("fatou diop"), or a chat handle made of both ("pedro.alves");
* **address**: a greeting, thanks or sign-off, a handle's "@", or "cc:" right before ("hi maria", "thanks
  nacho", "@lena");
* **speaker**: the line's speaker in a chat log ("<yuki> ...", "09:02 <yuki> ...", "yuki: ...", "yuki 10:31
  ...");
* **person after**: a verb people do ("haruto pushed", "joão complained"), a possessive ("lola's number"), a
  pronoun for a person ("declan, he's fine") or the team a person works in ("meenakshi from accounts");
* **title** (two points): a title typed in lower case right before ("mr. martin", "sra. ibarra");
* **said** (two points): a quotation's end, then "said" ('jealous!" said william to christina').

In a chat log that writes the speaker's handle before the time ("ana.s 10:31  ..."), a handle of a given name
and anything is the speaker's name, as between angle brackets. In a chat log of two speaker lines or more, a
one-word handle that is a lexicon name or no English word is a speaker's name ("<precious>", "<wanyonyi>"),
and a handle's given name alone names its bearer where English has no such frequent word ("wellington.s"
... "@wellington").

Not in technical text (gene symbols are lower-case lexicon words too), nor after a determiner ("the kai").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import CHAT_ABSENT, CHAT_VERBS
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.recognizers.lower_slots import TEAM, listed, met_before, more_points, title_word, with_initial
from anonymize.recognizers.lower_sources import caps_lowered, inside, titled_names, with_titled_pair
from anonymize.recognizers.shown_handles import shown_handles
from anonymize.text import STOP_WORDS
from anonymize.text_kinds import technical_readings
from anonymize.word_kinds import english_zipf

RECOGNIZER = "LowerCaseNameRecognizer"
_SCORE = 0.88  # above the NER model's 0.85: where both find a span, this result is kept
_NEEDED = 2
_EVERYDAY_ZIPF = 3.5  # a lower-case word this frequent in English needs a third signal
_RARE_SURNAME_ZIPF = 3.0  # a surname rarer than this in English vouches for the given name before it
_MIN_LETTERS = 3
_SHORT_CAPS = 3  # a word this short in a run of capitals is an acronym as often ("(DAR)", "MBA")
_UNKNOWN_ZIPF = 2.0  # a word English barely knows: in a chat log's speaker slot, a name ("wanyonyi" 0)
_TOO_COMMON_ZIPF = 5.5  # an English given name this frequent is no name in lower case ("will", "may")
_HANDLE_GIVEN_ZIPF = 4.0  # a handle's given name this rare names its bearer alone ("wellington"; not "will")

_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
_WORD = rf"[{_L}]+(?:(?:-|['’](?!s\b))[{_L}]+)*"  # not the possessive's "s": "lola's"
# A lower-case word that is not part of an e-mail address, a domain, a path or a capitalized word.
_TOKEN = re.compile(rf"(?<![\w./'’-])(?<![\w.-]@)({_WORD})(?![\w@-]|['’](?!s\b)|\.[\w])")
# A chat log's speaker handle at a line's start ("<yuki> ", "[09:12] <pedro.alves> "): markup, not symbols
# of technical text.
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"  # "09:02", "10:31:05"
_TIME = rf"(?:\[[^\]\n]*\][ \t]*|{_CLOCK}[ \t]+)"  # "[09:12] ", "09:02 "
_HANDLE_MARK = re.compile(rf"(?m)^[ \t]*{_TIME}?<[^<>\n]{{1,40}}>")
_HANDLE = re.compile(rf"(?m)^[ \t]*{_TIME}?<({_WORD})[._]({_WORD})>")
_SOLO_HANDLE = re.compile(rf"(?m)^[ \t]*{_TIME}?<({_WORD})>")  # "09:05 <wanyonyi> part arrives"
# A chat export that writes the speaker's handle, the time, then the message ("ana.s 10:31  cliente ...").
_TIMED_LINE = re.compile(rf"(?m)^[ \t]*[^\s<>]{{2,40}}[ \t]+{_CLOCK}(?:[ \t]|$)")
_TIMED_HANDLE = re.compile(rf"(?m)^[ \t]*({_WORD})[._]({_WORD})(?=[ \t]+{_CLOCK}(?:[ \t]|$))")
_TIMED_SOLO = re.compile(rf"(?m)^[ \t]*({_WORD})(?=[ \t]+{_CLOCK}(?:[ \t]|$))")  # "joaop 10:32  quem ..."
# A chat export: the time, in brackets or not, the speaker's handle and a colon ("[09:05] ana.s: ...",
# "08:58 wang.xm: ...", "09:02 ouyangf: ...").
_LABEL_TIME = rf"^[ \t]*(?:\[{_CLOCK}\]|{_CLOCK})[ \t]*"
_LABELED_HANDLE = re.compile(rf"(?m){_LABEL_TIME}({_WORD})[._]({_WORD}):[ \t]")
_LABELED_LINE = re.compile(rf"(?m){_LABEL_TIME}[^\s:]{{2,40}}:[ \t]")
_LABELED_SOLO = re.compile(rf"(?m){_LABEL_TIME}({_WORD}):[ \t]")
_ADDRESS_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:hi|hey|hiya|hello|dear|thanks|thank[ \t]+you|thx|ty|cheers|bye|ping|cc|"
    r"ask|tell|call|morning|evening|regards|attn|attention)[ \t]*[:,]?|@)[ \t]*$"
)
# The one a task is left with or sent to, in a sentence typed in lower case: "leave it with sione", "copy
# francisco", "give kev", "chase hemi" (not "associated with malignant progression" in a science abstract).
_TASK_BEFORE = re.compile(
    r"(?<![\w'’])(?:with|w/|copy|give|remind|chase|message|msg|dm|text|email|loop[ \t]+in)[ \t]+$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s|\n)[^\w\n]*(?=\w)")
# A sentence's start in a line: not a colon's list, not after an initial ("E. coli").
_PERIOD_START = re.compile(r"(?<!\b[A-Za-z])[.!?]\s+[^\w\n]*(?=\w)")
# A chat line's time and handle before its message ("[07:21] <radka.s> haha yes, hope from design").
_CHAT_PREFIX = re.compile(rf"[ \t]*{_TIME}?(?:<[^<>\n]{{1,40}}>)?")
_SPEAKER_BEFORE = re.compile(rf"(?:^|\n)[ \t]*{_TIME}?<$")
_SPEAKER_AFTER = re.compile(r">[ \t]")
# A line's speaker: "yuki: ...", "yuki 10:31  ..."
_SPEAKER_LABEL_AFTER = re.compile(rf"[ \t]*(?::[ \t]+|[ \t]{_CLOCK}[ \t]+)\S")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:\[[^\]\n]*\][ \t]*)?$")
_PERSON_AFTER = re.compile(
    rf"(?:['’]s\b|[ \t]+(?:{CHAT_VERBS}|{CHAT_ABSENT})\b|"
    # a pronoun for a person right after: "it's just declan, he's fine"
    r"[ \t]*,[ \t]*(?:he|she)(?:['’](?:s|d|ll)|[ \t]+(?:is|was|has|had|will|would|said|says))\b|"
    # the one asked to do something: "xiaoming can u confirm", "joão, could you tell"
    r"[ \t]*,?[ \t]+(?:can|could|would|will)[ \t]+(?:you|u)\b|"
    # the team a person works in: "meenakshi from accounts", "dorcas at reception"
    rf"[ \t]+(?:from|in|at)[ \t]+{TEAM}\b)"
)
_AT_HANDLE = re.compile(rf"(?<![\w.@-])@({_WORD})[._]({_WORD})(?![\w@-]|\.\w)")
_COORDINATION = re.compile(r"[ \t]*(?:,|;|/|&|\+|,?[ \t]+(?:and|or|e|y|und|et|og|och)[ \t])[ \t]*")
# A title typed in lower case right before ("mr. martin is", "mr gallagher from the landlord", "sra. ibarra"):
# the strongest of the slots, two points. Not after a figure ("200 ms").
_TITLE_BEFORE = re.compile(
    r"(?<![\w'’.-])(?<!\d[ \t])(?i:mr|mrs|ms|mx|dr|prof|sr|sra|srta|señor|señora|señorita|doña|dona|"
    r"sig|signor|signora|frau|herr|mme|mlle|madame|monsieur)\.?[ \t]+$"
)
# A speaker named after what was said ("i'm so jealous!" said william to christina): two points, the quote's
# end or its punctuation right before the verb.
_SAID_BEFORE = re.compile(
    rf"[!?,\"”'’][ \t]*(?:said|asked|replied|cried|shouted|added)[ \t]+(?:{_WORD}[ \t]+to[ \t]+)?$"
)
_POSSESSIVE = re.compile(r"['’][sS]\b")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|its|their|our|his|her|my|your)[ \t]+$")


class LowerCaseNameRecognizer(LexiconPersonRecognizer):
    """PERSON spans in lower case that two or more weak signals vouch for (see the module doc)."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(lexicon, RECOGNIZER)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        titled = titled_names(text, self.lexicon)  # names the document writes in title case elsewhere
        spans = self._find(text, titled)
        lowered = caps_lowered(text)  # runs of capitals read in lower case: "GAVE IT TO XABI"
        if lowered is not None:
            found = inside(self._find(lowered[0], titled, caps=True), lowered[1])
            spans += [
                (s, e)
                for s, e in found
                # a possessive in capitals names a place or a shop as often ("ST. BRIGID'S CARE HOME")
                if e - s > _SHORT_CAPS and not known_place(text[s:e]) and not _POSSESSIVE.match(text, e)
            ]
        return [RecognizerResult("PERSON", s, e, _SCORE) for s, e in sorted(set(spans))]

    def _find(self, text: str, titled: frozenset[str], caps: bool = False) -> list[tuple[int, int]]:
        """The spans of names in lower case (``titled``: the words the document writes as names in title
        case); with ``caps`` (runs of capitals put in lower case), a given name and a surname side by side are
        no signal ("NYERERE INTL", "ADDIS ABABA"), nor is an everyday word ("MR PRICE", the shop)."""
        spans = self._handles(text)
        tokens = [m for m in _TOKEN.finditer(text) if self._name(m.group(1)) or m.group(1) in titled]
        if not tokens and not spans:
            return []
        by_symbols, technical = technical_readings(_business_markup(text))
        if by_symbols:
            return []
        # Text with many acronyms or words in capitals (a transcript's "ADEBAYO:", a ward's "HCA", "GP") but
        # no symbols: a name in lower case only in a sentence or line typed in lower case, where a science
        # abstract's capitalized sentences have none ("the Drosophila mutants asp and polo").
        typed = _typed_lower_only(text) if technical else None
        handles = {s for s, _ in spans}
        taken = set(handles)
        short: list[tuple[int, int]] = []  # one point short of a name
        rare: set[tuple[int, int]] = set()  # of these, names that are no everyday word
        index = 0
        while index < len(tokens):
            match = tokens[index]
            start, end = match.span(1)
            # A given name and a surname next to each other: one span.
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            full = bool(
                following
                and text[end : following.start(1)] in (" ", "\t")
                and self.lexicon.given_name(match.group(1))
                and self.lexicon.surname(following.group(1))
                and not _KIN_AFTER.match(text, end)  # "sunita didi": a word of respect, no surname
                and not title_word(match.group(1))  # "doña marisol", "lao chen": a title, no given name
            )
            if full and following is not None:
                end = following.end(1)
                index += 1
            index += 1
            if start in taken or (
                _DETERMINER_BEFORE.search(text, max(0, start - 8), start) and not met_before(text, start)
            ):
                continue
            everyday = 0 if text[start:end] in titled else self._everyday(text[start:end], full)
            if caps and everyday:  # shouted
                continue
            missing = _NEEDED + everyday - self._points(text, start, end, full and not caps, caps)
            if missing <= 0:
                spans.append((start, end))
            elif missing == 1:
                short.append((start, end))
                if not everyday:
                    rare.add((start, end))
        # One more point: listed with a name found ("everything sven and haruto closed", "yuki, mbali").
        spans += [
            (s, e)
            for s, e in short
            if any(
                _COORDINATION.fullmatch(text, e, s2) or _COORDINATION.fullmatch(text, e2, s)
                for s2, e2 in spans
            )
        ]
        # Names listed together in a line typed in lower case ("bong & dindo from treasury", "ilze; edgars"):
        # the list is the point each lacks.
        spans += [
            (s, e)
            for s, e in rare
            if (s, e) not in spans
            and any(
                (s2, e2) != (s, e) and listed(text, with_initial(text, s, e), with_initial(text, s2, e2))
                for s2, e2 in rare
            )
            and _typed_lower_only(text, colon=True)(s)
            and not known_place(text[s:e])
        ]
        spans = [with_initial(text, *with_titled_pair(text, s, e, titled)) for s, e in spans]
        if typed is not None:
            spans = [(s, e) for s, e in spans if s in handles or typed(s)]
        return spans

    def _name(self, word: str) -> bool:
        """A lexicon name that is no frequent English word nor a stop word, or a given name English speakers
        bear that is an everyday word too ("hope", "grace": ``_everyday`` asks one slot more of these)."""
        if len(word) < _MIN_LETTERS or word in STOP_WORDS or title_word(word):
            return False
        return (
            self.lexicon.given_name(word)
            or self.lexicon.surname(word)
            or (word.casefold() in self.lexicon.english_given and not everyday_word(word, _TOO_COMMON_ZIPF))
        )

    def _everyday(self, value: str, full: bool = False) -> int:
        """1 when a word of ``value`` is an everyday English word; not for a given name before a surname that
        is rare in English ("david lange", "roberto yamamura": wordfreq counts "david" high because people
        bear it; "will park" and "mark white" still need a third signal)."""
        words = value.split()
        if full and len(words) == 2 and english_zipf(words[1].casefold()) < _RARE_SURNAME_ZIPF:
            return 0
        return int(any(everyday_word(w) for w in words))

    def _speaker(self, word: str) -> bool:
        """A chat log's one-word speaker handle that is a name: a name of the lexicon or a word English barely
        knows ("precious", "wanyonyi"; not "system", "admin")."""
        return len(word) >= _MIN_LETTERS and (
            self._name(word) or english_zipf(word.casefold()) < _UNKNOWN_ZIPF
        )

    def _points(self, text: str, start: int, end: int, full: bool, caps: bool = False) -> int:
        after = bool(_PERSON_AFTER.match(text, end) or _KIN_AFTER.match(text, end))
        # the lexicon, a given name then a surname, the slots; a run of capitals is typed as one sentence
        typed = caps or _typed_lower_only(text)(start)
        return 1 + int(full) + slot_points(text, start, end) + more_points(text, start, end, after, typed)

    def _handles(self, text: str) -> list[tuple[int, int]]:
        """Chat handles made of a given name and a surname at a line's start: "<pedro.alves> ..."; in a chat
        log (two speaker lines or more), a given name and anything ("<radka.s>", "<priya.subbaraman>": the
        speaker's slot is the second signal); and the other mentions of these handles ("@radka.s"). A handle
        tagged with "@" whose first part is a given name is one anywhere ("ping @kim.l"): the "@" is the
        second signal, as for "@lena"."""
        found = [
            (m.start(1), m.end(2)) for m in _AT_HANDLE.finditer(text) if self.lexicon.given_name(m.group(1))
        ]
        if "<" not in text and ":" not in text and not found:
            return []
        found += [
            (m.start(1), m.end(2))
            for m in _HANDLE.finditer(text)
            if self.lexicon.given_name(m.group(1))
            and (self.lexicon.surname(m.group(2)) or len(_HANDLE_MARK.findall(text)) > 1)
        ]
        for lines, handle in ((_TIMED_LINE, _TIMED_HANDLE), (_LABELED_LINE, _LABELED_HANDLE)):
            if len(lines.findall(text)) > 1:  # a chat log: the speaker's slot is the second signal
                found += [
                    (m.start(1), m.end(2))
                    for m in handle.finditer(text)
                    if self.lexicon.given_name(m.group(1))
                ]
        # A chat log's one-word speakers: "<wanyonyi>", "<precious>", "09:02 ouyangf: ...", "joaop 10:32 ..."
        for lines, solo in (
            (_HANDLE_MARK, _SOLO_HANDLE),
            (_LABELED_LINE, _LABELED_SOLO),
            (_TIMED_LINE, _TIMED_SOLO),
        ):
            if len(lines.findall(text)) > 1:
                found += [m.span(1) for m in solo.finditer(text) if self._speaker(m.group(1))]
        found += shown_handles(text, self._speaker)  # "09:02 김민준 (minjun.kim): ..."
        handles = {text[s:e] for s, e in found}
        if not handles:
            return found
        # A handle's given name alone names its bearer ("<wellington.s>" ... "@wellington can you confirm"),
        # unless English uses the word ("will.t" and "will").
        handles |= {
            part
            for handle in handles
            for part in re.split(r"[._]", handle)[:1]
            if part != handle
            and self.lexicon.given_name(part)
            and not everyday_word(part, _HANDLE_GIVEN_ZIPF)
        }
        mention = re.compile(rf"(?<![\w.@<-])@?({'|'.join(map(re.escape, sorted(handles)))})(?![\w@-]|\.\w)")
        starts = {s for s, _ in found}
        return found + [m.span(1) for m in mention.finditer(text) if m.start(1) not in starts]


# What a business table or a chat log writes that no science text's symbol is (blanked before the technical
# check): a chat handle's brackets, a markdown heading's marks, a table's separator row, bold marks, an
# ordinal ("25th"), a record's identifier ("TC-2207", "SA-OPS-01", "HR-SD-55810"); and a CSV row's commas
# split its cells ("TC-2216,mpho sebe,SA-IT-01" is three cells, not one token), as dashes split a route.
_MARKUP = re.compile(
    r"(?m)^[ \t]*#{1,6}(?=[ \t])|^[ \t|:-]*-{3,}[ \t|:-]*$|\*\*|\b\d{1,2}(?:st|nd|rd|th)\b|"
    r"(?<![\w-])[A-Z]{1,5}(?:-\d{3,}|(?:-[A-Z]{1,5})+-\d{1,6})(?![\w-])"
)

_CELL_BREAKS = str.maketrans({",": " ", "–": " ", "—": " "})  # CSV cells, a route: "Harare–Johannesburg"


def _business_markup(text: str) -> str:
    """``text`` with the markup of business tables and chat logs blanked (``_MARKUP``, chat handles'
    brackets) and its CSV commas read as blanks, for the technical-text check: a roster or an export with
    names typed in lower case is no science text, where lower-case lexicon words are gene symbols."""
    text = _HANDLE_MARK.sub(lambda m: " " * len(m.group()), text)
    return _MARKUP.sub(lambda m: " " * len(m.group()), text).translate(_CELL_BREAKS)


# A word of respect or kinship after a name, in South and East Asian chats: "ok pasang ji", "noted ram dai".
_KIN_AFTER = re.compile(
    r"[ \t]+(?:ji|jee|dai|didi|bhai|bhaiya|bahini|sahib|saheb|saab|akka|amma|kun|chan|sama|ssi|nim)\b"
)


def slot_points(text: str, start: int, end: int, verbs: bool = True) -> int:
    """How many of the person's slots ``text[start:end]`` fills: addressed (a greeting, thanks, "@", "cc:"
    before), a chat line's speaker, a person's verb or a possessive after (not counted without ``verbs``:
    nouns for people do the same, "traders said"), and a title before, which counts twice ("mr. martin")."""
    points = 0
    line_start = text.rfind("\n", 0, start) + 1
    if _ADDRESS_BEFORE.search(text[max(line_start, start - 30) : start]) or (
        _TASK_BEFORE.search(text, max(line_start, start - 12), start) and _lower_case_sentence(text, start)
    ):
        points += 1
    if (_SPEAKER_BEFORE.search(text, max(0, start - 30), start) and _SPEAKER_AFTER.match(text, end)) or (
        _LINE_START.search(text, max(0, start - 30), start) and _SPEAKER_LABEL_AFTER.match(text, end)
    ):
        points += 1
    if (verbs and _PERSON_AFTER.match(text, end)) or _KIN_AFTER.match(text, end):
        points += 1
    if _TITLE_BEFORE.search(text, max(line_start, start - 12), start):
        points += 2
    if _SAID_BEFORE.search(text, max(line_start, start - 40), start):
        points += 2
    return points


def _lower_case_sentence(text: str, start: int) -> bool:
    """The sentence (or line) that holds ``start`` begins with a lower-case letter: typed without capitals,
    as a note or a chat line is."""
    line_start = text.rfind("\n", 0, start) + 1
    begins = [m.end() for m in _SENTENCE_START.finditer(text, line_start, start)]
    first = begins[-1] if begins else line_start
    while first < start and not text[first].isalnum():  # a list's dash, a quote: "- chase hemi"
        first += 1
    return first < start and text[first].islower()


def _typed_lower_only(text: str, colon: bool = False) -> Callable[[int], bool]:
    """Whether the sentence or line that holds an offset starts with a lower-case letter (the word at the
    offset may be that letter: "- femi / blessing: confirm"); with ``colon``, what follows a label's colon
    counts as a sentence ("Roster next week: ushers sione v. & mele t.")."""
    starts = _SENTENCE_START if colon else _PERIOD_START

    def typed(start: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        begins = [m.end() for m in starts.finditer(text, line_start, start + 1)]
        prefix = _CHAT_PREFIX.match(text, line_start)
        first = begins[-1] if begins else prefix.end() if prefix else line_start
        while first < start and not text[first].isalnum():
            first += 1
        return text[first].islower()

    return typed


def everyday_word(word: str, zipf: float = _EVERYDAY_ZIPF) -> bool:
    """``word`` at least ``zipf`` frequent in English (wordfreq): "precious", "marcus", not "haruto"."""
    return english_zipf(word.casefold()) >= zipf
