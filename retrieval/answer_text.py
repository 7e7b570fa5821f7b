"""The answer's wording after generation: markers after the claim they support, never at the start; the
asker's "I" not echoed back; markers renumbered 1..k in order of first appearance (the cards follow)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MARKER = re.compile(r"\[(\d+)\]")
_MARKERS = r"\[\d+\](?:\s*\[\d+\])*"
_LEADING = re.compile(rf"^\s*({_MARKERS})[\s:,.-]*")
# "... the loss. [4]" -> "... the loss [4]."; "...loss [4] ." -> "...loss [4]."
_AFTER_STOP = re.compile(rf"(?<=[^\s\d.!?])([.!?])[ \t]*({_MARKERS})")
_SPACE_BEFORE_STOP = re.compile(rf"({_MARKERS})[ \t]+([.!?,;])")
# "45 days\n\n[1]": markers alone on a line belong to the text before them
_MARKER_LINE = re.compile(rf"[ \t]*\n\s*({_MARKERS})[ \t]*(?=\n|$)")
_SENTENCE_END = re.compile(r"(?<=\S)([.!?])(?=\s|$)")
_FIRST_PERSON_Q = re.compile(r"\b(I|me|my|mine|myself|I'm|I've|I'd|I'll)\b")
_SWAPS = [
    (re.compile(r"\bI am\b"), "you are"),
    (re.compile(r"\bI'm\b"), "you're"),
    (re.compile(r"\bI was\b"), "you were"),
    (re.compile(r"\bI've\b"), "you've"),
    (re.compile(r"\bI'd\b"), "you'd"),
    (re.compile(r"\bI'll\b"), "you'll"),
    (re.compile(r"\bI\b"), "you"),
    (re.compile(r"\bmyself\b", re.I), "yourself"),
    (re.compile(r"\bmine\b", re.I), "yours"),
    (re.compile(r"\bmy\b", re.I), "your"),
    (re.compile(r"\bme\b", re.I), "you"),
]


def _markers_in(text: str) -> set[str]:
    return set(_MARKER.findall(text))


def lead_with_the_claim(text: str) -> str:
    """Markers that open the answer move to the end of its first sentence (dropped when that sentence cites
    them already); a marker alone on a line joins the line before it; a marker after a full stop moves before
    it."""
    match = _LEADING.match(text)
    if match:
        markers = _MARKER.findall(match.group(1))
        rest = text[match.end() :]
        end = _SENTENCE_END.search(rest)
        first, tail = (rest[: end.start()], rest[end.start() :]) if end else (rest.rstrip(), "")
        missing = [n for n in dict.fromkeys(markers) if n not in _markers_in(first + tail[:2])]
        if missing:
            first = first.rstrip() + " " + " ".join(f"[{n}]" for n in missing)
        text = first + tail
    text = _MARKER_LINE.sub(r" \1", text)
    text = _AFTER_STOP.sub(lambda m: f" {m.group(2)}{m.group(1)}", text)
    text = _SPACE_BEFORE_STOP.sub(r"\1\2", text)
    return re.sub(r"(\[\d+\])(?:\s*\1)+", r"\1", text).strip()


def _asks_in_first_person(question: str) -> bool:
    """A first-person word in ``question``; an "I" after a capitalized word that does not open the question
    is a numeral ("World War I", "the WG I report"), not the asker."""
    words = question.split()
    for i, match in enumerate(_FIRST_PERSON_Q.search(w) for w in words):
        numeral = match is not None and match.group(0) == "I" and i > 1 and words[i - 1][:1].isupper()
        if match is not None and not numeral:
            return True
    return False


def second_person(text: str, question: str) -> str:
    """The asker's first person ("Who do I call ...") answered as "you", not echoed as "I call ..."."""
    if not _asks_in_first_person(question):
        return text
    for pattern, replacement in _SWAPS:
        text = pattern.sub(replacement, text)
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def renumber(text: str, cited: Sequence[int]) -> tuple[str, dict[int, int]]:
    """Markers as 1..k in the order they first appear (then any cited source the text does not show), and
    the mapping old -> new."""
    order = list(dict.fromkeys([int(n) for n in _MARKER.findall(text)] + list(cited)))
    mapping = {old: new for new, old in enumerate(order, start=1)}
    renumbered = _MARKER.sub(lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", text)
    return renumbered, mapping


def add_marker(text: str, n: int) -> str:
    """``[n]`` at the end of the answer's first sentence (a source privrag matched to an uncited answer)."""
    end = _SENTENCE_END.search(text)
    if end is None:
        return f"{text.rstrip()} [{n}]"
    return f"{text[: end.start()].rstrip()} [{n}]{text[end.start() :]}"


_ALL_MARKERS_SO_FAR = re.compile(r"\s*(?:\[\d+\][\s:,.-]*)*(?:\[\d*)?")
_COMPLETE_MARKERS = re.compile(r"\s*(?:\[\d+\][\s:,.-]*)*")


class StreamLead:
    """What of a streamed draft to show: markers that open it are held back and dropped (the checked answer
    puts them after the claim), everything after them passes as it comes."""

    def __init__(self) -> None:
        self._held = ""
        self._started = False

    def feed(self, piece: str) -> str:
        if self._started:
            return piece
        self._held += piece
        if _ALL_MARKERS_SO_FAR.fullmatch(self._held):
            return ""  # only markers (or the start of one) so far
        self._started = True
        return self._held[_COMPLETE_MARKERS.match(self._held).end() :]  # type: ignore[union-attr]  # always matches
