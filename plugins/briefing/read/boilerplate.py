"""The line features of pasted pages: the prose score of a line (running prose scores its word count,
menus, prompts and other leftovers score below zero), the shapes of web leftovers (menus, share prompts,
appeals, comment headers, captions, credits, bios), and the kind of a leftover inside or after the body.
The page model (page_model.py) decides the regions from them.
"""

from __future__ import annotations

import re

from .segment import Line

# A line of at least this many words whose share of function words reaches PROSE_STOP_SHARE reads as
# running prose. Checked on pasted-l3s and pasted-naeb dev (body F1 flat within +-2 words / +-0.05).
PROSE_MIN_WORDS = 8
PROSE_STOP_SHARE = 0.18
# Headlines of other stories read like prose but do not end a sentence; a line that does not end one
# counts as prose only from this length on (pasted-naeb dev: related-story lists stop leaking in).
UNFINISHED_PROSE_MIN_WORDS = 20
# What a line that is not prose costs: lines of menus and link lists add up fast, short lines inside
# an article (subheads, fragments of split sentences) are outweighed by the paragraphs around them.
SHORT_LINE_COST = 3.0
# A line of at most this many words, most of them capitalised, not ending with a full stop, is a
# heading, a menu or a list of names. Swept on the halves of pasted-naeb dev: share 0.6/0.8/0.9 title_exact
# a 0.789/0.800/0.800, b 0.776/0.776/0.765; words 12/20/30 b 0.755/0.776/0.776, pasted-l3s body_f1 a
# 0.968/0.968/0.967 (without the rule: naeb title b 0.745, body a 0.902 b 0.874).
TITLE_LINE_MAX_WORDS = 20
TITLE_CASE_SHARE = 0.8
BOILERPLATE_LINE_COST = 6.0
RUN_COST_CAP = 4

_FLAGS = re.I

COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|reactions?)(?:\s+(?:to|on)\b.*)?|"
    r"comments?\b(?!\s+(?:from|by|on|to|about|of|that|were|was|he|she|they)\b).{0,50}|"
    r"(?:leave|post|add|write|submit|make|read|view|show|load|see)\s+(?:a\s+|your\s+|all\s+|the\s+)?(?:\d+\s+)?"
    r"(?:reply|comments?|responses?|reader comments)\b.{0,40}|"
    r"(?:most recent |latest |top )?(?:reader|user|your|visitor)s?'?\s+(?:comments?|views|say|thoughts|"
    r"reactions?)\b.{0,80}|"
    r"join the (?:discussion|conversation|debate)\b.*|discussion|debate|"
    r"(?:discuss|comment on) this (?:article|story|post|entry)\b.{0,40}|click here to (?:comment|discuss|respond)\b.*|"
    r"what do you think\??|(?:to )?have your say\b.*|conversation\s*\(\d+\)|\d+\s+thoughts? on\b.*|"
    r"one response to\b.*|you must be (?:logged in|registered) to (?:post|comment)\b.*|"
    r"(?:kommentare?|kommentieren|commentaires?|comentarios?|commenti)(?:\s*\(\d+\))?)$",
    _FLAGS,
)
# Headers that can only open a comment section (a bare "Comments" or "12 Comments" can also be a link).
COMMENT_HEADER_CERTAIN = re.compile(
    r"^(?:(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response)|comments?\s+(?:are|is|"
    r"have been)\s+(?:now\s+)?"
    r"(?:closed|disabled)|\d+\s+(?:responses?|thoughts?|replies)\s+(?:to|on)\b|one response to\b|"
    r"join the (?:discussion|conversation)|"
    r"(?:to )?have your say|(?:most recent |latest )?(?:reader|user|visitor)s?'?\s+comments?|what do you think|"
    r"you must be (?:logged in|registered) to (?:post|comment))",
    _FLAGS,
)
COMMENT_LINE = re.compile(
    r"(?:\bsays:?$|\bwrote:$|\bschrieb:$|^posted by\b.{0,60}\b(?:at|on)\b|^reply$|^report (?:abuse|comment)|"
    r"^(?:flag|recommend|like|reply|permalink)(?:\s*\|\s*\w+)+$|^\d+\s+(?:likes?|replies|points?)$|"
    r"\bsaid\.{3}$|^submitted by\b|^posted by:|^(?:reply|report|flag|like|share)(?:\s*[|·]\s*\w+)*$|"
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\.? \d{1,2},? (?:\d{4} )?(?:at )?\d{1,2}:\d\d\s*(?:[ap]m)?$|"
    r"^\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago$|^comment no\.? \d+)",
    _FLAGS,
)
APPEAL = re.compile(
    r"(?:\bcookies?\b.{0,120}\b(?:website|browser|consent|preferences|settings|necessary|third[- ]party|advertising)\b|"
    r"\b(?:website|browser|consent|preferences|we use|this site uses)\b.{0,120}\bcookies\b|"
    r"\bopens? in (?:a )?new (?:window|tab)\b|\bhave a (?:news )?tip\b|\bsend (?:us )?(?:a|your) tips?\b|"
    r"\bdo not sell my personal\b|\bclick to share\b|\bscroll (?:down |through )?(?:the gallery|"
    r"below)\b.{0,40}\bphotos?\b|\b(?:make|consider)\s+a\s+(?:[\w-]+\s+){0,3}donation\b|\bdonate\s+(?:now|"
    r"today|here|to)\b|"
    r"\btax-deductible\b|\bsupport\s+(?:our|us|independent)\b.{0,80}\b(?:journalism|reporting|work|analysis|mission)\b|"
    r"\bsubscribe\s+(?:now|today|to\s+(?:our|the)|for)\b|\bsign\s+up\s+(?:for|to)\b.{0,60}\bnewsletters?\b|"
    r"\bbecome\s+a\s+(?:member|subscriber|patron|supporter)\b|\bdedicated reader\b|"
    r"\b(?:already a subscriber|subscribers? only)\b|\bunlock (?:this|unlimited)\b|\bfree trial\b|"
    # an affiliate disclosure: 'We may earn a commission from links on this page'
    r"\bwe\s+(?:may|might|could)\s+(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?(?:share\s+of\s+)?(?:affiliate\s+)?"
    r"(?:commissions?|revenue)\b)",
    _FLAGS,
)
# The items of a site's account bar.
_ACCOUNT_ITEM = r"(?:(?:sign|log) ?(?:in|out|up)|subscribe|register|my account|account|menu|search|close)"
SHARE_OR_NAV = re.compile(
    r"^(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"article continues below(?: this ad| advertisement)?|continue reading(?: below)?\b.*|read more\b.*|"
    r"related(?: stories| articles| coverage| content| links| news| posts)?:?|more from\b.*|"
    r"recommended(?: for you| stories| videos?)?|you (?:may|might) also like\b.*|trending(?: now)?|"
    r"most (?:read|popular|viewed|shared)\b.*|top stories|latest(?: news| stories)?|"
    r"share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|email|print|e-?mail this\b.*|"
    r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|tumblr|telegram|copy (?:link|url)|"
    r"follow us\b.*|follow\b.{0,40}\bon (?:twitter|facebook|instagram|x)\b.*|click here\b.*|"
    r"click to (?:save|expand|enlarge|view|read|watch|play|share|print|copy|open|zoom|comment|subscribe|"
    r"listen|see|show|load|continue)\b.{0,40}|"
    r"sign in|log in|sign up|subscribe|register|skip to (?:main )?content|menu|search|close|home|"
    r"back to top|next|previous|(?:next|previous) (?:article|story|post)\b.*|listen(?: to this article)?\b.*|"
    r"save(?: article| for later)?|bookmark|comment|comments|expand|play video|watch\b.{0,30}|"
    r"image \d+ of \d+|\d+ of \d+|\d+ min(?:ute)?s? read|reading time\b.*|"
    r"(?:all )?rights reserved\.?|tags?:.*|filed under:?.*|categories:?.*|topics?:.*|"
    r"we use cookies\b.*|this (?:web)?site uses cookies\b.*|by (?:using|continuing to use) this (?:web)?site\b.*|"
    r"accept(?: all)?(?: cookies)?|i accept|cookie (?:settings|policy|preferences)\b.*|"
    r"(?:website |site |our )?(?:privacy (?:policy|notice|statement)|terms (?:of|and) (?:use|service|conditions))|"
    r"contact us|about us|newsletters?|"
    # a copyright notice: "© 2024 ...", "(c) 2024 ...", "Copyright 2024 ...", "Copyright © ..."
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|by\b)).*|.*\ball rights reserved\b.*|"
    r"(?:[\w&'’.-]+(?: [\w&'’.-]+){0,3} ?[|•·»›>/] ?){2,}[\w&'’.-]+(?: [\w&'’.-]+){0,3}|"
    # an account bar copied without its separators: 'Log In Subscribe Sign Out'
    rf"{_ACCOUNT_ITEM}(?:\s+{_ACCOUNT_ITEM}){{1,5}})$",
    _FLAGS,
)
PHOTO_CREDIT = re.compile(
    r"(?:getty images|\bap photo\b|\(ap\)$|\bafp\b|\breuters/|/reuters\b|\bphoto(?:graph)?s?(?: by)?:|"
    r"\bphoto by\b|\bimage(?: by)?:|^(?:(?:image|photo|picture|video)\s+)?credits?\s*:|\bcredit\s*\.{3}|"
    r"^courtesy\b|shutterstock|\bistock\b|\bvia getty\b|"
    r"\bepa-efe\b|^\(?photo\b|\bfile photo\b|\billustration:|/the [a-z]+ times$|^source:)",
    _FLAGS,
)
# A photo caption of any length: the agencies' 'FILE - ' opening, or a closing photo credit in brackets
# ('... at Arrowhead Stadium. (AP Photo/Charlie Riedel, File)').
CAPTION_SHAPE = re.compile(
    r"(?:^FILE\s*(?:-|—|–)\s|\((?:[^()]{0,60}\b)?(?:photo|photograph|image)s?\b\s*(?:/|by|:)[^()]{0,80}\)\.?$)",
    re.I,
)
CREDIT_LINE = re.compile(
    r"^\(?(?:(?:the\s+)?(?P<who>[A-Z][^.]{1,80}?)\s+contributed\s+(?:reporting|to\s+this\s+(?:report|article|story)|"
    r"additional reporting)(?:\s+(?:from|in)\s+[^.]*)?|"
    r"(?:additional\s+)?reporting\s+by\s+(?P<who2>[^;.)]{2,120})(?:;[^)]*)?|"
    r"(?:writing|editing|edited)\s+by\s+[^)]{2,120})\.?\)?\.?$",
)
# How to reach the writer: 'Jane Roe can be reached at jroe@gazette.com', 'To contact the reporter on this
# story: ...' (a credit, never story prose, on a line of at most CONTACT_LINE_MAX_WORDS words).
CONTACT_LINE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]|\bcan be reached (?:at|by|on)\b|\bto contact the (?:reporters?|writers?|editors?|"
    r"authors?)\b|\b(?:email|e-mail|write to|contact) (?:him|her|them|the author|the writer) at\b",
    _FLAGS,
)
CONTACT_LINE_MAX_WORDS = 40
BIO_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was|writes|covers|reports)\b"
    r"(?P<rest>.{0,200})$",
)
# An author bio in the second half of the story is a line of at most this many words (80 gives the same
# figures on both halves of pasted-l3s and pasted-naeb dev).
BIO_MAX_WORDS = 45
BIO_ROLE = re.compile(
    r"\b(?:contributor|analyst|writer|reporter|correspondent|editor|columnist|fellow|journalist|author|"
    r"producer|researcher|freelance|staff|intern|blogger|contributing)\b",
    _FLAGS,
)


