"""Quotes across stories: one statement however many stories carry it, and the archive's quote index.

A statement two stories carry is often not written alike: one story stops at the end of a sentence the
other goes on past, one drops a clause, the marks and the case differ. Two quotes are one statement when
they have the same words, or when most word shingles of the shorter are in the longer; they are never
one when two different speakers are named for them. Phrases (`kind` "phrase": scare quotes, titles,
fragments) are left out. Grows linearly with the number of quotes (corpus/near_duplicates.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Quote
from .near_duplicates import Groups, near_duplicate_groups, normalised_words, shingles, text_key

# Word 3-grams: short enough that a changed word costs a quote only three shingles, long enough that
# two statements on one subject share few. Not tuned: no dev set has one quote carried by several stories.
QUOTE_SHINGLE_WORDS = 3
# Two quotes are one statement when this share of the shorter one's shingles is in the longer one. Not
# tuned (no such dev set): one differing word in a twelve-word quote keeps 7 of 10 shingles, a quote one
# story cut at its first sentence keeps all of its own; four in five takes the cut quote and leaves apart
# two statements that share a stock phrase.
SAME_QUOTE_OVERLAP = 0.8
# A shorter quote is matched on its exact words only: 'temporary relocation' inside a long statement is
# the same two words, not the same statement (the key-quote length, corpus/entity_index.py).
NEAR_MATCH_MIN_WORDS = 6
# A shingle more quotes than this already have is a stock phrase ("the united states"): it proposes no
# more candidates, which bounds each quote's comparisons. Layout of the index, not tuned.
SHINGLE_MAX_POSTINGS = 64
STATEMENT = "statement"


@dataclass(frozen=True)
class CarriedQuote:
    """One statement and every story that carried it."""

    id: str  # quote_id of its text and speaker
    text: str  # as the most stories carry it (the longest of those)
    speaker: str | None  # the speaker most of its stories name
    carried_by: tuple[str, ...]  # article keys, in the order the quotes were given


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    quotes: tuple[CarriedQuote, ...]  # newest first


def quote_id(text: str, speaker: str | None) -> str:
    """A stable id from the quote's normalised words and speaker: the same quote has the same id in
    every build, and two spellings of its marks or case do not change it."""
    data = f"{text_key(speaker or '')}\n{text_key(text)}".encode()
    return "q-" + hashlib.sha256(data).hexdigest()[:16]


def carried_quotes(quoted: Sequence[tuple[str, Quote]]) -> list[CarriedQuote]:
    """The statements of `quoted` ((article key, quote) pairs, in reading order) deduplicated, in order
    of their first appearance."""
    # 1. one occurrence per exact wording and speaker
    wordings: dict[tuple[str, str | None], list[tuple[int, str, Quote]]] = {}
    for position, (key, quote) in enumerate(quoted):
        words = text_key(quote.text)
        if quote.kind == STATEMENT and words:
            wordings.setdefault((words, quote.speaker), []).append((position, key, quote))
    found = list(wordings.items())
    groups = Groups([speaker for (_, speaker), _ in found])
    # 2. the same words under a named speaker and under none are one statement
    named: dict[str, int] = {}
    for position, ((words, speaker), _) in enumerate(found):
        if speaker is not None:
            named.setdefault(words, position)
    for position, ((words, speaker), _) in enumerate(found):
        if speaker is None and words in named:
            groups.join(named[words], position)
    # 3. nearly the same words
    sets = [
        shingles(words.split(), QUOTE_SHINGLE_WORDS) if words.count(" ") + 1 >= NEAR_MATCH_MIN_WORDS else frozenset()
        for (words, _), _ in found
    ]
    near_duplicate_groups(sets, groups, SAME_QUOTE_OVERLAP, SHINGLE_MAX_POSTINGS)
    return [
        _carried([(key, quote) for _, key, quote in sorted(o for p in members for o in found[p][1])])
        for members in groups.members()
    ]


def _carried(occurrences: list[tuple[str, Quote]]) -> CarriedQuote:
    """One statement from its occurrences: the wording most stories carry (then the longest, then the
    first), the speaker most name (then the first named), the stories in order."""
    stories: dict[str, dict[str, None]] = {}  # wording -> stories carrying it
    texts: dict[str, str] = {}
    for key, quote in occurrences:
        words = text_key(quote.text)
        stories.setdefault(words, {})[key] = None
        texts.setdefault(words, quote.text)
    order = {words: rank for rank, words in enumerate(texts)}
    best = max(texts, key=lambda w: (len(stories[w]), len(normalised_words(texts[w])), -order[w]))
    speakers = Counter(quote.speaker for _, quote in occurrences if quote.speaker)
    first_named = {}
    for rank, (_, quote) in enumerate(occurrences):
        if quote.speaker:
            first_named.setdefault(quote.speaker, rank)
    speaker = max(speakers, key=lambda s: (speakers[s], -first_named[s])) if speakers else None
    carried_by = tuple(dict.fromkeys(key for key, _ in occurrences))
    return CarriedQuote(quote_id(texts[best], speaker), texts[best], speaker, carried_by)


def quote_index(quotes: dict[str, Sequence[Quote]], newest_first: Sequence[str]) -> tuple[SpeakerQuotes, ...]:
    """Every named speaker of the listed articles (`newest_first`, keys), with their statements
    deduplicated across the archive, newest first (by the newest story that carried each); speakers with
    the most statements first. Each statement's stories are oldest first."""
    rank = {key: position for position, key in enumerate(newest_first)}
    oldest_first = [(key, quote) for key in reversed(newest_first) for quote in quotes.get(key, ())]
    by_speaker: dict[str, list[CarriedQuote]] = {}
    for carried in carried_quotes(oldest_first):
        if carried.speaker:
            by_speaker.setdefault(carried.speaker, []).append(carried)
    speakers = [
        SpeakerQuotes(speaker, tuple(sorted(items, key=lambda q: (min(rank[k] for k in q.carried_by), q.id))))
        for speaker, items in by_speaker.items()
    ]
    return tuple(sorted(speakers, key=lambda s: (-len(s.quotes), s.speaker.casefold(), s.speaker)))
