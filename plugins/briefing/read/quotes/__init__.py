"""Direct quotes in an article body, and who said them.

Rules of English news writing, no model. Double quote marks (straight or curly) are paired; single marks only
ever nest inside them, so apostrophes never open a quote. A quote may run over several paragraphs the news
way: each continued paragraph reopens with a mark and only the last one closes. An opening mark that never
closes is dropped with its paragraph; it does not run on into the article.

The speaker comes from the attribution in the quote's own sentence ("...," Smith said / said Smith / Smith
said: "..." / Smith said that "..." / according to Smith / "..." - Jane Doe), else from another quote of the
same paragraph ("First," he said. "Second."), else from a speech verb in the sentence before, else, for a
quote that opens its paragraph, from the paragraph before, else, for one that opens its sentence, from the
person the sentence before names as its subject. A person named in the attribution is given by
the canonical name of its mention; a pronoun stands for the person named as a subject in the nearest
sentence before it; a speaker that is no person ("the newspaper", "a senior official") is given as that
phrase. Each quote has a kind (kinds.py): a statement, or a phrase (a scare quote, a title, a fragment of a
word or two), reported with the source of the words around it, if any.

Pure: standard library only, linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .attribution import _attribution_after, _attribution_before, _subordinate_attribution
from .frames import _frame_before
from .kinds import STATEMENT, phrase_speaker, quote_kind, statement_speaker
from .layout import _Layout, _layout
from .marks import _pair_marks, _Quote
from .speakers import (
    _person_subject_of_sentence_before,
    _speaker_from_paragraph_before,
    _speaker_of,
    _speaker_of_sentence_before,
)
from .vocabulary import _DASHES, _LEADING_SPACE, _quote_key

__all__ = ["FoundQuote", "PersonMention", "find_quotes"]


@dataclass(frozen=True)
class PersonMention:
    paragraph: int  # index into paragraphs
    start: int  # char offset in that paragraph
    end: int
    name: str  # canonical name of the person ("Mike Pompeo" for a mention "Pompeo")


@dataclass(frozen=True)
class FoundQuote:
    text: str  # the words inside the quote marks (without the marks)
    speaker: str | None  # canonical person name, a noun phrase such as "the newspaper", or None
    paragraph: int
    kind: str = "statement"  # or "phrase" (records.Quote)


# ----------------------------------------------------------------------------- the extractor


def find_quotes(paragraphs: list[str], people: list[PersonMention], skip: Collection[str] = ()) -> list[FoundQuote]:
    """The direct quotes of an article with their speakers, in text order, each quote text once.

    `people` are the article's person mentions, already resolved to canonical names. `skip` are texts of
    pull quotes taken out of the body: a paragraph that is only such a copy gives way to the body's own
    occurrence of the quote.
    """
    # 1. the quote marks paired into quotes (marks.py)
    quotes = _pair_marks(paragraphs)
    # 2. where the quotes, sentences and person mentions are in each paragraph (layout.py)
    layout = _layout(paragraphs, quotes, people)
    opening_in: list[list[_Quote]] = [[] for _ in paragraphs]
    touching: list[list[_Quote]] = [[] for _ in paragraphs]  # quotes with a piece in the paragraph, in order
    for quote in quotes:  # in text order, so a paragraph's continued quote comes first in it
        opening_in[quote.paragraph].append(quote)
        for piece in quote.pieces:
            touching[piece.paragraph].append(quote)
    for index, paragraph_quotes in enumerate(opening_in):
        # 3. a speaker from the attribution in each quote's own sentence (attribution.py, speakers.py)
        attributed = {
            quote
            for previous, quote in zip([None, *paragraph_quotes], paragraph_quotes, strict=False)
            if _attribute(layout, quote, previous)
        }
        if len(attributed) < len(paragraph_quotes):
            # 4. the others take one from another quote of the paragraph, the sentence or the paragraph before
            _inherit_speakers(layout, touching, index, attributed)
    # 5. the quotes that are direct speech, each text once
    return _report(layout, quotes, skip)


def _inherit_speakers(layout: _Layout, touching: list[list[_Quote]], index: int, attributed: set[_Quote]) -> None:
    """Speakers for the quotes of a paragraph that have no attribution of their own: that of the quote before
    in the paragraph ("First," he said. "Second."), else of the next attributed one, else of the sentence
    before ("Smith called him a visionary. "He ..."), else, for a quote that opens its paragraph, of the
    paragraph before, else, for one that opens its sentence, the person the sentence before is about."""
    siblings = touching[index]
    next_speaker: list[str | None] = []
    following = None
    for quote in reversed(siblings):
        next_speaker.append(following)
        if quote in attributed and quote.speaker:
            following = quote.speaker
    next_speaker.reverse()
    last_speaker = None
    from_sentence_before: dict[int, str | None] = {}
    for position, quote in enumerate(siblings):
        if quote.paragraph == index and quote not in attributed:
            # 4a. the quote before in the paragraph, else 4b. the next attributed one
            quote.speaker = last_speaker or next_speaker[position]
            if quote.speaker is None:
                # 4c. a speech verb in the sentence before
                sentence = layout.sentence_of(index, quote.pieces[0].start)
                if sentence not in from_sentence_before:
                    from_sentence_before[sentence] = _speaker_of_sentence_before(layout, index, sentence)
                quote.speaker = from_sentence_before[sentence]
            if quote.speaker is None and _opens_paragraph(layout, quote):
                # 4d. the paragraph before
                quote.speaker = _speaker_from_paragraph_before(layout, touching, index)
            if quote.speaker is None and _opens_sentence(layout, quote):
                # 4e. the person the sentence before is about
                sentence = layout.sentence_of(index, quote.pieces[0].start)
                quote.speaker = _person_subject_of_sentence_before(layout, index, sentence)
        last_speaker = quote.speaker or last_speaker


def _opens_sentence(layout: _Layout, quote: _Quote) -> bool:
    piece = quote.pieces[0]
    sentence = layout.sentence_of(piece.paragraph, piece.start)
    start = layout.sentence_starts[piece.paragraph][sentence - 1] if sentence else 0
    return not layout.paragraphs[piece.paragraph][start : piece.start].strip()


def _opens_paragraph(layout: _Layout, quote: _Quote) -> bool:
    piece = quote.pieces[0]
    return _LEADING_SPACE.match(layout.paragraphs[piece.paragraph]).end() == piece.start


def _attribute(layout: _Layout, quote: _Quote, previous: _Quote | None) -> bool:
    """Find the quote's speaker in its own sentence; True if found. A quote joined to the one before by a
    conjunction ('about "A," and "B," she said') shares its attribution."""
    if previous is not None and previous.own_speaker and _coordinated(layout, previous, quote):
        quote.speaker, quote.own_speaker = previous.speaker, True  # its kind is still its own shape's
        return True
    first, last = quote.pieces[0], quote.pieces[-1]
    frame = _frame_before(layout, first)
    before = _subordinate_attribution(layout, first.paragraph, *frame)
    if before is not None:
        after = None  # 'as Smith went on about "...," Jones nodded': the words after are the main clause
    else:
        after = _attribution_after(layout, last) if quote.closed else None
        before = _attribution_before(layout, first.paragraph, *frame)
    if after is None and before is None:
        return False
    quote.has_own_verb = True
    candidates = [(after, last.paragraph), (before, first.paragraph)]
    if after is None or not after.subject or not _leads_to_attribution(layout, quote):
        candidates.reverse()
    for attribution, paragraph in candidates:
        if attribution is not None:
            quote.speaker = _speaker_of(layout, paragraph, attribution.subject)
            if quote.speaker is not None:
                break
    if quote.speaker is None:
        return False
    quote.own_speaker = True
    if layout.person_named(quote.speaker):
        layout.last_person = (paragraph, quote.speaker)
    else:
        layout.last_group = (paragraph, quote.speaker)
    return True


def _coordinated(layout: _Layout, previous: _Quote, quote: _Quote) -> bool:
    """Only a coordinating conjunction (and a comma) stands between the two quotes: they are one object."""
    end, start = previous.pieces[-1], quote.pieces[0]
    if end.paragraph != start.paragraph:
        return False
    return layout.paragraphs[start.paragraph][end.end : start.start].strip(" ,") in ("and", "or")


def _leads_to_attribution(layout: _Layout, quote: _Quote) -> bool:
    """A quote that ends in a comma, a question or exclamation mark or a dash, or is followed by lower case,
    is attributed after it ("...," she said); a quote ending a sentence is more likely introduced before it."""
    last = quote.pieces[-1]
    text = layout.paragraphs[last.paragraph]
    inner = text[last.text_start : last.text_end].rstrip()
    follow = text[last.end : last.end + 3].lstrip()
    return inner.endswith((",", "?", "!", *_DASHES)) or follow[:1] == "," or follow[:1].islower()


# ----------------------------------------------------------------------------- what is reported


def _report(layout: _Layout, quotes: list[_Quote], skip: Collection[str]) -> list[FoundQuote]:
    """The quotes that are direct speech, each text once (the occurrence with a speaker wins), pull-quote
    copies left out where the body has the quote. A quote over several paragraphs is one text."""
    paragraphs = layout.paragraphs
    skipped = {_quote_key(text) for text in skip}
    found: list[tuple[FoundQuote, str]] = []
    for quote in quotes:
        if not quote.closed:
            continue
        text = " ".join(paragraphs[p.paragraph][p.text_start : p.text_end].strip() for p in quote.pieces)
        text = text.strip().rstrip(",").rstrip()
        key = _quote_key(text)
        kind = quote_kind(paragraphs, quote, text) if key else None
        if kind is not None:
            speaker = statement_speaker(layout, quote) if kind == STATEMENT else phrase_speaker(layout, quote)
            found.append((FoundQuote(text, speaker, quote.paragraph, kind), key))
    copies = {i for i, paragraph in enumerate(paragraphs) if skipped and _quote_key(paragraph) in skipped}
    in_body = [key for quote, key in found if quote.paragraph not in copies]
    kept: dict[str, int] = {}  # quote key -> position in found
    for position, (quote, key) in enumerate(found):
        if quote.paragraph in copies and any(key in other for other in in_body):
            continue  # a copy of a pull quote; the body has the quote itself
        if key in kept and (found[kept[key]][0].speaker or not quote.speaker):
            continue
        kept[key] = position
    return [found[position][0] for position in sorted(kept.values())]
