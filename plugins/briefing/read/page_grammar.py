"""The grammar of a pasted page's regions and its decoder: which region may follow which, and the
labelling of the lines with the highest total score under it (Viterbi). The scores come from
page_model.py; this module knows only regions and numbers.

    top*  headline?  (standfirst+ meta+ | meta*)  body+  tail*  ((comments+ | replies+) bottom*)?
"""

from __future__ import annotations

REGIONS = ("top", "headline", "standfirst", "meta", "body", "tail", "comments", "replies", "bottom")
FOLLOWERS = {
    "top": ("top", "headline", "body"),
    "headline": ("standfirst", "meta", "body"),
    "standfirst": ("standfirst", "meta"),
    "meta": ("meta", "body"),
    "body": ("body", "tail", "comments", "replies"),
    "tail": ("tail", "comments", "replies"),
    "comments": ("comments", "bottom"),
    "replies": ("replies", "bottom"),
    "bottom": ("bottom",),
}
FIRST = ("top", "headline", "body")
NONE = float("-inf")

# Tuned as page_model.py's weights are (swept with the others fixed on both halves of pasted-l3s and
# pasted-naeb dev; "a x/y/z" lists a half's figure for each value swept).
# A story with no headline line costs this much: a page seldom has none. (Swept 0/1/3: every figure
# the same on both halves; it only breaks ties.)
NO_HEADLINE_COST = 1.0
# A standfirst is at most this many lines (a layout definition: a dek is a sentence or two).
STANDFIRST_MAX_LINES = 3
# A comment section opens only below this many words of story prose: a comment count next to the
# headline, a "Comments" button in a share bar, is not the end of the story. (Swept 30/60/120:
# pasted-l3s body_f1 a 0.962/0.968/0.968, b 0.963/0.963/0.955.)
COMMENT_SECTION_MIN_PROSE_WORDS = 60


def best_path(scores: dict[str, list[float]], entries: dict[str, list[float]], prose_words: list[int]) -> list[str]:
    """Viterbi over the grammar. Two counts ride along each best path: the lines of its standfirst (at
    most STANDFIRST_MAX_LINES) and the words of prose in its body (comments open only below
    COMMENT_SECTION_MIN_PROSE_WORDS of them)."""
    edges = [
        (region, previous, emission, cost, check)
        for region, into in enumerate(_edges(scores, entries))
        for previous, emission, cost, check in into
    ]
    standfirst, body, count = REGIONS.index("standfirst"), REGIONS.index("body"), len(REGIONS)
    best = [scores[r][0] if r in FIRST else NONE for r in REGIONS]
    best[body] -= NO_HEADLINE_COST
    body_words = [0] * count
    body_words[body] = prose_words[0]
    standfirst_lines = 1
    back: list[list[int]] = []
    for position in range(1, len(prose_words)):
        step = [NONE] * count
        pointers = [-1] * count
        for region, previous, emission, cost, check in edges:
            total = best[previous]
            if total == NONE:
                continue
            if check is not None:
                if check == "standfirst":
                    if standfirst_lines >= STANDFIRST_MAX_LINES:
                        continue
                elif body_words[previous] < COMMENT_SECTION_MIN_PROSE_WORDS:
                    continue
            total += emission[position] - cost
            if total > step[region]:
                step[region] = total
                pointers[region] = previous
        if pointers[standfirst] >= 0:
            standfirst_lines = standfirst_lines + 1 if pointers[standfirst] == standfirst else 1
        words = prose_words[position]
        body_words = [body_words[pointers[r]] if pointers[r] >= 0 else 0 for r in range(count)]
        body_words[body] += words
        back.append(pointers)
        best = step
    ends = [r for r, name in enumerate(REGIONS) if name not in ("headline", "standfirst") and best[r] > NONE]
    region = max(ends or range(len(REGIONS)), key=lambda r: best[r])
    path = [region]
    for pointers in reversed(back):
        region = pointers[region]
        path.append(region)
    path.reverse()
    return [REGIONS[r] for r in path]


def _edges(scores: dict[str, list[float]], entries: dict[str, list[float]]) -> list[list[tuple]]:
    """For each region, the ways into it: (previous region, what each line scores on that way, a fixed
    cost, the count the way depends on)."""
    clean_paste = max(0.0, scores["body"][0])  # what the first line gives up as story
    edges: list[list[tuple]] = []
    for region in REGIONS:
        into = []
        for previous in REGIONS:
            if region not in FOLLOWERS[previous]:
                continue
            emission = scores[region]
            if previous != region and previous == "standfirst" and region == "meta":
                emission = entries["meta after standfirst"]
            elif previous != region and region in entries:
                emission = entries[region]
            # the story (or its byline or date line) right under the first line: a clean paste
            under_first = len(emission) > 1 and (
                region == "body" or (region == "meta" and entries["meta after standfirst"][1] > NONE)
            )
            if previous == "headline" and under_first:
                emission = [emission[0], emission[1] + clean_paste, *emission[2:]]
            cost = NO_HEADLINE_COST if (previous, region) == ("top", "body") else 0.0
            check = None
            if region == previous == "standfirst":
                check = "standfirst"
            elif region in ("comments", "replies") and previous in ("body", "tail"):
                check = "story"
            into.append((REGIONS.index(previous), emission, cost, check))
        edges.append(into)
    return edges
