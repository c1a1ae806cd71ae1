"""Headline, byline, date, dateline and summary, read from the lines around the article body."""

from __future__ import annotations

import re

from ..settings import SUMMARY_MAX_CHARS
from . import byline as bylines
from .boilerplate import CAPTION_SHAPE, PHOTO_CREDIT, is_leftover
from .dates import find_dates, unglue
from .segment import STOPWORDS, Line

# How far above the body the headline, byline and date are looked for (non-empty lines).
HEADER_WINDOW = 30
# A copyright notice is a line of at most this many words (a layout bound: the notice and a sentence of terms).
COPYRIGHT_LINE_MAX_WORDS = 40
# A date on a line of at most this many words stands on its own (a date line, a byline with a date).
SHORT_DATE_LINE_WORDS = 14
# A line labelled 'Published ...' is looked for this many lines into the story when none is nearer, and a
# date line or a byline with its date when there is no date at all nearer (a layout bound, not tuned).
PUBLISHED_LINE_REACH = 10
# A story sentence may open with its date within this many characters ('WASHINGTON, March 3 (Reuters) -').
LEAD_DATE_CHARS = 60
# The headline score: the share of a line's content words the lede also uses (times OVERLAP_WEIGHT), a
# bonus for a headline's usual length, penalties for sentence and clause ends and for "Site | Section"
# titles, and bonuses for a line printed twice (page title and heading), a byline or date right below
# and a position nearer the body. Set by hand, not swept one by one; measured together on the dev sets:
# title_exact 0.757 on pasted-naeb dev, 0.721 on pasted-l3s dev (0.827 a headline line).
OVERLAP_WEIGHT = 1.5
USUAL_LENGTH_BONUS = 0.6  # 5-20 words
NEAR_USUAL_LENGTH_BONUS = 0.2  # 4, or 21-28 words
UNUSUAL_LENGTH_PENALTY = 0.3
FULL_STOP_PENALTY = 0.4
CLAUSE_END_PENALTY = 1.0  # ends with ':', ',' or ';'
TITLE_CASE_BONUS = 0.2  # most words capitalised
TITLE_CASE_SHARE = 0.6
SEPARATOR_PENALTY = 0.5  # 'Headline | Site', 'News / World'
REPEATED_BONUS = 0.5
BYLINE_BELOW_BONUS = 0.7
PHOTO_CREDIT_BELOW_PENALTY = 1.0
IN_BODY_PENALTY = 0.3  # the first line of the body itself
POSITION_BONUS = 0.3  # times how far down the window the line is
_WORD = re.compile(r"\w+")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)?)"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?:—|–|--|-)\s+"
)
# A dateline on a line of its own: 'SEOUL 1996-08-30', 'LONDON, Aug 30 (Reuters)'.
_DATELINE_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?)"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-—–:]?\s*"
    r"(?:\d{4}-\d\d-\d\d|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?))?\s*(?:\((?P<agency2>[^)]{1,40})\))?$"
)
_HEADLINE_NOISE = re.compile(
    r"(?:^(?:by|photo|image|video|watch|listen|source|credit|read|see|shop|subscribe|sign|get|download)\b|"
    r"\b(?:min(?:ute)?s? read|updated|published|posted)\b|@|https?://|www\.)",
    re.I,
)
# 'by Jane Doe on ...': the words of a byline around the names before its date
_BY_AND_ON = re.compile(r"^\s*by\b|\b(?:on|at)\s*$", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|date|erschienen|publié)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|last modified|modified|edited)\b", re.I)
_SLASH = re.compile(r"\s*/\s*")
# A copyright notice and the name of its holder, the site: '© 2023 The Gazette. All rights reserved.'
_COPYRIGHT_HOLDER = re.compile(
    r"^\W*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:©\s*)?"
    r"(?:by\s+)?(?P<name>[A-Z0-9](?:[\w&'’ -]|(?<=\b\w)\.|\.(?=(?:com|org|net|co)\b)){1,60}?)"
    r"\s*(?:[,|]|\.?\s+all rights|\.?\s*$|(?<!\b\w)\.\s|\s+(?:inc|llc|ltd)\b)",
    re.I,
)
_LABELLED_BYLINE = re.compile(r"^(?:[A-Z][\w&-]*\s+){1,2}by\s+(?P<rest>.+)$")


def _is_slash_credit(text: str) -> bool:
    """'Jane Doe / The Daily Planet', 'City Archive/Jane Doe': a photo credit, a name and an agency."""
    parts = [p for p in _SLASH.split(text) if p]
    if len(parts) < 2 or len(text.split()) > 10:
        return False
    if not all(all(w[:1].isupper() or not w[:1].isalpha() for w in p.split()) for p in parts):
        return False
    return any(bylines.looks_like_person(p) for p in parts)


