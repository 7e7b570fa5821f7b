"""What the attack tests look for: the hr values a reader outside hr must never see, in any response."""

from __future__ import annotations

import json
from typing import Any

from anonymize.vault import SURROGATE_PATTERN
from tests.privacy.conftest import HR_SECRETS


def surrogates_in(text: str) -> set[str]:
    return {m.group(0) for m in SURROGATE_PATTERN.finditer(text)}


def readable_by(groups: list[str] | None, node_groups: list[str]) -> bool:
    return groups is None or bool(set(node_groups) & (set(groups) | {"all"}))


def surrogates_visible_to(container: Any, groups: list[str] | None) -> set[str]:
    """The surrogates in the chunks a reader in ``groups`` may read (read from the store, as an auditor)."""
    seen: set[str] = set()
    for node in container.vector_store.iter_nodes():
        if readable_by(groups, list(node.metadata.get("groups", []))):
            seen |= surrogates_in(node.get_content() + "\n" + str(node.metadata.get("title", "")))
    return seen


def hidden_values(container: Any, groups: list[str] | None) -> dict[str, str]:
    """surrogate -> raw value of the vault entries a reader in ``groups`` cannot read anywhere."""
    visible = surrogates_visible_to(container, groups)
    return {s: v for s, v in container.vault.iter_values() if s not in visible}


def as_text(data: Any) -> str:
    """A response body as one searchable string (unicode kept, not \\u-escaped)."""
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def leaks(data: Any, container: Any, groups: list[str] | None, typed: tuple[str, ...] = ()) -> list[str]:
    """The hr secrets and hidden vault values (4+ characters) found in ``data``, except text the reader typed
    themselves."""
    text = as_text(data)
    for own in typed:
        text = text.replace(own, " ")
    wanted = set(HR_SECRETS) | {v for v in hidden_values(container, groups).values() if len(v) >= 4}
    return sorted(v for v in wanted if v in text)


def hidden_surrogates_in(data: Any, container: Any, groups: list[str] | None) -> list[str]:
    """Vault surrogates of values hidden from ``groups`` that ``data`` names."""
    return sorted(surrogates_in(as_text(data)) & set(hidden_values(container, groups)))
