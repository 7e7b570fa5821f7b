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


# A clock time after a numeric date: "18:43", "18:43:36", "18:43:36.120", "6:05 pm", "09:12Z", "10:02 +0530".
_CLOCK = (
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,6})?)?(?:[ \t]?(?:[AaPp]\.?[Mm]\.?))?"
    r"(?:Z|[ \t]?[+-](?:[01]\d):?[0-5]\d|[ \t]?UTC|[ \t]?GMT)?"
)
_ISO_DATE = r"(?:1[6-9]|2\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_NUMERIC_DATE = r"(?:[12]\d|3[01]|0?[1-9])[/.](?:[12]\d|3[01]|0?[1-9])[/.](?:(?:1[6-9]|2\d)\d\d|\d\d)"


class DateTimeRecognizer(PatternRecognizer):
    """A numeric date and the clock time after it, one value ("2007-03-23 18:43:36", "2024-05-03T14:22:01Z",
    "23/03/2007, 18:43"): Presidio's date pattern stops at the date, and the time left out is the part of a
    timestamp that tells one event from another. Scored above that pattern, so the whole span replaces it."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_TIME",
            name="DateTimeRecognizer",
            patterns=[
                Pattern(
                    "date_time",
                    rf"(?<![\w/.:-])(?:{_ISO_DATE}|{_NUMERIC_DATE})(?:[ \t]+|T|,[ \t]*)(?:at[ \t]+)?{_CLOCK}"
                    r"(?![\w:])",
                    0.96,
                )
            ],
        )
