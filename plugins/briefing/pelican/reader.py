"""Pelican reader for raw article files (`.txt`): hands the bytes to the read stage's text rules and
returns their `Extraction` as the article's `briefing` (the language step makes it a full Briefing).

A file that cannot be used is not an exception here (Pelican would stop the whole build under
`--fatal errors`): whatever goes wrong while reading one file becomes that file's rejection, reported
with its path and reason, and the build fails at its very end (see `report.py`), after every good
article was written. Pelican's own readers (Markdown, reStructuredText, HTML) take no file of the
article folders: `guarded` turns such a file into a rejection too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from typing import ClassVar

from pelican.log import console
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Tag
from pelican.utils import SafeDatetime

from ..cache import ExtractionCache, cache_key
from ..read.extract import EXTRACTOR_VERSION, check_size, extract_article
from ..read.files import OutsideFolderLink, through_link
from ..read.saved import SAVED_LIMIT_SETTING, extract_saved, is_saved_file
from ..records import RawArticle, UnusableFile
from ..report import short_reason
from ..settings import BriefingSettings
from ..slugs import SLUG_MAX_CHARS, readable_slug
from ..userdata import shown_path
from ..write.render import paragraphs_html, text_html

logger = logging.getLogger(__name__)

REJECTION_KEY = "briefing_rejection"
IGNORED_KEY = "briefing_ignored"
READER_REPORT_SETTING = "BRIEFING_BUILD_REPORT"
UNDATED = SafeDatetime(1970, 1, 1)


class BriefingReader(BaseReader):
    enabled = True
    # pasted text; saved pages, single-file pages and e-mails (read/saved.py)
    file_extensions: ClassVar[list[str]] = ["txt", "html", "htm", "mhtml", "mht", "eml"]

    def __init__(self, settings):
        super().__init__(settings)
        self.options = BriefingSettings.from_pelican(settings)
        self.cache = ExtractionCache(self.options.cache_dir)
        self.version = f"{EXTRACTOR_VERSION}/{self.options.summary_max_chars}"

    def read(self, source_path):
        relative, unnamed = offered(source_path, self.settings, progress=True)
        if unnamed is not None:
            return unnamed
        try:
            skipped = skipped_link(source_path, relative, self.settings)
            if skipped is not None:
                return skipped
            extraction = self._extraction(source_path, relative)
            metadata = self._metadata(extraction)
        except UnusableFile as error:
            return rejection(relative, str(error))
        except Exception as error:  # one file never stops the build
            logger.debug("%s: could not be read", relative, exc_info=True)
            return rejection(relative, f"could not be read ({type(error).__name__}: {error})")
        for warning in extraction.warnings:
            logger.warning("%s: %s", relative, warning)
        return paragraphs_html(extraction.body), metadata

    def _extraction(self, source_path: str, relative: str):
        saved = is_saved_file(relative)
        limit = self.options.max_saved_file_bytes if saved else self.options.max_file_bytes
        try:
            check_size(os.path.getsize(source_path), limit, SAVED_LIMIT_SETTING if saved else "BRIEFING_MAX_FILE_BYTES")
            with open(source_path, "rb") as handle:
                data = handle.read()
            sidecar = _read_sidecar(source_path, self.settings["PATH"], self.options.max_file_bytes)
        except OSError as error:
            raise UnusableFile(f"cannot be read: {error.strerror}") from None
        key = cache_key(relative, data, sidecar, self.version)
        extraction = self.cache.get(key)
        if extraction is None:
            read = extract_saved if saved else extract_article
            extraction = read(
                RawArticle(relative, data, sidecar),
                max_bytes=limit,
                summary_max_chars=self.options.summary_max_chars,
            )
            self.cache.put(key, extraction)
        return extraction

    def _metadata(self, extraction) -> dict:
        metadata = {
            "title": extraction.title,
            "slug": extraction.slug,
            "date": _pelican_date(extraction.date),
            "summary": text_html(extraction.summary),
            "status": extraction.status,
            "briefing": extraction,
        }
        if extraction.authors:
            metadata["authors"] = [named(Author, name, self.settings) for name in extraction.authors]
        if extraction.tags:
            metadata["tags"] = [named(Tag, name, self.settings) for name in extraction.tags]
        return metadata


def named(wrapper, name: str, settings: dict):
    """A Pelican Tag or Author whose slug is never empty and never too long for a file name: Pelican's own
    slug when it has one of at most SLUG_MAX_CHARS characters, else a readable one (with a hash of the
    name when nothing readable is left: '!!!', an emoji)."""
    item = wrapper(name, settings)
    if not item.slug or len(item.slug.encode()) > SLUG_MAX_CHARS:
        fallback = wrapper.__name__.lower() + "-" + hashlib.sha256(name.encode()).hexdigest()[:10]
        item.slug = readable_slug(name, fallback)
    return item


def skipped_link(source_path: str, relative: str, settings: dict) -> tuple[str, dict] | None:
    """What a reader returns for a file it must skip because a link led to it: a link to a file of the
    article folders, which is read where it lies (the link is listed as ignored, once); a folder link
    out of the content folder is rejected, once. None: read it. Raises UnusableFile for a file that must
    not be read (outside the content folder, not a file)."""
    try:
        link = through_link(source_path, settings["PATH"])
    except OutsideFolderLink as error:
        return rejection(error.link, str(error))
    if link is None or not in_article_folders(link.real, settings):
        return None
    reason = f"a link to {link.real}, which is read where it lies"
    return "", {"title": relative, "status": "skip", IGNORED_KEY: (link.link, reason)}


def rejection(relative: str, reason: str) -> tuple[str, dict]:
    reason = short_reason(reason)
    logger.warning("%s: rejected: %s", relative, reason)
    return "", {"title": relative, "status": "skip", REJECTION_KEY: reason}


def offered(source_path: str, settings: dict, progress: bool = False) -> tuple[str, tuple[str, dict] | None]:
    """What every reader does first: count the file into this build's report (saying how far reading is,
    with `progress`), and reject a name that is not UTF-8. Returns its relative path, and the rejection
    or None."""
    relative = relative_path(source_path, settings)
    report = settings.get(READER_REPORT_SETTING)
    if report is not None and report.file_read(relative) and progress:
        console.print(f"reading articles: {report.files_read} files", highlight=False)
    if shown_path(relative) != relative:
        return relative, rejection(shown_path(relative), "the file name is not UTF-8: rename the file")
    return relative, None


def relative_path(source_path: str, settings: dict) -> str:
    return os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/")


def in_article_folders(relative: str, settings: dict) -> bool:
    folders = [p.strip("/") for p in settings.get("ARTICLE_PATHS", [""])]
    return any(not folder or relative == folder or relative.startswith(folder + "/") for folder in folders)


def guarded(reader_class):
    """Pelican's reader `reader_class`, refusing the files of the article folders (those are the
    project's: a .md or .html article would put its raw markup into the site) and any file reached
    through a link out of the content folder."""

    class GuardedReader(reader_class):
        def read(self, source_path):
            relative, unnamed = offered(source_path, self.settings)
            if unnamed is not None:
                return unnamed
            try:
                skipped = skipped_link(source_path, relative, self.settings)
            except UnusableFile as error:
                return rejection(relative, str(error))
            if skipped is not None:
                return skipped
            if in_article_folders(relative, self.settings):
                extension = os.path.splitext(source_path)[1]
                return rejection(relative, f"a {extension} file: articles are read from .txt files only")
            try:
                return super().read(source_path)
            except Exception as error:  # a page that cannot be read is that page's error, not the build's
                logger.debug("%s: could not be read", relative, exc_info=True)
                return rejection(relative, f"could not be read: {error}")

    GuardedReader.__name__ = reader_class.__name__
    return GuardedReader


def _read_sidecar(source_path: str, content_root: str, max_bytes: int) -> str | None:
    """The text of NAME.yaml next to the article, checked as an article file is (a regular file inside
    the content folder, under the size limit) before it is opened."""
    sidecar_path = os.path.splitext(source_path)[0] + ".yaml"
    if not os.path.lexists(sidecar_path):
        return None
    name = os.path.basename(sidecar_path)
    try:
        through_link(sidecar_path, content_root)
    except UnusableFile as error:
        raise UnusableFile(f"the sidecar {name}: {error}") from None
    check_size(os.path.getsize(sidecar_path), max_bytes)
    with open(sidecar_path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnusableFile(f"the sidecar {name} is not UTF-8 text") from None


def _pelican_date(value: str | None) -> SafeDatetime:
    if not value:
        return UNDATED
    parsed = dt.datetime.fromisoformat(value)
    return SafeDatetime(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, tzinfo=parsed.tzinfo)
