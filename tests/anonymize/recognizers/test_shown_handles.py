"""Chat handles shown in brackets after the speaker's display name (``recognizers.shown_handles``)."""

from __future__ import annotations

from anonymize.recognizers.shown_handles import shown_handles

LOG = (
    "09:02 김민준 (minjun.kim): standup in 5\n"
    "09:03 Baek Ha-neul (haneul): ok\n"
    "10:02 Chance Holloway (guest): Hi everyone\n"
    "10:03 Lee Dong-hyun (dh_lee): here!\n"
)


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in shown_handles(text, lambda w: w != "guest")]


def test_the_handles_of_a_log() -> None:
    assert found(LOG) == ["minjun.kim", "haneul", "dh_lee"]  # "guest": the speaker test says no


def test_one_line_is_no_log_and_a_role_in_brackets_no_handle() -> None:
    assert found("09:02 김민준 (minjun.kim): standup in 5\n") == []
    assert found("09:02 Ann (Finance): hi\n09:03 Bo (HR-2): ok\n") == []  # capitals, a digit: no handle
