"""The `archive.json` export (contract: DESIGN.md). Plain data in, a JSON string out."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..records import ArticleLinks, Briefing
from .pages import ThreadPage


@dataclass(frozen=True)
class PublishedBriefing:
    """A briefing with what the archive says of it (its unique slug, entities, links) and its URL."""

    briefing: Briefing
    links: ArticleLinks
    url: str


def article_record(item: PublishedBriefing, slugs: dict[str, str]) -> dict:
    """One article of archive.json; `slugs` maps the source paths its links name to their slugs."""
    b, links = item.briefing, item.links
    return {
        "source_path": b.source_path,
        "slug": links.slug,
        "url": item.url,
        "title": b.title,
        "status": b.status,
        "date": b.date,
        "date_source": b.date_source,
        "authors": list(b.authors),
        "source": b.source,
        "credits": list(b.credits),
        "original_url": b.url,
        "summary": b.summary,
        "standfirst": b.standfirst,
        "body": "\n\n".join(b.body),
        "word_count": b.word_count,
        "dateline": b.dateline,
        "dates_mentioned": list(b.dates_mentioned),
        "entities": [
            {"name": e.name, "type": e.type, "mentions": list(e.mentions), "count": e.count, "url": e.url}
            for e in links.entities
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind} for q in links.quotes],
        "tags": list(links.tags),
        "related": [{"slug": slugs[r.key], "score": r.score} for r in links.related],
        "thread": links.thread,
        "also_published_as": [slugs[key] for key in links.copies],
        "removed": [{"kind": c.kind, "text": c.text} for c in b.cut],
    }


def archive_json(
    items: list[PublishedBriefing],
    rejected: list[dict],
    threads: list[ThreadPage] = (),
    ignored: dict[str, str] | None = None,
) -> str:
    slugs = {item.briefing.source_path: item.links.slug for item in items}
    articles = [article_record(item, slugs) for item in sorted(items, key=lambda i: i.briefing.source_path)]
    document = {
        "articles": articles,
        "threads": [
            {"slug": t.slug, "title": t.title, "url": t.url, "articles": [a.slug for a in t.articles]}
            for t in sorted(threads, key=lambda t: t.slug)
        ],
        "rejected": sorted(rejected, key=lambda r: r["source_path"]),
        "ignored": [{"source_path": path, "reason": reason} for path, reason in sorted((ignored or {}).items())],
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # The same data, but safe to paste into HTML: no raw <, > or & from an article survives.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
