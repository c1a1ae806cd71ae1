"""The article's layout: words as tokens, where sentences start, and where the quotes and the person
mentions are in each paragraph."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .vocabulary import _ABBREVIATIONS, _ASIDE, _HONORIFIC_BEFORE, _SENTENCE_END, _SUBJECT_PRONOUNS, _WORD

if TYPE_CHECKING:
    from . import PersonMention
    from .marks import _Quote

# A subject read from the start of its sentence is among its first this many words.
SENTENCE_OPENING_WORDS = 40
# No name mention is longer than this (a bound for looking mentions up by offset).
MENTION_MAX_CHARS = 100


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def pronoun(self) -> str | None:
        """The subject pronoun this token is or starts with ("he", "I’m"), lower case."""
        head = re.split("[’']", self.lower, maxsplit=1)[0]
        return head if head in _SUBJECT_PRONOUNS else None


@dataclass
class _Layout:
    """Where the quotes, sentences and people are in each paragraph."""

    paragraphs: Sequence[str]
    plain: list[str]  # the paragraphs with asides in brackets blanked out, for reading attributions
    quote_spans: list[list[tuple[int, int]]]  # per paragraph: (start, end) of each quote piece, in order
    sentence_starts: list[list[int]]  # per paragraph: offsets where a sentence starts, outside quotes
    mentions: list[list[PersonMention]]  # per paragraph, in order, outside quotes
    mention_starts: list[list[int]]  # the same mentions' start offsets, for bisecting
    gender: dict[str, str] = field(default_factory=dict)  # canonical name -> "he" / "she", from honorifics
    surnames: dict[str, str] = field(default_factory=dict)  # last word of a canonical name -> the name, if unique
    people: set[str] = field(default_factory=set)  # every canonical name
    last_person: tuple[int, str] | None = None  # (paragraph, name) of the last person found speaking
    last_group: tuple[int, str] | None = None  # the same for the last speaker that is no person
    # (paragraph, sentence) -> its first words outside quotes, read once
    sentence_openings: dict[tuple[int, int], list[_Token]] = field(default_factory=dict)

    def inside_quote(self, paragraph: int, offset: int) -> bool:
        spans = self.quote_spans[paragraph]
        i = bisect.bisect_right(spans, (offset, len(self.paragraphs[paragraph]) + 1)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def sentence_of(self, paragraph: int, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts[paragraph], offset)

    def tokens(self, paragraph: int, start: int, end: int) -> list[_Token]:
        return [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.plain[paragraph], start, end)]

    def mentions_between(self, paragraph: int, start: int, end: int) -> list[PersonMention]:
        """The person mentions that overlap [start, end), in order."""
        mentions, starts = self.mentions[paragraph], self.mention_starts[paragraph]
        first = bisect.bisect_left(starts, start - MENTION_MAX_CHARS)
        last = bisect.bisect_left(starts, end)
        return [m for m in mentions[first:last] if m.end > start]

    def mentions_before(self, paragraph: int, offset: int) -> int:
        """How many of the paragraph's person mentions start before offset."""
        return bisect.bisect_left(self.mention_starts[paragraph], offset)

    def sentence_tokens(self, paragraph: int, end: int) -> list[_Token]:
        """The first words of the sentence that holds `end`, up to `end`, without the quoted ones (at most
        SENTENCE_OPENING_WORDS: a subject stands at the start)."""
        sentence = self.sentence_of(paragraph, end)
        key = (paragraph, sentence)
        if key not in self.sentence_openings:
            self.sentence_openings[key] = self._sentence_opening(paragraph, sentence)
        return [t for t in self.sentence_openings[key] if t.end <= end]

    def _sentence_opening(self, paragraph: int, sentence: int) -> list[_Token]:
        start = self.sentence_starts[paragraph][sentence - 1] if sentence else 0
        end = self.sentence_starts[paragraph][sentence] if sentence < len(self.sentence_starts[paragraph]) else None
        end = len(self.paragraphs[paragraph]) if end is None else end
        spans = self.quote_spans[paragraph]
        i = bisect.bisect_right(spans, (start, len(self.paragraphs[paragraph]) + 1)) - 1
        if i >= 0 and spans[i][1] > start:
            start = spans[i][1]  # the sentence starts inside a quote
        tokens: list[_Token] = []
        for _ in range(SENTENCE_OPENING_WORDS):  # also bounds how many quotes are stepped over
            i += 1
            gap_end = min(end, spans[i][0]) if i < len(spans) else end
            for match in _WORD.finditer(self.plain[paragraph], start, gap_end):
                tokens.append(_Token(match.group(), match.start(), match.end()))
                if len(tokens) == SENTENCE_OPENING_WORDS:
                    return tokens
            if gap_end >= end:
                break
            start = spans[i][1]
        return tokens

    def person_named(self, name: str) -> bool:
        return name in self.people


def _sentence_starts(paragraph: str, quote_spans: list[tuple[int, int]]) -> list[int]:
    starts = []
    span_starts = [start for start, _ in quote_spans]
    for match in _SENTENCE_END.finditer(paragraph):
        word = _last_word(paragraph, match.start())
        if len(word) == 1 or word.lower() in _ABBREVIATIONS:
            continue
        boundary = match.end()
        i = bisect.bisect_right(span_starts, boundary) - 1
        if i >= 0 and quote_spans[i][0] < boundary < quote_spans[i][1]:
            continue  # a sentence ending inside a quote
        starts.append(boundary)
    return starts


def _last_word(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 12 and text[start - 1].isalnum():
        start -= 1
    return text[start:end]


def _layout(paragraphs: Sequence[str], quotes: list[_Quote], people: Sequence[PersonMention]) -> _Layout:
    quote_spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for quote in quotes:
        for piece in quote.pieces:
            quote_spans[piece.paragraph].append((piece.start, piece.end))
    for spans in quote_spans:
        spans.sort()
    plain = [_ASIDE.sub(lambda m: " " * len(m.group()), p) for p in paragraphs]
    sentence_starts = [_sentence_starts(p, spans) for p, spans in zip(paragraphs, quote_spans, strict=True)]
    layout = _Layout(
        paragraphs=paragraphs,
        plain=plain,
        quote_spans=quote_spans,
        sentence_starts=sentence_starts,
        mentions=[[] for _ in paragraphs],
        mention_starts=[[] for _ in paragraphs],
    )
    names_by_last_word: dict[str, set[str]] = {}
    for mention in sorted(people, key=lambda m: (m.paragraph, m.start)):
        if not 0 <= mention.paragraph < len(paragraphs) or not mention.name.split():
            continue
        paragraph = paragraphs[mention.paragraph]
        honorific = _HONORIFIC_BEFORE.search(paragraph, max(0, mention.start - 6), mention.start)
        if honorific:
            layout.gender.setdefault(mention.name, "he" if honorific.group(1) == "Mr" else "she")
        names_by_last_word.setdefault(mention.name.split()[-1].lower(), set()).add(mention.name)
        layout.people.add(mention.name)
        if not layout.inside_quote(mention.paragraph, mention.start):
            layout.mentions[mention.paragraph].append(mention)
            layout.mention_starts[mention.paragraph].append(mention.start)
    layout.surnames = {word: next(iter(names)) for word, names in names_by_last_word.items() if len(names) == 1}
    return layout
