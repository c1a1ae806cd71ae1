"""Wires the briefing plugin into Pelican's signals, in the order the stages run."""

from __future__ import annotations

from pelican import signals

from .handlers import finish_build, link_articles, make_generator_class, record_rejection
from .reader import BriefingReader


def add_reader(readers) -> None:
    """`readers_init`: the read stage takes the article files."""
    for extension in BriefingReader.file_extensions:
        readers.reader_classes[extension] = BriefingReader


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(make_generator_class)
    signals.article_generator_context.connect(record_rejection)
    signals.page_generator_context.connect(record_rejection)
    # read is done, nothing written: slugs, the language step and the corpus stage, in that order
    signals.article_generator_pretaxonomy.connect(link_articles)
    signals.finalized.connect(finish_build)
