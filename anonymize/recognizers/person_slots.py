"""Slots of a person in business notes, rosters and messages, one context point for ``name_evidence`` (the
lexicon is the other): the team or the role a person is named with ("Máire from catering", "Tigist in HR",
"Arash (intern)", "(Nodira, support)", "security (Serkan)"), a kinship word before ("daughter Marlène",
"Chulpan's daughter Dilyara"), a workplace or care role before ("HCA Mereana", "lodge owner Tashi", "Circuit
steward: Sione Vaipulu", "the cashier, Kehinde,"), a note's sender and addressee ("From Tevita to Mele:"), a
message's sign-off ("Cheers, Tev" ending its line), the one a message addresses ("Sherzod, sorry"), a motion's
proposer ("Proposed Ferreira, agreed by all").

Each slot is one weak signal: a capitalized word needs the lexicon's given name or surname besides, so
"the invoice from finance" or "Cheers, Team" name no one. Science text rarely has these words right beside a
capitalized word; where it does ("daughter Cells"), the lexicon does not know the word.
"""

from __future__ import annotations

import re
import unicodedata

from anonymize.address_terms import BEFORE, BEFORE_GIVEN_TOO
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_slots import TEAM_WORDS
from anonymize.recognizers.name_pairs import given_pair
from anonymize.recognizers.person_acts import person_act

# Kin named before a person: "daughter Ngaire", "Mr Mistry's son Nilesh", "children Honoré and Grace".
_KIN = (
    r"son|daughter|wife|husband|mother|father|brother|sister|children|sons|daughters|niece|nephew|grandson|"
    r"granddaughter|grandmother|grandfather|cousin|twin|fianc[eé]e?|widow|widower|uncle|aunt|auntie"
)
# Titles of address between an appositive's comma and the name: "her mother, Mama Divine".
_TITLES_BEFORE = rf"{BEFORE}|{BEFORE_GIVEN_TOO}"
# Jobs at work, in care and at home that stand right before a person's name or label its line.
_WORK_ROLES = (
    r"owner|admin|administrator|cashier|steward|coordinator|co-ordinator|supervisor|clerk|dispatcher|"
    r"caretaker|receptionist|tutor|teacher|cleaner|housekeeper|foreman|technician|intern|trainee|apprentice|"
    r"volunteer|accountant|storekeeper|porter|chef|cook|nanny|carer|caregiver|physio|therapist|counsell?or|"
    r"solicitor|barrister|courier|mechanic|electrician|plumber|contractor|landlord|landlady|neighbou?r|"
    r"auditor|registrar|pharmacist|midwife|paramedic|nurse|doctor|driver"
)
# Care and office roles written as capitals ("HCA Mereana", "RN Sione Fifita", "DBA (Piotr)").
_ROLE_ABBREVIATIONS = r"RN|EN|HCA|CNA|LPN|DBA|PA|EA|GP|HoD"
# The teams a person works in, any case; "HR", "IT" and "Ops" only in capitals ("in it" is a pronoun).
_TEAMS = rf"(?:(?i:{TEAM_WORDS}|agency|bureau|housekeeping|maintenance|customer[ \t]+service)|HR|IT|Ops|OPS)"
# What a person is in brackets after the name: "Arash (intern)", "Themba (temp – no surname)".
_BRACKET_ROLES = (
    rf"(?i:intern|temp|contractor|trainee|apprentice|volunteer|locum|casual|cover|relief|{_WORK_ROLES})"
)

