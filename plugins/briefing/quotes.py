"""Direct quotes in an article body, and who said them.

Rules of English news writing, no model. Double quote marks (straight or curly) are paired; single marks only
ever nest inside them, so apostrophes never open a quote. A quote may run over several paragraphs the news
way: each continued paragraph reopens with a mark and only the last one closes.

The speaker comes from the attribution in the quote's own sentence ("...," Smith said / said Smith / Smith
said: "..." / according to Smith / "..." - Jane Doe), else from another quote of the same paragraph
("First," he said. "Second."), else, for a quote that opens its paragraph, from the paragraph before. A
pronoun speaker stands for the person named last as a sentence subject; a speaker that is no person ("the
newspaper", "a senior official") is given as that phrase.

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
# A quote in title case of at most this many words is a title ("Face the Nation"), with or without a verb.
TITLE_MAX_WORDS = 6
# An attribution after a quote has its speech verb within this many words of the closing mark.
POST_ATTRIBUTION_MAX_WORDS = 25
# An attribution that closes a sentence (", Smith said on Tuesday.") has at most this many words.
CLOSING_ATTRIBUTION_MAX_WORDS = 8
# A noun-phrase speaker is cut to this many words.
SPEAKER_MAX_WORDS = 10
# A subject read from the start of a sentence with no name in it ("The report found ...") has at most this
# many words after its determiner.
SUBJECT_GUESS_MAX_WORDS = 3
# How many paragraphs back a pronoun looks for the person it stands for.
PRONOUN_LOOKBACK_PARAGRAPHS = 3


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


def _speech_verb_forms(base: str) -> tuple[str, str, str, tuple[str, ...]]:
    """(base, third person, gerund, past forms) of a regular verb, or of an irregular one in _IRREGULAR_PAST."""
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


_DOUBLED_FINAL_CONSONANT = frozenset({"admit", "quip", "snap", "chat"})
_IRREGULAR_PAST = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "swear": ("swore", "sworn"), "find": ("found",)}
_SPEECH_VERB_BASES = """
    acknowledge add admit advise announce answer argue ask assert boast brag call caution charge chant chat
    claim comment complain concede conclude confirm contend continue counter cry declare demand deny describe
    emphasize emphasise exclaim explain insist joke lament maintain mention muse note observe plead pledge post
    predict proclaim promise quip recall recount reiterate remark repeat reply report respond retort say scoff
    scream shout snap state stress suggest swear tell testify tweet urge vow warn wonder write yell
    praise laud hail blast slam criticize criticise accuse attack mock dismiss label dub brand decry condemn
    denounce deride ridicule find
