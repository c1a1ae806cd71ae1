"""The body of a saved page: trafilatura's main text as paragraphs, each visible line of the page placed in
the body or in a removed block of the kind of region it came from, and the body's links to its sources.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from types import MappingProxyType

from lxml import etree

from ..records import BodyLink, CutBlock
from .html_page import INVISIBLE_TAGS, Page, PageLine, key
from .structured import resolve_link

logger = logging.getLogger(__name__)

# trafilatura's precision mode, without comments: on the dev sets it beats the default (balanced, with
# comments) on both halves of both sets (body F1 html-aeb a/b 0.944/0.952 -> 0.973/0.970, html-naeb a/b
# 0.920/0.920 -> 0.940/0.933). Links are read from the page itself (see body_links): trafilatura's own
# link mode changes what it keeps (html-aeb b 0.970 -> 0.963).
TRAFILATURA_OPTIONS = MappingProxyType(
    {
        "favor_precision": True,
        "include_comments": False,
        "include_tables": True,
        "include_links": False,
        "with_metadata": False,
    }
)
# Elements removed from the tree before trafilatura reads it: those no reader sees, the <head>'s links
# and metas, and the menus, asides, footers, figures, images and media trafilatura's own cleaning
# deletes in precision mode; then the page's hidden elements and empty leaves (Page.unseen). Its output
# stays the same on all 280 html-aeb and html-naeb dev pages, and its time falls (best of 3 per page:
# median 17.2 -> 14.6 ms and p95 43.5 -> 36.2 ms for the invisible ones; median -25 % and p95 -10 % more
# for menus, asides and footers; with the old and the new input in turn in one process, sum 4.76 -> 4.20 s,
# median 12.2 -> 10.7 ms, p95 40.9 -> 38.9 ms for figures, images, media and Page.unseen).
UNREAD_TAGS = (
    *(INVISIBLE_TAGS - {"head"}),
    *"link meta nav menu aside footer figure picture source img track param area use frame frameset".split(),
)
UNSEEN_TAG = "briefing-unseen"  # what those of Page.unseen are renamed to, to be removed with the rest
# What removed blocks show of the page, in characters: a few screens of menus, comments and related
# links, enough to see what was cut; beyond it a warning gives the count. Not tuned (no dev set scores it).
REMOVED_MAX_CHARS = 20_000
# A page line of at least ANYWHERE_MIN_WORDS words is placed in the body wherever its words occur there;
# a shorter one when it is a whole paragraph, or within NEAR_CHARS after the body text placed before it
# ('World' in a menu is not the 'world' of a sentence). Swept 3/5/8 words x 200/400/800 characters on
# html-aeb + html-naeb dev: body paragraphs with a page line placed in them 0.954-0.984, menu lines
# placed in the body 58-160; 8 and 200 best on both counts.
ANYWHERE_MIN_WORDS = 8
NEAR_CHARS = 200

_WORD = re.compile(r"\w+")
_TABLE_RULE = re.compile(r"^[\s|:-]*$")
_LIST_MARK = re.compile(r"^[-•*]\s+")


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]
    links: tuple[BodyLink, ...] = ()
    cut: tuple[CutBlock, ...] = ()
    warnings: tuple[str, ...] = ()


def trafilatura_paragraphs(page: Page) -> list[str]:
    """trafilatura's main text of the page, one paragraph per block it kept, as plain text. Call it once
    the page's lines and metadata are read: it first removes from the tree what trafilatura would
    discard anyway (see UNREAD_TAGS)."""
    # Imported here, not with the module: a build of pasted text only never pays for it (about 0.15 s).
    import trafilatura

    for element in page.unseen:
        element.tag = UNSEEN_TAG
    etree.strip_elements(page.tree, *UNREAD_TAGS, UNSEEN_TAG, with_tail=False)  # in one pass; tails stay
    document = trafilatura.bare_extraction(page.tree, **TRAFILATURA_OPTIONS)
    if document is None or not document.text:
        logger.debug("trafilatura found no main text")
        return []
    paragraphs = []
    for line in document.text.split("\n"):
        line = line.strip()
        if line.startswith("|"):
            if _TABLE_RULE.match(line):
                continue  # the '|---|---|' rule under a table's header row
            line = " | ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
        line = _LIST_MARK.sub("", line)
        if _WORD.search(line):
            paragraphs.append(line)
    return paragraphs


def place_lines(lines: tuple[PageLine, ...], paragraphs: list[str]) -> list[int | None]:
    """For each page line, the body paragraph its words are part of, or None when it is not in the body.

    A line of ANYWHERE_MIN_WORDS words or more is placed wherever its words occur in the body; a shorter
    one when it is a whole paragraph, or when its words follow the body text placed just before it."""
    keys = [key(p) for p in paragraphs]
    whole = {k: index for index, k in reversed(list(enumerate(keys)))}
    starts, offset = [], 1
    for k in keys:
        starts.append(offset)
        offset += len(k) + 1
    text = " " + " ".join(keys) + " "
    words = set(text.split())
    placed: list[int | None] = []
    cursor = None  # where the body text placed last ends
    for line in lines:
        line_key = line.key
        line_words = line_key.split()
        if not line_words or not words.issuperset(line_words):
            placed.append(None)
            continue
        needle = f" {line_key} "
        at = text.find(needle, max(0, (cursor or 0) - NEAR_CHARS))
        if len(line_words) >= ANYWHERE_MIN_WORDS:
            at = at if at >= 0 else text.find(needle)
        elif cursor is None or at < 0 or at - cursor > NEAR_CHARS:
            at = starts[whole[line_key]] - 1 if line_key in whole else -1
        if at < 0:
            placed.append(None)
            continue
        cursor = max(cursor or 0, at + len(needle) - 1)
        placed.append(bisect.bisect_right(starts, at + 1) - 1)
    return placed


def body_links(
    lines: tuple[PageLine, ...], placed: list[int | str | None], paragraphs: list[str], base_url: str | None
) -> list[BodyLink]:
    """The links of the page lines placed in the body, where their words are in the paragraph, to http(s)
    addresses (absolute, or relative to the page's address)."""
    links: dict[tuple[int, str, str], None] = {}
    for line, paragraph in zip(lines, placed, strict=True):
        if not isinstance(paragraph, int):
            continue
        for words, href in line.links:
            address = resolve_link(href, base_url)
            if address is None:
                continue
            for index in (paragraph, paragraph + 1):
                if index < len(paragraphs) and words in paragraphs[index]:
                    links[(index, words, address)] = None
                    break
    return [BodyLink(index, words, address) for index, words, address in links]


def removed_blocks(
    lines: tuple[PageLine, ...], placed: list[int | str | None], title: str | None
) -> tuple[list[CutBlock], str | None]:
    """The page's visible lines that are not in the body, as blocks of one kind each, in page order: the
    kind of leftover a line was set aside as, else the kind of page region it is in. A line already
    shown (a menu repeated in the footer) is shown once; past REMOVED_MAX_CHARS only a count is given,
    in the warning returned."""
    title_key = key(title or "")
    seen: set[str] = set()
    blocks: list[CutBlock] = []
    current_kind, current, shown, hidden = None, [], 0, 0
    for line, paragraph in zip(lines, placed, strict=True):
        line_key = line.key
        if isinstance(paragraph, int) or not line_key or line_key in seen:
            continue
        seen.add(line_key)
        if shown + len(line.text) + 1 > REMOVED_MAX_CHARS:  # the line and its line break
            hidden += len(line.text) + 1
            continue
        shown += len(line.text) + 1
        kind = "headline" if line_key == title_key else paragraph or line.kind
        if kind != current_kind and current:
            blocks.append(CutBlock(current_kind, "\n".join(current)))
            current = []
        current_kind = kind
        current.append(line.text)
    if current:
        blocks.append(CutBlock(current_kind, "\n".join(current)))
    warning = None
    if hidden:
        warning = f"removed text of the page shown up to {REMOVED_MAX_CHARS:,} characters; {hidden:,} more not shown"
    return blocks, warning


def keep_paragraphs(
    paragraphs: list[str], placed: list[int | None], leftovers: tuple[str | None, ...]
) -> tuple[list[str], list[int | str | None]]:
    """The paragraphs that are not leftovers, and the page lines placed again: a line of a leftover
    is placed as the kind of leftover it is (shown with the removed blocks)."""
    new_index: list[int | str] = []
    count = 0
    for kind in leftovers:
        new_index.append(kind if kind else count)
        count += not kind
    remaining = [p for p, kind in zip(paragraphs, leftovers, strict=True) if not kind]
    return remaining, [None if p is None else new_index[p] for p in placed]


def article_body(
    page: Page, paragraphs: list[str], placed: list[int | str | None], base_url: str | None, title: str | None
) -> Body:
    """The record's body: the paragraphs, the links in them and the removed blocks of the page."""
    cut, warning = removed_blocks(page.lines, placed, title)
    return Body(
        paragraphs=tuple(paragraphs),
        links=tuple(body_links(page.lines, placed, paragraphs, base_url)),
        cut=tuple(cut),
        warnings=(warning,) if warning else (),
    )
