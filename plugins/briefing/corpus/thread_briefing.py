"""The briefing of one story thread: what happened when, who is involved, what was said and by whom, and
how each outlet covered it.

    1. lead: the summary of the thread's most central story
    2. timeline: each story's publication and the dated events its sentences speak of
    3. who is involved: the thread's entities, by how many of its stories name them
    4. what was said: the statements, deduplicated across stories (corpus/quote_index.py)
    5. coverage by outlet: first report, stories, and the names and statements no other outlet has
    6. corroborated facts: sentences two or more outlets report in nearly the same words

A story whose source is unknown counts as an outlet of its own: nothing says two such stories come from
one place. Each step is linear in the thread's stories (the facts through a shingle index).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..cache import code_fingerprint
from ..read.dates import find_dates, resolve_yearless
from ..records import Quote
from .near_duplicates import Groups, near_duplicate_groups, normalised_words, shingles, text_key
from .quote_index import CarriedQuote, carried_quotes

# A sentence shorter than this is not a fact to corroborate ("He declined to comment."): about the
# length of the shortest news sentence that states who did what, where. Derived, not swept.
FACT_MIN_WORDS = 8
# Two sentences report the same fact when SAME_FACT_OVERLAP of the shorter one's word 3-grams are in the
# other, or when they share SAME_FACT_SHARED of them (a run of 14 words inside two longer sentences).
# Calibrated on related-ecbplus dev, each half on its own, counting the sentence pairs matched between
# documents of one topic: same event (wanted) and the sibling event (wrong). Overlap alone at 0.5 / 0.6 /
# 0.7 / 0.8: half a 654 / 549 / 446 / 379 same-event pairs with 8 / 6 / 1 / 0 sibling ones, half b 740 /
# 618 / 537 / 451 with 6 / 0 / 0 / 0. Adding the shared count at 0.7, 8 / 10 / 12 / 15: half a 713 / 621 /
# 551 / 493 with 22 / 2 / 1 / 1, half b 856 / 744 / 676 / 598 with 16 / 7 / 2 / 0. 0.7 with 12 finds a
# quarter more on both halves at a sibling share of 0.002 / 0.003.
FACT_SHINGLE_WORDS = 3
SAME_FACT_OVERLAP = 0.7
SAME_FACT_SHARED = 12
# A word 3-gram more sentences of the thread than this already have is boilerplate of its coverage ("did
# not respond to a request for comment"): it proposes no more candidates. It bounds each sentence's
# comparisons (the step stays linear in the thread's sentences); a layout of the index, not tuned.
FACT_MAX_POSTINGS = 16
# A sentence that is mostly a quotation is under "What was said", not a fact of the reporter's.
QUOTED_SHARE = 0.5

_QUOTE_MARK = re.compile(r"[“”\"]")
_CLOSING = {"“": "”", '"': '"'}
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# The last word before a full stop that ends no sentence: an initial ("U.S.", "J.") or an abbreviation.
_ABBREVIATION = re.compile(
    r"[\"“‘(\[]*(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Jr|Sr|No|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|vs)\.)"
)
_LAST_WORD_CHARS = 12  # longer than any initial or abbreviation above


@dataclass(frozen=True)
class ThreadStory:
    """What the thread briefing reads of one story (entities and speakers under canonical names)."""

    key: str
    title: str
    date: str | None
    source: str | None
    summary: str
    body: tuple[str, ...]
    dates_mentioned: tuple[str, ...] = ()
    entities: tuple[tuple[str, str], ...] = ()  # (name, type), in order of first mention
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # YYYY-MM-DD, or a datetime for a publication
    text: str  # the headline of a publication, the sentence of an event
    key: str  # the story
    kind: str  # "published" or "event"


@dataclass(frozen=True)
class Involved:
    name: str
    type: str
    stories: int  # how many stories of the thread name it


@dataclass(frozen=True)
class OutletCoverage:
    source: str | None  # None: a story of unknown source, an outlet of its own
    first: str | None  # date of its first story
    keys: tuple[str, ...]  # its stories, oldest first
    only_names: tuple[str, ...] = ()  # entities no other outlet's story names
    only_quotes: tuple[str, ...] = ()  # ids of statements no other outlet carried


@dataclass(frozen=True)
class CorroboratedFact:
    text: str  # as the first story to report it writes it
    keys: tuple[str, ...]  # the stories that report it
    sources: tuple[str | None, ...]  # their outlets, one each (None: unknown)


@dataclass(frozen=True)
class ThreadBriefing:
    lead_key: str | None
    lead: str
    timeline: tuple[TimelineEntry, ...] = ()
    involved: tuple[Involved, ...] = ()
    quotes: tuple[CarriedQuote, ...] = ()
    outlets: tuple[OutletCoverage, ...] = ()
    corroborated: tuple[CorroboratedFact, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ThreadBriefing:
        return cls(
            lead_key=data["lead_key"],
            lead=data["lead"],
            timeline=tuple(TimelineEntry(**entry) for entry in data["timeline"]),
            involved=tuple(Involved(**item) for item in data["involved"]),
            quotes=tuple(
                CarriedQuote(q["id"], q["text"], q["speaker"], tuple(q["carried_by"])) for q in data["quotes"]
            ),
            outlets=tuple(
                OutletCoverage(
                    o["source"], o["first"], tuple(o["keys"]), tuple(o["only_names"]), tuple(o["only_quotes"])
                )
                for o in data["outlets"]
            ),
            corroborated=tuple(
                CorroboratedFact(f["text"], tuple(f["keys"]), tuple(f["sources"])) for f in data["corroborated"]
            ),
        )


BRIEFING_MODULES = (
    "corpus/thread_briefing.py",
    "corpus/quote_index.py",
    "corpus/near_duplicates.py",
    "read/dates.py",
    "records.py",
)


def briefing_code() -> str:
    """The fingerprint of the code that briefs a thread: part of every briefing's key."""
    return code_fingerprint(Path(__file__).parent.parent, BRIEFING_MODULES)


