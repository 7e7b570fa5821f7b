"""More slots of a person for names typed in lower case, each one point for ``lower_names`` (which counts the
first slots with ``slot_points``): what a person is asked to do or does next ("marcus to check with
accounts", "chance pls call", "nok will arrive late", "jorge is recounting", "marek has the key"), the one a
thing is sent to or done by ("photos sent to ilze", "ok'd by precious"), a name alone in brackets after a
team or a role ("check with accounts (siobhan)", "okorafor's pa (grace)"), a verb after the team a person
works in ("hope from design named it": the team is one point, the verb one more), and titles of respect
typed in lower case beside the English ones ("seu jorge", "lao chen", "whaea lillian", two points). In a
sentence typed in any case (``attributed``): a quotation's author after it ('"..." - ollie jenkins'), the
value of a field labelled with a person's role ("Gaffer: kovan") and a byline in brackets ("(by graça)").
Other languages: their "please" and "thanks" are no given names ("bitte", "merci") and address the name
after them ("merci sabine"); asking, calling or telling someone ("llama a marisol", "chiedi a giulia",
"demande à élodie", "frag jürgen"), unless the word is one of the line's language ("frag mal").

Each is written for a sentence typed in lower case; the recognizer asks for the lexicon's point too, and a
name that is an everyday English word ("hope", "grace") for two slots.
"""

from __future__ import annotations

import re

from anonymize.foreign_words import line_language, stop_words
from anonymize.gazetteer import known_place
from anonymize.person_cues import CHAT_VERBS
from anonymize.text import words

