"""Honorifics and greetings of many languages around a name, which are no part of it.

The name rules take a title that is made of name words into the name ("Tan Sri Yusof Hashim": "Tan" and "Sri"
are names too), or a greeting of another language ("Hei Jukka-Pekka,"), and some report an honorific alone
as a person ("Sra." before "María José Quispe Huamán"). ``after_honorific`` tells where the name starts
after them (``name_extent.trim_person`` reads it); ``honorific_only`` tells a span that is nothing else.

Only titles that never start a name are trimmed wherever they stand (``WORLD_TITLES``: "Obbo Tolosa", "Amai
Gumbo", "Serigne Modou Kane", "Ate Joy"); a title that people also bear as a given name ("Ato", an Amharic
"Mr", and the given name of Ato Boldon; "Nana", "Don", "Lok") only before a given name and a surname
(``NAME_TITLES``: "Ato Abebe Kassa", not "Ato Boldon"). Not "Tun" or "King", nor the greeting "Moin" (given
names too: Moin Khan). Titles that follow a name ("Rustem abi", "Kemal Bey", "Lam Sir", "Anisur sir") are
cut from its end (``before_trailing_title``).
"""

from __future__ import annotations

import re

from anonymize.address_terms import AFTER, AFTER_CAPITALIZED, AFTER_NAME_WORDS, BEFORE, BEFORE_GIVEN_TOO
from anonymize.text import words

# Multi-word and apostrophe titles (Malay, Indonesian), foreign short forms with a dot, and greetings of other
# languages that a name follows ("Hei Jukka-Pekka", "Hola Lupita", "Liebe Frau Kaya").
_TITLES = (
    r"Tan[ \t]+Sri|Puan[ \t]+Sri|Toh[ \t]+Puan|Datuk[ \t]+Seri|Dato['’][ \t]+Sri|Dato['’]?[ \t]+Seri|"
    r"Dato['’]|Datin[ \t]+Paduka|Datin|Datuk|Dato|Sra\.?|Srta\.?|Sr\.|Dña\.?|Dª|Engr\.?|Atty\.?|Hon\.|"
    r"Yang[ \t]+Berhormat|Sayın|Sayin"
)
# Honorifics and kinship titles of address of many languages, written before a name, that no one bears as a
# given name (``anonymize.address_terms.BEFORE``).
WORLD_TITLES = BEFORE
# Titles that people also bear as given names ("Ato Boldon", "Nana Akufo-Addo", "Don Johnson", "Daya Ram",
# "Bibi Netanyahu"): a title only before two name words ("Ato Abebe Kassa"). Not at all the titles that
# start names of two or three words: Vietnamese "Anh" and "Tuan" ("Anh Thu Pham"), Chinese "Pan" and "Lok"
# (surnames: "Pan Wei Ming"), Indonesian "Mas" ("Mas Selamat Kastari"), "Baba", "Sidi", "Kumari", "Lola".
NAME_TITLES = r"Ato|Nana|Don|Dom|Daya|Mam|Kak|Kaka|Mama|Bibi|Maame|Sokhna|Sayyid|Masi"
_GREETINGS = (
    r"Hei|Hej|Hola|Olá|Ciao|Bonjour|Salut|Hallo|Servus|Cześć|Ahoj|Merhaba|Habari|Kia[ \t]+ora|"
    r"Sawubona|Estimad[oa]|Querid[oa]|Chère|Liebe|Lieber|Geachte|Beste|Kære|Hyvä|Bästa|Bäste|"
    r"Kedves|Szanown[ya]"
)
_LEADING_TITLE = re.compile(rf"(?i:{_TITLES})(?![\w'’-])[ \t]*,?[ \t]*")
# As written (capitalized or in capitals), before a capitalized name word; a name title before two.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LEADING_WORLD_TITLE = re.compile(rf"(?=[{_UPPER}])(?i:{WORLD_TITLES})(?![\w'’-])[ \t]+(?=[{_UPPER}])")
_LEADING_NAME_TITLE = re.compile(
    rf"(?:{NAME_TITLES}|(?i:{NAME_TITLES})(?<=[A-Z]{{2}}))[ \t]+(?=[{_UPPER}][\w'’-]*\.?[ \t]+[{_UPPER}])"
)
_LEADING_GREETING = re.compile(rf"(?i:{_GREETINGS})(?![\w'’-])[ \t]*,?[ \t]*")
_LINE_START = re.compile(r"(?:^|\n)[ \t>*-]*$")
_SALUTATION_END = re.compile(r"[ \t]*(?:[,!:]|\n|$)")
# Academic and professional titles written before a name in Latin America, Central Europe, Italy and
# Indonesia ("Ing. Tomás Aguilar", "Lic. Gabriela Ortiz", "Mgr. Jana Dvořáková", "Ir. Joko Widodo"):
# alone, or after an article ("el Ing."), no person.
_ACADEMIC = (
    r"ing|lic|licda|licdo|arq|abog|mtro|mtra|mgr|bc|mudr|judr|phdr|rndr|mag|dipl\.-ing|dott|dott\.ssa|avv|"
    r"ir|drs"
)
_ONLY = re.compile(
    rf"[ \t]*(?:(?i:el|la|le|il|lo|de|del|der|die|den|al)[ \t]+)?"
    rf"(?:(?i:{_TITLES})|(?i:mr|mrs|ms|miss|mx|dr|prof|sr|herrn|herr|frau|fru|frk|fröken|pak|ibu|bu|bey|"
    rf"{_ACADEMIC}))\.?[ \t]*"
)


