"""What a quote is: a statement someone made, or a phrase the writer set in quote marks (a scare quote, the
title of a work, a fragment of a word or two), or no quote at all (a number, a link).

Decided by the quote's shape and its place in the sentence, never by what it says: how many words it has,
whether it is set off from the writer's sentence (after a colon or a comma, or ending in punctuation of its
own with an attribution after it) or runs on inside it as a noun phrase ('an "anonymous" source', 'the
"maximum pressure" campaign'), whether it is in title case, and whether its sentence has a speech verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .attribution import _is_speech_verb, _sentence_subject
from .frames import EMBEDDED_PHRASE_MAX_WORDS, SCARE_QUOTE_MAX_WORDS, _opens_noun_phrase
from .layout import _last_word, _Layout, _Token
from .marks import _Quote
from .speakers import _speaker_of
from .vocabulary import (
    _AUXILIARIES,
    _CLAUSE_PUNCTUATION,
    _DASHES,
    _FINITE_VERBS,
    _LEADING_SPACE,
    _NOUN_PHRASE_OPENERS,
    _PHRASE_BREAKS,
    _PREPOSITIONS,
    _QUOTE_END_PUNCTUATION,
    _SPEECH_VERBS,
    _SUBJECT_PRONOUNS,
    _TITLE_SMALL_WORDS,
    _WORD,
)

STATEMENT = "statement"
PHRASE = "phrase"

# A quote of at most this many words is a fragment ("action", "temporary relocation"), a phrase, unless it
# stands as an utterance of its own with a speech verb ("No," she said.). A definition, not tuned.
FRAGMENT_MAX_WORDS = 2
# A quote of at most this many words after a preposition or a determiner that is no clause (no pronoun,
# auxiliary or modal in it) is a noun-phrase fragment: a phrase. Layout choice, not tuned: 4 to
# 10 give the same speaker, quote and end-to-end figures on both halves of the quotes dev set.
NOUN_PHRASE_MAX_WORDS = 6
# A phrase followed within this many words (and characters) by a speech verb, with nothing but a noun
# phrase between, is part of that verb's subject ('an "anonymous" Iraqi security source said'). Layout
# choice, not tuned: a subject's head and its modifiers.
SUBJECT_AFTER_PHRASE_MAX_WORDS = 4
SUBJECT_AFTER_PHRASE_MAX_CHARS = 60
# A single word in capitals opening a paragraph is a dateline's place from this many letters ("CONGRESS,"),
# an acronym below it ("NATO"). Layout choice, not tuned.
DATELINE_MIN_LETTERS = 6
# How far back a quote's setting is read: a bound on the work per quote, not tuned.
LOOK_BACK_CHARS = 200
# A quote after one of these (or at its paragraph's start) is set off from the writer's sentence.
_SETTING_OFF = frozenset({"", ":", ",", ".", "?", "!", "(", *_DASHES})
# Conjunctions that open a clause of its own after a comma.
_CLAUSE_OPENERS = frozenset({"while", "but", "whereas", "although", "though", "and", "yet"})
# A quote in title case of at most this many words is a title ("Face the Nation"), with or without a verb.
TITLE_MAX_WORDS = 6


def quote_kind(paragraphs: Sequence[str], quote: _Quote, text: str) -> str | None:
    """STATEMENT, PHRASE, or None for quote marks around no words (a number, a link)."""
    words = _WORD.findall(text)
    if not any(ch.isalpha() for ch in text) or ("/" in text and " " not in text):
        return None
    if _is_title(paragraphs, quote, text, words):
        return PHRASE
    if _stands_alone(paragraphs, quote) and (quote.has_own_verb or _is_clause(words)):
        return STATEMENT  # '"No," she said.', '"We are leaving."'
    if len(words) <= FRAGMENT_MAX_WORDS:
        return PHRASE
    if len(words) <= SCARE_QUOTE_MAX_WORDS and not quote.has_own_verb:
        return PHRASE
    if len(words) <= EMBEDDED_PHRASE_MAX_WORDS and _inside_noun_phrase(paragraphs, quote):
        return PHRASE
    if len(words) <= NOUN_PHRASE_MAX_WORDS and _object_of_a_preposition(paragraphs, quote) and not _is_clause(words):
        return PHRASE  # 'in the wake of "increasing and specific threats" from ...'
    return STATEMENT


def _object_of_a_preposition(paragraphs: Sequence[str], quote: _Quote) -> bool:
    """The quote follows a preposition or a determiner, where a noun phrase stands ('reports about "indirect
    fire"'), not "to" (an infinitive as often) or a verb ('was "unhinged"')."""
    first = quote.pieces[0]
    word = _last_word(paragraphs[first.paragraph], first.start - 1).lower()
    return (word in _PREPOSITIONS and word != "to") or word in _NOUN_PHRASE_OPENERS


def _is_clause(words: list[str]) -> bool:
    """Whether the words hold what a clause needs and a noun phrase lacks: a subject pronoun, an auxiliary
    or modal verb, a negation ("we will open the gates", "is not having a good night")."""
    for word in words:
        lower = word.lower()
        head = re.split("[’']", lower, maxsplit=1)[0]
        if head in _SUBJECT_PRONOUNS or lower in _FINITE_VERBS or lower.endswith(("n’t", "n't")):
            return True
    return False


def _is_title(paragraphs: Sequence[str], quote: _Quote, text: str, words: list[str]) -> bool:
    """A short quote in title case with no speech verb, or after a preposition ('on "Face the Nation"')."""
    if len(words) > TITLE_MAX_WORDS or text.rstrip().endswith(("!", "?")):
        return False
    if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    if not quote.has_own_verb:
        return True
    first = quote.pieces[0]
    word_before = _last_word(paragraphs[first.paragraph], first.start - 1).lower()
    return word_before in _PREPOSITIONS | {"s", "in"}


def _stands_alone(paragraphs: Sequence[str], quote: _Quote) -> bool:
    """Set off from the writer's sentence: it opens its paragraph or follows a colon, a comma or a dash, and
    ends in punctuation of its own ('"No," she said.', 'She said: "Never."')."""
    first, last = quote.pieces[0], quote.pieces[-1]
    inner = paragraphs[last.paragraph][last.text_start : last.text_end].rstrip(" ’'‘")
    return _mark_before(paragraphs[first.paragraph], first.start) in _SETTING_OFF and inner.endswith(
        _QUOTE_END_PUNCTUATION
    )


def _mark_before(text: str, offset: int) -> str:
    """The last character before offset that is no space; "" at the start of the text ("x" past a long run
    of spaces, so the cost stays bounded)."""
    start = max(0, offset - LOOK_BACK_CHARS)
    before = text[start:offset].rstrip()
    return before[-1:] if before else ("" if start == 0 else "x")


def _inside_noun_phrase(paragraphs: Sequence[str], quote: _Quote) -> bool:
    """The quote stands where a noun or its modifiers stand in the writer's sentence: a determiner or a
    possessive before it, no punctuation of its own at its end, and the sentence going on after it."""
    if len(quote.pieces) > 1:
        return False
    piece = quote.pieces[0]
    text = paragraphs[piece.paragraph]
    if not _opens_noun_phrase(text, piece.start):
        return False
    if text[piece.text_start : piece.text_end].rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION):
        return False
    after = text[piece.end : piece.end + 2]
    return after[:1] == " " and after[1:].isalpha()