_ROLE_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?i:{_WORK_ROLES}|head[ \t]+of[ \t]+\w+)(?:[ \t]+(?:is|was))?|"
    rf"\b(?:{_ROLE_ABBREVIATIONS}))[ \t]+$"
)
# Kin before, also across a wrapped line: "daughter Marlène", "returned to mother\n    Ndèye Coumba Mbaye".
_KIN_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{_KIN})[ \t]*\n?[ \t]*$")
# Greetings sent to people, the first and the others listed: "Greetings to Claudine, Olivier and the team".
_GREETING_TO_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:greetings|congratulations|condolences|regards|shout-?outs?|love)[ \t]+to[ \t]+"
    r"(?:[A-Z][\w'’-]+[ \t]*,[ \t]*){0,4}$"
)
# A person's phone number right after the name: "or Raf on 07700 900 582", "Mele: +64 21 555 0199".
_PHONE_AFTER = re.compile(r"[ \t]+(?:on|at)[ \t]+\+?\(?\d[\d \t()-]{6,}\d")
# The parties of a case: "Ugo v. Obiekwe (1989)"; not a fixture list's "Manchester City v Charlton".
_CASE_PARTY = re.compile(r"[ \t]+v\.[ \t]+[A-Z]")
_CASE_PARTY_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+v\.[ \t]+$")
# What the name is to someone, after it: "Nagy-Lakatos Márta, her manager at OTP", "Ama, his sister".
_APPOSITIVE_AFTER = re.compile(
    rf"[ \t]*,[ \t]*(?i:his|her|their|my|our)[ \t]+(?:[\w-]+[ \t]+)?(?i:{_WORK_ROLES}|{_KIN}|manager|boss|"
    r"colleague|friend|partner|supervisor)(?![\w'’-])"
)
# What the name is to another person named by the possessive, after it: "Breindel, Mendel's wife,", "Kojo,
# Abena's younger brother" (not "Lagos, Nigeria's largest city": no kin, no role).
_POSSESSOR_APPOSITIVE_AFTER = re.compile(
    r"[ \t]*,[ \t]*[A-ZÀ-ÖØ-Þ][\w'’-]*['’]s[ \t]+(?:(?:new|late|former|older|younger|elder|eldest|youngest|"
    rf"little|big|second|first)[ \t]+)?(?i:{_KIN}|{_WORK_ROLES}|fiancée?|partner|boss|colleague|friend)"
    r"(?![\w'’-])"
)
# A note on the name in brackets after it: "Pita (surname TBC, agency)", "Themba (no surname given)", "Aroha
# (née Walker)", "Thandeka (first name only)"; not an alias, which products have too ("Python (aka ...)").
_NAME_NOTE_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?i:(?:no[ \t]+)?(?:surname|last[ \t]+name|family[ \t]+name)|first[ \t]+name|"
    r"given[ \t]+name|full[ \t]+name|maiden[ \t]+name|real[ \t]+name|n[ée]e|geb\.|nickname)"
    r"(?![\w'’-])"
)
# A line's label that ends in a role, not at the line's start: "Circuit steward: ", "Supervisor sign-off: ".
_ROLE_LABEL_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{_WORK_ROLES}|sign-?off)[ \t]*:[ \t]*$")
# An appositive after a role the sentence names: "the cashier, Kehinde, and", "our house help, Akosua, was"
# (not a CV's "Delivery driver, Beograd").
# Also after another person's possessive, and before a title of address: "Mendel's wife, Breindel", "her
# mother, Mama Divine", "his uncle, Mjomba Hamisi".
_APPOSITIVE_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?i:the|our|my|his|her|their|your)|(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*['’]s)[ \t]+"
    rf"(?:[\w-]+[ \t]+)?(?i:{_WORK_ROLES}|{_KIN}|help)[ \t]*,[ \t]*(?:(?:{_TITLES_BEFORE})[ \t]+)?$"
)
# A name in brackets after a team or a role: "security (Serkan)", "waiting on DBA (Piotr)".
_BRACKET_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?i:{_WORK_ROLES})|{_TEAMS}|\b(?:{_ROLE_ABBREVIATIONS}))[ \t]*\([ \t]*$"
)
_BRACKET_AFTER = re.compile(r"[ \t]*[),]")
_TEAM_AFTER = re.compile(
    rf"(?:[ \t]+(?:from|in|at)[ \t]+(?:the[ \t]+)?|[ \t]*,[ \t]*|[ \t]*\([ \t]*){_TEAMS}(?![\w'’-])"
)
_ROLE_IN_BRACKETS_AFTER = re.compile(rf"[ \t]*\([ \t]*{_BRACKET_ROLES}(?![\w'’-])")
# A note's sender and addressee at its line's start: "From Tevita to Mele:", "Notes from Rawinia:".
_SENDER_BEFORE = re.compile(
    r"(?m)^[ \t]*(?:(?i:from|notes?[ \t]+from|message[ \t]+from|handover[ \t]+from)|"
    r"(?i:from)[ \t]+[^\n:]{1,40}?[ \t]+(?i:to))[ \t]+$"
)
_SENDER_AFTER = re.compile(r"(?:[ \t]+(?i:to)[ \t]+[^\n:]{1,40})?[ \t]*:[ \t]*(?:\n|$)")
# A note's author before its text, anywhere: "Note from Sakura: the passport ...", "(message from Tui: ...)".
_NOTE_FROM_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:notes?|message|update|reply|comment|feedback|e-?mail|text)[ \t]+(?i:from)[ \t]+$"
)
_COLON_AFTER = re.compile(r"[ \t]*:")
# A message's closing before its sender's name, on the same line or the one before: "Cheers, Tev".
_CLOSING_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:cheers|thanks|thank[ \t]+you|many[ \t]+thanks|regards|kind[ \t]+regards|"
    r"best[ \t]+regards|best[ \t]+wishes|warm[ \t]+regards|best|love|sincerely)[ \t]*[,!.]?[ \t]*\n?[ \t]*$"
)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A sign-off after a message's last sentence, ending its paragraph: "I will visit you soon. Precious".
_SENTENCE_END_BEFORE = re.compile(r"[.!?][ \t]+$")
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\n?[ \t]*$)")
# Naming a person: 'a young man called "Papis"', "gave her name as Deniz", "picking up Dolores".
_NAMING_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:called|nicknamed|known[ \t]+as|goes[ \t]+by|name[ \t]+as|picking[ \t]+up|pick[ \t]+up|"
    r"picked[ \t]+up)[ \t]+[\"“‘']?$"
)
# What a person does next: "Mhairi taught me" (not "has the", "cannot": "Notch has the largest", "Notch
# cannot bind"),
# "Taiwo and his brother", "Oyuntsetseg and her sourcing team", where a person works, lives or goes ("Ibou
# works hard", "Siosaia will move to Suva"); an age after the name: "Wiremu Pōtae, 81.".
_NEXT_AFTER = re.compile(
    r"[ \t]+(?:(?:taught|teaches|fetched|reminded|insisted|decided|agreed|works|worked|lives|lived)\b|"
    r"will[ \t]+(?:move|join|visit|cover|travel|fly|arrive|attend)\b|"
    rf"and[ \t]+(?:his|her|their)[ \t]+(?:[\w-]+[ \t]+)?(?:{_KIN}|colleagues?|friends?|team|family)\b)"
    r"|,[ \t]*\d{1,3}[ \t]*[,.;](?!\d)"
)

