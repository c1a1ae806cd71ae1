"""Texts that say the same thing in nearly the same words: quotes carried by several stories, sentences
several outlets report.

Texts are compared through their word shingles (runs of a few consecutive words). An inverted index from
each shingle to the texts that have it gives every text its candidates. A shingle keeps only the first
`max_postings` texts that have it (a stock phrase: later texts are still compared with those first ones),
so each text is checked against at most `max_postings` others per shingle and the work grows linearly
with the number of texts (times their length), never with the number of pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"\w+")


def normalised_words(text: str) -> tuple[str, ...]:
    """The words of `text`, compatibility-normalised and case-folded: punctuation, quote marks and
    spacing do not count."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def text_key(text: str) -> str:
    """One string per wording: 'We'll  hold “Iran”…' and 'we ll hold iran' have the same key."""
    return " ".join(normalised_words(text))


def shingles(words: Sequence[str], size: int) -> frozenset[int]:
    """The runs of `size` consecutive words, each as its hash (set operations on small ints are several
    times faster than on tuples of words, which re-hash on every lookup); a text shorter than that is one
    shingle of its own. Hashes are only compared within one build, so their per-process seed is no matter."""
    if len(words) < size:
        return frozenset([hash(tuple(words))]) if words else frozenset()
    return frozenset(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))


def near_duplicate_groups(
    shingle_sets: Sequence[frozenset[int]],
    groups: Groups,
    min_overlap: float,
    max_postings: int,
    min_shared: int | None = None,
    sources: Sequence[str] | None = None,
) -> Groups:
    """`groups` (of the texts' positions) with two texts joined whenever the shingles they share make up
    at least `min_overlap` of the smaller set (the overlap coefficient: 1.0 when one text contains the
    other) or, when `min_shared` is given, number at least that many (a long run of the same words inside
    two longer texts).

    A group keeps at most one label (a speaker): a labelled text looks only among the texts of its own
    label and the unlabelled ones (each label has postings of its own), an unlabelled one among all.
    With `sources`, two texts of one source are never compared (they may still meet through a third).
    Empty sets join nothing; a candidate already in the text's group is not compared again."""
    labels = [groups.label[groups.find(position)] for position in range(len(shingle_sets))]
    labelled = any(label is not None for label in labels)
    everyone: dict[int, list[int]] = {}  # shingle -> the first texts that have it
    unlabelled: dict[int, list[int]] = {}  # the same, of the unlabelled texts (looked up by labelled ones)
    own: dict[tuple[int, str], list[int]] = {}  # (shingle, label) -> the first texts of that label
    for position, current in enumerate(shingle_sets):
        label = labels[position]
        candidates: set[int] = set()
        for shingle in current:
            postings = [everyone.setdefault(shingle, [])]
            if label is None:
                candidates.update(postings[0])
                if labelled:
                    postings.append(unlabelled.setdefault(shingle, []))
            else:
                postings.append(own.setdefault((shingle, label), []))
                candidates.update(postings[1])
                candidates.update(unlabelled.get(shingle, ()))
            for posting in postings:
                if len(posting) < max_postings:
                    posting.append(position)
        for earlier in sorted(candidates):
            if sources is not None and sources[earlier] == sources[position]:
                continue
            if not groups.joinable(earlier, position):
                continue
            other = shingle_sets[earlier]
            count = len(current & other)
            if count >= min_overlap * min(len(current), len(other)) or (min_shared is not None and count >= min_shared):
                groups.join(earlier, position)
    return groups


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

    def joinable(self, a: int, b: int) -> bool:
        """Not one group yet, and not two groups with different labels."""
        first, second = self.find(a), self.find(b)
        labels = (self.label[first], self.label[second])
        return first != second and (None in labels or labels[0] == labels[1])

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
