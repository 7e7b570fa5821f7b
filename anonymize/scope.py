"""Which surrogates a user knows: those that occur in a chunk the user may read (admins: all of them).

Every vault look-up made for a user (mapping a question's values, revealing an answer or a conversation) asks
a ``SurrogateScope`` first. A value whose surrogate is outside the scope is new to the user (``<TYPE_NEWn>``)
and a surrogate outside it stays a surrogate: nobody learns that a value exists in documents they cannot read,
nor which surrogate stands for it.

The scope itself is answered by the index (``retrieval.scope.StoreScope``: a keyword search for the surrogate
filtered by the user's groups inside the store), so it is right whatever wrote or deleted chunks (ingestion,
re-ingestion, the end-of-job sweep, ``--sync``, deletion, erasure) on either store backend. This module only
defines the interface and the two trivial scopes, so that ``anonymize`` stays free of the other packages.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from anonymize.vault import SURROGATE_PATTERN


class SurrogateScope(Protocol):
    """The surrogates one reader knows."""

    def known(self, surrogates: Collection[str]) -> set[str]:
        """The members of ``surrogates`` that occur in a chunk the reader may read."""
        ...


class Everything:
    """An unrestricted reader (an admin): every surrogate is known."""

    def known(self, surrogates: Collection[str]) -> set[str]:
        return set(surrogates)


class Nothing:
    """A reader who may read no chunk: no surrogate is known."""

    def known(self, surrogates: Collection[str]) -> set[str]:
        return set()


def surrogates_in(text: str) -> set[str]:
    """The vault-shaped surrogates (``<PERSON_12>``, not ``<PERSON_NEW1>``) written in ``text``."""
    return {m.group(0) for m in SURROGATE_PATTERN.finditer(text)}