def _story_fields(story: ThreadStory) -> list:
    """A story's fields for its briefing's key, in order (json writes the tuples inside as lists): the
    same data as dataclasses.asdict without its deep copy, which took most of the key's time."""
    return [
        story.key,
        story.title,
        story.date,
        story.source,
        story.summary,
        story.body,
        story.dates_mentioned,
        story.entities,
        [(quote.text, quote.speaker, quote.kind) for quote in story.quotes],
    ]


def briefing_key(stories: Sequence[ThreadStory], central: str | None, code: str | None = None) -> str:
    """What a thread's briefing depends on: its stories, the central one and the code that briefs them
    (`code`: briefing_code(), read once by a caller that keys many threads)."""
    digest = hashlib.sha256((code or briefing_code()).encode())
    digest.update(json.dumps([central, [_story_fields(story) for story in stories]], ensure_ascii=False).encode())
    return digest.hexdigest()


def cached_thread_briefing(
    stories: Sequence[ThreadStory], central: str | None, cache=None, code: str | None = None
) -> ThreadBriefing:
    """`thread_briefing`, kept in `cache` (an object with `get(key)` and `put(key, value)`) when given."""
    if cache is None:
        return thread_briefing(stories, central)
    key = briefing_key(stories, central, code)
    briefing = cache.get(key)
    if briefing is None:
        briefing = thread_briefing(stories, central)
        cache.put(key, briefing)
    return briefing


def thread_briefing(stories: Sequence[ThreadStory], central: str | None = None) -> ThreadBriefing:
    """`stories` oldest first; `central` the key of the story that names the thread."""
    by_key = {story.key: story for story in stories}
    lead_story = by_key.get(central) or (stories[0] if stories else None)
    lead = (lead_story.summary or (lead_story.body[0] if lead_story.body else "")) if lead_story else ""
    quotes = carried_quotes([(story.key, quote) for story in stories for quote in story.quotes])
    return ThreadBriefing(
        lead_key=lead_story.key if lead_story else None,
        lead=lead,
        timeline=timeline(stories),
        involved=involved(stories),
        quotes=tuple(quotes),
        outlets=outlet_coverage(stories, quotes),
        corroborated=corroborated_facts(stories),
    )


def outlet_of(story: ThreadStory) -> str:
    """Who reported a story, for telling outlets apart: its source, or the story itself when unknown."""
    return f"source:{story.source}" if story.source else f"story:{story.key}"


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut at sentence ends: a full stop, question or exclamation mark (and any closing quote
    or bracket) before a space and a capital or digit, unless it ends an initial or an abbreviation."""
    result, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        tail = paragraph[max(start, match.start() + 1 - _LAST_WORD_CHARS) : match.start() + 1].split()
        if tail and _ABBREVIATION.fullmatch(tail[-1]):
            continue
        result.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        result.append(paragraph[start:].strip())
    return result


def timeline(stories: Sequence[ThreadStory]) -> tuple[TimelineEntry, ...]:
    """Publications and dated events, by date (a publication before the events of its day); one event
    sentence that several stories carry is listed once, for the first of them."""
    entries: list[tuple[str, int, int, TimelineEntry]] = []
    seen: set[tuple[str, str]] = set()
    for order, story in enumerate(stories):
        if story.date:
            entries.append((story.date[:10], 0, order, TimelineEntry(story.date, story.title, story.key, "published")))
        mentioned = set(story.dates_mentioned)
        if not mentioned:
            continue
        known = _day(story.date)
        for paragraph in story.body:
            for sentence in sentences(paragraph):
                for day in _days_in(sentence, known) & mentioned:
                    if (day, text_key(sentence)) not in seen:
                        seen.add((day, text_key(sentence)))
                        entries.append((day, 1, order, TimelineEntry(day, sentence, story.key, "event")))
    return tuple(entry for *_, entry in sorted(entries, key=lambda e: e[:3]))


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def _days_in(sentence: str, known: dt.date | None) -> set[str]:
    """The days a sentence names, as read/extract.py's mentioned dates read them."""
    days = {found.value[:10] for found in find_dates(sentence)}
    if known:
        days.update(found.value for found in resolve_yearless(sentence, known))
    return days


