"""Dates written with a month name, which the NER model often tags only in part."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


class WrittenDateRecognizer(PatternRecognizer):
    """Dates written with a month name: "March 3, 2021", "3rd March 2021", "March 2021". The NER model often
    tags only "March 3"; this span, scored higher, contains it and replaces it."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_TIME",
            name="WrittenDateRecognizer",
            patterns=[
                Pattern("month_day_year", rf"\b{_MONTH}[ \t]+{_DAY},?[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.9),
                Pattern(
                    "day_month_year", rf"\b{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.9
                ),
                Pattern("month_year", rf"\b{_MONTH}[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.86),
            ],
        )
