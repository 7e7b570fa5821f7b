"""The fail-safe for persons the NER model types as organizations or places ("Gil de Ferran", "ex-Zombie
McKenzie", "the van Gijn novel", "early Mikaelsen?").

ORGANIZATION and LOCATION are detected but not pseudonymized by default, so a person the model types as one
stays in clear in the index: the worst failure the detector has. Here an NER organization or place becomes a
PERSON when two independent signals say person:

* the lexicon: every word of it is a given name or surname of ``names-dataset`` that is no frequent English
  word (one weak signal, never enough alone: "Morgan Stanley" is a given name and a surname);
* a name's shape that companies and places rarely have: a given name, a particle and a surname ("Gil de
  Ferran", "Rhys ap Gwilym"), an initial before a surname ("J. Okonkwo");
* a person's cue before it: a title, a role, a verb whose object is a person, "ex-" and a band (in the span
  or before it: "ex-Bluebell McTavish"), the work of an author or performer ("the van Gijn novel",
  "starring ...");
* a person's cue after it: a verb only people take ("... said", "..., who"), a relation ("'s daughter"), a
  country in brackets as results and attendee lists give one ("Natalya Golodnova ( Russia ) 1.85");
* the same words found as a person elsewhere in the text, or a found person in the same "X and Y".

And nothing against it: no known place or country, no place's slot ("in X", "the X office"), no company's or
place's word ("Bank", "Street"), no company form after it, no word the text also writes in lower case, no
determiner before it unless an author's work follows. The re-typed span stays the model's result (tier 2),
so the model's person filters and every later step read it as they read the model's persons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.company_names import COMPANY_LAST_WORDS, company_named
from anonymize.gazetteer import country_names, known_place, place_slot
from anonymize.name_extent import PARTICLES, ner_person
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import (
    ABSENT,
    CONTACT_VERBS,
    CREDITS,
    FATE_VERBS,
    KIN,
    PASSIVE_FATES,
    PEOPLE_ROLES,
    ROLE_TITLES,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    WHO,
    passive,
    verb_before,
)
from anonymize.recognizers.name_evidence import title_caps
from anonymize.results import copy_span, tier
from anonymize.text import COMPANY_FORM_AHEAD, STOP_WORDS
from anonymize.text_kinds import in_lower_case
from anonymize.word_kinds import organization_word

RETYPED = "RetypedPerson"  # a hyphenated name two signals re-typed (a rule's result, not the model's)
_NEEDED = 2
# The NER's readings a person is often given: an organization, a place, or a nationality or group ("Cards are
# with Dennis." read as NRP); none of them is pseudonymized by default.
_RETYPED_FROM = frozenset(["ORGANIZATION", "LOCATION", "NRP"])
_MAX_WORDS = 4
_U = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# One word of a name: "Ferran", "McKenzie", "O'Neil", "DeShields", "Kelemen-Tóth", "MaliVai"; an initial: "J."
_NAME_WORD = re.compile(
    rf"(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le)?[{_U}][{_L}]+(?:['’][{_L}]+)?(?:-[{_U}]?[{_L}]+)*|[{_U}][{_L}]+[{_U}][{_L}]+"
)
_INITIAL = re.compile(rf"[{_U}]\.")
# Leading words that are no part of the name; a title, a role or "ex-Band" is a cue besides.
_DETERMINER = re.compile(r"(?i:the|a|an)[ \t]+")
_FORMER = re.compile(rf"ex-[{_U}{_L}][\w'’-]*[ \t]+", re.IGNORECASE)
_TITLE = r"(?i:mr|mrs|ms|miss|mx|dr|prof|sir|dame|frau|herr|mme|madame|monsieur|señor|señora|signora|signor)"
_TITLE_WORD = re.compile(rf"{_TITLE}\.?[ \t]+")
# What ends the model's span and is no part of a name: a possessive, brackets and punctuation.
_TRAILING = re.compile(r"(?:[ \t]?['’]s)?[ \t(\[,.;:!?\"“”]*$")
# Members of "X and Y", "X, Y": each is judged alone ("Laurent Cabannes and Laurent Benezech").
_MEMBER_SEPARATOR = re.compile(r"[ \t]*(?:,|&|\band\b)[ \t]*")

_RARE_ZIPF = 2.5  # a word English barely knows ("Golodnova", "Iorwerth")
_PARTICLE_BEFORE = re.compile(rf"(?:(?<![\w'’-])({_NAME_WORD.pattern})[ \t]+)?(?<![\w'’-])([a-z]+)[ \t]+$")
_PARTICLE_AFTER = re.compile(rf"[ \t]+([a-z]+)[ \t]+(?:{_NAME_WORD.pattern})(?![\w'’-])")
_FORMER_BEFORE = re.compile(rf"(?<![\w'’-])ex-[{_U}{_L}][\w'’-]*[ \t]+$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(rf"(?<![\w'’]){_TITLE}\.?[ \t]+$")
_ROLE_BEFORE = re.compile(r"(?<![\w'’-])([\w-]+)\.?[ \t]+$")
_PERSON_VERB_BEFORE = verb_before(CONTACT_VERBS, CREDITS)
# The work of an author or performer after the name: "the van Gijn novel", "a Sierra DeRose concert".
_WORK_AFTER = re.compile(
    r"[ \t]+(?:novel|novels|concert|concerts|biography|memoir|autobiography|version|recording|song|songs|"
    r"album|poem|poems|painting|portrait|symphony|sonata|opera|lecture|speech|interview)\b"
)
_PERSON_AFTER = re.compile(
    rf"[ \t]*(?:{WHO}|['’]s[ \t]+(?:{KIN})\b|[ \t]+(?:{SPEECH_VERBS}|{FATE_VERBS}|"
    rf"{passive('born|' + PASSIVE_FATES)}|spent[ \t]+a[ \t]+year|{THOUGHT_VERBS}|{ABSENT})\b)"
)
_COMPANY_AHEAD = re.compile(rf"[ \t,]+(?:[A-Z][\w'’.-]*[ \t]+){{0,2}}{COMPANY_FORM_AHEAD}")


def retype_persons(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with each NER organization or place that two signals call a person (and nothing calls
    something else) replaced by PERSON results over its names (one for each member of "X and Y")."""
    if lexicon is None:
        return results
    if not any(tier(r) == 2 and r.entity_type in _RETYPED_FROM for r in results):
        return results
    shadow = title_caps(text)  # all-caps lines read title-cased, same offsets
    persons = [r for r in results if r.entity_type == "PERSON"]
    out: list[RecognizerResult] = []
    dropped: set[int] = set()
    for r in results:
        if (
            tier(r) != 2
            or r.entity_type not in _RETYPED_FROM
            or any(p.start < r.end and r.start < p.end and not _within(p, r) for p in persons)
            or company_named(text, r)
        ):
            out.append(r)
            continue
        members = _members(shadow, r.start, r.end)
        names = [_name(text, shadow, r, start, end, persons, lexicon) for start, end in members]
        # The shape alone names each member of "X and Y" only when it names them all ("Laurent Cabannes and
        # Laurent Benezech"; not "Guangdong Post and Telecommunications Administration").
        by_shape = all(name is not None for name in names)
        found = [copy_span(r, *name[:2]) for name in names if name is not None and (name[2] or by_shape)]
        # Where another recognizer found the same name, its person stays; a part of the name found before
        # ("Mc" of "McKenzie") gives way to the whole name.
        found = [f for f in found if not any((p.start, p.end) == (f.start, f.end) for p in persons)]
        for person in found:
            person.entity_type = "PERSON"
            if "-" in shadow[person.start : person.end] and any(
                n and n[:2] == (person.start, person.end) and n[2] for n in names
            ):
                # Two signals vouch for the hyphenated word, which the model's persons alone do not carry
                # past the filters ("Kelemen-Tóth Zsófia"; a gene's "Bardet-Biedl" stays a word).
                person.recognition_metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: RETYPED}
            dropped.update(id(p) for p in persons if _inside(p, person))
        out.extend(found or [r])
    return [r for r in out if id(r) not in dropped]


