"""Related stories: TF-IDF cosine over headline and body, shared entities and closeness in time.

The candidate search never builds a dense all-pairs matrix: the sparse TF-IDF matrix is multiplied by its
transpose one block of rows at a time and only the best candidates of each row are kept, so time and
memory grow close to linearly with the archive.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import numpy as np

# Defaults of the BRIEFING_RELATED_* settings, calibrated on related-ecbplus dev (982 short articles,
# 43 topics of two sibling events each). Stories of the same thread are always related; another story
# needs RELATED_THRESHOLD (swept 0.2-0.5: link F1 0.856 at 0.3, 0.851 at 0.4). A story with neither
# gets its FALLBACK_COUNT best candidates above FALLBACK_THRESHOLD (P@1 0.980 -> 0.986).
RELATED_THRESHOLD = 0.3
RELATED_MAX = 40
FALLBACK_COUNT = 3
FALLBACK_THRESHOLD = 0.1
# Closeness in time, when both dates are known: the score is scaled by
# (1 - TIME_WEIGHT) + TIME_WEIGHT * exp(-days apart / TIME_SCALE_DAYS).
TIME_WEIGHT = 0.3
TIME_SCALE_DAYS = 14.0
# Share of the score that comes from shared entities when both articles have entities.
ENTITY_WEIGHT = 0.25
# Candidate search: rows per block of the sparse product, and the candidates kept per row.
BLOCK_ROWS = 2000
CANDIDATES_PER_ROW = 60
# The headline is repeated this many times in the text that is vectorised: it names the event.
TITLE_REPEAT = 2
# Weight of the names block against the all-words block (swept 0-1.2 on related-ecbplus dev: P@1
# 0.977 -> 0.986 and thread F1 0.870 -> 0.888 at 0.5, with the thresholds re-tuned).
NAME_WEIGHT = 0.5
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")


@dataclass(frozen=True)
class StoryText:
    """What the related-story search needs of one article."""

    key: str
    title: str
    body: str
    date: str | None = None
    entities: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RelatedSettings:
    threshold: float = RELATED_THRESHOLD
    max_related: int = RELATED_MAX
    fallback_count: int = FALLBACK_COUNT
    fallback_threshold: float = FALLBACK_THRESHOLD
    time_weight: float = TIME_WEIGHT
    time_scale_days: float = TIME_SCALE_DAYS
    entity_weight: float = ENTITY_WEIGHT


def tfidf_matrix(stories: list[StoryText]):
    """Rows are L2-normalised TF-IDF vectors (float32, CSR): all words, plus the names (capitalised
    words inside sentences, which say who and where) as a second block weighted by NAME_WEIGHT."""
    from scipy.sparse import hstack
    from sklearn.preprocessing import normalize

    texts = [" ".join([s.title] * TITLE_REPEAT + [s.body]) for s in stories]
    words = _vectorize(texts, stop_words="english")
    names = _vectorize([" ".join(_NAME.findall(text)) for text in texts], stop_words=None)
    blocks = [m for m in (words, names * NAME_WEIGHT if names is not None else None) if m is not None]
    if not blocks:
        return None
    return normalize(hstack(blocks).tocsr().astype(np.float32))


def _vectorize(texts: list[str], stop_words):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        sublinear_tf=True,
        stop_words=stop_words,
        dtype=np.float32,
        lowercase=True,
        token_pattern=r"(?u)\b[^\W_][\w'’-]*[^\W_]\b|\b[^\W\d_]\b",
        max_df=0.5 if len(texts) >= 20 else 1.0,
    )
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # nothing but stop words in the whole archive
        return None


def candidate_pairs(
    matrix, per_row: int = CANDIDATES_PER_ROW, floor: float = 0.0
) -> dict[int, list[tuple[int, float]]]:
    """For each row, its best `per_row` other rows by cosine (above `floor`), from blocked sparse products."""
    result: dict[int, list[tuple[int, float]]] = {}
    transposed = matrix.T.tocsc()
    for start in range(0, matrix.shape[0], BLOCK_ROWS):
        block = (matrix[start : start + BLOCK_ROWS] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            row = start + offset
            begin, end = block.indptr[offset], block.indptr[offset + 1]
            columns, values = block.indices[begin:end], block.data[begin:end]
            keep = (columns != row) & (values > floor)
            columns, values = columns[keep], values[keep]
            if len(values) > per_row:
                top = np.argpartition(-values, per_row)[:per_row]
                columns, values = columns[top], values[top]
            result[row] = [(int(c), float(v)) for c, v in zip(columns, values, strict=True)]
    return result


def combined_score(a: StoryText, b: StoryText, cosine: float, settings: RelatedSettings) -> float:
    score = cosine
    if a.entities and b.entities:
        shared = len(a.entities & b.entities) / len(a.entities | b.entities)
        score = (1 - settings.entity_weight) * cosine + settings.entity_weight * shared
    days = days_apart(a.date, b.date)
    if days is not None:
        score *= (1 - settings.time_weight) + settings.time_weight * math.exp(-days / settings.time_scale_days)
    return score


def days_apart(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def similarity_graph(stories: list[StoryText], settings: RelatedSettings) -> dict[int, dict[int, float]]:
    """Symmetric scored edges between stories (both directions present), from the candidate search."""
    graph: dict[int, dict[int, float]] = {i: {} for i in range(len(stories))}
    matrix = tfidf_matrix(stories)
    if matrix is None or len(stories) < 2:
        return graph
    for row, candidates in candidate_pairs(matrix).items():
        for other, cosine in candidates:
            score = combined_score(stories[row], stories[other], cosine, settings)
            graph[row][other] = max(graph[row].get(other, 0.0), score)
            graph[other][row] = graph[row][other]
    return graph


def related_lists(
    graph: dict[int, dict[int, float]],
    threads: list,
    settings: RelatedSettings,
    exclude: dict[int, set[int]] | None = None,
) -> dict[int, list[tuple[int, float]]]:
    """Per story, its related stories, best first, at most `max_related`, every link listed both ways.

    First the other stories of its thread (the same event), then any other story scoring at least the
    threshold; a story with neither gets its best few candidates above the fallback threshold."""
    exclude = exclude or {}
    mates = {member: set(thread.members) - {member} for thread in threads for member in thread.members}
    chosen: dict[int, dict[int, float]] = {story: {} for story in graph}
    for story, edges in graph.items():
        skip = exclude.get(story, set())
        inside = {o: edges.get(o, 0.0) for o in mates.get(story, ()) if o not in skip}
        outside = {o: s for o, s in edges.items() if o not in inside and o not in skip and s >= settings.threshold}
        if not inside and not outside:
            best = sorted((item for item in edges.items() if item[0] not in skip), key=lambda i: (-i[1], i[0]))
            outside = {o: s for o, s in best[: settings.fallback_count] if s >= settings.fallback_threshold}
        for other, score in (inside | outside).items():
            chosen[story][other] = score
            chosen[other][story] = score  # mutual
    result = {}
    for story, items in chosen.items():
        in_thread = mates.get(story, set())
        ordered = sorted(items.items(), key=lambda i: (i[0] not in in_thread, -i[1], i[0]))
        result[story] = [(o, round(s, 4)) for o, s in ordered[: settings.max_related]]
    return result
