"""A saved page's headline, byline and date: its structured data first, then the project's text rules
(metadata.py, byline.py) on its visible lines for what is still open; and the leftovers trafilatura
keeps in a body (the headline again, share prompts, appeals, credit lines), set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .boilerplate import APPEAL, BIO_LINE, BIO_ROLE, COMMENT_HEADER, CREDIT_LINE, PHOTO_CREDIT, SHARE_OR_NAV
from .byline import find_byline, parse_byline, parse_credit
from .dates import find_dates, unglue
from .html_page import Page, PageLine, key
from .metadata import HEADER_WINDOW, SHORT_DATE_LINE_WORDS, choose_headline, content_words, find_date
from .segment import Line
from .structured import ASIDE_REGIONS, PageMetadata

# A heading is the page's headline when it shares at least this share of its content words with one of
# the page's own titles (JSON-LD, og:title, <title>): the visible wording wins over an SEO title. Swept
# 0.3/0.5/0.7: html-naeb dev title_exact the same (a 0.926, b 0.939); the middle kept.
HEADING_MATCH = 0.5
# An <h1> above the body is the headline (when no heading agrees with the page's titles) from this many
# words on: a one- or two-word <h1> is the site's logo or a section name. html-naeb dev title_exact with
# the rule: a 0.874 -> 0.895, b 0.908 -> 0.939.
HEADING_MIN_WORDS = 3
# 'Politics | Headline' in a heading: a label of at most this many words before ' | ' is a section's
# (html-naeb dev title_exact a 0.895 -> 0.926, b 0.939 -> 0.939).
LABEL_MAX_WORDS = 3
# 'Headline | Site': a trailing part of the title after a separator of at most this many words, and
# shorter than what comes before it, is the site or section name. Swept 3/5/7 on html-naeb dev:
# title_exact a 0.926 at all three, b 0.939/0.939/0.929.
SITE_PART_MAX_WORDS = 5
# A part of a title names the site when its letters are the site's name or its host's, or (from this
# many letters on) one holds the other: 'POLITICO' for politico.eu, but not 'AP' for apnews.com.
SITE_NAME_MIN_CHARS = 4
# The byline is looked for in this many lines below the headline (or the body's start, if later), as
# extract.py does; 3, 5 and 8 give the same authors_exact on html-naeb dev (a 0.874, b 0.822).
BYLINE_LINES = 3
# A day the page shows on a short line of its own within this many lines below its headline (outside
# menus, related links, comments and footers) wins over a different day in its metadata: a UTC timestamp
# a day off the page's own, a date in the body's <time> of another story, 'Updated on ...' when the
# metadata has only the first publication. html-naeb dev date_exact (read in process), a 0.9043 and
# b 0.8571 before; 3/5/8/12/20 lines: a 0.904/0.915/0.926/0.926/0.915, b 0.878/0.898/0.898/0.898/0.878.
HEADLINE_DATE_LINES = 8
# Leftovers trafilatura keeps in a body, set aside by the project's own patterns (boilerplate.py) and
# by the page region the paragraph's lines sit in. Each kind was kept only when it raised body F1 or
# left it unchanged on both halves of html-aeb and html-naeb dev (F1 a/b before -> after, all kinds:
# html-aeb 0.9728/0.9698 -> 0.9780/0.9731, html-naeb 0.9300/0.9233 -> 0.9331/0.9298); tried and dropped:
# date-only lines, link-only lines, repeated paragraphs and pull quotes, related and header regions
# (each lowered one half). They are looked for among paragraphs of at most LEFTOVER_MAX_WORDS words,
# never in the prose around them; a photo credit has at most CAPTION_MAX_WORDS words (boilerplate.py's
# caption bound). A paragraph whose lines all sit in a footer region (an e-mail's unsubscribe block, a
# <div class="site-footer">) is a footer: body F1 the same on both halves of both sets (html-aeb
# 0.9780/0.9731, html-naeb 0.9536/0.9401 read in process).
LEFTOVER_MAX_WORDS = 40
CAPTION_MAX_WORDS = 14

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/{2})\s+|\s*\|\s*")
_HOST_PREFIX = re.compile(r"^(?:www|m|amp|edition|mobile)\.")


@dataclass(frozen=True)
class Found:
    title: str | None
    authors: tuple[str, ...] = ()
    source: str | None = None
    date: str | None = None
    date_source: str | None = None
    credits: tuple[str, ...] = ()
    leftovers: tuple[str | None, ...] = ()  # per body paragraph: the kind of leftover it is, or None
    marks: tuple[tuple[int, str], ...] = ()  # (page line, kind): the headline, byline and date lines


def text_rules(
    page: Page, meta: PageMetadata, lines: list[Line], paragraphs: list[str], placed: list[int | None], start: int
) -> Found:
    """Headline, byline, date and leftovers; `start` is the page line where the body begins."""
    body_text = " ".join(paragraphs[:20])
    # 1. the headline: the page's heading that its own titles agree with, else its titles, else the text
    title = choose_title(meta, site_host(meta.url), page, start)
    headline_at = _line_of(page.lines, title, start) if title else None
    if title is None:
        headline_at = choose_headline(lines, start, body_text)
        title = lines[headline_at].text if headline_at is not None else None
    anchor = headline_at if headline_at is not None else start
    after_title = range(anchor + 1, min(len(lines), max(start, anchor + 1) + BYLINE_LINES))
    # 2. the byline: structured authors, else a 'By ...' line next to the headline
    authors, source = checked_authors(meta.authors, meta.site_name), None
    if not authors:
        authors, source, _ = find_byline(lines, after_title.start, after_title.stop)
        if not authors and source is None:
            authors, source, _ = find_byline(lines, max(0, start - HEADER_WINDOW), anchor)
    if not authors:
        authors = checked_authors(meta.byline_names, meta.site_name)
    # 3. the date: the day a <time> element shows, the page's metadata, else the date nearest the headline;
    # a day shown on the lines just below the headline wins over a different one in the metadata
    date = meta.shown_date or meta.date
    date_source = "page metadata" if date else None
    if date is None:
        date = find_date(lines, min(anchor, max(0, start - HEADER_WINDOW)), after_title.stop, anchor, body_start=start)
        date_source = "text" if date else None
    elif headline_at is not None:
        shown = date_below_headline(page, lines, headline_at)
        if shown and shown[:10] != date[:10]:
            date, date_source = shown, "text"
    # 4. leftovers trafilatura kept, and who is credited
    regions: list[set[str]] = [set() for _ in paragraphs]
    for line, paragraph in zip(page.lines, placed, strict=True):
        if paragraph is not None:
            regions[paragraph].add(line.kind)
    leftovers = tuple(leftover_kind(p, title, r) for p, r in zip(paragraphs, regions, strict=True))
    credits = tuple(
        dict.fromkeys(
            c for p, kind in zip(paragraphs, leftovers, strict=True) if kind == "credit" and (c := parse_credit(p))
        )
    )
    # 5. the headline's own lines (byline, date), shown as such among the removed blocks
    marks = header_marks(lines, headline_at, after_title)
    return Found(title, tuple(authors), source, date, date_source, credits, leftovers, marks)


def date_below_headline(page: Page, lines: list[Line], headline_at: int) -> str | None:
    """The date on a short line of its own (or a byline) among the HEADLINE_DATE_LINES lines below the
    headline, outside menus, related links, comments and footers: the day the page shows its readers."""
    below = range(headline_at + 1, min(len(lines), headline_at + 1 + HEADLINE_DATE_LINES))
    candidates = [
        lines[position]
        for position in below
        if page.lines[position].kind not in ASIDE_REGIONS
        and (lines[position].words <= SHORT_DATE_LINE_WORDS or parse_byline(lines[position].text))
    ]
    return find_date(candidates, 0, len(candidates)) if candidates else None


def header_marks(lines: list[Line], headline_at: int | None, after_title: range) -> tuple[tuple[int, str], ...]:
    marks = [] if headline_at is None else [(headline_at, "headline")]
    for position in after_title:
        text = lines[position].text
        if parse_byline(text):
            marks.append((position, "byline"))
        elif lines[position].words <= SHORT_DATE_LINE_WORDS and find_dates(unglue(text)):
            marks.append((position, "date"))
    return tuple(marks)


_ORGANIZATION_WORDS = frozenset(
    "press news staff media daily times post journal gazette telegram report reporter magazine tribune herald "
    "network agency wire service company team desk".split()
)


def checked_authors(names: tuple[str, ...], site_name: str | None) -> list[str]:
    """Names as the byline rules read them ('Chicago Tribune staff' -> 'Chicago Tribune', 'Jane Doe The
    Daily Planet' -> 'Jane Doe'); a user handle ('jdoe') is no name; among several names, those of
    organizations (the site, 'Associated Press', 'USA Today') are left out."""
    result: list[str] = []
    for name in names:
        parsed = parse_byline("By " + name)
        if parsed and parsed[0]:
            result.extend(parsed[0])
        elif " " in name.strip():
            result.append(name)
    result = list(dict.fromkeys(result))
    if len(result) > 1:
        site = key(site_name or "")
        people = [n for n in result if key(n) != site and not _ORGANIZATION_WORDS.intersection(key(n).split())]
        result = people or result
    return result


def leftover_kind(paragraph: str, title: str | None, regions: set[str]) -> str | None:
    """What a paragraph trafilatura kept is when it is not the article's: the headline again, a paragraph
    whose page lines all sit in a comment section, a share prompt or menu item, a comment header, an
    appeal, a photo credit, a credit line, an author's bio, a paragraph of a footer region. None for the
    article's own."""
    if title and key(paragraph) == key(title):
        return "headline"
    if regions == {"comment"}:
        return "comment"
    if regions == {"footer"}:
        return "footer"
    if len(paragraph.split()) > LEFTOVER_MAX_WORDS:
        return None
    if SHARE_OR_NAV.match(paragraph):
        return "navigation"
    if COMMENT_HEADER.match(paragraph):
        return "comment"
    if APPEAL.search(paragraph):
        return "appeal"
    if PHOTO_CREDIT.search(paragraph) and len(paragraph.split()) <= CAPTION_MAX_WORDS and not paragraph.endswith("."):
        return "caption"
    if CREDIT_LINE.match(paragraph):
        return "credit"
    if BIO_LINE.match(paragraph) and BIO_ROLE.search(paragraph):
        return "bio"
    return None


def choose_title(meta: PageMetadata, host: str | None, page: Page | None = None, start: int = 0) -> str | None:
    """The page's headline. 1. the <h1> its own titles agree with (the visible wording wins over an SEO
    title); 2. else the last <h1> above the body; 3. else its first title, without the site's name."""
    titles = [strip_site(t, meta.site_name, host) for t in meta.titles]
    best, best_share = None, 0.0
    for heading in meta.headings:
        words = content_words(heading)
        if not words:
            continue
        share = max((len(words & content_words(t)) / len(words | content_words(t)) for t in titles), default=0.0)
        if share > best_share:
            best, best_share = heading, share
    if best is not None and best_share >= HEADING_MATCH:
        return _without_label(best)
    if page is not None:
        site = key(meta.site_name or "")
        above = [
            line.text
            for line in page.lines[: start + 1]
            if line.tag == "h1" and len(line.text.split()) >= HEADING_MIN_WORDS and key(line.text) != site
        ]
        if above:
            return _without_label(above[-1])
    if titles:
        return titles[0]
    return meta.headings[0] if len(meta.headings) == 1 else None


def _without_label(heading: str) -> str:
    """'Politics | Headline' -> 'Headline': a section's label set in the heading."""
    label, _, rest = heading.partition(" | ")
    return rest.strip() if rest.strip() and len(label.split()) <= LABEL_MAX_WORDS else heading


def strip_site(title: str, site_name: str | None, host: str | None) -> str:
    """'Headline | Site' -> 'Headline': a part that names the site goes, and a short trailing part
    after a separator (the site or section) goes."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    while len(parts) > 1 and _names_site(parts[0], site_name, host):
        parts.pop(0)
    while len(parts) > 1:
        last, rest = parts[-1], " ".join(parts[:-1])
        if _names_site(last, site_name, host) or (
            len(last.split()) <= SITE_PART_MAX_WORDS and len(last.split()) < len(rest.split())
        ):
            parts.pop()
        else:
            break
    if len(parts) == len(_SEPARATOR.split(title)):
        return title
    # what is left is cut from the title as written, separators inside it kept
    first, last = parts[0], parts[-1]
    return title[title.index(first) : title.rindex(last) + len(last)].strip()


def _names_site(part: str, site_name: str | None, host: str | None) -> bool:
    compact = key(part).replace(" ", "")
    if len(compact) < 2:
        return False
    names = {key(site_name or "").replace(" ", "")}
    if host:
        names.add(host.split(".")[0])
        names.add(host.replace(".", ""))
    short = len(compact) < SITE_NAME_MIN_CHARS
    return any(
        compact == name or (not short and len(name) >= SITE_NAME_MIN_CHARS and (compact in name or name in compact))
        for name in names
        if name
    )


def site_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return _HOST_PREFIX.sub("", host.lower()) or None


def _line_of(page_lines: tuple[PageLine, ...], title: str, start: int) -> int | None:
    """The page line that is the headline: of the lines whose words are the title's, the last one above
    the body, else the first one below its start."""
    wanted = key(title)
    positions = [p for p, line in enumerate(page_lines) if line.key == wanted]
    above = [p for p in positions if p <= start + 1]
    return above[-1] if above else (positions[0] if positions else None)
