"""Unique slugs across the archive: two articles with the same headline get distinct pages."""

from __future__ import annotations


def unique_slugs(items: list[tuple[str, str]]) -> dict[str, str]:
    """Map each source path to a slug no other article uses.

    `items` are (source_path, wanted slug). The article whose source path sorts first keeps the wanted
    slug; the others get -2, -3, ... in source-path order, so the result does not depend on read order.
    """
    taken = {slug for _, slug in items}
    seen: set[str] = set()
    result: dict[str, str] = {}
    for source_path, slug in sorted(items):
        if slug not in seen:
            seen.add(slug)
            result[source_path] = slug
            continue
        number = 2
        while f"{slug}-{number}" in taken or f"{slug}-{number}" in seen:
            number += 1
        seen.add(f"{slug}-{number}")
        result[source_path] = f"{slug}-{number}"
    return result
