"""The attribution of a quote in its own sentence, before or after the quote marks, and the subject of its
speech verb, as tokens."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .frames import _frame_after
from .layout import _Layout, _Token
from .marks import _Piece
from .vocabulary import (
    _ADJUNCT_WORDS,
    _AUXILIARIES,
    _CLAUSE_PUNCTUATION,
    _COORDINATORS,
    _DASHES,
    _DETERMINERS,
    _GO_FORMS,
    _INTRODUCTIONS,
    _INVERTIBLE_VERBS,
    _LEADING_SPACE,
    _NOT_CONTENT,
    _NOUN_LIKE_PLURALS,
    _NOUN_MARKERS,
    _PASSIVE_AUXILIARIES,
    _PHRASE_BREAKS,
    _PHRASE_INNER_PREPOSITIONS,
    _PHRASE_PREPOSITIONS,
    _POSSESSIVE_ENDINGS,
    _POSTMODIFYING_ADJECTIVES,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _QUOTE_END_PUNCTUATION,
    _RELATIVE_PRONOUNS,
    _SPEECH_NOUNS,
    _SPEECH_VERB_BASE_FORMS,
    _SPEECH_VERBS,
    _SUBJECT_ENDS,
    _SUBORDINATORS,
    _TIME_WORDS,
    _VERB_ENABLERS,
    _WITHOUT_OBJECT_VERBS,
)

# An attribution after a quote has its speech verb within this many words of the closing mark.
POST_ATTRIBUTION_MAX_WORDS = 25
# An attribution that closes a sentence (", Smith said on Tuesday.") has at most this many words.
CLOSING_ATTRIBUTION_MAX_WORDS = 8
# A noun-phrase speaker is cut to this many words.
SPEAKER_MAX_WORDS = 10
# A sentence opening with a time phrase of at most this many words before a comma ("A day earlier, ...")
# has its subject after the comma. Layout choice, not tuned.
TIME_PHRASE_MAX_WORDS = 5
# A dateline ("LOS ANGELES, Sept. 28 (UPI) —") ends with its dash within this many characters. Not tuned.
DATELINE_MAX_CHARS = 60
# A subject with its appositives ("Jane Doe, a spokeswoman for the campaign, said") fits in this many
# characters before its verb.
SUBJECT_MAX_CHARS = 400


@dataclass(frozen=True)
class _Attribution:
    subject: list[_Token]  # empty: a speech verb whose subject is elsewhere (", adding: ...")


def _is_speech_verb(tokens: list[_Token], i: int) -> bool:
    token = tokens[i]
    if token.text in ("put", "puts"):
        return i + 1 < len(tokens) and tokens[i + 1].lower == "it"  # "as the memo put it"
    if token.text in _GO_FORMS:  # "went on about ...", "...," she went on
        following = [t.lower for t in tokens[i + 1 : i + 3]]
        return following[:1] == ["on"] and following[1:] in ([], ["about"])
    if token.text not in _SPEECH_VERBS:  # lower case only: "Read more", "United States" are no verbs
        return False
    before = tokens[i - 1].lower if i > 0 else ""
    if before in _NOUN_MARKERS or before.endswith(_POSSESSIVE_ENDINGS):
        return False
    if token.text == "states":  # "the document states that", not "the states"
        return i + 1 < len(tokens) and tokens[i + 1].lower == "that"
    if token.text in _NOUN_LIKE_PLURALS and i > 0:
        previous = tokens[i - 1]
        if previous.is_capitalised:  # "Smith claims", not "of Republican claims"
            return i < 2 or not (tokens[i - 2].lower in _PREPOSITIONS | _NOUN_MARKERS or tokens[i - 2].text.isdigit())
        return previous.lower in ("he", "she", "it") or _is_adjunct(previous)
    return token.text not in _SPEECH_VERB_BASE_FORMS or before in _VERB_ENABLERS


def _source_words(tokens: list[_Token], i: int) -> int:
    """How many words of a preposition that brings in a source start at tokens[i]: "according to Smith", or
    "per" before a noun phrase ("per the party's bylaws", "per Reuters"; not "per cent", "per year")."""
    if i + 1 == len(tokens):
        return 0
    word, following = tokens[i].lower, tokens[i + 1]
    if word == "according":
        return 2 if following.lower == "to" else 0
    return 1 if word == "per" and (following.lower in _NOUN_MARKERS or following.is_capitalised) else 0


def _clause_before(layout: _Layout, paragraph: int, start: int, end: int) -> list[_Token]:
    """The tokens in [start, end) after the last clause punctuation before end."""
    text = layout.plain[paragraph]
    cut = max(text.rfind(ch, start, end) for ch in _CLAUSE_PUNCTUATION)
    return layout.tokens(paragraph, max(start, cut + 1), end)


def _subject_before(layout: _Layout, paragraph: int, region_start: int, end: int) -> list[_Token]:
    """The subject that ends just before a speech verb at `end` ("the State Department" said; Smith, a
    Democrat from Ohio, said; Smith, who in 2010 said)."""
    text = layout.plain[paragraph]
    region_start = max(region_start, end - SUBJECT_MAX_CHARS)
    clause = layout.tokens(paragraph, region_start, end)
    while clause and _is_adjunct(clause[-1]):  # "Smith, a Democrat, later said"
        clause.pop()
    appositive_end = text.find(",", clause[-1].end if clause else region_start, end)
    if appositive_end >= 0:
        # "Smith, a Democrat from Ohio, said": the subject stands before the appositive, unless only the
        # appositive names someone
        appositive = _clause_before(layout, paragraph, region_start, appositive_end)
        if not appositive:
            return []
        head_end = max(text.rfind(ch, region_start, appositive[0].start) for ch in _CLAUSE_PUNCTUATION)
        head = _clause_before(layout, paragraph, region_start, head_end) if head_end > region_start else []
        return _noun_phrase_before(head) or _noun_phrase_before(appositive)
    last_clause = _clause_before(layout, paragraph, region_start, end)
    relative = next((t for t in last_clause if t.lower in ("who", "which")), None)
    if relative is not None:
        return _subject_before(layout, paragraph, region_start, relative.start)
    return _noun_phrase_before(last_clause)


def _noun_phrase_before(clause: list[_Token], past_prepositions: bool = True) -> list[_Token]:
    """The noun phrase that ends a clause, read backwards: adjuncts before the verb are dropped, the phrase
    stops at a preposition, a conjunction or after a determiner, and a prepositional phrase ("Smith in a
    statement said") is passed over."""
    end = len(clause)
    fallback: list[_Token] = []
    while end > 0:
        while end > 0 and _is_adjunct(clause[end - 1]):
            end -= 1
        if end == 0:
            break
        if clause[end - 1].pronoun:
            return [clause[end - 1]]
        start = end - 1
        while start > 0 and end - start < SPEAKER_MAX_WORDS:
            word, previous = clause[start], clause[start - 1]
            if word.lower in _DETERMINERS or word.lower in _NOUN_MARKERS:
                if previous.lower not in _PHRASE_INNER_PREPOSITIONS:
                    break
            elif previous.text in _PHRASE_BREAKS and not (
                previous.text == "and" and word.is_capitalised and start > 1 and clause[start - 2].is_capitalised
            ):
                break  # but "Smith and Jones said" goes on
            if previous.pronoun and previous.lower != "it":
                break
            if previous.text.isdigit() and word.is_capitalised:
                break  # "in 2017 America says"
            start -= 1
        phrase = clause[start:end]
        if not _has_content(phrase):
            return fallback
        if past_prepositions and start > 0 and clause[start - 1].text in _PHRASE_PREPOSITIONS:
            fallback = fallback or phrase
            end = start - 1
            continue
        return phrase
    return fallback


def _is_adjunct(token: _Token) -> bool:
    return token.lower in _ADJUNCT_WORDS or (token.text.islower() and token.text.endswith("ly"))


def _subject_after(layout: _Layout, paragraph: int, tokens: list[_Token], first: int, end: int) -> list[_Token]:
    """The subject after an inverted verb or "according to" (said Rep. Jane Doe, D-Ohio; according to a
    senior official who ...)."""
    text = layout.plain[paragraph]
    phrase: list[_Token] = []
    for token in tokens[first:]:
        if token.end > end or (phrase and (token.text in _PHRASE_BREAKS or _ends_noun_phrase(phrase[-1], token))):
            break
        if phrase and any(ch in _CLAUSE_PUNCTUATION for ch in text[phrase[-1].end : token.start]):
            break
        phrase.append(token)
        if len(phrase) == SPEAKER_MAX_WORDS:
            break
    while len(phrase) > 1 and phrase[-1].lower in _POSTMODIFYING_ADJECTIVES:
        phrase.pop()  # "a diplomat familiar (with the talks)"
    return phrase


def _past_a_dateline(text: str, tokens: list[_Token]) -> list[_Token]:
    """The words after a dateline that opens the paragraph ("LOS ANGELES, Sept. 28 (UPI) — In a ...")."""
    if not tokens or tokens[0].start != _LEADING_SPACE.match(text).end() or not tokens[0].text.isupper():
        return tokens
    window = text[tokens[0].start : tokens[0].start + DATELINE_MAX_CHARS]
    dash = next((i for i, ch in enumerate(window) if ch in "—–―" or window.startswith(" - ", i)), -1)
    if dash < 0:
        return tokens
    return [t for t in tokens if t.start > tokens[0].start + dash]


def _opens_with_an_adjunct(layout: _Layout, paragraph: int, tokens: list[_Token]) -> bool:
    """The sentence opens with when it happened or an adverb, set off by a comma ("The following day, ...",
    "Conversely, ...")."""
    text = layout.plain[paragraph]
    if (
        _is_adverb(tokens[0])
        and text.startswith(",", tokens[0].end)
        and not _names_person(layout, paragraph, tokens[:1])
    ):
        return True
    comma = text.find(",", tokens[0].end, tokens[-1].end)
    opening = [t for t in tokens[: TIME_PHRASE_MAX_WORDS + 1] if t.end <= comma]
    return 0 < len(opening) <= TIME_PHRASE_MAX_WORDS and opening[-1].lower in _TIME_WORDS


def _is_adverb(token: _Token) -> bool:
    """An adverb in -ly ("Conversely", "Finally"), not a name that ends so ("Kelly", "Italy", "Emily")."""
    word = token.lower
    if not word.endswith("ly") or len(word) < 6:
        return False
    return word.endswith("ally") or not word.endswith(("lly", "aly", "ily"))


def _ends_noun_phrase(previous: _Token, token: _Token) -> bool:
    """A word that cannot go on a noun phrase read forwards: a time adjunct ("the agency this week"), a
    participle after a noun ("an agency citing ...", not "the ruling")."""
    if token.lower in _ADJUNCT_WORDS:
        return True
    return token.text.islower() and token.text.endswith("ing") and previous.lower not in _NOT_CONTENT


def _sentence_subject(layout: _Layout, paragraph: int, tokens: list[_Token]) -> list[_Token]:
    """The subject of a sentence read from its start ("At a rally, the mayor said ..." -> "the mayor"): the
    phrase it opens with, else the first person named outside a prepositional phrase, else the first
    pronoun."""
    tokens = _past_a_dateline(layout.plain[paragraph], tokens)
    if tokens and _opens_with_an_adjunct(layout, paragraph, tokens):
        comma = layout.plain[paragraph].find(",", tokens[0].end, tokens[-1].end)
        tokens = [t for t in tokens if t.start > comma]  # "The next morning, striking workers ..."
    elif tokens and tokens[0].lower in _INTRODUCTIONS:
        # past the opening phrase, which may hold commas of its own ("Following a long, tense meeting, ...")
        text = layout.plain[paragraph]
        rest = tokens
        comma = text.find(",", tokens[0].end, tokens[-1].end)
        while comma >= 0:
            rest = [t for t in rest if t.start > comma]
            if not rest or not (rest[0].text.islower() or rest[0].text.isdigit()) or rest[0].lower in _NOT_CONTENT:
                break
            comma = text.find(",", rest[0].end, rest[-1].end)
        if rest and not (rest[0].text.islower() and rest[0].text.endswith(("ing", "ed"))):
            tokens = rest  # else the comma closed a clause of the sentence ("..., stripping out ...")
    text = layout.plain[paragraph]
    phrase: list[_Token] = []
    for i, token in enumerate(tokens[:SPEAKER_MAX_WORDS]):
        if token.pronoun:
            if not phrase:
                return [token]
            break
        if token.lower in _SUBJECT_ENDS or token.text in _SPEECH_VERBS:
            break
        if phrase and any(ch in _CLAUSE_PUNCTUATION for ch in text[phrase[-1].end : token.start]):
            break
        if (
            phrase
            and token.text.islower()
            and (token.text.endswith("ed") or (token.lower != "of" and _is_name(phrase)))
            and not _noun_after_a_place(layout, paragraph, phrase, tokens[i + 1 : i + 2])
            and not phrase[-1].lower.endswith(_POSSESSIVE_ENDINGS)  # "Smith's neighbours"
        ):
            break  # "Smith unleashed", "Jane Smith sings"
        if phrase and _is_verb_before_its_object(token, tokens[i + 1 : i + 2]):
            break  # "The director makes this clear"
        phrase.append(token)
    if _has_content(phrase):
        return phrase
    if not tokens:
        return []
    text = layout.paragraphs[paragraph]
    for mention in layout.mentions_between(paragraph, tokens[0].start, tokens[-1].end):
        if tokens[0].start <= mention.start and not text.startswith(_POSSESSIVE_ENDINGS, mention.end):
            before = [t for t in tokens if t.end <= mention.start]
            if not before or before[-1].lower not in _PREPOSITIONS:
                return [t for t in tokens if mention.start <= t.start < mention.end]
    return next(([t] for t in tokens if t.pronoun), [])


def _is_verb_before_its_object(token: _Token, following: list[_Token]) -> bool:
    """A word in lower case ending in -s right before a determiner or a pronoun is a verb ("makes this",
    "wants the"), not part of the subject before it."""
    if not following or not token.text.islower() or not token.text.endswith("s") or token.text.endswith("ss"):
        return False
    return following[0].lower in _NOUN_MARKERS or following[0].lower in ("him", "them", "us", "me", "it")


def _noun_after_a_place(layout: _Layout, paragraph: int, name: list[_Token], following: list[_Token]) -> bool:
    """A name that is no person's, then a word the verb follows: "Basra protesters torched" (a noun), unlike
    "Jane Smith sings"."""
    if not following or _names_person(layout, paragraph, name):
        return False
    verb = following[0]
    return (
        verb.text in _SPEECH_VERBS or verb.lower in _AUXILIARIES or (verb.text.islower() and verb.text.endswith("ed"))
    )


def _is_name(words: list[_Token]) -> bool:
    return all(t.is_capitalised or t.lower == "of" for t in words) and words[0].lower not in _NOT_CONTENT


def _has_content(words: list[_Token]) -> bool:
    return any(t.lower not in _NOT_CONTENT and t.lower not in _QUANTIFIERS and not t.text.isdigit() for t in words)


def _subject_of_verb(layout: _Layout, paragraph: int, frame_start: int, tokens: list[_Token], i: int) -> list[_Token]:
    """The subject of the speech verb tokens[i], found in the frame that starts at frame_start."""
    verb = tokens[i]
    before = next((t.lower for t in reversed(tokens[:i]) if not _is_adjunct(t)), "")  # "and repeatedly says"
    source_words = _source_words(tokens, i)
    if source_words:
        return _subject_after(layout, paragraph, tokens, i + source_words, tokens[-1].end)
    if before in _RELATIVE_PRONOUNS:
        return _subject_before(layout, paragraph, frame_start, tokens[i - 1].start)  # "Smith, who said"
    sentence_subject = functools.partial(
        _sentence_subject, layout, paragraph, layout.sentence_tokens(paragraph, verb.start)
    )
    if before in _PASSIVE_AUXILIARIES and not verb.text.endswith(("s", "ing")):
        # "Smith was called "a liar" by Jones": the speaker is the agent, if named
        agent = next((j for j in range(i + 1, len(tokens)) if tokens[j].lower == "by"), None)
        return _subject_after(layout, paragraph, tokens, agent + 1, tokens[-1].end) if agent else []
    if before in _COORDINATORS or before == "to":
        return sentence_subject()  # "Smith left and said", "Smith went on television to say"
    if verb.text.endswith("ing") and before not in _AUXILIARIES:
        if before in _PHRASE_BREAKS or layout.plain[paragraph][frame_start : verb.start].rstrip().endswith(","):
            return sentence_subject()  # "Smith attacked the plan, saying", "Smith left before adding"
        clause = _clause_before(layout, paragraph, frame_start, verb.start)
        subject = _noun_phrase_before(clause, past_prepositions=False)  # "footage of Smith saying"
        if subject and (subject[-1].pronoun or subject[-1].is_capitalised):
            return subject
        return sentence_subject()
    return _subject_before(layout, paragraph, frame_start, verb.start)


def _can_open_attribution(token: _Token, following: str) -> bool:
    """Whether a word right after a closing mark can start an attribution (a subject or a verb), unlike
    '"a mistake" to use', '"false," compared to'."""
    if token.text in _SPEECH_VERBS or token.lower in ("according", "per", "as"):  # "as the memo put it"
        return True
    if token.lower in _PHRASE_BREAKS or token.lower in _PREPOSITIONS or token.lower in _AUXILIARIES:
        return token.lower in _COORDINATORS
    return not (token.text.islower() and token.text.endswith(("ed", "ing")) and following in _NOT_CONTENT)


def _attribution_after(layout: _Layout, piece: _Piece) -> _Attribution | None:
    """An attribution right after a closing mark: ', Smith said', ', said Smith', ', according to Smith',
    ' - Jane Doe'. After a quote that ends without punctuation ('the "reform" added two forms') the words
    that follow go on with the sentence; only an attribution closing that sentence counts then."""
    paragraph = piece.paragraph
    start, end = _frame_after(layout, piece)
    text = layout.paragraphs[paragraph]
    punctuated = text[piece.text_start : piece.text_end].rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION)
    if not (punctuated or text[start:end].lstrip().startswith((",", *_DASHES))):
        return _closing_attribution(layout, paragraph, start, end)
    tokens = layout.tokens(paragraph, start, end)
    lead = layout.plain[paragraph][start:end].lstrip(" ,")
    if lead[:1] in _DASHES and tokens and tokens[0].is_capitalised:
        words = _subject_after(layout, paragraph, tokens, 0, end)
        if words and not any(_is_speech_verb(words, i) for i in range(len(words))):
            return _Attribution(words)
    if not tokens:
        return None
    if not _can_open_attribution(tokens[0], tokens[1].lower if len(tokens) > 1 else ""):
        return _closing_attribution(layout, paragraph, start, end)
    for i, token in enumerate(tokens[: POST_ATTRIBUTION_MAX_WORDS + 1]):
        source_words = _source_words(tokens, i)
        if source_words:
            return _Attribution(_subject_after(layout, paragraph, tokens, i + source_words, end))
        if not _is_speech_verb(tokens, i):
            continue
        if i == 0:
            if token.text.endswith("ing"):
                return _Attribution([])  # ', adding that ...': the speaker is named before the quote
            return _inverted_attribution(layout, paragraph, tokens, end)
        if all(t.lower in _COORDINATORS or _is_adjunct(t) for t in tokens[:i]):
            return None  # '"..." and says ...': the subject is the one before the quote
        return _Attribution(_subject_of_verb(layout, paragraph, start, tokens, i))
    return None