# The one a message addresses, first in its line, sentence or reply, then a comma and an apology, thanks, a
# request or an answer: "Sherzod, sorry — the warehouse moved", "reply (Bekzod): Aziza, thanks for ...",
# "Kofi, can you ...". Not after a word of the sentence ("However, please").
_VOCATIVE_BEFORE = re.compile(r"(?:^|\n|[:.!?)—–]|(?:^|[ \t\n])[-*•])[ \t]*[\"“‘]?$")
_VOCATIVE_AFTER = re.compile(
    r"[ \t]*,[ \t]+(?i:sorry|apologies|thanks|thank[ \t]+you|please|pls|plz|could[ \t]+you|can[ \t]+you|"
    r"would[ \t]+you|will[ \t]+you|did[ \t]+you|have[ \t]+you|are[ \t]+you|do[ \t]+you|welcome|"
    r"congrats|congratulations|good[ \t]+(?:morning|afternoon|evening)|noted|agreed|fyi|"
    r"you(?:'re|[ \t]+are|[ \t]+were)?)(?![\w'’-])"
)
# Minutes' motions: "Proposed Ferreira, agreed by all", "Seconded: Kowalczyk", "proposed by Abioye".
_MOTION_BEFORE = re.compile(r"(?<![\w'’-])(?i:proposed|seconded)(?:[ \t]+by)?[ \t]*:?[ \t]+$")