def phrase_speaker(layout: _Layout, quote: _Quote) -> str | None:
    """Who a phrase is reported from, the source of the words around it: the speaker of an attribution in its
    own sentence ('Smith said on "Morning Report" that ...'); no one for a phrase that modifies the noun after
    it or opens its sentence's subject (the writer's scare quotes: 'an "anonymous" source said', 'another
    "senior official" told'); else the subject of its sentence when that is someone ('Smith likened the plan
    to a "gift"'), else the speaker the quotes around it gave."""
    if _names_the_speaker(layout, quote):
        return None
    if quote.own_speaker:
        return quote.speaker
    if _modifies_the_next_word(layout.paragraphs, quote):
        return None
    piece = quote.pieces[0]
    before = layout.sentence_tokens(piece.paragraph, piece.start)
    if all(t.lower in _NOUN_PHRASE_OPENERS for t in before) and not _stands_alone(layout.paragraphs, quote):
        return None  # it opens its sentence's subject: 'Another "senior official" told ...'
    return _subject_speaker(layout, quote, before) or quote.speaker


def statement_speaker(layout: _Layout, quote: _Quote) -> str | None:
    """The speaker of a statement: the one its own attribution gave; for one without that runs on inside the
    writer's sentence ('Jones has gone after Smith as a "leech who will bleed the country"'), the subject of
    that sentence if it is someone, else the speaker the quotes around it gave."""
    if quote.own_speaker or _stands_alone(layout.paragraphs, quote):
        return quote.speaker
    piece = quote.pieces[0]
    return _subject_speaker(layout, quote, layout.sentence_tokens(piece.paragraph, piece.start)) or quote.speaker


