"""Persons named in a URL's path (``anonymize.url_names``): the slug finder with a small lexicon, and the
insider's probe through the real detector and the pseudonymizer."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.url_names import slug_names
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

LEXICON = NameLexicon(
    given=frozenset(["tunde", "ngozi", "rose", "xiaoming"]),
    surnames=frozenset(["bakare", "okafor", "garden", "wang"]),
    common=frozenset(["rose", "garden"]),
)


def names(url: str, known: frozenset[str] = frozenset()) -> list[str]:
    return [url[s:e] for s, e in slug_names(url, 0, len(url), LEXICON, known)]


def test_a_given_name_and_a_surname_in_a_slug() -> None:
    assert names("https://www.linkedin.com/in/tunde-bakare-4411/") == ["tunde-bakare"]
    assert names("intranet.acme.com/people/ngozi.okafor?tab=cv") == ["ngozi.okafor"]
    assert names("https://acme.com/u?id=4&user=xiaoming_wang") == ["xiaoming_wang"]


def test_everyday_words_a_host_and_one_name_alone_are_no_person() -> None:
    assert names("https://acme.com/blog/rose-garden-tips") == []
    assert names("https://tunde-bakare.com/about") == []  # the host: a firm's domain as often
    assert names("https://acme.com/teams/ngozi") == []


def test_a_word_of_a_person_the_text_names() -> None:
    assert names("https://wiki.acme.com/staff/okafor", frozenset(["ngozi", "okafor"])) == ["okafor"]


def test_the_insider_reads_no_name_in_a_stored_link(detector: PiiDetector, vault: Vault) -> None:
    """Session 19: URLs are not pseudonymized by default, so a CV's or a directory's link kept the person's
    name in the index ("linkedin.com/in/tunde-bakare-4411"). The name in the link is pseudonymized (a
    surrogate of its own: the vault keys "tunde-bakare" apart from "Tunde Bakare"); the rest of the link
    stays."""
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    text = (
        "Candidate: Tunde Bakare. Profile: https://www.linkedin.com/in/tunde-bakare-4411 and the team page "
        "https://intranet.acme.com/people/ngozi.okafor?tab=cv"
    )
    (out,) = pseudo.run([text])
    assert "bakare" not in out.text.casefold() and "okafor" not in out.text.casefold(), out.text
    assert "https://www.linkedin.com/in/<PERSON_" in out.text
    assert "https://intranet.acme.com/people/<PERSON_" in out.text


def test_the_user_of_a_home_directory(detector: PiiDetector) -> None:
    """Session 19: a file path names its user's login ("C:\\Users\\tbakare", "/home/ngozi.okafor"); not the
    system's accounts, nor a web app's route ("/home/settings")."""
    text = (
        r"Saved to C:\Users\tbakare\Documents\q3.xlsx and /home/ngozi.okafor/reports/q3.xlsx; "
        r"not C:\Users\Public\Desktop, /home/runner/work or the page /home/settings/profile."
    )
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    assert found == ["tbakare", "ngozi.okafor"]


def test_a_deployment_that_pseudonymizes_urls_still_has_all_of_it_replaced(
    detector: PiiDetector, vault: Vault
) -> None:
    """The URL result is cut around the name, not dropped: with URL among the pseudonymized types no piece of
    the address stays in clear."""
    pseudo = Pseudonymizer(detector, vault, [*DEFAULT_PSEUDONYMIZED, "URL"])
    (out,) = pseudo.run(["Profile: https://www.linkedin.com/in/tunde-bakare-4411 (updated)"])
    assert "linkedin" not in out.text and "bakare" not in out.text and "4411" not in out.text, out.text
    assert "<PERSON_" in out.text and "<URL_" in out.text, out.text
