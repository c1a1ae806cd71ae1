"""The record of the pages the last build wrote: each page's fingerprint (write/page_fingerprints.py)
with the size and time its file had when the build ended. A page whose fingerprint is the recorded one,
and whose file is still as the build left it, need not be rendered nor written: its file holds what
rendering it would write."""

from __future__ import annotations

import json
import logging
import os

logger = logging.getLogger(__name__)


class KeptPages:
    """The record of one output folder (`record`: where it is kept), read at the start of a build; this
    build's fingerprints added as its pages are written, and saved at its end."""

    def __init__(self, record: str, output: str):
        self.record = record
        self.output = output
        self._previous = _load(record)
        self._now: dict[str, str] = {}  # relative path -> fingerprint, this build's

    def can_keep(self, path: str, fingerprint: str | None) -> bool:
        """Whether page `path` (relative to the output folder) can be kept as its file is: its fingerprint
        (this build's, recorded either way) is the recorded one and the file has the recorded size and
        time."""
        if fingerprint is None:
            self._now.pop(path, None)
            return False
        self._now[path] = fingerprint
        entry = self._previous.get(path)
        if not entry or entry[0] != fingerprint:
            return False
        try:
            status = os.stat(os.path.join(self.output, path))
        except OSError:
            return False
        return [status.st_size, status.st_mtime_ns] == entry[1:]

    def save(self) -> None:
        """The record of this build's pages, each with the size and time its file has now."""
        entries = {}
        for path, fingerprint in sorted(self._now.items()):
            try:
                status = os.stat(os.path.join(self.output, path))
            except OSError:
                continue
            entries[path] = [fingerprint, status.st_size, status.st_mtime_ns]
        os.makedirs(os.path.dirname(self.record), exist_ok=True)
        temporary = self.record + ".new"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(entries, handle, separators=(",", ":"))
        os.replace(temporary, self.record)


def _load(record: str) -> dict[str, list]:
    try:
        with open(record, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.info("%s: unreadable (%s); every page is rendered", record, error)
        return {}
    return data if isinstance(data, dict) else {}
