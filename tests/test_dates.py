"""Dates in pasted text: the written forms, which form wins where two overlap, dates without a year, and
time linear in the length of the text (a pasted page may hold one very long line)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from briefing.read.dates import find_dates, parse_date_text, resolve_yearless, unglue
from briefing.read.extract import extract_article
from briefing.records import RawArticle

# A line of about the size of the largest file accepted, all dates: the old overlap check compared each
# date with every one taken before it and spent about 48 s on it.
LONG_LINE_CHARS = 950_000
# Generous for a slow CI machine; the line takes about 0.3 s.
MAX_SECONDS = 2.0


def spans(text: str) -> list[tuple[str, int, int]]:
    return [(d.value, d.start, d.end) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 3:04 PM EDT, March 5, 2023", [("2023-03-05", 23, 36)]),
        (
            "Updated 2024-03-03T10:30 and first posted March 1, 2024 at 9:15 a.m.",
            [("2024-03-03T10:30", 8, 24), ("2024-03-01T09:15", 42, 68)],
        ),
        (
            "On 3 March 2024, then 03/04/2024 and 4.3.2024.",
            [("2024-03-03", 3, 15), ("2024-03-04", 22, 32), ("2024-03-04", 37, 45)],
        ),
        ("Dec 05, 20232 Shares", [("2023-12-05", 0, 12)]),  # a year glued to the share count
        ("the 3rd of March, 2024 at 23:59", [("2024-03-03T23:59", 4, 31)]),
        ("12/31/99 and 2/30/2024 and 31 June 2024", [("2099-12-31", 0, 8)]),  # days that do not exist
        # where two forms overlap, the more explicit one (ISO) wins and the other is dropped
        ("March 3, 2024-03-05", [("2024-03-05", 9, 19)]),
        ("2024-03-05 March 3, 2024", [("2024-03-05", 0, 10), ("2024-03-03", 11, 24)]),
    ],
)
def test_written_dates_are_found_in_order_of_position(text, expected):
    assert spans(text) == expected


def test_a_date_glued_to_a_name_is_found_once_the_text_is_unglued():
    assert find_dates("By Kent GermanDec 22, 2023") == []
    assert spans(unglue("By Kent GermanDec 22, 2023")) == [("2023-12-22", 15, 27)]


def test_dates_without_a_year_are_read_against_a_known_date():
    text = "It opened on September 28 and closed Jan. 2; may 5 is not a date; March 3, 2024 has a year"
    found = resolve_yearless(text, dt.date(2019, 1, 10))
    assert [(d.value, d.start, d.end) for d in found] == [("2018-09-28", 10, 25), ("2019-01-02", 37, 43)]


def test_a_misspelt_month_without_a_year_is_no_date_and_no_crash():
    # 'Sepember' fits the month pattern (sep, t?, ember) but names no month: it used to raise TypeError.
    assert resolve_yearless("The fair opened on Sepember 5 at noon.", dt.date(2024, 1, 1)) == []


def test_an_article_with_a_misspelt_month_is_read():
    text = (
        "Fair opens despite the rain\n\n"
        "The county fair opened on Sepember 5 as planned, and about two thousand visitors came to the grounds "
        "by noon despite the steady rain that fell all morning.\n"
    )
    briefing = extract_article(RawArticle("articles/2024-09-06-fair.txt", text.encode("utf-8")))
    assert briefing.date == "2024-09-06"


def test_front_matter_dates_are_parsed():
    assert parse_date_text(" March 3, 2024 ") == "2024-03-03"
    assert parse_date_text("2024-03-03T10:00:00Z") == "2024-03-03T10:00:00+00:00"
    assert parse_date_text("3 March 2024 at 14:05") == "2024-03-03T14:05"
    assert parse_date_text("soon") is None


def repeated(unit: str) -> str:
    return (unit * (LONG_LINE_CHARS // len(unit) + 1))[:LONG_LINE_CHARS]


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


@pytest.mark.parametrize(
    ("unit", "values"),
    [
        ("March 3, 2024 ", ["2024-03-03"]),
        ("2024-03-03 ", ["2024-03-03"]),
        (
            "March 3, 2024 2024-03-04 5 March 2024 03/06/2024 7.3.2024 ",
            ["2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"],
        ),
    ],
)
def test_a_long_line_of_repeated_dates_takes_linear_time(unit, values):
    text = repeated(unit)
    found, seconds = timed(find_dates, text)
    assert seconds < MAX_SECONDS, f"find_dates took {seconds:.1f} s on {len(text):,} characters"
    whole_units = len(text) // len(unit)
    tail = text[whole_units * len(unit) :]  # a cut-off copy of the unit at the end
    assert len(found) == whole_units * len(values) + len(find_dates(tail))
    assert [d.value for d in found[: whole_units * len(values)]] == values * whole_units
    one_unit = spans(unit)
    assert [(d.value, d.start % len(unit), d.end - d.start) for d in found[: whole_units * len(values)]] == [
        (value, start, end - start) for value, start, end in one_unit
    ] * whole_units

    value, seconds = timed(parse_date_text, text)
    assert value == values[0] and seconds < MAX_SECONDS


def test_a_long_line_of_dates_without_a_year_takes_linear_time():
    text = repeated("on March 3 ")
    found, seconds = timed(resolve_yearless, text, dt.date(2024, 3, 10))
    assert seconds < MAX_SECONDS, f"resolve_yearless took {seconds:.1f} s on {len(text):,} characters"
    assert len(found) == text.count("March 3")
    assert {d.value for d in found} == {"2024-03-03"}

    unglued, seconds = timed(unglue, repeated("By Kent GermanDec 22, 2023 "))
    assert seconds < MAX_SECONDS and unglued.count(" Dec 22") == unglued.count("Dec 22")
