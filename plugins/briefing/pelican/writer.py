"""The site's writer (Pelican's `get_writer` signal): Pelican's own, except that
- only the main feeds carry each briefing's full text; every other feed (tags, people, organizations,
  places, threads) carries its summary and a link, so an archive's feeds hold one copy of each text;
- a page is written without its template's indentation (write/outputs.py);
- a page or feed whose bytes are those already on disk is not written again (a rebuild rewrites only
  what changed, and an unchanged page keeps its modification time, so a deployment copies only the new);
- a page whose fingerprint (pelican/page_inputs.py: the values its template reads) and file are as the
  last build left them is not rendered again (write/kept_pages.py);
- when the site is unchanged since the last complete build (pelican/kept_site.py) it writes nothing;
- at the end of the build it removes the pages the previous build wrote and this one did not
  (write/outputs.py): a deleted article's page, a tag that lost its page.
"""

from __future__ import annotations

import io
import logging
import os

from feedgenerator import Rss201rev2Feed
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ..settings import BriefingSettings
from ..write.kept_pages import KeptPages
from ..write.outputs import UnchangedFileSkipped, read_manifest, relative_paths, remove_stale
from ..write.site_inputs import record_path
from .kept_site import PAGES_FOLDER, SITE_CACHE_FOLDER, is_kept
from .page_inputs import PageInputs

logger = logging.getLogger(__name__)

# Where the build's writer sits in Pelican's settings, for the `finalized` handler (as the build report
# does for the reader): Pelican hands the writer to none of its signals.
WRITER_SETTING = "BRIEFING_SITE_WRITER"

# Pelican's settings naming the archive-wide feeds: these keep the full text (BRIEFING_MAIN_FEED_FULL_TEXT).
MAIN_FEED_SETTINGS = ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS")


class SummaryOnly:
    """A feed item that shows Pelican's writer its summary where the writer asks for the content: in an
    Atom feed no content at all (the summary stays), in RSS the summary as the description."""

    def __init__(self, item, rss: bool):
        self._item = item
        self._rss = rss

    def __getattr__(self, name):
        return getattr(self._item, name)

    def get_content(self, siteurl):
        return self._item.summary if self._rss else None


class KeptOrRendered:
    """The template Pelican's writer renders a page with: the writer decides whether to render it."""

    def __init__(self, template, writer: BriefingWriter):
        self._template = template
        self._writer = writer

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, localcontext: dict) -> str:
        return self._writer.page_text(self._template, localcontext)


class BriefingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        full_text = BriefingSettings.from_pelican(settings).main_feed_full_text
        self.full_text_feeds = (
            {settings[name] for name in MAIN_FEED_SETTINGS if settings.get(name)} if full_text else set()
        )
        self._summary_only = False
        self._kept_pages: KeptPages | None = None
        self._page_inputs: PageInputs | None = None
        self.pages_kept = self.pages_rendered = 0
        self._kept_files: set[str] = set()
        settings[WRITER_SETTING] = self

    def write_file(self, name, template, context, *args, **kwargs):
        if is_kept(self.settings):  # the site is unchanged: every page stays as it is (pelican/kept_site.py)
            return None
        if self._kept_pages is None:
            options = BriefingSettings.from_pelican(self.settings)
            folder = os.path.join(options.cache_dir, SITE_CACHE_FOLDER, PAGES_FOLDER)
            self._kept_pages = KeptPages(record_path(folder, self.output_path), self.output_path)
            self._page_inputs = PageInputs(self.settings, folder)
        return super().write_file(name, KeptOrRendered(template, self), context, *args, **kwargs)

    def page_text(self, template, localcontext: dict) -> str:
        """What `template` renders for this page; nothing when its fingerprint is that of the last build
        and its file is as that build left it (the file is then kept, not written)."""
        path = localcontext.get("output_file")
        if isinstance(path, str):
            fingerprint = self._page_inputs.fingerprint(template, localcontext)
            if self._kept_pages.can_keep(path, fingerprint):
                self.pages_kept += 1
                self._kept_files.add(sanitised_join(self.output_path, path))  # _open_w leaves it as it is
                return ""
        self.pages_rendered += 1
        return template.render(localcontext)

    def remove_stale_pages(self) -> list[str]:
        """After every page is written: remove what the previous build wrote and this one did not."""
        if is_kept(self.settings):
            return []
        written = relative_paths(self.output_path, self._written_files - {os.devnull})
        removed = remove_stale(self.output_path, read_manifest(self.output_path), written)
        if self._kept_pages is not None:
            self._kept_pages.save()
            self._page_inputs.save_names()
        for path in removed:
            logger.info("removed %s: no longer part of the site", path)
        return removed

    def _open_w(self, filename, encoding, override=False):
        """Pelican's bookkeeping of what was written (one write per file unless overridden), then a file
        object that writes to disk on close only if its text differs from what is there."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                "(set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        if filename in self._kept_files:
            return io.StringIO()  # a page kept as the last build left it: nothing to write
        return UnchangedFileSkipped(filename, encoding, html=filename.endswith((".html", ".htm")))

    def write_feed(
        self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None
    ):
        if is_kept(self.settings):
            return None
        self._summary_only = path not in self.full_text_feeds
        try:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        finally:
            self._summary_only = False

    def _add_item_to_the_feed(self, feed, item):
        if self._summary_only:
            item = SummaryOnly(item, rss=isinstance(feed, Rss201rev2Feed))
        super()._add_item_to_the_feed(feed, item)


def supply_writer(pelican) -> type[Writer]:
    """`get_writer`: the class Pelican builds the site's writer from."""
    return BriefingWriter
