"""Filters, scans and deletes of stored points, written once for both Qdrant store backends.

A backend (``retrieval/edge_store.py``, ``retrieval/qdrant_store.py``) names its library's filter constructors
(``FILTERS``) and runs four primitives: scroll, count, delete by id, delete by filter. Everything a caller
asks of the store by filter (llama-index's ``get_nodes``, ``delete_nodes``, ``delete``, ``clear``, ``count``,
and the payload scan) is built here on those, so both backends select the same points.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Protocol

from llama_index.core.schema import BaseNode
from llama_index.core.vector_stores.types import MetadataFilters

from retrieval.filters import FilterTranslator
from retrieval.store_base import DOC_ID_KEY, payload_to_node, point_id


class StoredRecord(Protocol):
    """A point as a scroll returns it (qdrant-edge's and qdrant-client's ``Record``)."""

    @property
    def id(self) -> Any: ...

    @property
    def payload(self) -> dict[str, Any] | None: ...


class StoredPoints:
    """Mixed into a backend class before ``QdrantHybridStore``: the filter-based reads and deletes."""

    FILTERS: ClassVar[FilterTranslator]  # the backend library's filter constructors

    # -- backend primitives ----------------------------------------------------------------------

    @abstractmethod
    def _scroll(self, flt: Any, batch_size: int | None = None) -> Iterator[StoredRecord]:
        """Every point matching ``flt`` (None: all), with its payload, in batches."""

    @abstractmethod
    def _count(self, flt: Any) -> int:
        """The exact number of points matching ``flt`` (None: all)."""

    @abstractmethod
    def _delete_points(self, point_ids: list[str]) -> None:
        """Delete points by engine id."""

    @abstractmethod
    def _delete_where(self, flt: Any) -> None:
        """Delete the points matching ``flt`` (an empty filter: all)."""

    # -- built on them ---------------------------------------------------------------------------

    def _native_filter(
        self,
        filters: MetadataFilters | None,
        doc_ids: Sequence[str] | None = None,
        node_ids: Sequence[str] | None = None,
    ) -> Any:
        """Metadata filters, doc ids and node ids as one engine filter (None: no restriction)."""
        return self.FILTERS.build(filters, doc_ids, [point_id(n) for n in node_ids or ()])

    def delete(self, ref_doc_id: str, **delete_kwargs: Any) -> None:
        """Delete every point of a source document (payload filter on ``doc_id``)."""
        parts = self.FILTERS.parts
        self._delete_where(parts.filter(must=[parts.match_value(DOC_ID_KEY, ref_doc_id)]))

    def delete_nodes(
        self,
        node_ids: list[str] | None = None,
        filters: MetadataFilters | None = None,
        **delete_kwargs: Any,
    ) -> None:
        """Delete points by node id and/or metadata filter (both given: points matching both)."""
        if node_ids and filters is None:
            self._delete_points([point_id(n) for n in node_ids])
            return
        flt = self._native_filter(filters, node_ids=node_ids)
        if flt is not None:
            self._delete_where(flt)

    def clear(self) -> None:
        """Delete all points (the collection or shard, its config and payload indexes stay)."""
        self._delete_where(self.FILTERS.parts.filter())

    def count(self, filters: MetadataFilters | None = None) -> int:
        """Exact number of points, optionally matching ``filters``."""
        return self._count(self._native_filter(filters))

    def iter_payloads(
        self, filters: MetadataFilters | None = None, batch_size: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Yield every stored payload (scroll, in batches), optionally restricted by ``filters``."""
        for record in self._scroll(self._native_filter(filters), batch_size):
            yield dict(record.payload or {})

    def get_nodes(
        self, node_ids: list[str] | None = None, filters: MetadataFilters | None = None
    ) -> list[BaseNode]:
        """Nodes by id and/or filter (all nodes when neither is given)."""
        flt = self._native_filter(filters, node_ids=node_ids)
        return [payload_to_node(r.payload or {}, str(r.id)) for r in self._scroll(flt)]
