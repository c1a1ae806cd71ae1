"""The briefings' search index: the briefing pages of the output, indexed by Pagefind in shards
(write/search_shards.py), each shard made again only when what Pagefind reads of one of its pages changed.

    python -m briefing.write.briefing_search OUTPUTDIR [--again] [--glob GLOB] -- PAGEFIND [OPTIONS...]

indexes the pages GLOB matches (from OUTPUTDIR; the Makefile's PAGEFIND_GLOB, the folder the settings
write briefings to) into OUTPUTDIR/pagefind/: for each shard to make, the command runs with
`--site` a scratch copy of the shard's pages (linked, not copied, where the file system allows) and
`--output-path` the shard's bundle. `--again` makes every shard (`make search-index`).

What Pagefind reads of a page is its `data-pagefind-body` element (the whole <body> when no page has
one) less what the `--exclude-selectors` of the command leave out, every element with a `data-pagefind-`
attribute (filters, meta), the title and the language: a story added changes the related stories listed
on a few other briefing pages, which Pagefind does not read, and their shards stay as they are. The digest
of each page is kept by the digest of the page's bytes (OUTPUTDIR/pagefind/.briefing-pages.json), so a
build reads again only the pages it wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html
from lxml.cssselect import CSSSelector

from .outputs import write_if_changed
from .search_shards import BUNDLES_FILE, SHARD_DOCUMENTS, index_in_shards
from .search_stamp import INDEX_FOLDER, QUOTE_BUNDLE, pagefind_version

DEFAULT_GLOB = "briefings/**/*.html"
PAGE_DIGESTS = ".briefing-pages.json"
# What Pagefind reads of a page (indexed_digest): a new one when the reading changes.
READING = "pagefind reading 1"


def command_selectors(command: list[str]) -> list[str]:
    """The `--exclude-selectors` the Pagefind command was given."""
    selectors = []
    for position, word in enumerate(command):
        if word == "--exclude-selectors" and position + 1 < len(command):
            selectors.append(command[position + 1])
        elif word.startswith("--exclude-selectors="):
            selectors.append(word.split("=", 1)[1])
    return selectors


def indexed_digest(page: bytes, selectors: list[CSSSelector]) -> str:
    """The digest of what Pagefind reads of the page `page` (bytes of HTML); a page it cannot parse is
    read whole."""
    try:
        document = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return hashlib.sha256(page).hexdigest()
    digest = hashlib.sha256(document.get("lang", "").encode() + b"\0")
    digest.update("".join(document.xpath("//title//text()")).encode() + b"\0")
    bodies = document.xpath("//*[@data-pagefind-body]") or document.xpath("//body")
    for body in bodies:
        for selector in selectors:
            for element in selector(body):
                element.drop_tree()
        digest.update(lxml.html.tostring(body, encoding="utf-8", with_tail=False) + b"\0")
    for element in document.xpath("//*[@*[starts-with(name(), 'data-pagefind-')]]"):
        digest.update(repr(sorted(element.attrib.items())).encode() + b"\0")
    return digest.hexdigest()


def page_digests(
    output: str, names: list[str], selectors: list[str], known: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """name -> indexed digest of each page, taken from `known` (digest of a page's bytes and the
    selectors -> indexed digest) when the page was read before; and the entries of `known` for these
    pages, to keep for the next time."""
    compiled = [CSSSelector(selector) for selector in selectors]
    salt = json.dumps([READING, selectors]).encode()
    digests, used = {}, {}
    for name in names:
        with open(os.path.join(output, name), "rb") as handle:
            page = handle.read()
        key = hashlib.sha256(salt + page).hexdigest()
        used[key] = known.get(key) or indexed_digest(page, compiled)
        digests[name] = used[key]
    return digests, used


def briefing_pages(output: str, glob: str) -> list[str]:
    """The pages `glob` matches under `output`, from `output`, sorted; never the index's own files."""
    root = Path(output)
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.glob(glob)
        if path.is_file() and path.relative_to(root).parts[0] != INDEX_FOLDER
    )


def make_bundle(output: str, command: list[str], names: list[str], folder: str) -> None:
    """Run Pagefind on a scratch site of the pages `names` (from `output`), writing the bundle to
    `folder`; raises CalledProcessError when it fails."""
    with tempfile.TemporaryDirectory(prefix="briefing-search-") as scratch:
        for name in names:
            target = os.path.join(scratch, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(os.path.join(output, name), target)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(os.path.join(output, name), target)
        run = [*command, "--site", scratch, "--output-path", os.path.abspath(folder)]
        subprocess.run(run, check=True)


def indexed_count(root: str) -> int:
    """Pages in the bundles of the index at `root`, as Pagefind wrote them in each pagefind-entry.json."""
    try:
        with open(os.path.join(root, BUNDLES_FILE), encoding="utf-8") as handle:
            merged = json.load(handle)["merge"]
    except (OSError, ValueError, KeyError):
        merged = []
    count = 0
    for bundle in ["", *merged]:
        try:
            with open(os.path.join(root, bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            continue
        count += sum(language.get("page_count", 0) for language in entry.get("languages", {}).values())
    return count


def _load_known(path: str) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as handle:
            known = json.load(handle)
        return known if isinstance(known, dict) else {}
    except (OSError, ValueError):
        return {}


def index_briefings(
    output: str, command: list[str], glob: str = DEFAULT_GLOB, again: bool = False, per_shard: int = SHARD_DOCUMENTS
) -> tuple[int, int]:
    """Index the briefing pages of `output` (shards of about `per_shard` pages); returns (shards made,
    shards)."""
    root = os.path.join(output, INDEX_FOLDER)
    os.makedirs(root, exist_ok=True)
    known_path = os.path.join(root, PAGE_DIGESTS)
    pages = briefing_pages(output, glob)
    digests, known = page_digests(output, pages, command_selectors(command), _load_known(known_path))
    extra = f"pagefind {pagefind_version()}\ncommand {json.dumps(command)}\n"
    made, count = index_in_shards(
        digests,
        root,
        extra,
        lambda names, folder: make_bundle(output, command, names, folder),
        again=again,
        keep=(QUOTE_BUNDLE, PAGE_DIGESTS),
        per_shard=per_shard,
    )
    write_if_changed(known_path, json.dumps(known, sort_keys=True).encode("utf-8"))
    return made, count


USAGE = "usage: python -m briefing.write.briefing_search OUTPUTDIR [--again] [--glob GLOB] -- PAGEFIND [OPTIONS...]"


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") + 1 == len(argv) or not argv[0] or argv[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    own, command = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    output, options = own[0], own[1:]
    again = "--again" in options
    glob = DEFAULT_GLOB
    if "--glob" in options:
        position = options.index("--glob")
        if position + 1 >= len(options):
            print(USAGE, file=sys.stderr)
            return 2
        glob = options[position + 1]
    try:
        made, count = index_briefings(output, command, glob, again)
    except subprocess.CalledProcessError as error:
        return error.returncode or 1
    root = os.path.join(output, INDEX_FOLDER)
    if made == 0:
        print("search index: no page changed, index kept")
    elif count > 1:
        print(f"search index: {made} of {count} shards made again")
    print("briefings indexed for search:", indexed_count(root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
