"""The records passed from one stage to the next. Each is frozen: a stage reads what the one before
returned and never changes it.

    read:    RawArticle -> Extraction (text rules) -> Briefing (Extraction + the language step)
    corpus:  Briefings -> ArchiveLinks (corpus/archive.py)
    write:   Briefing + ArticleLinks -> pages, feeds, archive.json
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

ENTITY_TYPES = ("person", "organization", "place")


class UnusableFile(Exception):
    """A raw article file that cannot become a briefing; the message is the reason."""


@dataclass(frozen=True)
class RawArticle:
    """What the reader hands to the core: the file's bytes and where it lives."""

    source_path: str  # relative to the content folder, "/" separators
    data: bytes
    sidecar: str | None = None  # text of NAME.yaml next to the file, if any


@dataclass(frozen=True)
class CutBlock:
    """A piece of the pasted page that is not part of the article body."""

    kind: str
    text: str


@dataclass(frozen=True)
class BodyLink:
    """A link the original page had inside the body: its words in paragraph `paragraph`, and where it led
    (an http(s) address)."""

    paragraph: int
    text: str
    href: str


@dataclass(frozen=True)
class NamedEntity:
    """A person, organization or place as one article names it, before the archive's canonical names."""

    name: str  # the fullest form the article uses
    type: str
    mentions: tuple[str, ...] = ()  # distinct surface forms, as written, first seen first
    count: int = 0
    first: int = 0  # segment of the first mention: 0 the headline, 1 the lede
    votes: dict[str, int] = field(default_factory=dict)  # type -> mentions of that type


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None
    # "statement": something a speaker said; "phrase": scare quotes, titles and fragments of one or two
    # words, kept with the article but left out of key quotes, thread quotes and the quote index.
    kind: str = "statement"


@dataclass(frozen=True)
class Extraction:
    """What the text rules read from one article file, from that file alone."""

    source_path: str
    title: str
    slug: str
    body: tuple[str, ...]
    date: str | None = None
    date_source: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    summary: str = ""
    standfirst: str | None = None  # the dek under the headline, when the page has one
    dateline: str | None = None
    dates_mentioned: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # from front matter or sidecar
    status: str = "published"
    related: tuple[str, ...] = ()  # slugs the user listed
    manual_entities: tuple[dict, ...] = ()  # {name, type} the user added
    cut: tuple[CutBlock, ...] = ()
    warnings: tuple[str, ...] = ()
    links: tuple[BodyLink, ...] = ()  # links of a saved page's body

    @property
    def word_count(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.body)

    @property
    def month(self) -> str:
        """'YYYY-MM' of the date, or '' when undated (the archive's month sections)."""
        return (self.date or "")[:7]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Extraction:
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        for name in ("body", "authors", "credits", "dates_mentioned", "tags", "related", "manual_entities", "warnings"):
            values[name] = tuple(values.get(name, ()))
        values["cut"] = tuple(CutBlock(**c) for c in data.get("cut", ()))
        values["links"] = tuple(BodyLink(**link) for link in data.get("links", ()))
        return cls(**values)


@dataclass(frozen=True)
class Briefing(Extraction):
    """The read stage's record of one article: its extraction plus what the language step found in it
    (entities under the article's own names, quotes with those names as speakers)."""

    mentions: tuple[NamedEntity, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @classmethod
    def of(cls, extraction: Extraction, mentions=(), quotes=()) -> Briefing:
        values = {f.name: getattr(extraction, f.name) for f in fields(Extraction)}
        return cls(**values, mentions=tuple(mentions), quotes=tuple(quotes))


@dataclass(frozen=True)
class EntityMention:
    """An entity of one article under its archive-wide name; `mentions` are as the text writes them."""

    name: str
    type: str
    mentions: tuple[str, ...] = ()
    count: int = 0
    url: str | None = None  # its entity page, relative to the site root, when it has one


@dataclass(frozen=True)
class RelatedLink:
    key: str  # source path of the other story
    score: float
    shared: tuple[str, ...] = ()  # entity names both stories mention, the reason shown for the link
    same_thread: bool = False


@dataclass(frozen=True)
class ArticleLinks:
    """What the corpus stage learned about one article from the whole archive."""

    slug: str  # unique across the archive
    entities: tuple[EntityMention, ...] = ()  # canonical names, in order of first mention
    quotes: tuple[Quote, ...] = ()  # speakers under their canonical names
    key_quotes: tuple[Quote, ...] = ()
    tags: tuple[str, ...] = ()  # front-matter tags, then the most salient entities
    related: tuple[RelatedLink, ...] = ()  # best first
    thread: str | None = None  # slug of its story thread
    copies: tuple[str, ...] = ()  # source paths of other files with the same text
