"""One-word names of genes, proteins and cell types, and eponyms, that a text uses as terms: "Nanog
expression", "Notch signaling", "Kupffer cells", "Ras activation", "the Spemann organizer".

The NER model reads such a word as a person's name at every mention. A word the text writes right before a
noun of biology's (a cell, a gene, its expression or signaling) is a term there and at its other mentions; a
person is never followed by "cells" or "expression" (a disease or a study after a name may be a person's:
"Jane's disease", "the Simpson trial" are not read here).
"""

from __future__ import annotations

import re

_BIO_NOUNS = (
    r"cells?|expression|expressing|signaling|signalling|activation|mutations?|mutants?|genes?|proteins?|"
    r"receptors?|pathways?|knockdown|knockout|depletion|deficiency|deficient|inhibitors?|inhibition|"
    r"transcripts?|promoter|binding|kinases?|domains?|organizer|organiser|homologs?|homologues?|isoforms?|"
    r"orthologs?|alleles?|loci|locus|transgenic|null|agonists?|antagonists?|antibod(?:y|ies)|mRNA|siRNA"
)


def used_as_term(text: str, word: str) -> bool:
    """``word`` (one word) stands right before a noun of biology's somewhere in ``text`` ("Nanog
    expression", "Kupffer cells", "Notch-signaling"), as written: a term, not a person."""
    if not word or " " in word:
        return False
    pattern = rf"(?<![\w-]){re.escape(word)}(?:[ \t]+|-)(?:{_BIO_NOUNS})\b"
    return re.search(pattern, text) is not None
