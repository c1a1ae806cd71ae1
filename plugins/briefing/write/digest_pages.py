"""The digest's page objects and its Atom feed: a page per day (`digest/YYYY-MM-DD/`) and per ISO week
(`digest/YYYY-Www/`) that had stories, and `digest/`, the list of them."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from ..corpus.digest import DigestPeriod
from ..records import Quote
from .render import escape

DIGEST_URL = "digest/"
DIGEST_SAVE_AS = "digest/index.html"


@dataclass(frozen=True)
class DigestStoryItem:
    article: object  # the briefing page
    key_quote: Quote | None = None
    speaker_url: str | None = None  # the key quote's speaker's quote page


@dataclass(frozen=True)
class DigestThreadItem:
    thread: object  # the ThreadPage, or None for the stories of no thread
    stories: tuple[DigestStoryItem, ...] = ()


@dataclass(eq=False)
class DigestPage:
    """One day or week; linked to its neighbours and its week (those links are left out of its repr)."""

    slug: str
    kind: str  # "day" or "week"
    start: str
    end: str
    threads: tuple[DigestThreadItem, ...] = ()
    days: list = field(default_factory=list, repr=False)  # a week's day pages, newest first; none for a day
    newer: DigestPage | None = field(default=None, repr=False)  # the next day (or week) that had stories
    older: DigestPage | None = field(default=None, repr=False)  # the one before
    week: DigestPage | None = field(default=None, repr=False)  # a day's week

    @property
    def url(self) -> str:
        return f"{DIGEST_URL}{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def story_count(self) -> int:
        return sum(len(item.stories) for item in self.threads)

    @property
    def title(self) -> str:
        """'28 September 2018', or 'Week 39 of 2018: 24–30 September'."""
        start, end = dt.date.fromisoformat(self.start), dt.date.fromisoformat(self.end)
        if self.kind == "day":
            return f"{start.day} {start.strftime('%B')} {start.year}"
        first = f"{start.day} {start.strftime('%B')}" if start.month != end.month else str(start.day)
        return f"Week {int(self.slug[6:])} of {start.isocalendar()[0]}: {first}–{end.day} {end.strftime('%B')}"


def digest_pages(periods: tuple[DigestPeriod, ...], pages_by_key: dict, threads: dict, speaker_urls: dict) -> list:
    """DigestPages of the corpus stage's periods (days, then weeks, newest first); `threads` are the
    ThreadPages by slug."""
    pages = [
        DigestPage(
            period.slug,
            period.kind,
            period.start,
            period.end,
            tuple(
                DigestThreadItem(
                    threads.get(item.slug) if item.slug else None,
                    tuple(
                        DigestStoryItem(
                            pages_by_key[s.key],
                            s.key_quote,
                            speaker_urls.get(s.key_quote.speaker) if s.key_quote and s.key_quote.speaker else None,
                        )
                        for s in item.stories
                    ),
                )
                for item in period.threads
            ),
        )
        for period in periods
    ]
    days = [page for page in pages if page.kind == "day"]
    weeks = [page for page in pages if page.kind == "week"]
    for week in weeks:
        week.days = [day for day in days if week.start <= day.start <= week.end]
        for day in week.days:
            day.week = week
    for run in (days, weeks):
        for newer, older in itertools.pairwise(run):
            newer.older, older.newer = older, newer
    return pages


def digest_entry_html(page: DigestPage, prefix: str) -> str:
    """The Atom entry of one digest page: its threads, their new stories and key quotes, escaped;
    `prefix` makes the site's addresses absolute (or relative to the feed)."""
    parts = []
    for item in page.threads:
        heading = item.thread.title if item.thread is not None else "Other stories"
        parts.append(f"<h2>{escape(heading, quote=False)}</h2><ul>")
        for story in item.stories:
            link = f'<a href="{escape(prefix + story.article.url)}">{escape(story.article.title, quote=False)}</a>'
            quote = ""
            if story.key_quote is not None:
                said = escape(story.key_quote.text, quote=False)
                speaker = escape(story.key_quote.speaker or "", quote=False)
                quote = f"<blockquote><p>{said}</p></blockquote><p>{speaker}</p>"
            parts.append(f"<li>{link}{quote}</li>")
        parts.append("</ul>")
    return "".join(parts)
