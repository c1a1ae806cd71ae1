"""Wires the briefing plugin into Pelican's signals, in the order the stages run."""

from __future__ import annotations

from pelican import signals

from .handlers import finish_build, link_articles, make_generator_class, record_rejection
from .reader import BriefingReader, guarded
from .walk import walk_once
from .writer import supply_writer


def add_reader(readers) -> None:
    """`readers_init`: the read stage takes the article files, whatever the case of their extension
    ('.TXT', '.Txt'); Pelican's own readers take none of them."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is not None and reader_class is not BriefingReader:
            readers.reader_classes[extension] = guarded(reader_class)
    for extension in BriefingReader.file_extensions:
        for variant in case_variants(extension):
            readers.reader_classes[variant] = BriefingReader


def case_variants(extension: str) -> set[str]:
    """'txt' -> txt, Txt, tXt, ... TXT."""
    variants = {""}
    for letter in extension:
        variants = {v + c for v in variants for c in {letter.lower(), letter.upper()}}
    return variants


def register() -> None:
    signals.generator_init.connect(walk_once)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(make_generator_class)
    signals.get_writer.connect(supply_writer)
    signals.article_generator_context.connect(record_rejection)
    signals.page_generator_context.connect(record_rejection)
    # read is done, nothing written: slugs, the language step and the corpus stage, in that order
    signals.article_generator_pretaxonomy.connect(link_articles)
    signals.finalized.connect(finish_build)
