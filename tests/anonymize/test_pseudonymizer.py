"""Pseudonymization with the real Presidio + spaCy detector and a SQLite vault."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.detector import PiiDetector
from anonymize.keys import load_or_create_key
from anonymize.normalize import normalize_value
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

SURROGATE = re.compile(r"<[A-Z_]+_(?:NEW)?\d+>")


@pytest.fixture
def pseudo(detector: PiiDetector, vault: Vault) -> Pseudonymizer:
    return Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)


def detected(detector: PiiDetector, text: str, entity_type: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == entity_type]


def test_same_person_gets_the_same_surrogate_across_texts_and_runs(pseudo: Pseudonymizer) -> None:
    first, second = pseudo.run(
        ["Jane Doe joined the finance team in 2021.", "Yesterday Jane Doe met Robert Smith in the office."]
    )
    (third,) = pseudo.run(["The laptop was returned by Jane Doe."])
    jane = pseudo.vault.find("PERSON", "Jane Doe")
    robert = pseudo.vault.find("PERSON", "Robert Smith")
    assert jane and robert and jane != robert
    assert first.text == f"{jane} joined the finance team in 2021."
    assert second.text == f"Yesterday {jane} met {robert} in the office."
    assert third.text == f"The laptop was returned by {jane}."
    assert second.replaced["PERSON"] == 2


def test_identifiers_are_replaced_and_reveal_restores_the_text(pseudo: Pseudonymizer) -> None:
    texts = [
        "Email jane.doe@example.com or call (555) 123-4567.",
        "Her SSN is 123-45-6789 and her card is 4111 1111 1111 1111.",
        "Refunds go to IBAN DE89 3704 0044 0532 0130 00.",
        "The VPN server IP is 192.168.10.42.",
        "She lives at 5512 NE 72nd Avenue, Vancouver, WA 98661 now.",
    ]
    raw_values = [
        "jane.doe@example.com",
        "(555) 123-4567",
        "123-45-6789",
        "4111 1111 1111 1111",
        "DE89 3704 0044 0532 0130 00",
        "192.168.10.42",
        "5512 NE 72nd Avenue",
    ]
    results = pseudo.run(texts)
    output = "\n".join(r.text for r in results)
    for value in raw_values:
        assert value not in output
    replaced = sum((r.replaced for r in results), start=type(results[0].replaced)())
    for entity_type in [
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "US_SSN",
        "CREDIT_CARD",
        "IBAN_CODE",
        "IP_ADDRESS",
        "STREET_ADDRESS",
    ]:
        assert replaced[entity_type] == 1, (entity_type, output)
        assert f"<{entity_type}_1>" in output
    for original, result in zip(texts, results, strict=True):
        assert pseudo.vault.reveal_text(result.text)[0] == original


def test_organizations_and_dates_are_left_in_place(pseudo: Pseudonymizer) -> None:
    text = "Jane Doe joined Acme Corporation on March 3, 2021."
    (result,) = pseudo.run([text])
    assert "Acme Corporation" in result.text
    assert "March 3, 2021" in result.text
    assert "Jane Doe" not in result.text
    assert result.detected["ORGANIZATION"] >= 1 and result.detected["DATE_TIME"] >= 1
    assert "ORGANIZATION" not in result.replaced and "DATE_TIME" not in result.replaced
    assert set(pseudo.vault.stats().per_type) == {"PERSON"}


def test_text_without_pii_is_unchanged(pseudo: Pseudonymizer) -> None:
    (result,) = pseudo.run(["The quarterly report is due next week."])
    assert result.text == "The quarterly report is due next week."
    assert not result.replaced
    assert pseudo.run([]) == []


def test_question_mode_uses_known_surrogates_and_does_not_store_new_ones(pseudo: Pseudonymizer) -> None:
    pseudo.run(["Jane Doe approved the budget."])
    jane = pseudo.vault.find("PERSON", "Jane Doe")
    before = pseudo.vault.stats()

    (question,) = pseudo.run(["What did Jane Doe and Zorblax Quintrell discuss?"], store=False)

    assert question.text == f"What did {jane} and <PERSON_NEW1> discuss?"
    assert pseudo.vault.stats() == before
    assert pseudo.vault.find("PERSON", "Zorblax Quintrell") is None
    # an unseen name in a question is not remembered for propagation either
    missed = "ZORBLAX QUINTRELL signed the form."
    assert detected(pseudo.detector, missed, "PERSON") == []
    (later,) = pseudo.run([missed], store=False)
    assert later.text == missed


def test_question_keeps_an_unseen_name_the_caller_holds_in_clear(pseudo: Pseudonymizer) -> None:
    pseudo.run(["Jane Doe approved the budget."])
    jane = pseudo.vault.find("PERSON", "Jane Doe")
    asked: list[str] = []

    def in_clear(term: str) -> bool:
        asked.append(term)
        return term == "Angiotensin"

    (question,) = pseudo.run(
        ["Angiotensin converting enzyme inhibitors were approved by Jane Doe."],
        store=False,
        keep_clear=in_clear,
    )
    assert question.text == f"Angiotensin converting enzyme inhibitors were approved by {jane}."
    assert asked == ["Angiotensin"]  # a name the vault knows is replaced without asking
    (other,) = pseudo.run(["Deltex has no known interactions with eIF3f."], store=False, keep_clear=in_clear)
    assert other.text == "<PERSON_NEW1> has no known interactions with eIF3f."
    with pytest.raises(ValueError, match="keep_clear"):
        pseudo.run(["Angiotensin"], keep_clear=in_clear)


def test_question_keeps_a_known_name_the_caller_holds_mostly_in_clear(pseudo: Pseudonymizer) -> None:
    """A value the vault knows as a person ("Nanog", a gene taken for a name in one title) stays as written
    in a question when ``prefer_clear(written, surrogate)`` says the asker's documents use it as a word; a
    known name they do not is replaced; stored texts never skip a surrogate."""
    pseudo.run(["Jane Doe approved the budget."])
    nanog = pseudo.vault.surrogate("PERSON", "Nanog")  # a false positive of an earlier job
    jane = pseudo.vault.find("PERSON", "Jane Doe")
    asked: list[tuple[str, str]] = []

    def mostly_clear(term: str, surrogate: str) -> bool:
        asked.append((term, surrogate))
        return term == "Nanog"

    (question,) = pseudo.run(
        ["Nanog levels were checked by Jane Doe."], store=False, prefer_clear=mostly_clear
    )
    assert question.text == f"Nanog levels were checked by {jane}."
    assert ("Nanog", nanog) in asked and ("Jane Doe", jane) in asked
    (plain,) = pseudo.run(["Nanog levels were checked by Jane Doe."], store=False)
    assert plain.text == f"{nanog} levels were checked by {jane}."  # without the caller's view: replaced
    with pytest.raises(ValueError, match="prefer_clear"):
        pseudo.run(["Nanog"], prefer_clear=mostly_clear)


def test_names_found_once_are_propagated_where_the_detector_misses_them(
    detector: PiiDetector, pseudo: Pseudonymizer
) -> None:
    missed_full = "ZORBLAX QUINTRELL signed the form."
    missed_part = "See Quintrell."  # ("Quintrell approved it." is a person by what people do)
    # preconditions: on their own, the detector finds no person in these texts
    assert detected(detector, missed_full, "PERSON") == []
    assert detected(detector, missed_part, "PERSON") == []

    (header,) = pseudo.run(["From: Zorblax Quintrell <zq@example.com>\nSubject: form"])
    person = pseudo.vault.find("PERSON", "Zorblax Quintrell")
    assert person and person in header.text

    full, part = pseudo.run([missed_full, missed_part])  # a later batch
    assert full.text == f"{person} signed the form."
    assert part.text == f"See {person}."  # a surname alone maps to the full name
    assert pseudo.vault.stats().per_type["PERSON"] == 1


def test_propagation_survives_a_new_pseudonymizer_on_the_same_vault(
    detector: PiiDetector, vault: Vault
) -> None:
    Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED).run(["From: Zorblax Quintrell <zq@example.com>"])
    person = vault.find("PERSON", "Zorblax Quintrell")

    fresh = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)  # another run: empty memory
    (result,) = fresh.run(["ZORBLAX QUINTRELL signed the form."])
    assert result.text == f"{person} signed the form."


def test_short_lowercase_words_are_not_propagated(pseudo: Pseudonymizer) -> None:
    pseudo.run(["From: Zorblax Quintrell <zq@example.com>"])
    (result,) = pseudo.run(["the quintrell file"])  # a name part only matches capitalized
    assert result.text == "the quintrell file"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_possessive_keeps_the_s(pseudo: Pseudonymizer, apostrophe: str) -> None:
    (result,) = pseudo.run([f"Jane Doe{apostrophe}s laptop was stolen."])
    jane = pseudo.vault.find("PERSON", "Jane Doe")
    assert result.text == f"{jane}{apostrophe}s laptop was stolen."
    assert pseudo.vault.reveal(jane) == "Jane Doe"


def test_only_configured_types_are_replaced(detector: PiiDetector, vault: Vault) -> None:
    pseudo = Pseudonymizer(detector, vault, ["EMAIL_ADDRESS"])
    (result,) = pseudo.run(["Jane Doe wrote from jane.doe@example.com."])
    assert result.text == "Jane Doe wrote from <EMAIL_ADDRESS_1>."
    assert result.detected["PERSON"] == 1
    assert "types=EMAIL_ADDRESS" in pseudo.version


def test_output_contains_only_well_formed_surrogates(pseudo: Pseudonymizer) -> None:
    (result,) = pseudo.run(["Contact Jane Doe at jane@example.com, phone 555.123.4567, SSN 123-45-6789."])
    tokens = SURROGATE.findall(result.text)
    assert len(tokens) == 4
    assert all(pseudo.vault.reveal(t) for t in tokens)


# --- determinism: a document's text depends on the document and a fixed vault snapshot only ----------------

DOCUMENTS = [
    ["From: Zorblax Quintrell <zq@example.com>\nSubject: budget", "ZORBLAX QUINTRELL approved it.", "budget"],
    ["ZORBLAX QUINTRELL signed the form.", "See Quintrell at 555-123-4567 tomorrow.", "form"],
    ["Jane Doe met Robert Smith in Boston.", "Write to jane.doe@example.com about it.", "meeting notes"],
    ["Robert Smith and Jane Doe reviewed the contract.", "Call (555) 123-4567 first.", "contract"],
]


def fresh_vault(folder: Path) -> Vault:
    folder.mkdir()
    return Vault(create_engine(f"sqlite:///{folder}/v.db"), load_or_create_key(folder / "vault.key"))


def canonical(vault: Vault, texts: list[str]) -> list[str]:
    """Texts with each surrogate shown as type and normalized value (the vault keeps the first form seen):
    comparable across vaults that numbered the values in another order."""
    return [
        re.sub(
            r"<([A-Z_]+?)_(\d+)>", lambda m: f"<{m[1]}:{normalize_value(m[1], vault.reveal(m[0]) or '')}>", t
        )
        for t in texts
    ]


def test_batch_grouping_does_not_change_any_document(detector: PiiDetector, tmp_path: Path) -> None:
    outputs = []
    groupings = [[[0, 1, 2, 3]], [[0], [1], [2], [3]], [[0, 1], [2, 3]], [[0], [1, 2, 3]]]
    for number, grouping in enumerate(groupings):
        pseudo = Pseudonymizer(detector, fresh_vault(tmp_path / f"v{number}"), DEFAULT_PSEUDONYMIZED)
        texts: dict[int, list[str]] = {}
        for call in grouping:  # one call per batch, the job's snapshot: the empty vault it started with
            results = pseudo.run_documents([DOCUMENTS[i] for i in call], known_until=0)
            texts.update({i: [r.text for r in result] for i, result in zip(call, results, strict=True)})
        outputs.append([texts[i] for i in range(len(DOCUMENTS))])
    assert all(output == outputs[0] for output in outputs[1:])  # identical, surrogate numbers included
    first = outputs[0]
    assert "ZORBLAX" not in first[0][1]  # propagated within its own document
    assert first[1][0] == "ZORBLAX QUINTRELL signed the form."  # never from another document of the job
    assert "Jane Doe" not in " ".join(first[2] + first[3]) and "555" not in " ".join(first[1] + first[3])


def test_document_order_changes_only_the_numbering(detector: PiiDetector, tmp_path: Path) -> None:
    forward = Pseudonymizer(detector, fresh_vault(tmp_path / "forward"), DEFAULT_PSEUDONYMIZED)
    backward = Pseudonymizer(detector, fresh_vault(tmp_path / "backward"), DEFAULT_PSEUDONYMIZED)
    ahead = forward.run_documents(DOCUMENTS, known_until=0)
    behind = backward.run_documents(DOCUMENTS[::-1], known_until=0)[::-1]
    for one, other in zip(ahead, behind, strict=True):
        assert canonical(forward.vault, [r.text for r in one]) == canonical(
            backward.vault, [r.text for r in other]
        )
    assert forward.vault.stats() == backward.vault.stats()


def test_with_keyed_numbers_document_order_changes_nothing(detector: PiiDetector, tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "shared.key")  # one vault key, as shards of one vault share it
    texts = []
    for name, documents in (("forward", DOCUMENTS), ("backward", DOCUMENTS[::-1])):
        (tmp_path / name).mkdir()
        vault = Vault(create_engine(f"sqlite:///{tmp_path / name}/v.db"), key, numbering="keyed")
        pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
        results = pseudo.run_documents(documents, known_until=0)
        texts.append(([[r.text for r in group] for group in results], sorted(vault.iter_values())))
        assert pseudo.version.endswith(";numbers=keyed")  # recorded by the index: no mixing with sequential
    (forward, forward_vault), (backward, backward_vault) = texts
    assert forward == backward[::-1] and forward_vault == backward_vault
    assert "<PERSON_" in forward[0][1] and dict(forward_vault)  # names replaced, one spelling in the vault


def test_known_values_compete_in_a_canonical_order_not_the_vaults() -> None:
    from anonymize.known_values import known_of as _known_of

    entries = [("Jordan Lake", "LOCATION"), ("Jordan Lake", "PERSON"), ("Anil Lake", "PERSON")]
    one, other = _known_of(entries), _known_of(entries[::-1])
    assert one.types == other.types == {"Jordan Lake": "LOCATION", "Anil Lake": "PERSON"}
    assert one.aliases["Lake"] == other.aliases["Lake"] == "Anil Lake"


def test_values_stored_after_the_mark_do_not_propagate(detector: PiiDetector, vault: Vault) -> None:
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    mark = pseudo.vault_mark()
    pseudo.run_documents([DOCUMENTS[0]], known_until=mark)  # stores Zorblax Quintrell
    person = vault.find("PERSON", "Zorblax Quintrell")
    assert person
    # the same job (same mark, e.g. resumed after a crash): the other document is untouched
    ((same_job, _, _),) = pseudo.run_documents([DOCUMENTS[1]], known_until=mark)
    assert same_job.text == "ZORBLAX QUINTRELL signed the form."
    # a later job (a mark after the entry): the value now propagates
    ((later, part, _),) = pseudo.run_documents([DOCUMENTS[1]], known_until=pseudo.vault_mark())
    assert later.text == f"{person} signed the form."
    assert part.text.startswith(f"See {person} at <PHONE_NUMBER_")


def test_propagation_in_a_large_vault_finds_full_values_and_name_parts(
    detector: PiiDetector, vault: Vault
) -> None:
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    letters = [
        a + b for a in "abcdefghijklmnopqrst" for b in "abcdefghijklmnop"
    ]  # a vault far larger than a text
    for suffix in letters:
        vault.surrogate("PERSON", f"Per{suffix} Lan{suffix}")
    pseudo.run(["From: Zorblax Quintrell <zq@example.com>"])
    assert len(pseudo.known()) == len(letters) + 2
    (result,) = pseudo.run(["ZORBLAX QUINTRELL met PERAB LANAB and Lanbc, not lancd."])
    zorblax, ab, bc = (vault.find("PERSON", v) for v in ["Zorblax Quintrell", "Perab Lanab", "Perbc Lanbc"])
    assert result.text == f"{zorblax} met {ab} and {bc}, not lancd."
    # A name part the same text also writes in lower case is taken for a common word, not a name.
    assert pseudo.run(["Lanbc spoke; lanbc is also a word here."])[0].text.startswith("Lanbc spoke")


def test_sweep_replaces_values_added_since_a_mark_without_new_surrogates(
    pseudo: Pseudonymizer, vault: Vault
) -> None:
    before = vault.last_id()
    pseudo.run(["Priya Raman joined the finance team; write to priya.raman@example.com."])
    known = pseudo.known_between(before)
    stats = vault.stats()
    swept = pseudo.sweep("Notes: PRIYA RAMAN and Raman again, priya.raman@example.com, Raman's desk.", known)
    assert "raman" not in swept.lower(), swept
    assert vault.reveal_text(swept)[0].count("Priya Raman") == 3
    assert vault.stats() == stats  # no new vault entry: only known values are replaced
    assert pseudo.sweep("Nothing personal here.", known) == "Nothing personal here."
    assert pseudo.sweep("Raman", pseudo.known_between(vault.last_id())) == "Raman"  # nothing new: no change


def test_one_word_values_propagate_only_as_name_shaped_words() -> None:
    from anonymize.pseudonymizer import KnownValues, _propagated

    known = KnownValues()
    for value in ("This", "Survival", "BACKGROUND MicroRNA-196", "Priya", "mouse"):
        known.add(value, "PERSON")
    known.add("Boston", "LOCATION")
    text = "This survival study in mouse lung, BACKGROUND: Survival rates. Priya and Boston."
    found = {text[s:e] for s, e, _ in _propagated(text, (known,))}
    # "Survival" propagates as written (title case, not a stop word), except where the text writes "survival".
    assert found == {"Priya"}, found
    other = "Survival rates rose."
    assert {other[s:e] for s, e, _ in _propagated(other, (known,))} == {"Survival"}


def test_a_name_part_also_written_as_a_word_is_the_name_where_only_a_name_is_capitalized(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider reads the one document in which a known person's name stayed in clear because the text
    also writes it as a word ("the tesla", a unit): a capital inside a sentence tells the name, and then every
    capitalized mention is replaced; the lower-case word stays. A title's capitalized run tells nothing."""
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    tesla = vault.surrogate("PERSON", "Nikola Tesla")
    (result,) = pseudo.run(
        [
            "Tesla died on 7 January 1943. There has been a resurgence of interest in Tesla since the 1990s. "
            "The SI unit of magnetic flux density, the tesla, is named in his honour."
        ]
    )
    assert "Tesla" not in result.text, result.text
    assert "the tesla, is named" in result.text
    assert vault.reveal_text(result.text)[0].count("Nikola Tesla") == 2  # his two mentions, one surrogate
    assert result.text.count(tesla) == 2
    vault.surrogate("PERSON", "Ana Tumor")
    text = "Tumor growth slowed. The Effect of Tumor Necrosis Factor on tumor cells was measured."
    assert pseudo.run([text])[0].text == text
    # Nor a name's run across a stop word, nor a sentence's start before a modal (XQuAD's Methodist passage).
    vault.surrogate("PERSON", "Ana Church")
    vault.surrogate("PERSON", "Committees")
    text = (
        "The United Methodist Church states it. The General Board of Church and Society met; the church "
        "voted. Committees can also meet outside the committees' rooms."
    )
    assert pseudo.run([text])[0].text == text


