"""A corpus full of PII for the determinism tests: the same people, emails and phone numbers across files,
and names in capitals the detector misses (replaced only by propagation or the end-of-job sweep)."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "the",
    "policy",
    "team",
    "office",
    "budget",
    "review",
    "request",
    "ticket",
    "approval",
    "laptop",
    "travel",
    "expense",
    "report",
    "meeting",
    "schedule",
    "project",
    "quarterly",
    "planning",
    "security",
    "training",
    "payroll",
    "facilities",
    "onboarding",
    "contract",
    "vendor",
    "invoice",
    "audit",
]
FILES = 30
PEOPLE = [  # name, email, phone: each appears in several files
    ("Zorblax Quintrell", "zq@example.com", "555-201-3344"),
    ("Jane Doe", "jane.doe@example.com", "(555) 123-4567"),
    ("Robert Smith", "rsmith@corp.example.org", "555-987-6543"),
    ("Maria Garcia", "m.garcia@example.net", "555-444-1212"),
    ("Wei Chen", "wei.chen@example.com", "555-300-7788"),
    ("Olumide Adebayo", "oadebayo@example.org", "555-610-2020"),
]


def pii_sentence(rng: random.Random) -> str:
    name, email, phone = rng.choice(PEOPLE)
    surname = name.split()[-1]
    return rng.choice(
        [
            f"Contact {name} at {email} or call {phone}.",
            f"{name} approved the request; {surname} will send it from {email}.",
            f"{name} signed. Signed: {name.upper()}, phone {phone}.",  # capitals: by propagation in the file
            f"Signed: {name.upper()}.",  # alone: replaced only if {name} is detected in the same file
            f"Meeting with {name} and {rng.choice(PEOPLE)[0]} about the budget.",
        ]
    )


def make_corpus(folder: Path, seed: int, files: int = FILES) -> None:
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(files):
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120)))
            + ". "
            + " ".join(pii_sentence(rng) for _ in range(rng.randint(0, 2)))
            for _ in range(rng.randint(2, 8))
        ]
        (folder / f"doc_{i:02d}.md").write_text(f"# document {i}\n\n" + "\n\n".join(paragraphs) + "\n")
