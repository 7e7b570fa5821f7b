"""A recognizer for names by the words around them: titles and greetings, speech, kinship, a company's
people, a list of founders, traits, the author of a work, a middle initial.

The NER model misses many names it has not seen (a rare given name alone, a foreign surname) or takes them for
places. Some slots in a sentence hold only people: after "Dear" or "my daughter", before "said" or
"'s address". This recognizer reads those slots (a transcript's speakers: ``speaker_labels``; mail headers:
``header_names``).
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.gated_patterns import Gated
from anonymize.name_patterns import NAME, NAME_WORD
from anonymize.names import person_shaped
from anonymize.text import COMPANY_FORM_AHEAD, SENTENCE_START, STOP_WORDS
from anonymize.text_kinds import in_lower_case, technical_text
from anonymize.word_kinds import common_word, organization_word

# Honorifics of other languages, capitalized: "Frau Lindemann-Özkan", "Dona Ção", "Pak Budi".
_FOREIGN_TITLE = (
    r"(?:Frau|Herrn|Herr|Fru|Frk\.?|Fröken|Señora|Señor|Senhora|Senhor|Sra|Srta|Dona|Signora|Signor|Mme|Mlle|Madame|Monsieur|Mevrouw|"
    r"Meneer|Pani|Pak|Ibu|Bapak|Tuan|Puan|Encik|Datuk|Dato|Datin|Shri|Smt|Srimati|Kumari|Khun|Haji|Hajjah|"
    r"Alhaji|Alhaja|Mallam|Sayyid|Ustaz|Ustazah|Bwana|Mzee|Tito|Tita|Kuya|Abuela|Abuelo|Oma|Opa|Chị|Ông|Bà|Chú|"
    r"Bác|Doña|Dña|Seu|Tía|Tío|Tante|Onkel|Tannie|Oom|Manang|Manong|Aling|Teyze|Abla|Amca|Nonna|Nonno|"
    r"Babcia|Ciocia|Wujek)"
)
_TITLE = rf"(?:(?i:mr|mrs|ms|miss|mx|dr|prof)|{_FOREIGN_TITLE})"

# People a speaker may name by their relation: "my daughter Ann", "Ann's husband".
_RELATION = (
    r"(?:son|daughter|kid|child|baby|wife|husband|partner|spouse|fianc[eé]e?|girlfriend|boyfriend|mother|"
    r"father|mom|mum|dad|brother|sister|sibling|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|"
    r"uncle|aunt|cousin|nephew|niece|friend|boss|colleague|co-?worker|neighbou?r|roommate|flatmate|tenant|"
    r"landlord|assistant|secretary|stepson|stepdaughter|stepmother|stepfather)"
)
_SPEECH_VERB = (
    r"(?:said|says|asked|asks|told|tells|replied|replies|answered|explained|added|wrote|writes|exclaimed|"
    r"whispered|shouted|yelled|screamed|muttered|insisted|recalled|remembered|admitted|laughed|sighed)"
)

# Words that introduce a person's name: titles, greetings, naming, relations.
_NAME_CUE = (
    rf"(?:\b{_TITLE}\.?|(?m:^)[ \t]*(?i:(?:full )?name:)|(?:(?<=^)|(?<=[\s(\"'])|(?<=\\n))"
    r"(?:(?i:my name is|(?:every(?:one|body) )?calls? me|named(?: (?:him|her|them))?|directed by:?|"
    r"follow(?:ed)? up with|speak (?:to|with)|spoke (?:to|with)|talk(?:ed)? (?:to|with)|meet(?:ing)? with|"
    r"met with|(?:first|last|middle|maiden|family|given|sur)[ -]?name(?: is| was)?[:?]?|"
    rf"(?:my|our|his|her|their|your) {_RELATION},?|assistant to|(?:son|daughter|wife|husband) of|"
    r"(?:shouted|yelled|screamed) at)|"
    r"(?:Hi|Hello|Hey|Dear|Thanks|Thank you|Congratulations|Sorry),?))"
)
# Capitalized words a cue is often followed or preceded by that are not names.
NOT_A_NAME = (
    r"(?:Sir|Madam|All|Everyone|Everybody|Someone|Somebody|Nobody|Anyone|Team|Customer|Support|Manager|There|"
    r"Again|The|This|That|These|Those|Our|My|Your|His|Her|Their|He|She|It|We|They|You|I|Who|What|Which|"
    r"Officials?|Police|Reports?|Sources?|Experts?|Critics?|Analysts?|Researchers?|Scientists?|Authors?|"
    r"Studies|Doctors?|Officers?|Witnesses|Residents|People|Users?|Customers|Staff|Mom|Mum|Dad|"
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_NAMED = rf"(?!{_TITLE}\b|{NOT_A_NAME}\b)({NAME})"
_BEFORE = rf"(?<![\w'’])(?!{NOT_A_NAME}\b)({NAME})"
# The answer to a question for a name: "What's the name on the account? User: Liberal A Aranda".
_NAME_ANSWER = (
    r"\b(?i:name)\b[^?\n]{0,40}\?[ \t]*\n?[ \t]*"
    rf"(?:(?:User|Customer|Client|Caller|Guest|Me|A)[ \t]*:[ \t]*)?{_NAMED}(?=[ \t]*(?:[.!\n]|$))"
)
# Cues that hold only a person: "Dear Bo Li", "my daughter Eva", "her maiden name is Szél", "Ann's address",
# "Ann's daughter", "Ann lives at".
_PERSON_SLOTS = [
    rf"{_NAME_CUE}(?:(?<=[:?.])[ \t]+|[ \t]){_NAMED}",  # a column gap after a bare label: a table's header
    rf"{_BEFORE}(?:['’]s\s+(?:home\s+)?address|['’]s\s+{_RELATION}\b|\s+(?:lives|lived|resides|resided)\s+(?:at|in|on)\b)",
    # an honorific of another language after the name: "Gyula bácsi", "Ayşe Hanım", "Tanaka sensei"
    rf"{_BEFORE}[ \t]+(?:Bey|Hanım|Hanim|Efendi|bácsi|néni|sensei|Sensei|ji|Ji)\b",
    _NAME_ANSWER,
]
# A part every match of each of these holds: "'s " or " lives ", the honorific after the name.
_SLOT_NEEDS = [
    None,
    r"['’]s\s|\s(?:lives|lived|resides|resided)\s",
    r"[ \t](?:Bey|Hanım|Hanim|Efendi|bácsi|néni|sensei|Sensei|ji|Ji)\b",
    None,
]
# The one addressed by a question: "Noelia, can I please speak to your boss?" (not "Here, can we ...?")
_VOCATIVE = (
    rf"(?:^|(?<=[.!?\n])[ \t]*){_NAMED},[ \t]+"
    r"(?=(?:can|could|would|will|do|did|are|is|have|may|should|shall)\b[^.!?\n]*\?)"
)
# Speech, where an organization may stand too ("the Court said", "Goldman Sachs said").
_SPEECH_SLOTS = [
    # '..., said Naile.', '"Glad to hear it," says Wakeland.', "said Naile to Caitlin"
    rf"\b{_SPEECH_VERB}[ \t]+{_NAMED}(?=[ \t]*(?:[.,!?;\n]|$)|[ \t]+to\b)",
    rf"\b{_SPEECH_VERB}[ \t]+{NAME}[ \t]+to[ \t]+{_NAMED}",
    # "Ann said", "Ann shouted at"; "Ann Lee, the plant manager, said"
    rf"{_BEFORE}(?:,[ \t]+(?i:the|an?|our|their|its)[ \t]+[^,.;:!?\"\n]{{1,60}},)?\s+{_SPEECH_VERB}\b",
]
_SPEECH_VERB_ANYWHERE = re.compile(_SPEECH_VERB)
# The one addressed at the end of an exclamation: "Don't go to town, Brett!"
_EXCLAIMED = rf"(?<=,)[ \t]+(?!{NOT_A_NAME}\b)({NAME_WORD})(?=!)"
# A former member of a band, a team or a service: "ex-Beatle Paul", "ex-Zombie Wiik".
_FORMER = rf"\bex-{NAME_WORD}[ \t]+{_NAMED}"
# Who gave or was given someone's address or number: "Csanád had given Maja his address".
_GIVING = r"(?:gave|given|give|sent|send|texted|emailed|e-mailed|showed|shown)"
_GIVEN_DETAILS = (
    rf"{_GIVING}[ \t]+"
    rf"(?!{NOT_A_NAME}\b)({NAME})[ \t]+(?:his|her|their|my|our|your)[ \t]+"
    r"(?:home[ \t]+|new[ \t]+|old[ \t]+)?(?:address|number|phone|e-?mail|details|contact)"
)
_GIVER = (
    rf"{SENTENCE_START}(?!{NOT_A_NAME}\b)({NAME})[ \t]+(?:had[ \t]+given|gave|has[ \t]+given)"
    rf"[ \t]+{NAME}[ \t]+"
    r"(?:his|her|their)[ \t]+(?:address|number)"
)
# What only a person has: "the true gender of Anouk", "Matej Jurković's killers".
_OF_A_PERSON = (
    r"\b(?i:gender|birthday|funeral|widow|widower|murder|murderer|killers?|biography|memoir|pronouns)"
    rf"[ \t]+of[ \t]+{_NAMED}"
)
_PERSONS_THING_NEEDS = r"['’]s[ \t]+(?:killer|murderer|funeral|widow|pronouns|biography|memoir)"
_PERSONS_THING = (
    rf"{_BEFORE}['’]s[ \t]+(?:killers?|murderer|funeral|widow|widower|pronouns|biography|memoir)\b"
)
# Character traits: "Why is Maj so impulsive?", "Itamar is very reliable.", "Julia is a very kind person."
_TRAIT = (
    r"(?:reliable|unreliable|impulsive|sympathetic|unsympathetic|friendly|unfriendly|rude|honest|dishonest|lazy|"
    r"shy|generous|selfish|stubborn|polite|impolite|arrogant|humble|modest|kind|unkind|grumpy|cheerful|moody|"
    r"trustworthy|untrustworthy|punctual|talkative|jealous|brave|loyal|nice|mean|caring|thoughtful|hardworking)"
)
_WITH_TRAIT = [
    rf"\b(?i:why|how)[ \t]+(?:is|was)[ \t]+{_NAMED}[ \t]+(?:so|such[ \t]+an?)[ \t]+{_TRAIT}\b",
    rf"{SENTENCE_START}{_NAMED}[ \t]+(?:is|was)[ \t]+(?:(?:very|so|really|quite|always|never|a|an)[ \t]+)*"
    rf"{_TRAIT}\b",
]
# The author or performer of a work: "Unlike the Høgli novel", "a Cordelia Pugliesi concert".
_WORK_OF = (
    rf"\b(?i:the|a|an)[ \t]+(?!{NOT_A_NAME}\b)({NAME})[ \t]+"
    r"(?:novel|novels|concert|concerts|biography|memoir|autobiography|version|recording|song|songs|album|poem|"
    r"poems|play|painting|portrait|sculpture|symphony|sonata|opera|lecture|speech|interview)\b"
)
# A name with a middle initial: "Maite H Lemmens", "Peer M. Villareal" (not in technical text).
_WITH_INITIAL = rf"(?<![\w'’-])({NAME_WORD}[ \t]+[A-Z]\.?[ \t]+{NAME_WORD})(?![\w-])"
# A person of a company: "Ana Dias from Amerisur Resources plc is ...", "including Zoe Lind of Merchants Trust
# plc" (two to four capitalized words); one word only at the start of a sentence and before "is from" or
# "works at": "Mai is from GMS Inc." (not "Shares of Acme Inc").
_OF_COMPANY = rf"[ \t]+(?:of|from|at|with)[ \t]+(?=[^.\n]{{0,60}}?{COMPANY_FORM_AHEAD})"
_ONE_WORD_OF_COMPANY = (
    r"[ \t]+(?:(?:is|was|comes)[ \t]+from|works?[ \t]+(?:at|for))[ \t]+"
    rf"(?=[^.\n]{{0,60}}?{COMPANY_FORM_AHEAD})"
)
# People listed after a word for people only: "our 3 founders: McDonald, Valencia and Carroll".
_PEOPLE = (
    r"(?i:founders|co-founders|children|kids|sons|daughters|siblings|grandchildren|grandsons|granddaughters|"
    r"authors|co-authors|speakers|panelists|panellists|hosts|guests)"
)
_MEMBER = rf"(?:[A-Z]['’](?=[A-Z]))?{NAME}"  # also "L'Heureux"
_PEOPLE_LIST = re.compile(
    rf"\b{_PEOPLE}[ \t]*:[ \t]*((?:{_MEMBER}[ \t]*,[ \t]*)*{_MEMBER}"
    rf"(?:[ \t]*,?[ \t]+(?:and|&)[ \t]+{_MEMBER})?)"
)
_LIST_MEMBER = re.compile(rf"(?<![\w'’-]){_MEMBER}")
_CUE_SCORE = 0.9
_MARKER_AFTER = re.compile(r"\(?[+\-−]|\d|\(\d")


# "The Court said", "our Board added": a determiner makes what follows a common or an organization's name.
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|our|your|their|its)\s+$")


def _organization_like(text: str, start: int, value: str, organizations: list[tuple[int, int]]) -> bool:
    """The model's organization, an organization's word, or after a determiner ("the Board said")."""
    end = start + len(value)
    return (
        any(s < end and start < e for s, e in organizations)
        or any(organization_word(w) for w in value.split())
        or bool(_DETERMINER_BEFORE.search(text[max(0, start - 8) : start]))
    )


def _organizations(nlp_artifacts: object) -> list[tuple[int, int]]:
    """The spans of two or more words the NER model calls organizations ("Goldman Sachs said"); one word it
    calls an organization is as often a rare name ("Nick shouted at")."""
    entities = getattr(nlp_artifacts, "entities", None) or []
    return [
        (e.start_char, e.end_char)
        for e in entities
        if e.label_ in ("ORG", "ORGANIZATION") and len(e.text.split()) > 1
    ]


class NameCueRecognizer(EntityRecognizer):
    """Capitalized names after a title or a naming cue ("Mr. Cole", "my name is Ann", "Dear Bo Li",
    "my daughter Eva", "said Naile"), or before one ("Ann's address", "Ann shouted at ..."), and in the other
    slots that hold only people: a person of a company, a list of founders, "the gender of ...", a trait,
    the author of a work, a middle initial."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="NameCueRecognizer")
        # Each pattern with a part all its matches hold (``gated_patterns``): most texts have none.
        self._patterns = [
            (Gated(p, needed), False) for p, needed in zip(_PERSON_SLOTS, _SLOT_NEEDS, strict=True)
        ]
        self._patterns += [
            (Gated(p), True) for p in _SPEECH_SLOTS
        ]  # all hold a verb: read once (``analyze``)
        self._vocative = re.compile(_VOCATIVE)
        self._of_company = Gated(rf"(?<![\w'’-])(?!{NOT_A_NAME}\b)({NAME}){_OF_COMPANY}", COMPANY_FORM_AHEAD)
        self._context_names = [
            Gated(p, needed)
            for p, needed in (
                (_EXCLAIMED, "!"),
                (_FORMER, "ex-"),
                (_GIVEN_DETAILS, _GIVING),
                (_GIVER, "given|gave"),
                (_OF_A_PERSON, None),  # a case-blind search for its words costs as much as the pattern
                (_PERSONS_THING, _PERSONS_THING_NEEDS),
                *((p, rf"[ \t]{_TRAIT}\b") for p in _WITH_TRAIT),
            )
        ]
        self._work_of = re.compile(_WORK_OF)
        self._with_initial = re.compile(_WITH_INITIAL)
        self._one_word_of_company = Gated(
            rf"{SENTENCE_START}(?!{NOT_A_NAME}\b)({NAME_WORD}){_ONE_WORD_OF_COMPANY}", COMPANY_FORM_AHEAD
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        organizations = _organizations(nlp_artifacts)
        speech = _SPEECH_VERB_ANYWHERE.search(text) is not None  # every speech slot holds a speech verb
        spans = {
            (m.start(1), m.end(1))
            for pattern, strict in self._patterns
            if speech or not strict
            for m in pattern.finditer(text)
            if not (strict and _organization_like(text, m.start(1), m.group(1), organizations))
            and not _place_subject(text, m.start(1), m.end(1))
        }
        spans |= {
            (m.start(1), m.end(1))
            for m in self._vocative.finditer(text)
            if not any(
                w.casefold() in STOP_WORDS or w.endswith("ly") or common_word(w) for w in m.group(1).split()
            )
        }
        spans |= {
            (m.start(1), m.end(1))
            for m in self._of_company.finditer(text)
            if person_shaped(m.group(1))  # the model's "Ann Lee of Acme Corp" organization is no objection
        }
        spans |= {
            (m.start(1), m.end(1))
            for pattern in self._context_names
            for m in pattern.finditer(text)
            if all(_name_word(w, text) for w in m.group(1).split() if len(w) > 2)
        }
        spans |= {
            (m.start(1), m.end(1))
            for m in self._work_of.finditer(text)  # after a determiner by its shape: no objection here
            if all(_name_word(w, text) for w in m.group(1).split() if len(w) > 2)
            and not any(s < m.end(1) and m.start(1) < e for s, e in organizations)
        }
        initialed = [  # also inside the model's organization
            m
            for m in self._with_initial.finditer(text)
            if all(_name_word(w, text) for w in m.group(1).split() if len(w) > 1)
        ]
        if initialed and not technical_text(text):
            spans |= {
                (m.start(1), m.end(1) - (2 if m.group(1).endswith(("'s", "’s")) else 0)) for m in initialed
            }
        spans |= {
            (m.start(1), m.end(1))
            for m in self._one_word_of_company.finditer(text)
            if _name_word(m.group(1), text)
        }
        spans |= {
            (m.start(), m.end())
            for listed in _PEOPLE_LIST.finditer(text)
            for m in _LIST_MEMBER.finditer(text, listed.start(1), listed.end(1))
            if all(_name_word(w, text) for w in m.group().split())
        }
        # Above the NER model's 0.85: where both find the same name, Presidio keeps this result, so the
        # model-only filters (one-word names in technical text, say) do not drop a name its slot vouches for.
        return [
            RecognizerResult("PERSON", start, end, _CUE_SCORE)
            for start, end in sorted(spans)
            if not _MARKER_AFTER.match(text, end)  # "directed by Rankl(+) cells": a marker, not a name
        ]


# "Sorry, Paris is closed": after an apology or thanks that opens a sentence, a known place that a clause goes
# on from is that clause's subject, not the one addressed ("Sorry, Paris" alone, "Thanks, Paris, for ..." or
# "Sorry, Paris said no" still address or name a person).
_OPENING_BEFORE = re.compile(r"(?<![\w'’-])(?i:sorry|thanks|thank[ \t]+you|congratulations),?[ \t]+$")
_CLAUSE_AFTER = re.compile(rf"[ \t]+(?!{_SPEECH_VERB}\b|(?:and|or|&|for|from|at|of|in)\b)[a-z]")


def _place_subject(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` follows "Sorry," or "Thanks," and is a known place a clause goes on from."""
    from anonymize.gazetteer import known_place

    return bool(
        _OPENING_BEFORE.search(text, max(0, start - 24), start)
        and _CLAUSE_AFTER.match(text, end)
        and known_place(text[start:end])
    )


def _name_word(word: str, text: str) -> bool:
    """A capitalized word that may be a name here: no stop word, common or organization word, and not
    written in lower case elsewhere in ``text``."""
    return not (
        word.casefold() in STOP_WORDS
        or common_word(word)
        or organization_word(word)
        or in_lower_case(word, text)
        or re.fullmatch(NOT_A_NAME, word)
    )