def after_honorific(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` starts after the honorifics and greetings that lead it ("Tan
    Sri Yusof Hashim" at "Yusof", "Hei Jukka-Pekka," at "Jukka-Pekka"); ``start`` when none does, or when
    nothing would be left. A greeting only as a salutation: at its line's start, the name ending in a
    comma, an exclamation or the line's end ("Beste Jan," in Dutch; not "Beste Kaya joined", a Turkish
    given name)."""
    at = start
    # A greeting opens its line ("Hei Jukka-Pekka,"); elsewhere the word may be a given name.
    greeting = (
        _LINE_START.search(text, max(0, start - 20), start)
        and _SALUTATION_END.match(text, end)
        and _LEADING_GREETING.match(text, at, end)
    )
    if greeting and greeting.end() < end:
        at = greeting.end()
    while (
        match := _LEADING_TITLE.match(text, at, end)
        or _LEADING_WORLD_TITLE.match(text, at, end)
        or _LEADING_NAME_TITLE.match(text, at, end)
    ) and match.end() < end:
        at = match.end()
    single = _TITLE_OR_NAME.fullmatch(text, at, end)
    if single and _named_otherwise(text, single.group(1), single.group(2)):
        at = single.start(2)
    return at


# A title that people also bear as a given name, before one name word: "Pan Yurchenko", "Lok Chanthou"
# (Polish and Khmer "Mr"), "Don Quispe", or "Ato Boldon" (a given name): a title where the document says so.
_TITLE_OR_NAME = re.compile(rf"({BEFORE_GIVEN_TOO})[ \t]+([{_UPPER}][\w'’-]+)")
# Given names of English speakers ("Don Johnson ... Mr Johnson" is one man): only the evidence of another
# given name before the same surname, or of the title before other names.
_ENGLISH_GIVEN_TITLES = frozenset(["Don", "Dom", "Nana", "Adi", "Zia"])
_CAPS_BEFORE = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ]{2,}[ \t]+$")
# A capitalized word right before, on the same line: another given name ("Wilber Quispe Mamani").
_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])([{_UPPER}][a-zß-öø-ÿ'’-]+)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"'’”)]?[ \t]+)[ \t]*$")
_NOT_GIVEN_BEFORE = words(
    "the a an and or of to in on at by for from with my our your his her their this that mr mrs ms dr prof "
    "sir dear hi hello thanks"
)


def _named_otherwise(text: str, title: str, name: str) -> bool:
    """``title`` before ``name`` is a title, by the document's other words: ``name`` stands elsewhere after
    an honorific or after a surname in capitals ("Mr Yurchenko", "SOK Chanthou"), or after another given name
    ("Don Quispe" beside "Wilber Quispe Mamani"), or ``title`` stands before another name too ("Ato Yonas
    ... Ato Dawit"); not ``name`` alone ("Ato Boldon ... Boldon said")."""
    english = title in _ENGLISH_GIVEN_TITLES
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        window = max(0, match.start() - 30)
        if text.startswith(title, match.start() - len(title) - 1):
            continue
        if not english and after_title(text, match.start()):
            return True
        if not english and _CAPS_BEFORE.search(text, window, match.start()):
            return True
        given = _WORD_BEFORE.search(text, window, match.start())
        if (
            given
            and given.group(1).casefold() not in _NOT_GIVEN_BEFORE
            and not _SENTENCE_START.search(text, max(0, given.start(1) - 4), given.start(1))
            and not after_title(text, given.start(1))
        ):
            return True
    others = {
        m.group(1) for m in re.finditer(rf"(?<![\w'’-]){re.escape(title)}[ \t]+([{_UPPER}][\w'’-]+)", text)
    }
    return len(others - {name}) > 0


# After a name (``anonymize.address_terms.AFTER``): Turkish "bey", "abi", South Asian "sahib", "ji", "garu",
# Korean "nim", Japanese "san", Hong Kong's "Sir" after a surname ("Lam Sir"), "sir" after a given name in
# South Asian usage ("Anisur sir"); words that are names too only after a capitalized name ("Ravi anna").
_TRAILING_TITLE = re.compile(rf"[ \t]+(?:{AFTER}|{AFTER_CAPITALIZED})$")
_TRAILING_NAME_WORD = re.compile(rf"[ \t]+(?:{AFTER_NAME_WORDS})$")


def before_trailing_title(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` ends before a title that follows it ("Rustem abi", "Lam Sir",
    "Kemal Bey"); ``end`` when none does, or when nothing would be left."""
    match = _TRAILING_TITLE.search(text, start, end)
    if match is None and not text[start:end].islower():
        match = _TRAILING_NAME_WORD.search(text, start, end)
    return match.start() if match is not None and match.start() > start else end


def honorific_only(value: str) -> bool:
    """``value`` is an honorific and nothing else ("Sra.", "Tan Sri", "MR"): no person by itself."""
    return bool(_ONLY.fullmatch(value))


# A title right before a name, as written (capitalized: "PAK1" and "Pak" kinases of science text are no title
# before a name in capitals): "Pak Agus", "Mr Okello", "Dato' Lim".
_TITLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?:{_TITLES}|{WORLD_TITLES}|Mr|Mrs|Ms|Mx|Dr|Prof|Herrn|Herr|Frau|Fru|Frk|Fröken|Pak|Bu|Tuan|Señor|Señora|"
    r"Senhor|Senhora|Dona|Doña|Don|Signor|Signora|Madame|Monsieur|Mme|Mevrouw|Meneer|Pani|Khun|Shri|Smt)"
    r"\.?[ \t]+$"
)


def after_title(text: str, start: int) -> bool:
    """A title of a language stands right before ``start`` ("Pak Agus", "Mr Okello"): what follows is a
    person's name, also in a table of codes that reads as technical text."""
    return _TITLE_BEFORE.search(text, max(0, start - 20), start) is not None
