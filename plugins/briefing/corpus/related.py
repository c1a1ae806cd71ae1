"""Related stories: TF-IDF cosine over headline and body, shared entities and closeness in time.

The candidate search never builds a dense all-pairs matrix: the sparse TF-IDF matrix is multiplied by its
transpose one block of rows at a time and only the best candidates of each row are kept, so time and
memory grow close to linearly with the archive.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

import numpy as np

from ..read.dates import day_number
from ..settings import RelatedSettings
from .tfidf import ENGLISH_STOP_WORDS, hashed_counts, normalized, sublinear_tfidf

# Order inside a list: the pair score plus NEIGHBOURHOOD_WEIGHT times the cosine of the two stories' rows
# of the graph, that is how alike their closest stories are (divided by 1 + the weight, it is the score
# given with the link). Two reports of one event share neighbours; a report of another event of the same
# kind has its own. Swept on related-ecbplus dev, weights
# 0 / 0.2 / 0.5 / 1 / 2: P@1 0.985 / 0.987 / 0.988 / 0.987 / 0.984, sibling share of the top 3
# 0.0185 / 0.0178 / 0.0175 / 0.0158 / 0.0175. The same blend made worse threads (it pulls sibling events
# of one topic together: thread F1 0.926 -> 0.892), so it only orders.
NEIGHBOURHOOD_WEIGHT = 0.5
# Candidate search: each story's SALIENT_TERMS heaviest terms are matched (an inverted index over
# salient terms, as a blocked sparse product), its CANDIDATES_PER_ROW best matches are scored exactly.
# On related-ecbplus dev, 40 salient terms find the same links as the full vectors (link F1 within 0.002).
SALIENT_TERMS = 40
# A term salient in more stories than this names a beat, not an event; the exact score of a candidate
# still counts it. On related-ecbplus dev no link is lost at 100.
MAX_POSTINGS = 100
BLOCK_ROWS = 2000
CANDIDATES_PER_ROW = 30
PAIR_CHUNK = 200_000
# Scored pairs below this are dropped from the graph: no rule uses them (the lowest, the fallback, needs
# 0.1), and on related-ecbplus dev the thread averages do not change at 0.05.
GRAPH_FLOOR = 0.05
HASH_BITS = 20
MAX_DOCUMENT_SHARE = 0.5  # words in more than half of the stories say nothing about which event
# Only the top of a long story is compared: the event is named in the headline and the first paragraphs,
# while the end of a long story drifts into background shared with other events.
BODY_CHARS = 2000
# The headline is repeated this many times in the text that is vectorised: it names the event.
TITLE_REPEAT = 2
# Weight of the names block against the all-words block (swept 0-1.2 on related-ecbplus dev: P@1
# 0.977 -> 0.986 and thread F1 0.870 -> 0.888 at 0.5, with the thresholds re-tuned).
NAME_WEIGHT = 0.5
_NAME = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][\w'’-]+")
_NUMBER_SEPARATOR = re.compile(r"\d[.,:](?=\d)")
_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’‚„—–…«»·•|¦§¶†‡©®™°", " "))


@dataclass(frozen=True)
class StoryText:
    """What the related-story search needs of one article."""

    key: str
    title: str
    body: str
    date: str | None = None
    entities: frozenset[str] = field(default_factory=frozenset)


def tokenize(text: str) -> list[str]:
    """Lower-case words: punctuation becomes space (as the \\w+ rule would split), done in C; a number
    with a decimal point or thousands separator stays one word."""
    return _NUMBER_SEPARATOR.sub(_joined_number, text.lower()).translate(_PUNCTUATION_TO_SPACE).split()


def _joined_number(match: re.Match) -> str:
    return match.group()[0] + "d"  # '4.6' -> '4d6': a letter keeps it one word after punctuation goes


def body_tokens(body: str) -> list[str]:
    """The words of the part of the body that is compared."""
    return tokenize(body[:BODY_CHARS])


def story_tokens(story: StoryText, body_words: list[str] | None = None) -> list[str]:
    """Lower-case words of the headline (repeated: it names the event) and the top of the body;
    `body_words` are the story's `body_tokens` when the caller has them already."""
    return tokenize(story.title) * TITLE_REPEAT + (body_words if body_words is not None else body_tokens(story.body))


