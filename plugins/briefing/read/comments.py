"""The shapes of the lines around reader comments, found without a "Comments" header: commenter lines,
time stamps, action lines and the reply form. The page model (page_model.py) reads a run of them after
the story as a comment section."""

from __future__ import annotations

import re

from .boilerplate import COMMENT_LINE
from .segment import Line

# A line of comment shape has at most this many words (the longest is the reply form's "Your email
# address will not be published. Required fields are marked", 12 words).
COMMENT_SHAPE_MAX_WORDS = 20
# Shapes of comment sections beyond COMMENT_LINE: a commenter line ("Ann Lee on March 3, 2008 at 5:02 pm",
# "Posted by Sam | 12:31 PM"), action lines ("Reply", "Like · Reply · Report") and bare timestamps.
_ACTION = (
    r"(?:reply|replies|like|likes|report(?: this (?:post|comment)| abuse| comment)?|flag|recommend(?:ed)?|"
    r"permalink|upvote|downvote|vote up|vote down|\d+\s+(?:likes?|replies|votes?|points?))"
)
_ACTION_OR_LINK = rf"(?:{_ACTION}|quote|share|\d+)"
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
    r"^[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+(?:said|says|wrote|writes|commented|replied)\s*(?:on\b.{0,40})?:?\s*$",
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
