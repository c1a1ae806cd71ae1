"""The `archive.json` export (contract: DESIGN.md). Plain data in, a JSON string out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .records import Briefing


@dataclass(frozen=True)
class PublishedBriefing:
    """A briefing with the facts the site gave it: its final slug and URL, and its links."""

    briefing: Briefing
    slug: str
    url: str
    related: list[tuple[str, float]] = field(default_factory=list)
    thread: str | None = None
    copies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PublishedThread:
    slug: str
    title: str
    url: str
    articles: list[str]


def article_record(item: PublishedBriefing) -> dict:
    b = item.briefing
    return {
        "source_path": b.source_path,
        "slug": item.slug,
        "url": item.url,
        "title": b.title,
        "date": b.date,
        "date_source": b.date_source,
        "authors": list(b.authors),
        "source": b.source,
        "credits": list(b.credits),
        "original_url": b.url,
        "summary": b.summary,
        "body": "\n\n".join(b.body),
        "word_count": b.word_count,
        "dateline": b.dateline,
        "dates_mentioned": list(b.dates_mentioned),
        "entities": [
            {"name": e.name, "type": e.type, "mentions": list(e.mentions), "count": e.count, "url": e.url}
            for e in b.entities
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in b.quotes],
        "tags": list(b.tags),
        "related": [{"slug": slug, "score": score} for slug, score in item.related],
        "thread": item.thread,
        "also_published_as": list(item.copies),
        "removed": [{"kind": c.kind, "text": c.text} for c in b.cut],
    }


def archive_json(items: list[PublishedBriefing], rejected: list[dict], threads: list[PublishedThread] = ()) -> str:
    articles = [article_record(item) for item in sorted(items, key=lambda i: i.briefing.source_path)]
    document = {
        "articles": articles,
        "threads": [
            {"slug": t.slug, "title": t.title, "url": t.url, "articles": list(t.articles)}
            for t in sorted(threads, key=lambda t: t.slug)
        ],
        "rejected": sorted(rejected, key=lambda r: r["source_path"]),
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # The same data, but safe to paste into HTML: no raw <, > or & from an article survives.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
