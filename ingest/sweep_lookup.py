"""Which stored chunks can hold a value: the BM25 index answers, so the sweep reads only those.

Every text the sweep changes holds one of its terms whole (a vault value, or a capitalized part of a known
name) between non-word characters, and BM25 tokenizes word by word (lower case, stemmed, stop words dropped):
such a text's sparse vector holds each BM25 term of the value. The chunks whose sparse vector holds one term
of a value are thus a superset of those that hold the value; a sparse search for that single term returns
exactly them (a chunk without the term does not match at all). For each value, the chunks holding all of its
terms whose holders are known in full (at least its rarest term's, found by asking for a few holders of each
term and more only for terms that had that many).

The cost follows the job: a search per new term and a read of the chunks that hold a rare term of a new
value, never a scroll of the store. A value without a BM25 term (all stop words) cannot be looked up: the
caller then scans the store, as it does on a store without a sparse index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from llama_index.core.schema import BaseNode

FIRST_LIMIT = 256  # holders asked per term at first; four times more for terms that had that many
READ_BATCH = 256  # chunks read at a time


class TermIndex(Protocol):
    """What a store offers for the look-up (``retrieval.store_base.QdrantHybridStore``)."""

    def term_ids(self, text: str) -> list[int]: ...

    def holders(self, term_ids: Sequence[int], limit: int) -> list[list[str]]: ...

    def nodes_at(self, ids: Sequence[str]) -> list[BaseNode]: ...

    def count(self) -> int: ...


def candidate_ids(index: TermIndex, terms: Iterable[str], first_limit: int = FIRST_LIMIT) -> list[str] | None:
    """Point ids (sorted) of the chunks that can hold one of ``terms``; None when a term has no BM25 term."""
    wanted: dict[str, list[int]] = {}
    for term in terms:
        ids = index.term_ids(term)
        if not ids:
            return None
        wanted[term] = ids
    complete: dict[int, list[str]] = {}  # term id -> every chunk that holds it
    pending = dict(wanted)
    limit = first_limit
    total = index.count() if pending else 0
    while pending:
        asked = sorted({t for ids in pending.values() for t in ids} - complete.keys())
        for start in range(0, len(asked), 64):
            part = asked[start : start + 64]
            for term_id, found in zip(part, index.holders(part, limit), strict=True):
                if len(found) < limit or limit >= total:
                    complete[term_id] = found
        pending = {v: ids for v, ids in pending.items() if not any(t in complete for t in ids)}
        limit *= 4
    chosen: set[str] = set()
    for ids in wanted.values():
        held = [set(complete[t]) for t in ids if t in complete]  # a text holding the value holds them all
        chosen.update(set.intersection(*held))
    return sorted(chosen)


def read_nodes(index: TermIndex, ids: Sequence[str], batch: int = READ_BATCH) -> Iterator[BaseNode]:
    """The chunks ``ids``, read in batches (memory stays bounded)."""
    for start in range(0, len(ids), batch):
        yield from index.nodes_at(ids[start : start + batch])
