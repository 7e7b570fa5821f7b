"""Other mentions in the other case of the names the later steps find (``anonymize.late_mentions``, session
19), through the real detector. The names here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

ROSTER = (
    "## Harbour crew roster, fortnight from Mon 2 Mar\n\n"
    "| Crew member | Role | Week 1 | Week 2 |\n"
    "|---|---|---|---|\n"
    "| Tuimavave, Sefo | Lead | Days | Days |\n"
    "| Kauhalalalo, Liliana | Gate clerk | Nights | Days |\n"
    "| Manuopangai, Rose | Lasher | Days | Off |\n\n"
    "notes from handover book (typed up by sefo):\n"
    "- liliana asked for nights wk1, ok'd\n"
    "- the rose garden by gate 2 needs watering\n"
)


def test_a_rosters_names_typed_in_lower_case_below_it(detector: PiiDetector, vault: Vault) -> None:
    """Detector 47 found the inverted names of the table ("Tuimavave, Sefo") after the step that seeks a
    name's lower-case mentions, and kept "sefo" and "liliana" of the notes in clear. Now neither is; the
    insider's next try, a name English uses as a word ("Rose"), stays a word in lower case ("the rose
    garden"): the rule's exception, on purpose."""
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([ROSTER])[0].text
    for word in ("Sefo", "sefo", "Liliana", "liliana", "Tuimavave", "Kauhalalalo"):
        assert word not in stored, stored
    assert "the rose garden" in stored and "typed up by" in stored, stored


def test_names_joined_by_a_plus_are_two_names(detector: PiiDetector) -> None:
    """The NER model reads "kofi + siosaia" (a text typed in lower case, read truecased) as one name; the
    scorer, the vault and a later "kofi" want each. No name holds a "+" or an "&"."""
    text = "standup notes\n\npresent: kofi, siosaia, bridget\n\n- bridget: ok, kofi + siosaia do the demo\n"
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert "kofi + siosaia" not in found
    assert found.count("kofi") == 2 and found.count("siosaia") == 2, found
