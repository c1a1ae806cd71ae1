"""Sitemap: writes `sitemap.xml` to the output root.

It lists the index, the archives, the tag index and every tag page, the author pages, every published
article and page, and the briefing plugin's pages when it made some: the story threads and their index,
the entity pages (people, organizations, places), the quote index and each speaker's page, and the
digest with each of its days and weeks. An article's `lastmod` is its date when the date is known (an
undated briefing gets none); a listing page's is the newest known date of the articles it lists.
Addresses are absolute when SITEURL is set (`make publish`), else from the site root.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.generators import Generator

from .urlset import SitemapEntry, newest, page_address, urlset_xml

logger = logging.getLogger(__name__)

SITEMAP_SAVE_AS = "sitemap.xml"
# Direct templates listed in the sitemap, by the setting prefix that holds their URL ("" for the index).
LISTING_TEMPLATES = {"index": None, "archives": "ARCHIVES", "tags": "TAGS", "authors": "AUTHORS"}
# Set by the briefing plugin when the site is as the last complete build left it (its pelican/kept_site.py):
# the context then holds none of its pages, and nothing is written.
SITE_UNCHANGED_SETTING = "BRIEFING_SITE_UNCHANGED"
# The index pages of the briefing plugin's threads, quotes and digest (write/pages.py, quote_pages.py,
# digest_pages.py), listed when it made pages of each kind.
THREADS_URL, QUOTES_URL, DIGEST_URL = "threads/", "quotes/", "digest/"


def known_date(article) -> str | None:
    """YYYY-MM-DD of an article when it is known: a briefing carries its own (None when undated), any
    other article has Pelican's date."""
    briefing = getattr(article, "briefing", None)
    if briefing is not None:
        return briefing.date[:10] if briefing.date else None
    date = getattr(article, "date", None)
    return date.date().isoformat() if date else None


def sitemap_entries(context: dict, settings: dict) -> list[SitemapEntry]:
    siteurl = settings.get("SITEURL", "")
    articles = context.get("articles", [])
    everything = newest(known_date(a) for a in articles)

    def entry(url: str, listed=()) -> SitemapEntry:
        return SitemapEntry(page_address(siteurl, url), newest(known_date(a) for a in listed))

    entries = []
    for template, prefix in LISTING_TEMPLATES.items():
        if template in settings.get("DIRECT_TEMPLATES", ()):
            url = settings.get(f"{prefix}_URL", f"{template}.html") if prefix else ""
            entries.append(SitemapEntry(page_address(siteurl, url), everything))
    for group in ("tags", "authors"):
        entries.extend(entry(item.url, listed) for item, listed in context.get(group, []))
    entries.extend(entry(article.url, [article]) for article in articles)
    entries.extend(entry(page.url) for page in context.get("pages", []))
    entries.extend(entry(thread.url, thread.articles) for thread in context.get("story_threads", []))
    # The briefing plugin's people, organizations and places: their index pages and one page each.
    entries.extend(entry(kind.url, articles) for kind in context.get("entity_kinds", []))
    by_key = {a.briefing.source_path: a for a in articles if getattr(a, "briefing", None) is not None}
    for page in context.get("briefing_entities", {}).values():
        entries.append(entry(page.url, [by_key[key] for key in page.articles if key in by_key]))
    entries.extend(_story_pages(context, siteurl, entry))
    return entries


def _story_pages(context: dict, siteurl: str, entry) -> list[SitemapEntry]:
    """The thread index, the quote index and its speakers, the digest and its days and weeks (a day's
    or week's lastmod is its last day)."""
    entries = []
    threads = context.get("story_threads", [])
    if threads:
        entries.append(entry(THREADS_URL, [a for thread in threads for a in thread.articles]))
    speakers = context.get("quote_speakers", [])
    if speakers:
        entries.append(entry(QUOTES_URL, [a for s in speakers for q in s.quotes for a in q.articles]))
        entries.extend(entry(s.url, [a for q in s.quotes for a in q.articles]) for s in speakers if s.url)
    digest = context.get("digest_pages", [])
    if digest:
        entries.append(SitemapEntry(page_address(siteurl, DIGEST_URL), max(page.end[:10] for page in digest)))
        entries.extend(SitemapEntry(page_address(siteurl, page.url), page.end[:10]) for page in digest)
    return entries


class SitemapGenerator(Generator):
    """Runs after the other generators have filled the context; writes nothing but the sitemap."""

    def generate_output(self, writer):
        if self.settings.get(SITE_UNCHANGED_SETTING):
            return  # the briefing plugin keeps every page of an unchanged site, and so the sitemap too
        path = os.path.join(self.output_path, SITEMAP_SAVE_AS)
        entries = sitemap_entries(self.context, self.settings)
        os.makedirs(self.output_path, exist_ok=True)
        data = urlset_xml(entries).encode("utf-8")
        if os.path.exists(path) and os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return  # as the last build wrote it: its time stays, so a deployment copies nothing
        with open(path, "wb") as handle:
            handle.write(data)
        logger.info("wrote %s (%d addresses)", path, len({e.loc for e in entries}))


def add_sitemap_generator(pelican):
    return SitemapGenerator


def register():
    signals.get_generators.connect(add_sitemap_generator)
