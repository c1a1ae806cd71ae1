"""What one build did: files rejected and why, and what was cut from the articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

REPORT_KEY = "briefing_report"  # where the report sits in Pelican's shared context


@dataclass
class BuildReport:
    rejected: list[dict] = field(default_factory=list)
    articles: int = 0
    cut_kinds: Counter = field(default_factory=Counter)
    language_articles: int = 0  # articles the model analysed (not cached)
    language_words: int = 0
    language_seconds: float = 0.0
    language_cpu_seconds: float = 0.0

    def record_language(self, articles: int, words: int, seconds: float, cpu_seconds: float) -> None:
        self.language_articles += articles
        self.language_words += words
        self.language_seconds += seconds
        self.language_cpu_seconds += cpu_seconds

    def reject(self, source_path: str, reason: str) -> None:
        self.rejected.append({"source_path": source_path, "reason": reason})

    def summary_lines(self) -> list[str]:
        lines = [f"briefings built: {self.articles}"]
        if self.cut_kinds:
            cut = ", ".join(f"{kind} {count}" for kind, count in sorted(self.cut_kinds.items()))
            lines.append(f"cut from the pasted pages (blocks): {cut}")
        if self.language_articles:
            seconds = max(self.language_seconds, 1e-9)
            lines.append(
                f"entities and quotes: {self.language_articles} article(s) analysed, {self.language_words} words "
                f"in {self.language_seconds:.1f} s ({self.language_words / seconds:.0f} words/s, "
                f"{self.language_cpu_seconds / seconds:.1f} cores busy)"
            )
        else:
            lines.append("entities and quotes: every article cached, no model loaded")
        for item in sorted(self.rejected, key=lambda r: r["source_path"]):
            lines.append(f"rejected {item['source_path']}: {item['reason']}")
        return lines
