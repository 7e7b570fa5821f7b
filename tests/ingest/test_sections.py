"""Cutting long texts into parts at natural boundaries."""

from __future__ import annotations

from ingest.sections import LoadLimits, parts, split_long


def test_short_text_is_one_part() -> None:
    assert split_long("short", 10) == ["short"]
    (section,) = parts("short", LoadLimits(), {"page": 2}, 2)
    assert (section.text, section.meta, section.key) == ("short", {"page": 2}, 2)


def test_long_text_is_cut_at_paragraphs_without_losing_text() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(40))
    pieces = split_long(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_text_without_separators_is_cut_hard() -> None:
    pieces = split_long("x" * 2500, 1000)
    assert [len(p) for p in pieces] == [1000, 1000, 500]


def test_parts_get_numbered_keys_and_share_meta() -> None:
    sections = parts("a " * 3000, LoadLimits(max_section_chars=1000), {"section": "record 4"}, "record 4")
    assert [s.key for s in sections] == [f"record 4.{n}" for n in range(1, len(sections) + 1)]
    assert all(s.meta == {"section": "record 4"} for s in sections)
