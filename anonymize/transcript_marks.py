"""A transcript's question and answer marks, which are no initials of the name after them.

Depositions, hearings, interviews and FAQ pages write "Q." and "A." at a line's start before what is asked
and answered ("Q. How do you know the plaintiffs?" / "A. Shloime is my cousin's husband."). The name rules
read "A." as a given name's initial and take it into the name ("A. Shloime", "A. Reb Mendel"). Where the
document marks its lines so (a line starting with "Q." and another with "A."), such a mark at a line's start
before a name is cut from it; a signature's "A. Okafor" in a document without questions stays whole.
"""

from __future__ import annotations

import re

# A mark at a line's start, after blanks or a quote sign: "  A. Shloime", "> Q. And Mr. Perlmutter?".
_MARK = re.compile(r"([QA])\.[ \t]+(?=[^\W\d_])")
_LINE_START = re.compile(r"(?:^|\n)[ \t>]*$")
_QUESTION_LINE = re.compile(r"(?m)^[ \t>]*Q\.[ \t]+\S")
_ANSWER_LINE = re.compile(r"(?m)^[ \t>]*A\.[ \t]+\S")


def after_transcript_mark(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` starts after a transcript's "Q." or "A." that leads it at its
    line's start, in a text whose lines are marked with both ("A. Chaya." at "Chaya"); ``start`` otherwise,
    or when nothing would be left."""
    mark = _MARK.match(text, start, end)
    if mark is None or mark.end() >= end or not _LINE_START.search(text, max(0, start - 12), start):
        return start
    if _QUESTION_LINE.search(text) is None or _ANSWER_LINE.search(text) is None:
        return start
    return mark.end()
