"""llama-index transform components used by the ingestion pipeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from llama_index.core.schema import BaseNode, TransformComponent
from pydantic import ConfigDict

from anonymize.known_spill import SpilledKnownValues
from anonymize.pseudonymizer import Pseudonymizer
from ingest.display_names import DISPLAY_KEY

# Nodes with the same value under this metadata key are one document for propagation (else: their ref doc).
DOCUMENT_KEY = "file_id"
# Metadata pseudonymized with the text, in the same group: the title and the file's display name.
SHOWN_KEYS = ("title", DISPLAY_KEY)


@dataclass(frozen=True)
class SweepPlan:
    """A job's sweep: ``replace`` changes a text only where it holds one of ``terms`` whole (between
    non-word characters; a name part as written, a value in any case)."""

    replace: Callable[[str], str]
    terms: list[str]
    close: Callable[[], None] = lambda: None  # drop the values (call when the sweep is done)


class PseudonymizeTransform(TransformComponent):
    """Replace PII in each node's text, title and display name by vault surrogates, in one detector batch.

    The nodes of one document (``DOCUMENT_KEY`` in their metadata, else their source document) are
    pseudonymized as one group: values propagate within a document and from the vault up to the
    ``known_until`` keyword argument (a ``vault_mark()``), never between documents (see
    ``anonymize.pseudonymizer``)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    pseudonymizer: Pseudonymizer

    def vault_mark(self) -> int:
        return self.pseudonymizer.vault_mark()

    def sweeper(self, since: int) -> Callable[[str], str] | None:
        """A function that replaces, in a text, the values the vault received after ``since`` still in
        clear (``Pseudonymizer.sweep``); None when there are none."""
        known = self.pseudonymizer.known_between(since)
        if not len(known):
            return None
        return lambda text: self.pseudonymizer.sweep(text, known)

    def sweep_plan(self, since: int) -> SweepPlan | None:
        """The sweeper of the values the vault received after ``since`` and the terms it looks for; None
        when there are none."""
        # In an encrypted file (anonymize/known_spill.py): memory flat however many values the job found.
        known = self.pseudonymizer.known_between(since, into=SpilledKnownValues(self.pseudonymizer.reach))
        if not len(known):
            known.close()
            return None
        # What ``Pseudonymizer.sweep`` matches: capitalized name parts, and values matched in any case.
        terms = sorted(set(known.aliases) | {v for v in known.types if v.casefold() in known.folded})
        return SweepPlan(lambda text: self.pseudonymizer.sweep(text, known), terms, known.close)

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        groups: dict[str, list[BaseNode]] = {}
        for node in nodes:
            key = node.metadata.get(DOCUMENT_KEY) or node.ref_doc_id or node.node_id
            groups.setdefault(str(key), []).append(node)
        documents: list[list[str]] = []
        titles_of: list[list[str]] = []
        for members in groups.values():
            titles = list(
                dict.fromkeys(str(t) for n in members for key in SHOWN_KEYS if (t := n.metadata.get(key)))
            )
            documents.append([n.get_content() for n in members] + titles)
            titles_of.append(titles)
        results = self.pseudonymizer.run_documents(
            documents, store=True, known_until=kwargs.get("known_until")
        )
        for members, titles, done in zip(groups.values(), titles_of, results, strict=True):
            new_titles = {title: done[len(members) + i].text for i, title in enumerate(titles)}
            for node, result in zip(members, done, strict=False):
                node.set_content(result.text)
                for key in SHOWN_KEYS:
                    if node.metadata.get(key):
                        node.metadata[key] = new_titles[str(node.metadata[key])]
        return nodes
