"""The quote index's page objects: every speaker with their statements, each with the briefings that
carried it, and `quotes/quotes.json`, what the quote search indexes.

`quotes/` lists the `SpeakerPage`s (most statements first); each has a page of its own at
`quotes/<slug>/`, and an entity page shows its speaker's statements too (as `speaker_quotes`).
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


def quote_index_json(speakers: list[SpeakerPage], language: str) -> str:
    """`quotes/quotes.json`: every speaker, their page and their statements with the slugs of the
    briefings that carried them; what the quote search indexes (write/quote_search.py). Safe to paste
    into HTML, as archive.json: no raw <, > or & survives."""
    document = {
        "language": language,
        "speakers": [
            {
                "speaker": speaker.name,
                "url": speaker.url,
                "quotes": [
                    {"id": q.id, "text": q.text, "carried_by": [a.slug for a in q.articles]} for q in speaker.quotes
                ],
            }
            for speaker in speakers
        ],
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
