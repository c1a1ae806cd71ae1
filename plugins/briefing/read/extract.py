"""The text rules of the read stage: one raw article file in, one `Extraction` out. Looks at no other
article; the language step (language.py) adds entities and quotes to make it a Briefing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from importlib.metadata import version
from pathlib import Path

from ..cache import code_fingerprint
from ..records import CutBlock, Extraction, RawArticle, UnusableFile
from ..settings import MAX_FILE_BYTES, SUMMARY_MAX_CHARS
from ..slugs import readable_slug
from .boilerplate import inside_kind, outside_kind, pull_quote_positions, table_positions
from .byline import choose_byline
from .dates import find_dates, resolve_yearless
from .decode import decode_text, size_reason
from .frontmatter import parse_metadata_yaml, split_front_matter
from .metadata import HEADER_WINDOW, dateline_line, find_date, find_dateline, summarize
from .page_model import PageRegions, read_regions
from .segment import Line, has_blank_line_paragraphs, join_fragments, segment_lines

# The code behind a cached extraction: any change to it reads every file again on the next build.
READ_STAGE_MODULES = (
    "records.py",
    "slugs.py",
    "read/boilerplate.py",
    "read/byline.py",
    "read/dates.py",
    "read/decode.py",
    "read/extract.py",
    "read/frontmatter.py",
    "read/metadata.py",
    "read/page_model.py",
    "read/page_grammar.py",
    "read/story_topic.py",
    "read/comments.py",
    "read/segment.py",
    "read/saved.py",
    "read/html_page.py",
    "read/html_body.py",
    "read/structured.py",
    "read/page_text.py",
    "read/mime.py",
    "userdata.py",
)
# The format number is bumped by hand when the cached record's shape changes; the fingerprint follows
# the code, so cached results never outlive the extractor that made them.
EXTRACTOR_VERSION = (
    f"2-{code_fingerprint(Path(__file__).parent.parent, READ_STAGE_MODULES)}-trafilatura-{version('trafilatura')}"
)
# Days an article speaks of that archive.json lists: a long story's background dates are not its news.
MAX_MENTIONED_DATES = 30

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_]")


def check_size(size: int, max_bytes: int = MAX_FILE_BYTES, setting: str = "BRIEFING_MAX_FILE_BYTES") -> None:
    """Reject a file over the size limit (the setting `setting`); callers may check before reading it."""
    if size > max_bytes:
        raise UnusableFile(size_reason(size, max_bytes, setting))


def extract_article(
    raw: RawArticle, max_bytes: int = MAX_FILE_BYTES, summary_max_chars: int = SUMMARY_MAX_CHARS
) -> Extraction:
    """Read one article file. Raises UnusableFile with the reason when it cannot become a briefing."""
    check_size(len(raw.data), max_bytes)
    text, decoding_warning = decode_text(raw.data)
    front_yaml, page_text = split_front_matter(text)
    user: dict = {}
    unused: list[str] = []
    for text_of, origin in ((raw.sidecar, "the sidecar YAML file"), (front_yaml, "the front matter")):
        if text_of is not None:
            metadata = parse_metadata_yaml(text_of, origin)
            user.update(metadata.values)
            unused.extend(metadata.unused)
    lines = segment_lines(page_text)
    if not lines:
        raise UnusableFile("the file has no article text" + (" after its front matter" if front_yaml else ""))
    extraction = _extraction(raw.source_path, lines, user, summary_max_chars)
    if decoding_warning:
        extraction = dataclasses.replace(extraction, warnings=(decoding_warning, *extraction.warnings))
    if not unused:
        return extraction
    # Keys the project does not read are shown with what was removed, so nothing of the file is lost.
    return dataclasses.replace(
        extraction,
        cut=(CutBlock("front matter", "\n".join(unused)), *extraction.cut),
        warnings=(*extraction.warnings, f"front matter keys not used: {', '.join(k.split(':')[0] for k in unused)}"),
    )


def _extraction(source_path: str, lines: list[Line], user: dict, summary_max_chars: int) -> Extraction:
    # 1-2. one model of the page: the region of every line (headline, standfirst, body, comments ...),
    # then the kind of each leftover inside and after the body (captions, bios, credits, pull quotes ...)
    regions = read_regions(lines)
    start, end, headline_at = regions.body_start, regions.body_end, regions.headline
    kinds = _line_kinds(lines, regions)
    # 3. the byline next to the headline, credit lines and author bios
    anchor = headline_at if headline_at is not None else start
    after_title = range(anchor + 1, min(len(lines), max(start, anchor + 1) + 3))
    byline = choose_byline(lines, kinds, after_title, range(max(0, start - HEADER_WINDOW), anchor))
    for position in byline.positions:
        if kinds[position] in ("body", "header"):
            kinds[position] = "byline"
    # 4. the publication date near the headline
    date = find_date(lines, min(anchor, max(0, start - HEADER_WINDOW)), after_title.stop, anchor, body_start=start)
    # 5. results tables next to the story, and a dateline on a line of its own
    for position in table_positions(lines, kinds, start, end):
        kinds[position] = "table"
    line_dateline = _dateline_line(lines, kinds, range(max(0, start - 3), after_title.stop))
    # 6. the body paragraphs (a page that is all headline keeps its first line as the headline)
    blank_separated = has_blank_line_paragraphs(lines)
    paragraphs = join_fragments([lines[p].text for p in range(len(lines)) if kinds[p] == "body"], blank_separated)
    if not paragraphs and headline_at is None and lines:
        kinds[0] = "headline"
        headline_at = 0
    # 7. the record: what the user set wins over what was read
    title = user.get("title") or (lines[headline_at].text if headline_at is not None else _title_from_path(source_path))
    date_value, date_source = _choose_date(user, source_path, date)
    first_dateline = find_dateline(paragraphs[0])[0] if paragraphs else None
    no_headline = headline_at is None and not user.get("title")
    standfirst = " ".join(lines[p].text for p in regions.standfirst if kinds[p] == "standfirst") or None
    return Extraction(
        source_path=source_path,
        title=title,
        slug=readable_slug(user.get("slug") or title or _title_from_path(source_path)),
        body=tuple(paragraphs),
        date=date_value,
        date_source=date_source,
        authors=tuple(user.get("authors") or byline.authors),
        source=user.get("source") or byline.source,
        url=user.get("url"),
        credits=byline.credits,
        standfirst=standfirst,
        summary=user.get("summary") or summarize([standfirst] if standfirst else paragraphs, summary_max_chars),
        dateline=first_dateline or line_dateline,
        dates_mentioned=tuple(mentioned_dates(paragraphs, date_value)),
        tags=tuple(user.get("tags", [])),
        status=user.get("status", "published"),
        related=tuple(user.get("related", [])),
        manual_entities=tuple(user.get("entities", [])),
        cut=tuple(_cut_blocks(lines, kinds)),
        warnings=("no headline found; the title is made from the file name",) if no_headline else (),
    )


# What a line of each region of the page model is, where the region alone says it.
_REGION_KINDS = {
    "top": "header",
    "meta": "header",
    "headline": "headline",
    "standfirst": "standfirst",
    "comments": "comment",
    "replies": "comment",
    "bottom": "navigation",
}


def _line_kinds(lines: list[Line], regions: PageRegions) -> list[str]:
    """Each line's kind: its region's, or for the body and what follows it the kind of the line itself;
    lines of the body that repeat it are pull quotes."""
    start, end = regions.body_start, regions.body_end
    kinds = []
    for position, region in enumerate(regions.regions):
        if region == "body":
            kinds.append(inside_kind(lines, position, start, end))
        elif region == "tail":
            kinds.append(outside_kind(lines[position]))
        else:
            kinds.append(_REGION_KINDS[region])
    in_body = [p for p in range(start, end) if kinds[p] == "body"]
    for offset in pull_quote_positions([lines[p].text for p in in_body]):
        kinds[in_body[offset]] = "pull quote"
    return kinds


def _dateline_line(lines: list[Line], kinds: list[str], near_top: range) -> str | None:
    """The place of the first line near the top that is only a dateline; that line becomes 'dateline'."""
    for position in near_top:
        if kinds[position] in ("header", "body", "table") and (place := dateline_line(lines[position].text)):
            kinds[position] = "dateline"
            return place
    return None


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
            day = "-".join(match.groups())
            raise UnusableFile(f"the date in the file name, {day}, does not exist: correct it or remove it") from None
    if text_date:
        return text_date, "text"
    return None, None


def _cut_blocks(lines, kinds: list[str]) -> list[CutBlock]:
    blocks: list[CutBlock] = []
    current_kind, current_lines = None, []
    for line, kind in zip(lines, kinds, strict=True):
        if kind in ("body", "standfirst"):
            kind = None  # shown on the page as the story and its standfirst
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
