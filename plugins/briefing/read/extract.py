"""The read stage: one raw article file in, one `Briefing` out. Looks at no other article."""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from . import byline as bylines
from .boilerplate import label_page, pull_quote_positions, table_positions
from .dates import find_dates, resolve_yearless
from .decode import decode_bytes
from .frontmatter import parse_metadata_yaml, split_front_matter
from .metadata import (
    HEADER_WINDOW,
    SUMMARY_MAX_CHARS,
    choose_headline,
    dateline_line,
    find_byline,
    find_date,
    find_dateline,
    summarize,
)
from .records import Briefing, CutBlock, UnusableFile
from .segment import has_blank_line_paragraphs, join_fragments, segment_lines
from .slugs import readable_slug

READ_STAGE_MODULES = (
    "boilerplate.py",
    "byline.py",
    "dates.py",
    "decode.py",
    "extract.py",
    "frontmatter.py",
    "metadata.py",
    "records.py",
    "segment.py",
)


def _read_stage_fingerprint() -> str:
    """Hash of the read stage's own code: any change to it re-extracts every file on the next build."""
    digest = hashlib.sha256()
    for name in READ_STAGE_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


# The format number is bumped by hand when the cached record's shape changes; the fingerprint follows
# the code, so cached results never outlive the extractor that made them.
EXTRACTOR_VERSION = f"1-{_read_stage_fingerprint()}"
MAX_FILE_BYTES = 2_000_000
MAX_MENTIONED_DATES = 30

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_]")


@dataclass(frozen=True)
class RawArticle:
    """What the reader hands to the core: the file's bytes and where it lives."""

    source_path: str  # relative to the content folder, "/" separators
    data: bytes
    sidecar: str | None = None  # text of NAME.yaml next to the file, if any


def check_size(size: int, max_bytes: int = MAX_FILE_BYTES) -> None:
    """Reject a file over the size limit; callers may check before reading it."""
    if size > max_bytes:
        raise UnusableFile(
            f"the file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB "
            "for one article (BRIEFING_MAX_FILE_BYTES)"
        )


def extract_briefing(
    raw: RawArticle, max_bytes: int = MAX_FILE_BYTES, summary_max_chars: int = SUMMARY_MAX_CHARS
) -> Briefing:
    """Read one article. Raises UnusableFile with the reason when the file cannot become a briefing."""
    check_size(len(raw.data), max_bytes)
    text = decode_bytes(raw.data)
    front_yaml, page_text = split_front_matter(text)
    user = {}
    if raw.sidecar is not None:
        user.update(parse_metadata_yaml(raw.sidecar, "the sidecar YAML file"))
    if front_yaml is not None:
        user.update(parse_metadata_yaml(front_yaml, "the front matter"))
    lines = segment_lines(page_text)
    if not lines:
        raise UnusableFile("the file has no article text" + (" after its front matter" if front_yaml else ""))
    return _build(raw.source_path, lines, user, summary_max_chars)


