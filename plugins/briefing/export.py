"""The `archive.json` export (contract: DESIGN.md). Plain data in, a JSON string out."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .records import Briefing


@dataclass(frozen=True)
class PublishedBriefing:
    """A briefing with the facts the site gave it: its final slug and URL."""

    briefing: Briefing
    slug: str
    url: str


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
            {"name": e.name, "type": e.type, "mentions": list(e.mentions), "count": e.count, "url": None}
            for e in b.entities
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in b.quotes],
        "tags": list(b.tags),
        "related": [],
        "thread": None,
        "removed": [{"kind": c.kind, "text": c.text} for c in b.cut],
    }


def archive_json(items: list[PublishedBriefing], rejected: list[dict]) -> str:
    articles = [article_record(item) for item in sorted(items, key=lambda i: i.briefing.source_path)]
    document = {
        "articles": articles,
        "threads": [],
        "rejected": sorted(rejected, key=lambda r: r["source_path"]),
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # The same data, but safe to paste into HTML: no raw <, > or & from an article survives.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
