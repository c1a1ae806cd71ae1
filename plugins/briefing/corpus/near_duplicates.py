"""Texts that say the same thing in nearly the same words: quotes carried by several stories, sentences
several outlets report.

Texts are compared through their word shingles (runs of a few consecutive words). An inverted index from
each shingle to the texts that have it gives every text its candidates; a shingle that more than
`max_postings` texts already have is a stock phrase and no longer proposes candidates. Each text is
checked against at most `max_postings` others per shingle, so the work grows linearly with the number of
texts (times their length), never with the number of pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

_WORD = re.compile(r"\w+")


def normalised_words(text: str) -> tuple[str, ...]:
    """The words of `text`, compatibility-normalised and case-folded: punctuation, quote marks and
    spacing do not count."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def text_key(text: str) -> str:
    """One string per wording: 'We'll  hold “Iran”…' and 'we ll hold iran' have the same key."""
    return " ".join(normalised_words(text))


def shingles(words: Sequence[str], size: int) -> frozenset[tuple[str, ...]]:
    """The runs of `size` consecutive words; a text shorter than that is one shingle of its own."""
    if len(words) < size:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def similar_pairs(
    shingle_sets: Sequence[frozenset],
    min_overlap: float,
    max_postings: int,
    min_shared: int | None = None,
    sources: Sequence[str] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """(earlier, later, overlap) for every two texts whose shared shingles make up at least
    `min_overlap` of the smaller set (the overlap coefficient: 1.0 when one text contains the other),
    or number at least `min_shared` when that is given (a long run of the same words inside two longer
    texts). With `sources`, two texts of the same source are never compared. Empty sets take part in
    nothing."""
    index: dict[tuple[str, ...], list[int]] = {}
    for position, current in enumerate(shingle_sets):
        candidates: set[int] = set()
        for shingle in current:
            posting = index.setdefault(shingle, [])
            if len(posting) < max_postings:
                candidates.update(posting)
                posting.append(position)
        if sources is not None:
            candidates = {c for c in candidates if sources[c] != sources[position]}
        for earlier in sorted(candidates):
            other = shingle_sets[earlier]
            count = len(current & other)
            overlap = count / min(len(current), len(other))
            if overlap >= min_overlap or (min_shared is not None and count >= min_shared):
                yield earlier, position, overlap


class Groups:
    """Union-find over positions 0..n-1, with a label per position (a speaker) that a group may hold at
    most one of: two groups with different labels are never joined."""

    def __init__(self, labels: Sequence[str | None]):
        self.parent = list(range(len(labels)))
        self.label = list(labels)

    def find(self, position: int) -> int:
        root = position
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[position] != root:
            self.parent[position], position = root, self.parent[position]
        return root

    def join(self, a: int, b: int) -> bool:
        first, second = self.find(a), self.find(b)
        if first == second:
            return True
        labels = {self.label[first], self.label[second]} - {None}
        if len(labels) > 1:
            return False
        keep, drop = min(first, second), max(first, second)
        self.parent[drop] = keep
        self.label[keep] = next(iter(labels), None)
        return True

    def members(self) -> list[list[int]]:
        """The groups, each in position order, ordered by their first position."""
        grouped: dict[int, list[int]] = {}
        for position in range(len(self.parent)):
            grouped.setdefault(self.find(position), []).append(position)
        return sorted(grouped.values(), key=lambda group: group[0])
