"""Whether a search index is still the index of what it was made from: a digest of its inputs, kept in
the index's folder, so that a rebuild in which nothing it reads changed does not run Pagefind again. The
briefings' index (write/briefing_search.py) keeps one per shard (write/search_shards.py), the quote index
(write/quote_search.py) too; both digests hold Pagefind's version.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata

STAMP_NAME = ".briefing-indexed-from"
INDEX_FOLDER = "pagefind"
# The quote index's bundle, a folder inside the briefings' (write/quote_search.py): made from quotes.json
# alone, so a briefings' index made again leaves it be, and `make html` makes both at once.
QUOTE_BUNDLE = "quotes"
_CHUNK = 1 << 20


def pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "unknown"


def file_digest(paths: list[str], root: str, extra: str = "") -> str:
    """sha256 of `extra` and, in the order given, each file's path under `root` and its bytes."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in paths:
        digest.update(b"\0" + os.path.relpath(path, root).replace(os.sep, "/").encode("utf-8") + b"\0")
        update_with_file(digest, path)
    return digest.hexdigest()


def update_with_file(digest, path: str) -> None:
    """Feed the bytes of the file at `path` to `digest` a chunk at a time: a large file never sits in
    memory whole."""
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)


def is_current(index_folder: str, digest: str) -> bool:
    """True when `index_folder` was made from inputs with this digest."""
    try:
        with open(os.path.join(index_folder, STAMP_NAME), encoding="utf-8") as handle:
            return handle.read().strip() == digest
    except OSError:
        return False


def record(index_folder: str, digest: str) -> None:
    with open(os.path.join(index_folder, STAMP_NAME), "w", encoding="utf-8") as handle:
        handle.write(digest + "\n")