def _is_labelled_byline(text: str) -> bool:
    """'News by Jane Doe', 'Review by Jane Doe Staff Writer': a section's label before a byline."""
    match = _LABELLED_BYLINE.match(text)
    return bool(match) and len(text.split()) <= 10 and bool(bylines.parse_byline("By " + match.group("rest")))


def site_names(lines: list[Line]) -> frozenset[str]:
    """The names the page's copyright notices give their holder (lower case): the site's name, which a
    headline never is ('The New Republic' over the story, '© 2023 The New Republic' at the foot)."""
    names = set()
    for line in lines:
        if line.words <= COPYRIGHT_LINE_MAX_WORDS and (match := _COPYRIGHT_HOLDER.search(line.text)):
            names.add(match.group("name").strip(" .").lower())
    return frozenset(names)


def content_words(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2}


def choose_headline(lines: list[Line], body_start: int, body_text: str) -> int | None:
    """Position of the line that is most likely the headline, or None.

    Candidates are the lines above the body (and its first line). A headline shares most of its words
    with the lede, is 5-20 words long, does not end with a full stop, is often followed by the byline or
    the date, and is often printed twice (page title and heading).
    """
    body_words = content_words(body_text[:3000])
    first = max(0, body_start - HEADER_WINDOW)
    last = min(len(lines), body_start + 2)
    counts: dict[str, int] = {}
    for line in lines[first:last]:
        counts[line.text.lower()] = counts.get(line.text.lower(), 0) + 1
    best, best_score = None, 0.0
    for position in range(first, last):
        line = lines[position]
        score = headline_score(line, body_words)
        if score <= 0:
            continue
        if counts.get(line.text.lower(), 0) > 1:
            score += REPEATED_BONUS
        following = lines[position + 1 : position + 4]
        if any(_is_byline_or_date(other) for other in following):
            score += BYLINE_BELOW_BONUS
        if position + 1 < len(lines) and PHOTO_CREDIT.search(lines[position + 1].text):
            score -= PHOTO_CREDIT_BELOW_PENALTY
        if position >= body_start:
            score -= IN_BODY_PENALTY
        score += POSITION_BONUS * (position - first) / max(1, last - first)
        if score > best_score:
            best, best_score = position, score
    return best


def _is_byline_or_date(line: Line) -> bool:
    return line.words <= 25 and bool(bylines.parse_byline(line.text) or find_dates(unglue(line.text)))


def headline_score(line: Line, body_words: set[str], leftover: bool | None = None) -> float:
    """How much a line reads as the headline of the story whose content words are `body_words`;
    `leftover` is boilerplate.is_leftover(line.text) when known. Menus, prompts, photo credits (also
    'Jane Doe / Agency'), bylines (also 'News by Jane Doe') and date lines score 0."""
    text = line.text
    if not 3 <= line.words <= 35 or len(text) > 300:
        return 0.0
    if (is_leftover(text) if leftover is None else leftover) or PHOTO_CREDIT.search(text):
        return 0.0
    if bylines.parse_byline(text) or find_dates(unglue(text)) or _HEADLINE_NOISE.search(text):
        return 0.0
    if _is_slash_credit(text) or _is_labelled_byline(text) or bylines.is_agency(text):
        return 0.0
    words = content_words(text)
    if not words:
        return 0.0
    overlap = len(words & body_words) / len(words)
    score = OVERLAP_WEIGHT * overlap
    if 5 <= line.words <= 20:
        score += USUAL_LENGTH_BONUS
    elif line.words == 4 or 20 < line.words <= 28:
        score += NEAR_USUAL_LENGTH_BONUS
    else:
        score -= UNUSUAL_LENGTH_PENALTY
    if text.endswith("."):
        score -= FULL_STOP_PENALTY
    if text.endswith((":", ",", ";")):
        score -= CLAUSE_END_PENALTY
    capitalised = sum(1 for w in text.split() if w[:1].isupper())
    if capitalised / max(1, len(text.split())) > TITLE_CASE_SHARE:
        score += TITLE_CASE_BONUS
    if "|" in text or " / " in text:
        score -= SEPARATOR_PENALTY
    return score


