"""The objects the theme's templates read: the contract between the stages and the theme.

Templates see, on every briefing (a Pelican article read from `content/articles/`):
- `article.briefing`: the read stage's `Briefing` (records.py): title, body, date, authors, source,
  credits, dateline, summary, url, cut (the removed blocks), source_path, word_count, month;
- `article.links`: an `ArticlePage` (below): what the archive says of it, resolved to pages;
plus Pelican's own `title`, `url`, `date`, `locale_date`, `summary`, `authors` and `tags` (the tags the
corpus stage chose). Thread pages get a `ThreadPage` as `thread` (with its briefing: lead, timeline,
who is involved, statements, coverage by outlet, corroborated facts); entity pages an `EntityPage`
(corpus/entity_index.py) as `entity` and, when the entity is quoted, a `SpeakerPage` as `speaker_quotes`;
the quote index gets `SpeakerPage`s (write/quote_pages.py), the digest `DigestPage`s
(write/digest_pages.py); the context has `story_threads`, `entity_kinds`, `quote_speakers` and
`digest_pages`.

Pelican's article objects are passed in as they are (duck-typed: `url`, `briefing`); nothing here imports
Pelican.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..corpus.thread_briefing import ThreadBriefing
from ..records import ArticleLinks, EntityMention, Quote
from ..userdata import http_link
from .quote_pages import StatementPage, statement_page
from .render import linked_paragraphs_html

THREADS_URL = "threads/"
THREADS_SAVE_AS = "threads/index.html"


@dataclass(frozen=True)
class RelatedStory:
    """A related story as a briefing page shows it (its score is in archive.json, not on the page)."""

    article: object  # the other briefing's page
    shared: tuple[str, ...] = ()  # entity names both stories mention
    same_thread: bool = False


@dataclass(frozen=True)
class KeyQuote:
    text: str
    speaker: str
    speaker_url: str | None = None  # the speaker's entity page, when the article names them and they have one


@dataclass(frozen=True)
class TimelineItem:
    date: str  # ISO date (an event) or the story's own date (a publication)
    text: str  # the sentence that names the day, or the story's headline
    article: object  # the story's page
    published: bool  # a publication, not an event the stories speak of

    @property
    def day(self) -> str:
        return readable_day(self.date)


@dataclass(frozen=True)
class InvolvedItem:
    name: str
    type: str
    stories: int
    url: str | None = None  # its entity page


@dataclass(frozen=True)
class OutletItem:
    source: str | None  # None: a story of unknown source
    first: str | None
    articles: tuple = ()
    only_names: tuple[InvolvedItem, ...] = ()
    only_quotes: tuple[StatementPage, ...] = ()

    @property
    def first_day(self) -> str:
        return readable_day(self.first) if self.first else ""


@dataclass(frozen=True)
class FactItem:
    text: str
    articles: tuple = ()
    sources: tuple[str | None, ...] = ()


@dataclass
class ThreadPage:
    slug: str
    title: str
    articles: list = field(default_factory=list)  # briefing pages, oldest first
    lead: str = ""  # the most central story's summary
    lead_article: object = None
    timeline: tuple[TimelineItem, ...] = ()
    involved: tuple[InvolvedItem, ...] = ()
    quotes: tuple[StatementPage, ...] = ()  # deduplicated across the stories
    outlets: tuple[OutletItem, ...] = ()
    corroborated: tuple[FactItem, ...] = ()

    @property
    def url(self) -> str:
        return f"threads/{self.slug}/"

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def sources(self) -> list[str]:
        return sorted({a.briefing.source for a in self.articles if a.briefing.source})

    @property
    def source_line(self) -> str:
        """'2 briefings: FDD's Long War Journal and one unknown source'."""
        return source_line(len(self.articles), self.sources, sum(1 for a in self.articles if not a.briefing.source))


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def source_line(count: int, known: list[str], unknown: int) -> str:
    """How many briefings, and from whom: only the sources that are known are named."""
    parts = list(known)
    if unknown:
        number = NUMBER_WORDS[unknown] if unknown < len(NUMBER_WORDS) else str(unknown)
        parts.append(f"{number} unknown source{'s' if unknown != 1 else ''}")
    named = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{count} briefing{'s' if count != 1 else ''}: {named}"


def readable_day(date: str) -> str:
    """'2018-09-27' (or a datetime) -> '27 September 2018'; the text as is when it is no date."""
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass(frozen=True)
class EntityKind:
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class ArticlePage:
    """`article.links`: what a briefing page shows beyond its Briefing."""

    entities: tuple[EntityMention, ...] = ()  # canonical names, with their page URL when they have one
    quotes: tuple[Quote, ...] = ()  # every quote, speakers under their canonical names
    key_quotes: tuple[KeyQuote, ...] = ()
    related: tuple[RelatedStory, ...] = ()  # best first, as many as BRIEFING_RELATED_SHOWN
    thread: ThreadPage | None = None
    copies: tuple = ()  # pages of the same text filed under another name
    # What the body's HTML is made of (`body_html`, made when a page shows it, not for a page kept as it
    # was): its paragraphs, each linked entity's mentions and page, the original's links.
    body_paragraphs: tuple[str, ...] = ()
    entity_links: tuple[tuple[tuple[str, ...], str], ...] = ()
    source_links: tuple[tuple[int, str, str], ...] = ()
    reading_minutes: int = 1
    tags: tuple[TagLink, ...] = ()  # every tag, in order, with the page it links to when it has one

    @property
    def body_html(self) -> str:
        """The body's paragraphs, escaped, the first mention of each entity linked to its page."""
        return linked_paragraphs_html(list(self.body_paragraphs), list(self.entity_links), list(self.source_links))


