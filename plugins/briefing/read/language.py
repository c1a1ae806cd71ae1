"""The language step of the read stage: an article's people, organizations, places and quotes, from its
headline, body, dateline and tables. Plain data in and out; the model runs once for a batch of articles."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .entities import LocalEntity, article_entities
from .nlp import model_identity, recognise
from .quotes import PersonMention, find_quotes
from .records import Briefing, Quote

LANGUAGE_MODULES = ("language.py", "nlp.py", "entities.py", "quotes.py", "places.py", "segment.py")


def language_version() -> str:
    """Code and model behind a cached result: a change to either analyses every article again."""
    digest = hashlib.sha256(model_identity().encode())
    for name in LANGUAGE_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return "1-" + digest.hexdigest()[:16]


@dataclass(frozen=True)
class ArticleText:
    """What the language step reads of a briefing. Segment 0 is the headline, 1..n the body paragraphs,
    then dateline and table lines."""

    segments: tuple[str, ...]
    body_count: int
    table_rows: frozenset[int] = frozenset()
    pull_quotes: tuple[str, ...] = ()  # lines the reader set aside as repeats of the body

    @classmethod
    def of(cls, briefing: Briefing) -> ArticleText:
        datelines = [line for block in briefing.cut if block.kind == "dateline" for line in block.text.split("\n")]
        rows = [line for block in briefing.cut if block.kind == "table" for line in block.text.split("\n")]
        segments = (briefing.title, *briefing.body, *datelines, *rows)
        first_row = len(segments) - len(rows)
        pulled = tuple(block.text for block in briefing.cut if block.kind == "pull quote")
        return cls(tuple(segments), len(briefing.body), frozenset(range(first_row, len(segments))), pulled)

    def key(self, version: str) -> str:
        digest = hashlib.sha256(version.encode())
        for segment in self.segments:
            digest.update(len(segment).to_bytes(8, "little"))
            digest.update(segment.encode())
        digest.update(repr((sorted(self.table_rows), self.pull_quotes)).encode())
        return digest.hexdigest()


@dataclass
class ArticleLanguage:
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # speakers are names of `entities` or phrases

    def to_dict(self) -> dict:
        return {
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "mentions": e.mentions,
                    "count": e.count,
                    "first": e.first,
                    "votes": dict(e.votes),
                }
                for e in self.entities
            ],
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ArticleLanguage:
        entities = [
            LocalEntity(e["name"], e["type"], list(e["mentions"]), e["count"], e["first"], Counter(e["votes"]))
            for e in data["entities"]
        ]
        return cls(entities, [Quote(q["text"], q["speaker"]) for q in data["quotes"]])


def analyse(texts: list[ArticleText], workers: int = 1, nlp=None) -> list[ArticleLanguage]:
    spans = recognise([list(t.segments) for t in texts], workers=workers, nlp=nlp)
    return [_article_language(text, found) for text, found in zip(texts, spans, strict=True)]


def _article_language(text: ArticleText, spans) -> ArticleLanguage:
    entities = article_entities(list(text.segments), spans, text.table_rows)
    people = [
        PersonMention(segment - 1, start, end, entity.name)
        for entity in entities
        if entity.type == "person"
        for segment, start, end in entity.positions
        if 1 <= segment <= text.body_count
    ]
    paragraphs = list(text.segments[1 : 1 + text.body_count])
    quotes = [
        Quote(q.text, q.speaker) for q in find_quotes(paragraphs, sorted(people, key=_position), text.pull_quotes)
    ]
    entities.sort(key=lambda e: (e.first, e.name))
    return ArticleLanguage(entities, quotes)


def _position(person: PersonMention) -> tuple[int, int]:
    return person.paragraph, person.start
