"""Pelican reader for raw article files (`.txt`): hands the bytes to the read stage's text rules and
returns their `Extraction` as the article's `briefing` (the language step makes it a full Briefing).

A file that cannot be used is not an exception here (Pelican would stop the whole build under
`--fatal errors`): it is reported with its path and reason, skipped, and counted, and the build fails at
its very end (see `report.py`), after every good article was written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import ClassVar

from pelican.log import console
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Tag
from pelican.utils import SafeDatetime

from ..cache import ExtractionCache, cache_key
from ..read.extract import EXTRACTOR_VERSION, check_size, extract_article
from ..records import RawArticle, UnusableFile
from ..settings import BriefingSettings
from ..write.render import paragraphs_html, text_html

logger = logging.getLogger(__name__)

REJECTION_KEY = "briefing_rejection"
READER_REPORT_SETTING = "BRIEFING_BUILD_REPORT"
UNDATED = SafeDatetime(1970, 1, 1)


class BriefingReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["txt"]

    def __init__(self, settings):
        super().__init__(settings)
        self.options = BriefingSettings.from_pelican(settings)
        self.cache = ExtractionCache(self.options.cache_dir)
        self.version = f"{EXTRACTOR_VERSION}/{self.options.summary_max_chars}"

    def read(self, source_path):
        relative = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        report = self.settings.get(READER_REPORT_SETTING)
        if report is not None and report.file_read():
            console.print(f"reading articles: {report.files_read} files", highlight=False)
        try:
            extraction = self._extraction(source_path, relative)
        except UnusableFile as error:
            logger.warning("%s: rejected: %s", relative, error)
            return "", {"title": relative, "status": "skip", REJECTION_KEY: str(error)}
        for warning in extraction.warnings:
            logger.info("%s: %s", relative, warning)
        return paragraphs_html(extraction.body), self._metadata(extraction)

    def _extraction(self, source_path: str, relative: str):
        try:
            check_size(os.path.getsize(source_path), self.options.max_file_bytes)
            with open(source_path, "rb") as handle:
                data = handle.read()
            sidecar = _read_sidecar(source_path)
        except OSError as error:
            raise UnusableFile(f"cannot be read: {error.strerror}") from None
        key = cache_key(relative, data, sidecar, self.version)
        extraction = self.cache.get(key)
        if extraction is None:
            extraction = extract_article(
                RawArticle(relative, data, sidecar),
                max_bytes=self.options.max_file_bytes,
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
            metadata["authors"] = [Author(name, self.settings) for name in extraction.authors]
        if extraction.tags:
            metadata["tags"] = [Tag(name, self.settings) for name in extraction.tags]
        return metadata


def _read_sidecar(source_path: str) -> str | None:
    sidecar_path = os.path.splitext(source_path)[0] + ".yaml"
    if not os.path.exists(sidecar_path):
        return None
    with open(sidecar_path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnusableFile(f"the sidecar {os.path.basename(sidecar_path)} is not UTF-8 text") from None


def _pelican_date(value: str | None) -> SafeDatetime:
    if not value:
        return UNDATED
    parsed = dt.datetime.fromisoformat(value)
    return SafeDatetime(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, tzinfo=parsed.tzinfo)
