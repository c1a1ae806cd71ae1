"""Links between the stories of the whole archive: related stories, story threads, copies of one story.
Plain data in and out; keys are source paths. The costly part of the corpus stage, cached as a whole."""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from ..cache import code_fingerprint
from ..settings import StorySettings
from ..slugs import claim_slug
from .copies import duplicate_groups
from .related import StoryText, body_tokens, related_lists, similarity_graph, story_tokens
from .threads import story_threads


@dataclass(frozen=True)
class StoryItem:
    key: str  # source path
    slug: str
    title: str
    body: str
    date: str | None
    entities: frozenset[str] = frozenset()
    manual_related: tuple[str, ...] = ()  # slugs the user listed in front matter


@dataclass(frozen=True)
class StoryThread:
    slug: str
    title: str
    keys: tuple[str, ...]  # oldest first
    central: str = ""  # key of the story most similar to the others: its headline names the thread


@dataclass
class StoryLinks:
    related: dict[str, list[tuple[str, float]]]
    thread_of: dict[str, str]
    threads: list[StoryThread]
    copies: dict[str, list[str]]  # key -> keys of the other copies of the same text

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> StoryLinks:
        return cls(
            related={k: [(o, s) for o, s in v] for k, v in data["related"].items()},
            thread_of=data["thread_of"],
            threads=[
                StoryThread(t["slug"], t["title"], tuple(t["keys"]), t.get("central", "")) for t in data["threads"]
            ],
            copies=data["copies"],
        )


STORY_MODULES = ("corpus/stories.py", "corpus/related.py", "corpus/threads.py", "corpus/copies.py", "read/dates.py")


def stories_key(items: list[StoryItem], settings: StorySettings) -> str:
    """What the result depends on: every item, the settings and the code that links them. An unchanged
    archive rebuilds without running (or even importing) the text models."""
    digest = hashlib.sha256(code_fingerprint(Path(__file__).parent.parent, STORY_MODULES).encode())
    digest.update(repr(settings).encode())
    for item in sorted(items, key=lambda i: i.key):
        record = [item.key, item.slug, item.title, item.body, item.date, sorted(item.entities), item.manual_related]
        digest.update(json.dumps(record, ensure_ascii=False).encode())
    return digest.hexdigest()


def link_stories(items: list[StoryItem], settings: StorySettings | None = None) -> StoryLinks:
    with _without_cycle_collection():
        return _link_stories(items, settings or StorySettings())


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The stage builds millions of small dicts, lists and tuples and no reference cycles: the cyclic
    garbage collector would walk them over and over (2 of 8 s at 20,000 generated stories). Reference
    counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _link_stories(items: list[StoryItem], settings: StorySettings) -> StoryLinks:
    items = sorted(items, key=lambda i: i.key)
    stories = [StoryText(i.key, i.title, i.body, i.date, i.entities) for i in items]
    body_words = [body_tokens(i.body) for i in items]
    tokens = [story_tokens(s, words) for s, words in zip(stories, body_words, strict=True)]
    graph = similarity_graph(stories, settings.related, tokens)
    copy_groups = duplicate_groups(body_words, graph)
    copies_of = {p: set(group) - {p} for group in copy_groups for p in group}
    threads = story_threads(graph, [i.date for i in items], settings.thread_threshold, settings.thread_window_days)
    positions = related_lists(graph, threads, settings.related, exclude=copies_of)

    by_slug = {item.slug: item.key for item in items}
    related: dict[str, list[tuple[str, float]]] = {}
    for position, item in enumerate(items):
        if item.manual_related:
            manual = [by_slug[s] for s in item.manual_related if s in by_slug and by_slug[s] != item.key]
            related[item.key] = [(key, 1.0) for key in dict.fromkeys(manual)]
        else:
            related[item.key] = [(items[o].key, score) for o, score in positions[position]]

    story_threads_list: list[StoryThread] = []
    thread_of: dict[str, str] = {}
    taken: set[str] = set()
    for thread in threads:
        members = [items[p] for p in thread.members]
        # from the oldest story, so adding an unrelated article never renames a thread
        slug = claim_slug(members[0].slug, taken)
        central = _most_central(thread.members, graph)
        story_threads_list.append(
            StoryThread(slug, items[central].title, tuple(m.key for m in members), items[central].key)
        )
        for member in members:
            thread_of[member.key] = slug
    copies = {items[p].key: [items[o].key for o in sorted(others)] for p, others in copies_of.items()}
    return StoryLinks(related, thread_of, sorted(story_threads_list, key=lambda t: t.slug), copies)


def _most_central(members: tuple[int, ...], graph: dict[int, dict[int, float]]) -> int:
    """The member most similar to the others: its headline names the thread."""
    return max(members, key=lambda m: (sum(graph[m].get(o, 0.0) for o in members if o != m), -m))