def test_names_joined_by_no_break_or_zero_width_spaces_and_possessives(pseudo: Pseudonymizer) -> None:
    """Session 19, an insider's probes: a name typed with a no-break space (word processors, web pages), a
    zero-width space (HTML exports) or before a possessive kept its surname, or all of it, in clear
    ("Tunde\u00a0Bakare" found as "Tunde"; "Tunde Bakare's laptop" not found). Each form is one person, with
    one surrogate, and nothing of the name is left."""
    texts = [
        "Please ask Tunde\u00a0Bakare for the keys.",
        "Please ask Tunde\u200bBakare for the keys.",
        "Tunde Bakare's laptop was lost.",
        "Ngozi Okafor\u2019s badge expired; Ngozi\u202fOkafor renewed it.",
        "Ｔｕｎｄｅ Ｂａｋａｒｅ signed the form.",
    ]
    out = pseudo.run(texts)
    tunde = pseudo.vault.find("PERSON", "Tunde Bakare")
    assert tunde
    for result in out:
        assert "Bakare" not in result.text and "Okafor" not in result.text, result.text
        assert "Ｂａｋａｒｅ" not in result.text, result.text
    assert out[0].text == f"Please ask {tunde} for the keys."
    assert out[1].text == f"Please ask {tunde} for the keys."
    assert out[2].text == f"{tunde}'s laptop was lost."


