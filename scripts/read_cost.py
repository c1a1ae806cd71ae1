"""The read stage's cost on saved pages: CPU milliseconds of extract_saved per page, in one process.

    .venv/bin/python scripts/read_cost.py DATASET.jsonl.gz [DATASET ...] [--runs 3] [--project DIR]

Each record's `text` is read as the file `file` names (as `make html` would read it), `--runs` times;
the best run of each page counts (CPU time, so that other work on the machine counts as little as it
can). Prints the median, 95th percentile and largest cost per page, and the slowest pages.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SLOWEST_SHOWN = 5


def records(paths: list[str]):
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield record["file"], record["text"].encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help="the checkout whose plugins are timed")
    options = parser.parse_args()
    sys.path.insert(0, str(options.project / "plugins"))
    from briefing.read.saved import extract_saved
    from briefing.records import RawArticle, UnusableFile

    def cost(source_path: str, data: bytes) -> float:
        start = time.process_time()
        with contextlib.suppress(UnusableFile):  # a rejection costs what it costs too
            extract_saved(RawArticle(source_path, data))
        return (time.process_time() - start) * 1000

    pages = list(records(options.datasets))
    cost(*pages[0])  # the first page pays for importing trafilatura
    timed = sorted((min(cost(path, data) for _ in range(options.runs)), path) for path, data in pages)
    costs = [ms for ms, _ in timed]
    p95 = costs[round(0.95 * (len(costs) - 1))]
    print(f"{len(costs)} pages: median {statistics.median(costs):.1f} ms, p95 {p95:.1f} ms, max {costs[-1]:.1f} ms")
    for ms, path in reversed(timed[-SLOWEST_SHOWN:]):
        print(f"  {ms:7.1f} ms  {path}")


if __name__ == "__main__":
    main()
