"""Pairing the double quote marks of the paragraphs into quotes, each in one piece per paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .vocabulary import _CLOSING_GLYPHS, _DOUBLE_MARK, _LEADING_SPACE, _OPENING_GLYPHS, _OPENS_AFTER


@dataclass(eq=False)
class _Piece:
    """One paragraph's share of a quote."""

    paragraph: int
    start: int  # offset of its opening mark (0 for a continuation that does not reopen)
    end: int  # offset just past its closing mark (the paragraph's length if it does not close)
    text_start: int
    text_end: int


@dataclass(eq=False)
class _Quote:
    pieces: list[_Piece]
    straight: bool  # opened with a straight mark
    closed: bool = False
    speaker: str | None = None
    has_own_verb: bool = False  # a speech verb in the quote's own sentence
    own_speaker: bool = False  # the speaker comes from that verb's attribution, not from quotes around it

    @property
    def paragraph(self) -> int:
        return self.pieces[0].paragraph


@dataclass(frozen=True)
class _Mark:
    offset: int
    opens: bool
    straight: bool


def _marks(paragraph: str, inside: bool) -> list[_Mark]:
    """The double quote marks of a paragraph. Where a mark sits decides whether it opens or closes; where
    that is unclear ("word"word, a mark between spaces) the glyph decides, then whether a quote is open."""
    marks = []
    for match in _DOUBLE_MARK.finditer(paragraph):
        i, glyph = match.start(), match.group()
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        can_open = not after.isspace() and (before.isspace() or before in _OPENS_AFTER)
        can_close = not before.isspace() and (after.isspace() or not after.isalnum())
        if can_open != can_close:
            opens = can_open
        elif glyph in _OPENING_GLYPHS or glyph in _CLOSING_GLYPHS:
            opens = glyph in _OPENING_GLYPHS
        else:
            opens = not inside
        marks.append(_Mark(i, opens, glyph == '"'))
        inside = opens
    return marks


def _pair_marks(paragraphs: Sequence[str]) -> list[_Quote]:
    """Quotes in text order. A quote left open at the end of a paragraph goes on in the next one if that one
    starts with an opening mark or closes before it opens anything; otherwise it stays unclosed. An opening
    mark of the other kind (curly inside straight, or the reverse) nests; one of the same kind means the
    earlier one was a stray mark."""
    quotes: list[_Quote] = []
    running: _Quote | None = None
    for index, paragraph in enumerate(paragraphs):
        piece_start = text_start = 0
        marks = _marks(paragraph, inside=running is not None)
        if running is not None:
            first_char = _LEADING_SPACE.match(paragraph).end()
            if marks and marks[0].opens and marks[0].offset == first_char:
                piece_start, text_start = first_char, first_char + 1
                marks = marks[1:]
            elif not (marks and not marks[0].opens):
                running = None
        nested = 0
        for mark in marks:
            if mark.opens:
                if running is not None and mark.straight != running.straight:
                    nested += 1
                    continue
                if running is not None:
                    running.pieces.clear()  # a stray opening mark: no quote
                running = _Quote(pieces=[], straight=mark.straight)
                quotes.append(running)
                piece_start, text_start, nested = mark.offset, mark.offset + 1, 0
            elif running is not None:
                if nested:
                    nested -= 1
                    continue
                running.pieces.append(_Piece(index, piece_start, mark.offset + 1, text_start, mark.offset))
                running.closed = True
                running = None
        if running is not None:
            running.pieces.append(_Piece(index, piece_start, len(paragraph), text_start, len(paragraph)))
    return [quote for quote in quotes if quote.pieces]
