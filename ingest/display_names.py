"""A document's display name: its file name, pseudonymized like its text.

``Jane_Doe_warning.pdf`` is shown, cited and stored (catalog ``source``, chunk payload ``source``) as
``<PERSON_1>_warning.pdf``. The stem goes through the pseudonymizer with the file's own text (same propagation
group, so a name the text holds is replaced in the file name too), with underscores read as spaces; the
extension is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# The metadata key under which a file's name rides through the pseudonymize transform.
DISPLAY_KEY = "display_name"


def display_text(path: Path) -> str:
    """What the pseudonymizer reads of a file name: its stem, underscores as spaces."""
    return path.stem.replace("_", " ")


def display_name(path: Path, pseudonymized: str | None = None) -> str:
    """The file name with its stem replaced by ``pseudonymized`` (the pseudonymizer's output for
    :func:`display_text`), underscores restored where the name had them; the name as it is when None."""
    if pseudonymized is None:
        return path.name
    stem = pseudonymized
    if "_" in path.stem and " " not in path.stem:
        stem = stem.replace(" ", "_")
    return stem + path.suffix


def sweep_display(name: str, sweep: Callable[[str], str]) -> str:
    """A display name after ``sweep`` (values found later replaced where still in clear), read as
    :func:`display_text` reads it."""
    path = Path(name)
    swept = sweep(display_text(path))
    return name if swept == display_text(path) else display_name(path, swept)
