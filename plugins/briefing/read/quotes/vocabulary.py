"""The words that attributions are read by: speech verbs and their forms, the small words around a subject,
and the patterns for words, quote marks and sentence ends."""

from __future__ import annotations

import re

_SPEECH_VERB_BASES = """
    acknowledge add admit advise announce answer argue ask assert boast brag call caution charge chant chat
    claim comment complain concede conclude confirm contend continue counter cry declare demand deny describe
    emphasize emphasise exclaim explain insist joke lament maintain mention muse note observe plead pledge post
    predict proclaim promise quip recall recount reiterate relay remark repeat reply report respond retort say scoff
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
# Nouns of speech that bring in someone's words after their owner ("Smith's claim that ...").
_SPEECH_NOUNS = frozenset(
    """claim claims statement statements remark remarks comment comments assertion assertions argument warning
    warnings promise promises pledge suggestion insistence contention charge accusation accusations view
    belief words""".split()
)
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
# The endings of a possessive ("Smith's", "Smith’s"), for str.endswith and str.startswith.
_POSSESSIVE_ENDINGS = ("’s", "'s")
# Forms of "go": "go on" is a speech verb when it goes on about something or ends the attribution ("...," she
# went on), as "continue" is.
_GO_FORMS = frozenset("go goes going gone went".split())
# Conjunctions that open a clause set before the main one ("as Smith went on about "...," Jones nodded").
_SUBORDINATORS = frozenset("as while when whenever after before because since although though until once".split())
_VERB_ENABLERS = frozenset(
    "will would can could should may might must to did do does i you we they don’t didn’t don't didn't".split()
)
# After these a speech-verb form is a noun ("his claims", "the report").
_NOUN_MARKERS = frozenset(
    "the a an another his her their its our my your this that these those whose such no any some every each".split()
)
# Words before an opening mark that make the quote part of a noun phrase ('the "reform" plan').
_NOUN_PHRASE_OPENERS = _NOUN_MARKERS | {"so-called"}
_AUXILIARIES = frozenset("is was were are am be been being has had have".split())
# Verb forms a clause has and a noun phrase does not: auxiliaries, modals, "not".
_FINITE_VERBS = frozenset(
    """is was were are am be been being has had have do does did will would can could shall should may might
    must not""".split()
)
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
# Words that name a time: a phrase ending in one is when something was said, never who said it ("The
# following day, ..."; "a day earlier").
_TIME_WORDS = frozenset(
    """second seconds minute minutes hour hours day days week weeks weekend weekends month months year years
    decade decades century centuries morning mornings afternoon afternoons evening evenings night nights
    season spring summer autumn fall winter today yesterday tomorrow tonight ago earlier later monday
    tuesday wednesday thursday friday saturday sunday january february march april june july august september
    october november december""".split()
)
# Words that name a document: what it says was written by someone, who is the speaker ("a Homeland Security
# memo" -> Homeland Security), or no one the text names ("the statement read").
_DOCUMENT_WORDS = frozenset(
    """statement statements report reports memo memos memorandum letter letters document documents release
    filing filings complaint complaints lawsuit suit indictment order ruling rulings decision opinion brief
    motion petition affidavit transcript email e-mail emails tweet tweets post posts message messages note
    notes text draft cable dossier manifesto communique announcement notice warrant bill law resolution
    platform bylaws rules regulations guidelines standards study survey poll analysis article piece story
    column editorial book website site page video clip ad advertisement commercial headline caption sign
    banner""".split()
)
# Words that end a subject read from the start of its sentence.
_SUBJECT_ENDS = _PHRASE_BREAKS - {"and"} | _AUXILIARIES | _ADJUNCT_WORDS | _RELATIVE_PRONOUNS
# Adjectives that follow the noun they describe, before their own preposition ("a source close to the talks",
# "an official familiar with the plan"): not the end of a speaker's description.
_POSTMODIFYING_ADJECTIVES = frozenset("familiar close aware knowledgeable briefed involved loyal opposed".split())
# Words that count, not name: "All this", "More than 100 people" name no speaker.
_QUANTIFIERS = frozenset("all more most many much few several both either neither none half".split())
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
