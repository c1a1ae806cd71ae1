"""Pages of the archive's people, organizations and places, and the tags articles take from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..slugs import claim_slug, readable_slug
from .canonical import CanonicalEntities

TYPE_FOLDERS = {"person": "people", "organization": "organizations", "place": "places"}
TYPE_TITLES = {"person": "People", "organization": "Organizations", "place": "Places"}
# How many entities of an article count when finding who appears with whom: it bounds the pairs per
# article to 45, so the step stays linear in the archive. "Often appears with" lists COMPANIONS_SHOWN
# (a layout choice). Neither is tuned: no dev set scores co-occurrence.
COMPANION_SOURCES = 10
COMPANIONS_SHOWN = 8
# Salience of an entity in one article (for its tags): its mentions, plus HEADLINE_WEIGHT when the
# headline names it, LEDE_WEIGHT when the lede first does. Derived, not swept (no dev set scores tags):
# a name in the headline is what the story is about, worth a mention in every paragraph of a five-
# paragraph brief; the lede's, two mentions.
HEADLINE_WEIGHT = 5.0
LEDE_WEIGHT = 2.0
# A quote shorter than this is a fragment, not a statement to show on its own: of the 790 quoted spans of
# the quotes-polnear dev gold, 256 have five words or fewer, and nearly all of those are words quoted
# inside the reporter's sentence ('pathological liar', 'sow discord'), not statements that stand alone.
KEY_QUOTE_MIN_WORDS = 6


@dataclass
class EntityPage:
    name: str
    type: str
    slug: str
    description: str = ""
    link: str | None = None
    mentions: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # article keys, in the order given (newest first)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quote text, article key)
    companions: list[tuple[str, int]] = field(default_factory=list)  # (entity name, shared articles)

    @property
    def url(self) -> str:
        return f"{TYPE_FOLDERS[self.type]}/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{TYPE_FOLDERS[self.type]}/{self.slug}/index.html"


@dataclass(frozen=True)
class ArticleEntity:
    """An entity as one article uses it, under its archive-wide name."""

    name: str
    type: str
    mentions: tuple[str, ...]
    count: int
    first: int  # segment of the first mention: 0 headline, 1 lede


def salience(entity: ArticleEntity) -> float:
    return entity.count + (HEADLINE_WEIGHT if entity.first == 0 else LEDE_WEIGHT if entity.first == 1 else 0.0)


def most_salient(entities: list[ArticleEntity], limit: int) -> list[ArticleEntity]:
    ranked = sorted(entities, key=lambda e: (-salience(e), e.first, e.name))
    return ranked[:limit]


def key_quotes(quotes: list, people: set[str], limit: int) -> list:
    """The quotes a briefing page shows: said by a person the article names first, then by any named
    speaker; whole statements over fragments; in the order of the text."""
    candidates = [
        (position, quote)
        for position, quote in enumerate(quotes)
        if quote.speaker and len(quote.text.split()) >= KEY_QUOTE_MIN_WORDS
    ]
    ranked = sorted(candidates, key=lambda item: (item[1].speaker not in people, item[0]))[:limit]
    return [quote for _, quote in sorted(ranked, key=lambda item: item[0])]


def worth_a_page(briefings: int, curated: bool, min_briefings: int) -> bool:
    """An entity or tag gets a page when `min_briefings` listed briefings name it, or the curated list has it."""
    return curated or (briefings > 0 and briefings >= min_briefings)


@dataclass(frozen=True)
class TagEntry:
    """One tag of the archive as the tag index lists it."""

    key: str  # the tag case-folded: one tag however an article spells it
    name: str  # as the first listed briefing that has it spells it
    briefings: int  # listed briefings that have it
    entity: str | None = None  # the entity whose page the tag is, when it names one (no tag page then)
    page: bool = False  # whether it has a tag page of its own


def tag_index(
    article_tags: Iterable[Sequence[str]],
    curated: Iterable[str],
    min_briefings: int,
    entity_names: Iterable[str] = (),
    given: Iterable[str] = (),
) -> dict[str, TagEntry]:
    """Every tag of the listed briefings (`article_tags`, each list without repeats, in the order the
    site lists them) and of the curated list (`curated` names), by key. A tag worth a page
    (`worth_a_page`) that the corpus stage took from the entities and that names exactly one entity with
    a page (`entity_names`, case-folded) is that entity's page: one page per name, not a tag page listing
    the same stories again. A tag some front matter gives (`given`) is the user's topic and keeps a page
    of its own. One pass over the tags: linear in the archive."""
    curated = list(curated)
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for tags in article_tags:
        for tag in tags:
            key = tag.casefold()
            counts[key] += 1
            spelled.setdefault(key, tag)
    for name in curated:
        spelled.setdefault(name.casefold(), name)
    curated_keys = {name.casefold() for name in curated}
    given_keys = {name.casefold() for name in given}
    entity_keys: dict[str, list[str]] = {}
    for name in entity_names:
        entity_keys.setdefault(name.casefold(), []).append(name)
    entries = {}
    for key in sorted(counts.keys() | curated_keys):
        worth = worth_a_page(counts[key], key in curated_keys, min_briefings)
        named = entity_keys.get(key, [])
        entity = named[0] if worth and len(named) == 1 and key not in given_keys else None
        entries[key] = TagEntry(key, spelled[key], counts[key], entity, worth and entity is None)
    return entries


def entity_pages(
    canonical: CanonicalEntities,
    article_entities: dict[str, list[ArticleEntity]],
    quotes: dict[str, list[tuple[str, str | None]]],
    newest_first: list[str],
    min_briefings: int = 1,
    curated: frozenset[str] = frozenset(),
) -> dict[str, EntityPage]:
    """The pages of the canonical entities worth one (`worth_a_page`; `curated` are the curated list's
    names). `quotes` maps article keys to (text, speaker) pairs with canonical speakers; `newest_first`
    orders the article keys. Grows with the entity mentions of the archive (the companions are bounded
    per article)."""
    pages: dict[str, EntityPage] = {}
    taken: dict[str, set[str]] = {kind: set() for kind in TYPE_FOLDERS}
    for name in sorted(canonical.entities, key=lambda n: (readable_slug(n, "entity"), n)):
        entity = canonical.entities[name]
        slug = claim_slug(readable_slug(name, "entity"), taken[entity.type])
        pages[name] = EntityPage(name, entity.type, slug, entity.description, entity.link, list(entity.mentions))

    rank = {key: position for position, key in enumerate(newest_first)}
    pair_counts: dict[str, Counter] = {}
    for key in newest_first:
        found = article_entities.get(key, [])
        for entity in found:
            if entity.name in pages:
                pages[entity.name].articles.append(key)
        top = [e.name for e in most_salient(found, COMPANION_SOURCES) if e.name in pages]
        for name in top:
            counter = pair_counts.setdefault(name, Counter())
            counter.update(other for other in top if other != name)
        names = {entity.name for entity in found}
        for text, speaker in quotes.get(key, []):
            if speaker in names and speaker in pages and pages[speaker].type == "person":
                pages[speaker].quotes.append((text, key))
    for name, page in pages.items():
        counter = pair_counts.get(name, Counter())
        page.companions = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:COMPANIONS_SHOWN]
        page.articles.sort(key=lambda key: rank.get(key, len(rank)))
    return {
        name: page
        for name, page in pages.items()
        if page.articles and worth_a_page(len(page.articles), name in curated, min_briefings)
    }