def tfidf_matrix(stories: list[StoryText], tokens: list[list[str]] | None = None):
    """Rows are L2-normalised TF-IDF vectors (float32, CSR): all words but stop words, plus the names
    (capitalised words inside sentences, which say who and where) as a second block weighted by
    NAME_WEIGHT. `tokens` are the stories' `story_tokens`, when the caller has them already."""
    from scipy.sparse import hstack

    tokens = tokens if tokens is not None else [story_tokens(s) for s in stories]
    words = _vectorize([[t for t in doc if t not in ENGLISH_STOP_WORDS] for doc in tokens])
    names = _vectorize(
        [
            [n.lower() for n in _NAME.findall(" ".join([s.title] * TITLE_REPEAT + [s.body[:BODY_CHARS]]))]
            for s in stories
        ]
    )
    blocks = [m for m in (words, names * NAME_WEIGHT if names is not None else None) if m is not None]
    if not blocks:
        return None
    return normalized(hstack(blocks).tocsr().astype(np.float32))


def _vectorize(token_lists: list[list[str]]):
    """TF-IDF over hashed terms: no vocabulary to build token by token, the same column for a word in
    every build (the hash is fixed), and collisions are negligible at 2**HASH_BITS columns."""
    from scipy.sparse import diags

    if not any(token_lists):
        return None
    hashed = hashed_counts(token_lists, 2**HASH_BITS)
    if len(token_lists) >= 20:
        document_frequency = np.bincount(hashed.indices, minlength=hashed.shape[1])
        keep = (document_frequency <= MAX_DOCUMENT_SHARE * len(token_lists)).astype(np.float32)
        hashed = (hashed @ diags(keep)).tocsr()
        hashed.eliminate_zeros()
    return sublinear_tfidf(hashed)


def salient_terms(matrix, per_row: int = SALIENT_TERMS):
    """The same rows keeping only each row's `per_row` heaviest terms, and only terms salient in at
    most MAX_POSTINGS stories: the inverted index that the candidate search walks stays short."""
    from scipy.sparse import csr_matrix, diags

    indptr, indices, data = [0], [], []
    for row in range(matrix.shape[0]):
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        values, columns = matrix.data[begin:end], matrix.indices[begin:end]
        if len(values) > per_row:
            top = np.argpartition(-values, per_row)[:per_row]
            values, columns = values[top], columns[top]
        indices.append(columns)
        data.append(values)
        indptr.append(indptr[-1] + len(values))
    pruned = csr_matrix(
        (np.concatenate(data) if data else [], np.concatenate(indices) if indices else [], indptr),
        shape=matrix.shape,
        dtype=np.float32,
    )
    postings = np.bincount(pruned.indices, minlength=pruned.shape[1])
    pruned = (pruned @ diags((postings <= MAX_POSTINGS).astype(np.float32))).tocsr()
    pruned.eliminate_zeros()
    return pruned


def candidate_pairs(matrix, per_row: int = CANDIDATES_PER_ROW) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (rows, columns), row != column, where column is among row's best `per_row` candidates by
    the dot product of their salient terms; computed one block of rows at a time."""
    pruned = salient_terms(matrix)
    transposed = pruned.T.tocsc()
    rows_out, columns_out = [], []
    for start in range(0, matrix.shape[0], BLOCK_ROWS):
        block = (pruned[start : start + BLOCK_ROWS] @ transposed).tocsr()
        block.setdiag(0)
        block.eliminate_zeros()
        for offset in range(block.shape[0]):
            begin, end = block.indptr[offset], block.indptr[offset + 1]
            columns, values = block.indices[begin:end], block.data[begin:end]
            if len(values) > per_row:
                columns = columns[np.argpartition(-values, per_row)[:per_row]]
            rows_out.append(np.full(len(columns), start + offset, dtype=np.int64))
            columns_out.append(columns.astype(np.int64))
    if not rows_out:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(rows_out), np.concatenate(columns_out)


def pair_cosines(matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Exact cosine of each pair on the full vectors (rows are L2-normalised)."""
    result = np.empty(len(rows), dtype=np.float32)
    for start in range(0, len(rows), PAIR_CHUNK):
        a = matrix[rows[start : start + PAIR_CHUNK]]
        b = matrix[columns[start : start + PAIR_CHUNK]]
        result[start : start + PAIR_CHUNK] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return result


