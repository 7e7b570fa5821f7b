"""Prompt-injection screening: documents and questions are checked for instructions aimed at the model.

Chunks that match are marked in the store (``injection`` payload field, with the matched rule) and handled
by a configured policy at answer time: ``label`` (kept, shown flagged) or ``exclude`` (never given to the
model).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from llama_index.core.schema import BaseNode, TransformComponent

_RULES: dict[str, str] = {
    "override": r"\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|any|the)\b"
    r".{0,30}\b(instructions?|prompts?|rules?|directions?|context)\b",
    "new_instructions": r"\b(new|updated|real|actual)\s+(system\s+)?(instructions?|prompt)\s*:",
    "role_play": r"\b(you are now|from now on,? you|act as|pretend to be|roleplay as)\b",
    "system_prompt": r"\b(system prompt|developer mode|jailbreak|DAN mode)\b",
    "exfiltration": r"\b(reveal|print|show|output|repeat|leak)\b.{0,30}\b(system prompt|hidden|secret|"
    r"instructions|password|api key|vault|real (names?|values?))\b",
    "chat_markup": r"<\|im_start\|>|<\|im_end\|>|\[INST\]|<</?SYS>>|^\s*(system|assistant)\s*:",
    "tool_call": r"\b(send|post|email|upload)\b.{0,40}\b(to|at)\b.{0,20}(https?://|www\.|@)",
}
_COMPILED = {name: re.compile(rule, re.I | re.M | re.S) for name, rule in _RULES.items()}


@dataclass(frozen=True)
class InjectionFinding:
    rule: str
    start: int
    end: int


class InjectionDetector:
    """Pattern rules over normalized text (zero-width characters removed, whitespace collapsed)."""

    _INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")

    def find(self, text: str) -> list[InjectionFinding]:
        cleaned = self._INVISIBLE.sub("", text)
        findings = []
        for name, pattern in _COMPILED.items():
            match = pattern.search(cleaned)
            if match:
                findings.append(InjectionFinding(name, match.start(), match.end()))
        return findings

    def rules(self, text: str) -> list[str]:
        return [f.rule for f in self.find(text)]


class FlagInjectionTransform(TransformComponent):
    """Marks chunks that look like prompt injection: ``metadata["injection"] = "rule1,rule2"``."""

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        detector = InjectionDetector()
        for node in nodes:
            rules = detector.rules(node.get_content())
            if rules:
                node.metadata["injection"] = ",".join(rules)
                node.excluded_embed_metadata_keys = [*node.excluded_embed_metadata_keys, "injection"]
                node.excluded_llm_metadata_keys = [*node.excluded_llm_metadata_keys, "injection"]
        return nodes


class FlaggingSplitter(TransformComponent):
    """A node parser followed by :class:`FlagInjectionTransform`: chunks come out already screened."""

    splitter: TransformComponent

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        return FlagInjectionTransform()(self.splitter(nodes, **kwargs))