@dataclass(frozen=True)
class TagLink:
    """A tag as a page shows it: its page is its own (`tags/...`) or that of the entity it names; a tag
    fewer than BRIEFING_PAGE_MIN_BRIEFINGS briefings have is shown without a link."""

    name: str
    url: str | None = None  # from the site root
    briefings: int = 0  # listed briefings that have it: the tag index's count, 0 on a briefing's page


def tag_links(
    names, entries: dict, tag_urls: dict[str, str], entity_urls: dict[str, str], counted: bool = False
) -> tuple[TagLink, ...]:
    """`names` as TagLinks: `entries` is the corpus stage's tag index (case-folded tag -> TagEntry),
    `tag_urls` the addresses of the tag pages by case-folded tag, `entity_urls` those of entity pages.
    Only the tag index shows how many briefings have a tag (`counted`): a briefing's page does not, so
    its tags leave the count out, and a story added under one of its tags leaves the page as it was."""
    links = []
    for name in names:
        entry = entries.get(name.casefold())
        if entry is None:  # a tag of an article the site does not list (a draft)
            links.append(TagLink(name))
            continue
        url = entity_urls.get(entry.entity) if entry.entity else tag_urls.get(entry.key)
        links.append(TagLink(name, url, entry.briefings if counted else 0))
    return tuple(links)


def thread_pages(
    threads,
    pages_by_key: dict,
    briefings: dict[str, ThreadBriefing] | None = None,
    speaker_urls: dict[str, str] | None = None,
    entity_urls: dict[str, str] | None = None,
) -> dict[str, ThreadPage]:
    """Thread slug -> page; `threads` are the corpus stage's StoryThreads, `briefings` their
    ThreadBriefings; speakers link to their quote pages, names to their entity pages."""
    pages = {}
    for thread in threads:
        page = ThreadPage(thread.slug, thread.title, [pages_by_key[k] for k in thread.keys])
        briefing = (briefings or {}).get(thread.slug)
        if briefing is not None:
            _brief(page, briefing, pages_by_key, speaker_urls or {}, entity_urls or {})
        pages[thread.slug] = page
    return pages


def _brief(page: ThreadPage, briefing: ThreadBriefing, pages_by_key: dict, speakers: dict, entities: dict) -> None:
    statements = {q.id: statement_page(q, pages_by_key, speakers) for q in briefing.quotes}
    page.lead = briefing.lead
    page.lead_article = pages_by_key.get(briefing.lead_key)
    page.timeline = tuple(
        TimelineItem(e.date, e.text, pages_by_key[e.key], e.kind == "published") for e in briefing.timeline
    )
    page.involved = tuple(InvolvedItem(i.name, i.type, i.stories, entities.get(i.name)) for i in briefing.involved)
    page.quotes = tuple(statements.values())
    page.outlets = tuple(
        OutletItem(
            o.source,
            o.first,
            tuple(pages_by_key[k] for k in o.keys),
            tuple(InvolvedItem(name, "", 0, entities.get(name)) for name in o.only_names),
            tuple(statements[q] for q in o.only_quotes),
        )
        for o in briefing.outlets
    )
    page.corroborated = tuple(
        FactItem(f.text, tuple(pages_by_key[k] for k in f.keys), f.sources) for f in briefing.corroborated
    )


def article_page(
    article,
    links: ArticleLinks,
    pages_by_key: dict,
    threads: dict[str, ThreadPage],
    words_per_minute: int,
    related_shown: int,
) -> ArticlePage:
    """The page object of one briefing; `pages_by_key` are the listed briefings' pages by source path."""
    # The body is written into the article's own folder: entity pages are reached from there.
    prefix = "../" * article.url.count("/")
    urls = {e.name: e.url for e in links.entities if e.url}
    return ArticlePage(
        entities=links.entities,
        quotes=links.quotes,
        key_quotes=tuple(KeyQuote(q.text, q.speaker, urls.get(q.speaker)) for q in links.key_quotes),
        related=tuple(
            RelatedStory(pages_by_key[r.key], r.shared, r.same_thread) for r in links.related[:related_shown]
        ),
        thread=threads.get(links.thread) if links.thread else None,
        copies=tuple(pages_by_key[key] for key in links.copies),
        body_paragraphs=tuple(article.briefing.body),
        entity_links=tuple((e.mentions, prefix + e.url) for e in links.entities if e.url),
        source_links=tuple(
            (link.paragraph, link.text, href) for link in article.briefing.links if (href := http_link(link.href))
        ),
        reading_minutes=max(1, round(article.briefing.word_count / words_per_minute)),
    )
