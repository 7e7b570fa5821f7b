"""What a roster's other columns say about the people in it (``anonymize.roster_columns``, session 28): a
rank or position column's words are no part of a name in the prose ("Bosun Tavita" -> "Tavita"), and a
code column ties a short code to the person of its row ("CPT  KMO  OKAFOR, Kelechi" makes "KMO" the person
wherever the document writes it). Sentences, names and tables of our own (Samoan, Igbo, Hungarian, Māori,
Welsh, Quechua, Tamil, Kazakh, Norwegian, Amharic, Tongan, Breton names)."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.roster_columns import code_persons, column_ranks


def persons(detector: PiiDetector, text: str) -> list[str]:
    (results,) = detector.analyze([text])
    return [text[r.start : r.end] for r in results if r.entity_type == "PERSON"]


CREW = (
    "No  Surname         Given names      Rank              Nationality\n"
    " 1  TUILAGI         Faleolo          Master            WSM\n"
    " 2  OKONKWO         Chiamaka         Chief officer     NGA\n"
    " 3  VARGA           Bence            Bosun             HUN\n"
    " 4  NGATA           Wiremu           Cadet             NZL\n"
    " 5  QUISPE MAMANI   Yupanqui         Oiler             PER\n"
    "\n"
)


def test_the_ranks_of_a_crew_list() -> None:
    assert column_ranks(CREW) >= {"master", "chief", "officer", "bosun", "cadet", "oiler"}
    assert "tuilagi" not in column_ranks(CREW) and "wsm" not in column_ranks(CREW)


def test_no_ranks_without_a_name_column() -> None:
    # a position column in a table of places or products says nothing about names
    text = (
        "Position   Item           Price\nTop        Hamper         12.00\nBottom     Basket         9.50\n"
    )
    assert column_ranks(text) == frozenset()


@pytest.mark.parametrize(
    ("remark", "name"),
    [
        ("Cadet Wiremu stays on board under the master's supervision.", "Wiremu"),
        ("Bosun Bence Varga is the contact for the agent during discharge.", "Bence Varga"),
        ("The pilot boarded at 06:10 and Oiler Yupanqui took the lines.", "Yupanqui"),
        ("Please tell Chief Officer Chiamaka Okonkwo that the surveyor comes at nine.", "Chiamaka Okonkwo"),
    ],
)
def test_a_rank_of_the_list_before_a_name_is_cut(detector: PiiDetector, remark: str, name: str) -> None:
    found = persons(detector, CREW + "Remarks\n- " + remark)
    assert name in found, found
    assert not any(v.split()[0].casefold() in {"cadet", "bosun", "oiler", "chief"} for v in found), found


def test_a_rank_word_without_the_list_stays(detector: PiiDetector) -> None:
    # without a roster that says "Cadet" is a rank, nothing is cut ("Cadet" is also a surname)
    found = persons(detector, "Meeting with Rosalind Cadet and Hemi Walker on Tuesday about the grant.")
    assert "Rosalind Cadet" in found, found


ROTA = (
    "GRADE  CODE  NAME                      EXT\n"
    "SN     TKA   ABEBE, Tigist             4410\n"
    "SN     RHW   HOWELLS, Rhiannon         4411\n"
    "HCA    MKR   KARIMOVA, Madina          4415\n"
    "SHO    PVN   VENKATESAN, Priya         4420\n"
    "\n"
)


def test_codes_of_a_rota_are_its_people(detector: PiiDetector) -> None:
    text = ROTA + (
        "Day shift 14/03\n"
        "07:30  handover TKA -> RHW, bay 2 and 3\n"
        "11:00  MKR to theatre with bed 12; PVN reviewed the drain\n"
        "HCA Madina covers the tea break; SHO Venkatesan on call until 20:00."
    )
    found = persons(detector, text)
    assert found.count("TKA") == 2 and found.count("RHW") == 2, found
    assert found.count("MKR") == 2 and found.count("PVN") == 2, found
    assert "Madina" in found and "Venkatesan" in found, found
    assert "SN" not in found and "HCA" not in found and "EXT" not in found, found


def test_a_code_given_beside_a_name() -> None:
    text = "If Ainur Bekova is sick, Tevita Fifita (FO, code TVF) flies the leg. TVF has the rating."
    from presidio_analyzer import RecognizerResult

    names = [
        RecognizerResult("PERSON", text.index(n), text.index(n) + len(n), 0.85)
        for n in ("Ainur Bekova", "Tevita Fifita")
    ]
    found = [text[r.start : r.end] for r in code_persons(text, names)]
    assert found == ["TVF", "TVF"]


@pytest.mark.parametrize(
    "text",
    [
        # product and stock codes beside names of things, not people
        "CODE  NAME                 QTY\nLPT   Laptop stand         4\nMSE   Wireless mouse       12\n\n"
        "Order LPT again in May.",
        # airport codes beside cities
        "CODE  NAME            COUNTRY\nMCT   Muscat          Oman\nKHI   Karachi         Pakistan\n\n"
        "The MCT leg leaves at 04:55.",
        # a department code column beside a manager's name: the code is the department's, the name column
        # holds persons but the code is an English word
        "CODE  NAME                 ROOM\nHR    Nomvula Dlamini      B12\nIT    Arne Solberg         B14\n\n"
        "Ask IT about the printer and HR about leave.",
        # a code in brackets after no person
        "The valve (type 4, code KVR) was replaced on Monday.",
    ],
)
def test_codes_that_are_no_person(detector: PiiDetector, text: str) -> None:
    found = persons(detector, text)
    assert not any(v.isupper() and len(v) <= 4 for v in found), found


def test_user_names_of_a_sign_up_export(detector: PiiDetector) -> None:
    """A sign-up or access export's "github", "username" column holds the row's person's user name, also
    where it is no piece of the name the NER model or the handle rules would read ("tmalohi", "kofiaa")."""
    text = (
        "team,member_name,email,github,tshirt\n"
        "Reef Rangers,Talia Malohi,talia.m@example.to,tmalohi,M\n"
        "Reef Rangers,Kofi Asante-Adjei,kofi@example.gh,kofiaa,L\n"
        "Kete Makers,Aigerim Nurlanovna,aigerim.n@example.kz,aigerimdev,S\n"
        "Kete Makers,Mele Taufa,mele.t@example.to,,S\n"
    )
    found = persons(detector, text)
    assert {"tmalohi", "kofiaa", "aigerimdev"} <= set(found), found
    assert "Reef Rangers" not in found and "Kete Makers" not in found, found


def test_a_username_column_of_no_person_stays() -> None:
    text = "service,owner_team,username\nbackup-job,Platform,svc_backup\nmetrics,Platform,svc_metrics\n"
    assert code_persons(text, []) == []
