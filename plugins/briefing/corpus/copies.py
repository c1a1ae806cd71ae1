"""Near-duplicate copies of one story (the same wire text filed twice under two names).

Candidates are the pairs the related-story search already scored as very similar; each candidate pair
is confirmed on the texts themselves: the Jaccard similarity of their sets of word 5-grams (shingles).
Only candidate pairs are compared, so the cost follows the number of near-identical pairs, not the
square of the archive.
"""

from __future__ import annotations

# A candidate pair scores at least this in the related-story graph (TF-IDF cosine blended with entities
# and time): copies of one text score above 0.9, different reports of one event rarely above 0.6.
COPY_CANDIDATE_SCORE = 0.8
# Jaccard similarity of the 5-gram sets from which two texts are copies: a wire story republished with
# another headline, a credit line or a trimmed last paragraph stays above 0.7; two reports of one event
# in different words stay far below 0.3.
DUPLICATE_SIMILARITY = 0.7
SHINGLE_WORDS = 5
CANDIDATES_PER_STORY = 5  # a story's copies are among its closest matches
COMPARED_WORDS = 250  # copies agree from the first line on; the start of the story decides
MIN_WORDS = 40  # shorter texts (headline-only pages, briefs) are too short to call copies


def _shingles(words: list[str]) -> frozenset[int]:
    """The hashes of the word 5-grams (64-bit: a collision is negligible, and ints compare fastest)."""
    words = words[:COMPARED_WORDS]
    # the shifted lists are of unequal length on purpose: zip stops at the last whole shingle
    return frozenset(map(hash, zip(*(words[start:] for start in range(SHINGLE_WORDS)), strict=False)))


def duplicate_groups(token_lists: list[list[str]], graph: dict[int, dict[int, float]]) -> list[list[int]]:
    """Groups of positions whose word lists are copies of one another (each group sorted, size >= 2)."""
    shingles: dict[int, frozenset] = {}

    def shingles_of(position: int) -> frozenset:
        if position not in shingles:
            shingles[position] = _shingles(token_lists[position])
        return shingles[position]

    parent = list(range(len(token_lists)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, edges in graph.items():
        if len(token_lists[a]) < MIN_WORDS:
            continue
        best = sorted(((s, b) for b, s in edges.items() if s >= COPY_CANDIDATE_SCORE), reverse=True)
        for _score, b in best[:CANDIDATES_PER_STORY]:
            if len(token_lists[b]) < MIN_WORDS or root(a) == root(b):
                continue
            first, second = shingles_of(a), shingles_of(b)
            if len(first & second) / len(first | second) >= DUPLICATE_SIMILARITY:
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for position in range(len(token_lists)):
        groups.setdefault(root(position), []).append(position)
    return [sorted(g) for g in groups.values() if len(g) >= 2]
