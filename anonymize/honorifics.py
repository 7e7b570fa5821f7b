"""Honorifics and greetings of many languages around a name, which are no part of it.

The name rules take a title that is made of name words into the name ("Tan Sri Yusof Hashim": "Tan" and "Sri"
are names too), or a greeting of another language ("Hei Jukka-Pekka,"), and some report an honorific alone
as a person ("Sra." before "María José Quispe Huamán"). ``after_honorific`` tells where the name starts
after them (``name_extent.trim_person`` reads it); ``honorific_only`` tells a span that is nothing else.

Only titles that never start a name are here: not "Ato" (an Amharic "Mr", and the given name of Ato Boldon),
not "Tun", "Nana" or "King" (given names too).
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
    r"Hei|Hej|Hola|Olá|Ciao|Bonjour|Salut|Hallo|Moin|Servus|Cześć|Ahoj|Merhaba|Habari|Kia[ \t]+ora|"
    r"Sawubona|Estimad[oa]|Querid[oa]|Chère|Liebe|Lieber|Geachte|Beste|Kære|Hyvä|Bästa|Bäste|"
    r"Kedves|Szanown[ya]"
)
_LEADING = re.compile(rf"(?i:{_TITLES}|{_GREETINGS})(?![\w'’-])[ \t]*,?[ \t]*")
_ONLY = re.compile(
    rf"[ \t]*(?:(?i:{_TITLES})|(?i:mr|mrs|ms|miss|mx|dr|prof|sr|herr|frau|pak|ibu|bu|bey))\.?[ \t]*"
)


def after_honorific(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` starts after the honorifics and greetings that lead it ("Tan
    Sri Yusof Hashim" at "Yusof", "Hei Jukka-Pekka" at "Jukka-Pekka"); ``start`` when none does, or when
    nothing would be left."""
    at = start
    while (match := _LEADING.match(text, at, end)) and match.end() < end:
        at = match.end()
    return at


def honorific_only(value: str) -> bool:
    """``value`` is an honorific and nothing else ("Sra.", "Tan Sri", "MR"): no person by itself."""
    return bool(_ONLY.fullmatch(value))