def involved(stories: Sequence[ThreadStory]) -> tuple[Involved, ...]:
    """The thread's entities, the most widely named first (then in order of first mention)."""
    counts: Counter[str] = Counter()
    types: dict[str, str] = {}
    for story in stories:
        for name, kind in dict(story.entities).items():
            counts[name] += 1
            types.setdefault(name, kind)
    order = {name: rank for rank, name in enumerate(types)}
    ranked = sorted(counts, key=lambda name: (-counts[name], order[name]))
    return tuple(Involved(name, types[name], counts[name]) for name in ranked)


def outlet_coverage(stories: Sequence[ThreadStory], quotes: Sequence[CarriedQuote]) -> tuple[OutletCoverage, ...]:
    """One entry per outlet, in order of first report; what only it reports when there are others."""
    outlets: dict[str, list[ThreadStory]] = {}
    for story in stories:
        outlets.setdefault(outlet_of(story), []).append(story)
    outlet_by_key = {story.key: outlet_of(story) for story in stories}
    name_outlets: dict[str, set[str]] = {}
    for story in stories:
        for name, _ in story.entities:
            name_outlets.setdefault(name, set()).add(outlet_by_key[story.key])
    alone: dict[str, list[str]] = {}  # outlet -> ids of the statements only it carried
    for quote in quotes:
        carriers = {outlet_by_key[key] for key in quote.carried_by}
        if len(carriers) == 1:
            alone.setdefault(carriers.pop(), []).append(quote.id)
    compared = len(outlets) > 1
    result = []
    for outlet, members in outlets.items():
        named = dict.fromkeys(name for story in members for name, _ in story.entities)
        dates = sorted(story.date for story in members if story.date)
        result.append(
            OutletCoverage(
                source=members[0].source,
                first=dates[0] if dates else None,
                keys=tuple(story.key for story in members),
                only_names=tuple(n for n in named if name_outlets[n] == {outlet}) if compared else (),
                only_quotes=tuple(alone.get(outlet, ())) if compared else (),
            )
        )
    return tuple(result)


def corroborated_facts(stories: Sequence[ThreadStory]) -> tuple[CorroboratedFact, ...]:
    """Sentences that stories of two or more outlets report in nearly the same words; the most widely
    reported first, then in the order they were first reported."""
    outlet_by_key = {story.key: outlet_of(story) for story in stories}
    if len(set(outlet_by_key.values())) < 2:
        return ()
    found: list[tuple[str, str]] = []  # (story key, sentence)
    sets = []
    for story in stories:
        for paragraph in story.body:
            for sentence in sentences(paragraph):
                words = normalised_words(sentence)
                if len(words) >= FACT_MIN_WORDS and not _mostly_quoted(sentence):
                    found.append((story.key, sentence))
                    sets.append(shingles(words, FACT_SHINGLE_WORDS))
    source_by_key = {story.key: story.source for story in stories}
    # sentences of one outlet are joined only through another outlet's
    outlets_of = [outlet_by_key[key] for key, _ in found]
    groups = Groups([None] * len(found))
    near_duplicate_groups(sets, groups, SAME_FACT_OVERLAP, FACT_MAX_POSTINGS, SAME_FACT_SHARED, outlets_of)
    facts = []
    for members in groups.members():
        keys = tuple(dict.fromkeys(found[p][0] for p in members))
        outlets = dict.fromkeys(outlet_by_key[k] for k in keys)
        if len(outlets) >= 2:
            first_key_of = {outlet_by_key[k]: k for k in reversed(keys)}
            sources = tuple(source_by_key[first_key_of[o]] for o in outlets)
            facts.append((len(outlets), members[0], CorroboratedFact(found[members[0]][1], keys, sources)))
    return tuple(fact for *_, fact in sorted(facts, key=lambda f: (-f[0], f[1])))


def _mostly_quoted(sentence: str) -> bool:
    """More of the sentence is inside quotation marks than in the reporter's own words. The marks are
    paired in one pass over the marks alone (a run of unclosed marks costs no rescans)."""
    quoted, opened, closing = 0, 0, None
    for match in _QUOTE_MARK.finditer(sentence):
        mark = match.group()
        if closing is None and mark in _CLOSING:
            opened, closing = match.start(), _CLOSING[mark]
        elif mark == closing:
            quoted += match.end() - opened
            closing = None
    return quoted >= QUOTED_SHARE * len(sentence)
