"""Names by several weak signals: a name lexicon, the NER model, the shape of lists and tables, context.

The NER model misses names it has not seen (a foreign surname, a name in a score card or a team sheet, an
all-caps headline) or types them as places and organizations. No single weak signal is enough to call a
capitalized span a person; two are (fail safe: a name missed is stored in clear). The signals, one point each:

* **lexicon**: every word is a given name or surname of the names-dataset lexicon that is not a frequent
  English word ("Medved", "Chandana"); initials and particles (van der, al-, bin) do not count against it;
* **full name**: a given name (or an initial) then a lexicon surname ("Dirk Medved", "M. Waugh");
* **model**: the NER model calls an overlapping span a person;
* **structure**: a line of a list or table: a rank or number before ("3 - ", "12. ", "62 "), a
  parenthesis or a number after ("( Pakistan )", "111", "4-0-25-0"), a headline's "SPORT - ", or a member of
  a comma list of three or more capitalized items (a team sheet);
* **context**: a title or role before ("coach", "striker", "President", "Sir"), a verb that takes a person
  ("call Lombardi", "thanked Okoro") or a role's label ("Minutes: Ragnhild") before, or a person's verb or
  pronoun after (", who", "said", "told", "sends the invite"); in such a slot the NER model's place of one
  word that no gazetteer knows does not count against it (the model reads rare names as places).

After a Gaelic particle ("Mac", "Ó", "Ní") the next word or two are the surname, known to the lexicon or not
("RUAIRÍ Ó DUBHGHAILL", "CATHAL MAC GIOLLA CHOMHAILL").

Against: the NER model's place covering the whole span (-1), a word written in lower case elsewhere in the
text, an organization or place word ("United", "Street"). All-caps text is read title-cased (same offsets).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.caps_names import same_length_lower
from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.name_patterns import GAELIC_PARTICLES
from anonymize.person_cues import (
    ABSENT,
    AGENT_BY,
    CONTACT_VERBS,
    FATE_VERBS,
    LIFE_VERBS,
    MEMO_VERBS,
    NAME_EVIDENCE_ROLES,
    PASSIVE_FATES,
    ROLE_TITLES,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    WHO,
    passive,
    role_before,
    verb_before,
)
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.recognizers.name_cues import NOT_A_NAME
from anonymize.recognizers.name_structure import in_table, line_before
from anonymize.recognizers.person_slots import person_slot as work_slot
from anonymize.recognizers.person_slots import rare_name, rare_word, sender_slot, unknown_name_word
from anonymize.recognizers.word_slots import (
    place_head_before,
    score_card_slot,
    series_member,
    unknown_in_score_card,
)
from anonymize.text import STOP_WORDS
from anonymize.text_kinds import in_lower_case
from anonymize.word_kinds import organization_word

RECOGNIZER = "NameEvidenceRecognizer"
# Metadata key of a result: its place in the text (a table's structure, a person's slot) vouched for it.
SITUATED = "situated"
IN_PERSON_SLOT = "person_slot"  # metadata key: a person's slot (a role, a verb, a team) vouched for it
_NEEDED = 2
_SCORE = 0.9  # above the NER model's 0.85: where both find a span, this result is kept

_U = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"  # Latin Extended-A, -B and Additional: cases interleave
_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"  # (Vietnamese "Nguyễn Văn Đức")
# An apostrophe inside a name ("N'Diaye" read title-cased, "Ma'afu"), not a possessive's "'s" after it.
_CAP = rf"(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le)?[{_U}][{_L}]+(?:['’](?!s(?!\w))[{_L}]+)?(?:-[{_U}]?[{_L}]+)*"
_POSSESSIVE_AHEAD = r"(?=['’]s(?!\w))"
_INITIAL = rf"[{_U}]\.(?:[ \t]?[{_U}]\.)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|dos|du|la|le|los|las|ten|ter|bin|ibn|al|el|abu|ul|ur)"
# Irish and Scottish Gaelic particles, capitalized: "Tomás Ó Briain", "Fionnuala Ní Bhriain", "Seán Mac Giolla
# Bhríde" (an all-caps line is read title-cased: "NÍ" as "Ní"); part of the name, no evidence of it.
_GAELIC = "(?:" + "|".join(GAELIC_PARTICLES) + ")"
# Capitalized too, from an all-caps line read title-cased ("JOSÉ MANUEL DE LOS RÍOS IBARRA" as "De Los Ríos"),
# except the articles that start a title as often ("LA PRESSE", "EL PAIS", "LE MONDE").
_CAPITAL_PARTICLE = r"(?:Van|Von|De|Der|Den|Del|Dos|Das|Los|Las|Ten|Ter|Bin|Ibn)"
_FILLER = re.compile(rf"{_INITIAL}|{_PARTICLE}|{_CAPITAL_PARTICLE}|{_GAELIC}")
_PART = rf"(?:{_PARTICLE}[ \t-]+|{_GAELIC}[ \t]+(?=[{_U}]))*{_CAP}"
_CANDIDATE = re.compile(
    rf"(?<![\w'’.-])(?:{_INITIAL} ?)?{_PART}(?: (?:{_PART}|{_INITIAL}(?= {_CAP})))*"
    rf"(?:(?![\w'’-])|{_POSSESSIVE_AHEAD})"  # "Tunde Bakare's laptop": the name before the possessive
)
_ALL_CAPS_WORD = re.compile(rf"(?<![\w'’-])[{_U}][{_U}'’-]*[{_U}](?![\w'’-])")
_CAPS_LINE = re.compile(r"(?m)^(?=[^\n]*[A-Z][A-Z])(?![^\n]*[a-z][^\n]*[a-z][^\n]*[a-z])[^\n]*$")
_WORD_SPLIT = re.compile(r"[ \t]+")

# A news dateline ("MONTE CARLO 1996-08-30") or a label ("Scorer :").
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[A-Z][\w.]*[ \t]*)?\d{4}-\d\d-\d\d")
_LABEL_AFTER = re.compile(r"[ \t]*:")
_ROLE_BEFORE = role_before(NAME_EVIDENCE_ROLES)
_PERSON_VERB_BEFORE = verb_before(CONTACT_VERBS, "cc", AGENT_BY)
_PERSON_AFTER = re.compile(
    rf"[ \t]*(?:{WHO}|\((?:[ \t]*\d+[ \t]*-[ \t]*\d+[ \t]*)\)|"
    rf"(?:{SPEECH_VERBS}|{FATE_VERBS}|{THOUGHT_VERBS}|scored|threw|pitched|struck|hit|smashed|signed|born|"
    r"was[ \t]+born|asked|agreed|reported|confirmed|warned|joined|retired|thanked|proposed|presented|"
    rf"completed|wrote|{passive(PASSIVE_FATES + '|named|quoted|dismissed|asked|charged|released')}|"
    rf"{MEMO_VERBS}|{LIFE_VERBS}|{ABSENT})\b)"
)
# A label that names a person's role in a meeting or a record, anywhere in its line: "Minutes: Ragnhild",
# "Chair: Oddvar", "Assignee: Mele" (the line's first label counts as a table's structure already).
_ROLE_LABEL_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:minutes|minute-?taker|note-?taker|notes[ \t]+by|chair|chaired[ \t]+by|host|owner|"
    r"assignee|assigned[ \t]+to|reporter|reported[ \t]+by|approver|approved[ \t]+by|reviewer|"
    r"reviewed[ \t]+by|facilitator|organi[sz]er|presenter|prepared[ \t]+by|signed[ \t]+by)[ \t]*:[ \t]*$"
)
_NOT_A_NAME = re.compile(NOT_A_NAME)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|its|their|our|his|her)[ \t]+$")
_NER_PLACES, _NER_PERSON = ("GPE", "LOC", "FAC", "LOCATION"), ("PERSON", "PER")


class NameEvidenceRecognizer(LexiconPersonRecognizer):
    """PERSON spans that two or more weak signals vouch for (see the module doc)."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(lexicon, RECOGNIZER)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        shadow = title_caps(text)
        persons, places, organizations = _ner_spans(nlp_artifacts)
        candidates = [(m.start(), m.end()) for m in _CANDIDATE.finditer(shadow)]
        spans: list[tuple[int, int, bool, bool]] = []
        for index, (start, end) in enumerate(candidates):
            value = shadow[start:end]
            if value.casefold() in self.countries or _DATELINE_AFTER.match(shadow, end):
                continue
            if " " not in value and _LABEL_AFTER.match(shadow, end) and not sender_slot(shadow, start, end):
                continue
            relaxed: list[tuple[int, int]] = []
            for s, e in self._name_runs(shadow, text, start, end, relaxed):
                points, situated, slot = self._evidence(
                    shadow, text, s, e, (candidates, index), persons, places, organizations
                )
                # an everyday surname after a given name ("Walter Little") needs a slot: not "the Roman Wall"
                if points >= _NEEDED and (situated or not any(s <= a and b <= e for a, b in relaxed)):
                    spans.append((s, e, situated, slot))
        return [
            RecognizerResult(
                "PERSON", s, e, _SCORE, recognition_metadata={SITUATED: situated, IN_PERSON_SLOT: slot}
            )
            for s, e, situated, slot in spans
        ]

    def _name_runs(
        self, shadow: str, text: str, start: int, end: int, relaxed: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The candidate when no word speaks against it, else its runs of lexicon name words (``relaxed``
        gets the everyday words taken for a surname after a given name)."""
        words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", shadow[start:end])]
        texts = [shadow[s:e] for s, e in words]
        bad = [
            not _FILLER.fullmatch(shadow[s:e]) and self._against(shadow[s:e], text[s:e], text)
            for s, e in words
        ]
        for i in range(1, len(words)):
            # After a Gaelic particle, a capitalized word is the surname the particle vouches for, in capitals
            # too ("RUAIRÍ Ó DUBHGHAILL", "CATHAL MAC GIOLLA CHOMHAILL"): no word against the name.
            if bad[i] and _after_gaelic(texts, i) and not self._against(shadow[slice(*words[i])], "", ""):
                bad[i] = False
        for i in range(len(words) - 1):
            # "Hope Adeyemi" where "no hope" is written too, "Will Thornbury": an English speaker's given
            # name that is an everyday word, before a surname, is a name there.
            if bad[i] and not bad[i + 1] and self._given_before_surname(shadow, text, words[i], words[i + 1]):
                bad[i] = False
            elif not bad[i] and bad[i + 1] and self._english_given_first(shadow, text, *words[i : i + 2]):
                bad[i + 1] = False  # "Walter Little": a surname that is an everyday word too
                relaxed.append(words[i + 1])
        if not any(bad):
            # "Yesterday Jane Doe", "Centre Walter Little": a leading word, no name, before a given name.
            first = 0
            while (
                first < len(words) - 1
                and not _FILLER.fullmatch(shadow[slice(*words[first])])  # "M. Slater": an initial stays
                and not self.lexicon.name_word(shadow[slice(*words[first])])
                and shadow[slice(*words[first + 1])].casefold() in self.lexicon.given
                and not self._given_before_surname(shadow, text, words[first], words[first + 1])
                and not self._english_given_first(shadow, text, words[first], words[first + 1])
            ):
                first += 1
            return [(words[first][0], end)]
        runs: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for index, ((s, e), against) in enumerate([*zip(words, bad, strict=True), ((0, 0), True)]):
            if not against and (
                self.lexicon.name_word(shadow[s:e].strip("'’")) or (run and _after_gaelic(texts, index))
            ):
                run.append((s, e))
                continue
            if run and re.fullmatch(_GAELIC, shadow[s:e]):  # "Pádraig Ó Súilleabháin": inside a run
                run.append((s, e))
                continue
            while run and _FILLER.fullmatch(shadow[slice(*run[-1])]):
                run.pop()
            if run:
                runs.append((run[0][0], run[-1][1]))
            run = []
        return runs

    def _against(self, word: str, original: str, text: str, lower_ok: bool = False) -> bool:
        """``word`` speaks against a name (``lower_ok``: its use as a word elsewhere does not, nor its being a
        stop word: "Will" of "Will Thornbury")."""
        folded = word.casefold()
        return (
            (not lower_ok and folded in STOP_WORDS)
            or folded in self.countries
            or bool(_NOT_A_NAME.fullmatch(word))
            or organization_word(word)
            or (not lower_ok and original[1:].islower() and self._common_noun(word, original, text))
            or (original.isupper() and len(original) > 1 and not self.lexicon.name_word(word))
        )

    def _common_noun(self, word: str, original: str, text: str) -> bool:
        """Written in lower case elsewhere, and no rare name ("Babak Mousavi ... babak m.": the name)."""
        return in_lower_case(original, text) and not rare_name(word, self.lexicon)

    def _english_given_first(
        self, shadow: str, text: str, given: tuple[int, int], surname: tuple[int, int]
    ) -> bool:
        """A given name English speakers bear (no title: "Prince") before a surname, both everyday words too
        ("Walter Little"): the given name stays in the name, and the surname is no word against it."""
        word = shadow[slice(*given)].casefold()
        return (
            word in self.lexicon.english_given
            and word not in ROLE_TITLES
            and shadow[slice(*surname)].casefold() in self.lexicon.surnames
            and not self._against(shadow[slice(*surname)], text[slice(*surname)], text, lower_ok=True)
        )

    def _english_given_lead(self, cores: list[str], index: int) -> bool:
        """The first of two or more words is a given name English speakers bear that is an everyday word too,
        before a surname of the lexicon that is none ("Hope Fairbairn", "Sydney Okafor", "Paris Nguyen"): the
        lexicon vouches for the pair, not for "Hope" alone."""
        folded = cores[0].casefold()
        return (
            index == 0
            and len(cores) > 1
            and folded in self.lexicon.english_given
            and folded not in ROLE_TITLES
            and self.lexicon.surname(cores[-1])
        )

    def _given_before_surname(
        self, shadow: str, text: str, given: tuple[int, int], surname: tuple[int, int]
    ) -> bool:
        word = shadow[slice(*given)]
        return (
            word.casefold() in self.lexicon.english_given
            and self._surname_or_double(shadow[slice(*surname)])
            and not self._against(word, text[slice(*given)], text, lower_ok=True)
        )

    def _surname_or_double(self, word: str) -> bool:
        """A surname of the lexicon, or a double-barrelled one with a surname of the lexicon among its parts
        and words English does not use for the others ("Oduya-Mensah")."""
        parts = word.split("-")
        if self.lexicon.surname(word) or len(parts) < 2:
            return self.lexicon.surname(word)
        return any(self.lexicon.surname(p) for p in parts) and all(
            self.lexicon.surname(p) or rare_word(p) for p in parts
        )

    def _evidence(
        self,
        shadow: str,
        text: str,
        start: int,
        end: int,
        candidates: tuple[list[tuple[int, int]], int],
        persons: list[tuple[int, int]],
        places: list[tuple[int, int]],
        organizations: list[tuple[int, int]],
    ) -> tuple[int, bool, bool]:
        """The points for and against a name, whether its place in the text (a table's or a list's
        structure, a person's slot) is among the points for it, and whether a person's slot is."""
        words = _WORD_SPLIT.split(shadow[start:end])
        named = [w for w in words if not _FILLER.fullmatch(w)]
        cores = [re.sub(rf"^(?i:{_PARTICLE}-)", "", w) for w in named]  # "Al-Saadani", "El-Masri"
        if not cores:
            return 0, False, False
        if (len(words) == 1 and series_member(shadow, start, end)) or place_head_before(shadow, start):
            return 0, False, False  # "Apoa, Apob": a series' symbols; "San Diego Chargers": a place's team
        points = 0
        before = line_before(shadow, start)
        at_work = work_slot(shadow, start, end, self.lexicon)  # "Máire from catering", "Femi or Blessing"
        person_slot = bool(
            at_work  # known already: no search needed then
            or _ROLE_BEFORE.search(before)
            or _PERSON_VERB_BEFORE.search(before)
            or (":" in before and _ROLE_LABEL_BEFORE.search(before))
            or _PERSON_AFTER.match(shadow, end)
            or score_card_slot(shadow, start, end)  # a score card's fielder or bowler: "c Healy b Fleming"
        )
        # After a particle inside the name (not its first word): "Ó Dubhghaill" of "Ruairí Ó Dubhghaill".
        vouched = {w for i, w in enumerate(words) if _after_gaelic(words, i, first=1)}
        if all(
            self.lexicon.name_word(w) or w in vouched or self._english_given_lead(cores, i)
            for i, w in enumerate(cores)
        ):
            points += 1
        elif at_work and all(self.lexicon.name_word(w) or unknown_name_word(w) for w in cores):
            points += (
                1  # names no lexicon holds, in a work slot: "daughter Ngaire", "Ngāhuia from the bureau"
            )
        elif len(words) == 1:
            if not unknown_in_score_card(shadow, start, end):
                return 0, False, False  # one word that is no name of the lexicon ("Early", "Campus")
            points += 1  # a word English does not know, where a score card names a person
        first = words[0]
        # A given name (or an initial) first, then a capitalized word: "Igor Trandenkov", "M. Waugh".
        initial = bool(re.fullmatch(_INITIAL, first))
        given = first.casefold() in self.lexicon.given  # "Will Thornbury": a common word too, yet first
        if (len(named) > 1 or (len(words) > 1 and initial)) and (initial or given):
            points += 1
        elif any(re.fullmatch(_GAELIC, w) for w in words[:-1]):
            points += 1  # "Ní Bhriain", "Ó Briain": a particle that only names bear, before a name word
        # The model's person, not one that takes in more ("Pol II" is no vote for "Pol").
        if any(s < end and start < e and start - 3 <= s and e <= end + 3 for s, e in persons):
            points += 1
        table = in_table(shadow, start, end, candidates)
        points += table
        points += person_slot
        if _DETERMINER_BEFORE.search(shadow, max(0, start - 8), start):
            points -= 1  # "the Royals", "the Xinhua news agency"
        # The model's place, unless the model also reads a person there, or one word no known place stands in
        # a person's slot ("call Lombardi", "thanked Okoro", "Väinö, who"): the model reads rare names as
        # places.
        if (
            any(s <= start and end <= e for s, e in places)
            and not any(s < end and start < e for s, e in persons)
            and not (person_slot and " " not in shadow[start:end] and not known_place(shadow[start:end]))
            and not (at_work and not known_place(shadow[start:end]))  # "mother Ndèye Coumba Mbaye"
        ):
            points -= 1
        # The model's organization of about the same extent ("Deportivo Coruna", "Reuters"); not one that
        # takes in more ("Romania - Cosmin Contra", "Laurent Cabannes and Laurent Benezech"), nor one word in
        # a person's slot ("Tarango , whose", "Wang was jailed": the model's one-word organization is as
        # often a rare name).
        # Nor on an all-caps line, which the model reads poorly: it types most capitals there as organizations
        # ("THEIR LEAD IS FIONNUALA NÍ BHRIAIN").
        if (
            text[start:end] == shadow[start:end]
            and not at_work  # "Nagy-Lakatos Márta, her manager", "RN Sione Fifita"
            and any(
                abs(s - start) + abs(e - end) <= 3 and not (person_slot and " " not in shadow[s:e].strip())
                for s, e in organizations
            )
        ):
            points -= 1
        # A word joined to the one before by a dash is part of a compound ("Hutchinson–Gilford"), not on a
        # list's line.
        joined = start > 1 and shadow[start - 1] in "-–—/" and shadow[start - 2].isalnum()
        return points, (table and not joined) or person_slot, person_slot


# The words that join a Gaelic particle to the surname after them: "Mac Giolla Chomhaill", "Mac Con Iomaire",
# "Mac an tSaoir".
_GAELIC_LINKS = frozenset(["giolla", "gille", "con", "an"])


def _after_gaelic(words: list[str], index: int, first: int = 0) -> bool:
    """The word at ``index`` follows a Gaelic particle (the word ``first`` or a later one), directly or after
    a linking word: the surname the particle vouches for ("Ó Dubhghaill", "Mac Giolla Chomhaill")."""
    return (index - 1 >= first and bool(re.fullmatch(_GAELIC, words[index - 1]))) or (
        index - 2 >= first
        and bool(re.fullmatch(_GAELIC, words[index - 2]))
        and words[index - 1].casefold() in _GAELIC_LINKS
    )


def title_caps(text: str) -> str:
    """``text`` with the all-caps words of all-caps lines (headlines, "KEVIN BROWN") title-cased, same
    offsets; an acronym in a line of ordinary text stays as it is."""
    return _CAPS_LINE.sub(lambda line: _ALL_CAPS_WORD.sub(lambda m: _title(m.group()), line.group()), text)


def _title(word: str) -> str:
    """An all-caps word title-cased, same length ("O'NEILL" -> "O'Neill", "MCGRATH" -> "Mcgrath")."""
    titled = word[:1] + same_length_lower(word[1:])  # "TEKSTİL": "İ".lower() is two characters
    return re.sub(r"(?<=['’-])[a-z]", lambda m: m.group().upper(), titled)


def _ner_spans(nlp_artifacts: object) -> tuple[list[tuple[int, int]], ...]:
    """The NER model's persons, places and organizations."""
    entities = getattr(nlp_artifacts, "entities", None) or []
    persons = [(e.start_char, e.end_char) for e in entities if e.label_ in _NER_PERSON]
    places = [(e.start_char, e.end_char) for e in entities if e.label_ in _NER_PLACES]
    organizations = [(e.start_char, e.end_char) for e in entities if e.label_ in ("ORG", "ORGANIZATION")]
    return persons, places, organizations
