"""Names in mail headers, with and without addresses."""

from __future__ import annotations

from anonymize.recognizers.header_names import EmailHeaderNameRecognizer


def spans(recognizer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)]


def test_email_header_names() -> None:
    recognizer = EmailHeaderNameRecognizer()
    text = "From: Jane Doe <jane@x.com>\nTo: Bob Stone <bob@x.com>; Ann Lee <ann@x.com>"
    assert spans(recognizer, text) == ["Jane Doe", "Bob Stone", "Ann Lee"]
    assert spans(recognizer, "From: jane@x.com") == []
    assert recognizer.analyze(text, ["EMAIL_ADDRESS"], None) == []


def test_email_header_names_without_addresses() -> None:
    """Detector 37: a header's recipients typed without addresses, one to a list item, in any case
    (``en_core_web_md`` misses "Park Seo-yeon" after "Cc:"); other lines and one-word items are not read."""
    recognizer = EmailHeaderNameRecognizer()
    text = "From: Ama Boateng\nCc: Park Seo-yeon; Yoon Ha-neul\nSubject: Lab Results Today\n\nSeo-yeon wrote."
    assert spans(recognizer, text) == ["Ama Boateng", "Park Seo-yeon", "Yoon Ha-neul"]
    caps = "TO: MAIREAD O'SULLIVAN; ANGUS MACLEOD\nDATE: 21/01/2026"
    assert spans(recognizer, caps) == ["MAIREAD O'SULLIVAN", "ANGUS MACLEOD"]
    assert spans(recognizer, "Sent to: the whole team\nCc: Finance") == []
