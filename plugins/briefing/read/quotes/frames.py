"""The frame of a quote: the stretch of its sentence before and after its marks where its attribution is
read, running through short quotes that are part of the sentence and kept inside the brackets a quote
stands in."""

from __future__ import annotations

import bisect

from .layout import _Layout
from .marks import _Piece
from .vocabulary import _NOUN_PHRASE_OPENERS, _QUOTE_END_PUNCTUATION, _WORD

# A quoted term of at most this many words, with no speech verb in its sentence, is a scare quote, a title
# or a name ("so-called "reform""), not direct speech.
SCARE_QUOTE_MAX_WORDS = 3
# A quote that runs on inside a noun phrase of the writer's sentence (after "a", "the", "another", a
# possessive; followed by a word of that sentence) is a phrase up to this many words: "another "anonymous
# senior Iraqi official" told ...". Layout choice, not tuned (a head and three modifiers): 3 to 6 give the
# same speaker, quote and end-to-end figures on both halves of the quotes dev set (4 marks 165 of its 818
# quotes as phrases, 3 marks 161, 6 marks 168).
EMBEDDED_PHRASE_MAX_WORDS = 4
# An attribution frame runs through at most this many short quotes that are part of its sentence.
INLINE_QUOTES_IN_FRAME = 3


def _is_inline_quote(text: str, span: tuple[int, int]) -> bool:
    """A short quote that is part of its sentence, not speech set off from it: a nickname (Marcia "Cia"
    Price) or a scare quote. Frames of attribution run through it."""
    inner = text[span[0] + 1 : span[1] - 1]
    after = text[span[1] : span[1] + 1]
    words = len(_WORD.findall(inner))
    return (
        (words <= SCARE_QUOTE_MAX_WORDS or (words <= EMBEDDED_PHRASE_MAX_WORDS and _opens_noun_phrase(text, span[0])))
        and not inner.rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION)
        and (not after or after.isspace())
    )


def _opens_noun_phrase(text: str, offset: int) -> bool:
    """The word before offset opens a noun phrase: a determiner ('another "senior official"'), a possessive."""
    before = text[max(0, offset - 30) : offset].rstrip()
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in _NOUN_PHRASE_OPENERS or word.endswith(("’s", "'s", "s’", "s'"))


def _frame_before(layout: _Layout, piece: _Piece) -> tuple[int, int]:
    """From the start of the quote's sentence (or the end of the quote before it) to its opening mark."""
    text = layout.paragraphs[piece.paragraph]
    spans = layout.quote_spans[piece.paragraph]
    i = bisect.bisect_left(spans, (piece.start, piece.end))
    k = i - 1
    while k >= 0 and i - k <= INLINE_QUOTES_IN_FRAME and _is_inline_quote(text, spans[k]):
        k -= 1
    start = spans[k][1] if k >= 0 else 0
    sentence = layout.sentence_of(piece.paragraph, piece.start)
    if sentence > 0:
        start = max(start, layout.sentence_starts[piece.paragraph][sentence - 1])
    if _in_brackets(text, start, piece.start):
        start = text.rfind("(", start, piece.start) + 1  # a quote in brackets is attributed in them
    return start, piece.start


def _frame_after(layout: _Layout, piece: _Piece) -> tuple[int, int]:
    """From the closing mark to the end of the sentence (or the next quote). A sentence that ends inside the
    quote ("Why?" Smith asked) does not end the frame."""
    text = layout.paragraphs[piece.paragraph]
    spans = layout.quote_spans[piece.paragraph]
    i = bisect.bisect_left(spans, (piece.start, piece.end))
    k = i + 1
    while k < len(spans) and k - i <= INLINE_QUOTES_IN_FRAME and _is_inline_quote(text, spans[k]):
        k += 1
    end = spans[k][0] if k < len(spans) else len(text)
    starts = layout.sentence_starts[piece.paragraph]
    j = bisect.bisect_right(starts, piece.end)
    if j < len(starts) and not text[piece.end : starts[j]].strip():
        j += 1
    if j < len(starts):
        end = min(end, starts[j])
    sentence = layout.sentence_of(piece.paragraph, piece.start)
    if _in_brackets(text, starts[sentence - 1] if sentence else 0, piece.start):
        bracket = text.find(")", piece.end, end)
        end = bracket if bracket >= 0 else end  # the quote's brackets close before its sentence does
    return piece.end, end


def _in_brackets(text: str, start: int, offset: int) -> bool:
    """Whether a bracket opens in [start, offset) and has not closed by offset."""
    return text.rfind("(", start, offset) > text.rfind(")", start, offset)
