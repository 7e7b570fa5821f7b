"""Person-shaped spans that end in a word of a company's, club's or party's name are organizations: "Maji Bora
Consulting", "Glenmorven Shinty Club", "Kansai Electric Power", "Khmer Nation Party"; so are those that
capitalized words and a legal form of any country follow on their line ("Duna" of "Duna Software Kft.",
"Moçambique Frio" of "Moçambique Frio, Lda."). The NER model and the name rules read their capitalized words
as a person's name.

A person whose surname is such a word ("David Steel", "Samantha Power") keeps the name: a span that starts
with a given name common in English-speaking countries is left as it is, also before a legal form ("David
Steel Ltd" stays a person's name: a person's name is pseudonymized, an organization's is not).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.coordinated_names import COORDINATION
from anonymize.name_lexicon import NameLexicon
from anonymize.propagation import PROPAGATION
from anonymize.results import copy_span, recognizer_name
from anonymize.text import CAPITAL_WORD, COMPANY_FORM_AHEAD, words

# The last word of an organization's name (not of a place's: "Street", "Park" and "Bridge" are not here).
COMPANY_LAST_WORDS = words(
    """
    consulting consultants club clubs transport transports steel power cables party commodities bank banks
    group holdings partners capital insurance energy systems services solutions technologies industries
    university college school institute academy hospital clinic foundation association society council
    committee agency authority ministry newsroom news times journal press media network labs laboratories
    analytics engineering logistics motors airlines airways foods electric electronics pharma pharmaceuticals
    robotics studios records airport inc ltd llc gmbh corp co plc ag sa nv bv
    gas oil petroleum shipping textiles mining chemicals cement telecom kft zrt nyrt lda ltda bhd berhad pty
    """
)
# Legal forms of companies of many countries, as written after the name (case as written: "AS", "SE" or "AD"
# would be English words in capitals, and are not here).
_LEGAL_FORM = (
    r"(?:Inc|Ltd|LLC|L\.L\.C|LLP|Corp|Corporation|plc|PLC|Plc|GmbH|gGmbH|AG|KG|KGaA|NV|N\.V|BV|B\.V|SA|S\.A|"
    r"S\.A\.S|SAS|SARL|S\.à[ ]r\.l|SL|S\.L|S\.L\.U|SLU|Lda|Ltda|S\.p\.A|SpA|S\.r\.l|Srl|SRL|A\.Ş|AŞ|Oy|Oyj|"
    r"AB|ASA|A/S|ApS|hf|ehf|Kft|Zrt|Nyrt|Bt|s\.r\.o|a\.s|d\.o\.o|d\.d|Sp\.[ ]z[ ]o\.o|Pty|Pte|Pvt|Bhd|"
    r"Sdn[ ]Bhd|Berhad|Tbk|K\.K|Co|OÜ|UAB|SIA|EOOD|OOO|JSC|PJSC|LIMITED|LTD|INC|GMBH|S\.L\.|S\.A\.)\.?"
)
# Up to three capitalized words (one joined by "&") and a legal form right after a span, on its line, one
# blank between the words, a comma allowed before the form: "Duna" + " Software Kft.", "Moçambique Frio" +
# ", Lda.", "Cardoso" + " & Filhos, Lda." (not "Ana Dias, Acme Ltd": a comma ends the name before the
# company's).
_FORM_AFTER = re.compile(rf"(?:[ ](?:&[ ])?{CAPITAL_WORD}){{0,3}},?[ ]{_LEGAL_FORM}(?![\w/-])")
# The word right after a span, on the same line ("Maji Bora" + " Consulting").
_NEXT_WORD = re.compile(r" +([^\W\d_][\w.]*)")
# The partners' form right after a span: "H. J. Wilson" + " & Company", "Dombey" + " and Sons".
_AND_COMPANY = re.compile(r"[ \t]+(?:&[ \t]+(?:Co|Company|Sons)|and[ \t]+Sons)\b")


def persons_as_organizations(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with the PERSON spans of two or more words whose last word is in ``COMPANY_LAST_WORDS``
    turned into ORGANIZATION spans (unless the first word is a common English-speaking given name), and the
    PERSON spans followed by such a word in the same case ("Maji Bora" of "Maji Bora Consulting", "ferreira"
    of "ferreira logistics": ``en_core_web_md`` leaves the company's word out) turned into the ORGANIZATION
    that ends with it."""
    out = []
    for r in results:
        parts = text[r.start : r.end].split()
        end = _company_word_after(text, r) if r.entity_type == "PERSON" and parts else None
        if end is None and len(parts) > 1 and _company_word(parts[-1]):
            end = r.end
        form = _FORM_AFTER.match(text, r.end) if r.entity_type == "PERSON" and parts else None
        if form is not None:
            end = form.end()
        if (
            r.entity_type == "PERSON"
            and end is not None
            and not (lexicon is not None and parts[0].casefold() in lexicon.english_given)
        ):
            organization = copy_span(r, r.start, end)
            organization.entity_type = "ORGANIZATION"
            out.append(organization)
        else:
            out.append(r)
    return out


