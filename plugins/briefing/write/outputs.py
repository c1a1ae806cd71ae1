"""Writing into an output folder that already holds the last build: a file whose bytes have not changed is
left as it is (`UnchangedFileSkipped`), and what the last build wrote and this one does not is removed
(`remove_stale`): the page of a deleted article, of an entity or tag that lost its page, of a thread
that came apart.

The list (MANIFEST_NAME, in the output folder, sorted) names only the files the site's writer wrote, so
nothing else in the folder (static files, the search index, a file the user put there) is ever removed.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re

logger = logging.getLogger(__name__)

MANIFEST_NAME = ".briefing-written.json"


# The indentation a template gives its lines: a browser shows "\n    " as it shows "\n" everywhere but
# in preformatted text, so an HTML page is written without it (about a twentieth of its bytes).
_INDENTATION = re.compile(r"\n[ \t]+")
_PREFORMATTED = re.compile(r"<(?:pre|textarea)\b|white-space\s*:\s*pre", re.IGNORECASE)


def without_indentation(html: str) -> str:
    """`html` with the spaces that open its lines removed; as it is when it has preformatted text."""
    if _PREFORMATTED.search(html):
        return html
    return _INDENTATION.sub("\n", html)


class UnchangedFileSkipped(io.StringIO):
    """A text file to write: kept in memory, and on close written to `path` only when its bytes differ from
    the file's (reading a page back costs a fraction of rewriting it); an HTML page (`html`) without its
    indentation."""

    def __init__(self, path: str, encoding: str = "utf-8", html: bool = False):
        super().__init__()
        self.path = path
        self.text_encoding = encoding
        self.html = html
        self.written = False

    def close(self) -> None:
        if not self.closed:
            text = self.getvalue()
            if self.html:
                text = without_indentation(text)
            self.written = write_if_changed(self.path, text.encode(self.text_encoding))
        super().close()


def write_if_changed(path: str, data: bytes) -> bool:
    """Write `data` to `path` unless the file already holds exactly these bytes; True when written."""
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return False
    except OSError:
        pass  # not there (or unreadable): written below, where a real error shows
    with open(path, "wb") as handle:
        handle.write(data)
    return True


def read_manifest(output: str) -> set[str]:
    """The paths (relative, "/" separators) the last build wrote; empty when there is no usable list."""
    try:
        with open(os.path.join(output, MANIFEST_NAME), encoding="utf-8") as handle:
            paths = json.load(handle)
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as error:
        logger.warning("%s: unreadable (%s); no old pages removed", os.path.join(output, MANIFEST_NAME), error)
        return set()
    return {p for p in paths if isinstance(p, str)} if isinstance(paths, list) else set()


def relative_paths(output: str, written: set[str]) -> set[str]:
    """The written files under `output`, relative to it."""
    root = os.path.realpath(output)
    found = set()
    for path in written:
        full = os.path.realpath(path)
        if full.startswith(root + os.sep):
            found.add(os.path.relpath(full, root).replace(os.sep, "/"))
    return found


def remove_stale(output: str, previous: set[str], current: set[str]) -> list[str]:
    """Remove what the last build wrote and this one did not (and folders that leaves empty); write this
    build's list. Returns the removed paths, sorted. A path outside `output` is never touched. Grows with
    the pages of the two builds."""
    root = os.path.realpath(output)
    removed = []
    for relative in sorted(previous - current):
        full = os.path.realpath(os.path.join(root, relative))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            continue
        os.remove(full)
        removed.append(relative)
        _remove_empty_folders(os.path.dirname(full), root)
    listing = json.dumps(sorted(current), ensure_ascii=False, indent=0)
    write_if_changed(os.path.join(root, MANIFEST_NAME), listing.encode("utf-8"))
    return removed


def _remove_empty_folders(folder: str, root: str) -> None:
    while folder.startswith(root + os.sep) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)
