"""Saved web pages (.html, .htm), single-file pages (.mhtml, .mht) and e-mails (.eml) in, the same
`Extraction` a pasted text file gives out.

    extract_saved(RawArticle) -> Extraction        (raises UnusableFile with the reason)

The body comes from trafilatura (html_body.py), the metadata from the page's own structured data first
(structured.py) and from the project's text rules on the page's visible lines for what is still missing
(page_text.py); what the user's sidecar sets wins over both, as for text files.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
from dataclasses import dataclass

from ..records import BodyLink, CutBlock, Extraction, RawArticle, UnusableFile
from ..settings import MAX_SAVED_FILE_BYTES, SUMMARY_MAX_CHARS
from ..slugs import readable_slug
from .extract import _choose_date, _extraction, _title_from_path, check_size, mentioned_dates
from .frontmatter import parse_metadata_yaml
from .html_body import article_body, keep_paragraphs, place_lines, trafilatura_paragraphs
from .html_page import TextLines, read_page
from .metadata import content_words, find_dateline, summarize
from .mime import read_email, read_mhtml
from .page_text import text_rules
from .segment import segment_lines
from .structured import PageMetadata, page_metadata

logger = logging.getLogger(__name__)

PAGE_EXTENSIONS = (".html", ".htm")
SINGLE_FILE_EXTENSIONS = (".mhtml", ".mht")
EMAIL_EXTENSIONS = (".eml",)
SAVED_EXTENSIONS = PAGE_EXTENSIONS + SINGLE_FILE_EXTENSIONS + EMAIL_EXTENSIONS
SAVED_LIMIT_SETTING = "BRIEFING_MAX_SAVED_FILE_BYTES"
# A trafilatura body that uses less than this share of the words of the page's own titles is taken for
# a wrong pick (a cookie notice, a teaser list), and the text rules' body replaces it when that body
# uses more of them. html-naeb dev body F1 a 0.9331 -> 0.9433 (one page), b and html-aeb unchanged;
# the same at 0.1, 0.2 and 0.3.
OFF_TOPIC_SHARE = 0.2


@dataclass(frozen=True)
class Reading:
    """What one saved file says about its article, before the user's metadata."""

    body: tuple[str, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    date: str | None = None
    date_source: str | None = None
    credits: tuple[str, ...] = ()
    links: tuple[BodyLink, ...] = ()
    cut: tuple[CutBlock, ...] = ()
    warnings: tuple[str, ...] = ()


def is_saved_file(source_path: str) -> bool:
    return source_path.lower().endswith(SAVED_EXTENSIONS)


def extract_saved(
    raw: RawArticle, max_bytes: int = MAX_SAVED_FILE_BYTES, summary_max_chars: int = SUMMARY_MAX_CHARS
) -> Extraction:
    """Read one saved page or e-mail. Raises UnusableFile with the reason when it cannot become a briefing."""
    # 1. the size limit, then the user's sidecar (broken YAML is reported before the page is read)
    check_size(len(raw.data), max_bytes, SAVED_LIMIT_SETTING)
    user: dict = {}
    unused: tuple[str, ...] = ()
    if raw.sidecar is not None:
        metadata = parse_metadata_yaml(raw.sidecar, "the sidecar YAML file")
        user, unused = metadata.values, metadata.unused
    # 2. the file's own reading, by its kind
    extension = posixpath.splitext(raw.source_path)[1].lower()
    if extension in PAGE_EXTENSIONS:
        reading = read_html(raw.source_path, raw.data)
    elif extension in SINGLE_FILE_EXTENSIONS:
        part = read_mhtml(raw.data)
        reading = read_html(raw.source_path, part.data, part.charset, part.location)
    elif extension in EMAIL_EXTENSIONS:
        reading = read_email_file(raw.source_path, raw.data, summary_max_chars)
    else:
        raise UnusableFile(f"not a saved page or e-mail: {extension or 'no extension'}")
    # 3. the record, with what the user set winning
    return _record(raw.source_path, reading, user, unused, summary_max_chars)


def read_html(source_path: str, data: bytes, declared: str | None = None, fallback_url: str | None = None) -> Reading:
    """A saved page: body from trafilatura, metadata from the page's structured data, then its text."""
    # 1. the page model: decoded, parsed, its visible lines with their regions and links
    page = read_page(data, declared)
    # 2. the page's structured data (JSON-LD, Open Graph, meta, time, canonical link)
    meta = page_metadata(page.tree, fallback_url)
    # 3. the body: trafilatura's main text; the text rules' body when trafilatura finds none, or one
    # on another subject than the page's titles
    paragraphs = trafilatura_paragraphs(page)
    lines = TextLines(page.lines)
    if not paragraphs or topic_share(paragraphs, meta) < OFF_TOPIC_SHARE:
        text_body = list(_extraction(source_path, list(lines), {}, SUMMARY_MAX_CHARS).body)
        if not paragraphs or topic_share(text_body, meta) > topic_share(paragraphs, meta):
            logger.debug("%s: the body is the text rules' (trafilatura's is missing or off the subject)", source_path)
            paragraphs = text_body
    if not paragraphs:
        raise UnusableFile("the page has no article text")
    placed = place_lines(page.lines, paragraphs)
    start = next((i for i, p in enumerate(placed) if p is not None), 0)
    # 4. the text rules near the body for what the structured data left open, and the leftovers
    found = text_rules(page, meta, lines, paragraphs, placed, start)
    paragraphs, placed = keep_paragraphs(paragraphs, placed, found.leftovers)
    for position, kind in found.marks:
        if placed[position] is None:
            placed[position] = kind  # the headline, byline and date lines are shown as such when removed
    if not paragraphs:
        raise UnusableFile("the page has no article text")
    # 5. links to sources inside the body, and what was removed, by the kind of region it was in
    body = article_body(page, paragraphs, placed, meta.url, found.title)
    return Reading(
        body=body.paragraphs,
        title=found.title,
        authors=found.authors,
        source=meta.site_name or found.source,
        url=meta.url,
        date=found.date,
        date_source=found.date_source,
        credits=found.credits,
        links=body.links,
        cut=body.cut,
        warnings=page.warnings + body.warnings,
    )


def topic_share(paragraphs: list[str], meta: PageMetadata) -> float:
    """The share of the words of the page's titles that its body uses (1.0 when the page has no title)."""
    topic: set[str] = set()
    for title in (*meta.titles[:2], *meta.headings[:1]):
        topic |= content_words(title)
    if len(topic) < 3:
        return 1.0
    return len(topic & content_words(" ".join(paragraphs[:30]))) / len(topic)


def read_email_file(source_path: str, data: bytes, summary_max_chars: int) -> Reading:
    """An e-mail: Subject as title, Date as date, the sender as source; the body from its HTML part
    (read as a saved page), else from its text part (read by the text rules, as a pasted file is)."""
    message = read_email(data)
    reading = None
    if message.html is not None:
        try:
            reading = read_html(source_path, message.html.data, message.html.charset)
        except UnusableFile as error:
            if message.text is None:
                raise
            logger.debug("%s: HTML part not used (%s); reading the text part", source_path, error)
    if reading is None:
        # The text part is the sender's text, not the user's file: no front matter is looked for in it.
        lines = segment_lines(message.text or "")
        if not lines:
            raise UnusableFile("the e-mail has no text")
        text = _extraction(source_path, lines, {}, summary_max_chars)
        headline_found = not any(warning.startswith("no headline") for warning in text.warnings)
        reading = Reading(
            body=text.body,
            title=text.title if headline_found else None,
            authors=text.authors,
            source=text.source,
            date=text.date if text.date_source == "text" else None,
            date_source="text" if text.date_source == "text" else None,
            credits=text.credits,
            cut=text.cut,
        )
    return dataclasses.replace(
        reading,
        title=message.subject or reading.title,
        source=message.sender or reading.source,
        date=message.date or reading.date,
        date_source="e-mail header" if message.date else reading.date_source,
        warnings=message.warnings + reading.warnings,
    )


def _record(
    source_path: str, reading: Reading, user: dict, unused: tuple[str, ...], summary_max_chars: int
) -> Extraction:
    if not reading.body:
        raise UnusableFile("the file has no article text")
    paragraphs = list(reading.body)
    date, date_source = _choose_date(user, source_path, None)
    if date is None and reading.date:
        date, date_source = reading.date, reading.date_source
    title = user.get("title") or reading.title
    warnings = list(reading.warnings)
    if not title:
        title = _title_from_path(source_path)
        warnings.append("no headline found; the title is made from the file name")
    cut = reading.cut
    if unused:
        # Keys the project does not read are shown with what was removed, so nothing of the file is lost.
        cut = (CutBlock("front matter", "\n".join(unused)), *cut)
        warnings.append(f"front matter keys not used: {', '.join(k.split(':')[0] for k in unused)}")
    return Extraction(
        source_path=source_path,
        title=title,
        slug=readable_slug(user.get("slug") or title),
        body=tuple(paragraphs),
        date=date,
        date_source=date_source,
        authors=tuple(user.get("authors") or reading.authors),
        source=user.get("source") or reading.source,
        url=user.get("url") or reading.url,
        credits=reading.credits,
        summary=user.get("summary") or summarize(paragraphs, summary_max_chars),
        dateline=find_dateline(paragraphs[0])[0],
        dates_mentioned=tuple(mentioned_dates(paragraphs, date)),
        tags=tuple(user.get("tags", [])),
        status=user.get("status", "published"),
        related=tuple(user.get("related", [])),
        manual_entities=tuple(user.get("entities", [])),
        cut=tuple(cut),
        warnings=tuple(warnings),
        links=reading.links,
    )
