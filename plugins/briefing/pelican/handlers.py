"""Signal handlers: the build's report, and the one handler that takes the archive from the read stage
through the corpus stage (`link_articles`, before Pelican builds the tag pages)."""

from __future__ import annotations

import dataclasses
import logging
import os

from pelican.log import console
from pelican.urlwrappers import Category, Tag

from ..cache import JsonCache
from ..corpus.archive import link_archive
from ..corpus.curation import Curation, CurationError, parse_curation
from ..corpus.entity_index import TYPE_FOLDERS, TYPE_TITLES
from ..corpus.stories import StoryLinks
from ..corpus.thread_briefing import ThreadBriefing
from ..read.language import ArticleLanguage, ArticleText, analyse_cached
from ..read.leftovers import unread_files
from ..read.nlp import ModelUnavailable
from ..records import Briefing
from ..report import REPORT_KEY, BuildReport
from ..settings import BriefingSettings
from ..slugs import unique_slugs
from ..write.digest_pages import digest_pages
from ..write.pages import EntityKind, article_page, tag_links, thread_pages
from ..write.quote_pages import speaker_pages
from ..write.quote_search import QUOTE_INDEX_JSON
from .generator import (
    ARCHIVE_KEY,
    DIGEST_PAGES_KEY,
    ENTITY_KINDS_KEY,
    ENTITY_PAGES_KEY,
    QUOTE_SPEAKERS_KEY,
    TAG_INDEX_KEY,
    THREAD_PAGES_KEY,
    BriefingGenerator,
)
from .kept_site import check_unchanged, remember_site
from .reader import IGNORED_KEY, READER_REPORT_SETTING, REJECTION_KEY, named
from .writer import WRITER_SETTING

logger = logging.getLogger(__name__)


def link_articles(generator) -> None:
    """`article_generator_pretaxonomy`: every article read, none written yet."""
    options = BriefingSettings.from_pelican(generator.settings)
    report = generator.context.get(REPORT_KEY)
    if report is not None:
        _report_unread(generator.settings, report)
    _end_stage(report, "read")
    articles = [a for a in generator.articles + generator.hidden_articles + generator.drafts if hasattr(a, "briefing")]
    # 1. unique slugs across the archive
    _deduplicate_slugs(generator.articles + generator.hidden_articles + generator.drafts)
    outputs = own_outputs(generator.settings, options)
    if check_unchanged(generator.settings, generator.output_path, outputs, options.cache_dir):
        # nothing the pages are made from has changed since the last complete build: they are all kept
        console.print("site unchanged since the last build: every page kept", highlight=False)
        _count_briefings(report, [a for a in generator.articles if hasattr(a, "briefing")])
        return
    # 2. the read stage's language step: each article's Briefing
    for article, briefing in zip(articles, _briefings(articles, options, report), strict=True):
        article.briefing = briefing
    _end_stage(report, "entities and quotes")
    # 3. the corpus stage: the links of the whole archive
    listed = [a for a in generator.articles if hasattr(a, "briefing")]
    console.print(f"related stories and threads: linking {len(listed)} briefings", highlight=False)
    links = link_archive(
        [a.briefing for a in articles],
        {a.briefing.source_path: a.slug for a in articles},
        _load_curation(generator.settings, options, report),
        options.corpus,
        listed=[a.briefing.source_path for a in listed],
        story_cache=JsonCache(os.path.join(options.cache_dir, "corpus"), StoryLinks.from_dict, StoryLinks.to_dict),
        briefing_cache=JsonCache(
            os.path.join(options.cache_dir, "threads"), ThreadBriefing.from_dict, ThreadBriefing.to_dict
        ),
    )
    # 4. what the write stage reads: one page object per article, the thread, quote and digest pages, the tags
    pages_by_key = {a.briefing.source_path: a for a in listed}
    entity_urls = {name: page.url for name, page in links.entity_pages.items()}
    speakers = speaker_pages(links.quote_index, pages_by_key, entity_urls, options.corpus.page_min_briefings)
    speaker_urls = {speaker.name: speaker.url for speaker in speakers if speaker.has_page}
    threads = thread_pages(links.threads, pages_by_key, links.thread_briefings, speaker_urls, entity_urls)
    tag_pages = {key: named(Tag, entry.name, generator.settings) for key, entry in links.tags.items() if entry.page}
    tag_urls = {key: tag.url for key, tag in tag_pages.items()}
    for article in articles:
        record = links.articles[article.briefing.source_path]
        page = article_page(article, record, pages_by_key, threads, options.words_per_minute, options.related_shown)
        # only tags with a page of their own become Pelican's tags (and so get a page and a feed); a tag
        # that names an entity links to the entity's page, a tag too few briefings have to none
        article.tags = [tag_pages[key] for name in record.tags if (key := name.casefold()) in tag_pages]
        article.links = dataclasses.replace(page, tags=tag_links(record.tags, links.tags, tag_urls, entity_urls))
    for draft in generator.drafts:
        # Pelican writes a draft with its category, which articles of a site without category pages
        # (CATEGORY_SAVE_AS empty) lack: the default category, as Pelican would give it.
        if not hasattr(draft, "category"):
            draft.category = Category(generator.settings.get("DEFAULT_CATEGORY", "misc"), generator.settings)
    generator.context[ARCHIVE_KEY] = links
    generator.context[THREAD_PAGES_KEY] = list(threads.values())
    generator.context[QUOTE_SPEAKERS_KEY] = speakers
    generator.context[DIGEST_PAGES_KEY] = digest_pages(links.digest, pages_by_key, threads, speaker_urls)
    generator.context[ENTITY_PAGES_KEY] = links.entity_pages
    generator.context[TAG_INDEX_KEY] = sorted(
        tag_links(
            [e.name for e in links.tags.values() if e.briefings and (e.page or e.entity)],
            links.tags,
            tag_urls,
            entity_urls,
            counted=True,
        ),
        key=lambda tag: (tag.name.casefold(), tag.name),
    )
    generator.context[ENTITY_KINDS_KEY] = [
        EntityKind(TYPE_TITLES[kind], f"{folder}/", sum(1 for p in links.entity_pages.values() if p.type == kind))
        for kind, folder in TYPE_FOLDERS.items()
    ]
    _count_briefings(report, listed)
    _end_stage(report, "related stories and threads")