def combined_scores(
    stories: list[StoryText], rows: np.ndarray, columns: np.ndarray, cosines: np.ndarray, settings: RelatedSettings
) -> np.ndarray:
    """Cosine, blended with shared entities where both stories have some, scaled by closeness in time."""
    scores = cosines.astype(np.float64)
    entity_sets = [s.entities for s in stories]
    if settings.entity_weight > 0 and any(entity_sets):
        shared = np.array(
            [_jaccard(entity_sets[r], entity_sets[c]) for r, c in zip(rows.tolist(), columns.tolist(), strict=True)]
        )
        has_both = ~np.isnan(shared)
        scores[has_both] = (1 - settings.entity_weight) * scores[has_both] + settings.entity_weight * shared[has_both]
    ordinals = np.array([_nan_if_none(day_number(s.date)) for s in stories], dtype=np.float64)
    days = np.abs(ordinals[rows] - ordinals[columns])
    dated = ~np.isnan(days)
    scores[dated] *= (1 - settings.time_weight) + settings.time_weight * np.exp(-days[dated] / settings.time_scale_days)
    return scores


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return float("nan")
    return len(a & b) / len(a | b)


def _nan_if_none(value: int | None) -> float:
    return float("nan") if value is None else float(value)


def similarity_graph(
    stories: list[StoryText], settings: RelatedSettings, tokens: list[list[str]] | None = None
) -> dict[int, dict[int, float]]:
    """Symmetric scored edges between stories (both directions present), from the candidate search."""
    graph: dict[int, dict[int, float]] = {i: {} for i in range(len(stories))}
    matrix = tfidf_matrix(stories, tokens) if len(stories) >= 2 else None
    if matrix is None:
        return graph
    rows, columns = candidate_pairs(matrix)
    # a pair found from both ends is scored once
    pair_keys = np.unique(np.minimum(rows, columns) * len(stories) + np.maximum(rows, columns))
    rows, columns = pair_keys // len(stories), pair_keys % len(stories)
    scores = combined_scores(stories, rows, columns, pair_cosines(matrix, rows, columns), settings)
    keep = scores >= GRAPH_FLOOR
    for row, column, score in zip(rows[keep].tolist(), columns[keep].tolist(), scores[keep].tolist(), strict=True):
        graph[row][column] = graph[column][row] = score
    return graph


def related_lists(
    graph: dict[int, dict[int, float]],
    threads: list,
    settings: RelatedSettings,
    exclude: dict[int, set[int]] | None = None,
) -> dict[int, list[tuple[int, float]]]:
    """Per story, its related stories, best first, at most `max_related`, every link listed both ways.

    First the other stories of its thread (the same event), then any other story scoring at least the
    threshold; a story with neither gets its best few candidates above the fallback threshold. The score
    given with each is the pair score blended with their `neighbourhood_similarity`, and orders each part."""
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
    rows = np.array([story for story, items in chosen.items() for _ in items], dtype=np.int64)
    columns = np.array([other for items in chosen.values() for other in items], dtype=np.int64)
    shared = iter(neighbourhood_similarity(graph, rows, columns).tolist())
    result = {}
    for story, items in chosen.items():
        in_thread = mates.get(story, set())
        ranked = [
            (other, (score + NEIGHBOURHOOD_WEIGHT * next(shared)) / (1 + NEIGHBOURHOOD_WEIGHT))
            for other, score in items.items()
        ]
        ranked.sort(key=lambda r: (r[0] not in in_thread, -r[1], r[0]))
        result[story] = [(other, round(score, 4)) for other, score in ranked[: settings.max_related]]
    return result


def neighbourhood_similarity(graph: dict[int, dict[int, float]], rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Per pair (rows[i], columns[i]), the cosine of the two stories' rows of the scored graph."""
    from scipy.sparse import csr_matrix

    if len(rows) == 0:
        return np.empty(0, dtype=np.float32)
    size = len(graph)
    sources = np.fromiter((story for story, edges in graph.items() for _ in edges), dtype=np.int64)
    targets = np.fromiter((other for edges in graph.values() for other in edges), dtype=np.int64)
    scores = np.fromiter((score for edges in graph.values() for score in edges.values()), dtype=np.float32)
    matrix = normalized(csr_matrix((scores, (sources, targets)), shape=(size, size), dtype=np.float32))
    return pair_cosines(matrix, rows, columns)
