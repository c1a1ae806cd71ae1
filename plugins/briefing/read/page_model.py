"""One model of a pasted page: the region of every line is decided together.

A page is read as a small grammar of regions, in this order:

    top*  headline?  (standfirst+ meta+ | meta*)  body+  tail*  ((comments+ | replies+) bottom*)?

`top` is the site chrome above the story, `meta` the byline, date, photo and share lines between the
headline and the body, `tail` what follows the story (bios, credits, related links, site chrome), and
`comments` a reader-comment section opened by its header ("12 Comments", "Leave a reply") or `replies`
one found by its shape alone (commenter lines, timestamps, "Reply" lines), with the chrome below it.
Each line has a score for each region, from the features the read stage computes anyway (prose
score, the words a line of prose shares with the prose around it, headline score, byline and date,
comment shapes); one dynamic-programming pass (Viterbi over the grammar, page_grammar.py) picks the
labelling with the highest total; where the story it found has prose off its topic (no word in common
with its headline and lede), a second pass reads the page with that prose scoring nothing. The
grammar gives what separate passes got wrong: one headline, before the body; a standfirst only right
under the headline and only when a byline or date line separates it from the body; comments only after
the body. Linear in the lines of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import byline as bylines
from .boilerplate import (
    CAPTION_SHAPE,
    COMMENT_HEADER,
    COMMENT_HEADER_CERTAIN,
    PHOTO_CREDIT,
    TABLE_MIN_DATA_ROWS,
    is_leftover,
    is_table_row,
    line_scores,
    score_line,
)
from .comments import bare_stamps, comment_shaped, commenter_lines
from .dates import find_dates, unglue
from .metadata import (
    BYLINE_BELOW_BONUS,
    PHOTO_CREDIT_BELOW_PENALTY,
    REPEATED_BONUS,
    SHORT_DATE_LINE_WORDS,
    content_words,
    headline_score,
    site_names,
)
from .page_grammar import NONE as _NONE
from .page_grammar import STANDFIRST_MAX_LINES, best_path
from .segment import Line
from .story_topic import OFF_TOPIC_SHARE, off_topic_lines, with_cohesion

# The weights of the model. Each was swept with the others fixed on both halves of pasted-l3s and
# pasted-naeb dev (halves.py), with the clean pastes of related-ecbplus and quotes-polnear dev checked
# alongside; a value is kept only where it is no worse on either half. "a x/y/z" lists a half's figure
# for each value swept.
# A paste that starts with a line and goes straight on with the story (a byline or date line between at
# most) is a clean paste: its first line is the headline, whatever its shape, unless it is a menu, a
# prompt or a byline. On that way from the first line into the story, the first line scores what it
# would have scored as story, so a one-sentence headline ending in a full stop is not taken for the
# lede. (An extra bonus on top was swept 0/0.5/1/3: pasted-l3s title_exact a 0.758/0.758/0.752/0.758,
# b 0.729/0.715/0.715/0.715, clean pastes within one article; so none.)
# A first line of more words than this is a paragraph, not a headline (a layout bound, not tuned).
FIRST_LINE_MAX_WORDS = 80
# A first line of one word is a section label or kicker ("Business", "Opinion"), not a clean paste's
# headline: a headline says who did what. (None of the 687 gold headlines of pasted-naeb, pasted-l3s and
# html-naeb dev has one word.) The page is then read with the whole model, which finds the headline.
FIRST_LINE_MIN_WORDS = 2
# A page is all story when nothing on it is chrome (_has_chrome); short lines have at most
# MENU_LINE_WORDS words. (On the whole dev sets: with a run of 3 anywhere, clean pastes made of the
# gold of pasted-l3s and pasted-naeb keep their headline 98.0%; of 4, 99.0% but pasted-l3s title_exact
# 0.711 for 0.728; 5 anywhere and 3 at the page's edges, 99.0% and 0.728.)
MENU_RUN_LINES = 5
EDGE_MENU_LINES = 3
MENU_LINE_WORDS = 4
# Byline and date lines under the headline of a page with no chrome: at most this many (a layout bound:
# a byline, a date, an update line and a credit).
MAX_META_LINES = 4
# Lines between the headline and the body cost this much each, so of two headline-like lines the one
# nearer the story wins, as a page's heading sits right above its story. (Swept 0/0.02/0.1, with a
# first-line bonus of 1 then in place: pasted-l3s
# title_exact a 0.758/0.752/0.707, b 0.701/0.715/0.694; pasted-naeb title b 0.725/0.745/0.725.)
META_LINE_COST = 0.02
# A standfirst is prose of at most this many words right under the headline, in at most
# page_grammar.STANDFIRST_MAX_LINES lines (a layout definition: a dek is a sentence or two).
STANDFIRST_MAX_WORDS = 60
# A line above a better headline is a kicker, not the headline with a standfirst under it, when it has at
# most this many words (swept 3/4/5/6: pasted-naeb title a 0.8737, b 0.8061 at all four, from 0.8632 and
# 0.7959 without the rule; a bound at any length, or none, a 0.8632, b 0.7959: a dek that outscores its
# headline became the headline as often as a kicker stopped being one; pasted-l3s the same at all).
KICKER_MAX_WORDS = 4
# The byline or date line that closes a standfirst may come this many lines below where the meta
# region starts, after lines that are not prose ('Author:', a photo credit, a share button). Swept
# 1/2/3/4 on pasted-naeb dev halves: title a 0.800/0.821/0.832/0.842, b 0.776 at all four; authors
# a 0.759/0.770/0.782/0.782, b 0.744/0.744/0.733/0.733; pasted-l3s title a 0.758/0.758/0.739/0.726
# (b 0.729 at all four, body F1 and leaks the same on both halves at all four); 2 kept.
STANDFIRST_META_REACH = 2
# A comment header opens the comments when it can only open them ("Leave a reply", "Comments are
# closed") or when lines of comment shape follow within COMMENT_SHAPE_WINDOW lines; prose under it then
# scores as much as story prose, so the section holds however long it runs.
# (Header score swept 4/8/16: pasted-l3s not_content_leak b 0.108/0.082/0.082, body_f1 b
# 0.961/0.963/0.963, half a the same at all three.)
COMMENT_SHAPE_WINDOW = 30
COMMENT_HEADER_SCORE = 8.0
# Prose in a section found by its shape alone scores this share of what it would score as story:
# entering it early throws away (1 - share) of the story below, so it takes comment shapes to get there.
# (Swept 0.7/0.85/0.95: pasted-l3s comment_leak a 0.082/0.071/0.071, not_content_leak b
# 0.082/0.082/0.100; pasted-naeb body_f1 a 0.901/0.902/0.899.)
COMMENT_PROSE_SHARE = 0.85
# What a line of comment shape ("Jane says:", "Reply", a timestamp) scores in a comment section.
# (Swept 2/4/8: every figure the same on both halves.)
COMMENT_SHAPE_SCORE = 4.0
# Headline candidates look this far below themselves for the story they head (characters of prose).
LEDE_CHARS = 3000
# The headline is looked for this many lines above where the best run of story lines starts:
# twice HEADER_WINDOW, as pages put share bars, photos and captions between headline and story.
HEADLINE_ABOVE_STORY = 60
# The headline may also be among the first lines of that run (a dek, a kicker or a teaser may start it).
HEADLINE_BELOW_STORY = 30
# A standfirst is looked for in the first lines of a page only (a bound on the work: a story starts
# within them).
LEDE_LINES = 400


# The regions whose lines score as prose (story, standfirst, comments).
_PROSE_REGIONS = ("body", "standfirst", "comments", "replies")


@dataclass(frozen=True)
class PageRegions:
    """The region of each line (page_grammar.REGIONS), and where the parts of the story are."""

    regions: tuple[str, ...]
    headline: int | None
    standfirst: tuple[int, ...]
    body_start: int
    body_end: int  # exclusive


def read_regions(lines: list[Line]) -> PageRegions:
    """The highest-scoring labelling of `lines` under the grammar; where prose below the story's lede is off
    its topic (story_topic.py), the labelling of a second pass with that prose scoring OFF_TOPIC_SHARE."""
    if not lines:
        return PageRegions((), None, (), 0, 0)
    may_be_clean_paste = _may_open_a_paste(lines)
    if len(lines) == 1 and may_be_clean_paste:
        return PageRegions(("headline",), 0, (), 1, 1)  # a paste of one line is its headline
    leftover = [is_leftover(line.text) for line in lines]
    plain = [score_line(line, known) for line, known in zip(lines, leftover, strict=True)]
    shaped = [comment_shaped(line) for line in lines]
    if may_be_clean_paste and not _has_chrome(lines, leftover, shaped):
        return _story_only(lines, plain)
    stamps = bare_stamps(lines, shaped)
    shaped = [
        shape or commenter
        for shape, commenter in zip(shaped, commenter_lines(lines, shaped, stamps, plain), strict=True)
    ]
    headers = [bool(COMMENT_HEADER.match(line.text)) for line in lines]
    words = [content_words(line.text) if plain[p] > 0 else set() for p, line in enumerate(lines)]
    byline_or_date = _BylineOrDate(lines)
    scores = _emissions(lines, plain, shaped, headers, words)
    entries = _entries(lines, shaped, stamps, headers, byline_or_date, plain)
    # The headline sits just above the story, and where the story is hardly depends on its headline:
    # headlines are scored only near the best run of story lines (and on the first line).
    start = _best_run_start(scores["body"])
    near = range(max(0, start - HEADLINE_ABOVE_STORY), min(len(lines), start + HEADLINE_BELOW_STORY))
    scores["headline"] = _headline_emissions(lines, scores["plain"], byline_or_date, near, leftover, words)
    entries["standfirst"] = _standfirst_entries(lines, scores["standfirst"], scores["headline"])
    regions = _page_regions(lines, best_path(scores, entries, scores["prose words"]))
    # Read again with the prose that is off the story's topic scoring OFF_TOPIC_SHARE of its score.
    story = range(regions.body_start, regions.body_end)
    headline_words = content_words(lines[regions.headline].text) if regions.headline is not None else set()
    off_topic = off_topic_lines(words, story, headline_words)
    if not off_topic:
        return regions
    for position in off_topic:
        for region in _PROSE_REGIONS:
            if scores[region][position] > 0:
                scores[region][position] *= OFF_TOPIC_SHARE
        if entries["standfirst"][position] > 0:
            entries["standfirst"][position] *= OFF_TOPIC_SHARE
    return _page_regions(lines, best_path(scores, entries, scores["prose words"]))


def _standfirst_entries(lines: list[Line], standfirst: list[float], headline: list[float]) -> list[float]:
    """What a line scores as the first of a standfirst: nothing where it reads better as the headline than
    the line above it, a kicker of at most KICKER_MAX_WORDS words ('National Football League', 'Mind,
    Body, Wonder'): the kicker is not the headline and the headline is not its standfirst."""
    return [
        _NONE if p and headline[p] > headline[p - 1] and lines[p - 1].words <= KICKER_MAX_WORDS else score
        for p, score in enumerate(standfirst)
    ]


class _BylineOrDate:
    """Whether a line is a byline or a date line, worked out once per line when first asked."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._known: dict[int, bool] = {}

    def __call__(self, position: int) -> bool:
        if position not in self._known:
            self._known[position] = _is_byline_or_date(self._lines, position)
        return self._known[position]


def _emissions(
    lines: list[Line], plain: list[float], shaped: list[bool], headers: list[bool], words: list[set[str]]
) -> dict[str, list]:
    """Each region's score of each line; the headline's is added by read_regions, near the story."""
    body = with_cohesion(line_scores(lines, plain), words)
    meta = [-META_LINE_COST] * len(lines)
    standfirst = [
        body[p] if plain[p] > 0 and lines[p].words <= STANDFIRST_MAX_WORDS else _NONE for p in range(len(lines))
    ]
    in_section = [shaped[p] or headers[p] for p in range(len(lines))]
    comments = [_comment_emission(in_section[p], body[p], 1.0) for p in range(len(lines))]
    replies = [_comment_emission(in_section[p], body[p], COMMENT_PROSE_SHARE) for p in range(len(lines))]
    zero = [0.0] * len(lines)
    return {
        "top": zero,
        "standfirst": standfirst,
        "meta": meta,
        "body": body,
        "tail": zero,
        "comments": comments,
        "replies": replies,
        "bottom": zero,
        "prose words": [line.words if plain[p] > 0 else 0 for p, line in enumerate(lines)],
        "plain": plain,
    }


def _entries(
    lines: list[Line],
    shaped: list[bool],
    stamps: list[bool],
    headers: list[bool],
    byline_or_date: _BylineOrDate,
    plain: list[float],
) -> dict[str, list[float]]:
    """What the first line of a region scores where that differs from its other lines: comments open at
    a header that opens them, a section found by its shape at a line of that shape other than a bare time
    stamp, and the meta region under a standfirst at a byline or date line, or at a line that is not prose
    right above one."""
    shape_follows = _shape_follows(shaped)
    comments = [
        COMMENT_HEADER_SCORE if COMMENT_HEADER_CERTAIN.match(line.text) or (headers[p] and shape_follows[p]) else _NONE
        for p, line in enumerate(lines)
    ]
    replies = [COMMENT_SHAPE_SCORE if shaped[p] and not stamps[p] else _NONE for p in range(len(lines))]
    # (worked out only under a line that can be a standfirst, and under the first line: page_grammar reads
    # it there for a clean paste)
    after_standfirst = [
        -META_LINE_COST
        if p < LEDE_LINES
        and (p == 1 or (p and plain[p - 1] > 0 and lines[p - 1].words <= STANDFIRST_MAX_WORDS))
        and _byline_or_date_ahead(p, lines, plain, byline_or_date)
        else _NONE
        for p in range(len(lines))
    ]
    return {"comments": comments, "replies": replies, "meta after standfirst": after_standfirst}


def _byline_or_date_ahead(position: int, lines: list[Line], plain: list[float], byline_or_date) -> bool:
    """Whether a byline or date line is among the STANDFIRST_META_REACH lines from `position` on, with no
    prose line before it."""
    for q in range(position, min(len(lines), position + STANDFIRST_META_REACH)):
        if byline_or_date(q):
            return True
        if plain[q] > 0:
            return False
    return False


def _shape_follows(shaped: list[bool]) -> list[bool]:
    """Whether a line of comment shape is among the COMMENT_SHAPE_WINDOW lines after each line."""
    follows = [False] * len(shaped)
    last_shaped = None
    for position in range(len(shaped) - 1, -1, -1):
        follows[position] = last_shaped is not None and last_shaped - position <= COMMENT_SHAPE_WINDOW
        if shaped[position]:
            last_shaped = position
    return follows


def _headline_emissions(
    lines: list[Line],
    plain: list[float],
    byline_or_date: _BylineOrDate,
    near: range,
    leftover: list[bool],
    words: list[set[str]],
) -> list[float]:
    """What each line scores as the headline: its headline score against the prose that follows it (up
    to LEDE_CHARS: the story a headline there would head), with the page's usual signs of a heading.
    Lines in `near` and the first line are scored, the others cannot be the headline. One sweep from
    the foot of the page keeps the words of that prose in a running count."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text.lower()] = counts.get(line.text.lower(), 0) + 1
    sites = site_names(lines)
    emissions = [_NONE] * len(lines)
    window: list[tuple[int, set[str]]] = []  # (characters, content words) of the prose lines below
    words_below: dict[str, int] = {}
    size = 0
    for position in range(_sweep_start(lines, plain, max(near.stop, 1)), -1, -1):
        if position in near or position == 0:
            emissions[position] = _headline_emission(
                lines, position, words_below.keys(), counts, sites, byline_or_date, leftover[position]
            )
        if plain[position] > 0:
            window.insert(0, (len(lines[position].text), words[position]))
            size += len(lines[position].text)
            for word in words[position]:
                words_below[word] = words_below.get(word, 0) + 1
            while size > LEDE_CHARS and len(window) > 1:
                chars, dropped = window.pop()
                size -= chars
                for word in dropped:
                    words_below[word] -= 1
                    if not words_below[word]:
                        del words_below[word]
    return emissions


def _best_run_start(scores: list[float]) -> int:
    """Where the run of lines with the highest total score begins (maximum subarray)."""
    best, best_start, running, start = _NONE, 0, 0.0, 0
    for position, score in enumerate(scores):
        if running <= 0:
            running, start = score, position
        else:
            running += score
        if running > best:
            best, best_start = running, start
    return best_start


def _sweep_start(lines: list[Line], plain: list[float], candidates_end: int) -> int:
    """The last line the sweep needs: where the prose below the last candidate reaches LEDE_CHARS."""
    size = 0
    for position in range(candidates_end, len(lines)):
        if plain[position] > 0:
            size += len(lines[position].text)
            if size > LEDE_CHARS:
                return position
    return len(lines) - 1


def _headline_emission(
    lines: list[Line], position: int, lede_words, counts: dict, sites: frozenset[str], byline_or_date, leftover: bool
) -> float:
    """`counts`: how often each line (lower case) is on the page; `sites`: the site's names (site_names)."""
    line = lines[position]
    if line.text.strip(" .").lower() in sites:
        return _NONE  # the site's name, never its headline
    score = headline_score(line, lede_words, leftover)
    if position > 0 and lines[position - 1].text.endswith(",") and bylines.parse_byline(lines[position - 1].text):
        score = 0.0  # the rest of the byline above ('By Jane Roe,' / 'Staff Writer, The Gazette')
    if score <= 0:
        return 0.0 if position == 0 and _may_open_a_paste(lines) else _NONE
    if counts.get(line.text.lower(), 0) > 1:
        score += REPEATED_BONUS
    bylined = any(byline_or_date(p) for p in range(position + 1, min(len(lines), position + 4)))
    if bylined:
        score += BYLINE_BELOW_BONUS
    # a photo credit right below marks a caption, not a headline, unless it ends a caption of its own with a
    # byline after it: the lead photo between headline and byline (pasted-naeb title b 0.8061 -> 0.8163, a
    # and pasted-l3s the same)
    below = lines[position + 1].text if position + 1 < len(lines) else ""
    if PHOTO_CREDIT.search(below) and not (bylined and CAPTION_SHAPE.search(below)):
        score -= PHOTO_CREDIT_BELOW_PENALTY
    return score


def _has_chrome(lines: list[Line], leftover: list[bool], shaped: list[bool]) -> bool:
    """Whether anything on the page is not story: a menu, prompt, share or comment line, a photo credit,
    or a run of short lines that are not sentences (a menu or a link list): EDGE_MENU_LINES of them at
    the top or the foot of the page, MENU_RUN_LINES anywhere (a list in a story has prose around it)."""
    run, run_start = 0, 1
    for position in range(1, len(lines)):
        line = lines[position]
        text = line.text
        if leftover[position] or shaped[position] or PHOTO_CREDIT.search(text):
            return True
        if line.words <= MENU_LINE_WORDS and not line.ends_sentence:
            run, run_start = run + 1, run_start if run else position
        else:
            run = 0
        at_edge = run_start == 1 or position == len(lines) - 1
        if run >= MENU_RUN_LINES or (at_edge and run >= EDGE_MENU_LINES):
            return True
    return False


def _story_only(lines: list[Line], plain: list[float]) -> PageRegions:
    """A page with no chrome is its story: the first line heads it, prose lines right under it are its
    standfirst when a byline or date line follows them, byline and date lines there are its meta, and
    everything else is the body."""
    regions = ["headline"]
    standfirst = 0
    while (
        standfirst < STANDFIRST_MAX_LINES
        and 1 + standfirst < len(lines)
        and plain[1 + standfirst] > 0
        and lines[1 + standfirst].words <= STANDFIRST_MAX_WORDS
    ):
        standfirst += 1
    if standfirst and 1 + standfirst < len(lines) and _is_byline_or_date(lines, 1 + standfirst):
        regions.extend(["standfirst"] * standfirst)
    position = len(regions)
    while position < len(lines) and position <= MAX_META_LINES + standfirst and _is_byline_or_date(lines, position):
        regions.append("meta")
        position += 1
    end = _end_before_table(lines, plain, position)
    regions.extend("body" for _ in range(position, end))
    regions.extend("tail" for _ in range(end, len(lines)))
    headed = tuple(p for p, region in enumerate(regions) if region == "standfirst")
    return PageRegions(tuple(regions), 0, headed, position, end)


def _end_before_table(lines: list[Line], plain: list[float], start: int) -> int:
    """Where the story ends when a results table follows its last line of prose (scores, standings):
    the table is what the story reports, not running text. Otherwise the story runs to the end."""
    last_prose = max((p for p in range(start, len(lines)) if plain[p] > 0), default=start - 1)
    after = range(last_prose + 1, len(lines))
    if sum(1 for p in after if is_table_row(lines[p])) >= TABLE_MIN_DATA_ROWS:
        return last_prose + 1
    return len(lines)


def _may_open_a_paste(lines: list[Line]) -> bool:
    """Whether the first line can be a clean paste's headline: not a menu, prompt or byline line."""
    line = lines[0]
    text = line.text
    if not FIRST_LINE_MIN_WORDS <= line.words <= FIRST_LINE_MAX_WORDS or is_leftover(text):
        return False
    return not _is_byline_or_date(lines, 0)


def _is_byline_or_date(lines: list[Line], position: int) -> bool:
    line = lines[position]
    if line.words > 25:
        return False
    following = lines[position + 1].text if position + 1 < len(lines) else None
    if bylines.parse_byline(line.text, following):
        return True
    return line.words <= SHORT_DATE_LINE_WORDS and bool(find_dates(unglue(line.text)))


def _comment_emission(shaped: bool, body: float, prose_share: float) -> float:
    """A line in a comment section scores as in the story, but for its comment shape; a section found by
    its shape alone keeps only a share of its prose."""
    if shaped:
        return COMMENT_SHAPE_SCORE
    return prose_share * body if body > 0 else body


def _page_regions(lines: list[Line], regions: list[str]) -> PageRegions:
    body = [p for p, r in enumerate(regions) if r == "body"]
    headline = next((p for p, r in enumerate(regions) if r == "headline"), None)
    if headline is not None:
        # a page prints its headline twice (page title and heading): the copy nearest the story heads it
        text = lines[headline].text.lower()
        stop = body[0] if body else len(lines)
        later = [p for p in range(headline + 1, stop) if lines[p].text.lower() == text]
        if later:
            regions = list(regions)
            regions[headline], regions[later[-1]] = "top", "headline"
            for p in range(headline + 1, later[-1]):
                if regions[p] == "meta":
                    regions[p] = "top"
            headline = later[-1]
    standfirst = tuple(p for p, r in enumerate(regions) if r == "standfirst")
    start, end = (body[0], body[-1] + 1) if body else (len(lines), len(lines))
    return PageRegions(tuple(regions), headline, standfirst, start, end)
