"""Chat handles shown in brackets after the speaker's display name: a Slack or Teams export that writes
"09:02 김민준 (minjun.kim): ...", "09:31 Baek Ha-neul (haneul): ...". The handle is the speaker's user name,
which names the person as the display name does."""

from __future__ import annotations

import re
from collections.abc import Callable

_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
_WORD = rf"[{_L}]+(?:-[{_L}]+)*"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# The time, a display name of one to forty characters (any script), the handle in brackets, a colon.
_SHOWN_LINE = re.compile(
    rf"(?m)^[ \t]*(?:\[{_CLOCK}\]|{_CLOCK})[ \t]*[^\n():]{{1,40}}[ \t]\(([^\s()]{{2,40}})\):[ \t]"
)
_HANDLE = re.compile(rf"{_WORD}(?:[._]{_WORD})?")
_MIN_LINES = 2


def shown_handles(text: str, speaker: Callable[[str], bool]) -> list[tuple[int, int]]:
    """In a chat log of ``_MIN_LINES`` lines or more that show the speaker's name, then the handle in
    brackets, the spans of the handles that are names: lower-case parts joined by a dot or an underscore
    ("minjun.kim", "dh.lee"), or one word a ``speaker`` test accepts ("haneul", "rose"; not "guest",
    "bot")."""
    lines = list(_SHOWN_LINE.finditer(text))
    if len(lines) < _MIN_LINES:
        return []
    return [
        m.span(1)
        for m in lines
        if _HANDLE.fullmatch(m.group(1)) and ("." in m.group(1) or "_" in m.group(1) or speaker(m.group(1)))
    ]
