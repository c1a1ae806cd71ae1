"""Pelican adapters for the corpus and write stages: unique slugs, the build report, `archive.json`."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from pelican.generators import Generator
from pelican.log import console

from .annotate import ENTITY_INDEX_KEY
from .cache import JsonCache
from .corpus import CorpusItem, CorpusLinks, CorpusSettings, corpus_key, link_corpus
from .entity_index import TYPE_FOLDERS, TYPE_TITLES
from .export import PublishedBriefing, PublishedThread, archive_json
from .reader import READER_REPORT_SETTING, REJECTION_KEY
from .report import REPORT_KEY, BuildReport
from .settings import BriefingSettings
from .slugs import unique_slugs

logger = logging.getLogger(__name__)


class BriefingGenerator(Generator):
    """Runs after the article and page generators; `report` is set per build by `make_generator_class`."""

    report: BuildReport

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.context[REPORT_KEY] = self.report
        self.options = BriefingSettings.from_pelican(self.settings)

    def generate_context(self):
        self.articles = [a for a in self.context.get("articles", []) if hasattr(a, "briefing")]
        console.print(f"related stories and threads: linking {len(self.articles)} briefings", highlight=False)
        articles = self.articles
        self.report.articles = len(articles)
        for article in articles:
            self.report.cut_kinds.update(block.kind for block in article.briefing.cut)
        corpus_cache = JsonCache(
            os.path.join(self.options.cache_dir, "corpus"), CorpusLinks.from_dict, CorpusLinks.to_dict
        )
        self.threads = link_stories(articles, self.options.corpus, corpus_cache)
        self.context["story_threads"] = self.threads
        self.report.end_stage("related stories and threads")
        console.print("writing pages, feeds and archive.json", highlight=False)
        self.entity_pages = self.context.get(ENTITY_INDEX_KEY, {})
        self.context["entity_kinds"] = [
            EntityKind(TYPE_TITLES[kind], f"{folder}/", sum(1 for p in self.entity_pages.values() if p.type == kind))
            for kind, folder in TYPE_FOLDERS.items()
        ]

    def generate_output(self, writer):
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
        self.write_archive_json()

    def write_entity_pages(self, writer):
        relative = self.settings.get("RELATIVE_URLS", False)
        by_key = {a.briefing.source_path: a for a in self.articles}
        feed_pattern = self.settings.get("ENTITY_FEED_ATOM")
        template = self.get_template("entity")
        for page in self.entity_pages.values():
            feed = feed_pattern.format(type=TYPE_FOLDERS[page.type], slug=page.slug) if feed_pattern else None
            articles = [by_key[key] for key in page.articles if key in by_key]
            writer.write_file(
                page.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=page.url,
                entity=page,
                entity_type_title=TYPE_TITLES[page.type][:-1] if page.type != "person" else "Person",
                entity_articles=by_key,
                entity_pages_by_name=self.entity_pages,
                entity_feed=feed,
            )
            if feed:
                writer.write_feed(articles, self.context, feed, url=page.url, feed_title=page.name)
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

    def write_archive_json(self):
        published = [
            PublishedBriefing(
                a.briefing,
                a.slug,
                a.url,
                related=[(r.article.slug, r.score) for r in a.related_stories],
                thread=a.story_thread.slug if a.story_thread else None,
                copies=[c.slug for c in a.copies],
            )
            for a in self.articles
        ]
        threads = [PublishedThread(t.slug, t.title, t.url, [a.slug for a in t.articles]) for t in self.threads]
        path = os.path.join(self.output_path, self.options.archive_json)
        os.makedirs(self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(archive_json(published, self.report.rejected, threads))
        logger.info("wrote %s (%d briefings, %d threads)", path, len(published), len(threads))


THREADS_URL = "threads/"


@dataclass(frozen=True)
class EntityKind:
    title: str
    url: str
    count: int


THREADS_SAVE_AS = "threads/index.html"


@dataclass
class RelatedStory:
    article: object
    score: float
    shared: list[str] = field(default_factory=list)  # entity names both stories mention
    same_thread: bool = False


@dataclass
class ThreadPage:
    slug: str
    title: str
    articles: list = field(default_factory=list)  # oldest first

    @property
    def url(self) -> str:
        return f"threads/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"threads/{self.slug}/index.html"

    @property
    def sources(self) -> list[str]:
        return sorted({a.briefing.source for a in self.articles if a.briefing.source})


def link_stories(articles: list, settings: CorpusSettings, cache: JsonCache) -> list[ThreadPage]:
    """Run the corpus stage (or reuse its cached result) and hang the results on the articles; returns
    the thread pages."""
    items = [
        CorpusItem(
            key=a.briefing.source_path,
            slug=a.slug,
            title=a.title,
            body="\n".join(a.briefing.body),
            date=a.briefing.date,
            entities=frozenset(e.name for e in a.briefing.entities),
            manual_related=tuple(a.briefing.related),
        )
        for a in articles
    ]
    key = corpus_key(items, settings)
    links = cache.get(key)
    if links is None:
        links = link_corpus(items, settings)
        cache.put(key, links)
    by_key = {a.briefing.source_path: a for a in articles}
    pages = {t.slug: ThreadPage(t.slug, t.title, [by_key[k] for k in t.keys]) for t in links.threads}
    for article in articles:
        key = article.briefing.source_path
        mine = {e.name for e in article.briefing.entities}
        thread_slug = links.thread_of.get(key)
        article.story_thread = pages.get(thread_slug)
        article.related_stories = [
            RelatedStory(
                by_key[other],
                score,
                sorted(mine & {e.name for e in by_key[other].briefing.entities}),
                thread_slug is not None and links.thread_of.get(other) == thread_slug,
            )
            for other, score in links.related.get(key, [])
        ]
        article.copies = [by_key[other] for other in links.copies.get(key, [])]
    return list(pages.values())


def make_generator_class(pelican):
    """A BriefingGenerator bound to a fresh report for this build, which `finish_build` reads back."""
    report = BuildReport()
    pelican.briefing_report = report
    # The reader sees only the settings; it counts the files it reads into this build's report.
    pelican.settings[READER_REPORT_SETTING] = report
    return type("BriefingGenerator", (BriefingGenerator,), {"report": report})


def record_rejection(generator, metadata):
    if REJECTION_KEY in metadata:
        report = generator.context.get(REPORT_KEY)
        if report is not None:
            report.reject(metadata["title"], metadata[REJECTION_KEY])


def deduplicate_slugs(generator):
    articles = generator.articles + generator.hidden_articles + generator.drafts
    wanted = [(a.get_relative_source_path(), a.slug) for a in articles]
    slugs = unique_slugs(wanted)
    for article in articles:
        new_slug = slugs[article.get_relative_source_path()]
        if new_slug != article.slug:
            logger.info("%s: slug %r is taken, using %r", article.get_relative_source_path(), article.slug, new_slug)
            article.slug = new_slug


def finish_build(pelican):
    report = getattr(pelican, "briefing_report", None)
    if report is None:
        return
    report.end_stage("write")
    for line in report.summary_lines():
        console.print(line, markup=False, highlight=False)
    if report.rejected:
        names = ", ".join(sorted(item["source_path"] for item in report.rejected))
        try:
            logger.error("%d article file(s) rejected, the archive is incomplete: %s", len(report.rejected), names)
        except RuntimeError:
            # `--fatal errors` turns the error into an exception; everything is written by now, so end
            # the build with a failing status instead of a traceback.
            raise SystemExit(1) from None
