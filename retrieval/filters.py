"""llama-index ``MetadataFilters`` as a Qdrant filter, for either client library.

qdrant-edge-py (embedded) and qdrant-client (servers) take the same filter tree under different constructors,
so the translation is written once (``FilterTranslator``) and each store passes how its library spells the
parts (``FilterParts``). The filter runs inside the engine's search, never after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from llama_index.core.vector_stores.types import (
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)

_RANGE_OPS = {
    FilterOperator.GT: "gt",
    FilterOperator.GTE: "gte",
    FilterOperator.LT: "lt",
    FilterOperator.LTE: "lte",
}


@dataclass(frozen=True)
class FilterParts:
    """One client library's constructors for the parts of a filter."""

    match_value: Callable[[str, Any], Any]  # key, value -> field condition
    match_any: Callable[[str, list[Any]], Any]  # key, values (all str or all int) -> field condition
    match_range: Callable[[str, dict[str, float]], Any]  # key, {"gte": x, ...} -> field condition
    match_text: Callable[[str, str], Any]
    is_empty: Callable[[str], Any]
    has_ids: Callable[[list[str]], Any]  # point ids
    filter: Callable[..., Any]  # must=, should=, must_not= -> filter


@dataclass(frozen=True)
class FilterTranslator:
    parts: FilterParts
    store: str  # named in the error for an operator it cannot express
    doc_id_key: str

    def _eq(self, key: str, value: Any) -> Any:
        if isinstance(value, list):
            raise ValueError(f"filter on {key!r}: expected a single value, got a list")
        if isinstance(value, float):
            return self.parts.match_range(key, {"gte": value, "lte": value})
        return self.parts.match_value(key, value)

    def _any(self, key: str, values: Any) -> Any:
        values = list(values) if isinstance(values, list | tuple | set) else [values]
        if all(isinstance(v, str) for v in values) or all(isinstance(v, int) for v in values):
            return self.parts.match_any(key, values)
        return self.parts.filter(should=[self._eq(key, v) for v in values])

    def condition(self, flt: MetadataFilter | MetadataFilters) -> Any:
        """One llama-index filter as an engine condition."""
        if isinstance(flt, MetadataFilters):
            return self.translate(flt)
        op, key, value, parts = flt.operator, flt.key, flt.value, self.parts
        if op in (FilterOperator.EQ, FilterOperator.CONTAINS):  # CONTAINS: a list field holds the value
            return self._eq(key, value)
        if op == FilterOperator.NE:
            return parts.filter(must_not=[self._eq(key, value)])
        if op in (FilterOperator.IN, FilterOperator.ANY):
            return self._any(key, value)
        if op == FilterOperator.NIN:
            return parts.filter(must_not=[self._any(key, value)])
        if op == FilterOperator.ALL:
            return parts.filter(must=[self._eq(key, v) for v in value])  # type: ignore[union-attr]  # ALL: a list value
        if op in _RANGE_OPS:
            return parts.match_range(key, {_RANGE_OPS[op]: value})  # type: ignore[dict-item]  # ranges: a number
        if op == FilterOperator.TEXT_MATCH:
            return parts.match_text(key, str(value))
        if op == FilterOperator.IS_EMPTY:
            return parts.is_empty(key)
        raise NotImplementedError(f"filter operator {op.value!r} is not supported by {self.store}")

    def translate(self, filters: MetadataFilters) -> Any:
        """``MetadataFilters`` (nested, AND/OR/NOT) as one filter."""
        conditions = [self.condition(f) for f in filters.filters]
        if not conditions:
            return self.parts.filter()
        if filters.condition == FilterCondition.OR:
            return self.parts.filter(should=conditions)
        if filters.condition == FilterCondition.NOT:
            return self.parts.filter(must_not=conditions)
        return self.parts.filter(must=conditions)

    def build(
        self,
        filters: MetadataFilters | None = None,
        doc_ids: Sequence[str] | None = None,
        point_ids: Sequence[str] | None = None,
    ) -> Any | None:
        """Metadata filters, doc ids and point ids as one filter (None: no restriction)."""
        must: list[Any] = []
        if filters is not None:
            must.append(self.translate(filters))
        if doc_ids:
            must.append(self.parts.match_any(self.doc_id_key, list(doc_ids)))
        if point_ids:
            must.append(self.parts.has_ids(sorted(set(point_ids))))
        return self.parts.filter(must=must) if must else None
