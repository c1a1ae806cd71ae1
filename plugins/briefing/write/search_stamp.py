"""Whether a search index is still the index of what it was made from: a digest of its inputs, kept in
the index's folder, so that a rebuild in which no page changed does not run Pagefind again.

The briefings' index is made from the briefing pages of the output (the Makefile's PAGEFIND_GLOB; Pagefind
indexes those marked `data-pagefind-body`) by `make html`'s Pagefind command, and its digest covers
every HTML page of the output, which is never less than the index reads; the quote index is made from
`quotes/quotes.json`. Both digests also hold Pagefind's version. Pagefind rewrites a whole index at
once, so when anything changed the index is made again from scratch:

    python -m briefing.write.search_stamp OUTPUTDIR [--again] -- PAGEFIND COMMAND...

runs the command (after removing the briefings' index from OUTPUTDIR/pagefind/, but not the quote
index's folder in it, which has a digest of its own) unless the index there was made by the same command
from the same pages, or always with --again, and keeps the digest. Reading the pages grows with
the output's bytes (some 0.1 s for 70 MB); indexing them costs seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
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


def site_pages(output: str) -> list[str]:
    """Every .html file of the output but those of the search index, sorted."""
    pages = []
    for folder, folders, files in os.walk(output):
        if folder == output and INDEX_FOLDER in folders:
            folders.remove(INDEX_FOLDER)
        pages.extend(os.path.join(folder, name) for name in files if name.endswith(".html"))
    return sorted(pages)


def briefings_index_digest(output: str, options: str) -> str:
    return file_digest(site_pages(output), output, f"pagefind {pagefind_version()}\noptions {options}\n")


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


def remove_briefings_index(folder: str) -> None:
    """Remove the briefings' index from `folder`, all but the quote index's bundle: Pagefind names its
    files by content, and old ones would stay."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name == QUOTE_BUNDLE:  # by its name alone: the quote index may be being made again meanwhile
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)


def main(argv: list[str]) -> int:
    again = "--again" in argv[: argv.index("--")] if "--" in argv else False
    if "--" not in argv or not argv[0] or argv[0].startswith("-") or argv.index("--") + 1 == len(argv):
        print("usage: python -m briefing.write.search_stamp OUTPUTDIR [--again] -- COMMAND...", file=sys.stderr)
        return 2
    output, command = argv[0], argv[argv.index("--") + 1 :]
    digest = briefings_index_digest(output, " ".join(command))
    folder = os.path.join(output, INDEX_FOLDER)
    if not again and is_current(folder, digest):
        print("search index: no page changed, index kept")
        return 0
    remove_briefings_index(folder)
    status = subprocess.run(command, check=False).returncode
    if status == 0:
        record(folder, digest)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
