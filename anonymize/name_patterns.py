"""Regular expressions of a name's words: one capitalized word, a name of one to four words with initials
and surname particles (the building blocks of the slot and list recognizers)."""

from __future__ import annotations

# Latin capitals; Latin Extended-A, -B and Additional (Ł, Ư, Đ, Ễ) interleave their cases
UPPER_LATIN = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_LOWER = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ'’"
# Irish and Scottish Gaelic particles, capitalized: "Tomás Ó Briain", "Seán Mac Giolla Bhríde".
GAELIC_PARTICLES = ("Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua")
# One capitalized word of a name: "Anne", "O'Neil", "Anne-Lotte", "Kozłowska".
NAME_WORD = rf"[{UPPER_LATIN}][{_LOWER}]+(?:-[{UPPER_LATIN}]?[{_LOWER}]+)*"
# A name of one to four words, with initials and surname particles: "Maite H Lemmens", "Anthony van den Oord"
# (a particle only before a name word: not the "le" of "Jane Roe led").
# One blank between the words: a run of blanks or a tab is a table's column gap ("Given name    Mon   Tue").
_NAME_PARTICLE = r"(?:van|de|der|den|von|da|di|del|la|le)\b(?=[ \t](?:[A-Z]|(?:van|de|der|den)\b))"
NAME = rf"{NAME_WORD}(?:[ \t](?:[A-Z](?:\.|\b)|{NAME_WORD}|{_NAME_PARTICLE})){{0,3}}"
