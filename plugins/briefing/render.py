"""HTML fragments made from briefing text. All article text is escaped here, once."""

from __future__ import annotations

from html import escape


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def text_html(text: str) -> str:
    return escape(text, quote=False)
