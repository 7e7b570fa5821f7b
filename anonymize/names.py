"""Rules on PERSON candidates: what cannot be a name (gene symbols, acronyms), name-shaped spans, repeats."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presidio_analyzer import RecognizerResult

from anonymize.propagation import PROPAGATION as PROPAGATION  # re-exported (tests take it from here)

ADDRESSEE = "AddresseeLine"
COORDINATION = "NameListMember"

# Lower-case words that start a surname ("van Gameren", "de Vaan").
_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "da", "di", "del", "dos", "du", "la", "le", "ten", "ter"]
)
# Capital letters inside a name word: McDonald, MacLeod, DeRose, LaToya, O'Brien, D'Angelo, PhD.
_INNER_CAPITAL_OK = re.compile(
    r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’]|Fitz)[A-Z][a-z]|^Ph\.?D\.?$"
)
_NAME_SUFFIXES = frozenset(["md", "dvm", "phd", "dds", "jr", "sr", "ii", "iii", "iv", "esq", "rn"])
_WORD = re.compile(r"[^\s,;:]+")
_INITIAL = re.compile(r"[A-Z]\.")
# Words that make a capitalized span an organization, a place or a title rather than a person.
_NOT_PERSON_TEXT = """
inc ltd plc corp co llc lp llp sa ag gmbh nv bv ab asa spa srl oy kk limited group bank trust fund
company corporation holdings partners capital financial insurance energy systems services solutions
technologies technology pharma pharmaceuticals bio therapeutics industries international global
university college school institute academy hospital clinic center centre foundation association
society council committee agency authority department ministry office force army police court weekly
daily times news journal magazine tv radio records music studios media press network street st
avenue ave road rd boulevard blvd lane ln drive dr court ct place pl way terrace parkway circle
highway square trail plaza alley row close crescent loop greens gardens mission viaduct bridge park
river lake mount mountain island bay beach valley hills city county state republic kingdom north
south east west new saint security operations people consulting analytics engineering finance resources
relations support sales marketing legal compliance data health care labs research development management
social public general national federal human customer product products design digital software team
hotline ethics policy program project board desk service
"""
_NOT_PERSON_WORDS = frozenset(_NOT_PERSON_TEXT.split())
_SCIENCE_SUFFIX = re.compile(
    r"(?:ase|ases|amine|idine|oxide|osis|itis|emia|aemia|ocyte|ocytes|ogen|omab|umab|"
    r"mycin|cillin|azole|pril|sartan|statin|virus|viruses|bacter|coccus|genesis|plasty|"
    r"ectomy|ology|ometry|scopy|phage|kinin|tropin|receptor|protein|"
    # drug stems (none ends a name of 6+ letters in Faker's name lists): sildenafil, semaglutide, imatinib
    r"afil|glutide|tinib|mab|parin|olol|prazole|dronate|lukast|setron|oxacin|cycline|triptan|gliptin|"
    r"glitazone|semide|thiazide|dipine|zepam|zolam|barbital|caine|fenac|profen|semtiv)$",
    re.I,
)


# Common nouns and adjectives of scientific and clinical text (none a given name or surname in Faker's name
# lists of any locale): Title Case headings and claims ("Metabolic Disorders Study", "Mitochondria play ...")
# that the NER model takes for people.
_SCIENCE_TEXT = """
retrospective prospective cell cells outcome outcomes stem study studies measures results cancer cancers
genetic metabolic disorders medical participants tumor tumour tumors genome methods western genes induced
stress synthesis mouse mice library death allosteric protein proteins regulates glucose hepatitis assessment
virus disease diseases failure serum scale loci registry regulatory sequential vitamin organ liver chronic
polarity models model levels findings selective molecule inhibitor inhibitors planar collagen fungal
influences drug drugs abstract effects effect growth rating figure modeling headings acute causal
surveillance adult transfer profiling evidence nonlinear mixed neural breast immune plasma demographic blood
trait embryonic bayesian cholesterol receptor receptors carotid resistance differential healthy database
cohort factors factor innate requirement toxicity experimental angioplasty lung mitochondrial mitochondria
autoimmune cardiac kinase microarray intestinal insulin signaling signalling domain histone epigenetic
modifying agents risk register antigen individuals depression tract replacement tissue dietary neonatal
malignant multivariate tryptophan inventory regulate lipid diverse binding chromatin cytoskeleton
progression secreted essential components mortality persistent questionnaire pathway vector integrity murine
syndrome tyrosine mesenchymal screening therapeutic peroxisome myelin microglia bariatric surgery diabetic
transcription microbiota bacteria bacterial antibody antibodies enzyme enzymes peptide hormone neurons
neuron pathways therapy treatment trial trials clinical patients infection infections mutation mutations
expression regulation response responses activity inflammation inflammatory obesity diabetes vaccine
vaccines genomic molecular cellular chemical cognitive apoptosis
united states union european chinese caucasian importance despite reducing childbirth drosophila plasmodium
xenopus salmonella listeria medicare cochrane abstract background conclusions objective objectives design
setting interventions
"""
_SCIENCE_WORDS = frozenset(_SCIENCE_TEXT.split())
# English derivational endings of common nouns, adjectives and verb forms ("Retrospective Analysis" has none,
# "Allosteric Inhibition", "Regulatory", "Induced" have): checked on words of 8+ letters, where they never end
# a name in Faker's name lists of any locale (only "Christion"). Shorter words: "Keating", "Thomas".
_COMMON_WORD_ENDING = re.compile(
    r"(?:tions?|isms?|olog(?:y|ies|ical|ist)|osis|ular|ical(?:ly)?|ics|izing|i[sz]ed|at(?:ed|ing)|ectomy|"
    r"opath(?:y|ies)|genic|lysis|plasia|trophy|cytes?|blasts?|ases|aemia|[ai]bility|ivity|i[sz]ation)$",
    re.I,
)


def organization_word(word: str) -> bool:
    """A word that makes a capitalized span an organization, a place or a title: "Court", "Street"."""
    return word.strip(".,;:!?\"'()[]").casefold() in _NOT_PERSON_WORDS


def common_word(word: str) -> bool:
    """A scientific or clinical common word, or a long word with a common noun's or verb's ending."""
    core = word.strip(".,;:!?\"'()[]")
    folded = core.casefold()
    if folded.endswith(("'s", "’s")):
        folded = folded[:-2]
    return folded in _SCIENCE_WORDS or (len(core) >= 8 and bool(_COMMON_WORD_ENDING.search(core)))


def _mixed_greek(letters: list[str]) -> bool:
    greek = sum("\u0370" <= ch <= "\u03ff" for ch in letters)
    return 0 < greek < len(letters)


def technical_word(word: str) -> bool:
    """A gene symbol, an acronym, a chemical formula or a code: digits, all capitals, inner capitals."""
    core = word.strip(".,;:!?\"'()[]")
    letters = [ch for ch in core if ch.isalpha()]
    if not letters:
        return True
    if any(ch.isdigit() for ch in core) or any(ch in "+=/()[]<>µ%" for ch in core):
        return True
    if _mixed_greek(letters):  # "Aβ", "Qβ", "TNF-α": a Greek letter in a Latin word (not a Greek name)
        return True
    if core.casefold().rstrip(".") in _NAME_SUFFIXES:
        return False
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True
    inner = core[1:]
    return any(ch.isupper() for ch in inner if ch.isalpha()) and not _INNER_CAPITAL_OK.match(core)


def hyphenated_name_word(word: str) -> bool:
    """Capitalized plain words joined by hyphens: "Anne-Lotte", "Lom-Ali"; also "Bardet-Biedl", so they are
    taken for a name only where the context says so, not from the NER model alone."""
    parts = word.strip(".,;:!?\"'()[]").split("-")
    return len(parts) > 1 and all(
        len(p) > 1 and p[0].isupper() and p[1:].isalpha() and (p[1:].islower() or _INNER_CAPITAL_OK.match(p))
        for p in parts
    )


_TOKEN = re.compile(r"\S+")
_WORDISH = re.compile(r"\S*[^\W\d_]\S*")
# Tokens worth a closer look: a letter next to a digit, two capitals in a row, a capital after a small letter,
# or a formula character.
_TECHNICAL_HINT = re.compile(r"[^\W\d_]\d|\d[^\W\d_]|[A-Z][A-Z]|[a-z][A-Z]|[^\w\s.,;:'’\"!?-]")
_PLAIN_NUMBER = re.compile(r"[\d.,:/\-–—+()%$€£]+")
_CAPS_RUN = re.compile(
    r"(?<!\S)[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ](?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ])+(?!\S)"
)
_PERIOD = re.compile(r"\d{4}[-–—](?:\d{2,4}|[a-z]+)")  # a period in a CV: "2015–2019", "2021–present"


def _heading_words(text: str) -> str:
    """``text`` with all-caps headings blanked (two or more all-caps words of 4+ letters: not acronyms)."""

    def blank(match: re.Match[str]) -> str:
        long_words = sum(len(w) >= 4 for w in match.group().split())
        return " " * len(match.group()) if long_words >= 2 else match.group()

    return _CAPS_RUN.sub(blank, text)


def technical_text(text: str) -> bool:
    """Scientific or technical prose: at least 3 gene-symbol-like or acronym tokens, 3% of the words or more
    (all-caps headings do not count).

    In such text the small NER model takes protein names and acronyms for people ("Chordin", "Pol").
    """
    count = 0
    for token in _TOKEN.findall(_heading_words(text)):
        if _TECHNICAL_HINT.search(token) and "@" not in token and "://" not in token:
            core = token.strip(".,;:()[]")
            plain = _PLAIN_NUMBER.fullmatch(core) or _PERIOD.fullmatch(core)
            count += len(core) > 1 and not plain and technical_word(core)
    return count >= 3 and count >= 0.03 * len(_WORDISH.findall(text))


def in_lower_case(word: str, text: str) -> bool:
    """``word`` written in lower case somewhere in ``text`` (so it is a common noun there)."""
    # Not inside an e-mail address or a domain ("jane.doe@example.com").
    lower = word.lower()
    if not word[:1].isupper() or lower not in text:  # the search needs the lower-case form somewhere
        return False
    return re.search(rf"(?<![\w\-.@]){re.escape(lower)}(?![\w\-@]|\.\w)", text) is not None


def _lower_case_text(text: str) -> bool:
    """Text written without capitals (chat, transcripts), where names are in lower case too."""
    letters = sum(map(str.isalpha, text))
    return sum(map(str.isupper, text)) <= 0.01 * letters


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
        if not _lower_case_text(text):
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
            return _lower_case_text(text)  # "ross, can i speak to your boss?", not "keratinocyte"
        # The same word in lower case elsewhere in the text is a common noun ("Discipline ... discipline");
        # followed by a digit or a hyphen it is a gene or protein family ("Dvl2", "Golli-MBP").
        if common_noun(word):
            return False
        if re.search(rf"(?<![\w-]){re.escape(word)}(?:-?\d|-[A-Za-z0-9]*[A-Z0-9])", text):
            return False
        if len(word) > 5 and _SCIENCE_SUFFIX.search(word):
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
        if bare.casefold() in _NOT_PERSON_WORDS or (technical_word(word) and not hyphen_ok):
            return False
        if len(bare) == 1 and bare.isupper():
            initials += 1
            continue
        if not (bare[:1].isupper() and bare[1:].replace("-", "").replace("'", "").isalpha()):
            return False
        if bare[1:] != bare[1:].lower() and not _INNER_CAPITAL_OK.match(bare) and not hyphen_ok:
            return False
    dotted = all(w.endswith(".") for w in words if len(w.rstrip(".")) == 1)  # "J. Okonkwo", not "V Leiden"
    return initials < len(words) if dotted else initials < len(words) - 1


# Latin capitals; Latin Extended-A, -B and Additional (Ł, Ư, Đ, Ễ) interleave their cases
UPPER_LATIN = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_LOWER = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ'’"
# Irish and Scottish Gaelic particles, capitalized: "Tomás Ó Briain", "Seán Mac Giolla Bhríde".
GAELIC_PARTICLES = ("Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua")
# One capitalized word of a name: "Anne", "O'Neil", "Anne-Lotte", "Kozłowska".
NAME_WORD = rf"[{UPPER_LATIN}][{_LOWER}]+(?:-[{UPPER_LATIN}]?[{_LOWER}]+)*"
# A name of one to four words, with initials and surname particles: "Maite H Lemmens", "Anthony van den Oord"
# (a particle only before a name word: not the "le" of "Jane Roe led").
# One blank between the words: a run of blanks or a tab is a table's column gap ("Given name    Mon   Tue").
_NAME_PARTICLE = r"(?:van|de|der|den|von|da|di|del|la|le)\b(?=[ \t](?:[A-Z]|(?:van|de|der|den)\b))"
NAME = rf"{NAME_WORD}(?:[ \t](?:[A-Z](?:\.|\b)|{NAME_WORD}|{_NAME_PARTICLE})){{0,3}}"
_LIST = re.compile(
    rf"(?<![\w'’-])(?:{NAME}[ \t]*,[ \t]*)*{NAME}[ \t]*,?[ \t]+(?:and|or|&)[ \t]+{NAME}(?![\w'’-])"
)
_LIST_MEMBER = re.compile(rf"(?<![\w'’-]){NAME}")


def coordinated(
    text: str,
    names: list[RecognizerResult],
    blocking: list[RecognizerResult],
    yielding: list[RecognizerResult],
    stop_words: frozenset[str],
) -> list[RecognizerResult]:
    """The other members of a list that holds a detected name ("Felix, Jane and James" when "Jane" is one),
    as PERSON results. A member under a ``yielding`` result (the NER model's place or organization) turns
    only when names are most of the list; one under a ``blocking`` result stays as it is."""
    if not names:
        return []
    found: list[RecognizerResult] = []
    for listing in _LIST.finditer(text):
        members = list(_LIST_MEMBER.finditer(text, listing.start(), listing.end()))
        named = [m for m in members if any(r.start <= m.start() and m.end() <= r.end for r in names)]
        if not named:
            continue
        majority = 2 * len(named) > len(members)
        for m in members:
            if m in named or not _plausible_member(m.group(), text, stop_words):
                continue
            if any(r.start < m.end() and m.start() < r.end for r in [*names, *blocking]):
                continue
            if not majority and any(r.start < m.end() and m.start() < r.end for r in yielding):
                continue
            found.append(
                RecognizerResult(
                    "PERSON",
                    m.start(),
                    m.end(),
                    0.6,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: COORDINATION},
                )
            )
    return found


def _plausible_member(value: str, text: str, stop_words: frozenset[str]) -> bool:
    words = value.split()
    if any(w.casefold().rstrip(".") in stop_words or w.casefold() in _NOT_PERSON_WORDS for w in words):
        return False
    return plausible_person(value, text, from_model=True)


# What may start a line of an address block before its text: indentation, quote marks, bullets.
LINE_JUNK = " \t>?*}|-•"
_LINE_PREFIX = re.compile(r"^[\W_]*(?:(?i:name|to|attn|billing address|shipping address|address)\s*:)?[\W_]*")


def names_before_addresses(
    text: str,
    results: list[RecognizerResult],
    yielding: Sequence[RecognizerResult] = (),
    anchors: Sequence[RecognizerResult] | None = None,
) -> list[RecognizerResult]:
    """The addressee of an address block: a person-shaped line at most two lines above a street address
    that starts a line ("Jane Roe\\nAcme Inc.\\n12 Main Street"), or above the other ``anchors`` given (the
    city line of "Jane Roe\\n\\nParis\\nFrance"). Organizations and ``yielding`` results (the NER model's
    places) do not stop it."""
    found: list[RecognizerResult] = []
    if anchors is None:
        anchors = [r for r in results if r.entity_type == "STREET_ADDRESS"]
    if not anchors:
        return found
    taken = [(r.start, r.end) for r in results if r.entity_type != "ORGANIZATION" and r not in yielding]
    for address in anchors:
        line_start = text.rfind("\n", 0, address.start) + 1
        if text[line_start : address.start].strip(LINE_JUNK):
            continue
        end, lines = line_start - 1, 0
        while end > 0 and lines < 2:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if line.strip():
                lines += 1
                prefix = _LINE_PREFIX.match(line)
                lead = prefix.end() if prefix else 0
                value = line[lead:].rstrip()
                begin = start + lead
                shaped = person_shaped(value, hyphenated=True)
                if shaped and not any(s < begin + len(value) and begin < e for s, e in taken):
                    found.append(
                        RecognizerResult(
                            "PERSON",
                            begin,
                            begin + len(value),
                            0.6,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: ADDRESSEE},
                        )
                    )
            end = start - 1
    return found
