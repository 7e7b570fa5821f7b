"""The one place that keeps every library offline: models and data come from installed packages only.

Called first by the CLI (every process: service, UI, commands), the Container and the test suite, before any
library that could reach a hub is imported.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

OFFLINE_ENVIRONMENT: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",  # huggingface_hub: no download, local files only
    "TRANSFORMERS_OFFLINE": "1",  # transformers: the same
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",  # Presidio's email recognizer: the bundled suffix list
    "TOKENIZERS_PARALLELISM": "false",  # no fork warnings from the tokenizers of helper processes
}


def go_offline(environ: MutableMapping[str, str] | None = None, force: bool = False) -> None:
    """Set ``OFFLINE_ENVIRONMENT`` in ``environ`` (the process environment by default); values already set
    are kept unless ``force``."""
    target = os.environ if environ is None else environ
    for key, value in OFFLINE_ENVIRONMENT.items():
        if force:
            target[key] = value
        else:
            target.setdefault(key, value)