def _closing_attribution(layout: _Layout, paragraph: int, start: int, end: int) -> _Attribution | None:
    """An attribution that closes the sentence the quote is part of: 'A cashier who "steals" is held
    accountable, Smith said.'"""
    comma = layout.plain[paragraph].rfind(",", start, end)
    if comma < 0:
        return None
    tokens = layout.tokens(paragraph, comma + 1, end)
    source_words = _source_words(tokens, 0) if tokens else 0
    if source_words:  # '... a "walk-in" at 2,000 schools, according to the organizers.'
        return _Attribution(_subject_after(layout, paragraph, tokens, source_words, end))
    verbs = [i for i in range(min(len(tokens), CLOSING_ATTRIBUTION_MAX_WORDS)) if _is_speech_verb(tokens, i)]
    if not verbs or len(tokens) - verbs[0] > CLOSING_ATTRIBUTION_MAX_WORDS:
        return None
    i = verbs[0]
    if i == 0:
        return _inverted_attribution(layout, paragraph, tokens, end)
    return _Attribution(_noun_phrase_before(tokens[:i]))


def _inverted_attribution(layout: _Layout, paragraph: int, tokens: list[_Token], end: int) -> _Attribution | None:
    """'said Smith', 'wrote the newspaper': a verb before its subject, unless what follows is no subject
    ('shouted to the crowd', 'suggests that')."""
    following = tokens[1].lower if len(tokens) > 1 else ""
    if tokens[0].text not in _INVERTIBLE_VERBS or following in _NOT_CONTENT - _DETERMINERS:
        return None
    return _Attribution(_subject_after(layout, paragraph, tokens, 1, end))


