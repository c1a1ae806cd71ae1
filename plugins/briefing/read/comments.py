"""The shapes of the lines around reader comments, found without a "Comments" header: commenter lines,
time stamps, action lines and the reply form, and the commenter's name over a comment. The page model
(page_model.py) reads a run of them after the story as a comment section; a bare time stamp alone opens
none, as live reports stamp their posts too."""

from __future__ import annotations

import re

from .boilerplate import COMMENT_LINE
from .dates import MONTH_NAME
from .segment import Line

# A comment found by its shape is a commenter line of at most COMMENTER_MAX_WORDS words (a name or a
# handle), at most COMMENT_UNIT_PROSE_LINES lines of time stamps, as many of prose, and an action line
# (layout bounds, not tuned: every dev figure the same with and without the rule). A section opens at a
# line of comment shape that is not a bare time stamp, which live reports print over their posts
# (pasted-l3s and pasted-naeb dev the same on both halves without stamps).
COMMENTER_MAX_WORDS = 4
COMMENT_UNIT_PROSE_LINES = 3
# A line of comment shape has at most this many words (the longest is the reply form's "Your email
# address will not be published. Required fields are marked", 12 words).
COMMENT_SHAPE_MAX_WORDS = 20
# Shapes of comment sections beyond COMMENT_LINE: a commenter line ("Ann Lee on March 3, 2008 at 5:02 pm",
# "Posted by Sam | 12:31 PM"), action lines ("Reply", "Like · Reply · Report") and bare timestamps.
_ACTION = (
    r"(?:reply|replies|like|likes|report(?: this (?:post|comment)| abuse| comment)?|flag|recommend(?:ed)?|"
    r"permalink|upvote|downvote|vote up|vote down|\d+\s+(?:likes?|replies|votes?|points?))"
)
# The lone words that only a comment is followed by ('Reply', 'Report'), not a story ('Share', 'Like').
_LONE_COMMENT_ACTIONS = frozenset({"reply", "report", "flag", "permalink", "respond"})
# A comment's age as social sites print it: '2h', '5 min', '3d ago'.
_COMPACT_AGE = r"\d{1,2}\s?(?:mins?|h|hrs?|d|w|wks?|mo|y|yrs?)(?:\s+ago)?"
_ACTION_OR_LINK = rf"(?:{_ACTION}|quote|share|{_COMPACT_AGE}|\d+)"
_COMMENT_ACTIONS = re.compile(
    rf"^(?:[↑↓▲▼+-]?\s*)?(?:{_ACTION}(?:\s*[|·•,/]\s*{_ACTION_OR_LINK})*|(?:quote|share)(?:\s*[|·•,/]\s*{_ACTION_OR_LINK})+)"
    r"\s*$",
    re.I,
)
# The form under a comment section (the reply box of the common blog engines).
_COMMENT_FORM = re.compile(
    r"(?:\byour email (?:address )?will not be published\b|\brequired fields are marked\b|^(?:name|e-?mail|website|"
    r"comment)\s*\*\s*$|^(?:post|submit|add) (?:a )?comment$|\bnotify me of (?:follow-up|new) (?:comments|posts)\b|"
    r"\bsave my name, email\b|\bcancel reply\b)",
    re.I,
)
# A time of day or an age ('7:06 PM', '3 hours ago') on a short line that is not a sentence: the stamp
# of a comment ('Dec 30, 2007 7:06 PM | Link to this').
_TIMESTAMP = re.compile(
    r"(?:\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago)(?!\w)",
    re.I,
)
_COMMENTER = re.compile(
    r"^[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+(?:on|at|[|·-])\s+.{0,40}\d{1,2}:\d\d|"
    r"^[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+(?:said|says|wrote|writes|commented|replied)\s*(?:on\b.{0,40})?:?\s*$|"
    # a commenter's name or handle and the comment's age: '@riverwatcher 2h', 'Jane Roe · 5d'
    rf"^(?:@[\w.]+|[A-Z][^\W\d_][\w'’.-]*(?:\s+[A-Z][^\W\d_][\w'’.-]*)?)\s+(?:[·•|-]\s*)?{_COMPACT_AGE}$",
    re.I,
)


def comment_shaped(line: Line) -> bool:
    """Whether a line has a shape of the lines around reader comments: a commenter line, a stamp, an
    action ("Reply", "Report"), the reply form. Such lines are short; prose is never one of them."""
    if line.words > COMMENT_SHAPE_MAX_WORDS:
        return False
    text = line.text
    return bool(
        COMMENT_LINE.search(text)
        or _COMMENT_ACTIONS.match(text)
        or _COMMENT_FORM.search(text)
        or (line.words <= 12 and not line.ends_sentence and (_TIMESTAMP.search(text) or _COMMENTER.match(text)))
    )


# What is left of a line without its times, dates and ages: nothing for a bare stamp.
_STAMP_PARTS = re.compile(
    rf"\b(?:{MONTH_NAME}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?|"
    r"\b[ap]\.m\.|(?<=\d)[ap]m\b|\b(?:at|on|ago|updated|posted|published|[ap]m|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?|[hdwy]|[ecmp]t|[ecmp][sd]t|gmt|utc|cet|cest|bst|ist|aest)\b|[\d\W_]+",
    re.I,
)


def bare_stamps(lines: list[Line], shaped: list[bool]) -> list[bool]:
    """Which lines of comment shape (`shaped`) are only a time, a date or an age ('10:20 AM', '3 hours
    ago', 'Mar 5, 2024 at 5:02 pm'): a live report stamps its posts so too, so such a line alone does not
    open a comment section, where a commenter line, an action or the reply form does."""
    return [shape and not _STAMP_PARTS.sub("", line.text).strip() for line, shape in zip(lines, shaped, strict=True)]


def commenter_lines(lines: list[Line], shaped: list[bool], stamps: list[bool], plain: list[float]) -> list[bool]:
    """Whether a line is the commenter's name over a comment of a section found by its shape: a short line
    that is not a sentence, its time stamps if any, at most COMMENT_UNIT_PROSE_LINES lines of prose, then
    an action or another line of comment shape that is not a bare stamp ('Jane Roe' / '2h' / the comment
    / 'Like · Reply'). The first comment of such a section then belongs to it, not to the story.
    `shaped` and `stamps` are comment_shaped and bare_stamps of the lines, `plain` their prose scores."""
    opens = [False] * len(lines)
    for position, line in enumerate(lines):
        if shaped[position] or plain[position] > 0 or line.words > COMMENTER_MAX_WORDS or line.ends_sentence:
            continue
        after = position + 1
        while after < len(lines) and after - position <= COMMENT_UNIT_PROSE_LINES and stamps[after]:
            after += 1
        prose_from = after
        while after < len(lines) and plain[after] > 0 and after - prose_from < COMMENT_UNIT_PROSE_LINES:
            after += 1
        opens[position] = prose_from < after < len(lines) and _closes_a_comment(
            lines[after], shaped[after], stamps[after]
        )
    return opens


def _closes_a_comment(line: Line, shaped: bool, stamp: bool) -> bool:
    """Whether a line under a commenter's name and prose ends a comment: a line of comment shape that is not
    a bare stamp, nor a lone word a share bar under a story prints too ('Share', 'Like')."""
    return shaped and not stamp and (line.words > 1 or line.text.strip(" .:").lower() in _LONE_COMMENT_ACTIONS)
