"""A desk plan, a leaderboard and an overtime list, through the real detector and the vault (issue 19,
session 16): each line's number and name, or a name and its figures, read as a house number and a street
before; the names here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

DESKS = (
    "Desk plan, third floor (from Monday)\n"
    "12 Ilse Vandermeulen\n"
    "14 Kwame Asante-Boateng\n"
    "15 Radka Novotná\n"
    "17 Teodor Brankovici\n"
)
LEADERS = "Quiz night, after round two:\n281 Ilse Vandermeulen 70 68 72 71\n282 Sefton Oyelaran 71 70 70 71\n"
OVERTIME = "Overtime this week: R. Oyelaran 12, M. Castellanos 9, T. Abernethy 7, J. Kowalczuk 4."
NAMES = (
    "Ilse Vandermeulen",
    "Kwame Asante-Boateng",
    "Radka Novotná",
    "Teodor Brankovici",
    "Sefton Oyelaran",
    "R. Oyelaran",
    "M. Castellanos",
    "J. Kowalczuk",
)


def test_a_desk_plan_and_score_lists_store_their_names_as_names(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: detector 44 stored the desk plan as one street address ("12 Ilse
    Vandermeulen\\n14 Kwame ...") and the overtime list as two; no name was in clear, but `privrag erase
    --value "Radka Novotná"` found nothing, the vault knowing her only inside an address. Now each name is a
    PERSON of its own: none in clear, each found by erasure, and a question naming one is pseudonymized."""
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    stored = "\n".join(s.text for s in pseudo.run([DESKS, LEADERS, OVERTIME]))
    for name in NAMES:
        assert name.split()[-1] not in stored, stored
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    assert "<STREET_ADDRESS" not in stored, stored
    for words in ("Desk plan, third floor", "Overtime this week:", "after round two"):
        assert words in stored, stored
    question = pseudo.run(["Where does Radka Novotná sit?"], store=False)[0].text
    assert "Novotná" not in question, question


def test_a_nickname_in_brackets_is_pseudonymized_with_the_name(detector: PiiDetector, vault: Vault) -> None:
    """The model finds "Ngozi" only; "(Zizi) Adeyemi" stayed in clear on detector 44. The whole name, the
    nickname inside it, is one value now: erasure finds it, and nothing of it is left in clear."""
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    text = "Please add Ngozi (Zizi) Adeyemi and Robert (Bob) Lyle to the distribution list."
    stored = pseudo.run([text])[0].text
    for word in ("Ngozi", "Zizi", "Adeyemi", "Robert", "Bob", "Lyle"):
        assert word not in stored, stored
    assert "to the distribution list" in stored
    assert vault.lookup_value("Ngozi (Zizi) Adeyemi", "PERSON")