def _subject_speaker(layout: _Layout, quote: _Quote, before: list[_Token]) -> str | None:
    """The subject of the quote's clause (`before`: its sentence's words up to the quote), if it is someone.
    A clause starts after a semicolon or a comma and a conjunction ("Supporters call it "overdue," while
    opponents call it "reckless"")."""
    piece = quote.pieces[0]
    text = layout.plain[piece.paragraph]
    for i in range(len(before) - 1, 0, -1):
        gap = text[before[i - 1].end : before[i].start]
        if ";" in gap or ("," in gap and before[i].lower in _CLAUSE_OPENERS):
            before = before[i + 1 :] if before[i].lower in _CLAUSE_OPENERS else before[i:]
            break
    subject = _sentence_subject(layout, piece.paragraph, before)
    if subject and _names_someone(layout, piece.paragraph, subject):
        return _speaker_of(layout, piece.paragraph, subject)
    return None


def _names_someone(layout: _Layout, paragraph: int, subject: list[_Token]) -> bool:
    """A pronoun, a phrase that names a person, or a capitalised phrase (a name, or "The senator"), but not
    the place of a dateline ("LOS ANGELES, Sept. 28 - ...")."""
    start, end = subject[0].start, subject[-1].end
    if layout.mentions_between(paragraph, start, end) or subject[0].pronoun:
        return True
    return subject[0].is_capitalised and not _is_dateline(layout.paragraphs[paragraph], subject)


def _is_dateline(text: str, subject: list[_Token]) -> bool:
    """Words in capitals opening the paragraph, set off by a comma or a dash: a dateline's place."""
    capitals = "".join(t.text for t in subject)
    return (
        subject[0].start == _LEADING_SPACE.match(text).end()
        and capitals.isupper()
        and (len(subject) > 1 or len(capitals) >= DATELINE_MIN_LETTERS)
        and text[subject[-1].end : subject[-1].end + 2].lstrip()[:1] in (",", *_DASHES)
    )


def _modifies_the_next_word(paragraphs: Sequence[str], quote: _Quote) -> bool:
    """'the "maximum pressure" campaign': no punctuation at the quote's end, and the word after it is no
    preposition, conjunction or verb of the sentence."""
    piece = quote.pieces[-1]
    text = paragraphs[piece.paragraph]
    if text[piece.text_start : piece.text_end].rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION):
        return False
    match = _WORD.match(text, piece.end + 1) if text[piece.end : piece.end + 1] == " " else None
    if match is None:
        return False
    word = match.group()
    lower = word.lower()
    if lower in _PHRASE_BREAKS or lower in _PREPOSITIONS or lower in _AUXILIARIES or word in _SPEECH_VERBS:
        return False
    return not (word.islower() and word.endswith(("ed", "s")))


def _names_the_speaker(layout: _Layout, quote: _Quote) -> bool:
    """The phrase is part of the subject of a speech verb right after it ('an "anonymous" official said'):
    it describes the one who speaks, it is not what they said. A verb in -ing after a noun is a participle
    that describes the noun ('as "unhinged" a tweet attacking a rival'): it has no subject."""
    piece = quote.pieces[-1]
    text = layout.plain[piece.paragraph]
    if text[piece.text_start : piece.text_end].rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION):
        return False
    tokens = layout.tokens(piece.paragraph, piece.end, min(len(text), piece.end + SUBJECT_AFTER_PHRASE_MAX_CHARS))
    for i, token in enumerate(tokens[: SUBJECT_AFTER_PHRASE_MAX_WORDS + 1]):
        if _is_speech_verb(tokens, i) and not (i and token.text.endswith("ing")):
            if i == 0 and not _opens_noun_phrase(layout.paragraphs[piece.paragraph], quote.pieces[0].start):
                return False  # 'the ad "unmistakably" suggests': no noun of a subject after it or before it
            return not any(ch in _CLAUSE_PUNCTUATION for ch in text[piece.end : token.start])
        if token.lower in _PHRASE_BREAKS or token.lower in _PREPOSITIONS or token.lower in _AUXILIARIES:
            return False
    return False