# Titles of respect typed in lower case before a given name or a surname, beside the English and Romance
# ones of ``lower_names``: Portuguese "seu", Chinese "lao"/"xiao", Māori "whaea"/"matua", Filipino
# "kuya"/"tito"/"tita", Indonesian "pak"/"bu", Spanish "tío"/"tía". No part of the name.
RESPECT_TITLES = words(
    "seu lao xiao whaea matua kuya tito tita pak bu ibu bapak tío tía tio tia aunty auntie uncle"
)
ENGLISH_TITLES = words(
    """
    mr mrs ms mx dr prof sr sra srta señor señora señorita doña dona sig signor signora frau herr mme mlle
    madame monsieur
    """
)
# "Please" and "thanks" of other languages: no given name where the lexicon says so ("bitte", "danke",
# "merci" are given names there); right before a name typed in lower case, they address it ("danke jürgen",
# "merci sabine", "gracias mercedes"), one point.
COURTESY_WORDS = words(
    """
    bitte danke merci gracias grazie obrigado obrigada tack takk kiitos asante salamat shukran spasibo
    dziękuję dzięki proszę lütfen teşekkürler sağol bedankt dankjewel
    """
)
_COURTESY_BEFORE = re.compile(rf"(?<![\w'’])(?:{'|'.join(sorted(COURTESY_WORDS))})[ \t]*,?[ \t]+$")
# Asking, calling or telling someone in other languages, the name right after: Spanish "llama a mercedes",
# Portuguese "liga pra graça", "fala com zé", Italian "chiedi a giulia", French "demande à élodie",
# German "frag jürgen", "sag sabine" (one point; not a known place: "llama a madrid").
_ASK_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:llama|llame|pregunta|pregúntale|dile|dígale|avisa|avísale|escribe|escríbele|pide|"
    r"pídele)[ \t]+a|(?:liga|ligue|pergunta|pergunte|avisa|avise)[ \t]+(?:pra|para|pro|ao|à)|"
    r"fala[ \t]+com|(?:chiedi|chieda|scrivi|dillo)[ \t]+a|"
    r"(?:demande|demandez|dis|dites|écris|écrivez)[ \t]+à|"
    r"frag|fragt|frage|sag|sagt|ruf|schreib)[ \t]+$"
)
_WORD_AT = re.compile(r"[^\W\d_]+")
_LANGUAGE_WORD_ZIPF = 5.3
_RESPECT_BEFORE = re.compile(rf"(?<![\w'’.-])(?:{'|'.join(sorted(RESPECT_TITLES))})[ \t]+$")
# What a person is asked to do or does next, typed in lower case.
_NEXT = re.compile(
    r"[ \t]+(?:to[ \t]+(?:approve|sign|check|review|confirm|decide|call|chase|send|resend|reply|look|follow|"
    r"bring|book|pay|update|fix|sort)|"
    r"(?:pls|plz|please)|"
    r"(?:will|'ll|’ll)[ \t]+[a-z]{3,}|"
    r"(?:is|was)[ \t]+[a-z]{3,}ing|"
    r"(?:has|had)[ \t]+(?:the|a|an|my|his|her|our|your|their|it|them)|"
    r"(?:agrees|agreed|reviewed|reviews|approves|recounted|covered|named|assigned|rang|phoned|texted)|"
    # what a person does to another ("pita backs her up"), where a person is ("anjali on night duty")
    r"[a-z]{2,}s[ \t]+(?:him|her|me|us)|"
    r"on[ \t]+(?:leave|holiday|nights|days|call|duty|shift|night[ \t]+(?:duty|shift)|sick[ \t]+leave))\b"
)
# Someone's kin, friend or helper, named after a possessive: "her son tipene", "my cousin anand" (one point).
_KIN_BEFORE = re.compile(
    r"(?<![\w'’])(?:my|his|her|our|their|your)[ \t]+(?:son|daughter|wife|husband|partner|brother|sister|"
    r"cousin|nephew|niece|mum|mom|dad|uncle|aunt|auntie|grandson|granddaughter|grandma|grandpa|mother|father|"
    r"boyfriend|girlfriend|friend|colleague|boss|pa|assistant|driver)[ \t]+$"
)
# Named with a personal pronoun: "from me or from höskuldur", "you and ravi", "anand and i".
_PRONOUN_BEFORE = re.compile(
    r"(?<![\w'’])(?:me|you|him|us)[ \t]*(?:,|and|or|&|/|\+)[ \t]*(?:(?:from|to|with|by|for)[ \t]+)?$"
)
_PRONOUN_AFTER = re.compile(r"[ \t]*(?:and|&|\+|or)[ \t]+(?:i|me)\b")
# An approval's or a signature's agent is a person or a body, never a thing: a second point ("ok'd by
# precious"), but a date's word is none ("approved by may 5", "signed by summer").
_APPROVED_BY = re.compile(r"(?<![\w'’])(?:ok['’]?d|okayed|approved|signed|authori[sz]ed)[ \t]+by[ \t]+$")
CALENDAR_WORDS = words(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday spring summer autumn fall winter"""
)
# A name alone in brackets after a person's role or kin ("okorafor's pa (grace)", "the driver (liu)"): a
# second point beside the bracket's.
_ROLE_BRACKETED = re.compile(
    r"(?<![\w'’.-])(?:pa|assistant|secretary|deputy|boss|manager|wife|husband|partner|son|daughter|mum|mom|"
    r"dad|brother|sister|cousin|driver|nurse|colleague|contact|intern)['’]?[ \t]+\([ \t]*$"
)
# The teams a person works in ("meenakshi from accounts"); one, then what the person did: "hope from design
# named it after herself".
# The teams a person works in, as words (``person_slots`` reads them in any case too).
TEAM_WORDS = (
    r"accounts|finance|payroll|legal|support|sales|marketing|design|procurement|security|reception|audit|"
    r"engineering|catering|facilities|logistics|operations|warehouse|treasury|admin|dispatch|stores"
)
TEAM = rf"(?:{TEAM_WORDS}|hr|ops|it|depot)"
_TEAM_THEN_VERB = re.compile(
    rf"[ \t]+(?:from|in|at)[ \t]+(?:the[ \t]+)?{TEAM}[ \t]+"
    rf"(?:{CHAT_VERBS}|named|covered|rang|phoned|texted)\b"
)
# The one a thing goes to or that did it: "photos sent to ilze", "file goes to lucian", "ok'd by precious".
_TO_OR_BY_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:sent|send|give|gave|pass|passed|hand|handed|forward|forwarded|goes|went|talk|speak|"
    r"spoke|reply|replied|report|reports|belongs)(?:[ \t]+(?:it|them|this|that|these|those))?[ \t]+to|"
    r"(?:ok['’]?d|okayed|approved|signed|checked|typed(?:[ \t]+up)?|covered|fixed|named|sent|done)[ \t]+by|"
    r"(?:assigned|assign|escalated|escalate|over|thanks|according)[ \t]+to|"
    # who a message came from: "a call from anand", "email from bisi" (not "a flight from lagos": a place)
    r"(?:call|message|msg|email|e-mail|mail|text|note|reply|word|update|feedback|voicemail)[ \t]+from|"
    # who speaks: "this is rafa from the lab", "hi, i'm tavita", "my name is wanjiru"
    r"this[ \t]+is|i['’]?m|i[ \t]+am|it['’]s|(?:my[ \t]+)?name[ \t]+is|name['’]s)"
    r"[ \t]+$"
)
# One a person meets, knows, tells or thanks, perhaps "our" or "my" one: "gelai already met maria fe", "he
# knows our anand", "told my priya", "thank our tavita" (a possessive no determiner of a thing here).
_MET_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:met|meet|meeting|know|knows|knew|told|asked|called|rang|phoned|texted|emailed|pinged|"
    r"thanked|invited|introduced|hired|visited|reminded)(?:[ \t]+(?:our|my|your))?|"
    r"(?:ask|tell|call|thank|thanks|ping|cc|remind)[ \t]+(?:our|my|your))[ \t]+$"
)
_LIST_JOIN = re.compile(r"[ \t]*(?:;|/|&|,?[ \t]+(?:and|e|y|und|et|og|och)[ \t])[ \t]*")
# A name alone in brackets after a word typed in lower case ("accounts (siobhan)"; not "Shirin Moradi
# (pharmacist)", a role after a name).
_BRACKETED = re.compile(r"(?<![\w'’.-])[a-z]+['’]?[ \t]+\([ \t]*$")
_BRACKET_END = re.compile(r"[ \t]*\)")


def more_points(text: str, start: int, end: int, after_counted: bool, typed: bool = True) -> int:
    """The further slots ``text[start:end]`` fills (see the module doc); ``after_counted``: the first slots
    already counted what follows the name, so only a verb after its team adds a point. None but a
    quotation's author outside a sentence ``typed`` in lower case: a science abstract's capitalized
    sentences have "the tail (linker)", "Escherichia coli will consume"."""
    points = attributed(text, start, end)  # a quotation's author: the quote may be capitalized
    if not typed:
        return points
    if not after_counted and _NEXT.match(text, end):
        points += 1
    if _TEAM_THEN_VERB.match(text, end):
        points += 1
    if _sent_to_or_by(text, start, end) or met_before(text, start):
        points += 1
    if _BRACKET_END.match(text, end) and _BRACKETED.search(text, max(0, start - 40), start):
        points += 1 + int(bool(_ROLE_BRACKETED.search(text, max(0, start - 16), start)))
    if _KIN_BEFORE.search(text, max(0, start - 30), start) or _PRONOUN_AFTER.match(text, end):
        points += 1
    if _PRONOUN_BEFORE.search(text, max(0, start - 20), start):
        points += 1
    if _APPROVED_BY.search(text, max(0, start - 20), start) and text[start:end] not in CALENDAR_WORDS:
        points += 1
    if _RESPECT_BEFORE.search(text, max(0, start - 8), start):
        points += 2
    if _COURTESY_BEFORE.search(text, max(0, start - 16), start) and not language_word(
        text, start, text[start:end].split()[0]
    ):
        points += 1
    return points


# A quotation's author after it, the last thing on the line: a tribute, a testimonial, a kudos wall
# ('"... rest easy gwilym" - ollie jenkins', '"fixed the build!" ~ tomasz'): one point, in any sentence
# (the quote may be capitalized).
_QUOTE_DASH_BEFORE = re.compile(r"[\"”»][ \t]*[-–—~][ \t]*$")
_LINE_END_AFTER = re.compile(r"[ \t]*(?:[,(][^\n]{0,40})?(?:\n|$)")


# A field or a credit labelled with a person's role, the name all of its value ("Gaffer: kovan", "Owner:
# tomasz.", "| Reviewer: priya |"), or a byline in brackets ("Triage (by graça):", "(from dindo)"): one
# point, in any sentence (the label is capitalized). No label a program's setting shares ("Editor: nano",
# "Host: debian", "Driver: amd", "Sound: mono", "Camera: nikon").
_ROLE_LABEL_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:owner|assignee|assigned[ \t]+to|reviewer|reviewed[ \t]+by|approver|approved[ \t]+by|"
    r"requester|requested[ \t]+by|reporter|reported[ \t]+by|author|courier|contact|chair|note[ \t]+taker|"
    r"coordinator|gaffer|producer|director|writer|photographer|nurse|carer|tutor|teacher|coach|sponsor|"
    r"witness|landlord|tenant|buyer|seller|caller|guest|interpreter|translator|on[ \t]+call|"
    r"prepared[ \t]+by|checked[ \t]+by|signed[ \t]+by|fahrer|ansprechpartner|responsable|contacto|"
    r"encargado|encargada)[ \t]*:[ \t]*$"
)
_LABEL_END_AFTER = re.compile(r"[ \t]*(?:[.;,|]|[ \t]{2,}|\t|\n|$)")
_BYLINE_BEFORE = re.compile(r"\((?:by|from|per)[ \t]+$")
_BYLINE_END = re.compile(r"[ \t]*\)")


def attributed(text: str, start: int, end: int) -> int:
    """1 when ``text[start:end]`` signs the quotation before it (``_QUOTE_DASH_BEFORE``) and ends its line,
    or is all of a role's labelled field or a byline in brackets."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _QUOTE_DASH_BEFORE.search(text, max(line_start, start - 6), start)
    if before is not None and _LINE_END_AFTER.match(text, end) is not None:
        return 1
    labeled = _ROLE_LABEL_BEFORE.search(text, max(line_start, start - 24), start)
    if labeled is not None and _LABEL_END_AFTER.match(text, end) is not None:
        return 1
    return int(
        bool(_BYLINE_BEFORE.search(text, max(line_start, start - 8), start) and _BYLINE_END.match(text, end))
    )


def _sent_to_or_by(text: str, start: int, end: int) -> bool:
    """The one a thing goes to, comes from or was done by (``_TO_OR_BY_BEFORE``); a message's sender no known
    place ("a call from delhi")."""
    sent = _TO_OR_BY_BEFORE.search(text, max(0, start - 26), start)
    return sent is not None and not (sent.group().rstrip().endswith("from") and known_place(text[start:end]))


def title_word(word: str) -> bool:
    """A title or another language's "please" or "thanks" typed in lower case, no given name even where the
    lexicon says so ("doña", "lao", "seu", "bitte", "merci")."""
    key = word.casefold().rstrip(".")
    return key in RESPECT_TITLES or key in ENGLISH_TITLES or key in COURTESY_WORDS


def met_before(text: str, start: int) -> bool:
    """A verb of meeting, knowing, telling or thanking, perhaps then "our" or "my", right before ``start``
    ("met maria fe", "knows our anand"): the "our" no determiner of a thing that blocks the name; or asking,
    calling or telling in another language (``_ASK_BEFORE``: "llama a marisol", the "a" no article there)."""
    if _MET_BEFORE.search(text, max(0, start - 24), start):
        return True
    if not _ASK_BEFORE.search(text, max(0, start - 16), start):
        return False
    word = _WORD_AT.match(text, start)  # not a place, nor a word of the line's language ("frag mal")
    return word is not None and not known_place(word.group()) and not language_word(text, start, word.group())


def language_word(text: str, start: int, word: str) -> bool:
    """``word`` at ``start`` is a stop word or a very frequent word of its line's language ("mal", "schön",
    "hoy"; not "jürgen" 4.6, "joão" 5.2 on wordfreq's scale), where the line is in another language."""
    end = text.find("\n", start)
    language = line_language(text[text.rfind("\n", 0, start) + 1 : len(text) if end < 0 else end].split())
    if language is None:
        return False
    key = word.casefold()
    if key in stop_words().get(language, frozenset()):
        return True
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(key, language) >= _LANGUAGE_WORD_ZIPF
    except (LookupError, ValueError, ImportError):  # a language wordfreq cannot read here
        return False


# A trailing initial after a name typed in lower case: "sione v. & mele t.", "check with priya r if pune";
# not an article or a conjunction ("give priya a call", "i").
_INITIAL_AFTER = re.compile(
    r"[ \t]([a-z])\.(?![\w.])|[ \t]([b-df-hj-np-tv-xz])(?=[ \t]*(?:[,;&)]|$)|[ \t]+(?:if|and|or)\b)", re.M
)


def listed(text: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """``one`` and ``other`` next to each other in a list of names ("bong & dindo", "ilze; edgars"); not
    joined by a comma alone, which also joins clauses ("pingando de novo, fala com a graça")."""
    return any(
        _LIST_JOIN.fullmatch(text, first[1], second[0]) for first, second in ((one, other), (other, one))
    )


def with_initial(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` grown over a trailing initial (``_INITIAL_AFTER``)."""
    match = _INITIAL_AFTER.match(text, end)
    return (start, match.end(1) + 1 if match.group(1) else match.end(2)) if match else (start, end)
