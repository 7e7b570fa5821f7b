"""llama-index transform components used by the ingestion pipeline."""

from __future__ import annotations

from typing import Any

from llama_index.core.schema import BaseNode, TransformComponent
from pydantic import ConfigDict

from anonymize.pseudonymizer import Pseudonymizer


class PseudonymizeTransform(TransformComponent):
    """Replace PII in each node's text (and title) by vault surrogates, in one batch."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    pseudonymizer: Pseudonymizer

    def __call__(self, nodes: list[BaseNode], **kwargs: Any) -> list[BaseNode]:
        titles = [str(n.metadata.get("title", "")) for n in nodes]
        texts = [n.get_content() for n in nodes]
        results = self.pseudonymizer.run(texts + titles, store=True)
        for index, node in enumerate(nodes):
            node.set_content(results[index].text)
            if titles[index]:
                node.metadata["title"] = results[len(nodes) + index].text
        return nodes