""".split()
_VERB_FORMS = [_speech_verb_forms(base) for base in _SPEECH_VERB_BASES]
# Base forms are also nouns ("a state", "the report"): they count as verbs only after a modal or a pronoun.
SPEECH_VERB_BASE_FORMS = frozenset(forms[0] for forms in _VERB_FORMS)
SPEECH_VERBS = frozenset(
    {form for base, third, gerund, past in _VERB_FORMS for form in (base, third, gerund, *past)}
    | {"read", "reads"}  # "...," the letter reads
)
# Speech verbs whose -s form is as often a plural noun ("late-night tweets", "protests demands"): that form
# counts as a verb only after a name, "he", "she" or "it", or an adverb.
_NOUN_LIKE_PLURALS = frozenset(
    forms[1]
    for forms in _VERB_FORMS
    if forms[0] in {"answer", "attack", "blast", "brand", "call", "chant", "charge", "chat", "claim", "comment",
                    "counter", "cry", "demand", "find", "joke", "label", "note", "pledge", "post", "praise",
                    "promise", "quip", "remark", "repeat", "reply", "report", "shout", "slam", "snap", "state",
                    "stress", "tweet", "vow", "yell"}
)
# Verb forms that can come before their subject after a quote ("...," said Smith; reported the newspaper).
INVERTIBLE_VERBS = frozenset(form for _, third, _, past in _VERB_FORMS for form in (third, *past))
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
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_DETERMINERS = frozenset("the a an".split())
# Words between a subject and its speech verb that are not part of the subject ("Smith also said",
# "Smith on Tuesday said").
_ADJUNCT_WORDS = frozenset(
    """also later then again once previously recently earlier further still just even never often already
    has had have would will was is were are be been being did does could may might can today yesterday tonight night morning
    afternoon evening week month year last this monday tuesday wednesday thursday friday saturday sunday""".split()
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
_NOT_CONTENT = _DETERMINERS | _NOUN_MARKERS | _PHRASE_BREAKS | _ADJUNCT_WORDS | _PREPOSITIONS | SUBJECT_PRONOUNS
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen sens rep reps del gov gen lt col maj sgt cpl capt cmdr adm amb supt atty jr sr st prof
    rev fr msgr hon pres inc co corp ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from vs".split())

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_DOUBLE_MARK = re.compile("[\"“”„«»]")
_OPENING_GLYPHS = frozenset("“„«")
_CLOSING_GLYPHS = frozenset("”»")
_OPENS_AFTER = frozenset("([{—–―-/‘'")
_CLAUSE_PUNCTUATION = ",;:—–―"
_DASHES = "—–―-"
# The end of a sentence: terminal punctuation, closing marks, space, then what can start a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[)\]’'”\"]*\s+(?=[(\[“\"‘']?[A-Z0-9])")
# "(D-Ohio)", "(pictured)": asides inside an attribution, blanked out before reading it.
_ASIDE = re.compile(r"\([^()\n]{0,60}\)")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s*$")
_QUOTE_KEY_STRIP = "\"“”„«»‘’'`.,;:!?—–- \t\n"


def _quote_key(text: str) -> str:
    return " ".join(_DOUBLE_MARK.sub(" ", text).lower().split()).strip(_QUOTE_KEY_STRIP)


# ----------------------------------------------------------------------------- pairing quote marks


@dataclass
class _Piece:
    """One paragraph's share of a quote."""

    paragraph: int
    start: int  # offset of its opening mark (0 for a continuation that does not reopen)
    end: int  # offset just past its closing mark (the paragraph's length if it does not close)
    text_start: int
    text_end: int


@dataclass
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
            first_char = len(paragraph) - len(paragraph.lstrip())
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
        return head if head in SUBJECT_PRONOUNS else None


@dataclass
class _Layout:
    """Where the quotes, sentences and people are in each paragraph."""

    paragraphs: Sequence[str]
    plain: list[str]  # the paragraphs with asides in brackets blanked out, for reading attributions
    quote_spans: list[list[tuple[int, int]]]  # per paragraph: (start, end) of each quote piece, in order
    sentence_starts: list[list[int]]  # per paragraph: offsets where a sentence starts, outside quotes
    mentions: list[list[PersonMention]]  # per paragraph, in order, outside quotes
    gender: dict[str, str]  # canonical name -> "he" / "she", where an honorific says it
    surnames: dict[str, str]  # last word of a canonical name -> the name, where only one name ends so
    recent_people: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, name) of speakers so far
    recent_groups: list[tuple[int, str]] = field(default_factory=list)  # the same, for speakers that are no person

    def inside_quote(self, paragraph: int, offset: int) -> bool:
        spans = self.quote_spans[paragraph]
        i = bisect.bisect_right(spans, (offset, len(self.paragraphs[paragraph]) + 1)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def sentence_of(self, paragraph: int, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts[paragraph], offset)

    def tokens(self, paragraph: int, start: int, end: int) -> list[_Token]:
        return [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.plain[paragraph], start, end)]

    def person_named(self, name: str) -> bool:
        return name in self.gender or name in self.surnames.values()


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
    layout = _Layout(paragraphs, plain, quote_spans, sentence_starts, [[] for _ in paragraphs], {}, {})
    names_by_last_word: dict[str, set[str]] = {}
    for mention in sorted(people, key=lambda m: (m.paragraph, m.start)):
        if not 0 <= mention.paragraph < len(paragraphs) or not mention.name.split():
            continue
        paragraph = paragraphs[mention.paragraph]
        honorific = _HONORIFIC_BEFORE.search(paragraph, max(0, mention.start - 6), mention.start)
        if honorific:
            layout.gender.setdefault(mention.name, "he" if honorific.group(1) == "Mr" else "she")
        names_by_last_word.setdefault(mention.name.split()[-1].lower(), set()).add(mention.name)
        if not layout.inside_quote(mention.paragraph, mention.start):
            layout.mentions[mention.paragraph].append(mention)
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
    if token.text not in SPEECH_VERBS:  # lower case only: "Read more", "United States" are no verbs
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
    return token.text not in SPEECH_VERB_BASE_FORMS or before in _VERB_ENABLERS


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
            elif previous.text in _PHRASE_BREAKS:
                if not (previous.text == "and" and word.is_capitalised and clause[start - 2 : start - 1]
                        and clause[start - 2].is_capitalised):
                    break
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