def _attribution_before(layout: _Layout, paragraph: int, start: int, end: int) -> _Attribution | None:
    """An attribution that leads into an opening mark: 'Smith said: ', 'Smith said the plan was ', 'According
    to Smith, ', 'Smith told reporters ', 'Smith attacked the plan, saying '."""
    tokens = layout.tokens(paragraph, start, end)
    text = layout.plain[paragraph]
    verbs = [
        i
        for i in range(len(tokens))
        if _source_words(tokens, i) or (_is_speech_verb(tokens, i) and _introduces_speech(text, tokens, i))
    ]
    # the verb nearest the quote, unless it is in a relative clause ("anybody who complains") or an
    # infinitive ("was too early to tell") and another one is there
    main_verbs = [i for i in verbs if i == 0 or tokens[i - 1].lower not in _RELATIVE_PRONOUNS | {"to"}]
    if verbs:
        return _Attribution(_subject_of_verb(layout, paragraph, start, tokens, (main_verbs or verbs)[-1]))
    owner = _owner_of_words(tokens)
    if owner:
        return _Attribution(owner)
    if layout.plain[paragraph][start:end].rstrip().endswith(":") and tokens:
        # "Smith, in a statement: ...", but not "Partial transcript as follows:"
        subject = _sentence_subject(layout, paragraph, layout.sentence_tokens(paragraph, end))
        if subject and (subject[0].pronoun or _names_person(layout, paragraph, subject)):
            return _Attribution(subject)
    return None


