"""The quote index's search bundle: one Pagefind record per statement, with a `speaker` filter.

The build writes `quotes/quotes.json` (write/quote_pages.quote_index_json); after the briefings' index,
`make html` runs this module on the output folder:

    python -m briefing.write.quote_search OUTPUTDIR

which indexes every statement with the real Pagefind into OUTPUTDIR/pagefind/quotes/ (inside the
briefings' bundle folder, which `make html` clears before each run).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys

QUOTE_INDEX_JSON = "quotes/quotes.json"
QUOTE_SEARCH_FOLDER = "pagefind/quotes"


def search_records(document: dict, language: str = "en") -> list[dict]:
    """Pagefind custom records of quotes.json: a statement's words, its speaker as the title and the
    filter, its place on the speaker's page (from the site root) as the address."""
    return [
        {
            "url": f"/{speaker['url']}#{quote['id']}",
            "content": quote["text"],
            "language": language,
            "meta": {"title": speaker["speaker"]},
            "filters": {"speaker": [speaker["speaker"]]},
        }
        for speaker in document.get("speakers", [])
        for quote in speaker.get("quotes", [])
    ]


def write_quote_search(records: list[dict], folder: str) -> None:
    """Index `records` into `folder` (removed first: Pagefind names its files by content)."""
    shutil.rmtree(folder, ignore_errors=True)
    asyncio.run(_index(records, folder))


async def _index(records: list[dict], folder: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=folder)) as index:
        for record in records:
            await index.add_custom_record(**record)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m briefing.write.quote_search OUTPUTDIR", file=sys.stderr)
        return 2
    output = argv[0]
    path = os.path.join(output, QUOTE_INDEX_JSON)
    if not os.path.isfile(path):
        return 0  # a site without the quote index
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    records = search_records(document, document.get("language") or "en")
    write_quote_search(records, os.path.join(output, QUOTE_SEARCH_FOLDER))
    print("quotes indexed for search:", len(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