def is_leftover(text: str) -> bool:
    """A menu item, share prompt, appeal or comment header: never story, never a headline."""
    return bool(SHARE_OR_NAV.match(text) or APPEAL.search(text) or COMMENT_HEADER.match(text))


def score_line(line: Line, leftover: bool | None = None) -> float:
    """What a line is worth as story prose; `leftover` is is_leftover(line.text) when known."""
    text = line.text
    if is_leftover(text) if leftover is None else leftover:
        return -max(BOILERPLATE_LINE_COST, float(line.words))
    if line.words <= TITLE_LINE_MAX_WORDS and not text.endswith(".") and _title_cased(text):
        # a headline ('Will It Ever Snow in New York City Again?'), a menu or a list of names, not prose
        return -SHORT_LINE_COST - 0.1 * line.words
    prose_like = line.stop_share >= PROSE_STOP_SHARE
    if line.words >= PROSE_MIN_WORDS and prose_like and line.ends_sentence:
        return float(line.words)
    if line.words >= UNFINISHED_PROSE_MIN_WORDS and prose_like:
        # a paragraph cut at inline markup by the copy, or one without a final stop
        return line.words / 2
    if line.words >= 5 and line.ends_sentence and line.stop_share >= PROSE_STOP_SHARE / 2:
        return line.words / 2
    if line.words >= PROSE_MIN_WORDS * 2 and line.ends_sentence:
        # long sentences with few function words: lists of names, numbers, non-listed languages
        return line.words / 2
    return -SHORT_LINE_COST - 0.1 * line.words


def _title_cased(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) >= TITLE_CASE_SHARE * len(words)


def line_scores(lines: list[Line], plain: list[float] | None = None) -> list[float]:
    """Scores with run-length costs: the k-th non-prose line in a row costs k times as much (up to
    RUN_COST_CAP), so a lone subhead or caption inside an article is cheap and a menu is expensive."""
    scores = []
    run = 0
    for position, line in enumerate(lines):
        score = score_line(line) if plain is None else plain[position]
        if score < 0:
            run += 1
            score *= min(run, RUN_COST_CAP)
        else:
            run = 0
        scores.append(score)
    return scores


