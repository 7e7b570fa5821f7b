"""The filter translation shared by both store backends, spelled out with a recording vocabulary (the stores'
own suites run the same filters against the real engines: tests/retrieval/test_stores.py)."""

from __future__ import annotations

import pytest
from llama_index.core.vector_stores.types import (
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)

from retrieval.filters import FilterParts, FilterTranslator


def _filter(**clauses: object) -> tuple:
    return ("filter", tuple(sorted((k, tuple(v)) for k, v in clauses.items())))  # type: ignore[call-overload]


TRANSLATOR = FilterTranslator(
    FilterParts(
        match_value=lambda key, value: ("eq", key, value),
        match_any=lambda key, values: ("any", key, tuple(values)),
        match_range=lambda key, bounds: ("range", key, tuple(sorted(bounds.items()))),
        match_text=lambda key, text: ("text", key, text),
        is_empty=lambda key: ("empty", key),
        has_ids=lambda ids: ("ids", tuple(ids)),
        filter=_filter,
    ),
    store="TestStore",
    doc_id_key="doc_id",
)


def test_groups_and_nested_conditions() -> None:
    groups = MetadataFilter(key="groups", value=["hr", "all"], operator=FilterOperator.IN)
    either = MetadataFilters(
        filters=[
            MetadataFilter(key="page", value=3, operator=FilterOperator.GTE),
            MetadataFilter(key="title", value="draft", operator=FilterOperator.NE),
        ],
        condition=FilterCondition.OR,
    )
    got = TRANSLATOR.translate(MetadataFilters(filters=[groups, either]))
    assert got == _filter(
        must=[
            ("any", "groups", ("hr", "all")),
            _filter(should=[("range", "page", (("gte", 3),)), _filter(must_not=[("eq", "title", "draft")])]),
        ]
    )


def test_floats_match_as_a_closed_range_and_float_lists_as_alternatives() -> None:
    assert TRANSLATOR.condition(MetadataFilter(key="score", value=0.5)) == (
        "range",
        "score",
        (("gte", 0.5), ("lte", 0.5)),
    )
    floats = MetadataFilter(key="k", value=[0.5, 1.5], operator=FilterOperator.IN)
    assert TRANSLATOR.condition(floats) == _filter(
        should=[("range", "k", (("gte", 0.5), ("lte", 0.5))), ("range", "k", (("gte", 1.5), ("lte", 1.5)))]
    )


def test_build_combines_filters_doc_ids_and_point_ids() -> None:
    assert TRANSLATOR.build() is None
    assert TRANSLATOR.build(doc_ids=["d1"], point_ids=["p2", "p1", "p2"]) == _filter(
        must=[("any", "doc_id", ("d1",)), ("ids", ("p1", "p2"))]
    )


def test_an_operator_the_engine_cannot_express_names_the_store() -> None:
    with pytest.raises(NotImplementedError, match="TestStore"):
        unsupported = FilterOperator.TEXT_MATCH_INSENSITIVE
        TRANSLATOR.condition(MetadataFilter(key="k", value="v", operator=unsupported))
    with pytest.raises(ValueError, match="expected a single value"):
        TRANSLATOR.condition(MetadataFilter(key="k", value=["a"], operator=FilterOperator.EQ))
