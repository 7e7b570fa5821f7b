"""Names in business documents (issue 19): forms, contracts and CVs full of codes and labels, with the real
spaCy model and name lexicon. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import re

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.text_kinds import technical_text
from anonymize.vault import Vault


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_headings_periods_and_identifiers_do_not_make_a_text_technical() -> None:
    cv = (
        "QUARTERLY STAFF REPORT\n\nExperience\n2015–2019  analyst\n2019–present  lead\n"
        "Our team grew by four people this quarter, and the move went well."
    )
    assert not technical_text(cv)
    assert technical_text("BRCA1 and TP53 bind p21 and MDM2 in HeLa cells.")


def test_form_labels_are_not_names(detector: PiiDetector) -> None:
    text = (
        "LOAN AGREEMENT\n\nLender: Ingrid Solheim-Aasen, Storgata 4, 0155 Oslo\n"
        "Borrower: Tobias Brandvold\nRepayment: NOK 2,000 per month\nWitnesses: two colleagues\n"
        "IBAN NO93 8601 1117 947. Ref LA-26/114, SEK and EUR accepted."
    )
    found = persons(detector, text)
    assert "Ingrid Solheim-Aasen" in found and "Tobias Brandvold" in found
    # Labels that are everyday English words are no names ("Lender" is a given name in the lexicon, so the
    # rule leaves it to the other filters).
    assert not {"Borrower", "Repayment", "Witnesses"} & set(found)


def test_hyphenated_surname_alone_in_a_coded_document(detector: PiiDetector) -> None:
    text = (
        "VEHICLE INCIDENT — REF VI/26/044\n\nDriver: Chinedu Ezeoke-Mwale (employee no. 70311)\n"
        "Vehicle: van, reg. KX19 DFE\n\nEzeoke-Mwale states he was stationary at the lights."
    )
    found = persons(detector, text)
    assert found.count("Ezeoke-Mwale") == 1 and "Chinedu Ezeoke-Mwale" in found
    assert "Vehicle" not in found


def test_chat_export_speakers_after_time_stamps(detector: PiiDetector) -> None:
    text = (
        "02/04/26, 08:10 - Henrike: the courier is late again\n"
        "02/04/26, 08:12 - Pavla Dvořáková: I'll call them\n"
        "[08:15] Henrike: thanks, Pavla"
    )
    found = persons(detector, text)
    assert found.count("Henrike") == 2 and "Pavla Dvořáková" in found


def test_inverted_names_in_a_payroll_table_and_initials_with_surnames(detector: PiiDetector) -> None:
    text = (
        "| Employee | Change | Account |\n|---|---|---|\n"
        "| SOLHEIM-AASEN, Ingrid | new bank account | NO93 8601 1117 947 |\n"
        "| Ezeoke, Chinedu | hours 0.8 FTE | unchanged |\n\n"
        "Prepared by T. Brandvold, checked by R. Halvorsen."
    )
    found = persons(detector, text)
    for name in ("SOLHEIM-AASEN, Ingrid", "Ezeoke, Chinedu", "T. Brandvold", "R. Halvorsen"):
        assert name in found


def test_hr_memo_and_incident_report_are_pseudonymized_end_to_end(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's case of issue 19: double-barrelled surnames of non-English origin in an HR memo and an
    incident report are replaced everywhere, so the vault (and erasure) knows them."""
    memo = (
        "HR MEMO — CONFIDENTIAL\n\nTo: line managers, Bergen site\nFrom: Ingrid Solheim-Aasen, HR\n\n"
        "Chinedu Ezeoke-Mwale returns from sick leave on 4 May on reduced hours. Ezeoke-Mwale's manager, "
        "Paulo Teixeira-Brandão, will agree a plan with him. Questions to Solheim-Aasen."
    )
    report = (
        "INCIDENT REPORT IR-26/118\n\nReported by: Paulo Teixeira-Brandão\n"
        "Location: loading bay 3, Bergen\n\n"
        "At 07:40 a pallet fell near Chinedu Ezeoke-Mwale. Teixeira-Brandão stopped the forklift; "
        "Ezeoke-Mwale was unhurt."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    outputs = [pseudo.run([text])[0].text for text in (memo, report)]
    for name in ("Solheim-Aasen", "Ezeoke-Mwale", "Teixeira-Brandão", "Ingrid", "Chinedu", "Paulo"):
        assert all(name not in out for out in outputs), (name, outputs)
    assert pseudo.vault.find("PERSON", "Chinedu Ezeoke-Mwale")
    assert "Bergen" in outputs[0] and "Bergen" in outputs[1]  # places are left


def test_half_found_names_and_places_read_as_persons_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 14 (issue 19): a given name that is an English word ("Hope"), a surname after an initial,
    and a city named like a person ("Valencia") in an HR memo: the whole names are stored pseudonymized,
    erasure finds them, the same name in a question is pseudonymized, the city stays."""
    memo = (
        "HR MEMO\n\nFrom: People team, Valencia office\n\n"
        "Hope Vázquez-Ibarra joins our Valencia office on 4 May as site lead, taking over from "
        "K. Oyelowo-Finch, who moves to the Nairobi office. Please send questions to Hope."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    for value in ("Hope", "Vázquez-Ibarra", "Oyelowo-Finch"):
        assert value not in stored, stored
    assert stored.count("Valencia") == 2 and "Nairobi" in stored
    assert vault.lookup_value("Hope Vázquez-Ibarra", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("K. Oyelowo-Finch", "PERSON")
    question = pseudo.run(["When does Hope Vázquez-Ibarra start in Valencia?"], store=False)[0].text
    assert "Vázquez-Ibarra" not in question and "Hope" not in question and "Valencia" in question


def test_a_roster_laid_out_in_columns_is_no_street_address(detector: PiiDetector) -> None:
    """Detector 16: a clock time and a name across a column gap ("06:00  Namubiru Sarah   route K2") no longer
    anchor a street address that swallows the name."""
    text = (
        "Drivers on duty, Sunday 15 March\n\n"
        "06:00  Ssemwogerere Joseph   route K1\n06:30  Namubiru Sarah        route K2\n\n"
        "Depot: 14 Kampala Road, Entebbe"
    )
    results = detector.analyze([text])[0]
    found = [(r.entity_type, text[r.start : r.end]) for r in results]
    assert ("PERSON", "Ssemwogerere Joseph") in found and ("PERSON", "Namubiru Sarah") in found
    assert not any(t == "STREET_ADDRESS" and "route" in v for t, v in found)


def test_names_typed_in_lower_case_in_a_chat_log_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 17: a team chat typed in lower case names people as handles, in thanks and as the subject of
    a verb; the names are stored pseudonymized, erasure finds them, the same name in a question is
    pseudonymized, and the chat's everyday words stay."""
    chat = (
        "[09:02] <eszter> morning. build is red again\n"
        "[09:04] <tormod> thanks eszter, i pushed a fix last night\n"
        "[09:05] <eszter> ok. also folasade okwuosa wants the release notes by noon\n"
        "[09:06] <tormod> folasade always wants them by noon lol"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([chat])[0].text
    for value in ("eszter", "tormod", "folasade", "okwuosa"):
        assert value not in stored, stored
    assert "release notes by noon" in stored and "build is red again" in stored
    assert vault.lookup_value("folasade okwuosa", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["has tormod said when folasade okwuosa wants the notes?"], store=False)[0]
    assert "tormod" not in question.text and "okwuosa" not in question.text, question.text


def test_vietnamese_names_in_an_e_mail_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 18: names written with Vietnamese letters (Latin Extended Additional) in an e-mail's header,
    body and sign-off are stored pseudonymized, erasure finds them, a question naming one is pseudonymized."""
    mail = (
        "From: Vũ Hoàng Quỳnh <quynh.vu@mekongfreight.vn>\nTo: Lê Thị Hồng <hong.le@mekongfreight.vn>\n"
        "Subject: customs papers\n\nChị Hồng,\n\nThe two containers are still held at the port. "
        "Lê Thị Hồng will call the broker tomorrow.\n\nThanks,\nQuỳnh"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([mail])[0].text
    for value in ("Quỳnh", "Hồng", "Vũ Hoàng"):
        assert value not in stored, stored
    assert "containers are still held" in stored
    assert vault.lookup_value("Lê Thị Hồng", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["Did Lê Thị Hồng call the broker?"], store=False)[0].text
    assert "Hồng" not in question, question


def test_company_line_of_a_signature_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 21: the line after the sender's name and role in an e-mail signature, above the postal
    address, is the sender's company (ORGANIZATION), not a person nor clear text. With organizations
    pseudonymized, it is stored pseudonymized, erasure finds it, a question naming it is pseudonymized; the
    sender's name stays a pseudonymized person."""
    mail = (
        "Subject: pallet invoice 4471\n\nHello,\n\nThe corrected invoice is attached.\n\n"
        "Kind regards,\n\nTeodora Vasilescu-Pop\nHead of Procurement\nKestrelmoor Haulage\n"
        "14 Wharf Lane, Leeds LS1 4AB\nTel. +44 113 496 0718"
    )
    found = {(r.entity_type, mail[r.start : r.end]) for r in detector.analyze([mail])[0]}
    assert ("ORGANIZATION", "Kestrelmoor Haulage") in found
    assert ("PERSON", "Teodora Vasilescu-Pop") in found
    pseudo = Pseudonymizer(detector, vault, ["PERSON", "ORGANIZATION"])
    stored = pseudo.run([mail])[0].text
    for value in ("Kestrelmoor", "Vasilescu-Pop", "Teodora"):
        assert value not in stored, stored
    assert "Head of Procurement" in stored and "corrected invoice" in stored
    assert vault.lookup_value("Kestrelmoor Haulage", "ORGANIZATION")  # what `privrag erase --value` finds
    question = pseudo.run(["Has Kestrelmoor Haulage sent the corrected invoice?"], store=False)[0].text
    assert "Kestrelmoor" not in question, question


def test_a_name_after_a_qualified_title_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 22: a nationality, a country or an office before a title ("Ghanaian Ambassador ...", "U.S.
    President ...") is no part of the name that follows: the vault holds the name itself, so erasure of
    the name finds it, and a question naming the person is pseudonymized; the title stays readable."""
    memo = (
        "VISIT NOTE\n\nOn 12 May the Ghanaian Ambassador Kwabena Asante-Darko toured the Tema plant with "
        "U.S. Consul Marjorie Ellingsworth. Asante-Darko asked for the safety figures."
    )
    found = {memo[r.start : r.end] for r in detector.analyze([memo])[0] if r.entity_type == "PERSON"}
    assert {"Kwabena Asante-Darko", "Marjorie Ellingsworth"} <= found, found
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    for value in ("Kwabena", "Asante-Darko", "Ellingsworth"):
        assert value not in stored, stored
    assert "Ghanaian Ambassador" in stored and "Consul" in stored
    assert vault.lookup_value("Kwabena Asante-Darko", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("Marjorie Ellingsworth", "PERSON")
    question = pseudo.run(["What did Kwabena Asante-Darko ask for?"], store=False)[0].text
    assert "Asante-Darko" not in question, question


def test_names_in_a_column_of_names_of_an_hr_export_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 23: in an HR spreadsheet exported as CSV, a line manager the NER model misses ("Georgia
    Whitlock": a US state's name; "Wiremu Tane") sits in a column of names the model found: the column vote
    finds it. Stored pseudonymized, erasure finds it, a question naming it is pseudonymized; units stay."""
    csv = (
        "staff_no,name,unit,joined,line_manager,phone\n"
        "4410,Chidera Okafor,Claims,2019-03-04,Ruairi Byrne,+44 20 7946 0311\n"
        "4417,Wiremu Tane,Claims,2020-07-13,Ruairi Byrne,+44 20 7946 0318\n"
        "4423,Saoirse Kehoe,Audit,2021-01-18,Lindiwe Khumalo,+44 20 7946 0324\n"
        "4431,Mateus Carvalho,Audit,2022-05-09,Lindiwe Khumalo,+44 20 7946 0332\n"
        "4436,Sydney Abara,Claims,2023-10-02,Georgia Whitlock,+44 20 7946 0337\n"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([csv])[0].text
    for value in ("Whitlock", "Wiremu", "Tane", "Okafor", "Khumalo"):
        assert value not in stored, stored
    assert stored.count("Claims") == 3 and "line_manager" in stored
    assert vault.lookup_value("Georgia Whitlock", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("Wiremu Tane", "PERSON")
    question = pseudo.run(["Who reports to Georgia Whitlock?"], store=False)[0].text
    assert "Whitlock" not in question, question


def test_a_name_in_the_possessive_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 24: a name in the possessive ("Ms Adebayo-Lindqvist's cover") is the name without "'s": the
    rules that drop odd-shaped spans kept it no longer out, the vault holds the name itself (erasure finds it)
    and a question naming the person is pseudonymized."""
    memo = (
        "Rota note, week 19. Prepared by T. Brandvold, checked by R. Halvorsen. "
        "Ms Adebayo-Lindqvist's cover is Okonjo."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    assert "Adebayo-Lindqvist" not in stored and "cover is" in stored, stored
    assert vault.lookup_value("Adebayo-Lindqvist", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["Who covers for Adebayo-Lindqvist?"], store=False)[0].text
    assert "Adebayo-Lindqvist" not in question, question


def test_a_surname_by_its_title_or_its_verb_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 25: a short surname after a title that is also an English word ("Ms. Oh"), a surname alone
    before a verb of people ("Mensah joined", "Obi was asked", "El-Khoury confirmed": an Arabic particle
    joined by a hyphen no longer hides the lexicon's surname). Stored pseudonymized, erasure finds them, a
    question naming them is pseudonymized; the verbs stay readable."""
    memo = (
        "Site visit, Kumasi depot.\nEl-Khoury confirmed the new rota. Ms. Oh thanked the team. "
        "Mensah joined the board in March. Obi was asked to check the drains."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    assert not {"El-Khoury", "Oh", "Mensah", "Obi"} & set(re.findall(r"[\w-]+", stored)), stored
    for name in ("El-Khoury", "Oh", "Mensah", "Obi"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    assert "confirmed the new rota" in stored and "was asked to check" in stored, stored
    question = pseudo.run(["Did El-Khoury tell Ms. Oh about the rota?"], store=False)[0].text
    assert "El-Khoury" not in question and " Oh " not in question, question


def test_an_all_caps_memo_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 26: a memo typed in capitals names people by their surnames after the header: "O'DONOVAN"
    (the lexicon knows "O'Donovan" now) and the other mentions of "SIOBHAN KEANEY" and "ADEBOLA
    OGUNLEYE-WRIGHT" (read title-cased, no acronyms). Stored pseudonymized, erasure finds them, a question
    naming one is pseudonymized."""
    memo = (
        "FROM: BRENDAN O'DONOVAN\nTO: SIOBHAN KEANEY; ADEBOLA OGUNLEYE-WRIGHT\n"
        "SUBJECT: FIRE DRILL ON THURSDAY\n\nPLEASE NOTE THE FIRE DRILL AT 10:00. "
        "O'DONOVAN WILL SWEEP THE FIRST FLOOR AND OGUNLEYE-WRIGHT THE SECOND. KEANEY HOLDS THE REGISTER."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([memo])[0].text
    for name in ("O'DONOVAN", "KEANEY", "OGUNLEYE-WRIGHT"):
        assert name not in stored, stored
    assert "WILL SWEEP THE FIRST FLOOR" in stored and "HOLDS THE REGISTER" in stored, stored
    assert vault.lookup_value("BRENDAN O'DONOVAN", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("KEANEY", "PERSON")
    question = pseudo.run(["Did Brendan O'Donovan sweep the first floor?"], store=False)[0].text
    assert "O'Donovan" not in question, question


def test_an_agent_named_in_a_support_chat_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 27: a support chat export names its agent in parentheses after the role, "Agent (Blessing):",
    a given name that is an everyday word too. Stored pseudonymized, erasure finds it, a question naming the
    agent is pseudonymized."""
    chat = (
        "Live chat — ticket 40211\n\nAgent (Blessing): Hi, you are chatting with the billing team.\n"
        "Customer: my invoice shows the wrong address\nAgent (Blessing): I have corrected it.\n"
        "Customer: no, thanks"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([chat])[0].text
    assert "Blessing" not in stored and stored.count("Agent (") == 2, stored
    assert vault.lookup_value("Blessing", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["Which tickets did Blessing close?"], store=False)[0].text
    assert "Blessing" not in question, question


def test_a_building_named_after_someone_stays_readable(detector: PiiDetector) -> None:
    """Detector 28: "the Mary Seacole building", "Amber alert level" name a thing, not a person; the people in
    the same notice are still found."""
    notice = (
        "Facilities notice. The Mary Seacole building is closed on Friday; Amber alert level stays.\n"
        "Questions to Olusegun Bankole-Fraser, site manager."
    )
    found = persons(detector, notice)
    assert "Olusegun Bankole-Fraser" in found, found
    assert not {"Mary Seacole", "Amber"} & set(found), found


def test_a_roster_in_capitals_and_the_names_below_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 29: a contact sheet lists people in capitals and the note below names one in ordinary case
    ("call Teodora"): that mention is pseudonymized too, erasure finds the name, a question is
    pseudonymized."""
    sheet = (
        "WAREHOUSE B — key contacts\n\nSHIFT LEAD        TEODORA VASILESCU      +40 721 118 334\n"
        "NIGHT SHIFT       AMARA OKONKWO          +44 7700 900 812\n\n"
        "Out of hours, call Teodora. Deliveries from Constanța go to bay 4."
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([sheet])[0].text
    assert "Teodora" not in stored and "TEODORA" not in stored and "OKONKWO" not in stored, stored
    assert vault.lookup_value("Teodora", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["When is Teodora on shift?"], store=False)[0].text
    assert "Teodora" not in question, question


def test_a_name_after_a_rank_abbreviation(detector: PiiDetector) -> None:
    """An incident log signs with ranks ("Sgt.", "Insp", "Cpl."): the whole name after one is a person, even
    when a word of it is an English word ("Fall"); the rank stays readable."""
    log = (
        "Duty officer: Lt. Aminata Ndiaye   Compiled by: Sgt. Mamadou Lamine Fall\n"
        "06:40  Theft of a moped reported; Insp Wanjiru Kamau informed, Cpl. Bongani Dlamini-Sithole there."
    )
    found = {log[r.start : r.end] for r in detector.analyze([log])[0] if r.entity_type == "PERSON"}
    expected = {"Aminata Ndiaye", "Mamadou Lamine Fall", "Wanjiru Kamau", "Bongani Dlamini-Sithole"}
    assert expected <= found, found
