"""The words around a name that tell a reader it is a person's: titles and roles before it ("coach", "Prime
Minister", "Frau"), verbs whose object is a person ("call Lombardi", "thanked Okoro"), verbs and states only
people take after it ("... said", "..., who", "is on leave").

One place for the word lists that the name rules read. Each rule takes the subset named for its use: their
union would move spans (a role before a capitalized candidate is evidence enough for ``name_evidence``, while
``retyped_persons`` overrules the NER model's organization with it, and the lower-case rule reads chat verbs
that ordinary words take too). The patterns match at the end of the text before a name (``..._BEFORE``, use
``search``) or right after its end (``..._AFTER``, use ``match``).
"""

from __future__ import annotations

import re

from anonymize.text import words

# Words that stand before a name and are no part of it: titles, ranks, offices, kinship and sports roles
# ("Prime Minister Viktor Chernomyrdin", "Bishop Desmond Tutu", "Auntie Ngozi", "Centre Walter Little").
ROLE_TITLES = words(
    """
    prime minister president vice co-premier co-premiers premier chancellor king queen prince princess emperor
    empress bishop archbishop cardinal pope rabbi imam sheikh sheik reverend rev father pastor baron baroness
    lord lady dame sir count countess duke duchess general lieutenant lieutenant-colonel colonel captain
    commander sergeant senator governor mayor ambassador judge justice inspector detective constable officer
    nurse sister professor doctor coach manager chairman chairwoman chief secretary deputy spokesman
    spokeswoman auntie aunt uncle tío tía tio tia grandma grandpa centre center striker midfielder defender
    goalkeeper winger flanker lock prop hooker fullback full-back scrum-half fly-half pitcher batsman bowler
    former late saint st consul envoy commissioner councillor councilor cllr alderman alderwoman
    frau herr señora señor senhora senhor sra srta dona signora signor mme mlle madame monsieur mevrouw meneer
    pani pak ibu bapak tuan puan encik datuk dato datin shri smt srimati kumari khun haji hajjah alhaji
    alhaja mallam sayyid ustaz ustazah bwana mzee tito tita kuya abuela abuelo oma opa chị ông bà chú bác
    thiru thirumathi khanom khanum koro kuia whaea matua mam pharmacist midwife paramedic interpreter
    translator
    sgt cpl lcpl pte lt capt cdr cmdr insp supt
    """
)
# English honorifics: "Mr", "Dr", "Dame".
HONORIFICS = words("mr mrs ms miss mx dr prof sir dame lady lord")
# What people are besides ``ROLE_TITLES``: "Wimbledon finalist ...", "his teammate ...", "the witness ...".
PEOPLE_ROLES = words(
    """
    finalist champion seed player teammate compatriot countryman rider driver actor actress singer author
    writer poet composer novelist painter director producer colleague witness suspect spokesperson
    """
)
# The roles that stand before a capitalized candidate in news and sports text and vouch for it as a name
# ("striker Dirk Medved", "bowler Vaas", "analyst Jan Kees"): titles, offices, positions, trades.
NAME_EVIDENCE_ROLES = words(
    """
    mr mrs ms dr prof sir dame lord lady king queen prince princess pope president premier minister
    chancellor governor senator mayor general colonel captain coach manager striker forward midfielder
    defender goalkeeper keeper winger centre center fullback full-back flanker lock prop pitcher batsman
    bowler spinner off-spinner rider driver champion finalist seed chairman chairwoman chief executive
    director spokesman spokeswoman spokesperson leader secretary ambassador envoy judge referee umpire
    teammate compatriot countryman player actor actress singer author writer colleague deputy officer analyst
    economist trader dealer witness suspect sgt cpl lcpl pte lt capt cdr cmdr insp supt
    """
)

# Verbs whose object is a person: "call Lombardi", "ask Mele", "thanked Okoro".
CONTACT_VERBS = (
    "call|ask|tell|thank|contact|e-?mail|ping|phone|ring|remind|invite|consult|"
    "called|asked|told|thanked|contacted|e-?mailed|pinged|phoned|rang|reminded|invited|consulted"
)
# The agent of a record's passive, before a name: "approved by Nunez-Ibanez", "signed by Okafor" (a firm takes
# these too: one signal, the lexicon the other).
AGENT_BY = (
    r"(?:approved|signed|prepared|reviewed|written|submitted|requested|raised|reported|authori[sz]ed|checked|"
    r"verified|countersigned|initialled|witnessed|chaired|minuted|taken)[ \t]+by"
)
# A work's credits and a name's own label: "starring ...", "novel by ...", "maiden name is ...".
CREDITS = (
    r"starring|featuring|directed[ \t]+by|written[ \t]+by|song[ \t]+by|novel[ \t]+by|assistant[ \t]+to|"
    r"(?:maiden|first|last|family|given)[ \t]+name[ \t]+(?:is|was)"
)

