"""The quote index's page objects: every speaker with their statements, each with the briefings that
carried it, and `quotes/quotes.json`, what the quote search indexes.

`quotes/` lists the `SpeakerPage`s (most statements first); a speaker whose statements at least
BRIEFING_PAGE_MIN_BRIEFINGS briefings carry has a page of its own at `quotes/<slug>/` (the others' page
would repeat one briefing's quotes: they are listed without a link, and the quote search leads to the
briefing), and an entity page shows its speaker's statements too (as `speaker_quotes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..corpus.quote_index import CarriedQuote, SpeakerQuotes
from ..slugs import claim_slug, readable_slug

QUOTES_URL = "quotes/"
QUOTES_SAVE_AS = "quotes/index.html"


@dataclass(frozen=True)
class StatementPage:
    """One statement, its speaker and the briefing pages that carried it (oldest first)."""

    id: str  # stable across builds: the anchor of the statement on its speaker's page
    text: str
    speaker: str | None
    speaker_url: str | None  # the speaker's quote page
    articles: tuple = ()

    @property
    def sources(self) -> list[str]:
        """The outlets that carried it, as known, in order of first report."""
        return list(dict.fromkeys(a.briefing.source for a in self.articles if a.briefing.source))

    @property
    def unknown_sources(self) -> int:
        return sum(1 for a in self.articles if not a.briefing.source)


@dataclass(frozen=True)
class SpeakerPage:
    name: str
    slug: str
    quotes: tuple[StatementPage, ...]  # newest first
    entity_url: str | None = None  # the speaker's person or organization page, when there is one
    has_page: bool = True  # enough briefings carry their statements for a page of their own

    @property
    def url(self) -> str | None:
        return f"{QUOTES_URL}{self.slug}/" if self.has_page else None

    @property
    def save_as(self) -> str | None:
        return f"{self.url}index.html" if self.has_page else None


def statement_page(quote: CarriedQuote, pages_by_key: dict, speaker_urls: dict[str, str]) -> StatementPage:
    return StatementPage(
        quote.id,
        quote.text,
        quote.speaker,
        speaker_urls.get(quote.speaker) if quote.speaker else None,
        tuple(pages_by_key[key] for key in quote.carried_by if key in pages_by_key),
    )


def speaker_pages(
    index: tuple[SpeakerQuotes, ...], pages_by_key: dict, entity_urls: dict[str, str], min_briefings: int = 1
) -> list[SpeakerPage]:
    """Every speaker of the quote index, in its order, with a page when the listed briefings that carry
    their statements number at least `min_briefings`; slugs are claimed in name order, so a new speaker
    never renames another's page."""
    taken: set[str] = set()
    slugs = {
        s.speaker: claim_slug(readable_slug(s.speaker, "speaker"), taken)
        for s in sorted(index, key=lambda s: (readable_slug(s.speaker, "speaker"), s.speaker))
    }
    with_page = {
        s.speaker
        for s in index
        if len({key for q in s.quotes for key in q.carried_by if key in pages_by_key}) >= min_briefings
    }
    urls = {name: f"{QUOTES_URL}{slug}/" for name, slug in slugs.items() if name in with_page}
    return [
        SpeakerPage(
            s.speaker,
            slugs[s.speaker],
            tuple(statement_page(q, pages_by_key, urls) for q in s.quotes),
            entity_urls.get(s.speaker),
            s.speaker in with_page,
        )
        for s in index
    ]


def shown_at(speaker: SpeakerPage, quote: StatementPage) -> str | None:
    """Where a statement is shown, from the site root: on its speaker's page, or in the first briefing
    that carried it when the speaker has no page."""
    if speaker.has_page:
        return f"{speaker.url}#{quote.id}"
    return quote.articles[0].url if quote.articles else None


def quote_index_json(speakers: list[SpeakerPage], language: str) -> str:
    """`quotes/quotes.json`: every speaker, their page (null without one) and their statements with the
    slugs of the briefings that carried them and where each is shown; what the quote search indexes
    (write/quote_search.py). Safe to paste into HTML, as archive.json: no raw <, > or & survives."""
    document = {
        "language": language,
        "speakers": [
            {
                "speaker": speaker.name,
                "url": speaker.url,
                "quotes": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "carried_by": [a.slug for a in q.articles],
                        "url": shown_at(speaker, q),
                    }
                    for q in speaker.quotes
                ],
            }
            for speaker in speakers
        ],
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