def _within(inner: RecognizerResult, outer: RecognizerResult) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _inside(inner: RecognizerResult, outer: RecognizerResult) -> bool:
    """``inner`` lies inside ``outer`` and is shorter."""
    shorter = inner.end - inner.start < outer.end - outer.start
    return outer.start <= inner.start and inner.end <= outer.end and shorter


def _members(shadow: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names of the span: without trailing punctuation or a possessive, cut at "and", "&" and commas."""
    trail = _TRAILING.search(shadow, start, end)
    end = trail.start() if trail else end
    members, position = [], start
    for sep in [*_MEMBER_SEPARATOR.finditer(shadow, start, end), None]:
        stop = sep.start() if sep else end
        if stop > position:
            members.append((position, stop))
        position = sep.end() if sep else end
    return members


def _name(
    text: str,
    shadow: str,
    result: RecognizerResult,
    start: int,
    end: int,
    persons: Sequence[RecognizerResult],
    lexicon: NameLexicon,
) -> tuple[int, int, bool] | None:
    """Where the person's name in ``shadow[start:end]`` (a member of ``result``) lies, when nothing speaks
    against it and two signals say person (then True), or when only the shape of a person's name the model's
    own spans are read by does (then False); else None."""
    cue_before = False
    for lead in (_DETERMINER, _FORMER, _TITLE_WORD):  # "the van Gijn", "ex-Zombie McKenzie", "MR DE LOS RÍOS"
        match = lead.match(shadow, start, end)
        if match:
            cue_before = cue_before or lead is not _DETERMINER
            start = match.end()
    role = _ROLE_BEFORE.match(shadow, start, end)
    if role and _role(role.group(1)) and " " in shadow[role.end() : end]:
        start, cue_before = role.end(), True  # "Centre Walter Little"
    start = _particle_before(shadow, start, lexicon)
    after = _PARTICLE_AFTER.match(shadow, end)  # "Owain" + " ap Llywelyn"
    if after and after.group(1) in PARTICLES and end == result.end:
        end = after.end()
    value = shadow[start:end]
    parts = value.split()
    named = [w for w in parts if not (w.islower() and w in PARTICLES)]
    if not named or len(named) > _MAX_WORDS or parts[-1] is not named[-1]:
        return None  # a particle may lead ("van Gijn", "de Silva"), not end the name
    if not all(_NAME_WORD.fullmatch(w) or _INITIAL.fullmatch(w) for w in named):
        return None
    if _against(text, shadow, start, end, named):
        return None
    before = shadow[max(0, start - 40) : start]
    work = bool(_WORK_AFTER.match(shadow, end))
    determiner = re.search(r"(?<![\w'’])(?i:the|a|an)[ \t]+$", before) is not None
    if determiner and not work:
        return None  # "the Royals", "the Jordan account"
    if place_slot(shadow, start, end) and not (work or cue_before or _TITLE_BEFORE.search(before)):
        return None  # "in Valencia", "Amman, Jordan", "the Victoria office"
    cue_before = cue_before or work or _cue_before(before)
    points = sum(
        (
            _lexicon_name(named, lexicon),
            _name_shape(parts, lexicon),
            cue_before,
            bool(_PERSON_AFTER.match(shadow, end)) or _country_after(shadow, end),
            _found_elsewhere(text, named, start, end, persons, result.start),
            _coordinated(shadow, start, end, persons),
        )
    )
    if points >= _NEEDED:
        return start, end, True
    if (start, end) != (result.start, result.end) and _shaped_as_person(text, result, start, end, lexicon):
        return start, end, False  # the model's organization or place without its "'s", brackets or "and ..."
    return None


def _shaped_as_person(
    text: str, result: RecognizerResult, start: int, end: int, lexicon: NameLexicon
) -> bool:
    """The rule for the model's whole spans (``name_extent.ner_person``: "Helena Carlsen", a lexicon given
    name and surname) holds for the name inside the span ("Ruben Sierra" of "Ruben Sierra 's")."""
    return ner_person(text, copy_span(result, start, end), lexicon).entity_type == "PERSON"


def _against(text: str, shadow: str, start: int, end: int, named: list[str]) -> bool:
    """A word or a neighbour that says organization, place or common noun."""
    value = shadow[start:end]
    if known_place(value) or value.casefold() in country_names():
        return True
    for word in named:
        folded = word.casefold()
        if folded in STOP_WORDS or folded in country_names() or organization_word(word):
            return True
        if folded in COMPANY_LAST_WORDS:
            return True
        original = text[shadow.index(word, start) : shadow.index(word, start) + len(word)]
        if original[1:].islower() and in_lower_case(original, text):
            return True  # "Bishop ... the bishop"
    return _COMPANY_AHEAD.match(shadow, end) is not None


def _cue_before(before: str) -> bool:
    """A title, a role or a verb whose object is a person right before the name."""
    if _TITLE_BEFORE.search(before) or _PERSON_VERB_BEFORE.search(before) or _FORMER_BEFORE.search(before):
        return True
    role = _ROLE_BEFORE.search(before)
    return role is not None and _role(role.group(1))


def _role(word: str) -> bool:
    folded = word.casefold()
    return folded in ROLE_TITLES or folded in PEOPLE_ROLES


def _particle_before(shadow: str, start: int, lexicon: NameLexicon) -> int:
    """Where the name starts when the model left out its particle, or its given name and particle, before
    it ("Bronwen ap" of "Bronwen ap Iorwerth", the model's place "Iorwerth"); the particle and surname after
    it are taken the same way ("Owain" + "ap Llywelyn")."""
    match = _PARTICLE_BEFORE.search(shadow, max(0, start - 40), start)
    if match is None or match.group(2) not in PARTICLES:
        return start
    given = match.group(1)
    if given and lexicon.given_name(given):
        return match.start(1)
    return match.start(2)


def _lexicon_name(named: list[str], lexicon: NameLexicon) -> bool:
    """Every word a lexicon name that is no frequent English word, or a lexicon given name first and words
    English barely knows after it ("Natalya Golodnova", "Ainars Kiksis"; not "Morgan Stanley")."""
    words = [w for w in named if not _INITIAL.fullmatch(w)]
    if not words:
        return False
    if all(lexicon.name_word(w) for w in words):
        return True
    return (
        len(words) > 1
        and lexicon.given_name(words[0])
        and all(lexicon.name_word(w) or _rare(w) for w in words[1:])
    )


def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") < _RARE_ZIPF


def _name_shape(parts: list[str], lexicon: NameLexicon) -> bool:
    """A given name, a particle and a surname ("Gil de Ferran", "Rhys ap Gwilym"), a surname after its
    particle ("van Gijn"), or initials before a surname ("J. R. Okonkwo")."""
    if len(parts) < 2:
        return False
    if parts[0].islower() and parts[0] in PARTICLES and parts[-1][:1].isupper():
        return True  # "van Gijn", "de la Cruz"
    particle = any(w.islower() and w in PARTICLES for w in parts[1:-1])
    if particle and lexicon.given_name(parts[0]) and parts[-1][:1].isupper():
        return True
    return all(_INITIAL.fullmatch(w) for w in parts[:-1]) and lexicon.name_word(parts[-1])


def _found_elsewhere(
    text: str, named: list[str], start: int, end: int, persons: Sequence[RecognizerResult], span_start: int
) -> bool:
    """A word of the name (three letters or more) is a word of a person found elsewhere in the text."""
    words = {w.casefold() for w in named if len(w) > 2}
    for p in persons:
        if p.start < end and start < p.end or p.start < span_start < p.end:
            continue
        if words & {w.casefold() for w in re.findall(r"[\w'’-]+", text[p.start : p.end])}:
            return True
    return False


_JOINED = re.compile(r"[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*")


def _coordinated(shadow: str, start: int, end: int, persons: Sequence[RecognizerResult]) -> bool:
    """A person found by another result right before or after, joined by "and", "or", "&" or a comma
    ("Sjöberg and Cantu" once "Sjöberg" is found)."""
    for p in persons:
        if p.end <= start and (joint := _JOINED.match(shadow, p.end, start)) and joint.end() == start:
            return True
        if end <= p.start and (joint := _JOINED.match(shadow, end, p.start)) and joint.end() == p.start:
            return True
    return False


_BRACKETED_AFTER = re.compile(r"[ \t]*\([ \t]*([^()\n]{2,40}?)[ \t]*\)")


def _country_after(shadow: str, end: int) -> bool:
    """A country in brackets after the name, as results and attendee lists give one ("Natalya Golodnova
    ( Russia ) 1.85")."""
    match = _BRACKETED_AFTER.match(shadow, end)
    return match is not None and match.group(1).casefold() in country_names()