# What people say and do after their name, in the past tense and the present ("Medved said").
SPEECH_VERBS = "said|says|told|added|replied|answered|explained|insisted|admitted|denied|claimed|urged"
FATE_VERBS = "resigned|died"
THOUGHT_VERBS = "thinks|feels|felt|knows|knew|hopes|hoped"
# What happens to people (after "was", "has been", "had been"): "was jailed", "has been appointed".
PASSIVE_FATES = "jailed|arrested|elected|appointed|sentenced|hired|promoted|fired|injured|killed"
# Where a person is: "is away", "was off sick".
ABSENT = r"(?:is|was)[ \t]+(?:away|off[ \t]+sick|on[ \t]+leave|on[ \t]+holiday)"
# A relative clause for a person: ", who", ", whose".
WHO = r",[ \t]*(?:who|whose)\b"
# What people have: "'s daughter", "'s funeral".
KIN = (
    "son|daughter|wife|husband|mother|father|brother|sister|family|parents|children|boss|assistant|widow|"
    "funeral|birthday"
)
# What people do in a memo or a note: "Ragnhild sends the invite", "Clem promises postcards".
MEMO_VERBS = (
    r"sends|runs|promises|promised|offers|offered|covers|handles|handled|chairs|chaired|collects|collected|"
    r"booked|books|emails|phoned|texted|prefers|preferred|"
    r"remembers|remembered|apologi[sz]ed|volunteered|volunteers|takes[ \t]+over|took[ \t]+over"
)
# What people did in a career or a day, after their name: "Tunde spent a year at ...", "Ama moved to Accra".
# Past tenses only: the present's "studies", "works", "moves" are plural nouns too ("Lineage studies using").
LIFE_VERBS = (
    r"spent|moved|worked|studied|graduated|trained|lived|stayed|returned|travell?ed|arrived|visited|met|"
    r"helped|became|left|led|managed|started"
)
# What people do in a chat log, written in lower case: "haruto pushed a fix", "joão complained".
CHAT_VERBS = (
    r"said|says|wants|wanted|asked|asks|told|tells|thinks|thought|pushed|fixed|"
    r"closed|complained|agreed|mentioned|wrote|writes|sent|sends|called|calls|replied|emailed|joined|"
    r"approved|signed|owns|leads|booked|promised|confirmed|reported|suggested|needs|knows|finished|covers|"
    # what people do with things: "wanyonyi ordered it", "achieng takes e4"
    r"ordered|orders|took|takes|left|paid|offered|checked|handles|handled|brought"
)
# Where a person is in a chat: "ioana is out thursday", "kofi is on leave".
CHAT_ABSENT = r"is[ \t]+(?:out|off|away|sick|back|late|on[ \t]+(?:leave|holiday|vacation|call))"
# At a sentence's start, a verb only people take tells the name from the word ("Bill will reject them",
# "Mark asked for it"; not "Mark the date", "Bill is due"): speech, thought, and the modal verbs a bare noun
# does not take without its determiner.
SENTENCE_START_VERBS = (
    "said|says|asked|asks|told|tells|wrote|writes|replied|agreed|thinks|thought|wants|wanted|knows|"
    "will|would|can|could|should|might"
)


def passive(fates: str) -> str:
    """``fates`` after "was", "has been" or "had been": "was jailed"."""
    return rf"(?:was|has[ \t]+been|had[ \t]+been)[ \t]+(?:{fates})"


def verb_before(*verbs: str) -> re.Pattern[str]:
    """Any of ``verbs`` (alternations, any case) as the last word before a name: "thanked Okoro"."""
    return re.compile(rf"(?<![\w'’-])(?i:{'|'.join(verbs)})[ \t]+$")


def role_before(roles: frozenset[str]) -> re.Pattern[str]:
    """Any of ``roles`` (any case, a dot after it allowed) as the last word before a name: "coach Medved"."""
    alternatives = "|".join(re.escape(r) for r in sorted(roles, key=lambda r: (-len(r), r)))
    return re.compile(rf"(?i:\b(?:{alternatives})\.?)[ \t]+$")
