"""Dates as news pages write them: bylines, datelines, 'Published ...' lines and front matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?)?"

# Ordered: the most explicit forms first.
_PATTERNS = [
    re.compile(
        r"(?<!\d)" + _YEAR + r"-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?", re.I
    ),
    # the year may be glued to what follows it on copied pages: "Dec 05, 20232 Shares", "202311:08 AM"
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d{3})" + _TIME, re.I),
    re.compile(r"(?<![\w])" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d{3})" + _TIME, re.I),
    re.compile(r"(?<!\d)(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)(?![\d/])" + _TIME, re.I),
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)" + _TIME, re.I),
]
_YEARLESS = re.compile(r"(?<![\w])(?:on\s+)?" + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\s*(?:19|20)\d\d)(?!\w)", re.I)
_GLUED_MONTH = re.compile(r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)")


@dataclass(frozen=True)
class FoundDate:
    value: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    start: int
    end: int


def day_number(date: str | None) -> int | None:
    """The proleptic ordinal of an ISO date or datetime ('2018-09-28...'), or None if there is none."""
    try:
        return dt.date.fromisoformat(date[:10]).toordinal() if date else None
    except ValueError:
        return None


def unglue(text: str) -> str:
    """'By Kent GermanDec 22, 2023' -> 'By Kent German Dec 22, 2023' (copied pages lose spaces)."""
    return _GLUED_MONTH.sub(" ", text)


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (with a year) in `text`, in order of position."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _to_iso(match)
            if value:
                found.append(FoundDate(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date_text(text: str) -> str | None:
    """A date the user wrote (front matter): ISO forms and the usual written forms."""
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    found = find_dates(text)
    return found[0].value if found else None


def resolve_yearless(text: str, known: dt.date) -> list[FoundDate]:
    """'on September 28' read against a known date: the closest such day not long after it."""
    result = []
    for match in _YEARLESS.finditer(text):
        if not match.group("month")[0].isupper():
            continue  # "may 5" in running text is a verb and a number
        month = MONTHS.get(match.group("month").lower().rstrip("."))
        day = int(match.group("day"))
        candidates = []
        for year in (known.year - 1, known.year, known.year + 1):
            try:
                candidates.append(dt.date(year, month, day))
            except ValueError:
                continue
        if candidates:
            best = min(candidates, key=lambda d: abs((d - known).days))
            result.append(FoundDate(best.isoformat(), match.start(), match.end()))
    return result


def _to_iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if year < 100:
            year += 2000
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        date = dt.date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None
    if groups.get("hour") and groups.get("minute"):
        hour = int(groups["hour"])
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24:
            return dt.datetime(date.year, date.month, date.day, hour, int(groups["minute"])).isoformat(
                timespec="minutes"
            )
    return date.isoformat()
