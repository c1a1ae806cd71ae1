"""Every setting the briefing plugins read, with its default, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .corpus import CorpusSettings
from .related import ENTITY_WEIGHT, RELATED_MAX, RELATED_THRESHOLD, TIME_SCALE_DAYS, TIME_WEIGHT, RelatedSettings
from .threads import THREAD_THRESHOLD, THREAD_WINDOW_DAYS

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
    # Related stories and threads (meaning and calibration: related.py, threads.py).
    "BRIEFING_RELATED_MAX": RELATED_MAX,
    "BRIEFING_RELATED_THRESHOLD": RELATED_THRESHOLD,
    "BRIEFING_RELATED_SHOWN": 8,
    "BRIEFING_TIME_SCALE_DAYS": TIME_SCALE_DAYS,
    "BRIEFING_TIME_WEIGHT": TIME_WEIGHT,
    "BRIEFING_ENTITY_WEIGHT": ENTITY_WEIGHT,
    "BRIEFING_THREAD_THRESHOLD": THREAD_THRESHOLD,
    "BRIEFING_THREAD_WINDOW_DAYS": THREAD_WINDOW_DAYS,
    # How many of its most salient entities (by mentions, headline, lede) an article takes as tags.
    "BRIEFING_ENTITY_TAGS": 6,
    # How many quotes a briefing page shows under "Key quotes" (archive.json has them all).
    "BRIEFING_KEY_QUOTES": 4,
    # The curated entity list, relative to the content folder (format: README).
    "BRIEFING_ENTITIES_FILE": "entities.yaml",
    # Processes for the language model on a cold build; 0 means one per core.
    "BRIEFING_NLP_WORKERS": 0,
}


@dataclass(frozen=True)
class BriefingSettings:
    cache_dir: str
    max_file_bytes: int
    summary_max_chars: int
    words_per_minute: int
    archive_json: str
    corpus: CorpusSettings
    related_shown: int
    entity_tags: int
    key_quotes: int
    entities_file: str
    nlp_workers: int

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
            corpus=CorpusSettings(
                related=RelatedSettings(
                    threshold=float(get("BRIEFING_RELATED_THRESHOLD")),
                    max_related=int(get("BRIEFING_RELATED_MAX")),
                    time_scale_days=float(get("BRIEFING_TIME_SCALE_DAYS")),
                    time_weight=float(get("BRIEFING_TIME_WEIGHT")),
                    entity_weight=float(get("BRIEFING_ENTITY_WEIGHT")),
                ),
                thread_threshold=float(get("BRIEFING_THREAD_THRESHOLD")),
                thread_window_days=int(get("BRIEFING_THREAD_WINDOW_DAYS")),
            ),
            related_shown=int(get("BRIEFING_RELATED_SHOWN")),
            entity_tags=int(get("BRIEFING_ENTITY_TAGS")),
            key_quotes=int(get("BRIEFING_KEY_QUOTES")),
            entities_file=str(get("BRIEFING_ENTITIES_FILE")),
            nlp_workers=int(get("BRIEFING_NLP_WORKERS")) or os.cpu_count() or 1,
        )
