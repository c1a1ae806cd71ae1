"""The corpus stage in one function: the Briefings of the whole archive in, their links out.

`link_archive` gives every article its entities under archive-wide names, its quotes with those names as
speakers, its tags and key quotes, its related stories, thread and copies; and the archive its entity
pages, its story threads with their briefings, its quote index and its digest. Plain data in and out,
keyed by source path; nothing here changes a Briefing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ..records import ENTITY_TYPES, ArticleLinks, Briefing, EntityMention, NamedEntity, Quote, RelatedLink
from ..settings import CorpusSettings
from .canonical import CanonicalEntities, canonicalize
from .curation import Curation
from .digest import DatedStory, DigestPeriod, digest_periods
from .entity_index import ArticleEntity, EntityPage, TagEntry, entity_pages, key_quotes, most_salient, tag_index
from .quote_index import STATEMENT, SpeakerQuotes, quote_index
from .stories import StoryItem, StoryLinks, StoryThread, link_stories, stories_key
from .thread_briefing import ThreadBriefing, ThreadStory, briefing_code, cached_thread_briefing

# A front-matter entity has no position in the text: it comes after every mention the text has.
MANUAL_FIRST = 10_000
# A type the user gives outweighs what the model says of the same name in any one article.
MANUAL_TYPE_VOTES = 100


@dataclass(frozen=True)
class ArchiveLinks:
    articles: dict[str, ArticleLinks]  # source path -> what the archive says of that article
    entity_pages: dict[str, EntityPage]  # canonical name -> page, for entities a listed article names
    threads: tuple[StoryThread, ...]  # by slug
    thread_briefings: dict[str, ThreadBriefing] = field(default_factory=dict)  # thread slug -> its briefing
    quote_index: tuple[SpeakerQuotes, ...] = ()  # the listed articles' speakers, most statements first
    digest: tuple[DigestPeriod, ...] = ()  # days, then weeks, newest first
    tags: dict[str, TagEntry] = field(default_factory=dict)  # case-folded tag -> its entry in the tag index


def link_archive(
    briefings: Sequence[Briefing],
    slugs: dict[str, str],
    curation: Curation | None = None,
    settings: CorpusSettings | None = None,
    listed: Sequence[str] | None = None,
    story_cache=None,
    briefing_cache=None,
) -> ArchiveLinks:
    """`slugs` are the articles' unique slugs; `listed` the source paths of the articles the site lists
    (published; default: every briefing whose status is published); `story_cache`, if given, keeps the
    related stories, threads and copies by their inputs (an object with `get(key)` and `put(key, value)`),
    `briefing_cache` each thread's briefing by its stories."""
    settings = settings or CorpusSettings()
    curation = curation or Curation()
    by_key = {b.source_path: b for b in briefings}
    if listed is None:
        listed = [b.source_path for b in briefings if b.status == "published"]
    # 1. one name per entity across the archive (the curated list and front-matter entities included)
    local = {b.source_path: [*b.mentions, *_manual_entities(b.manual_entities)] for b in briefings}
    canonical = canonicalize(local, curation)
    # 2. each article's entities and quote speakers under those names
    found = {b.source_path: _merged(b.mentions, canonical.names.get(b.source_path, {}), canonical) for b in briefings}
    quotes = {b.source_path: _canonical_quotes(b, canonical.names.get(b.source_path, {})) for b in briefings}
    # 3. entity pages: the listed articles that name each entity, newest first
    zone = ZoneInfo(settings.timezone)
    newest_first = sorted(listed, key=lambda key: (-_timestamp(by_key[key].date, zone), key))
    pages = entity_pages(
        canonical,
        {k: found[k] for k in newest_first},
        {k: [(q.text, q.speaker) for q in quotes[k]] for k in quotes},
        newest_first,
        settings.page_min_briefings,
        frozenset(entity.name for entity in curation.entities),
    )
    # 4. related stories, threads and copies of the listed articles
    stories = _story_links([by_key[k] for k in listed], slugs, found, settings, story_cache)
    # 5. everything about one article in one record
    articles = {
        key: _article_links(by_key[key], slugs[key], found, quotes[key], pages, stories, settings) for key in by_key
    }
    # 6. each thread's briefing, the quote index and the digest, from the listed articles
    code = briefing_code()
    briefings = {
        thread.slug: cached_thread_briefing(
            [_thread_story(by_key[key], found[key], quotes[key]) for key in thread.keys],
            thread.central or None,
            briefing_cache,
            code,
        )
        for thread in stories.threads
    }
    index = quote_index({key: quotes[key] for key in listed}, newest_first)
    digest = digest_periods(
        [
            DatedStory(key, by_key[key].date, articles[key].thread, next(iter(articles[key].key_quotes), None))
            for key in listed
            if by_key[key].date
        ]
    )
    # 7. the tag index: a tag worth a page links to the entity it names, or has a page of its own
    curated_names = [name for entity in curation.entities for name in (entity.name, *entity.aliases)]
    tags = tag_index(
        [articles[key].tags for key in newest_first],
        curated_names,
        settings.page_min_briefings,
        pages,
        given=[tag for key in listed for tag in by_key[key].tags],
    )
    return ArchiveLinks(articles, pages, tuple(stories.threads), briefings, index, digest, tags)


