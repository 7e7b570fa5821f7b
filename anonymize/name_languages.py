"""Names that are frequent words of the languages where they are names (the name lexicon's ``foreign`` set).

names-dataset holds nearly every word of other languages as somebody's given name or surname: "agua",
"fecha", "nome", "juin", "nous" rank within the lexicon's 10,000 in some country. In a line of Spanish or
French such a word is no evidence of a name. A name is marked here when, in a language spoken in a country
where it ranks, it is a frequent word (wordfreq Zipf >= ``FOREIGN_ZIPF``) and it ranks within
``FOREIGN_NAME_RANK`` in no country at all: "Rosa", "Paz", "Luz", "Blanca", "Sol", "Esperanza" rank high
where Spanish is spoken and stay names; "Agua" (2,310th at best) and "Juin" do not. A name an
English-speaking country's records hold ("Chance", "Sage", "Kiri") is never marked: English text names people
of every origin, and the English ``common`` set judges those names.

Derived once, at install, with the lexicon (one frequency table per language, read whole: no per-word
lookups); at detection time the answer is one set lookup.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

FOREIGN_ZIPF = 4.0
FOREIGN_NAME_RANK = 1_000

# The languages wordfreq has a list for that are spoken in each country names-dataset ranks names in
# (English left out: the English ``common`` set judges it; Chinese, Japanese and Korean need tokenizers
# not installed, and their names are in their own scripts).
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "AE": ("ar",), "AF": ("fa",), "AO": ("pt",), "AR": ("es",), "AT": ("de",), "BD": ("bn",),
    "BE": ("nl", "fr", "de"), "BF": ("fr",), "BG": ("bg",), "BH": ("ar",), "BI": ("fr",), "BN": ("ms",),
    "BO": ("es",), "BR": ("pt",), "CA": ("fr",), "CH": ("de", "fr", "it"), "CL": ("es",), "CM": ("fr",),
    "CO": ("es",), "CR": ("es",), "CY": ("el", "tr"), "CZ": ("cs",), "DE": ("de",), "DJ": ("fr", "ar"),
    "DK": ("da",), "DZ": ("ar", "fr"), "EC": ("es",), "EG": ("ar",), "ES": ("es", "ca"), "FI": ("fi", "sv"),
    "FR": ("fr",), "GR": ("el",), "GT": ("es",), "HN": ("es",), "HR": ("sh",), "HT": ("fr",), "HU": ("hu",),
    "ID": ("id",), "IL": ("he", "ar"), "IN": ("hi",), "IQ": ("ar",), "IR": ("fa",), "IS": ("is",),
    "IT": ("it",), "JO": ("ar",), "KW": ("ar",), "KZ": ("ru",), "LB": ("ar", "fr"), "LT": ("lt",),
    "LU": ("fr", "de"), "LY": ("ar",), "MA": ("ar", "fr"), "MD": ("ro", "ru"), "MO": ("pt",), "MU": ("fr",),
    "MX": ("es",), "MY": ("ms",), "NL": ("nl",), "NO": ("nb",), "OM": ("ar",), "PA": ("es",), "PE": ("es",),
    "PH": ("fil",), "PL": ("pl",), "PR": ("es",), "PS": ("ar",), "PT": ("pt",), "QA": ("ar",), "RS": ("sh",),
    "RU": ("ru",), "SA": ("ar",), "SD": ("ar",), "SE": ("sv",), "SG": ("ms",), "SI": ("sl",), "SV": ("es",),
    "SY": ("ar",), "TN": ("ar", "fr"), "TR": ("tr",), "UY": ("es",), "YE": ("ar",),
}  # fmt: skip


def foreign_words(
    ranks: Mapping[str, Mapping[str, int]],
    english_names: set[str],
    zipf: float = FOREIGN_ZIPF,
    name_rank: int = FOREIGN_NAME_RANK,
) -> set[str]:
    """The names of ``ranks`` (name -> country -> rank) that are frequent words of a language of a country
    where they rank and rank within ``name_rank`` nowhere; never one of ``english_names``."""
    candidates = {
        name: by_country
        for name, by_country in ranks.items()
        if min(by_country.values()) > name_rank and name not in english_names
    }
    marked: set[str] = set()
    for language, frequent in _frequent_words(zipf).items():
        for name in candidates.keys() & frequent:
            if any(language in COUNTRY_LANGUAGES.get(country, ()) for country in candidates[name]):
                marked.add(name)
    return marked


def foreign_pairs(
    ranks: Mapping[str, Mapping[str, int]],
    english_names: set[str],
    zipf: float = FOREIGN_ZIPF,
    name_rank: int = FOREIGN_NAME_RANK,
) -> set[tuple[str, str]]:
    """(name, language) pairs of ``ranks``' names that are frequent words of the language and rank within
    ``name_rank`` in none of its countries ("hora" in Spanish; not "paz"); never one of ``english_names``."""
    pairs: set[tuple[str, str]] = set()
    for language, frequent in _frequent_words(zipf).items():
        countries = {c for c, codes in COUNTRY_LANGUAGES.items() if language in codes}
        for name in (ranks.keys() & frequent) - english_names:
            if all(rank > name_rank for country, rank in ranks[name].items() if country in countries):
                pairs.add((name, language))
    return pairs


@cache
def _frequent_words(zipf: float) -> dict[str, set[str]]:
    """Each language's words at least ``zipf`` frequent (wordfreq's whole table, read once per language)."""
    from wordfreq import get_frequency_dict

    least = 10 ** (zipf - 9)
    languages = sorted({code for codes in COUNTRY_LANGUAGES.values() for code in codes})
    found: dict[str, set[str]] = {}
    for language in languages:
        table = get_frequency_dict(language)
        found[language] = {word for word, freq in table.items() if freq >= least and not math.isnan(freq)}
    return found
