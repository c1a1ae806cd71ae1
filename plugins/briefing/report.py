"""What one build did: files rejected and why, what was cut from the articles, how long each stage took."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

REPORT_KEY = "briefing_report"  # where the report sits in Pelican's shared context
# A rejection reason is a sentence: anything longer is cut (a reason quoting a value must not become
# megabytes written into the log and archive.json).
REASON_MAX_CHARS = 300
# A long build says how far it is every this many articles.
PROGRESS_EVERY = 500
STAGES = ("read", "entities and quotes", "related stories and threads", "write")


def short_reason(reason: str) -> str:
    """A rejection reason cut to REASON_MAX_CHARS."""
    return reason if len(reason) <= REASON_MAX_CHARS else reason[: REASON_MAX_CHARS - 1] + "…"


@dataclass
class BuildReport:
    rejected: list[dict] = field(default_factory=list)
    rejected_paths: set[str] = field(default_factory=set)
    ignored: dict[str, str] = field(default_factory=dict)  # path -> why: listed, not failing the build
    offered: set[str] = field(default_factory=set)  # files a reader was given, relative to the content folder
    articles: int = 0
    cut_lines: Counter = field(default_factory=Counter)  # lines removed from the articles, per kind
    language_articles: int = 0  # articles the model analysed (not cached)
    language_words: int = 0
    language_seconds: float = 0.0
    language_cpu_seconds: float = 0.0
    files_read: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    clock: float = field(default_factory=time.perf_counter)  # when the current stage began

    def file_read(self, source_path: str) -> bool:
        """Count one article file; True when it is time to say how many have been read."""
        self.offered.add(source_path)
        self.files_read += 1
        return self.files_read % PROGRESS_EVERY == 0

    def end_stage(self, stage: str) -> None:
        """The stage that ran since the previous call (or since the build began) ends now."""
        now = time.perf_counter()
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + now - self.clock
        self.clock = now

    def record_language(self, articles: int, words: int, seconds: float, cpu_seconds: float) -> None:
        self.language_articles += articles
        self.language_words += words
        self.language_seconds += seconds
        self.language_cpu_seconds += cpu_seconds

    def reject(self, source_path: str, reason: str) -> None:
        """Name a file as rejected (once: a folder link out of the content folder is named for all its files)."""
        if source_path in self.rejected_paths:
            return
        self.rejected_paths.add(source_path)
        self.rejected.append({"source_path": source_path, "reason": short_reason(reason)})

    def ignore(self, source_path: str, reason: str) -> None:
        """List a file (or a folder link) as ignored, once."""
        self.ignored.setdefault(source_path, reason)

    def count_removed(self, cut) -> None:
        """Count the lines of an article's removed blocks (records.CutBlock) by kind."""
        for block in cut:
            self.cut_lines[block.kind] += block.text.count("\n") + 1

    def summary_lines(self) -> list[str]:
        lines = [f"briefings built: {self.articles}"]
        if self.cut_lines:
            cut = ", ".join(f"{kind} {count}" for kind, count in sorted(self.cut_lines.items()))
            lines.append(f"removed from the articles (lines, by kind; each shown on its page): {cut}")
        if self.language_articles:
            seconds = max(self.language_seconds, 1e-9)
            lines.append(
                f"entities and quotes: {self.language_articles} article(s) analysed, {self.language_words} words "
                f"in {self.language_seconds:.1f} s ({self.language_words / seconds:.0f} words/s, "
                f"{self.language_cpu_seconds / seconds:.1f} cores busy)"
            )
        else:
            lines.append("entities and quotes: every article cached, no model loaded")
        if self.stage_seconds:
            timings = ", ".join(
                f"{stage} {self.stage_seconds[stage]:.1f} s" for stage in STAGES if stage in self.stage_seconds
            )
            lines.append(f"time: {timings}")
        if self.ignored:
            names = ", ".join(sorted(self.ignored))
            lines.append(f"ignored ({len(self.ignored)}; archive.json says why): {names}")
        for item in sorted(self.rejected, key=lambda r: r["source_path"]):
            lines.append(f"rejected {item['source_path']}: {item['reason']}")
        return lines
