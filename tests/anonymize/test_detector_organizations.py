"""Organizations and places of session 17 through the real detector (spaCy model and name lexicon): places in
capitals, acronyms, legal forms and an organization's other mentions, none of which may take a person's name
out of the pseudonymized types (ORGANIZATION and LOCATION are left in clear by default)."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED


def spans(detector: PiiDetector, text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]]


def test_news_places_in_capitals_acronyms_and_other_mentions(detector: PiiDetector) -> None:
    text = (
        "SOCCER - ISRAEL BEAT BULGARIA\nBERLIN 1996-08-30\n"
        "The OSCE said Zentrix GmbH would help. Zentrix agreed."
    )
    found = spans(detector, text)
    for expected in [
        ("LOCATION", "ISRAEL"),
        ("LOCATION", "BULGARIA"),
        ("LOCATION", "BERLIN"),
        ("ORGANIZATION", "OSCE"),
        ("ORGANIZATION", "Zentrix GmbH"),
        ("ORGANIZATION", "Zentrix"),
    ]:
        assert expected in found, found


def test_a_company_named_with_and_company_is_no_person(detector: PiiDetector) -> None:
    """Before: "H. J. Wilson & Company" above an address block was pseudonymized as a person."""
    text = "Natasha Barros\nScience technician\nH. J. Wilson & Company\nUnit 6204 Box 9180\nDPO AA 32754"
    found = spans(detector, text)
    assert ("ORGANIZATION", "H. J. Wilson & Company") in found and ("PERSON", "Natasha Barros") in found


def test_names_in_capitals_that_are_places_too_stay_persons(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: a signature and a list in capitals whose given names are places (Victoria,
    Georgia, Austin) and a surname that names a company: nothing of the people is left in clear."""
    text = (
        "Victoria Chen and Georgia Bell joined Okafor Holdings Ltd in May. Mr Okafor welcomed them.\n\n"
        "SIGNED: VICTORIA CHEN\nPRESENT: GEORGIA BELL, AUSTIN PRICE"
    )
    found = spans(detector, text)
    assert not [v for t, v in found if t == "LOCATION"], found
    (out,) = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED).run([text])
    for name in ("Victoria", "VICTORIA", "Georgia", "GEORGIA", "AUSTIN", "PRICE", "Mr Okafor"):
        assert name not in out.text, out.text


def test_a_sign_off_in_capitals_named_like_a_city_stays_hidden(detector: PiiDetector, vault: Vault) -> None:
    """The insider's next try: a one-word sign-off in capitals that is also a large city ("AUSTIN"). The place
    in capitals is no evidence that the document names the place elsewhere, so the person's reading stays."""
    text = "Thanks all, the rota is final.\n\nRegards,\nAUSTIN\nSite lead"
    assert ("PERSON", "AUSTIN") in spans(detector, text)
    (out,) = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED).run([text])
    assert "AUSTIN" not in out.text, out.text
