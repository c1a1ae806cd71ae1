"""On-disk caches of the stages' results, keyed by what a result depends on. The read stage's key is the
file's bytes, its sidecar, its path (the date and slug can come from the file name) and the extractor
version; the language step's and the stories' keys are made where they are used, with `code_fingerprint`.

Pelican's own content cache keys on modification times, which a fresh clone resets, and never notices a
change in the plugin's code; this one does both right.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .records import Extraction

logger = logging.getLogger(__name__)


def cache_key(source_path: str, data: bytes, sidecar: str | None, version: str) -> str:
    digest = hashlib.sha256()
    for part in (version.encode(), source_path.encode(), data, (sidecar or "").encode()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def code_fingerprint(base: Path, names: Iterable[str]) -> str:
    """Hash of the named modules (files, or folders of modules) under `base`: the code behind a cached
    result, so that a change to it computes the result again."""
    digest = hashlib.sha256()
    for name in names:
        path = base / name
        for module in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(module.relative_to(base).as_posix().encode())
            digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


class JsonCache:
    """Records stored as JSON files, one per key; a missing or broken entry is a miss.

    `load` and `dump` turn a record into JSON-ready data and back (e.g. Briefing.from_dict / to_dict)."""

    def __init__(self, directory: str, load, dump):
        self.directory = directory
        self.load = load
        self.dump = dump

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".json")

    def get(self, key: str):
        try:
            with open(self._path(key), encoding="utf-8") as handle:
                return self.load(json.load(handle))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError) as error:
            logger.debug("ignoring unreadable cache entry %s: %s", key, error)
            return None

    def put(self, key: str, record) -> None:
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.dump(record), out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError as error:
            logger.warning("could not write the cache in %s: %s", self.directory, error)


class ExtractionCache(JsonCache):
    """The text rules' extractions, one file per article."""

    def __init__(self, directory: str):
        super().__init__(directory, Extraction.from_dict, Extraction.to_dict)
