"""What one build did: files rejected and why, and what was cut from the articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class BuildReport:
    rejected: list[dict] = field(default_factory=list)
    articles: int = 0
    cut_kinds: Counter = field(default_factory=Counter)

    def reject(self, source_path: str, reason: str) -> None:
        self.rejected.append({"source_path": source_path, "reason": reason})

    def summary_lines(self) -> list[str]:
        lines = [f"briefings built: {self.articles}"]
        if self.cut_kinds:
            cut = ", ".join(f"{kind} {count}" for kind, count in sorted(self.cut_kinds.items()))
            lines.append(f"cut from the pasted pages (blocks): {cut}")
        for item in sorted(self.rejected, key=lambda r: r["source_path"]):
            lines.append(f"rejected {item['source_path']}: {item['reason']}")
        return lines