def _tells_how_to_reach_the_writer(line: Line) -> bool:
    return line.words <= CONTACT_LINE_MAX_WORDS and bool(CONTACT_LINE.search(line.text))


def outside_kind(line: Line) -> str:
    text = line.text
    if APPEAL.search(text):
        return "appeal"
    if BIO_LINE.match(text) and BIO_ROLE.search(text):
        return "bio"
    if CREDIT_LINE.match(text) or _tells_how_to_reach_the_writer(line):
        return "credit"
    return "footer"


def inside_kind(lines: list[Line], position: int, start: int, end: int) -> str:
    line = lines[position]
    text = line.text
    if APPEAL.search(text):
        return "appeal"
    if (CREDIT_LINE.match(text) and line.words <= 40) or _tells_how_to_reach_the_writer(line):
        return "credit"
    if (
        BIO_LINE.match(text)
        and BIO_ROLE.search(text)
        and position >= start + (end - start) // 2
        and line.words <= BIO_MAX_WORDS
    ):
        return "bio"
    if CAPTION_SHAPE.search(text):
        return "caption"
    if (line.words <= 14 and PHOTO_CREDIT.search(text) and not line.ends_sentence) or (
        line.words <= 14 and PHOTO_CREDIT.search(text) and re.search(r"(?:photo|images?)\)?\.?$", text, re.I)
    ):
        return "caption"
    if position + 1 < end:
        following = lines[position + 1]
        if (
            following.words <= 14
            and PHOTO_CREDIT.search(following.text)
            and not following.ends_sentence
            and line.words <= 60
        ):
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
            if (
                following < len(texts)
                and re.match(r"^[—–-]{1,2}\s*\S", texts[following])
                and len(texts[following].split()) <= 12
            ):
                repeated.add(following)
    return repeated


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1)}


# Results tables, standings and listings (sports, markets, elections) sit right after or before the
# prose of a story; they are part of what it reports but not running text.
TABLE_ROW_MAX_WORDS = 30
TABLE_MIN_DATA_ROWS = 3
TABLE_MIN_DATA_SHARE = 0.4
TABLE_MAX_DISTANCE = 8  # lines between the body and the first row of a table
_DIGIT = re.compile(r"\d")
# Numbers that date a line rather than report a figure: lists of other stories carry them.
_DATE_OR_TIME = re.compile(
    r"\b(?:\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?|"
    r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)\s+ago)\b",
    re.I,
)


def table_positions(lines: list[Line], kinds: list[str], start: int, end: int) -> set[int]:
    """Positions of lines outside the body that form data tables next to it: runs of short lines, most
    of them holding numbers, that no menu, prompt or comment line separates from the body."""
    after = _table_runs(lines, kinds, range(end, len(lines)))
    before = _table_runs(lines, kinds, range(start - 1, -1, -1))
    return set(after) | set(before)


_NOT_A_TABLE = re.compile(
    r"(?:https?://|www\.|@\w|\.(?:com|org|net)\b|^(?:read|see|watch) (?:next|more|also)\b|^(?:recent|more|latest|"
    r"other|top|popular|related) (?:stories|news|articles|posts|videos)\b|coupon|promo code|\bdeals?\b|\bsales?\b|"
    r"^(?:references|sources|our sources|further reading|buy tickets|shop\b))",
    re.I,
)


def _row_kind(line: Line) -> str:
    text = line.text
    if (
        _NOT_A_TABLE.search(text)
        or SHARE_OR_NAV.match(text)
        or APPEAL.search(text)
        or COMMENT_HEADER.match(text)
        or COMMENT_LINE.search(text)
        or line.words > TABLE_ROW_MAX_WORDS
    ):
        return "stop"
    if _DIGIT.search(_DATE_OR_TIME.sub(" ", text)) and any(c.isalpha() for c in text):
        return "data"
    return "text"


def is_table_row(line: Line) -> bool:
    """A short line holding figures that are not dates or times: a row of a results table."""
    return _row_kind(line) == "data"


def _table_runs(lines: list[Line], kinds: list[str], positions: range) -> list[int]:
    """The table that starts at the first of `positions` (walking away from the body), if any."""
    run: list[int] = []
    for position in positions:
        if kinds[position] not in ("header", "footer") or _row_kind(lines[position]) == "stop":
            break
        run.append(position)
    data = [offset for offset, p in enumerate(run) if _row_kind(lines[p]) == "data"]
    if len(data) < TABLE_MIN_DATA_ROWS or data[0] > TABLE_MAX_DISTANCE:
        return []
    table = run[: data[-1] + 1]
    return table if len(data) >= TABLE_MIN_DATA_SHARE * len(table) else []
