"""The index's version: a token in the catalog (the database every process and replica shares) that changes
with every ingestion, deletion, rebuild and erasure. An answer cached under one version is never served under
another, so a cache in any process never outlives a change of the index made by any other."""

from __future__ import annotations

import uuid

from ingest.catalog import Catalog

_KEY = "index_version"


def current(catalog: Catalog) -> str:
    """The version now ("" before the first change was recorded)."""
    return catalog.state(_KEY) or ""


def bump(catalog: Catalog) -> str:
    """A new version (random: two writers never agree on one by chance); returns it."""
    version = uuid.uuid4().hex
    catalog.set_state(_KEY, version)
    return version
