"""Corpus stage: across the archive. `archive.link_archive` takes every Briefing, the curated list and
the settings, and returns the archive's links: canonical entities, tags, entity pages, related stories,
story threads and copies, keyed by source path."""
