"""A speaker from an attribution's subject: the canonical name of the person it names, the person a
pronoun stands for, or the noun phrase itself; and the speakers a quote takes from the sentence or the
paragraph before."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .attribution import _attribution_before, _has_content, _sentence_subject, _subject_after
from .layout import _Layout, _Token
from .vocabulary import (
    _DETERMINERS,
    _DOCUMENT_WORDS,
    _DOUBLE_MARK,
    _INTRODUCTIONS,
    _NOT_CONTENT,
    _PERSON_PRONOUNS,
    _PHRASE_INNER_PREPOSITIONS,
    _POSSESSIVE_ENDINGS,
    _PREPOSITIONS,
    _TIME_WORDS,
)

if TYPE_CHECKING:
    from . import PersonMention
    from .marks import _Quote

# How far back a pronoun looks for the person it stands for.
PRONOUN_LOOKBACK_PARAGRAPHS = 3
PRONOUN_LOOKBACK_MENTIONS = 40
# An agent after "by" ("a complaint filed by ...") is read within this many characters. Not tuned.
AGENT_MAX_CHARS = 120
_AGENT = frozenset({"by"})
# A document's issuer follows one of these ("a statement from the ministry", "a report by the agency").
_ISSUER_PREPOSITIONS = frozenset({"by", "from", "of"})
# A document is on or in a page that its owner keeps ("a post on the council's website").
_PLACE_PREPOSITIONS = frozenset({"on", "in"})
# A person named right after a subject and a comma is in apposition to it ("Another critic, Jane Doe,"):
# the comma and a space, not tuned.
APPOSITIVE_GAP_CHARS = 3


def _speaker_of(layout: _Layout, paragraph: int, subject: list[_Token]) -> str | None:
    """The speaker an attribution's subject gives: the person it names or a pronoun stands for, else the
    person named in apposition to it ("Another critic, Jane Doe, said"), else its own words if they describe
    someone."""
    if not subject:
        return None
    if len(subject) == 1 and subject[0].pronoun:
        return _resolve_pronoun(layout, paragraph, subject[0])
    text = layout.paragraphs[paragraph]
    start, end = subject[0].start, subject[-1].end
    if subject[-1].lower.endswith(_POSSESSIVE_ENDINGS):  # the owner of the words: "Smith's claim that ..."
        owner = layout.mentions_between(paragraph, subject[-1].start, subject[-1].end)
        if owner:
            return owner[-1].name
    head = None
    for mention in layout.mentions_between(paragraph, start, end):
        if not text.startswith(_POSSESSIVE_ENDINGS, mention.end):
            head = mention  # the last person named in the phrase ("Trump adviser Jane Doe")
    if head is not None and _is_head(subject, head):
        return head.name
    if subject[-1].is_capitalised and subject[-1].lower in layout.surnames:
        return layout.surnames[subject[-1].lower]
    appositive = next(iter(layout.mentions_between(paragraph, end, end + APPOSITIVE_GAP_CHARS)), None)
    if appositive is not None and text[end : appositive.start].strip() == ",":
        return appositive.name
    return _described_speaker(layout, paragraph, subject)


def _described_speaker(layout: _Layout, paragraph: int, subject: list[_Token]) -> str | None:
    """A speaker the text describes without a name ("a senior Iraqi official", "the State Department"), in
    its words as written; never a time ("the following day"); for a document ("a Homeland Security memo",
    "the statement"), the one who issued it, named in the phrase or as the subject of the sentence before
    that mentions the document ("The council released a statement. ..."), else no one."""
    text = layout.paragraphs[paragraph]
    words = subject
    while words and (words[0].lower in _DETERMINERS or words[0].lower in _INTRODUCTIONS or words[0].lower == "another"):
        words = words[1:]  # "the newspaper" -> "newspaper", "Even China" -> "China"
    participle = next((i for i, t in enumerate(words) if i and t.text.islower() and t.text.endswith("ed")), None)
    agent = _agent_after(layout, paragraph, words[participle]) if participle is not None else []
    words = words[:participle]  # "a civil complaint filed (by ...)" -> "civil complaint"
    if not words or not _has_content(words) or _without_possessive(words[-1].lower) in _TIME_WORDS:
        return None
    if words[-1].text.islower() and words[-1].lower in _DOCUMENT_WORDS:  # not "The Washington Post"
        issuer = (
            agent
            or _agent_after(layout, paragraph, words[-1], _ISSUER_PREPOSITIONS)
            or _issuer(words[:-1])
            or _owner_of_place(layout, paragraph, words[-1])
        )
        if not issuer:
            return _issuer_before(layout, paragraph, words[-1])
        words = issuer
    words = _trailing_name(words)
    # the words as written, without the marks of a quote inside them ('another "senior official"')
    written = " ".join(_DOUBLE_MARK.sub(" ", text[words[0].start : words[-1].end]).split())
    return _without_possessive(written)


def _agent_after(
    layout: _Layout, paragraph: int, word: _Token, prepositions: frozenset = frozenset({"by"})
) -> list[_Token]:
    """Who did it, after a participle ("a complaint filed by the Securities and Exchange Commission") or a
    document ("a statement from the ministry")."""
    following = layout.tokens(paragraph, word.end, word.end + AGENT_MAX_CHARS)
    if not following or following[0].lower not in prepositions:
        return []
    agent = _subject_after(layout, paragraph, following, 1, following[-1].end)
    while agent and agent[0].lower in _DETERMINERS:
        agent = agent[1:]
    return agent if _has_content(agent) else []


def _owner_of_place(layout: _Layout, paragraph: int, document: _Token) -> list[_Token]:
    """The owner of the page a document is on or in ("a post on the council's website", "a passage in
    Smith's book"): whoever keeps the page put it there."""
    place = _agent_after(layout, paragraph, document, _PLACE_PREPOSITIONS)
    page = next((i for i, t in enumerate(place) if t.lower in _DOCUMENT_WORDS), 0)
    return place[:page] if page and place[page - 1].lower.endswith(_POSSESSIVE_ENDINGS) else []


def _issuer_before(layout: _Layout, paragraph: int, document: _Token) -> str | None:
    """The subject of the nearest sentence before that mentions the document ("X released a statement"),
    in this paragraph or the one before, if that subject is someone."""
    noun = re.compile(rf"\b{re.escape(document.lower)}\b", re.IGNORECASE)
    for index, end in ((paragraph, document.start), (paragraph - 1, None)):
        if index < 0:
            break
        plain = layout.plain[index]
        mentions = [m.start() for m in noun.finditer(plain, 0, len(plain) if end is None else end)]
        mentions = [m for m in mentions if not layout.inside_quote(index, m)]
        if not mentions:
            continue
        subject = _sentence_subject(layout, index, layout.sentence_tokens(index, mentions[-1]))
        if subject and subject[-1].lower not in _DOCUMENT_WORDS and (subject[0].pronoun or subject[0].is_capitalised):
            return _speaker_of(layout, index, subject)
        return None
    return None


def _trailing_name(words: list[_Token]) -> list[_Token]:
    """A phrase ending in a name after a word in lower case is about that name, its head: "campaign
    spokesman Brian Fallon" -> "Brian Fallon", "a Bloomberg interview Trump" -> "Trump"."""
    for i in range(len(words) - 1, 0, -1):
        if not words[i].is_capitalised:
            return words
        before = words[i - 1]
        if not before.is_capitalised:
            # a title or a noun before the name, not "of the" or "for" ("delegate of the Virgin Islands")
            return words[i:] if before.lower not in _NOT_CONTENT | _PHRASE_INNER_PREPOSITIONS else words
    return words


def _without_possessive(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s")


def _issuer(words: list[_Token]) -> list[_Token]:
    """The name before a document's noun ("a Homeland Security memo"), or its owner ("the senator's letter",
    "the party's bylaws"), if any."""
    name = list(words)
    while name and not (name[0].is_capitalised or name[0].lower.endswith(_POSSESSIVE_ENDINGS)):
        name = name[1:]
    if name and name[-1].lower.endswith(_POSSESSIVE_ENDINGS):
        return name
    if not name or not all(t.is_capitalised or t.lower in _PHRASE_INNER_PREPOSITIONS for t in name):
        return []
    return name


def _names_a_person_as_head(layout: _Layout, paragraph: int, subject: list[_Token]) -> bool:
    """The phrase is a person ("Jane Smith", "Trump adviser Jane Smith"), not a group of theirs ("Smith's
    relatives")."""
    text = layout.paragraphs[paragraph]
    return any(
        not text.startswith(_POSSESSIVE_ENDINGS, mention.end) and _is_head(subject, mention)
        for mention in layout.mentions_between(paragraph, subject[0].start, subject[-1].end)
    )


def _is_head(subject: list[_Token], mention: PersonMention) -> bool:
    """The person named is what the phrase is about: only names follow, no preposition precedes."""
    before = [t for t in subject if t.end <= mention.start]
    if before and before[-1].lower in _PREPOSITIONS:
        return False
    return all(t.is_capitalised for t in subject if t.start >= mention.end)


def _resolve_pronoun(layout: _Layout, paragraph: int, pronoun: _Token) -> str | None:
    word = pronoun.pronoun
    if word in ("it", "they"):
        # "The council condemned what it called ...": the subject of the pronoun's own sentence, else the
        # last speaker that is no person
        subject = _sentence_subject(layout, paragraph, layout.sentence_tokens(paragraph, pronoun.start))
        if subject and not subject[0].pronoun and not _names_a_person_as_head(layout, paragraph, subject):
            return _speaker_of(layout, paragraph, subject)
        if layout.last_group and paragraph - layout.last_group[0] <= PRONOUN_LOOKBACK_PARAGRAPHS:
            return layout.last_group[1]
        return None
    if word not in _PERSON_PRONOUNS:
        return None  # "I", "we", "you": the writer, or someone the text does not name
    previous_speaker = layout.last_person[1] if layout.last_person else None
    # the nearest sentence before the pronoun that names a person of the right gender; in it, the one who
    # spoke last if named as a subject there, else the first named as a subject
    chosen_sentence = None
    candidates: list[PersonMention] = []
    looked_at = 0
    for index in range(paragraph, max(-1, paragraph - PRONOUN_LOOKBACK_PARAGRAPHS - 1), -1):
        mentions = layout.mentions[index]
        count = layout.mentions_before(index, pronoun.start) if index == paragraph else len(mentions)
        for mention in (mentions[k] for k in range(count - 1, -1, -1)):
            looked_at += 1
            if looked_at > PRONOUN_LOOKBACK_MENTIONS:
                break
            if layout.gender.get(mention.name, word) != word:
                continue
            sentence = (index, layout.sentence_of(index, mention.start))
            if chosen_sentence is None:
                chosen_sentence = sentence
            elif sentence != chosen_sentence:
                break
            candidates.append(mention)
        if candidates:
            break
    if not candidates:
        # no person found by name: the subject of the pronoun's own sentence, else the last person quoted
        subject = _sentence_subject(layout, paragraph, layout.sentence_tokens(paragraph, pronoun.start))
        if subject and not subject[0].pronoun and subject[0].is_capitalised:
            return _speaker_of(layout, paragraph, subject)
        if layout.last_person and paragraph - layout.last_person[0] <= PRONOUN_LOOKBACK_PARAGRAPHS:
            return layout.last_person[1]
        return None
    candidates.reverse()
    subjects = [m for m in candidates if _may_be_subject(layout, m)]
    for group in (subjects, candidates):
        if previous_speaker is not None and any(m.name == previous_speaker for m in group):
            return previous_speaker
        if group:
            return group[0].name
    return None


def _may_be_subject(layout: _Layout, mention: PersonMention) -> bool:
    """Not the object of a preposition ("agreed with Smith") and not a possessor ("Smith's policies"); "according
    to Smith" names a source all the same."""
    text = layout.paragraphs[mention.paragraph]
    before = [t.lower for t in layout.tokens(mention.paragraph, max(0, mention.start - 15), mention.start)]
    if text.startswith(_POSSESSIVE_ENDINGS, mention.end):
        return False
    return not before or before[-1] not in _PREPOSITIONS or before[-2:] == ["according", "to"]


def _speaker_of_sentence_before(layout: _Layout, paragraph: int, sentence: int) -> str | None:
    """The subject of a speech verb in the sentence before, if that sentence quotes nobody."""
    if sentence == 0:
        return None
    starts = layout.sentence_starts[paragraph]
    start, end = (starts[sentence - 2] if sentence > 1 else 0), starts[sentence - 1]
    spans = layout.quote_spans[paragraph]
    i = bisect.bisect_left(spans, (start, 0))
    if (i < len(spans) and spans[i][0] < end) or layout.inside_quote(paragraph, start):
        return None
    attribution = _attribution_before(layout, paragraph, start, end)
    if attribution is None or not attribution.subject:
        return None
    return _speaker_of(layout, paragraph, attribution.subject)


def _person_subject_of_sentence_before(layout: _Layout, paragraph: int, sentence: int) -> str | None:
    """For a quote that opens a sentence with no attribution, the person the sentence before is about, named
    as its subject ('Smith backed the plan. "It is overdue."'), whatever its verb."""
    if sentence == 0:
        return None
    end = layout.sentence_starts[paragraph][sentence - 1] - 1  # the space that ends the sentence before
    subject = _sentence_subject(layout, paragraph, layout.sentence_tokens(paragraph, end))
    if not subject or subject[0].pronoun or not _names_a_person_as_head(layout, paragraph, subject):
        return None
    return _speaker_of(layout, paragraph, subject)


def _speaker_from_paragraph_before(layout: _Layout, touching: list[list[_Quote]], index: int) -> str | None:
    """A paragraph that opens with a quote goes on with the speaker of the paragraph before, if that one
    quoted someone or ends announcing a quote ("Smith wrote on Facebook:")."""
    if index == 0:
        return None
    before = layout.paragraphs[index - 1].rstrip()
    if before.endswith(":"):
        start = max([0, *layout.sentence_starts[index - 1], *(end for _, end in layout.quote_spans[index - 1])])
        if start < len(before):
            attribution = _attribution_before(layout, index - 1, start, len(before))
            if attribution is not None:
                return _speaker_of(layout, index - 1, attribution.subject)
    spoken = [q.speaker for q in touching[index - 1] if q.speaker]
    return spoken[-1] if spoken else None
