"""Dates by pattern: a numeric date with its clock time is one value."""

from __future__ import annotations

import pytest

from anonymize.recognizers.dates import DateTimeRecognizer
from tests.anonymize.recognizers.common import spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Date: 2007-03-23 18:43:36\nName: Ana", "2007-03-23 18:43:36"),
        ("logged 2024-05-03T14:22:01Z by the job", "2024-05-03T14:22:01Z"),
        ("sent 2024-05-03 14:22:01.250 +0200 from", "2024-05-03 14:22:01.250 +0200"),
        ("on 23/03/2024, 18:43 the van left", "23/03/2024, 18:43"),
        ("on 3.4.2021 6:05 pm sharp", "3.4.2021 6:05 pm"),
        ("at 12/05/24 at 09:30 the call", "12/05/24 at 09:30"),
    ],
)
def test_a_numeric_date_and_its_time(text: str, value: str) -> None:
    assert spans(DateTimeRecognizer(), text, "DATE_TIME") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "the date 2007-03-23 alone",  # Presidio's date pattern finds it; no time here
        "scored 12.3 14:00 in the run",  # no date
        "version 1.2.3 10:00 build",  # no date
        "ref 2007-13-23 18:43",  # no month 13
        "at 18:43 on the dot",
    ],
)
def test_no_numeric_date_with_a_time(text: str) -> None:
    assert spans(DateTimeRecognizer(), text, "DATE_TIME") == []
