"""Pelican adapter for the language step and the archive's entities: runs the model on the articles whose
analysis is not cached (in one batch, on every core), merges their entities across the archive, and
gives each article its entities, quotes, tags and linked body before Pelican builds the tag pages."""

from __future__ import annotations

import logging
import os
import resource
import time
from collections import Counter

from pelican.log import console
from pelican.urlwrappers import Tag

from .cache import JsonCache
from .canonical import canonicalize
from .curation import Curation, CurationError, parse_curation
from .entities import TYPES, LocalEntity
from .entity_index import ArticleEntity, entity_pages, key_quotes, most_salient
from .language import ArticleLanguage, ArticleText, analyse, language_version
from .nlp import ModelUnavailable
from .records import EntityMention, Quote
from .render import linked_paragraphs_html
from .report import REPORT_KEY
from .settings import BriefingSettings

logger = logging.getLogger(__name__)

ENTITY_INDEX_KEY = "briefing_entities"
MANUAL_FIRST = 10_000  # a front-matter entity has no position in the text


def annotate_articles(generator) -> None:
    """`article_generator_pretaxonomy` handler."""
    options = BriefingSettings.from_pelican(generator.settings)
    articles = [a for a in generator.articles + generator.hidden_articles + generator.drafts if hasattr(a, "briefing")]
    report = generator.context.get(REPORT_KEY)
    if report is not None:
        report.end_stage("read")
    languages = _article_languages(articles, options, report)
    if languages is None:
        return
    curation = _load_curation(generator.settings, options, report)
    by_key = {a.briefing.source_path: a for a in articles}
    local = {
        a.briefing.source_path: lang.entities + _manual_entities(a.briefing.manual_entities)
        for a, lang in zip(articles, languages, strict=True)
    }
    canonical = canonicalize(local, curation)

    found: dict[str, list[ArticleEntity]] = {}
    quotes: dict[str, list[tuple[str, str | None]]] = {}
    for article, language in zip(articles, languages, strict=True):
        key = article.briefing.source_path
        names = canonical.names.get(key, {})
        found[key] = _merged(language, names, canonical)
        quotes[key] = [(q.text, names.get(q.speaker, q.speaker) if q.speaker else None) for q in language.quotes]
    published = [a for a in generator.articles if hasattr(a, "briefing")]
    newest_first = [a.briefing.source_path for a in sorted(published, key=_newest_first)]
    pages = entity_pages(canonical, {k: found[k] for k in newest_first}, quotes, newest_first)

    for key, article in by_key.items():
        briefing = article.briefing
        briefing.entities = [
            EntityMention(e.name, e.type, e.mentions, e.count, pages[e.name].url if e.name in pages else None)
            for e in found[key]
        ]
        briefing.quotes = [Quote(text, speaker) for text, speaker in quotes[key]]
        people = {e.name for e in found[key] if e.type == "person"}
        article.key_quotes = key_quotes(briefing.quotes, people, options.key_quotes)
        salient = [e.name for e in most_salient(found[key], options.entity_tags)]
        briefing.tags = _unique_names([*briefing.tags, *salient])
        article.tags = [Tag(name, generator.settings) for name in briefing.tags]
        article.entity_pages = {e.name: pages[e.name] for e in found[key] if e.name in pages}
        prefix = "../" * article.url.count("/")
        links = [(e.mentions, prefix + pages[e.name].url) for e in found[key] if e.name in pages]
        article._content = linked_paragraphs_html(briefing.body, links)
    generator.context[ENTITY_INDEX_KEY] = pages
    if report is not None:
        report.end_stage("entities and quotes")


def _article_languages(articles: list, options: BriefingSettings, report) -> list[ArticleLanguage] | None:
    cache = JsonCache(os.path.join(options.cache_dir, "language"), ArticleLanguage.from_dict, ArticleLanguage.to_dict)
    version = language_version()
    texts = [ArticleText.of(a.briefing) for a in articles]
    keys = [t.key(version) for t in texts]
    languages = [cache.get(key) for key in keys]
    missing = [position for position, language in enumerate(languages) if language is None]
    if missing:
        words = sum(len(" ".join(texts[p].segments).split()) for p in missing)
        console.print(f"entities and quotes: analysing {len(missing)} article(s), {words} words", highlight=False)
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        try:
            fresh = analyse([texts[p] for p in missing], workers=options.nlp_workers)
        except ModelUnavailable as error:
            logger.error("entities and quotes: %s", error)
            return None
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        if report is not None:
            report.record_language(len(missing), words, seconds, cpu)
        for position, language in zip(missing, fresh, strict=True):
            cache.put(keys[position], language)
            languages[position] = language
    elif report is not None:
        report.record_language(0, 0, 0.0, 0.0)
    return languages


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the model's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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


def _merged(language: ArticleLanguage, names: dict[str, str], canonical) -> list[ArticleEntity]:
    """The article's entities under their canonical names (two local names can be one entity)."""
    merged: dict[str, dict] = {}
    for entity in language.entities:
        name = names.get(entity.name)
        if name is None:
            continue
        slot = merged.setdefault(name, {"mentions": [], "count": 0, "first": entity.first})
        slot["mentions"].extend(m for m in entity.mentions if m not in slot["mentions"])
        slot["count"] += entity.count
        slot["first"] = min(slot["first"], entity.first)
    return [
        ArticleEntity(name, canonical.entities[name].type, tuple(slot["mentions"]), slot["count"], slot["first"])
        for name, slot in merged.items()
    ]


def _manual_entities(items: list[dict]) -> list[LocalEntity]:
    """Entities the front matter adds; a given type outweighs what the model says of the same name."""
    return [
        LocalEntity(item["name"], item.get("type", ""), [item["name"]], 1, MANUAL_FIRST, Counter({item["type"]: 100}))
        if item.get("type") in TYPES
        else LocalEntity(item["name"], "person", [item["name"]], 1, MANUAL_FIRST, Counter())
        for item in items
    ]


def _unique_names(names: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


def _newest_first(article) -> tuple:
    return (-(article.date.timestamp() if article.date else 0), article.briefing.source_path)