def _thread_story(briefing: Briefing, entities: list[ArticleEntity], quotes: list[Quote]) -> ThreadStory:
    return ThreadStory(
        key=briefing.source_path,
        title=briefing.title,
        date=briefing.date,
        source=briefing.source,
        summary=briefing.summary,
        body=briefing.body,
        dates_mentioned=briefing.dates_mentioned,
        entities=tuple((e.name, e.type) for e in entities),
        quotes=tuple(quotes),
    )


def _article_links(
    briefing: Briefing,
    slug: str,
    found: dict[str, list[ArticleEntity]],
    quotes: list[Quote],
    pages: dict[str, EntityPage],
    stories: StoryLinks,
    settings: CorpusSettings,
) -> ArticleLinks:
    key = briefing.source_path
    mine = found[key]
    people = {e.name for e in mine if e.type == "person"}
    salient = [e.name for e in most_salient(mine, settings.entity_tags)]
    thread = stories.thread_of.get(key)
    names = {e.name for e in mine}
    related = tuple(
        RelatedLink(
            other,
            score,
            tuple(sorted(names & {e.name for e in found[other]})),
            thread is not None and stories.thread_of.get(other) == thread,
        )
        for other, score in stories.related.get(key, [])
    )
    return ArticleLinks(
        slug=slug,
        entities=tuple(
            EntityMention(e.name, e.type, e.mentions, e.count, pages[e.name].url if e.name in pages else None)
            for e in mine
        ),
        quotes=tuple(quotes),
        key_quotes=tuple(key_quotes([q for q in quotes if q.kind == STATEMENT], people, settings.key_quotes)),
        tags=_unique_names([*briefing.tags, *salient]),
        related=related,
        thread=thread,
        copies=tuple(stories.copies.get(key, [])),
    )


def _story_links(
    listed: list[Briefing],
    slugs: dict[str, str],
    found: dict[str, list[ArticleEntity]],
    settings: CorpusSettings,
    cache,
) -> StoryLinks:
    items = [
        StoryItem(
            key=b.source_path,
            slug=slugs[b.source_path],
            title=b.title,
            body="\n".join(b.body),
            date=b.date,
            entities=frozenset(e.name for e in found[b.source_path]),
            manual_related=tuple(b.related),
        )
        for b in listed
    ]
    key = stories_key(items, settings.stories) if cache is not None else None
    links = cache.get(key) if cache is not None else None
    if links is None:
        links = link_stories(items, settings.stories)
        if cache is not None:
            cache.put(key, links)
    return links


def _merged(
    mentions: Sequence[NamedEntity], names: dict[str, str], canonical: CanonicalEntities
) -> list[ArticleEntity]:
    """The article's entities under their canonical names (two local names can be one entity)."""
    merged: dict[str, dict] = {}
    for entity in mentions:
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


def _canonical_quotes(briefing: Briefing, names: dict[str, str]) -> list[Quote]:
    return [Quote(q.text, names.get(q.speaker, q.speaker) if q.speaker else None, q.kind) for q in briefing.quotes]


def _manual_entities(items: Sequence[dict]) -> list[NamedEntity]:
    """Entities the front matter adds; a given type outweighs what the model says of the same name."""
    return [
        NamedEntity(item["name"], item["type"], (item["name"],), 1, MANUAL_FIRST, {item["type"]: MANUAL_TYPE_VOTES})
        if item.get("type") in ENTITY_TYPES
        else NamedEntity(item["name"], "person", (item["name"],), 1, MANUAL_FIRST, {})
        for item in items
    ]


def _unique_names(names: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return tuple(result)


def _timestamp(date: str | None, zone: ZoneInfo) -> float:
    """When an article was published, as the site orders it: to the minute, a date without an offset
    in the site's time zone, an undated article at the start of 1970."""
    moment = dt.datetime(1970, 1, 1)
    if date:
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(date).replace(second=0, microsecond=0)
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).timestamp()
