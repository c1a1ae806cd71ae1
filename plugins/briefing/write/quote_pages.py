"""The quote index's page objects: every speaker with their statements, each with the briefings that
carried it, and the search records of the statements.

`quotes/` lists the `SpeakerPage`s (most statements first); each has a page of its own at
`quotes/<slug>/`, and an entity page shows its speaker's statements too (as `speaker_quotes`).
"""

from __future__ import annotations

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

    @property
    def url(self) -> str:
        return f"{QUOTES_URL}{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"


def statement_page(quote: CarriedQuote, pages_by_key: dict, speaker_urls: dict[str, str]) -> StatementPage:
    return StatementPage(
        quote.id,
        quote.text,
        quote.speaker,
        speaker_urls.get(quote.speaker) if quote.speaker else None,
        tuple(pages_by_key[key] for key in quote.carried_by if key in pages_by_key),
    )


def speaker_pages(
    index: tuple[SpeakerQuotes, ...], pages_by_key: dict, entity_urls: dict[str, str]
) -> list[SpeakerPage]:
    """One page per speaker of the quote index, in its order; slugs are claimed in name order, so a new
    speaker never renames another's page."""
    taken: set[str] = set()
    slugs = {
        s.speaker: claim_slug(readable_slug(s.speaker, "speaker"), taken)
        for s in sorted(index, key=lambda s: (readable_slug(s.speaker, "speaker"), s.speaker))
    }
    urls = {name: f"{QUOTES_URL}{slug}/" for name, slug in slugs.items()}
    return [
        SpeakerPage(
            s.speaker,
            slugs[s.speaker],
            tuple(statement_page(q, pages_by_key, urls) for q in s.quotes),
            entity_urls.get(s.speaker),
        )
        for s in index
    ]


def quote_search_records(speakers: list[SpeakerPage]) -> list[dict]:
    """One search record per statement (Pagefind custom records): its words, its speaker as the title
    and the filter, its place on the speaker's page as the address."""
    return [
        {
            "url": f"/{speaker.url}#{quote.id}",
            "content": quote.text,
            "language": "en",
            "meta": {"title": speaker.name},
            "filters": {"speaker": [speaker.name]},
        }
        for speaker in speakers
        for quote in speaker.quotes
    ]
