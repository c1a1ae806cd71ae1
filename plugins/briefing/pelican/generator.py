"""The write stage's own pages: story threads, the people, organization and place pages and their feeds,
the quote index and its search bundle, the digest and its feed, and `archive.json`. The generator only
writes what the corpus stage left in the context."""

from __future__ import annotations

import datetime as dt
import logging
import os

from feedgenerator import Atom1Feed, get_tag_uri
from pelican.generators import Generator
from pelican.log import console

from ..corpus.entity_index import TYPE_FOLDERS, TYPE_TITLES
from ..report import REPORT_KEY, BuildReport
from ..settings import DIGEST_FEED_DAYS, BriefingSettings
from ..write.digest_pages import DIGEST_SAVE_AS, DIGEST_URL, digest_entry_html
from ..write.export import PublishedBriefing, archive_json
from ..write.pages import THREADS_SAVE_AS, THREADS_URL
from ..write.quote_pages import QUOTES_SAVE_AS, QUOTES_URL, quote_index_json
from ..write.quote_search import QUOTE_INDEX_JSON, QUOTE_SEARCH_FOLDER
from .kept_site import is_kept

logger = logging.getLogger(__name__)

# Where the handlers leave the corpus stage's result (corpus.archive.ArchiveLinks) in the context.
ARCHIVE_KEY = "briefing_archive"
# Read by the templates and the sitemap plugin: the ThreadPages and EntityKinds of write/pages.py, and the
# EntityPages of corpus/entity_index.py by canonical name.
THREAD_PAGES_KEY = "story_threads"
ENTITY_KINDS_KEY = "entity_kinds"
ENTITY_PAGES_KEY = "briefing_entities"
# The SpeakerPages of write/quote_pages.py (the quote index) and the DigestPages of write/digest_pages.py.
QUOTE_SPEAKERS_KEY = "quote_speakers"
DIGEST_PAGES_KEY = "digest_pages"
TAG_INDEX_KEY = "tag_index"  # the tags index: every tag with a page, its own or its entity's