def _build(source_path: str, lines, user: dict, summary_max_chars: int) -> Briefing:
    start, end, labels = label_page(lines)
    kinds = [label.kind for label in labels]

    in_body = [p for p in range(start, end) if kinds[p] == "body"]
    for offset in pull_quote_positions([lines[p].text for p in in_body]):
        kinds[in_body[offset]] = "pull quote"

    body_text = " ".join(lines[p].text for p in range(start, end) if kinds[p] == "body")
    headline_at = choose_headline(lines, start, body_text)
    if headline_at is not None:
        kinds[headline_at] = "headline"

    anchor = headline_at if headline_at is not None else start
    after_title = (anchor + 1, min(len(lines), max(start, anchor + 1) + 3))
    before_title = (max(0, start - HEADER_WINDOW), anchor)
    authors, source, byline_at = find_byline(lines, *after_title)
    if not authors and source is None:
        authors, source, byline_at = find_byline(lines, *before_title)
    for position in byline_at:
        if kinds[position] == "body":
            kinds[position] = "byline"
    date = find_date(
        lines, max(0, start - HEADER_WINDOW), min(len(lines), max(start, anchor + 1) + 3), anchor, body_start=start
    )

    credits: list[str] = []
    for position, kind in enumerate(kinds):
        text = lines[position].text
        if kind == "credit":
            who = bylines.parse_credit(text)
            if who and who not in credits:
                credits.append(who)
        elif kind == "bio":
            bio = bylines.parse_bio(text)
            if bio:
                if not authors:
                    authors = [bio[0]]
                if bio[1] and source is None and bio[0] in authors:
                    source = bio[1]

    for position in table_positions(lines, kinds, start, end):
        kinds[position] = "table"
    line_dateline = None
    near_top = range(max(0, start - 3), min(len(lines), max(start, anchor + 1) + 3))
    for position in near_top:
        if kinds[position] in ("header", "body", "table") and (place := dateline_line(lines[position].text)):
            kinds[position], line_dateline = "dateline", place
            break

    blank_separated = has_blank_line_paragraphs(lines)
    paragraphs = join_fragments([lines[p].text for p in range(len(lines)) if kinds[p] == "body"], blank_separated)
    if not paragraphs and headline_at is None and lines:
        kinds[0] = "headline"
        headline_at = 0

    dateline, _agency = find_dateline(paragraphs[0]) if paragraphs else (None, None)
    dateline = dateline or line_dateline
    title = user.get("title") or (lines[headline_at].text if headline_at is not None else _title_from_path(source_path))
    date_value, date_source = _choose_date(user, source_path, date)

    briefing = Briefing(
        source_path=source_path,
        title=title,
        slug=readable_slug(user.get("slug") or title or _title_from_path(source_path)),
        body=paragraphs,
        date=date_value,
        date_source=date_source,
        authors=user.get("authors") or authors,
        source=user.get("source") or source,
        url=user.get("url"),
        credits=credits,
        summary=user.get("summary") or summarize(paragraphs, summary_max_chars),
        dateline=dateline,
        dates_mentioned=mentioned_dates(paragraphs, date_value),
        tags=user.get("tags", []),
        status=user.get("status", "published"),
        related=user.get("related", []),
        manual_entities=user.get("entities", []),
        cut=_cut_blocks(lines, kinds),
    )
    if headline_at is None and not user.get("title"):
        briefing.warnings.append("no headline found; the title is made from the file name")
    return briefing


def mentioned_dates(paragraphs: list[str], known: str | None) -> list[str]:
    """Days the article speaks of: full dates, and dates without a year ('on September 28') read
    against the article's own date when it is known."""
    found: set[str] = set()
    known_day = dt.date.fromisoformat(known[:10]) if known else None
    for paragraph in paragraphs:
        found.update(d.value[:10] for d in find_dates(paragraph))
        if known_day:
            found.update(d.value for d in resolve_yearless(paragraph, known_day))
    return sorted(found)[:MAX_MENTIONED_DATES]


def _choose_date(user: dict, source_path: str, text_date: str | None) -> tuple[str | None, str | None]:
    if user.get("date"):
        return user["date"], "front matter"
    match = _FILENAME_DATE.match(posixpath.basename(source_path))
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat(), "file name"
        except ValueError:
            pass
    if text_date:
        return text_date, "text"
    return None, None


def _cut_blocks(lines, kinds: list[str]) -> list[CutBlock]:
    blocks: list[CutBlock] = []
    current_kind, current_lines = None, []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "body":
            kind = None
        if kind != current_kind and current_lines:
            blocks.append(CutBlock(current_kind, "\n".join(current_lines)))
            current_lines = []
        current_kind = kind
        if kind is not None:
            current_lines.append(line.text)
    if current_lines:
        blocks.append(CutBlock(current_kind, "\n".join(current_lines)))
    return blocks


def _title_from_path(source_path: str) -> str:
    stem = posixpath.splitext(posixpath.basename(source_path))[0]
    stem = _FILENAME_DATE.sub("", stem + "-") if _FILENAME_DATE.match(stem + "-") else stem
    return re.sub(r"[-_]+", " ", stem).strip().capitalize() or "Untitled"
