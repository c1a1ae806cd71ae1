"""Direct quotes in an article body, and who said them.

Rules of English news writing, no model. Double quote marks (straight or curly) are paired; single marks only
ever nest inside them, so apostrophes never open a quote. A quote may run over several paragraphs the news
way: each continued paragraph reopens with a mark and only the last one closes. An opening mark that never
closes is dropped with its paragraph; it does not run on into the article.

The speaker comes from the attribution in the quote's own sentence ("...," Smith said / said Smith / Smith
said: "..." / Smith said that "..." / according to Smith / "..." - Jane Doe), else from another quote of the
same paragraph ("First," he said. "Second."), else from a speech verb in the sentence before, else, for a
quote that opens its paragraph, from the paragraph before. A person named in the attribution is given by
the canonical name of its mention; a pronoun stands for the person named as a subject in the nearest
sentence before it; a speaker that is no person ("the newspaper", "a senior official") is given as that
phrase. Short quoted terms with no speech verb around them (scare quotes) and show titles are not speech
and are left out.

Pure: standard library only, linear in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

# A quoted term of at most this many words, with no speech verb in its sentence, is a scare quote, a title
# or a name ("so-called "reform""), not direct speech.
SCARE_QUOTE_MAX_WORDS = 3
# An attribution frame runs through at most this many short quotes that are part of its sentence.
INLINE_QUOTES_IN_FRAME = 3
# A quote in title case of at most this many words is a title ("Face the Nation"), with or without a verb.
TITLE_MAX_WORDS = 6
# An attribution after a quote has its speech verb within this many words of the closing mark.
POST_ATTRIBUTION_MAX_WORDS = 25
# An attribution that closes a sentence (", Smith said on Tuesday.") has at most this many words.
CLOSING_ATTRIBUTION_MAX_WORDS = 8
# A noun-phrase speaker is cut to this many words.
SPEAKER_MAX_WORDS = 10
# How far back a pronoun looks for the person it stands for.
PRONOUN_LOOKBACK_PARAGRAPHS = 3
PRONOUN_LOOKBACK_MENTIONS = 40
# A subject read from the start of its sentence is among its first this many words.
SENTENCE_OPENING_WORDS = 40
# A subject with its appositives ("Jane Doe, a spokeswoman for the campaign, said") fits in this many
# characters before its verb.
SUBJECT_MAX_CHARS = 400
# No name mention is longer than this (a bound for looking mentions up by offset).
MENTION_MAX_CHARS = 100


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


# ----------------------------------------------------------------------------- words

_SPEECH_VERB_BASES = """
    acknowledge add admit advise announce answer argue ask assert boast brag call caution charge chant chat
    claim comment complain concede conclude confirm contend continue counter cry declare demand deny describe
    emphasize emphasise exclaim explain insist joke lament maintain mention muse note observe plead pledge post
    predict proclaim promise quip recall recount reiterate remark repeat reply report respond retort say scoff
    scream shout snap state stress suggest swear tell testify tweet urge vow warn wonder write yell
    praise laud hail blast slam criticize criticise accuse attack mock dismiss label dub brand decry condemn
    denounce deride ridicule find
