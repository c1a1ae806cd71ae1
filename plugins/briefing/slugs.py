"""Unique slugs across the archive: two articles with the same headline get distinct pages."""

from __future__ import annotations

import re

from unidecode import unidecode

SLUG_MAX_CHARS = 80


def readable_slug(text: str, fallback: str = "article") -> str:
    """A safe, readable slug: ASCII letters, digits and single hyphens, never a path."""
    ascii_text = unidecode(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > SLUG_MAX_CHARS:
        slug = slug[:SLUG_MAX_CHARS].rsplit("-", 1)[0]
    return slug or fallback


def claim_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or the first of `slug-2`, `slug-3`, ... not in `taken`; the result is added to `taken`."""
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


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
