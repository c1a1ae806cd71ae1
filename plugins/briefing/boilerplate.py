"""Find the article body in a pasted page and label everything else (the web leftovers).

The page is a sequence of lines. Each line gets a score: running prose scores its word count, menus,
prompts and other leftovers score below zero. The body is the run of lines with the highest total (the
maximum-subarray idea of body-text extraction), then cut where a comment section begins, and cleaned of
leftovers that sit inside it (ads, share prompts, captions, appeals, bios, credit lines, pull quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .segment import Line

# A line of at least this many words whose share of function words reaches PROSE_STOP_SHARE reads as
# running prose. Checked on pasted-l3s and pasted-naeb dev (body F1 flat within +-2 words / +-0.05).
PROSE_MIN_WORDS = 8
PROSE_STOP_SHARE = 0.18
# What a line that is not prose costs: lines of menus and link lists add up fast, short lines inside
# an article (subheads, fragments of split sentences) are outweighed by the paragraphs around them.
SHORT_LINE_COST = 2.0
BOILERPLATE_LINE_COST = 6.0
# A comment header ends the body only once this share of the body's words has been seen above it,
# so a "12 Comments" link next to the headline does not end an article before it starts.
COMMENT_CUT_MIN_SHARE = 0.3

_FLAGS = re.I

COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|reactions?)(?:\s+(?:to|on)\b.*)?|comments?(?:\s*\(\d+\))?|"
    r"(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response)\b.*|"
    r"(?:reader|user|your|visitor)s?'?\s+comments?\b.*|join the (?:discussion|conversation)\b.*|"
    r"(?:show|view|read|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.*|discussion|"
    r"what do you think\??|have your say\b.*|comments? (?:are|is) (?:closed|disabled)\.?|"
    r"conversation\s*\(\d+\)|\d+\s+thoughts? on\b.*|one response to\b.*|"
    r"you must be logged in to post a comment\.?|"
    r"(?:kommentare?|kommentieren|commentaires?|comentarios?|commenti)(?:\s*\(\d+\))?)$",
    _FLAGS,
)
COMMENT_LINE = re.compile(
    r"(?:\bsays:?$|\bwrote:$|\bschrieb:$|^posted by\b.{0,60}\b(?:at|on)\b|^reply$|^report (?:abuse|comment)|"
    r"^(?:flag|recommend|like|reply|permalink)(?:\s*\|\s*\w+)+$|^\d+\s+(?:likes?|replies|points?)$|"
    r"\bsaid\.{3}$|^submitted by\b)",
    _FLAGS,
)
APPEAL = re.compile(
    r"(?:\b(?:make|consider)\s+a\s+(?:[\w-]+\s+){0,3}donation\b|\bdonate\s+(?:now|today|here|to)\b|"
    r"\btax-deductible\b|\bsupport\s+(?:our|us|independent)\b.{0,80}\b(?:journalism|reporting|work|analysis|mission)\b|"
    r"\bsubscribe\s+(?:now|today|to\s+(?:our|the)|for)\b|\bsign\s+up\s+(?:for|to)\b.{0,60}\bnewsletters?\b|"
    r"\bbecome\s+a\s+(?:member|subscriber|patron|supporter)\b|\bdedicated reader\b|"
    r"\b(?:already a subscriber|subscribers? only)\b|\bunlock (?:this|unlimited)\b|\bfree trial\b)",
    _FLAGS,
)
SHARE_OR_NAV = re.compile(
    r"^(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"article continues below(?: this ad| advertisement)?|continue reading(?: below)?\b.*|read more\b.*|"
    r"related(?: stories| articles| coverage| content| links| news| posts)?:?|more from\b.*|"
    r"recommended(?: for you| stories| videos?)?|you (?:may|might) also like\b.*|trending(?: now)?|"
    r"most (?:read|popular|viewed|shared)\b.*|top stories|latest(?: news| stories)?|"
    r"share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|email|print|e-?mail this\b.*|"
    r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|tumblr|telegram|copy (?:link|url)|"
    r"follow us\b.*|follow\b.{0,40}\bon (?:twitter|facebook|instagram|x)\b.*|click here\b.*|"
    r"sign in|log in|sign up|subscribe|register|skip to (?:main )?content|menu|search|close|home|"
    r"back to top|next|previous|(?:next|previous) (?:article|story|post)\b.*|listen(?: to this article)?\b.*|"
    r"save(?: article| for later)?|bookmark|comment|comments|expand|play video|watch\b.{0,30}|"
    r"image \d+ of \d+|\d+ of \d+|\d+ min(?:ute)?s? read|reading time\b.*|"
    r"(?:all )?rights reserved\.?|tags?:.*|filed under:?.*|categories:?.*|topics?:.*|"
    r"we use cookies\b.*|this (?:web)?site uses cookies\b.*|by (?:using|continuing to use) this (?:web)?site\b.*|"
    r"accept(?: all)?(?: cookies)?|i accept|cookie (?:settings|policy|preferences)\b.*|"
    r"privacy policy|terms of (?:use|service)|contact us|about us|newsletters?|"
    r"(?:©|\(c\)|copyright)\b.*|.*\ball rights reserved\b.*|"
    r"(?:[\w&'’.-]+(?: [\w&'’.-]+){0,3} ?[|•·»›>/] ?){2,}[\w&'’.-]+(?: [\w&'’.-]+){0,3})$",
    _FLAGS,
)
PHOTO_CREDIT = re.compile(
    r"(?:getty images|\bap photo\b|\(ap\)$|\bafp\b|\breuters/|/reuters\b|\bphoto(?:graph)?s?(?: by)?:|"
    r"\bphoto by\b|\bimage(?: by)?:|^credit:|\bcredit\s*\.{3}|^courtesy\b|shutterstock|\bistock\b|\bvia getty\b|"
    r"\bepa-efe\b|^\(?photo\b|\bfile photo\b|\billustration:|/the [a-z]+ times$|^source:)",
    _FLAGS,
)
CREDIT_LINE = re.compile(
    r"^\(?(?:(?:the\s+)?(?P<who>[A-Z][^.]{1,80}?)\s+contributed\s+(?:reporting|to\s+this\s+(?:report|article|story)|"
    r"additional reporting)(?:\s+(?:from|in)\s+[^.]*)?|"
    r"(?:additional\s+)?reporting\s+by\s+(?P<who2>[^;.)]{2,120})(?:;[^)]*)?|"
    r"(?:writing|editing|edited)\s+by\s+[^)]{2,120})\.?\)?\.?$",
)
BIO_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was|writes|covers|reports)\b"
    r"(?P<rest>.{0,200})$",
)
BIO_ROLE = re.compile(
    r"\b(?:contributor|analyst|writer|reporter|correspondent|editor|columnist|fellow|journalist|author|"
    r"producer|researcher|freelance|staff|intern|blogger|contributing)\b",
    _FLAGS,
)


@dataclass(frozen=True)
class Labelled:
    line: Line
    kind: str  # "body" or the kind of leftover


def score_line(line: Line) -> float:
    text = line.text
    if SHARE_OR_NAV.match(text) or APPEAL.search(text) or COMMENT_HEADER.match(text):
        return -max(BOILERPLATE_LINE_COST, float(line.words))
    if line.words >= PROSE_MIN_WORDS and line.stop_share >= PROSE_STOP_SHARE:
        return float(line.words)
    if line.words >= 5 and line.ends_sentence and line.stop_share >= PROSE_STOP_SHARE / 2:
        return line.words / 2
    if line.words >= PROSE_MIN_WORDS * 2 and line.ends_sentence:
        # long sentences with few function words: lists of names, numbers, non-listed languages
        return line.words / 2
    return -SHORT_LINE_COST - 0.1 * line.words


def best_region(lines: list[Line]) -> tuple[int, int]:
    """(start, end) positions, end exclusive, of the highest-scoring run of lines."""
    best_sum, best = float("-inf"), (0, 0)
    running, start = 0.0, 0
    for position, line in enumerate(lines):
        score = score_line(line)
        if running <= 0:
            running, start = score, position
        else:
            running += score
        if running > best_sum:
            best_sum, best = running, (start, position + 1)
    return best


def comment_cut(lines: list[Line], start: int, end: int) -> int:
    """Position where a comment section starts inside the region (or `end`)."""
    total = sum(line.words for line in lines[start:end]) or 1
    seen = 0
    for position in range(start, end):
        line = lines[position]
        if seen / total >= COMMENT_CUT_MIN_SHARE:
            if COMMENT_HEADER.match(line.text):
                return position
            if COMMENT_LINE.search(line.text) and _comment_lines_follow(lines, position, end):
                return position
        seen += line.words
    return end


def _comment_lines_follow(lines: list[Line], position: int, end: int) -> bool:
    """A commenter line counts as a section start only when more commenter lines come after it."""
    window = lines[position + 1 : min(end, position + 30)]
    return sum(1 for line in window if COMMENT_LINE.search(line.text)) >= 1 or position + 3 >= end


def label_page(lines: list[Line]) -> tuple[int, int, list[Labelled]]:
    """Label every line. Returns the body region (start, end) and the labels."""
    if not lines:
        return 0, 0, []
    start, end = best_region(lines)
    end = comment_cut(lines, start, end)
    labels: list[Labelled] = []
    for position, line in enumerate(lines):
        if position < start:
            labels.append(Labelled(line, "header"))
        elif position >= end:
            labels.append(Labelled(line, _outside_kind(lines, position, end)))
        else:
            labels.append(Labelled(line, _inside_kind(lines, position, start, end)))
    return start, end, labels


def _outside_kind(lines: list[Line], position: int, end: int) -> str:
    text = lines[position].text
    if position >= end and end < len(lines) and (COMMENT_HEADER.match(lines[end].text) or COMMENT_LINE.search(lines[end].text)):
        return "comment"
    if APPEAL.search(text):
        return "appeal"
    if BIO_LINE.match(text) and BIO_ROLE.search(text):
        return "bio"
    if CREDIT_LINE.match(text):
        return "credit"
    return "footer"


def _inside_kind(lines: list[Line], position: int, start: int, end: int) -> str:
    line = lines[position]
    text = line.text
    if APPEAL.search(text):
        return "appeal"
    if CREDIT_LINE.match(text) and line.words <= 40:
        return "credit"
    if BIO_LINE.match(text) and BIO_ROLE.search(text) and position >= start + (end - start) // 2 and line.words <= 45:
        return "bio"
    if (line.words <= 14 and PHOTO_CREDIT.search(text) and not line.ends_sentence) or (
        line.words <= 14 and PHOTO_CREDIT.search(text) and re.search(r"(?:photo|images?)\)?\.?$", text, re.I)
    ):
        return "caption"
    if position + 1 < end:
        following = lines[position + 1]
        if following.words <= 14 and PHOTO_CREDIT.search(following.text) and not following.ends_sentence and line.words <= 60:
            return "caption"
    if SHARE_OR_NAV.match(text):
        return "navigation"
    return "body"


_SHINGLE_WORDS = 4
_WORDS = re.compile(r"\w+")


def pull_quote_positions(texts: list[str]) -> set[int]:
    """Positions of lines that repeat words of another body line (pull quotes), and their attribution
    lines ('— Secretary of State Mike Pompeo'). The longer line, or the first of two equal ones, stays.

    Linear in the body: every line's word 4-grams are indexed once, and a line is a repeat when all of
    its 4-grams occur in one other line.
    """
    shingles = [_shingles(t) for t in texts]
    holders: dict[tuple[str, ...], set[int]] = {}
    for position, grams in enumerate(shingles):
        for gram in grams:
            holders.setdefault(gram, set()).add(position)
    repeated: set[int] = set()
    for position, grams in enumerate(shingles):
        if len(grams) < 4:
            continue
        common = None
        for gram in grams:
            others = holders[gram] - {position}
            common = others if common is None else common & others
            if not common:
                break
        if not common:
            continue
        if any(len(shingles[o]) > len(grams) or (len(shingles[o]) == len(grams) and o < position) for o in common):
            repeated.add(position)
            following = position + 1
            if following < len(texts) and re.match(r"^[—–-]{1,2}\s*\S", texts[following]) and len(texts[following].split()) <= 12:
                repeated.add(following)
    return repeated


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1)}
