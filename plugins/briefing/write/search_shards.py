"""A search index in shards, so that one briefing added or changed makes one shard's index again and not
the whole archive's.

Pagefind cannot add to an index: it writes a whole index at once from every page it is given, at some 500
briefing pages a second on one core, and an archive of 20,000 briefings took minutes to index again for
each story added. So the documents of an index (briefing pages, or the quote index's records) are split
by a hash of their name into a number of shards that grows with the archive, each shard is a Pagefind
bundle of its own, and a shard is indexed again only when the digest of its documents changed. The
search pages load the first bundle and merge the others into it (Pagefind's `mergeIndex`), listed in
`bundles.json` beside the first bundle.

Layout of an index at ROOT (OUTPUTDIR/pagefind/ for the briefings, OUTPUTDIR/pagefind/quotes/ for the
quotes): shard 0 is ROOT itself, as it was before shards, shard k > 0 is ROOT/shards/k/;
ROOT/bundles.json lists the others, from ROOT: {"merge": ["shards/1/", ...]}.

How a document's name maps to a shard never changes for a given number of shards; the number is a power
of two, so that an archive crossing a size makes every shard again once, not at every story added.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import shutil
from collections.abc import Callable, Iterable

from .outputs import write_if_changed
from .search_stamp import is_current, record

# Documents per shard the archive's size aims at. Calibration: Pagefind indexed 5,000 generated briefing
# pages in 10.6 s on one core (`make bench`'s 5,000-article site), so a shard of 1,000 pages is made again
# in about 2 s.
SHARD_DOCUMENTS = 1000
# At most this many bundles for a search page to merge: each costs the reader's browser Pagefind's
# WebAssembly and entry files again (some 75 KB) on the first search.
MAX_SHARDS = 16
SHARDS_FOLDER = "shards"
BUNDLES_FILE = "bundles.json"


def shard_count(documents: int, per_shard: int = SHARD_DOCUMENTS) -> int:
    """The number of shards for an index of `documents`: the power of two that keeps each near
    `per_shard`, at most MAX_SHARDS; 1 for a small archive."""
    needed = max(1, math.ceil(documents / per_shard))
    return min(MAX_SHARDS, 1 << (needed - 1).bit_length())


def shard_of(name: str, count: int) -> int:
    """The shard of the document named `name` among `count`: a hash, the same on every machine."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") % count


def bundle_folder(root: str, shard: int) -> str:
    return root if shard == 0 else os.path.join(root, SHARDS_FOLDER, str(shard))


def shard_digest(documents: dict[str, str], count: int, extra: str) -> str:
    """What a shard's index is made from: its documents' names and digests, the number of shards and
    `extra` (the indexer's version and options)."""
    digest = hashlib.sha256(f"{extra}\nshards {count}\n".encode())
    for name in sorted(documents):
        digest.update(f"{name}\0{documents[name]}\n".encode())
    return digest.hexdigest()


def clear_bundle(folder: str, keep: Iterable[str] = ()) -> None:
    """Remove what `folder` holds but the names in `keep`: Pagefind names its files by their content, and
    files of an older index would stay."""
    kept = {SHARDS_FOLDER, *keep}
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name in kept:
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)


def index_in_shards(
    documents: dict[str, str],
    root: str,
    extra: str,
    make_bundle: Callable[[list[str], str], None],
    again: bool = False,
    keep: Iterable[str] = (),
    per_shard: int = SHARD_DOCUMENTS,
) -> tuple[int, int]:
    """Make the index of `documents` (name -> digest of what is indexed of it) in shards under `root`:
    `make_bundle(names, folder)` indexes the named documents into the empty `folder`. Only the shards
    whose documents changed are made (all with `again`); shards beyond the number needed are removed;
    `keep` are names inside `root` that belong to something else; `per_shard` the size shards aim at.
    Returns (shards made, shards)."""
    count = shard_count(len(documents), per_shard)
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for name, digest in documents.items():
        shards[shard_of(name, count)][name] = digest
    made = 0
    for shard, members in enumerate(shards):
        folder = bundle_folder(root, shard)
        digest = shard_digest(members, count, extra)
        if not again and is_current(folder, digest):
            continue
        clear_bundle(folder, keep if shard == 0 else ())
        os.makedirs(folder, exist_ok=True)
        if members or shard == 0:  # the first bundle always: the search pages load Pagefind from it
            make_bundle(sorted(members), folder)
        record(folder, digest)
        made += 1
    _remove_shards_from(root, count)
    merged = [f"{SHARDS_FOLDER}/{shard}/" for shard in range(1, count) if shards[shard]]
    write_if_changed(os.path.join(root, BUNDLES_FILE), json.dumps({"merge": merged}).encode("utf-8"))
    return made, count


def _remove_shards_from(root: str, count: int) -> None:
    """Remove the bundles of shards numbered `count` and up, left by an index of more shards."""
    folder = os.path.join(root, SHARDS_FOLDER)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.isdigit() and 0 < int(name) < count):
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
    if count == 1:
        shutil.rmtree(folder, ignore_errors=True)