def _sentence_tokens(layout: _Layout, paragraph: int, end: int) -> list[_Token]:
    """The words of the sentence that holds `end`, from its start to `end`, without the quoted ones."""
    sentence = layout.sentence_of(paragraph, end)
    start = layout.sentence_starts[paragraph][sentence - 1] if sentence else 0
    return [t for t in layout.tokens(paragraph, start, end) if not layout.inside_quote(paragraph, t.start)]


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
        if token.lower in _SUBJECT_ENDS or token.text in SPEECH_VERBS:
            break
        if phrase and any(ch in _CLAUSE_PUNCTUATION for ch in text[phrase[-1].end : token.start]):
            break
        if phrase and token.text.islower() and (
            token.text.endswith("ed") or (token.lower != "of" and _is_name(phrase))
        ):
            break  # "Smith unleashed", "Jane Smith sings"
        phrase.append(token)
    if _has_content(phrase):
        return phrase
    if not tokens:
        return []
    text = layout.paragraphs[paragraph]
    for mention in layout.mentions[paragraph]:
        if tokens[0].start <= mention.start < tokens[-1].end and not text.startswith(("’s", "'s"), mention.end):
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
        _sentence_subject, layout, paragraph, _sentence_tokens(layout, paragraph, verb.start)
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
    if token.text in SPEECH_VERBS or token.lower in ("according", "as"):  # "as the memo put it"
        return True
    if token.lower in _PHRASE_BREAKS or token.lower in _PREPOSITIONS or token.lower in _AUXILIARIES:
        return token.lower in _COORDINATORS
    return not (token.text.islower() and token.text.endswith(("ed", "ing")) and following in _NOT_CONTENT)


def _attribution_after(layout: _Layout, paragraph: int, start: int, end: int) -> _Attribution | None:
    """An attribution right after a closing mark: ', Smith said', ', said Smith', ', according to Smith',
    ' - Jane Doe'."""
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
        if not (_is_according_to(tokens, i) or _is_speech_verb(tokens, i)):
            continue
        if i == 0 and token.lower != "according":
            if token.text.endswith("ing"):
                return _Attribution([])  # ', adding that ...': the speaker is named before the quote
            following = tokens[1].lower if len(tokens) > 1 else ""
            if token.text not in INVERTIBLE_VERBS or following in _NOT_CONTENT - _DETERMINERS:
                return None
            return _Attribution(_subject_after(layout, paragraph, tokens, 1, end))
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
        return _Attribution(_subject_after(layout, paragraph, tokens, 1, end))
    return _Attribution(_noun_phrase_before(tokens[:i]))


