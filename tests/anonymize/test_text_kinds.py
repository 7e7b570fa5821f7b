"""What kind of text a span is in: scientific or technical prose, a business document with codes and ids."""

from __future__ import annotations

import pytest

from anonymize.text_kinds import coded_text, science_prose, source_code, technical_readings, technical_text

ABSTRACT = (
    "Deletions of p18(INK4c) often occur with CDK1 amplification; p57 and p21 suppress the RNA "
    "polymerase. The SiO2 nanoparticles and CsA were given at 2 mM (95% CI 1.99-11.07)."
)
# Abstracts written for these tests (none from an evaluation corpus): symbols in a science's vocabulary.
ABSTRACTS = [
    "Hepatic FOXO1 regulates gluconeogenesis\n\nWe examined whether FOXO1 phosphorylation by AKT2 is "
    "required for the transcriptional response to insulin in primary hepatocytes. Knockdown of FOXO1 "
    "reduced G6PC and PCK1 expression by 60% (P < 0.01), and the effect persisted in mice fed a high-"
    "fat diet. These findings suggest that hepatic insulin resistance is mediated by impaired AKT2 "
    "signaling.",
    "Background: Statin therapy and the incidence of dementia remain controversial. Methods: In a "
    "prospective cohort of 8,214 adults (HR 0.82, 95% CI 0.71-0.95), we estimated the association "
    "using multivariable Cox regression adjusted for LDL-C, APOE4 status and HbA1c. Results: "
    "Cumulative exposure was inversely associated with cognitive decline. Conclusions: Observational "
    "evidence supports a modest protective effect.",
    "Structural basis of CRISPR-Cas9 recognition. The crystal structure of SpCas9 in complex with "
    "sgRNA and target DNA at 2.5 Å resolution reveals a bilobed architecture. Mutations in the REC3 "
    "domain (R661A, Q695A) abolished cleavage activity, indicating a conformational checkpoint prior "
    "to nuclease activation.",
]
# Business documents full of record ids, codes, acronyms and names in capitals: no science's vocabulary.
BUSINESS = [
    "PURCHASE ORDER PO-2026-00862\nSupplier: Baltic Tools UAB, LT-03154 Vilnius\nBuyer ref: EV-40 / R-449A\n"
    "Item  Qty  Unit EUR\nTL-0412 torque wrench  4  212.00\nTL-0419 socket set  2  88.50\n"
    "Approved by: Ruta BALODE (CFO)\nIBAN LT12 1000 0111 0100 1000, VAT LT100003154",
    "EMP_ID,SURNAME,GIVEN,DEPT,GROSS_GBP\nSHF0112,DHILLON,Harpreet,OPS,2410.00\nSHF0118,SANDHU,Jaspal,HR,"
    "2290.50\nSHF0131,O'DONOGHUE,Aoife,IT,3105.00\nSHF0134,MWANGI,Wanjiru,QA,2200.00",
    "Ticket #HD-88213 (P2) — VPN drops after SSO login\nReporter: Kaito Nakamura (FIN-OPS)\nAssignee: "
    "L. Ozolina → escalated to PRB-1102\nUpdate 09:12 EEST: Kaito says it happens on the VPN client v4.2 "
    "only. Please check with Ozolina before 14:00 and close the SLA timer.",
    "MINUTES — Steering group, Q3\nPresent: AL, MR, SJ (chair), OJN\n1. Budget: NOK 41.2m approved, WP-14a "
    "moves to Q4.\n2. HR: Sigrid asks for the ERP access list by Friday.\nACTION: MR to send the KPI sheet.",
]


def test_technical_text() -> None:
    assert technical_text(ABSTRACT)
    assert not technical_text("Hi Keiran, please call Jane Doe at 555-0100 about the IBAN GB82WEST1234.")


@pytest.mark.parametrize("text", ABSTRACTS)
def test_abstracts_with_symbols_stay_technical(text: str) -> None:
    assert coded_text(text) and science_prose(text) and technical_text(text)


@pytest.mark.parametrize("text", BUSINESS)
def test_business_documents_with_codes_and_ids_are_not_technical(text: str) -> None:
    """Issue 19: ids, codes and capitalized surnames count as symbols, yet the words around them are a
    business document's, not a science's: coded, not technical."""
    assert coded_text(text)
    assert not science_prose(text)
    assert not technical_text(text)


