"""The state one text's results carry through the detector's post-processing steps (``anonymize.resolve``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult

from anonymize.detector_config import DetectorConfig
from anonymize.header_columns import Cell, not_name_cells
from anonymize.name_lexicon import NameLexicon


@dataclass
class Resolution:
    """One text's results on their way through the steps."""

    text: str
    config: DetectorConfig
    results: list[RecognizerResult]
    technical: bool = False  # the text reads as scientific or technical prose, with symbols
    coded: bool = False  # the text has codes, ids or acronyms (technical or not: a business document's)
    yielding: list[RecognizerResult] = field(default_factory=list)  # NER results other name mentions beat
    added: list[RecognizerResult] = field(default_factory=list)  # names found from other results, pending
    cities: list[RecognizerResult] = field(default_factory=list)  # city lines of addresses without a street
    slot_places: list[RecognizerResult] = field(default_factory=list)  # places read as persons, pending
    lexicon: NameLexicon | None = None  # given names and surnames, to tell a name from an English word
    truecased: bool = False  # typed all in lower case; the capitals are those ``anonymize.truecase`` put
    _not_name_cells: tuple[Cell, ...] | None = field(default=None, repr=False)

    def not_name_cells(self) -> tuple[Cell, ...]:
        """The cells under the text's place, organization or role headers (``anonymize.header_columns``),
        read once for the steps that ask."""
        if self._not_name_cells is None:
            self._not_name_cells = not_name_cells(self.text)
        return self._not_name_cells

    def allowed(self, results: Iterable[RecognizerResult]) -> list[RecognizerResult]:
        """``results`` whose text is not on the allow list."""
        allow = set(self.config.allow_list)
        return [r for r in results if self.text[r.start : r.end] not in allow]

    def admitted(self, names: Iterable[RecognizerResult]) -> list[RecognizerResult]:
        """Names found from other results that reach the PERSON threshold and are not on the allow list."""
        threshold = self.config.threshold("PERSON")
        return self.allowed(r for r in names if r.score >= threshold)


Step = Callable[[Resolution], None]
