"""Every setting the briefing plugins read, with its default, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULTS = {
    # Where the read stage keeps its per-file results; the environment variable wins (benchmarks, CI).
    "BRIEFING_CACHE_DIR": ".briefing-cache",
    # Larger files are rejected: no pasted news page comes near it, and it bounds time and memory.
    "BRIEFING_MAX_FILE_BYTES": 2_000_000,
    # Length of the generated summary (the lede, cut at a sentence end).
    "BRIEFING_SUMMARY_MAX_CHARS": 320,
    # Reading speed used for "N min read".
    "BRIEFING_WORDS_PER_MINUTE": 230,
    # File name of the machine-readable export, written to the output root.
    "BRIEFING_ARCHIVE_JSON": "archive.json",
}


@dataclass(frozen=True)
class BriefingSettings:
    cache_dir: str
    max_file_bytes: int
    summary_max_chars: int
    words_per_minute: int
    archive_json: str

    @classmethod
    def from_pelican(cls, settings: dict) -> BriefingSettings:
        def get(name):
            return settings.get(name, DEFAULTS[name])

        cache_dir = os.environ.get("BRIEFING_CACHE_DIR") or get("BRIEFING_CACHE_DIR")
        return cls(
            cache_dir=cache_dir,
            max_file_bytes=int(get("BRIEFING_MAX_FILE_BYTES")),
            summary_max_chars=int(get("BRIEFING_SUMMARY_MAX_CHARS")),
            words_per_minute=int(get("BRIEFING_WORDS_PER_MINUTE")),
            archive_json=str(get("BRIEFING_ARCHIVE_JSON")),
        )
