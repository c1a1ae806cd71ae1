"""The language step of the read stage: an article's people, organizations, places and quotes, from its
headline, body, dateline and tables. Plain data in and out; the model runs once for a batch of articles,
and each article's result is cached by its text and the code and model that made it."""

from __future__ import annotations

import hashlib
import logging
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from ..cache import JsonCache, code_fingerprint
from ..records import Extraction, NamedEntity, Quote
from .entities import LocalEntity, article_entities
from .nlp import model_identity, recognise
from .quotes import PersonMention, find_quotes

logger = logging.getLogger(__name__)

LANGUAGE_MODULES = (
    "records.py",
    "read/language.py",
    "read/nlp.py",
    "read/entities.py",
    "read/quotes",
    "read/places.py",
    "read/segment.py",
)


def language_version() -> str:
    """Code and model behind a cached result: a change to either analyses every article again."""
    digest = hashlib.sha256(model_identity().encode())
    digest.update(code_fingerprint(Path(__file__).parent.parent, LANGUAGE_MODULES).encode())
    return "2-" + digest.hexdigest()[:16]


@dataclass(frozen=True)
class ArticleText:
    """What the language step reads of a briefing. Segment 0 is the headline, 1..n the body paragraphs,
    then dateline and table lines."""

    segments: tuple[str, ...]
    body_count: int
    table_rows: frozenset[int] = frozenset()
    pull_quotes: tuple[str, ...] = ()  # lines the reader set aside as repeats of the body

    @classmethod
    def of(cls, briefing: Extraction) -> ArticleText:
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


@dataclass(frozen=True)
class ArticleLanguage:
    entities: tuple[NamedEntity, ...] = ()
    quotes: tuple[Quote, ...] = ()  # speakers are names of `entities` or phrases

    def to_dict(self) -> dict:
        return {
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "mentions": list(e.mentions),
                    "count": e.count,
                    "first": e.first,
                    "votes": dict(e.votes),
                }
                for e in self.entities
            ],
            "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind} for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ArticleLanguage:
        entities = tuple(
            NamedEntity(e["name"], e["type"], tuple(e["mentions"]), e["count"], e["first"], dict(e["votes"]))
            for e in data["entities"]
        )
        return cls(entities, tuple(Quote(q["text"], q["speaker"], q.get("kind", "statement")) for q in data["quotes"]))


@dataclass(frozen=True)
class LanguageRun:
    """What one batch cost: articles the model analysed (the rest came from the cache)."""

    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def analyse_cached(
    texts: list[ArticleText], cache: JsonCache, workers: int = 1, announce=None, scheduler: str = ""
) -> tuple[list[ArticleLanguage], LanguageRun]:
    """The language results of `texts`, from the cache where it has them, the rest in one batch (stored
    in the cache); `announce(articles, words)` is called before a batch starts. With a Dask `scheduler`
    address the batch runs on that cluster (read/cluster.py), and whatever it cannot do, here. Raises
    nlp.ModelUnavailable when there is text to analyse and no model."""
    version = language_version()
    keys = [t.key(version) for t in texts]
    languages = [cache.get(key) for key in keys]
    missing = [position for position, language in enumerate(languages) if language is None]
    if not missing:
        return languages, LanguageRun()
    words = sum(len(" ".join(texts[p].segments).split()) for p in missing)
    if announce is not None:
        announce(len(missing), words)
    started, cpu_started = time.perf_counter(), _cpu_seconds()

    def store(positions: list[int], fresh: list[ArticleLanguage]) -> None:
        for position, language in zip(positions, fresh, strict=True):
            cache.put(keys[position], language)
            languages[position] = language

    if scheduler:
        _analyse_on_cluster(scheduler, texts, missing, store)
    left = [position for position in missing if languages[position] is None]
    if left:
        store(left, analyse([texts[p] for p in left], workers=workers))
    run = LanguageRun(len(missing), words, time.perf_counter() - started, _cpu_seconds() - cpu_started)
    return languages, run


def _analyse_on_cluster(scheduler: str, texts: list[ArticleText], missing: list[int], store) -> None:
    """What the cluster can do of `missing`, stored batch by batch; on failure the rest is left to this
    machine, with a warning that says why."""
    try:
        from .cluster import ClusterUnavailable, analyse_on_cluster
    except ImportError as error:
        logger.warning("BRIEFING_DASK_SCHEDULER %s: %s; the language step runs on this machine", scheduler, error)
        return
    try:
        for positions, fresh in analyse_on_cluster(scheduler, [texts[p] for p in missing]):
            store([missing[p] for p in positions], fresh)
    except ClusterUnavailable as error:
        logger.warning("BRIEFING_DASK_SCHEDULER %s: %s; the language step runs on this machine", scheduler, error)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the model's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
    found = find_quotes(paragraphs, sorted(people, key=_position), text.pull_quotes)
    quotes = [Quote(q.text, q.speaker, q.kind) for q in found]
    entities.sort(key=lambda e: (e.first, e.name))
    return ArticleLanguage(tuple(_named(e) for e in entities), tuple(quotes))


def _named(entity: LocalEntity) -> NamedEntity:
    return NamedEntity(entity.name, entity.type, tuple(entity.mentions), entity.count, entity.first, dict(entity.votes))


def _position(person: PersonMention) -> tuple[int, int]:
    return person.paragraph, person.start
