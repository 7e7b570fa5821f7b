"""Honorifics and greetings of many languages around a name, which are no part of it.

The name rules take a title that is made of name words into the name ("Tan Sri Yusof Hashim": "Tan" and "Sri"
are names too), or a greeting of another language ("Hei Jukka-Pekka,"), and some report an honorific alone
as a person ("Sra." before "María José Quispe Huamán"). ``after_honorific`` tells where the name starts
after them (``name_extent.trim_person`` reads it); ``honorific_only`` tells a span that is nothing else.

Only titles that never start a name are here: not "Ato" (an Amharic "Mr", and the given name of Ato Boldon),
not "Tun", "Nana" or "King", nor the greeting "Moin" (given names too: Moin Khan).
"""

from __future__ import annotations

import re

# Multi-word and apostrophe titles (Malay, Indonesian), foreign short forms with a dot, and greetings of other
# languages that a name follows ("Hei Jukka-Pekka", "Hola Lupita", "Liebe Frau Kaya").
_TITLES = (
    r"Tan[ \t]+Sri|Puan[ \t]+Sri|Toh[ \t]+Puan|Datuk[ \t]+Seri|Dato['’][ \t]+Sri|Dato['’]?[ \t]+Seri|"
    r"Dato['’]|Datin[ \t]+Paduka|Datin|Datuk|Dato|Sra\.?|Srta\.?|Sr\.|Dña\.?|Dª|Engr\.?|Atty\.?|Hon\.|"
    r"Yang[ \t]+Berhormat|Sayın|Sayin"
)
_GREETINGS = (
    r"Hei|Hej|Hola|Olá|Ciao|Bonjour|Salut|Hallo|Servus|Cześć|Ahoj|Merhaba|Habari|Kia[ \t]+ora|"
    r"Sawubona|Estimad[oa]|Querid[oa]|Chère|Liebe|Lieber|Geachte|Beste|Kære|Hyvä|Bästa|Bäste|"
    r"Kedves|Szanown[ya]"
)
_LEADING_TITLE = re.compile(rf"(?i:{_TITLES})(?![\w'’-])[ \t]*,?[ \t]*")
_LEADING_GREETING = re.compile(rf"(?i:{_GREETINGS})(?![\w'’-])[ \t]*,?[ \t]*")
_LINE_START = re.compile(r"(?:^|\n)[ \t>*-]*$")
_SALUTATION_END = re.compile(r"[ \t]*(?:[,!:]|\n|$)")
_ONLY = re.compile(
    rf"[ \t]*(?:(?i:{_TITLES})|(?i:mr|mrs|ms|miss|mx|dr|prof|sr|herr|frau|pak|ibu|bu|bey))\.?[ \t]*"
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
    while (match := _LEADING_TITLE.match(text, at, end)) and match.end() < end:
        at = match.end()
    return at


def honorific_only(value: str) -> bool:
    """``value`` is an honorific and nothing else ("Sra.", "Tan Sri", "MR"): no person by itself."""
    return bool(_ONLY.fullmatch(value))


# A title right before a name, as written (capitalized: "PAK1" and "Pak" kinases of science text are no title
# before a name in capitals): "Pak Agus", "Mr Okello", "Dato' Lim".
_TITLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?:{_TITLES}|Mr|Mrs|Ms|Mx|Dr|Prof|Herr|Frau|Pak|Bapak|Ibu|Bu|Tuan|Puan|Encik|Cik|Señor|Señora|"
    r"Senhor|Senhora|Dona|Doña|Don|Signor|Signora|Madame|Monsieur|Mme|Mevrouw|Meneer|Pani|Khun|Shri|Smt)"
    r"\.?[ \t]+$"
)


def after_title(text: str, start: int) -> bool:
    """A title of a language stands right before ``start`` ("Pak Agus", "Mr Okello"): what follows is a
    person's name, also in a table of codes that reads as technical text."""
    return _TITLE_BEFORE.search(text, max(0, start - 20), start) is not None
