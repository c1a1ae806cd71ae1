"""Pelican adapters for the corpus and write stages: unique slugs, the build report, `archive.json`."""

from __future__ import annotations

import logging
import os

from pelican.generators import Generator

from .export import PublishedBriefing, archive_json
from .reader import REJECTION_KEY
from .report import BuildReport
from .settings import BriefingSettings
from .slugs import unique_slugs

logger = logging.getLogger(__name__)

REPORT_KEY = "briefing_report"


class BriefingGenerator(Generator):
    """Runs after the article and page generators; `report` is set per build by `make_generator_class`."""

    report: BuildReport

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.context[REPORT_KEY] = self.report
        self.options = BriefingSettings.from_pelican(self.settings)

    def generate_context(self):
        articles = [a for a in self.context.get("articles", []) if hasattr(a, "briefing")]
        self.report.articles = len(articles)
        for article in articles:
            self.report.cut_kinds.update(block.kind for block in article.briefing.cut)

    def generate_output(self, writer):
        published = [
            PublishedBriefing(a.briefing, a.slug, a.url)
            for a in self.context.get("articles", [])
            if hasattr(a, "briefing")
        ]
        path = os.path.join(self.output_path, self.options.archive_json)
        os.makedirs(self.output_path, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(archive_json(published, self.report.rejected))
        logger.info("wrote %s (%d briefings)", path, len(published))


def make_generator_class(pelican):
    """A BriefingGenerator bound to a fresh report for this build, which `finish_build` reads back."""
    report = BuildReport()
    pelican.briefing_report = report
    return type("BriefingGenerator", (BriefingGenerator,), {"report": report})


def record_rejection(generator, metadata):
    if REJECTION_KEY in metadata:
        report = generator.context.get(REPORT_KEY)
        if report is not None:
            report.reject(metadata["title"], metadata[REJECTION_KEY])


def deduplicate_slugs(generator):
    articles = generator.articles + generator.hidden_articles + generator.drafts
    wanted = [(a.get_relative_source_path(), a.slug) for a in articles]
    slugs = unique_slugs(wanted)
    for article in articles:
        new_slug = slugs[article.get_relative_source_path()]
        if new_slug != article.slug:
            logger.info("%s: slug %r is taken, using %r", article.get_relative_source_path(), article.slug, new_slug)
            article.slug = new_slug


def finish_build(pelican):
    report = getattr(pelican, "briefing_report", None)
    if report is None:
        return
    for line in report.summary_lines():
        logger.info("%s", line)
    if report.rejected:
        names = ", ".join(sorted(item["source_path"] for item in report.rejected))
        try:
            logger.error("%d article file(s) rejected, the archive is incomplete: %s", len(report.rejected), names)
        except RuntimeError:
            # `--fatal errors` turns the error into an exception; everything is written by now, so end
            # the build with a failing status instead of a traceback.
            raise SystemExit(1) from None
