"""The time stamps chat and call-log exports put before (or after) a speaker's name.

WhatsApp ("14/03/2026, 05:40 - Pasang Sherpa: ..."), Viber and phone exports ("Sat 14 Mar, 05:40 Pasang
Sherpa: ..."), transcripts ("[00:03:02] ADEBAYO: ..."), Teams and Slack ("Pasang Sherpa, 5:40 AM" above the
message). The speaker recognizer (``speaker_labels.SpeakerLabelRecognizer``) reads the name after such a
stamp; a stamp alone says nothing about the words after it, the repeated line shape does (two lines or more).
"""

from __future__ import annotations

_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "14/03/2026", "2026-03-14", "14 Mar", "14 Mar 2026", "Mar 14", "Mar 14, 2026", each with an optional comma.
_DATE = (
    rf"(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+\d{{4}})?"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?),?"
)
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
# The whole stamp before a speaker, optional: "[09:12] ", "15/03/26, 19:04 - ", "Sat 14 Mar, 05:40 ".
STAMP = (
    rf"(?:\[?(?:{_WEEKDAY}[ \t]+)?(?:{_DATE}[ \t]+)?{CLOCK}\]?"
    r"[ \t]*(?:[-–][ \t]*)?)?"
)
# A stamp that must be there (a transcript's speaker in capitals needs it: "[00:03:02] ADEBAYO:").
REQUIRED_STAMP = STAMP.removesuffix("?")
# A speaker's line with the time after the name: "Gu Haoran  10:03", "Pasang Sherpa, 5:40 AM".
TRAILING_STAMP = rf"(?:[ \t]+|,[ \t]*)\[?(?:{_WEEKDAY}[ \t]+)?(?:{_DATE}[ \t]+)?{CLOCK}\]?[ \t]*$"
