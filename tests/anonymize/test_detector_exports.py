"""An expense export and a rota that write people surname first (issue 19, session 18;
``anonymize.recognizers.inverted_names``): the insider's case through the real detector and vault. The names
here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

CLAIMS = (
    "claim_id,claimant,cost_centre,date,city,amount_zar,approver,status\n"
    "EX-0411,Chikwanha, Farai,SA-OPS-2,2026-01-12,Harare,1 240.00,Thandeka Mahlaba,approved\n"
    "EX-0412,Mthembu-Nkomo, Lindiwe,SA-HR-1,2026-01-14,Durban,385.50,Farai Chikwanha,pending\n"
    "EX-0413,Mahlaba, Thandeka,SA-HR-1,2026-01-15,Durban,85.50,Farai Chikwanha,pending\n"
    "EX-0414,van Rooyen, Marietjie,FIN-3,2026-01-20,Windhoek,2 015.00,Thandeka Mahlaba,returned\n\n"
    "Note: Farai to resend the Bulawayo receipt; Lindiwe approves the HR claims."
)
ROTA = (
    "| Week | Early | Late |\n|---|---|---|\n"
    "| 1 | Tuipulotu, Sione | Kaszubowski, Radosław |\n"
    "| 2 | Kaszubowski, Radosław | Tuipulotu, Sione |\n"
)


def test_an_expense_export_and_a_rota_keep_no_name_in_clear(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: detector 46 stored "Chikwanha, Farai", "Mthembu-Nkomo, Lindiwe" and "van
    Rooyen, Marietjie" of a claims export in clear (the CSV's comma cut each name in two halves no model
    read as names). Now none is in clear, nor the first names used alone below the table; erasure finds each
    person by the name in either order, and a question naming one in natural order is pseudonymized. The
    cost centre after a name ("SA-HR-1") is no legal form ahead: an "SA" company's head made "Mahlaba,
    Thandeka", grown from the mention "Mahlaba" of "Thandeka Mahlaba", an organization's name."""
    found = {CLAIMS[r.start : r.end] for r in detector.analyze([CLAIMS])[0] if r.entity_type == "PERSON"}
    assert {"Chikwanha, Farai", "Mahlaba, Thandeka", "van Rooyen, Marietjie"} <= found, found
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    stored = "\n".join(s.text for s in pseudo.run([CLAIMS, ROTA]))
    for name in (
        "Chikwanha",
        "Farai",
        "Mthembu-Nkomo",
        "Lindiwe",
        "Rooyen",
        "Marietjie",
        "Tuipulotu",
        "Sione",
    ):
        assert name not in stored, stored
    assert "Kaszubowski" not in stored and "Radosław" not in stored, stored
    for kept in ("claimant", "Harare", "approved", "Week", "Early"):
        assert kept in stored, stored
    for name in ("Farai Chikwanha", "Chikwanha, Farai", "Marietjie van Rooyen", "Sione Tuipulotu"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    asked = pseudo.run(["Which claims did Farai Chikwanha file?"], store=False)[0].text
    assert "Farai" not in asked and "Chikwanha" not in asked, asked
