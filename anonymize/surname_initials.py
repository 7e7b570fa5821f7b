"""A surname followed by its bearer's initials, where no other mention names the person in full:
"Bekzhanov A.K.", "Ivanov V.P.", "Sarsenbayev Ye.", "TSIKLAURI G." in transcripts, tickets and registers.

Post-Soviet, Georgian and many administrative records write a person as the surname and the initials of the
given name (and patronymic). ``anonymize.initial_tails`` grows such a name when the text names its bearer in
full elsewhere; without that, the surname alone may be found and dropped (a table of course codes reads as
technical text) and the initials stay in clear beside it. The form itself is the second signal:

* a capitalized word and two dotted initials ("Tokhtarov N.S.", "Ivanov V. P."): a word English does not use
  (wordfreq Zipf below ``_RARE_ZIPF``), no known place ("Washington D.C.") and no code;
* a word and one dotted initial of one or two letters ("TSIKLAURI G.", "Sarsenbayev Ye."): the word must be
  a name of the lexicon as well ("Vitamin D.", "Hepatitis B." and "Group A." stay).

The initials are capitals after one blank (a transliteration's digraph too: "Ye.", "Zh."), each with a dot;
no letter, digit or hyphen follows them, nor a blank and a capitalized word (a middle initial: "Guðrún B.
Steingrímsdóttir"). A given name of the lexicon right before joins the name ("Ravi Shankar K."). Initials that
spell a company's legal form ("N.V.", "S.A.C.", "A.Ş.") are none.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import everyday_word
from anonymize.resolution import Resolution
from anonymize.results import rule_result
from anonymize.text import words

SURNAME_INITIALS = "SurnameInitials"
_SCORE = 0.9
_RARE_ZIPF = 3.0  # "ivanov" 2.9, "bekzhanov" 0; "washington" 4.9, "vitamin" 4.3
# Legal forms written as initials, their dots and blanks left out.
_LEGAL_FORMS = words(
    """
    sa sas sac saa sl sll slu sarl srl spa sc scs nv bv ag as aş ab oy kk lp llp pc plc co se ltd inc gmbh
    ou oü tas ad doo dd ood eood sro zrt kft bhd pt cv ca
    """
)
_U = "A-ZÀ-ÖØ-ÞĀ-ſ"
_L = "a-zß-öø-ÿā-ž"
_WORD = rf"(?:[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?|[{_U}]{{3,}}(?:-[{_U}]{{3,}})?)"
# One capital, or a digraph of a transliteration ("Ye.", "Zh.", "Ch."; not "St.", "Jr.", "Dr.").
_INITIAL = rf"(?:Ch|Sh|Zh|Kh|Th|Gh|Ts|Ye|Yu|Ya|Yo|[{_U}])\."
_NAME = re.compile(
    rf"(?<![\w'’@./-])({_WORD})[ \u00a0]({_INITIAL}(?:[ \u00a0]?{_INITIAL}){{0,2}})"
    rf"(?![\w-]|[.]\w|[ \u00a0][{_U}][{_L}])"
)


# A given name right before, one blank apart on the same line: South Indian names end in the initial of the
# father's or the village's name ("Ravi Shankar K.").
_GIVEN_BEFORE = re.compile(rf"(?<![\w'’@./-])([{_U}][{_L}]+)[ \u00a0]$")


def surname_initials(state: Resolution) -> None:
    """Add each surname with its initials as one PERSON (module doc)."""
    if state.lexicon is not None and not state.truecased:
        state.results += state.admitted(initialled_surnames(state.text, state.lexicon))


def initialled_surnames(text: str, lexicon: NameLexicon) -> list[RecognizerResult]:
    """The surnames of ``text`` with their initials after them (module doc)."""
    found: list[RecognizerResult] = []
    for m in _NAME.finditer(text):
        word, initials = m.group(1), m.group(2)
        if everyday_word(word, _RARE_ZIPF) or known_place(word) or _legal_form(initials):
            continue
        many = initials.count(".") > 1
        if not many and not _lexicon_name(word, lexicon):
            continue
        given = _GIVEN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        start = m.start()
        if given and lexicon.given_name(given.group(1)):
            start = given.start(1)  # "Ravi Shankar K.", "Meena Iyer R.": given names, then the initial
        found.append(rule_result("PERSON", start, m.end(), _SCORE, SURNAME_INITIALS))
    return found


def _legal_form(initials: str) -> bool:
    """The initials are a company's legal form ("N.V.", "S.A.C.", "A.Ş.", "S.p.A.")."""
    return re.sub(r"[.\s]", "", initials).casefold() in _LEGAL_FORMS


def _lexicon_name(word: str, lexicon: NameLexicon) -> bool:
    """A surname or given name of the lexicon (each part of a hyphenated one)."""
    return all(lexicon.name_word(part) for part in word.split("-"))
