"""Latin letters the detector's patterns and models do not know, read as the letters they stand for.

Names of many languages take small letters from the IPA block: Azerbaijani "Məmmədova" (ə, Ə), Akan "Kɔfi"
and "Ɛsi" (ɔ, ɛ), Hausa "ɗan" (ɗ), and the Tongan and Hawaiian glottal stop ʻ (the ʻokina: "ʻAlifeleti
Tupou", "FUSITUʻA"). The name-shape patterns cover Latin-1 and Latin Extended-A, -B and Additional
(``anonymize.name_patterns``), not these, and the English model splits a word at them, so the whole name
was missed. The detector reads each as the plain letter it stands for (``ə`` as ``e``) and the glottal marks
as an apostrophe, one character for one so that every offset holds; a name that starts with the mark takes
it in (``take_leading_marks``). Vietnamese and other letters of the extended blocks are read as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

# The ʻokina, the modifier apostrophe, the half rings of Arabic transliteration ("Saʿid", "Raʾed").
GLOTTAL_MARKS = "\u02bb\u02bc\u02be\u02bf"
# Small letters of the IPA block that names take, and their capitals (Latin Extended-B), by the letter they
# stand for.
_IPA_LETTERS = dict(zip("əɛɔɓɗɖɲɣɨʋƏƐƆƁƊƉƝƔƗƲ", "eeobddngivEEOBDDNGIV", strict=True))


def latin_base_letters() -> dict[int, str]:
    """A ``str.translate`` table: the IPA letters of names as plain letters, glottal marks as an
    apostrophe."""
    table = {ord(letter): plain for letter, plain in _IPA_LETTERS.items()}
    table.update({ord(mark): "'" for mark in GLOTTAL_MARKS})
    return table


def take_leading_marks(text: str, results: Iterable[RecognizerResult]) -> None:
    """A person's name that starts right after a glottal mark at a word's start takes it in: "ʻAlifeleti"."""
    for r in results:
        if r.entity_type != "PERSON" or r.start == 0 or text[r.start - 1] not in GLOTTAL_MARKS:
            continue
        if r.start == 1 or not text[r.start - 2].isalnum():
            r.start -= 1
