"""What a capitalized word is when it is not a name: an organization's or a place's word ("Court",
"Street"), a scientific or clinical common word ("Metabolic", "Induced"), a technical symbol (a gene symbol,
an acronym, a formula); and the shape of hyphenated name words ("Anne-Lotte")."""

from __future__ import annotations

import re
from functools import lru_cache

# Capital letters inside a name word: McDonald, MacLeod, DeRose, LaToya, O'Brien, D'Angelo, PhD.
INNER_CAPITAL_OK = re.compile(
    r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’]|N['’]|Fitz)[A-Z][a-z]|^Ph\.?D\.?$"
)
_NAME_SUFFIXES = frozenset(["md", "dvm", "phd", "dds", "jr", "sr", "ii", "iii", "iv", "esq", "rn"])
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
NOT_PERSON_WORDS = frozenset(_NOT_PERSON_TEXT.split())
SCIENCE_SUFFIX = re.compile(
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
    return word.strip(".,;:!?\"'()[]").casefold() in NOT_PERSON_WORDS


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
    # A leading ʻokina is a letter of Polynesian names, not an inner capital's mark ("ʻAhoʻia", "ʻAlifeleti").
    core = word.strip(".,;:!?\"'()[]").lstrip("ʻ‘")
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
    return any(ch.isupper() for ch in inner if ch.isalpha()) and not INNER_CAPITAL_OK.match(core)


def hyphenated_name_word(word: str) -> bool:
    """Capitalized plain words joined by hyphens: "Anne-Lotte", "Lom-Ali"; also "Bardet-Biedl", so they are
    taken for a name only where the context says so, not from the NER model alone."""
    parts = word.strip(".,;:!?\"'()[]").split("-")
    return len(parts) > 1 and all(
        len(p) > 1 and p[0].isupper() and p[1:].isalpha() and (p[1:].islower() or INNER_CAPITAL_OK.match(p))
        for p in parts
    )


@lru_cache(maxsize=65_536)
def english_zipf(word: str) -> float:
    """How frequent ``word`` is in English, as written (wordfreq's Zipf scale: 3 is about once in a million
    words); one cache for every step that asks."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))
