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
# A month's name or its short form, as news pages write it.
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH = rf"(?P<month>{MONTH_NAME})\.?"
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
_TWO_DIGITS = re.compile(r"\d\d")
_YEARLESS = re.compile(r"(?<![\w])(?:on\s+)?" + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\s*(?:19|20)\d\d)(?!\w)", re.I)
_GLUED_MONTH = re.compile(r"(?<=[A-Za-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)")


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
    """Every full date (with a year) in `text`, in order of position.

    The patterns are tried in order, each over the whole text; a match that overlaps a date an earlier
    pattern (or an earlier match of the same one) already took is skipped. Dates taken are kept sorted
    and never overlap, and one pattern's matches come left to right, so one pointer walking the taken
    dates answers every overlap question: time is linear in the length of the text.
    """
    if not _TWO_DIGITS.search(text):
        return []  # every written form of a full date has two digits in a row (its year)
    taken: list[FoundDate] = []
    for pattern in _PATTERNS:
        values: dict[tuple, str | None] = {}  # a page repeats its dates: each written form is read once
        new: list[FoundDate] = []
        ahead = 0  # taken[:ahead] all end at or before the current match's start
        for match in pattern.finditer(text):
            start, end = match.span()
            while ahead < len(taken) and taken[ahead].end <= start:
                ahead += 1
            if ahead < len(taken) and taken[ahead].start < end:
                continue
            groups = match.groups()
            if groups not in values:
                values[groups] = _to_iso(match)
            if values[groups]:
                new.append(FoundDate(values[groups], start, end))
        taken = _merge(taken, new) if taken else new
    return taken


def _merge(first: list[FoundDate], second: list[FoundDate]) -> list[FoundDate]:
    """Two lists of non-overlapping dates, each in order of position, as one list in order."""
    merged: list[FoundDate] = []
    i = j = 0
    while i < len(first) and j < len(second):
        if first[i].start < second[j].start:
            merged.append(first[i])
            i += 1
        else:
            merged.append(second[j])
            j += 1
    merged.extend(first[i:])
    merged.extend(second[j:])
    return merged


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
    days: dict[tuple[int, int], str | None] = {}  # each (month, day) is placed in a year once per call
    for match in _YEARLESS.finditer(text):
        if not match.group("month")[0].isupper():
            continue  # "may 5" in running text is a verb and a number
        month = MONTHS.get(match.group("month").lower().rstrip("."))
        if month is None:
            continue  # a misspelling the month pattern lets through: 'Sepember'
        key = (month, int(match.group("day")))
        if key not in days:
            days[key] = _closest_day(*key, known)
        if days[key]:
            result.append(FoundDate(days[key], match.start(), match.end()))
    return result


def _closest_day(month: int, day: int, known: dt.date) -> str | None:
    """The day `month`/`day` of the year before, of or after `known` that is closest to it, if any is valid."""
    candidates = []
    for year in (known.year - 1, known.year, known.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - known).days)).isoformat() if candidates else None


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