def _subordinate_attribution(layout: _Layout, paragraph: int, start: int, end: int) -> _Attribution | None:
    """The attribution of a quote that runs on inside a clause opened by a subordinating conjunction ("...,
    and as Smith went on about "the deficit," Jones nodded"), or inside the source phrase that opens a
    sentence ("According to a radio station citing "two officials," the minister has ..."): that clause's
    speech verb and its subject, if it has both, or that source. The words after such a quote are the
    sentence's main clause, not its attribution."""
    clause = _clause_before(layout, paragraph, start, end)
    opener = next((i for i, t in enumerate(clause) if t.lower not in _COORDINATORS), None)
    if opener is None or opener + 1 == len(clause) or layout.plain[paragraph][clause[-1].end : end].strip():
        return None  # no such clause, or the quote does not run on from it ('according to the police. "...')
    source_words = _source_words(clause, opener)
    if source_words:
        source = _subject_after(layout, paragraph, clause, opener + source_words, end)
        return _Attribution(source) if source else None
    conjunction = clause[opener].text
    if conjunction.lower() not in _SUBORDINATORS or not conjunction[1:].islower():  # not "AS", a name
        return None
    attribution = _attribution_before(layout, paragraph, clause[opener + 1].start, end)
    return attribution if attribution is not None and attribution.subject else None


