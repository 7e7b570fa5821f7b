"""A synthetic business corpus for `privrag bench ingest --large synthetic`: N documents written once.

Memos, meeting minutes, customer e-mails and invoices with people's names, e-mail addresses and phone numbers
drawn from a large pool (14,000 names, a new phone number nearly every time), so the vault keeps growing as it
does on a real share. Deterministic: document ``i`` depends only on the seed and ``i``, so every machine
measures the same corpus. Written once into a cache folder (1,000 files per sub-folder), then reused.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

VERSION = 1
PER_FOLDER = 1000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Aaron Abigail Adele Ahmed Aiko Alan Alba Alejandro Alice Amara Amir Ana Anders Andrea Anika Anton Arjun "
    "Astrid Ayumi Beatriz Benedikt Bianca Boris Bruno Camille Carlos Carmen Cecilia Chen Chiara Clara Colin "
    "Dalia Daniel Daria Deepak Diego Dmitri Elena Elif Elisa Emeka Emil Emma Enzo Erik Esther Fatima Felix "
    "Fernando Fiona Florian Freya Gabriel Greta Hamza Hana Hannah Harald Helena Henrik Hiroshi Hugo Ines "
    "Ingrid Irene Isaac Ivan Jakob Jana Javier Johanna Jonas Jorge Julia Kai Karim Katarina Kenji Klara "
    "Lara Laura Leon Lena Leo Lina Lucas Luisa Magnus Maja Malik Marco Maria Marta Mateo Matilda Maya Mehmet "
    "Mila Milan Mohamed Nadia Naomi Nikolai Nina Noah Nora Olga Oliver Omar Oskar Paula Pavel Petra Priya "
    "Rafael Rania Rosa Ruben Sakura Samuel Sara Selin Simon Sofia Stefan Svetlana Tariq Teresa Theo Tomas "
    "Valentina Victor Vera Viktor Wei Yara Yusuf Zara Zoltan"
)
LAST = _words(
    "Abbott Adeyemi Alvarez Andersen Aydin Bakker Banerjee Barros Becker Bergstrom Bianchi Blackwood Borges "
    "Brennan Castillo Chowdhury Costa Dahl Delgado Dimitrov Dubois Eriksen Esposito Falk Fernandes Fischer "
    "Fontaine Gallagher Garcia Gomez Greco Gunnarsson Haddad Hartmann Hayashi Herrera Hoffmann Horvat "
    "Ibrahim Ivanova Jansen Jensen Kaminski Kapoor Keller Kim Kowalski Kruger Laine Larsen Lehmann Lindqvist "
    "Lombardi Lopez Lund Maier Marino Martens Mendes Meyer Moreau Murphy Nakamura Navarro Nielsen Novak "
    "Oliveira Olsen Ortega Osei Pappas Park Pereira Petrov Popescu Quinn Ramos Reyes Richter Rossi Sahin "
    "Santos Sato Schmidt Schneider Silva Sorensen Suzuki Takahashi Tanaka Torres Varga Vasquez Vogel "
    "Wagner Weber Wojcik Yamamoto Yilmaz Zhang Zimmermann"
)
COMPANIES = _words(
    "Northwind Contoso Fabrikam Tailspin Litware Adatum Proseware Wingtip Lucerne Woodgrove Fourth Coffee "
    "Alpine Blue Yonder Margie Trey Wide World Humongous Relecloud"
)
CITIES = _words(
    "Lisbon Hamburg Lyon Turin Krakow Utrecht Gothenburg Porto Leeds Graz Bilbao Tampere Brno Cork"
)
TOPICS = (
    "the quarterly budget",
    "the vendor contract renewal",
    "the office move",
    "the new expense policy",
    "the customer onboarding process",
    "the data retention schedule",
    "the annual security audit",
    "the travel approval workflow",
    "the payroll migration",
    "the warehouse inventory count",
    "the product launch plan",
    "the support ticket backlog",
)
SENTENCES = (
    "{p1} asked whether {topic} can be finalised before the end of the month.",
    "Following the review, {p1} and {p2} agreed to circulate a revised draft of {topic} by Friday.",
    "Please send your comments on {topic} to {e1} or call {ph1} during office hours.",
    "{p2} noted that the {city} team still waits for the signed purchase order from {company}.",
    "The steering group approved {topic} with two changes proposed by {p1}.",
    "Costs for {topic} are {amount} EUR above plan; {p2} will explain the variance at the next meeting.",
    "Action: {p1} to confirm the delivery dates with {company} and update the shared tracker.",
    "For questions about invoice {invoice}, contact {p2} ({e2}, {ph2}).",
    "The {city} office reported that the new process saves about {hours} hours per week.",
    "{p1} will present the figures on {topic} to the board; {p2} prepares the appendix.",
    "We thank {company} for the quick turnaround and expect the final report within {days} days.",
    "Risks: staff turnover in {city}, late supplier confirmations and unclear ownership of {topic}.",
)
KINDS = ("Memo", "Meeting minutes", "Customer e-mail", "Invoice note", "Project update")


def _person(rng: random.Random) -> tuple[str, str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company = rng.choice(COMPANIES)
    email = f"{first.lower()}.{last.lower()}@{company.lower()}.example.com"
    phone = f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    return f"{first} {last}", email, phone, company


def document(seed: int, number: int) -> tuple[str, str]:
    """Document ``number`` of the corpus of ``seed``: (file name, text)."""
    rng = random.Random(f"privrag-synthetic:{seed}:{number}")
    people = [_person(rng) for _ in range(rng.randint(2, 4))]
    kind = rng.choice(KINDS)
    topic = rng.choice(TOPICS)
    paragraphs = []
    for _ in range(rng.randint(2, 7)):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            (p1, e1, ph1, company), (p2, e2, ph2, _) = rng.sample(people, 2)
            sentences.append(
                rng.choice(SENTENCES).format(
                    p1=p1,
                    p2=p2,
                    e1=e1,
                    e2=e2,
                    ph1=ph1,
                    ph2=ph2,
                    company=company,
                    topic=rng.choice(TOPICS),
                    city=rng.choice(CITIES),
                    amount=f"{rng.randint(2, 900) * 100:,}",
                    invoice=f"INV-{rng.randint(10000, 99999)}",
                    hours=rng.randint(2, 40),
                    days=rng.randint(3, 30),
                )
            )
        paragraphs.append(" ".join(sentences))
    author = people[0][0]
    text = f"# {kind}: {topic[4:].capitalize()}\n\nFrom: {author} <{people[0][1]}>\n\n" + "\n\n".join(
        paragraphs
    )
    return f"{kind.lower().replace(' ', '_').replace('-', '')}_{number:06}.md", text + "\n"


def documents(seed: int, count: int) -> Iterator[tuple[str, str]]:
    for number in range(count):
        yield document(seed, number)


def synthetic_corpus(cache: Path, count: int, seed: int = 0) -> Path:
    """The folder of the ``count``-document corpus of ``seed`` under ``cache``, written on first use (a marker
    beside it says it is complete; an interrupted writing is redone)."""
    if count <= 0:
        raise ValueError(f"--docs must be positive, not {count}")
    folder = cache / f"synthetic-v{VERSION}-seed{seed}-{count}"
    marker = folder.with_suffix(".json")
    if marker.is_file():
        return folder
    total = 0
    for number, (name, text) in enumerate(documents(seed, count)):
        sub = folder / f"{number // PER_FOLDER:04}"
        sub.mkdir(parents=True, exist_ok=True)
        total += (sub / name).write_text(text, encoding="utf-8")
    marker.write_text(json.dumps({"documents": count, "seed": seed, "version": VERSION, "chars": total}))
    return folder
