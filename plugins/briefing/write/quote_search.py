"""The quote index's search bundle: one Pagefind record per statement, with a `speaker` filter, written
to its own folder next to the briefings' bundle (which `make html` writes after the build)."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil

logger = logging.getLogger(__name__)

QUOTE_SEARCH_FOLDER = "pagefind-quotes"


def write_quote_search(records: list[dict], output_path: str) -> str:
    """Index `records` (write/quote_pages.quote_search_records) into OUTPUT/pagefind-quotes with the real
    Pagefind; the previous bundle is removed first (Pagefind names its files by content)."""
    folder = os.path.join(output_path, QUOTE_SEARCH_FOLDER)
    shutil.rmtree(folder, ignore_errors=True)
    asyncio.run(_index(records, folder))
    return folder


async def _index(records: list[dict], folder: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=folder)) as index:
        for record in records:
            await index.add_custom_record(**record)