class BriefingGenerator(Generator):
    """Runs after the article and page generators; `report` is set per build by `make_generator_class`."""

    report: BuildReport

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.context[REPORT_KEY] = self.report
        self.options = BriefingSettings.from_pelican(self.settings)

    def generate_context(self):
        self.articles = [a for a in self.context.get("articles", []) if hasattr(a, "links")]
        # archive.json lists every briefing, with its status; the site lists the published ones
        self.every_article = [
            a
            for key in ("articles", "hidden_articles", "drafts")
            for a in self.context.get(key, [])
            if hasattr(a, "links")
        ]
        self.threads = self.context.get(THREAD_PAGES_KEY, [])
        self.archive = self.context.get(ARCHIVE_KEY)
        self.entity_pages = self.context.get(ENTITY_PAGES_KEY, {})
        self.speakers = self.context.get(QUOTE_SPEAKERS_KEY, [])
        self.digest = self.context.get(DIGEST_PAGES_KEY, [])
        console.print("writing pages, feeds and archive.json", highlight=False)

    def generate_output(self, writer):
        if is_kept(self.settings):  # the site is unchanged: every page stays as it is (pelican/kept_site.py)
            return
        relative = self.settings.get("RELATIVE_URLS", False)
        template = self.get_template("thread")
        for thread in self.threads:
            writer.write_file(
                thread.save_as, template, self.context, relative_urls=relative, url=thread.url, thread=thread
            )
        writer.write_file(
            THREADS_SAVE_AS, self.get_template("threads"), self.context, relative_urls=relative, url=THREADS_URL
        )
        self.write_entity_pages(writer)
        self.write_entity_indexes(writer)
        self.write_thread_feeds(writer)
        self.write_quote_index(writer)
        self.write_digest(writer)
        self.write_archive_json()

    def write_entity_pages(self, writer):
        relative = self.settings.get("RELATIVE_URLS", False)
        by_key = {a.briefing.source_path: a for a in self.articles}
        feed_pattern = self.settings.get("ENTITY_FEED_ATOM")
        template = self.get_template("entity")
        speakers = {speaker.name: speaker for speaker in self.speakers}
        for page in self.entity_pages.values():
            feed = feed_pattern.format(type=TYPE_FOLDERS[page.type], slug=page.slug) if feed_pattern else None
            writer.write_file(
                page.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=page.url,
                entity=page,
                entity_type_title=TYPE_TITLES[page.type][:-1] if page.type != "person" else "Person",
                # only what the page shows, so that its fingerprint changes only with that
                entity_articles={key: by_key[key] for key in page.articles if key in by_key},
                companion_urls={
                    name: self.entity_pages[name].url for name, _ in page.companions if name in self.entity_pages
                },
                entity_feed=feed,
                speaker_quotes=speakers.get(page.name),
            )
            if feed:
                articles = [by_key[key] for key in page.articles if key in by_key]
                writer.write_feed(articles, self.context, feed, url=page.url, feed_title=page.name)

    def write_entity_indexes(self, writer):
        relative = self.settings.get("RELATIVE_URLS", False)
        index = self.get_template("entities")
        for kind, folder in TYPE_FOLDERS.items():
            listed = sorted(
                (p for p in self.entity_pages.values() if p.type == kind),
                key=lambda p: (-len(p.articles), p.name.casefold()),
            )
            writer.write_file(
                f"{folder}/index.html",
                index,
                self.context,
                relative_urls=relative,
                url=f"{folder}/",
                entity_heading=TYPE_TITLES[kind],
                entity_index_url=f"{folder}/",
                entity_list=listed,
            )

    def write_thread_feeds(self, writer):
        thread_feed = self.settings.get("THREAD_FEED_ATOM")
        if thread_feed:
            for thread in self.threads:
                writer.write_feed(
                    thread.articles,
                    self.context,
                    thread_feed.format(slug=thread.slug),
                    url=thread.url,
                    feed_title=thread.title,
                )

    def write_quote_index(self, writer):
        """quotes/: every speaker with their count, a page per speaker, and quotes.json (what `make html`
        indexes for the quote search, write/quote_search.py)."""
        relative = self.settings.get("RELATIVE_URLS", False)
        writer.write_file(
            QUOTES_SAVE_AS,
            self.get_template("quotes"),
            self.context,
            relative_urls=relative,
            url=QUOTES_URL,
            quote_search=QUOTE_SEARCH_FOLDER,
        )
        template = self.get_template("speaker")
        for speaker in (s for s in self.speakers if s.has_page):
            writer.write_file(
                speaker.save_as, template, self.context, relative_urls=relative, url=speaker.url, speaker=speaker
            )
        path = os.path.join(self.output_path, QUOTE_INDEX_JSON)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(quote_index_json(self.speakers, self.settings.get("DEFAULT_LANG") or "en"))
        logger.info("wrote %s (%d speakers)", path, len(self.speakers))

    def write_digest(self, writer):
        """digest/: a page per day and per week that had stories, the list of them, and the Atom feed."""
        relative = self.settings.get("RELATIVE_URLS", False)
        writer.write_file(
            DIGEST_SAVE_AS, self.get_template("digests"), self.context, relative_urls=relative, url=DIGEST_URL
        )
        template = self.get_template("digest")
        for page in self.digest:
            writer.write_file(page.save_as, template, self.context, relative_urls=relative, url=page.url, digest=page)
        feed_path = self.settings.get("DIGEST_FEED_ATOM")
        if feed_path:
            self.write_digest_feed(feed_path)

    def write_digest_feed(self, feed_path: str):
        """One entry per day, the newest DIGEST_FEED_DAYS; addresses under FEED_DOMAIN, or from the site
        root when it is not set, as in Pelican's own feeds."""
        domain = self.settings.get("FEED_DOMAIN") or ""
        prefix = f"{domain}/" if domain else ""
        feed = Atom1Feed(
            title=f"{self.settings.get('SITENAME', '')}: daily digest",
            link=prefix + DIGEST_URL,
            feed_url=prefix + feed_path,
            description="",
            language=self.settings.get("DEFAULT_LANG"),
        )
        for page in [p for p in self.digest if p.kind == "day"][:DIGEST_FEED_DAYS]:
            moment = dt.datetime.fromisoformat(page.start).replace(tzinfo=dt.UTC)
            feed.add_item(
                title=f"{page.title}: {page.story_count} new briefing{'s' if page.story_count != 1 else ''}",
                link=prefix + page.url,
                unique_id=get_tag_uri(prefix + page.url, moment),
                description=digest_entry_html(page, prefix),
                pubdate=moment,
                updateddate=moment,
            )
        path = os.path.join(self.output_path, feed_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            feed.write(handle, "utf-8")
        logger.info("wrote %s", path)

    def write_archive_json(self):
        links = self.archive.articles if self.archive is not None else {}
        published = [PublishedBriefing(a.briefing, links[a.briefing.source_path], a.url) for a in self.every_article]
        threads = self.threads
        path = os.path.join(self.output_path, self.options.archive_json)
        os.makedirs(self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(archive_json(published, self.report.rejected, threads, self.report.ignored))
        logger.info("wrote %s (%d briefings, %d threads)", path, len(published), len(threads))