""".split()
_IRREGULAR_PAST = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "swear": ("swore", "sworn"),
    "find": ("found",),
}
_DOUBLED_FINAL_CONSONANT = frozenset({"admit", "quip", "snap", "chat"})


def _speech_verb_forms(base: str) -> tuple[str, str, str, tuple[str, ...]]:
    """(base, third person, gerund, past forms) of a verb."""
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, gerund = base + "d", (base if base.endswith("ee") else base[:-1]) + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, gerund = base[:-1] + "ied", base + "ing"
    elif base in _DOUBLED_FINAL_CONSONANT:
        past, gerund = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    return base, third, gerund, _IRREGULAR_PAST.get(base, (past,))


_VERB_FORMS = [_speech_verb_forms(base) for base in _SPEECH_VERB_BASES]
_SPEECH_VERBS = frozenset(
    {form for base, third, gerund, past in _VERB_FORMS for form in (base, third, gerund, *past)}
    | {"read", "reads"}  # "...," the letter reads
)
# Base forms are also nouns ("a state", "the report"): they count as verbs only after a modal or a pronoun.
_SPEECH_VERB_BASE_FORMS = frozenset(forms[0] for forms in _VERB_FORMS)
# Speech verbs whose -s form is as often a plural noun ("late-night tweets", "protests demands"): that form
# counts as a verb only after a name, "he", "she" or "it", or an adverb.
_NOUN_LIKE_BASES = frozenset(
    """answer attack blast brand call chant charge chat claim comment counter cry demand find joke label note
    pledge post praise promise quip remark repeat reply report shout slam snap state stress tweet vow
    yell""".split()
)
_NOUN_LIKE_PLURALS = frozenset(third for base, third, _, _ in _VERB_FORMS if base in _NOUN_LIKE_BASES)
# Speech verbs that take a quote but no object; with an object they mean something else ("added two forms").
_WITHOUT_OBJECT_BASES = frozenset("add continue conclude post repeat report state stress find".split())
_WITHOUT_OBJECT_VERBS = frozenset(
    form
    for base, third, gerund, past in _VERB_FORMS
    if base in _WITHOUT_OBJECT_BASES
    for form in (base, third, gerund, *past)
) | {"read", "reads"}
# Verb forms that can come before their subject after a quote ("...," said Smith; reported the newspaper).
_INVERTIBLE_VERBS = frozenset(form for _, third, _, past in _VERB_FORMS for form in (third, *past))
_VERB_ENABLERS = frozenset(
    "will would can could should may might must to did do does i you we they don’t didn’t don't didn't".split()
)
# After these a speech-verb form is a noun ("his claims", "the report").
_NOUN_MARKERS = frozenset(
    "the a an his her their its our my your this that these those whose such no any some every each".split()
)
_AUXILIARIES = frozenset("is was were are am be been being has had have".split())
_PASSIVE_AUXILIARIES = frozenset("is was were are am be been being".split())
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_COORDINATORS = frozenset({"and", "but", "or", "then"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_DETERMINERS = frozenset("the a an".split())
# Words between a subject and its speech verb that are not part of the subject ("Smith also said",
# "Smith on Tuesday said").
_ADJUNCT_WORDS = frozenset(
    """also later then again once previously recently earlier further still just even never often already
    has had have would will was is were are be been being did does could may might can today yesterday tonight
    night morning afternoon evening week month year last this monday tuesday wednesday thursday friday saturday
    sunday""".split()
)
# Words that end a subject phrase read backwards from its verb, or forwards from an inverted verb.
_PHRASE_BREAKS = frozenset(
    """in on at with during after before from to by about via through over against among under into while
    when where because although though if since as but so that which who whom whose what and or than not nor
    despite without besides instead told said says""".split()
)
# A subject phrase that follows one of these is inside a prepositional phrase ("Smith at a rally in Ohio
# said"): the subject is further back.
_PHRASE_PREPOSITIONS = frozenset(
    "in on at with during after before from via through over inside outside near amid following".split()
)
# Prepositions that may sit inside a subject phrase ("spokesman for the campaign", "secretary of state").
_PHRASE_INNER_PREPOSITIONS = frozenset({"of", "for"})
# A person named after one of these is an object, not the subject of the sentence.
_PREPOSITIONS = frozenset(
    "about on with of to for by at from against toward towards like than over into after before".split()
)
# Words a sentence can open with before its subject ("At a rally in Ohio, Smith said").
_INTRODUCTIONS = frozenset(
    """in on at during after before following when while as although though if because since despite amid
    asked speaking according meanwhile however still instead indeed moreover also but and so yet then later
    earlier even only""".split()
)
# Words that end a subject read from the start of its sentence.
_SUBJECT_ENDS = _PHRASE_BREAKS - {"and"} | _AUXILIARIES | _ADJUNCT_WORDS | _RELATIVE_PRONOUNS
_NOT_CONTENT = _DETERMINERS | _NOUN_MARKERS | _PHRASE_BREAKS | _ADJUNCT_WORDS | _PREPOSITIONS | _SUBJECT_PRONOUNS
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen sens rep reps del gov gen lt col maj sgt cpl capt cmdr adm amb supt atty jr sr st prof
    rev fr msgr hon pres inc co corp ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from vs".split())

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_DOUBLE_MARK = re.compile('["“”„«»]')
_OPENING_GLYPHS = frozenset("“„«")
_CLOSING_GLYPHS = frozenset("”»")
_OPENS_AFTER = frozenset("([{—–―-/‘'")
_CLAUSE_PUNCTUATION = ",;:—–―"
_DASHES = "—–―-"
_QUOTE_END_PUNCTUATION = (",", ".", "?", "!", ";", ":", "…", *_DASHES)
# The end of a sentence: terminal punctuation, closing marks, space, then what can start a sentence.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[)\]’'”\"]*+\s++(?=[(\[“\"‘']?[A-Z0-9])")
# "(D-Ohio)", "(pictured)": asides inside an attribution, blanked out before reading it.
_ASIDE = re.compile(r"\([^()\n]{0,60}\)")
_LEADING_SPACE = re.compile(r"\s*")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s*$")
_QUOTE_KEY_STRIP = "\"“”„«»‘’'`.,;:!?—–- \t\n"


def _quote_key(text: str) -> str:
    return " ".join(_DOUBLE_MARK.sub(" ", text).lower().split()).strip(_QUOTE_KEY_STRIP)


# ----------------------------------------------------------------------------- pairing quote marks


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


# ----------------------------------------------------------------------------- the article's layout


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
        start = self.sentence_starts[paragraph][sentence - 1] if sentence else 0
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


# ----------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class _Attribution:
    subject: list[_Token]  # empty: a speech verb whose subject is elsewhere (", adding: ...")


def _is_speech_verb(tokens: list[_Token], i: int) -> bool:
    token = tokens[i]
    if token.text in ("put", "puts"):
        return i + 1 < len(tokens) and tokens[i + 1].lower == "it"  # "as the memo put it"
    if token.text not in _SPEECH_VERBS:  # lower case only: "Read more", "United States" are no verbs
        return False
    before = tokens[i - 1].lower if i > 0 else ""
    if before in _NOUN_MARKERS or before.endswith(("’s", "'s")):
        return False
    if token.text == "states":  # "the document states that", not "the states"
        return i + 1 < len(tokens) and tokens[i + 1].lower == "that"
    if token.text in _NOUN_LIKE_PLURALS and i > 0:
        previous = tokens[i - 1]
        if previous.is_capitalised:  # "Smith claims", not "of Republican claims"
            return i < 2 or not (tokens[i - 2].lower in _PREPOSITIONS | _NOUN_MARKERS or tokens[i - 2].text.isdigit())
        return previous.lower in ("he", "she", "it") or _is_adjunct(previous)
    return token.text not in _SPEECH_VERB_BASE_FORMS or before in _VERB_ENABLERS


def _is_according_to(tokens: list[_Token], i: int) -> bool:
    return tokens[i].lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to"


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
        if token.end > end or (phrase and token.text in _PHRASE_BREAKS):
            break
        if phrase and any(ch in _CLAUSE_PUNCTUATION for ch in text[phrase[-1].end : token.start]):
            break
        phrase.append(token)
        if len(phrase) == SPEAKER_MAX_WORDS:
            break
    return phrase


def _sentence_subject(layout: _Layout, paragraph: int, tokens: list[_Token]) -> list[_Token]:
    """The subject of a sentence read from its start ("At a rally, the mayor said ..." -> "the mayor"): the
    phrase it opens with, else the first person named outside a prepositional phrase, else the first
    pronoun."""
    if tokens and tokens[0].lower in _INTRODUCTIONS:
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
    for token in tokens[:SPEAKER_MAX_WORDS]:
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
        ):
            break  # "Smith unleashed", "Jane Smith sings"
        phrase.append(token)
    if _has_content(phrase):
        return phrase
    if not tokens:
        return []
    text = layout.paragraphs[paragraph]
    for mention in layout.mentions_between(paragraph, tokens[0].start, tokens[-1].end):
        if tokens[0].start <= mention.start and not text.startswith(("’s", "'s"), mention.end):
            before = [t for t in tokens if t.end <= mention.start]
            if not before or before[-1].lower not in _PREPOSITIONS:
                return [t for t in tokens if mention.start <= t.start < mention.end]
    return next(([t] for t in tokens if t.pronoun), [])


def _is_name(words: list[_Token]) -> bool:
    return all(t.is_capitalised or t.lower == "of" for t in words) and words[0].lower not in _NOT_CONTENT


def _has_content(words: list[_Token]) -> bool:
    return any(t.lower not in _NOT_CONTENT and not t.text.isdigit() for t in words)


def _subject_of_verb(layout: _Layout, paragraph: int, frame_start: int, tokens: list[_Token], i: int) -> list[_Token]:
    """The subject of the speech verb tokens[i], found in the frame that starts at frame_start."""
    verb = tokens[i]
    before = next((t.lower for t in reversed(tokens[:i]) if not _is_adjunct(t)), "")  # "and repeatedly says"
    if _is_according_to(tokens, i):
        return _subject_after(layout, paragraph, tokens, i + 2, tokens[-1].end)
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
    if token.text in _SPEECH_VERBS or token.lower in ("according", "as"):  # "as the memo put it"
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
        if _is_according_to(tokens, i):
            return _Attribution(_subject_after(layout, paragraph, tokens, i + 2, end))
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
        if _is_according_to(tokens, i) or (_is_speech_verb(tokens, i) and _introduces_speech(text, tokens, i))
    ]
    # the verb nearest the quote, unless it is in a relative clause ("anybody who complains") or an
    # infinitive ("was too early to tell") and another one is there
    main_verbs = [i for i in verbs if i == 0 or tokens[i - 1].lower not in _RELATIVE_PRONOUNS | {"to"}]
    if verbs:
        return _Attribution(_subject_of_verb(layout, paragraph, start, tokens, (main_verbs or verbs)[-1]))
    if layout.plain[paragraph][start:end].rstrip().endswith(":") and tokens:
        # "Smith, in a statement: ..."
        return _Attribution(_sentence_subject(layout, paragraph, layout.sentence_tokens(paragraph, end)))
    return None


def _introduces_speech(text: str, tokens: list[_Token], i: int) -> bool:
    """A verb that reports speech only without an object ("he added: ...", not "he added two forms") must be
    followed by "that", a colon or comma, or the quote itself."""
    if tokens[i].text not in _WITHOUT_OBJECT_VERBS or i + 1 == len(tokens):
        return True
    following = tokens[i + 1]
    return following.lower == "that" or any(ch in ",:;" for ch in text[tokens[i].end : following.start])


def _names_person(layout: _Layout, paragraph: int, words: list[_Token]) -> bool:
    return bool(layout.mentions_between(paragraph, words[0].start, words[-1].end))


# ----------------------------------------------------------------------------- speakers


def _speaker_of(layout: _Layout, paragraph: int, subject: list[_Token]) -> str | None:
    if not subject:
        return None
    if len(subject) == 1 and subject[0].pronoun:
        return _resolve_pronoun(layout, paragraph, subject[0])
    text = layout.paragraphs[paragraph]
    start, end = subject[0].start, subject[-1].end
    head = None
    for mention in layout.mentions_between(paragraph, start, end):
        if not text.startswith(("’s", "'s"), mention.end):
            head = mention  # the last person named in the phrase ("Trump adviser Jane Doe")
    if head is not None and _is_head(subject, head):
        return head.name
    if subject[-1].is_capitalised and subject[-1].lower in layout.surnames:
        return layout.surnames[subject[-1].lower]
    words = subject
    while words and (words[0].lower in _DETERMINERS or words[0].lower in _INTRODUCTIONS):
        words = words[1:]  # "the newspaper" -> "newspaper", "Even China" -> "China"
    if not words or not _has_content(words):
        return None
    return text[words[0].start : words[-1].end]


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
        if subject and not subject[0].pronoun and not _names_person(layout, paragraph, subject):
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
    if text.startswith(("’s", "'s"), mention.end):
        return False
    return not before or before[-1] not in _PREPOSITIONS or before[-2:] == ["according", "to"]


# ----------------------------------------------------------------------------- the extractor


def find_quotes(paragraphs: list[str], people: list[PersonMention], skip: Collection[str] = ()) -> list[FoundQuote]:
    """The direct quotes of an article with their speakers, in text order, each quote text once.

    `people` are the article's person mentions, already resolved to canonical names. `skip` are texts of
    pull quotes taken out of the body: a paragraph that is only such a copy gives way to the body's own
    occurrence of the quote.
    """
    quotes = _pair_marks(paragraphs)
    layout = _layout(paragraphs, quotes, people)
    opening_in: list[list[_Quote]] = [[] for _ in paragraphs]
    touching: list[list[_Quote]] = [[] for _ in paragraphs]  # quotes with a piece in the paragraph, in order
    for quote in quotes:  # in text order, so a paragraph's continued quote comes first in it
        opening_in[quote.paragraph].append(quote)
        for piece in quote.pieces:
            touching[piece.paragraph].append(quote)
    for index, paragraph_quotes in enumerate(opening_in):
        attributed = {quote for quote in paragraph_quotes if _attribute(layout, quote)}
        if len(attributed) < len(paragraph_quotes):
            _inherit_speakers(layout, touching, index, attributed)
    return _report(paragraphs, quotes, skip)


def _inherit_speakers(layout: _Layout, touching: list[list[_Quote]], index: int, attributed: set[_Quote]) -> None:
    """Speakers for the quotes of a paragraph that have no attribution of their own: that of the quote before
    in the paragraph ("First," he said. "Second."), else of the next attributed one, else of the sentence
    before ("Smith called him a visionary. "He ..."), else, for a quote that opens its paragraph, of the
    paragraph before."""
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
            quote.speaker = last_speaker or next_speaker[position]
            if quote.speaker is None:
                sentence = layout.sentence_of(index, quote.pieces[0].start)
                if sentence not in from_sentence_before:
                    from_sentence_before[sentence] = _speaker_of_sentence_before(layout, index, sentence)
                quote.speaker = from_sentence_before[sentence]
            if quote.speaker is None and _opens_paragraph(layout, quote):
                quote.speaker = _speaker_from_paragraph_before(layout, touching, index)
        last_speaker = quote.speaker or last_speaker


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


def _opens_paragraph(layout: _Layout, quote: _Quote) -> bool:
    piece = quote.pieces[0]
    return _LEADING_SPACE.match(layout.paragraphs[piece.paragraph]).end() == piece.start


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


def _attribute(layout: _Layout, quote: _Quote) -> bool:
    """Find the quote's speaker in its own sentence; True if found."""
    first, last = quote.pieces[0], quote.pieces[-1]
    after = _attribution_after(layout, last) if quote.closed else None
    before = _attribution_before(layout, first.paragraph, *_frame_before(layout, first))
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
    if layout.person_named(quote.speaker):
        layout.last_person = (paragraph, quote.speaker)
    else:
        layout.last_group = (paragraph, quote.speaker)
    return True


def _leads_to_attribution(layout: _Layout, quote: _Quote) -> bool:
    """A quote that ends in a comma, a question or exclamation mark or a dash, or is followed by lower case,
    is attributed after it ("...," she said); a quote ending a sentence is more likely introduced before it."""
    last = quote.pieces[-1]
    text = layout.paragraphs[last.paragraph]
    inner = text[last.text_start : last.text_end].rstrip()
    follow = text[last.end : last.end + 3].lstrip()
    return inner.endswith((",", "?", "!", *_DASHES)) or follow[:1] == "," or follow[:1].islower()


def _is_inline_quote(text: str, span: tuple[int, int]) -> bool:
    """A short quote that is part of its sentence, not speech set off from it: a nickname (Marcia "Cia"
    Price) or a scare quote. Frames of attribution run through it."""
    inner = text[span[0] + 1 : span[1] - 1]
    after = text[span[1] : span[1] + 1]
    return (
        len(_WORD.findall(inner)) <= SCARE_QUOTE_MAX_WORDS
        and not inner.rstrip(" ’'‘").endswith(_QUOTE_END_PUNCTUATION)
        and (not after or after.isspace())
    )


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
    return piece.end, end


# ----------------------------------------------------------------------------- what is reported


def _is_direct_speech(paragraphs: Sequence[str], quote: _Quote, text: str) -> bool:
    """Not a number or a link, not a scare quote, not the title of a show or a book ("on "Face the Nation"")."""
    words = _WORD.findall(text)
    if not any(ch.isalpha() for ch in text) or ("/" in text and " " not in text):
        return False
    if len(words) <= SCARE_QUOTE_MAX_WORDS and not quote.has_own_verb:
        return False
    if len(words) > TITLE_MAX_WORDS or text.rstrip().endswith(("!", "?")):
        return True
    if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return True
    first = quote.pieces[0]
    word_before = _last_word(paragraphs[first.paragraph], first.start - 1).lower()
    return quote.has_own_verb and word_before not in _PREPOSITIONS | {"s", "in"}


def _report(paragraphs: Sequence[str], quotes: list[_Quote], skip: Collection[str]) -> list[FoundQuote]:
    """The quotes that are direct speech, each text once (the occurrence with a speaker wins), pull-quote
    copies left out where the body has the quote. A quote over several paragraphs is one text."""
    skipped = {_quote_key(text) for text in skip}
    found: list[tuple[FoundQuote, str]] = []
    for quote in quotes:
        if not quote.closed:
            continue
        text = " ".join(paragraphs[p.paragraph][p.text_start : p.text_end].strip() for p in quote.pieces)
        text = text.strip().rstrip(",").rstrip()
        key = _quote_key(text)
        if key and _is_direct_speech(paragraphs, quote, text):
            found.append((FoundQuote(text, quote.speaker, quote.paragraph), key))
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
