"""The objects the theme's templates read: the contract between the stages and the theme.

Templates see, on every briefing (a Pelican article read from `content/articles/`):
- `article.briefing`: the read stage's `Briefing` (records.py): title, body, date, authors, source,
  credits, dateline, summary, url, cut (the removed blocks), source_path, word_count, month;
- `article.links`: an `ArticlePage` (below): what the archive says of it, resolved to pages;
plus Pelican's own `title`, `url`, `date`, `locale_date`, `summary`, `authors` and `tags` (the tags the
corpus stage chose). Thread pages get a `ThreadPage` as `thread`; entity pages an `EntityPage`
(corpus/entity_index.py) as `entity`; the context has `story_threads` and `entity_kinds`.

Pelican's article objects are passed in as they are (duck-typed: `url`, `briefing`); nothing here imports
Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import ArticleLinks, EntityMention, Quote
from ..userdata import http_link
from .render import linked_paragraphs_html

THREADS_URL = "threads/"
THREADS_SAVE_AS = "threads/index.html"


@dataclass(frozen=True)
class RelatedStory:
    article: object  # the other briefing's page
    score: float
    shared: tuple[str, ...] = ()  # entity names both stories mention
    same_thread: bool = False


@dataclass(frozen=True)
class KeyQuote:
    text: str
    speaker: str
    speaker_url: str | None = None  # the speaker's entity page, when the article names them and they have one


@dataclass
class ThreadPage:
    slug: str
    title: str
    articles: list = field(default_factory=list)  # briefing pages, oldest first

    @property
    def url(self) -> str:
        return f"threads/{self.slug}/"

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def sources(self) -> list[str]:
        return sorted({a.briefing.source for a in self.articles if a.briefing.source})


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
    body_html: str = ""  # the body's paragraphs, escaped, first mention of each entity linked
    reading_minutes: int = 1
    unlinked_tags: tuple[str, ...] = ()  # tags without a page of their own (BRIEFING_PAGE_MIN_BRIEFINGS)


def thread_pages(threads, pages_by_key: dict) -> dict[str, ThreadPage]:
    """Thread slug -> page; `threads` are the corpus stage's StoryThreads."""
    return {t.slug: ThreadPage(t.slug, t.title, [pages_by_key[k] for k in t.keys]) for t in threads}


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
        related=tuple(RelatedStory(pages_by_key[r.key], r.score, r.shared, r.same_thread) for r in links.related),
        thread=threads.get(links.thread) if links.thread else None,
        copies=tuple(pages_by_key[key] for key in links.copies),
        body_html=linked_paragraphs_html(
            list(article.briefing.body),
            [(e.mentions, prefix + e.url) for e in links.entities if e.url],
            [(link.paragraph, link.text, href) for link in article.briefing.links if (href := http_link(link.href))],
        ),
        reading_minutes=max(1, round(article.briefing.word_count / words_per_minute)),
    )
