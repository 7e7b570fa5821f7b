"""llama-index transform components used by the ingestion pipeline."""

from __future__ import annotations

from typing import Any

from llama_index.core.schema import BaseNode, TransformComponent
from pydantic import ConfigDict

from anonymize.pseudonymizer import Pseudonymizer


class PseudonymizeTransform(TransformComponent):
    """Replace PII in each node's text and title by vault surrogates, all in one detector batch."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    pseudonymizer: Pseudonymizer

    def __call__(self, nodes: list[BaseNode], **kwargs: Any) -> list[BaseNode]:
        texts = [n.get_content() for n in nodes]
        titles = list(dict.fromkeys(str(t) for n in nodes if (t := n.metadata.get("title"))))
        results = self.pseudonymizer.run(texts + titles, store=True)
        new_titles = {title: results[len(texts) + i].text for i, title in enumerate(titles)}
        for node, result in zip(nodes, results, strict=False):
            node.set_content(result.text)
            if node.metadata.get("title"):
                node.metadata["title"] = new_titles[str(node.metadata["title"])]
        return nodes