def find_date(
    lines: list[Line], lo: int, hi: int, anchor: int | None = None, body_start: int | None = None
) -> str | None:
    """The publication date near the headline.

    Preference: a date labelled as published; then one on a short line of its own or in a byline, with
    no words of a sentence before it; then any other; an 'Updated' date only when there is nothing else.
    A 'published' or 'posted' elsewhere in a sentence labels none of its dates ('she posted photos').
    Among equals, the one nearest below the headline (`anchor`) wins, so a date in a photo caption does
    not beat the dateline. In a sentence of the story (from `body_start` on) only a date that opens it
    counts ('March 3, 2024 - The ...', 'WASHINGTON, March 3 (Reuters) -'): a date the sentence has begun
    to talk about is when something happened ('Page was born on April 22, 1923'). When nothing nearer
    has a date, a date line or a byline with its date a little into the story is taken.
    """
    anchor = lo if anchor is None else anchor
    best: tuple[tuple[int, int], str] | None = None
    for position in range(lo, hi):
        for key, value in _dates_of_line(lines[position], position, anchor, body_start):
            if best is None or key < best[0]:
                best = (key, value)
    if best is None or best[0][0] > 0:
        # a 'Published ...' line a little further down (under a photo, a share bar or the lede); when
        # there is no date at all, a date line or a byline with its date there
        start = hi if body_start is None else max(hi, body_start)
        wanted = 1 if best is None else 0
        for position in range(hi, min(len(lines), start + PUBLISHED_LINE_REACH)):
            if lines[position].words <= SHORT_DATE_LINE_WORDS or wanted:
                for key, value in _dates_of_line(lines[position], position, anchor, None):
                    if key[0] <= wanted and (best is None or key < best[0]):
                        best = (key, value)
    return best[1] if best else None


def _dates_of_line(line: Line, position: int, anchor: int, body_start: int | None):
    """(rank, distance) and value of each date on a line that may be the publication date: a line that
    stands alone gives each of its dates ('Updated Dec. 23 / Published Dec. 22'), a sentence of the
    story only a date that opens it."""
    if CAPTION_SHAPE.search(line.text):
        return  # a photo caption dates its photo ('FILE - ... Saturday, Dec. 2, 2023'), not the story
    text = unglue(line.text)
    dates = find_dates(text)
    if not dates:
        return
    stands_alone = line.words <= SHORT_DATE_LINE_WORDS or bool(bylines.parse_byline(line.text))
    prose = body_start is not None and position >= body_start and not stands_alone
    for date in dates:
        if prose and not _opens_sentence(text[: date.start]):
            return
        before = text[max(0, date.start - 30) : date.start]
        labelled = _PUBLISHED.search(before) and not _UPDATED.search(before[-15:])
        if labelled or (stands_alone and _PUBLISHED.search(text) and not _UPDATED.search(text)):
            rank = 0
        elif _UPDATED.search(before):
            rank = 3
        elif stands_alone and (
            _opens_sentence(_BY_AND_ON.sub("", text[: date.start])) or bylines.parse_byline(line.text)
        ):
            rank = 1
        else:
            rank = 2
        distance = position - anchor if position >= anchor else 2 * (anchor - position)
        yield (rank, distance), date.value
        if not stands_alone:
            return


def _opens_sentence(before_date: str) -> bool:
    """Whether a date after `before_date` heads its line: only a place, an agency, a day name or a
    'Published' label come before it, no words of a sentence."""
    if len(before_date) > LEAD_DATE_CHARS:
        return False
    return bool(_PUBLISHED.search(before_date)) or not any(word[:1].islower() for word in before_date.split())


def find_dateline(first_paragraph: str) -> tuple[str | None, str | None]:
    """'RAFAH, Gaza Strip (AP) — ...' -> ('Rafah, Gaza Strip', 'AP')."""
    match = _DATELINE.match(first_paragraph)
    if not match:
        return None, None
    place = match.group("place")
    head, _, tail = place.partition(",")
    head = head.title() if head.isupper() else head
    return (head + ("," + tail if tail else "")).strip(), match.group("agency")


def dateline_line(text: str) -> str | None:
    """The place of a line that is only a dateline ('SEOUL 1996-08-30' -> 'Seoul'), else None."""
    match = _DATELINE_LINE.match(text)
    if not match or text == match.group("place") or not re.search(r"\d|\(", text):
        return None
    place = match.group("place")
    head, _, tail = place.partition(",")
    head = head.title() if head.isupper() else head
    return (head + ("," + tail if tail else "")).strip()


def summarize(paragraphs: list[str], max_chars: int = SUMMARY_MAX_CHARS) -> str:
    """The lede: the first paragraph that reads as prose, cut at a sentence end near `max_chars`."""
    lede = next((p for p in paragraphs if len(p.split()) >= 12), paragraphs[0] if paragraphs else "")
    lede = _DATELINE.sub("", lede, count=1) if len(lede) > 80 else lede
    if len(lede) <= max_chars:
        return lede
    cut = lede[:max_chars]
    sentence_end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence_end > max_chars // 3:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"
