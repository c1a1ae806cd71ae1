"""Plain records passed between the stages of the briefing pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


class UnusableFile(Exception):
    """A raw article file that cannot become a briefing; the message is the reason."""


@dataclass(frozen=True)
class CutBlock:
    """A piece of the pasted page that is not part of the article body."""

    kind: str
    text: str


@dataclass(frozen=True)
class EntityMention:
    """An entity of one article under its archive-wide name; `mentions` are as the text writes them."""

    name: str
    type: str
    mentions: tuple[str, ...] = ()
    count: int = 0
    url: str | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None


@dataclass
class Briefing:
    """Everything the read stage learns about one article, from that article alone."""

    source_path: str
    title: str
    slug: str
    body: list[str]
    date: str | None = None
    date_source: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    credits: list[str] = field(default_factory=list)
    summary: str = ""
    dateline: str | None = None
    dates_mentioned: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = "published"
    related: list[str] = field(default_factory=list)
    manual_entities: list[dict] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    cut: list[CutBlock] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.body)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Briefing:
        data = dict(data)
        data["cut"] = [CutBlock(**c) for c in data.get("cut", [])]
        data["entities"] = [
            EntityMention(**{**e, "mentions": tuple(e.get("mentions", ()))}) for e in data.get("entities", [])
        ]
        data["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        return cls(**data)