def test_source_code_stays_technical() -> None:
    """Code makes the model see names in identifiers ("def parse" as a person): technical, with no science."""
    code = "def parse(row):\n    name = row['Name']\n    return Person(name=name, email=row['Email'])\n"
    assert source_code(code) and technical_text(code)
    assert not any(source_code(text) for text in BUSINESS)


def test_science_prose_counts_lower_case_vocabulary_not_capitals_or_addresses() -> None:
    """Latinate words in capitals (a heading) or inside e-mail addresses make no prose scientific."""
    assert science_prose("the expression of the receptor was significantly reduced in treated cells")
    assert not science_prose("REGISTRATION CONFIRMATION INFORMATION\nregistration@conference-solutions.com")
    assert not science_prose("")


def test_a_sentences_first_word_counts_in_lower_case() -> None:
    """Session 23: a short abstract whose science word starts its sentence is science prose ("Deletions of
    ..."); a label's first word before its colon is not read so ("Registration notes: ...")."""
    abstract = "p57 and CDK1\n\nDeletions of p18(INK4c) and p57 with CDK1; RNA Pol II."
    assert science_prose(abstract) and technical_text(abstract)
    labels = "Room 3 — GP cover\n\nRegistration notes: Kaito at 09:00. Reception notes: bring the forms."
    assert not science_prose(labels)


def test_technical_text_without_acronyms() -> None:
    """Session 23: a transcript or a ward's handover with names and acronyms in capitals ("ADEBAYO:", "HCA",
    "GP") is coded by its capitals alone; without ``acronyms`` only symbols count, which a science abstract
    and source code still have."""
    transcript = (
        "TRANSCRIPT WAT. ADEBAYO: Then femi or blessing. BISI: ok. CFO said no. GP notes, ECG fine, HCA on. "
        "ALL agreed."
    )
    assert coded_text(transcript)
    assert not coded_text(transcript, acronyms=False)
    assert technical_text(ABSTRACT, acronyms=False)
    code = "def parse(row):\n    name = row['Name']\n    return Person(name=name, email=row['Email'])\n"
    assert technical_text(code, acronyms=False)  # source code: calls and indexes


def test_both_technical_readings_at_once() -> None:
    """``technical_readings`` is the symbols-only and the full reading of ``technical_text``, in one pass."""
    code = "def parse(row):\n    name = row['Name']\n    return Person(name=name, email=row['Email'])\n"
    transcript = "TRANSCRIPT WAT. ADEBAYO: Then femi or blessing. BISI: ok. CFO said no. GP notes, ECG fine."
    for text in [ABSTRACT, *ABSTRACTS, *BUSINESS, code, transcript, ""]:
        assert technical_readings(text) == (technical_text(text, acronyms=False), technical_text(text))


def _science_prose_token_by_token(text: str) -> bool:
    """``science_prose`` as it read each token in turn before it counted distinct tokens once."""
    from anonymize import text_kinds as k

    starts = {m.start(1) for m in k._SENTENCE_START.finditer(text)}
    words = science = 0
    for match in k._TOKEN.finditer(text):
        token = match.group()
        if not k._WORDISH.fullmatch(token):
            continue
        words += 1
        core = token.strip(k._EDGE_PUNCTUATION)
        if match.start() in starts:
            core = core.lower()
        if core.isalpha() and core.islower():
            long_word = len(core) >= 7 and k._LATINATE.search(core) is not None
            science += (
                long_word
                or k.common_word(core)
                or (len(core) >= 6 and k.SCIENCE_SUFFIX.search(core) is not None)
            )
    return words > 0 and science >= k._SCIENCE_SHARE * words


@pytest.mark.parametrize(
    "text",
    [
        "Deletions of p18 reduce expression. Deletions of p18 reduce expression.",
        "Expression was high. expression was low.\n\nMutations cause disease in mice. Mutations recur.",
        "Hi Ann, the roster is attached. Cohort Kinase Regulation: see the table.",
        "Inflammation increases significantly. Inflammation and obesity.  Obesity rises!",
        "",
        "1234 5678 --",
    ],
)
def test_science_prose_counting_distinct_tokens_reads_as_token_by_token(text: str) -> None:
    assert science_prose(text) == _science_prose_token_by_token(text)
    from anonymize import text_kinds as k

    tokens = k._TOKEN.findall(text)
    assert source_code(text) == (
        len(tokens) > 0
        and sum(k._CODE_TOKEN.search(t) is not None for t in tokens) >= k._CODE_SHARE * len(tokens)
    )