def _owner_of_words(tokens: list[_Token]) -> list[_Token]:
    """The one whose words a noun of speech brings in: "Smith's claim that ...", "the mayor's warning that"
    -> "Smith", "the mayor" (the noun the last one before the quote)."""
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i].lower in _SPEECH_NOUNS and tokens[i - 1].lower.endswith(_POSSESSIVE_ENDINGS):
            if i + 1 < len(tokens) and tokens[i + 1].lower != "that":
                return []
            start = i - 1
            while start > 0 and tokens[start - 1].is_capitalised and tokens[i - 1].is_capitalised:
                start -= 1  # "Jane Smith's claim"
            if start > 0 and tokens[start - 1].lower in _DETERMINERS:
                start -= 1  # "the mayor's warning"
            return tokens[start:i]
    return []


def _introduces_speech(text: str, tokens: list[_Token], i: int) -> bool:
    """A verb that reports speech only without an object ("he added: ...", not "he added two forms") must be
    followed by "that", a colon or comma, or the quote itself."""
    if tokens[i].text not in _WITHOUT_OBJECT_VERBS or i + 1 == len(tokens):
        return True
    following = tokens[i + 1]
    return following.lower == "that" or any(ch in ",:;" for ch in text[tokens[i].end : following.start])


def _names_person(layout: _Layout, paragraph: int, words: list[_Token]) -> bool:
    return bool(layout.mentions_between(paragraph, words[0].start, words[-1].end))