def _company_word(word: str) -> bool:
    return word.strip(".,;:'’()").casefold().removesuffix("'s") in COMPANY_LAST_WORDS


def _company_word_after(text: str, result: RecognizerResult) -> int | None:
    """Where the company's word right after ``result`` ends, when there is one written like the span's last
    word (capitalized after a capitalized name, lower case after a lower-case one), or a partners' form ("&
    Company", "and Sons")."""
    partners = _AND_COMPANY.match(text, result.end)
    if partners is not None:  # "H. J. Wilson" + " & Company"
        return partners.end()
    after = _NEXT_WORD.match(text, result.end)
    if after is None or not _company_word(after.group(1)):
        return None
    last = text[result.start : result.end].split()[-1]
    if after.group(1)[0].isupper() != last[0].isupper():
        return None
    return after.start(1) + len(after.group(1).rstrip("."))  # a sentence's full stop is no part of it


def company_named(text: str, result: RecognizerResult) -> bool:
    """``result`` is an organization whose last word is a company's, club's or party's word ("ferreira
    logistics", "Maji Bora Consulting"): the name rules' other mentions of a person do not take its words."""
    parts = text[result.start : result.end].split()
    return (
        result.entity_type == "ORGANIZATION"
        and len(parts) > 1
        and parts[-1].strip(".,;:'’()").casefold() in COMPANY_LAST_WORDS
    )


# Capitalized words up to a company's legal form: "Carmel| Analytics Ltd.", "Nordlicht| Robotics GmbH".
_COMPANY_AHEAD = re.compile(rf"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.-]*){{0,3}}[ \t,]+{COMPANY_FORM_AHEAD}")


def drop_company_heads(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """``results`` without the PERSON spans of other mentions that begin a company's name ("Carmel
    Analytics Ltd." after "Carmel:" was read as a speaker): a company form ahead says organization."""
    return [
        r
        for r in results
        if not (
            r.entity_type == "PERSON"
            and recognizer_name(r) in (PROPAGATION, COORDINATION)
            and _COMPANY_AHEAD.match(text, r.end)
        )
    ]


def drop_orphan_mentions(
    text: str, before: list[RecognizerResult], after: list[RecognizerResult]
) -> list[RecognizerResult]:
    """``after`` without the other mentions (``PROPAGATION``) of a PERSON of ``before`` that is an
    organization in ``after`` ("GOIKOETXEA INGENIERÍA, S.L." ... "| Goikoetxea |"), unless a person of
    ``after`` still holds the mention's words."""
    turned = {(r.start, r.end) for r in before if r.entity_type == "PERSON"} - {
        (r.start, r.end) for r in after if r.entity_type == "PERSON"
    }
    words = {w.casefold() for s, e in turned for w in _WORDS.findall(text[s:e])}
    if not words:
        return after
    kept = {
        w.casefold()
        for r in after
        if r.entity_type == "PERSON" and recognizer_name(r) != PROPAGATION
        for w in _WORDS.findall(text[r.start : r.end])
    }

    def orphan(r: RecognizerResult) -> bool:
        found = {w.casefold() for w in _WORDS.findall(text[r.start : r.end])}
        return bool(found) and found <= words and not found & kept

    return [
        r
        for r in after
        if not (r.entity_type == "PERSON" and recognizer_name(r) == PROPAGATION and orphan(r))
    ]


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
