"""The digest: for every day and every week that had stories, the threads active then, their new stories
and the key quote of each. Linear in the number of articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Quote


@dataclass(frozen=True)
class DigestStory:
    key: str
    key_quote: Quote | None = None


@dataclass(frozen=True)
class DigestThread:
    slug: str | None  # None: the period's stories that belong to no thread
    stories: tuple[DigestStory, ...]  # oldest first


@dataclass(frozen=True)
class DigestPeriod:
    slug: str  # "2018-09-28" for a day, "2018-W39" for an ISO week
    kind: str  # "day" or "week"
    start: str  # first day, YYYY-MM-DD
    end: str  # last day
    threads: tuple[DigestThread, ...]  # most new stories first; the stories of no thread last

    @property
    def story_count(self) -> int:
        return sum(len(thread.stories) for thread in self.threads)


@dataclass(frozen=True)
class DatedStory:
    key: str
    date: str  # ISO date or datetime
    thread: str | None = None
    key_quote: Quote | None = None


def digest_periods(stories: Sequence[DatedStory]) -> tuple[DigestPeriod, ...]:
    """Days, then weeks, each newest first. Undated stories are in no period."""
    days: dict[str, list[DatedStory]] = {}
    weeks: dict[str, list[DatedStory]] = {}
    for story in sorted(stories, key=lambda s: (s.date, s.key)):
        day = _day(story.date)
        if day is None:
            continue
        days.setdefault(day.isoformat(), []).append(story)
        year, week, _ = day.isocalendar()
        weeks.setdefault(f"{year}-W{week:02d}", []).append(story)
    periods = [_period(slug, "day", slug, slug, members) for slug, members in days.items()]
    for slug, members in weeks.items():
        year, week = int(slug[:4]), int(slug[6:])
        start = dt.date.fromisocalendar(year, week, 1)
        periods.append(_period(slug, "week", start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), members))
    days_first = sorted(periods, key=lambda p: (p.kind == "day", p.start), reverse=True)
    return tuple(days_first)


def _period(slug: str, kind: str, start: str, end: str, members: list[DatedStory]) -> DigestPeriod:
    by_thread: dict[str | None, list[DatedStory]] = {}
    for story in members:
        by_thread.setdefault(story.thread, []).append(story)
    newest = {thread: max(s.date for s in items) for thread, items in by_thread.items()}
    threads = sorted(
        (t for t in by_thread if t is not None), key=lambda t: (-len(by_thread[t]), _negated(newest[t]), t)
    )
    ordered = [*threads, None] if None in by_thread else threads
    return DigestPeriod(
        slug,
        kind,
        start,
        end,
        tuple(DigestThread(t, tuple(DigestStory(s.key, s.key_quote) for s in by_thread[t])) for t in ordered),
    )


def _negated(date: str) -> tuple[int, ...]:
    """A sort key that puts later dates first."""
    return tuple(-ord(c) for c in date)


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None
