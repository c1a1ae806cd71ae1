"""Near-duplicate copies of one story (the same wire text filed twice), found with MinHash.

Each story's word 5-grams are hashed; 64 min-hashes make its signature; stories that agree on a whole
band of 4 min-hashes become candidates, and candidates whose signatures agree on at least
DUPLICATE_SIMILARITY of their positions are copies. Linear in the archive.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

# Estimated Jaccard similarity of the 5-gram sets from which two texts are one story's copies. A wire
# story republished with a different headline, credit line or a trimmed last paragraph stays above 0.7;
# two reports of one event in different words stay far below 0.3.
DUPLICATE_SIMILARITY = 0.7
SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
BAND_ROWS = 4
MIN_WORDS = 40  # shorter texts (headline-only pages, briefs) are too short to call copies
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")


def _signature(text: str, multipliers: np.ndarray, offsets: np.ndarray) -> np.ndarray | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    hashes = np.fromiter(
        {zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()) for i in range(len(words) - SHINGLE_WORDS + 1)},
        dtype=np.uint64,
    )
    values = (np.outer(multipliers, hashes) + offsets[:, None]) % _PRIME
    return values.min(axis=1)


def duplicate_groups(texts: list[str]) -> list[list[int]]:
    """Groups of positions whose texts are copies of one another (each group sorted, size >= 2)."""
    generator = np.random.default_rng(20181)  # fixed: signatures must not change between builds
    multipliers = generator.integers(1, 1 << 31, size=SIGNATURE_SIZE, dtype=np.uint64)
    offsets = generator.integers(0, 1 << 31, size=SIGNATURE_SIZE, dtype=np.uint64)
    signatures = [_signature(text, multipliers, offsets) for text in texts]
    buckets: dict[tuple, list[int]] = {}
    for position, signature in enumerate(signatures):
        if signature is None:
            continue
        for band in range(0, SIGNATURE_SIZE, BAND_ROWS):
            buckets.setdefault((band, *signature[band : band + BAND_ROWS].tolist()), []).append(position)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for positions in buckets.values():
        first = positions[0]  # a star per bucket keeps a crowded bucket linear; other bands add the rest
        for other in positions[1:]:
            if root(other) != root(first) and np.mean(signatures[first] == signatures[other]) >= DUPLICATE_SIMILARITY:
                parent[root(other)] = root(first)
    groups: dict[int, list[int]] = {}
    for position in range(len(texts)):
        groups.setdefault(root(position), []).append(position)
    return [sorted(g) for g in groups.values() if len(g) >= 2]