def _count_briefings(report: BuildReport | None, listed: list) -> None:
    if report is not None:
        report.articles = len(listed)
        for article in listed:
            report.count_removed(article.briefing.cut)


def own_outputs(settings: dict, options: BriefingSettings) -> tuple[str, ...]:
    """The files the briefing generator writes itself, not through the site's writer."""
    digest_feed = settings.get("DIGEST_FEED_ATOM")
    return (options.archive_json, QUOTE_INDEX_JSON, *([digest_feed] if digest_feed else []))


def _report_unread(settings: dict, report: BuildReport) -> None:
    """Files of the article folders no reader took: listed as ignored, or rejected."""
    for unread in unread_files(settings["PATH"], settings.get("ARTICLE_PATHS", [""]), report.offered):
        if unread.ignored:
            report.ignore(unread.source_path, unread.reason)
        else:
            logger.warning("%s: rejected: %s", unread.source_path, unread.reason)
            report.reject(unread.source_path, unread.reason)


def _briefings(articles: list, options: BriefingSettings, report) -> list[Briefing]:
    """Each article's extraction with its language results (from the cache, or the model in one batch)."""
    cache = JsonCache(os.path.join(options.cache_dir, "language"), ArticleLanguage.from_dict, ArticleLanguage.to_dict)
    texts = [ArticleText.of(a.briefing) for a in articles]

    def announce(count: int, words: int) -> None:
        where = f" on the cluster at {options.dask_scheduler}" if options.dask_scheduler else ""
        console.print(f"entities and quotes: analysing {count} article(s), {words} words{where}", highlight=False)

    try:
        languages, run = analyse_cached(texts, cache, options.nlp_workers, announce, options.dask_scheduler)
    except ModelUnavailable as error:
        logger.error("entities and quotes: %s", error)
        languages = [ArticleLanguage()] * len(articles)
    else:
        if report is not None:
            report.record_language(run.articles, run.words, run.seconds, run.cpu_seconds)
    return [Briefing.of(a.briefing, lang.entities, lang.quotes) for a, lang in zip(articles, languages, strict=True)]


def _deduplicate_slugs(articles: list) -> None:
    """Unique slugs across the archive, and the page addresses they give, fixed from here on."""
    wanted = [(a.get_relative_source_path(), a.slug) for a in articles]
    slugs = unique_slugs(wanted)
    for article in articles:
        new_slug = slugs[article.get_relative_source_path()]
        if new_slug != article.slug:
            logger.info("%s: slug %r is taken, using %r", article.get_relative_source_path(), article.slug, new_slug)
            article.slug = new_slug
    # The addresses are final now: fixed (Pelican's `override_url`), so that the templates' many `url`
    # lookups (every listing of every page) do not format them from the settings again.
    for article in articles:
        article.override_url = article.url


def _load_curation(settings: dict, options: BriefingSettings, report) -> Curation:
    path = os.path.join(settings["PATH"], options.entities_file)
    if not os.path.exists(path):
        return Curation()
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return parse_curation(handle.read())
    except (OSError, UnicodeDecodeError, CurationError) as error:
        reason = f"curated entities not used: {error}"
        logger.warning("%s: %s", options.entities_file, reason)
        if report is not None:
            report.reject(options.entities_file, reason)
        return Curation()


def _end_stage(report: BuildReport | None, stage: str) -> None:
    if report is not None:
        report.end_stage(stage)


def record_rejection(generator, metadata) -> None:
    """`article_generator_context` and `page_generator_context`: a file the reader rejected or skipped."""
    report = generator.context.get(REPORT_KEY)
    if report is None:
        return
    if REJECTION_KEY in metadata:
        report.reject(metadata["title"], metadata[REJECTION_KEY])
    if IGNORED_KEY in metadata:
        report.ignore(*metadata[IGNORED_KEY])


def make_generator_class(pelican):
    """`get_generators`: a BriefingGenerator bound to a fresh report for this build; the reader, the
    handlers and `finish_build` share it."""
    report = BuildReport()
    pelican.briefing_report = report
    # The reader sees only the settings; it counts the files it reads into this build's report.
    pelican.settings[READER_REPORT_SETTING] = report
    return type("BriefingGenerator", (BriefingGenerator,), {"report": report})


def finish_build(pelican) -> None:
    """`finalized`: the pages this build no longer writes removed, the summary, and a failing status when
    files were rejected."""
    writer = pelican.settings.get(WRITER_SETTING)
    if writer is not None and os.path.isdir(pelican.output_path):
        removed = writer.remove_stale_pages()
        if writer.pages_kept:
            console.print(
                f"pages: {writer.pages_rendered} rendered, {writer.pages_kept} kept as the last build left them",
                highlight=False,
            )
        if removed:
            console.print(f"removed {len(removed)} file(s) no longer part of the site", highlight=False)
        options = BriefingSettings.from_pelican(pelican.settings)
        remember_site(pelican.settings, pelican.output_path, own_outputs(pelican.settings, options), options.cache_dir)
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
