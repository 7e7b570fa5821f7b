"""The one place where surrogates become real values for a reader: an answer, a citation, a conversation.

``reveal(vault, text, scope, typed)`` replaces a surrogate by its value only when

- the reader's scope knows it (it occurs in a chunk the reader may read: ``anonymize.scope``), and
- the reader did not type it (a surrogate written in a question is text the user typed: never revealed, so
  typing ``<US_SSN_1> <US_SSN_2> ...`` enumerates nothing),

and leaves every other surrogate as it is. Callers check the ``reveal`` permission and audit the result.

A stored question keeps the surrogates its asker typed *escaped* (``escape_typed``: ``‹US_SSN_1›``, single
angle quotation marks): no reveal ever matches them, and ``typed_in`` reads them back, so a conversation
knows which surrogates its asker typed without another table.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from anonymize.scope import SurrogateScope, surrogates_in
from anonymize.vault import SURROGATE_PATTERN, Vault

_TYPED = re.compile(r"‹([A-Z][A-Z0-9_]*?_\d+)›")


def escape_typed(text: str, typed: Collection[str]) -> str:
    """``text`` with the surrogates of ``typed`` written ``‹TYPE_n›``: a stored record of what was typed."""
    wanted = set(typed)
    return SURROGATE_PATTERN.sub(
        lambda m: f"‹{m.group(0)[1:-1]}›" if m.group(0) in wanted else m.group(0), text
    )


def typed_in(text: str) -> set[str]:
    """The surrogates ``escape_typed`` marked as typed in ``text``."""
    return {f"<{m.group(1)}>" for m in _TYPED.finditer(text)}


@dataclass(frozen=True)
class Revealed:
    text: str
    count: int  # surrogates replaced (each occurrence)
    surrogates: tuple[str, ...] = ()  # the distinct surrogates revealed, sorted


def reveal(vault: Vault, text: str, scope: SurrogateScope, typed: Collection[str] = ()) -> Revealed:
    """``text`` with the surrogates the reader may see replaced by their values (see the module doc)."""
    candidates = surrogates_in(text) - set(typed)
    if not candidates:
        return Revealed(text, 0)
    allowed = scope.known(candidates) & candidates
    values = {s: vault.reveal(s) for s in sorted(allowed)}
    values = {s: v for s, v in values.items() if v is not None}
    if not values:
        return Revealed(text, 0)
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        value = values.get(match.group(0))
        if value is None:
            return match.group(0)
        count += 1
        return value

    revealed = SURROGATE_PATTERN.sub(replace, text)
    return Revealed(revealed, count, tuple(sorted(values)))


def reveal_all(
    vault: Vault, texts: list[str], scope: SurrogateScope, typed: Collection[str] = ()
) -> tuple[list[str], int, tuple[str, ...]]:
    """Several texts of one reader at once (one scope question for all their surrogates): the texts, the
    number of replacements and the distinct surrogates revealed."""
    wanted = set().union(*(surrogates_in(t) for t in texts)) - set(typed) if texts else set()
    known = _Fixed(scope.known(wanted) if wanted else set())
    results = [reveal(vault, t, known, typed) for t in texts]
    revealed = tuple(sorted({s for r in results for s in r.surrogates}))
    return [r.text for r in results], sum(r.count for r in results), revealed


class _Fixed:
    """A scope already answered for a set of surrogates."""

    def __init__(self, known: set[str]) -> None:
        self._known = known

    def known(self, surrogates: Collection[str]) -> set[str]:
        return self._known & set(surrogates)
