"""HTML fragments made from briefing text. All article text is escaped here, once, and loses any character
XML forbids (the same fragments go into the Atom feeds)."""

from __future__ import annotations

import re
from html import escape as escape_html

from ..userdata import xml_text


def escape(text: str, quote: bool = True) -> str:
    return escape_html(xml_text(text), quote=quote)


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def text_html(text: str) -> str:
    return escape(text, quote=False)


# How a link looks: to an entity page of the site, or to a source the original page linked to.
ENTITY_LINK = 'class="entity-link"'
SOURCE_LINK = 'class="source-link" rel="nofollow noopener"'


def linked_paragraphs_html(
    paragraphs: list[str], links: list[tuple[tuple[str, ...], str]], sources: list[tuple[int, str, str]] = ()
) -> str:
    """Paragraphs with the first mention of each entity linked to its page, and the links of the
    original page's body kept. `links` pairs an entity's mentions (as the text writes them) with its URL;
    `sources` are (paragraph, words, http(s) address) of the original's links. Text is escaped piece by
    piece around the links, so nothing in the article becomes markup."""
    firsts: list[tuple[int, int, int, str, str]] = []  # paragraph, start, end, url, attributes
    for number, words, href in sources:
        at = paragraphs[number].find(words) if 0 <= number < len(paragraphs) and words else -1
        if at >= 0:
            firsts.append((number, at, at + len(words), href, SOURCE_LINK))
    for mentions, url in links:
        best = None
        for mention in mentions:
            pattern = re.compile(rf"(?<![\w-]){re.escape(mention)}(?![\w-])")
            for number, paragraph in enumerate(paragraphs):
                if best is not None and number > best[0]:
                    break
                match = pattern.search(paragraph)
                if match and (best is None or (number, match.start()) < best[:2]):
                    best = (number, match.start(), match.end(), url, ENTITY_LINK)
                    break
        if best is not None:
            firsts.append(best)
    chosen: dict[int, list[tuple[int, int, str, str]]] = {}
    for number, start, end, url, attributes in sorted(firsts, key=lambda f: (f[0], f[1], -f[2])):
        spans = chosen.setdefault(number, [])
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end, url, attributes))
    html = []
    for number, paragraph in enumerate(paragraphs):
        pieces, at = [], 0
        for start, end, url, attributes in chosen.get(number, []):
            pieces.append(escape(paragraph[at:start], quote=False))
            text = escape(paragraph[start:end], quote=False)
            pieces.append(f'<a {attributes} href="{escape(url)}">{text}</a>')
            at = end
        pieces.append(escape(paragraph[at:], quote=False))
        html.append(f"<p>{''.join(pieces)}</p>")
    return "\n".join(html)