def test_names_split_by_invisible_characters_are_replaced_whole(pseudo: Pseudonymizer) -> None:
    """Session 20, an insider's probe: soft hyphens (hyphenation points of word processors and PDF exports)
    or a zero-width space inside the words of a name show nothing on the page, but the NER model and the
    lexicon read unknown fragments: "Tun\u00adde Bak\u00adare" was stored in clear. The name is found as the
    reader sees it, replaced with its invisible characters, and it is the same person as the plain form."""
    texts = [
        "Tunde Bakare approved the budget.",
        "The reviewer was Tun\u00adde Bak\u00adare from legal.",
        "Please ask Tu\u200bnde Ba\u00adka\u00adre for the keys.",
    ]
    out = pseudo.run(texts)
    tunde = pseudo.vault.find("PERSON", "Tunde Bakare")
    assert tunde
    assert out[1].text == f"The reviewer was {tunde} from legal."
    assert out[2].text == f"Please ask {tunde} for the keys."
    assert pseudo.vault.find("PERSON", "Tun\u00adde Bak\u00adare") == tunde


def test_a_known_surname_the_detector_finds_in_lower_case_keeps_its_surrogate(pseudo: Pseudonymizer) -> None:
    """Session 19, an insider's probe: once "Tunde Bakare" is in the vault, a chat's "ask bakare" (found by
    the lower-case name recognizer) got a second surrogate; it is the known person's now. Limit, kept: a known
    part is propagated across texts only as written, so "BAKARE APPROVED IT" in a later memo stays in clear
    unless the detector reads it (propagating other-case forms across texts turned "oncogenic", "KRAS" and
    "MEDLINE" into surrogates all over SciFact and cost retrieval its target)."""
    pseudo.run(["Tunde Bakare approved the budget."])
    tunde = pseudo.vault.find("PERSON", "Tunde Bakare")
    (chat,) = pseudo.run(["ask bakare about it"])
    assert chat.text == f"ask {tunde} about it"


def test_a_known_part_takes_the_other_half_of_a_hyphenated_name(pseudo: Pseudonymizer) -> None:
    """Session 19: "Nunez" known (from "Jose Nunez") was replaced inside "Nunez-Ibanez", which the detector
    did not find, leaving "<PERSON_n>-Ibanez": half of the surname in clear beside a surrogate. The known
    part's mention takes the hyphenated name's other half, in capitals too; not a lower-case compound."""
    texts = [
        "Ask Jose Nunez about it.",
        "The budget was approved by Nunez-Ibanez.",
        "NUNEZ-IBANEZ APPROVED IT",
        "A Nunez-led review.",
    ]
    out = [r.text for r in pseudo.run(texts)]
    assert "Ibanez" not in out[1] and "IBANEZ" not in out[2], out
    assert SURROGATE.fullmatch(out[1].removeprefix("The budget was approved by ").removesuffix("."))
    assert out[3].endswith("-led review."), out[3]