def person_slot(text: str, start: int, end: int, lexicon: NameLexicon | None = None) -> bool:
    """``text[start:end]`` (a capitalized candidate) stands in one of the module's slots of a person (with
    ``lexicon``, also one of two given names joined by "and" or "or": ``name_pairs.given_pair``)."""
    before = text[max(0, start - 48) : start]
    return bool(
        _ROLE_BEFORE.search(before)
        or (":" in before and _ROLE_LABEL_BEFORE.search(before))  # each test's cheap part first
        or ("," in before and _APPOSITIVE_BEFORE.search(before))
        or (_BRACKET_AFTER.match(text, end) and _BRACKET_BEFORE.search(before))
        or _TEAM_AFTER.match(text, end)
        or _ROLE_IN_BRACKETS_AFTER.match(text, end)
        or sender_slot(text, start, end)
        or (_LINE_END.match(text, end) and _CLOSING_BEFORE.search(before))
        or (_PARAGRAPH_END.match(text, end) and _SENTENCE_END_BEFORE.search(before))
        or _NAMING_BEFORE.search(before)
        or _NEXT_AFTER.match(text, end)
        or _KIN_BEFORE.search(before)
        or ("to" in before and _GREETING_TO_BEFORE.search(before))
        or _PHONE_AFTER.match(text, end)
        or _CASE_PARTY.match(text, end)
        or _CASE_PARTY_BEFORE.search(before)
        or _APPOSITIVE_AFTER.match(text, end)
        or _POSSESSOR_APPOSITIVE_AFTER.match(text, end)
        or _NAME_NOTE_AFTER.match(text, end)
        or (lexicon is not None and _vocative(text, start, end, before, lexicon))
        or _MOTION_BEFORE.search(before)
        or (lexicon is not None and given_pair(text, start, end, lexicon))
        or person_act(text, start, end)
    )


def _vocative(text: str, start: int, end: int, before: str, lexicon: NameLexicon) -> bool:
    """One word a message addresses (``_VOCATIVE_AFTER``): a given name of the lexicon that English speakers
    bear or English barely uses as a word ("Sherzod, sorry"; not "Amen, please stand")."""
    from wordfreq import zipf_frequency

    word = text[start:end]
    return (
        " " not in word
        and bool(_VOCATIVE_AFTER.match(text, end) and _VOCATIVE_BEFORE.search(before))
        and lexicon.given_name(word)
        and (word.casefold() in lexicon.english_given or zipf_frequency(word.casefold(), "en") < 3.0)
    )


def sender_slot(text: str, start: int, end: int) -> bool:
    """The sender or the addressee of a note's first line ("From Tevita to Mele:"): a name there is no
    label, though a colon follows it."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        (_SENDER_AFTER.match(text, end) and _SENDER_BEFORE.search(text[line_start:start]))
        or (_COLON_AFTER.match(text, end) and _NOTE_FROM_BEFORE.search(text, max(0, start - 24), start))
    )


# Letters of a name word English does not know: capitalized, then small letters, an ʻokina, an apostrophe or a
# hyphen before a capital ("Ngāhuia", "Oyuntsetseg", "Makoa-Reyes").
_NAME_SHAPE = re.compile(r"[^\W\d_][^\W\d_ʻ’'-]*(?:[ʻ’'-][^\W\d_][^\W\d_ʻ’'-]*)*")
_VOWEL = re.compile(r"[aeiouy]")
_UNKNOWN_ZIPF = 1.5  # "Kealoha" 1.4, "Ngaire" 1.1; "Kaposi", "Xenopus" are better known


def unknown_name_word(word: str) -> bool:
    """A capitalized word of three letters or more that English barely knows (wordfreq Zipf below 1.5) and no
    known place: with a person's slot, the evidence a lexicon would give for a name it does not hold."""
    from wordfreq import zipf_frequency

    from anonymize.gazetteer import known_place

    core = word.strip('.,;:!?"()[]')
    return (
        len(core) >= 3
        and core[:1].isupper()
        and core[1:] == core[1:].lower()
        and bool(_NAME_SHAPE.fullmatch(core))
        and bool(_VOWEL.search(unicodedata.normalize("NFD", core.casefold())))  # not "Shrs", "Mgmt"
        and zipf_frequency(core.casefold(), "en") < _UNKNOWN_ZIPF
        and not known_place(core)
    )


def rare_name(word: str, lexicon: NameLexicon) -> bool:
    """A name of the lexicon English barely uses as a word (Zipf below 3: "Babak", "Sione"; not "Lillian",
    "Memory"), or a capitalized word English does not know at all ("Oyuntsetseg", which no lexicon holds):
    its lower-case mentions are the name typed in lower case ("babak m.", "oyuntsetseg e."), no common
    noun."""
    from wordfreq import zipf_frequency

    return (lexicon.name_word(word) and zipf_frequency(word.casefold(), "en") < 3.0) or unknown_name_word(
        word
    )


def rare_word(word: str) -> bool:
    """A word English hardly uses (wordfreq Zipf below 2.5): "Oduya", not "Long"."""
    from wordfreq import zipf_frequency

    return bool(word) and zipf_frequency(word.casefold(), "en") < 2.5
