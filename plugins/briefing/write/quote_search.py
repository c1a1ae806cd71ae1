"""The quote index's search bundle: one Pagefind record per statement, with a `speaker` filter.

The build writes `quotes/quotes.json` (write/quote_pages.quote_index_json); after the briefings' index,
`make html` runs this module on the output folder:

    python -m briefing.write.quote_search OUTPUTDIR [--again]

which indexes every statement with the real Pagefind into OUTPUTDIR/pagefind/quotes/ (inside the
briefings' bundle folder; the briefings' index, made again, leaves it be), in shards
(write/search_shards.py): a shard is made again only when one of its statements changed, or always with
--again. `make html` runs it
while Pagefind indexes the briefings: the two read and write apart.

Each statement becomes a small HTML record in a scratch folder, and Pagefind indexes the folder in one
request: its service answers one request at a time, a tenth of a second apart, so a record per request
would cost 100 s per 1,000 statements. A record's words are the statement, its title and filter the
speaker, and `target` where it is shown (from the site root: its place on the speaker's page, or the
briefing that carried it when the speaker has no page), which the quote index's script makes the
result's address.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from html import escape

from ..userdata import xml_text
from .search_shards import SHARD_DOCUMENTS, index_in_shards
from .search_stamp import INDEX_FOLDER, QUOTE_BUNDLE, pagefind_version

QUOTE_INDEX_JSON = "quotes/quotes.json"
QUOTE_SEARCH_FOLDER = f"{INDEX_FOLDER}/{QUOTE_BUNDLE}"
# The shape of a record page (record_html): a new one when it changes, so that older indexes are made again.
RECORD_FORMAT = "quote records 3"


def search_records(document: dict) -> list[dict]:
    """One record per statement of quotes.json: its words, its speaker, where it is shown (its place on
    the speaker's page, or the briefing that carried it)."""
    return [
        {"target": quote["url"], "content": quote["text"], "speaker": speaker["speaker"]}
        for speaker in document.get("speakers", [])
        for quote in speaker.get("quotes", [])
        if quote.get("url")
    ]


def record_html(record: dict, language: str = "en") -> str:
    """A record as the page Pagefind indexes: only the statement is indexed (`data-pagefind-body`); the
    speaker and the target are read from elements Pagefind does not index. Everything is escaped."""
    speaker = escape(xml_text(record["speaker"]))
    return (
        f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8"><title>{speaker}</title>'
        f"</head><body><p data-pagefind-body>{escape(xml_text(record['content']))}</p>"
        f'<div data-pagefind-ignore><span data-pagefind-meta="title">{speaker}</span>'
        f'<span data-pagefind-filter="speaker">{speaker}</span>'
        f'<a data-pagefind-meta="target[href]" href="{escape(record["target"])}">{speaker}</a></div>'
        "</body></html>\n"
    )


def record_name(html: str) -> str:
    """A record's name: the digest of its page, so that a shard of the index changes only when one of its
    records does."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]


def write_quote_search(
    records: list[dict], folder: str, language: str = "en", again: bool = True, per_shard: int = SHARD_DOCUMENTS
) -> tuple[int, int]:
    """Index `records` into `folder` in shards (write/search_shards.py: a shard is made again only when
    one of its records changed, every shard with `again`); returns (shards made, shards). Records that
    are the same page are one record."""
    pages = {}
    for item in records:
        html = record_html(item, language)
        pages[record_name(html)] = html
    os.makedirs(folder, exist_ok=True)
    extra = f"pagefind {pagefind_version()}\n{RECORD_FORMAT}\n"
    return index_in_shards(
        {name: name for name in pages},
        folder,
        extra,
        lambda names, bundle: _make_bundle([pages[name] for name in names], bundle),
        again=again,
        per_shard=per_shard,
    )


def _make_bundle(pages: list[str], folder: str) -> None:
    with tempfile.TemporaryDirectory(prefix="quote-search-") as scratch:
        for number, html in enumerate(pages):
            with open(os.path.join(scratch, f"{number}.html"), "w", encoding="utf-8") as handle:
                handle.write(html)
        _run_apart(_index, scratch, folder)


def _run_apart(function, *arguments) -> None:
    """asyncio.run(function(*arguments)), in a thread of its own when this thread already runs an event
    loop (Pagefind's Python API is asynchronous; a caller may be, too)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(function(*arguments))
        return
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(function(*arguments))).result()


async def _index(scratch: str, folder: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=folder)) as index:
        await index.add_directory(scratch)


def main(argv: list[str]) -> int:
    again = argv[1:] == ["--again"]
    if not argv or argv[0].startswith("-") or (len(argv) > 1 and not again):
        print("usage: python -m briefing.write.quote_search OUTPUTDIR [--again]", file=sys.stderr)
        return 2
    output = argv[0]
    path = os.path.join(output, QUOTE_INDEX_JSON)
    if not os.path.isfile(path):
        return 0  # a site without the quote index
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    records = search_records(document)
    folder = os.path.join(output, QUOTE_SEARCH_FOLDER)
    made, count = write_quote_search(records, folder, document.get("language") or "en", again)
    if made == 0:
        print("quotes indexed for search:", len(records), "(no quote changed: index kept)")
    elif count > 1:
        print("quotes indexed for search:", len(records), f"({made} of {count} shards made again)")
    else:
        print("quotes indexed for search:", len(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