def _attribution_before(layout: _Layout, paragraph: int, start: int, end: int) -> _Attribution | None:
    """An attribution that leads into an opening mark: 'Smith said: ', 'Smith said the plan was ', 'According
    to Smith, ', 'Smith told reporters ', 'Smith attacked the plan, saying '."""
    tokens = layout.tokens(paragraph, start, end)
    verbs = [i for i in range(len(tokens)) if _is_according_to(tokens, i) or _is_speech_verb(tokens, i)]
    # the verb nearest the quote, unless it is in a relative clause ("anybody who complains") or an
    # infinitive ("was too early to tell") and another one is there
    main_verbs = [i for i in verbs if i == 0 or tokens[i - 1].lower not in _RELATIVE_PRONOUNS | {"to"}]
    if verbs:
        return _Attribution(_subject_of_verb(layout, paragraph, start, tokens, (main_verbs or verbs)[-1]))
    if layout.plain[paragraph][start:end].rstrip().endswith(":") and tokens:
        # "Smith, in a statement: ..."
        return _Attribution(_sentence_subject(layout, paragraph, _sentence_tokens(layout, paragraph, end)))
    return None


def _names_person(layout: _Layout, paragraph: int, words: list[_Token]) -> bool:
    return any(m.start < words[-1].end and m.end > words[0].start for m in layout.mentions[paragraph])


# ----------------------------------------------------------------------------- speakers


def _speaker_of(layout: _Layout, paragraph: int, subject: list[_Token]) -> str | None:
    if not subject:
        return None
    if len(subject) == 1 and subject[0].pronoun:
        return _resolve_pronoun(layout, paragraph, subject[0])
    text = layout.paragraphs[paragraph]
    start, end = subject[0].start, subject[-1].end
    head = None
    for mention in layout.mentions[paragraph]:
        if mention.start < end and mention.end > start and not text.startswith(("’s", "'s"), mention.end):
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
    sentence = layout.sentence_of(paragraph, pronoun.start)
    sentence_start = layout.sentence_starts[paragraph][sentence - 1] if sentence else 0
    if word in ("it", "they"):
        # "The council condemned what it called ...": the subject of the pronoun's own sentence, else the
        # last speaker that is no person
        subject = _sentence_subject(layout, paragraph, layout.tokens(paragraph, sentence_start, pronoun.start))
        if subject and not subject[0].pronoun and not _names_person(layout, paragraph, subject):
            return _speaker_of(layout, paragraph, subject)
        if layout.recent_groups and paragraph - layout.recent_groups[-1][0] <= PRONOUN_LOOKBACK_PARAGRAPHS:
            return layout.recent_groups[-1][1]
        return None
    if word not in _PERSON_PRONOUNS:
        return None  # "I", "we", "you": the writer, or someone the text does not name
    previous_speaker = layout.recent_people[-1][1] if layout.recent_people else None
    # the nearest sentence before the pronoun that names a person of the right gender; in it, the person who
    # spoke last, else the first one named outside a prepositional phrase
    chosen_sentence = None
    candidates: list[PersonMention] = []
    for index in range(paragraph, max(-1, paragraph - PRONOUN_LOOKBACK_PARAGRAPHS - 1), -1):
        for mention in reversed(layout.mentions[index]):
            if index == paragraph and mention.start >= pronoun.start:
                continue
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
        subject = _sentence_subject(layout, paragraph, layout.tokens(paragraph, sentence_start, pronoun.start))
        if subject and not subject[0].pronoun and subject[0].is_capitalised:
            return _speaker_of(layout, paragraph, subject)
        if layout.recent_people and paragraph - layout.recent_people[-1][0] <= PRONOUN_LOOKBACK_PARAGRAPHS:
            return layout.recent_people[-1][1]
        return None
    candidates.reverse()
    if previous_speaker is not None and any(m.name == previous_speaker for m in candidates):
        return previous_speaker
    for mention in candidates:
        before = layout.tokens(mention.paragraph, max(0, mention.start - 15), mention.start)
        if not before or before[-1].lower not in _PREPOSITIONS:
            return mention.name
    return candidates[0].name


# ----------------------------------------------------------------------------- the extractor


def find_quotes(
    paragraphs: list[str], people: list[PersonMention], skip: Collection[str] = ()
) -> list[FoundQuote]:
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
        attributed = {id(quote) for quote in paragraph_quotes if _attribute(layout, quote)}
        for quote in paragraph_quotes:
            if id(quote) not in attributed:
                quote.speaker = _inherited_speaker(layout, touching, attributed, quote)
    return _report(paragraphs, quotes, skip)


