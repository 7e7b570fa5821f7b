"""The person cues every name rule reads from one place (issue 19, session 17): the patterns match the slots a
reader takes for a person's, and not the look-alike words around them; end to end, a name in such a slot that
the NER model alone misses is pseudonymized, and the same word in no slot stays readable."""

from __future__ import annotations

import re

from anonymize.detector import PiiDetector
from anonymize.person_cues import (
    ABSENT,
    CONTACT_VERBS,
    CREDITS,
    NAME_EVIDENCE_ROLES,
    PASSIVE_FATES,
    PEOPLE_ROLES,
    ROLE_TITLES,
    SPEECH_VERBS,
    passive,
    role_before,
    verb_before,
)
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def test_a_role_before_a_name_in_any_case_with_a_dot_but_not_inside_a_longer_word() -> None:
    roles = role_before(NAME_EVIDENCE_ROLES)
    for before in ("striker ", "Coach ", "Dr. ", "the off-spinner ", "ex-captain ", "full-back\t"):
        assert roles.search(before), before
    for before in ("coaching ", "strikers ", "captaincy ", "coach", "a sprinter "):
        assert not roles.search(before), before


def test_a_verb_whose_object_is_a_person_and_the_credits_of_a_work() -> None:
    contact = verb_before(CONTACT_VERBS, CREDITS)
    for before in ("please call ", "we THANKED ", "e-mailed ", "a film starring ", "her maiden name is "):
        assert contact.search(before), before
    for before in ("recall ", "the calling ", "starring", "calls "):
        assert not contact.search(before), before
    # a rule's own additions stay its own: "cc" is no contact verb of the other rules
    assert verb_before(CONTACT_VERBS, "cc").search("cc ") and not contact.search("cc ")


def test_what_people_do_after_their_name() -> None:
    after = re.compile(rf"[ \t]+(?:{SPEECH_VERBS}|{passive(PASSIVE_FATES)}|{ABSENT})\b")
    for tail in (" said on Monday", " has been appointed", " was off sick", " had been jailed"):
        assert after.match(tail), tail
    for tail in (" saidi", " was appointing", " is away", " has appointed"):
        assert (after.match(tail) is None) == (tail != " is away"), tail


def test_the_role_lists_are_words_in_lower_case_and_the_subsets_stay_apart() -> None:
    for roles in (ROLE_TITLES, PEOPLE_ROLES, NAME_EVIDENCE_ROLES):
        assert all(r == r.casefold() and " " not in r for r in roles)
    # the retyping rule's roles add people's trades to the titles; the titles alone are no trade
    assert not PEOPLE_ROLES & {"mr", "king", "coach"} and {"finalist", "witness"} <= PEOPLE_ROLES


def test_a_name_the_model_misses_in_a_persons_slot_is_pseudonymized_and_erasable(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's case: rare surnames in a role's slot, after a contact verb and before a person's verb
    are stored as pseudonyms and found again by erasure; the same capitalized words that name no person
    (a street, a company) stay readable."""
    text = (
        "Minutes of the transfer meeting. Striker Nwachukwu-Ebere signed on Tuesday; please call Tsvetanka "
        "Oprescu about the medical. Kristiansdottir said the fee is agreed.\n"
        "The kit arrives from Harbour Street via Kestrel Freight Ltd."
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([text])[0].text
    for name in ("Nwachukwu-Ebere", "Tsvetanka", "Oprescu", "Kristiansdottir"):
        assert name not in stored, stored
    for value in ("Nwachukwu-Ebere", "Tsvetanka Oprescu", "Kristiansdottir"):
        assert vault.lookup_value(value, "PERSON"), value  # what `privrag erase --value` finds
    assert "Harbour Street" in stored and "Kestrel Freight Ltd" in stored
