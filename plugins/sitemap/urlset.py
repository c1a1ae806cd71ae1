"""The sitemap document itself: plain entries in, the `urlset` XML of the sitemap protocol out."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str  # the page's address: absolute when SITEURL is set, else from the site root ("/tags/")
    lastmod: str | None = None  # YYYY-MM-DD, or None when no date is known


def page_address(siteurl: str, url: str) -> str:
    """A page's address in the sitemap: `url` is relative to the site root, as Pelican gives it."""
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}"


def newest(dates) -> str | None:
    """The latest of the known dates (YYYY-MM-DD strings; None for unknown), or None."""
    known = [d for d in dates if d]
    return max(known) if known else None


def urlset_xml(entries: list[SitemapEntry]) -> str:
    """The sitemap, one `url` per distinct address, sorted by address so every build writes the same bytes."""
    by_loc: dict[str, SitemapEntry] = {}
    for entry in entries:
        kept = by_loc.get(entry.loc)
        if kept is None or (entry.lastmod or "") > (kept.lastmod or ""):
            by_loc[entry.loc] = entry
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    for loc in sorted(by_loc):
        entry = by_loc[loc]
        lastmod = f"<lastmod>{entry.lastmod}</lastmod>" if entry.lastmod else ""
        lines.append(f"  <url><loc>{escape(loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
