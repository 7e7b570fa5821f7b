"""Surrogates numbered afresh in each prompt: the model sees ``<PERSON_1>``, ``<PERSON_2>``, ... in the order
the prompt shows them, never the vault's numbers.

A vault surrogate's number carries no meaning (it depends on ingestion order and on detections in other
documents), yet it moved a seed's XQuAD figures by 0.05 refusal accuracy (docs/evaluation.md, issue 23,
session 16). The question and the sources share one map (``PromptNumbering``); the model's draft is mapped
back to the vault's surrogates (``to_vault``, ``VaultStream`` while it streams) before anything else reads
it: the checks, the citations, the cache and the reveal all see vault surrogates, so the reveal's scope and
audit are unchanged.

A prompt surrogate the prompt never showed (the model invented ``<PERSON_7>``) stands for no value: it
becomes an unseen surrogate (``<PERSON_NEWn>``, as a question's unknown name), which no reveal replaces and
no source holds; it never falls back to the vault's ``<PERSON_7>``. Unseen surrogates (``_NEWn``) are left
as they are both ways. Only surrogate-shaped text changes: no value ever enters the prompt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval.prompt import build_messages
from retrieval.retriever import RetrievedChunk

# Vault-shaped surrogates (anonymize.vault.SURROGATE_PATTERN: ``<PERSON_12>``, ``<US_SSN_3>``; not ``_NEWn``)
_SURROGATE = re.compile(r"<([A-Z][A-Z0-9_]*?)_(\d+)>")
_UNSEEN = re.compile(r"<[A-Z][A-Z0-9_]*?_NEW(\d+)>")
# The longest surrogate-shaped text a stream may hold back before it is sure the piece is no surrogate.
_LONGEST = 48
_PARTIAL = re.compile(r"<[A-Z0-9_]*$")


@dataclass(frozen=True)
class PromptNumbering:
    """One prompt's map between vault surrogates and the numbers the model sees (per type, from 1)."""

    to_prompt_map: dict[str, str]
    # The first unseen number free for an invented surrogate (above every ``_NEWn`` the prompt shows)
    next_unseen: int = 1
    afresh: bool = True  # False: the vault's numbers are the prompt's (both directions leave text as it is)

    def to_prompt(self, text: str) -> str:
        """``text`` with the vault's surrogates in their prompt numbers (every one must be in the map)."""
        if not self.afresh:
            return text
        return _SURROGATE.sub(lambda m: self.to_prompt_map.get(m.group(0), m.group(0)), text)

    def to_vault(self, text: str, invented: dict[str, str] | None = None) -> str:
        """A draft in prompt numbers -> vault surrogates; one the prompt never showed -> ``<TYPE_NEWn>``
        (``invented``: those already given an unseen number, kept across the pieces of one stream)."""
        if not self.afresh:
            return text
        back = {local: vault for vault, local in self.to_prompt_map.items()}
        made = {} if invented is None else invented

        def swap(match: re.Match[str]) -> str:
            local = match.group(0)
            if local in back:
                return back[local]
            if local not in made:
                made[local] = f"<{match.group(1)}_NEW{self.next_unseen + len(made)}>"
            return made[local]

        return _SURROGATE.sub(swap, text)


AS_IS = PromptNumbering({}, afresh=False)  # the vault's numbers shown as they are


def number_afresh(texts: Sequence[str]) -> PromptNumbering:
    """The map for a prompt made of ``texts`` in the order the model reads them: each type's surrogates
    numbered 1, 2, ... in order of first appearance."""
    mapping: dict[str, str] = {}
    counts: dict[str, int] = {}
    unseen = 0
    for text in texts:
        unseen = max([unseen, *(int(m.group(1)) for m in _UNSEEN.finditer(text))])
        for match in _SURROGATE.finditer(text):
            if match.group(0) not in mapping:
                kind = match.group(1)
                counts[kind] = counts.get(kind, 0) + 1
                mapping[match.group(0)] = f"<{kind}_{counts[kind]}>"
    return PromptNumbering(mapping, unseen + 1)


def renumbered_prompt(
    question: str, shown: Sequence[RetrievedChunk | None]
) -> tuple[PromptNumbering, str, list[RetrievedChunk | None]]:
    """The map for a prompt showing ``shown`` (titles, sections, texts, in order) then ``question``, with the
    question and the chunks as the model is to see them."""
    order: list[str] = []
    for chunk in shown:
        if chunk is not None:
            order += [chunk.title, chunk.section, chunk.text]
    numbering = number_afresh([*order, question])
    chunks = [
        None
        if chunk is None
        else replace(
            chunk,
            title=numbering.to_prompt(chunk.title),
            section=numbering.to_prompt(chunk.section),
            text=numbering.to_prompt(chunk.text),
        )
        for chunk in shown
    ]
    return numbering, numbering.to_prompt(question), chunks


def numbered_messages(
    question: str, shown: Sequence[RetrievedChunk | None], afresh: bool = True
) -> tuple[PromptNumbering, list[dict[str, str]]]:
    """The answer prompt (``retrieval.prompt.build_messages``) for ``question`` and ``shown``, its surrogates
    numbered afresh (``afresh``; else as the vault numbers them), and the map to read the draft back with."""
    if not afresh:
        return AS_IS, build_messages(question, shown)
    numbering, prompt_question, prompt_shown = renumbered_prompt(question, shown)
    return numbering, build_messages(prompt_question, prompt_shown)


class VaultStream:
    """A streamed draft mapped back to vault surrogates piece by piece: text that may still become a
    surrogate (``<PERS`` at a piece's end) is held until the next piece settles it, so no prompt number is
    ever shown."""

    def __init__(self, numbering: PromptNumbering) -> None:
        self.numbering = numbering
        self._held = ""
        self._invented: dict[str, str] = {}

    def feed(self, piece: str) -> str:
        text = self._held + piece
        partial = _PARTIAL.search(text)
        cut = partial.start() if partial and len(text) - partial.start() <= _LONGEST else len(text)
        self._held = text[cut:]
        return self._map(text[:cut])

    def flush(self) -> str:
        """Whatever is still held (the draft ended inside a ``<``): mapped as it is."""
        text, self._held = self._held, ""
        return self._map(text)

    def _map(self, text: str) -> str:
        return self.numbering.to_vault(text, self._invented)
