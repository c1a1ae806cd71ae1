"""Story threads: the coverage of one event, across outlets and days.

Stories are grouped by average-linkage clustering over the related-story graph: two groups join when the
mean similarity over all their pairs (missing pairs count as 0) reaches the threshold, and their dates lie
within the thread window. Single-link chaining would join two different events of the same kind through
one similar pair; the average keeps them apart. Two established groups that are each much tighter than
they are close to each other are two events of one kind (two quakes in one region, two offers to one
player) and stay apart even when their mean similarity reaches the threshold.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from ..read.dates import day_number
from ..settings import THREAD_THRESHOLD, THREAD_WINDOW_DAYS

# Pairs scoring below this share of the threshold are left out of the averages: they barely move them
# (related-ecbplus dev: thread F1 within 0.002 at 0.5) and they are most of the graph.
EDGE_FLOOR_SHARE = 0.5
# Two groups of at least SEPARATE_MIN_SIZE stories stay apart when their mean similarity is below
# SEPARATE_RATIO times the cohesion (mean internal similarity) of the looser one. Smaller groups are left
# to the threshold alone: the cohesion of two or three stories says little (a copy pair scores 1.0).
# Swept on related-ecbplus dev at threshold 0.20, sizes 3 / 4 / 5 / 7 and ratios 0.7 / 0.75 / 0.8: thread
# F1 0.895 without the rule; 0.908 / 0.911 / 0.926 / 0.926 at 0.75; 0.919 / 0.926 / 0.915 at 0.7 / 0.75 /
# 0.8 for size 5. Seven of 43 topics still merge their two events (their cross-event scores are as high
# as within-event ones).
SEPARATE_MIN_SIZE = 5
SEPARATE_RATIO = 0.75


@dataclass(frozen=True)
class Thread:
    members: tuple[int, ...]  # story positions, in (date, source order)


def story_threads(
    graph: dict[int, dict[int, float]],
    dates: list[str | None],
    threshold: float = THREAD_THRESHOLD,
    window_days: int = THREAD_WINDOW_DAYS,
) -> list[Thread]:
    """Threads of two or more stories. `graph` is symmetric: graph[a][b] == graph[b][a]."""
    ordinals = [day_number(d) for d in dates]
    floor = threshold * EDGE_FLOOR_SHARE
    links: dict[int, dict[int, float]] = {
        i: {o: s for o, s in edges.items() if s >= floor} for i, edges in graph.items()
    }
    members: dict[int, list[int]] = {i: [i] for i in graph}
    spans: dict[int, tuple[int, int] | None] = {i: (o, o) if o is not None else None for i, o in enumerate(ordinals)}
    internal: dict[int, float] = dict.fromkeys(graph, 0.0)
    heap = [(-score, a, b) for a, edges in links.items() for b, score in edges.items() if a < b and score >= threshold]
    heapq.heapify(heap)
    next_id = len(graph)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        average = links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(average + negative) > 1e-9:
            continue  # stale entry; the current average was pushed when it changed
        if not _within_window(spans[a], spans[b], window_days):
            continue
        if min(len(members[a]), len(members[b])) >= SEPARATE_MIN_SIZE and average < SEPARATE_RATIO * min(
            _cohesion(internal[a], len(members[a])), _cohesion(internal[b], len(members[b]))
        ):
            continue
        merged = next_id
        next_id += 1
        internal[merged] = internal.pop(a) + internal.pop(b) + links[a].get(b, 0.0)
        members[merged] = members.pop(a) + members.pop(b)
        spans[merged] = _join_spans(spans.pop(a), spans.pop(b))
        merged_links: dict[int, float] = {}
        for old in (a, b):
            for other, total in links.pop(old).items():
                if other in (a, b):
                    continue
                merged_links[other] = merged_links.get(other, 0.0) + total
                del links[other][old]
        links[merged] = merged_links
        for other, total in merged_links.items():
            links[other][merged] = total
            average = total / (len(members[merged]) * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(merged, other), max(merged, other)))
    groups = [
        sorted(group, key=lambda i: (ordinals[i] if ordinals[i] is not None else 10**9, i))
        for group in members.values()
    ]
    return sorted((Thread(tuple(g)) for g in groups if len(g) >= 2), key=lambda t: t.members)


def _cohesion(internal_total: float, size: int) -> float:
    return internal_total / (size * (size - 1) / 2)


def _within_window(a: tuple[int, int] | None, b: tuple[int, int] | None, window_days: int) -> bool:
    if a is None or b is None:
        return True
    gap = max(0, b[0] - a[1], a[0] - b[1])
    return gap <= window_days


def _join_spans(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a[0], b[0]), max(a[1], b[1])
