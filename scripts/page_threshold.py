"""What readers lose at each value of BRIEFING_PAGE_MIN_BRIEFINGS, read from a built archive.json.

For each threshold: how many entity and tag pages the site has, and how many of the entities and tags
shown on briefings lose their link (as (briefing, entity) pairs, and weighted by the mentions in the
text). Build the archive at BRIEFING_PAGE_MIN_BRIEFINGS = 1 (or any value: the counts come from the
briefings, not from the pages the build made).

    python scripts/page_threshold.py output/archive.json [--entities content/entities.yaml] [--max 4]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from briefing.corpus.curation import parse_curation
from briefing.corpus.entity_index import worth_a_page


def curated_names(path: Path | None) -> set[str]:
    if path is None or not path.exists():
        return set()
    curation = parse_curation(path.read_text(encoding="utf-8-sig"))
    return {name for entity in curation.entities for name in (entity.name, *entity.aliases)}


def losses(articles: list[dict], curated: set[str], threshold: int) -> dict[str, float]:
    """One row: pages at `threshold` and the links the briefings lose. Linear in the archive."""
    listed = [a for a in articles if a.get("status", "published") == "published"]
    entity_briefings = Counter(e["name"] for a in listed for e in {e["name"]: e for e in a["entities"]}.values())
    tag_briefings = Counter(t.casefold() for a in listed for t in {t.casefold() for t in a["tags"]})
    curated_keys = {name.casefold() for name in curated}

    def entity_kept(name: str) -> bool:
        return worth_a_page(entity_briefings[name], name in curated, threshold)

    def tag_kept(tag: str) -> bool:
        return worth_a_page(tag_briefings[tag.casefold()], tag.casefold() in curated_keys, threshold)

    pairs = [(e["name"], e["count"]) for a in listed for e in a["entities"]]
    tags = [t for a in listed for t in a["tags"]]
    return {
        "threshold": threshold,
        "entity_pages": sum(1 for name in entity_briefings if entity_kept(name)),
        "tag_pages": sum(1 for tag in tag_briefings if tag_kept(tag)),
        "entity_pairs": len(pairs),
        "entity_pairs_unlinked": sum(1 for name, _ in pairs if not entity_kept(name)),
        "mentions": sum(count for _, count in pairs),
        "mentions_unlinked": sum(count for name, count in pairs if not entity_kept(name)),
        "tags_shown": len(tags),
        "tags_unlinked": sum(1 for tag in tags if not tag_kept(tag)),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="archive.json of a build")
    parser.add_argument("--entities", type=Path, help="the curated list (entities.yaml) of that build")
    parser.add_argument("--max", type=int, default=4, help="largest threshold shown (default 4)")
    args = parser.parse_args(argv)
    articles = json.loads(args.archive.read_text(encoding="utf-8"))["articles"]
    curated = curated_names(args.entities)
    print(f"{len(articles)} briefings")
    columns = ("entity pages", "tag pages", "pairs unlinked", "mentions unlinked", "tags unlinked")
    widths = (12, 9, 20, 20, 18)
    print(f"{'min':>3} " + " ".join(f"{name:>{width}}" for name, width in zip(columns, widths, strict=True)))
    for threshold in range(1, args.max + 1):
        row = losses(articles, curated, threshold)
        pairs = f"{row['entity_pairs_unlinked']}/{row['entity_pairs']} ({share(row, 'entity_pairs')})"
        mentions = f"{row['mentions_unlinked']}/{row['mentions']} ({share(row, 'mentions')})"
        tags = f"{row['tags_unlinked']}/{row['tags_shown']} ({share(row, 'tags_shown', 'tags_unlinked')})"
        print(f"{threshold:>3} {row['entity_pages']:>12} {row['tag_pages']:>9} {pairs:>20} {mentions:>20} {tags:>18}")
    return 0


def share(row: dict, total: str, part: str | None = None) -> str:
    part = part or f"{total}_unlinked"
    return f"{row[part] / row[total]:.0%}" if row[total] else "-"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
