"""Rules on PERSON candidates: what cannot be a name (gene symbols, acronyms, scientific terms), name-shaped
spans, the NER model's organizations that are people."""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymize.text_kinds import in_lower_case, lower_case_text
from anonymize.word_kinds import (
    INNER_CAPITAL_OK,
    NOT_PERSON_WORDS,
    SCIENCE_SUFFIX,
    common_word,
    hyphenated_name_word,
    technical_word,
)

# Lower-case words that start a surname ("van Gameren", "de Vaan").
_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "da", "di", "del", "dos", "du", "la", "le", "ten", "ter"]
)
_WORD = re.compile(r"[^\s,;:]+")
_INITIAL = re.compile(r"[A-Z]\.")


def plausible_person(
    value: str,
    text: str,
    from_model: bool,
    technical: bool = False,
    hyphenated: bool = False,
    rare_name: Callable[[str], bool] | None = None,
) -> bool:
    """False for spans that cannot be a person's name (``from_model``: found by the NER model; in
    ``technical`` text the model's one-word names are not taken; ``hyphenated``: other evidence vouches
    for hyphenated name words, "Müller-Thurgau", even where the model's alone would not be taken;
    ``rare_name``: a name word English does not use, whose lower-case mentions are the name typed in lower
    case, not a common noun: "Ouyang Jianguo ... jianguo on call", outside technical text)."""

    def common_noun(word: str) -> bool:
        # A rare name word is no common noun in technical text either ("Kawa Ahmed ... regards kawa", s20).
        return in_lower_case(word, text) and (rare_name is None or not rare_name(word))

    words = _WORD.findall(value)
    if not words or any(
        technical_word(w) and ((from_model and not hyphenated) or not hyphenated_name_word(w))
        for w in words
        if len(w.strip(".")) > 1
    ):
        return False
    if any(ch.isdigit() for ch in value):
        return False
    if from_model and technical and not person_shaped(value, hyphenated):
        return False
    if from_model and any(common_word(w) for w in words):
        return False  # "Metabolic Disorders Study", "Allosteric Inhibition", "Mitochondria"
    if from_model and len(words) > 1:
        if not lower_case_text(text):
            if words[0][0].islower() and words[0] not in _PARTICLES:
                return False  # "nonmuscle myosin II"
            if any(
                _INITIAL.fullmatch(before) and after[0].islower() and after not in _PARTICLES
                for before, after in zip(words, words[1:], strict=False)
            ):
                return False  # a species, "S. cerevisiae", not "J. de Vaan"
        # Title Case words that the text also uses in lower case: "Random Forest ... a random forest".
        common = [w for w in words if len(w) > 3 and common_noun(w.strip(".,;:!?\"'"))]
        if common and (technical or len(common) == len(words)):
            return False
    if from_model and len(words) == 1:
        word = words[0].strip(".,;:!?\"'")
        if not word:
            return False
        if not word[0].isupper():
            return lower_case_text(text)  # "ross, can i speak to your boss?", not "keratinocyte"
        # The same word in lower case elsewhere in the text is a common noun ("Discipline ... discipline");
        # followed by a digit or a hyphen it is a gene or protein family ("Dvl2", "Golli-MBP").
        if common_noun(word):
            return False
        if re.search(rf"(?<![\w-]){re.escape(word)}(?:-?\d|-[A-Za-z0-9]*[A-Z0-9])", text):
            return False
        if len(word) > 5 and SCIENCE_SUFFIX.search(word):
            return False
    return True


def person_like_organization(value: str, text: str) -> bool:
    """An organization by the NER model that is more likely a person: person-shaped, and none of its words is
    used in lower case in the text ("Helena Carlsen", not "People Operations ... operations")."""
    return person_shaped(value) and not any(in_lower_case(w.strip(".,"), text) for w in value.split())


# Small words inside a name: surname particles, patronymic links ("ibn", "bin", "ap").
_NAME_LINKS = _PARTICLES | frozenset(["bin", "binti", "bint", "ibn", "ben", "bat", "ap", "al", "el", "y"])
_ARTICLE_PREFIX = re.compile(r"^(?:al|el)-(?=[A-Z])")


def person_shaped(value: str, hyphenated: bool = False) -> bool:
    """Two or three capitalized words with no organization, place or title word: "Helena Carlsen"; with
    ``hyphenated``, also "Lom-Ali Korgay" (not for the NER model's spans: "Bristol-Myers Squibb")."""
    words = value.split()
    if not 2 <= len(words) <= 4:
        return False
    initials = 0
    for word in words:
        bare = word.rstrip(".")
        if hyphenated and word != words[0] and word != words[-1] and bare in _NAME_LINKS:
            continue  # "Bilal ibn Yusuf al-Qudsi", "Anthony van den Oord" (other evidence vouches for it)
        if hyphenated and _ARTICLE_PREFIX.match(bare):
            word = bare = bare[3:]  # "al-Qudsi", "el-Masri"
        hyphen_ok = hyphenated and hyphenated_name_word(bare)
        if bare.casefold() in NOT_PERSON_WORDS or (technical_word(word) and not hyphen_ok):
            return False
        if len(bare) == 1 and bare.isupper():
            initials += 1
            continue
        if not (bare[:1].isupper() and bare[1:].replace("-", "").replace("'", "").isalpha()):
            return False
        if bare[1:] != bare[1:].lower() and not INNER_CAPITAL_OK.match(bare) and not hyphen_ok:
            return False
    dotted = all(w.endswith(".") for w in words if len(w.rstrip(".")) == 1)  # "J. Okonkwo", not "V Leiden"
    return initials < len(words) if dotted else initials < len(words) - 1
