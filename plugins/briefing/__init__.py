"""Briefing archive: turns raw pasted article files into briefing pages and an `archive.json` export.

Adds a reader for `.txt` article files (read stage), gives every article a unique slug (corpus stage),
writes `archive.json` and reports rejected files at the end of the build (write stage).
"""

from pelican import signals

from .annotate import annotate_articles
from .generator import deduplicate_slugs, finish_build, make_generator_class, record_rejection
from .reader import BriefingReader


def add_reader(readers):
    for extension in BriefingReader.file_extensions:
        readers.reader_classes[extension] = BriefingReader


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(record_rejection)
    signals.page_generator_context.connect(record_rejection)
    signals.article_generator_pretaxonomy.connect(deduplicate_slugs)
    signals.article_generator_pretaxonomy.connect(annotate_articles)
    signals.get_generators.connect(make_generator_class)
    signals.finalized.connect(finish_build)