def _inherited_speaker(layout: _Layout, touching: list[list[_Quote]], attributed: set[int], quote: _Quote) -> str | None:
    """The speaker of a quote with no attribution of its own: that of the quote before it in the paragraph
    ("First," he said. "Second."), else of the attributed quote after it, else of the sentence before it
    ("Smith called him a visionary. "He ..."), else, for a quote that opens its paragraph, of the paragraph
    before."""
    index = quote.paragraph
    siblings = touching[index]
    position = siblings.index(quote)
    earlier = [q.speaker for q in siblings[:position] if q.speaker]
    if earlier:
        return earlier[-1]
    later = [q.speaker for q in siblings[position + 1 :] if id(q) in attributed and q.speaker]
    if later:
        return later[0]
    sentence = layout.sentence_of(index, quote.pieces[0].start)
    if sentence > 0 and not earlier:
        starts = layout.sentence_starts[index]
        start = starts[sentence - 2] if sentence > 1 else 0
        attribution = _attribution_before(layout, index, start, starts[sentence - 1])
        if attribution is not None and attribution.subject:
            return _speaker_of(layout, index, attribution.subject)
    if _opens_paragraph(layout, quote):
        return _speaker_from_paragraph_before(layout, touching, index)
    return None


def _opens_paragraph(layout: _Layout, quote: _Quote) -> bool:
    piece = quote.pieces[0]
    return not layout.paragraphs[piece.paragraph][: piece.start].strip()


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
    after = _attribution_after(layout, last.paragraph, *_frame_after(layout, last)) if quote.closed else None
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
    if quote.speaker is not None:
        speakers = layout.recent_people if layout.person_named(quote.speaker) else layout.recent_groups
        speakers.append((paragraph, quote.speaker))
    return quote.speaker is not None


def _leads_to_attribution(layout: _Layout, quote: _Quote) -> bool:
    """A quote that ends in a comma, a question or exclamation mark or a dash, or is followed by lower case,
    is attributed after it ("...," she said); a quote ending a sentence is more likely introduced before it."""
    last = quote.pieces[-1]
    text = layout.paragraphs[last.paragraph]
    inner = text[last.text_start : last.text_end].rstrip()
    follow = text[last.end : last.end + 3].lstrip()
    return inner.endswith((",", "?", "!", *_DASHES)) or follow[:1] == "," or follow[:1].islower()


def _frame_before(layout: _Layout, piece: _Piece) -> tuple[int, int]:
    """From the start of the quote's sentence (or the end of the quote before it) to its opening mark."""
    spans = layout.quote_spans[piece.paragraph]
    i = spans.index((piece.start, piece.end))
    start = spans[i - 1][1] if i > 0 else 0
    sentence = layout.sentence_of(piece.paragraph, piece.start)
    if sentence > 0:
        start = max(start, layout.sentence_starts[piece.paragraph][sentence - 1])
    return start, piece.start


def _frame_after(layout: _Layout, piece: _Piece) -> tuple[int, int]:
    """From the closing mark to the end of the sentence (or the next quote). A sentence that ends inside the
    quote ("Why?" Smith asked) does not end the frame."""
    text = layout.paragraphs[piece.paragraph]
    spans = layout.quote_spans[piece.paragraph]
    i = spans.index((piece.start, piece.end))
    end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
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
    in_body = [key for quote, key in found if _quote_key(paragraphs[quote.paragraph]) not in skipped]
    kept: dict[str, int] = {}  # quote key -> position in found
    for position, (quote, key) in enumerate(found):
        if _quote_key(paragraphs[quote.paragraph]) in skipped and any(key in other for other in in_body):
            continue  # a copy of a pull quote; the body has the quote itself
        if key in kept and (found[kept[key]][0].speaker or not quote.speaker):
            continue
        kept[key] = position
    return [found[position][0] for position in sorted(kept.values())]
