"""The people, organizations and places of one article, from its NER spans: mentions cleaned of titles,
possessives and table debris, short forms joined to the full name the article uses, acronyms joined to
their long form, and each entity typed by the majority of its mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from unidecode import unidecode

from ..records import ENTITY_TYPES
from .nlp import NerSpan, is_shouted
from .places import COUNTRIES
from .segment import STOPWORDS

TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}

# Words that stand before a name as a title, rank or office ("Secretary of State Mike Pompeo",
# "Maj Gen Qassem Soleimani"); stripped from the front of a person's mention.
TITLE_WORDS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime deputy acting interim former late chief senior assistant associate executive
    secretary minister ministers ambassador envoy governor gov lieutenant lt general gen major maj colonel col
    captain capt commander cmdr sergeant sgt corporal cpl private pvt admiral adm brigadier brig marshal
    field officer senator sen representative rep congressman congresswoman councillor councilman
    councilwoman mayor judge justice attorney solicitor chancellor speaker leader chairman chairwoman chair
    director head spokesman spokeswoman spokesperson adviser advisor aide king queen prince princess
    emperor empress sheikh sheik emir ayatollah imam rabbi pope cardinal bishop archbishop coach manager
    master striker midfielder defender goalkeeper president-elect ceo cfo founder of the for state defense defence
    foreign interior home finance national security homeland justice treasury energy commerce labor
    education health trade affairs staff joint chiefs intelligence army navy air force us u.s. uk u.k.
    british american iranian iraqi israeli russian chinese french german""".split()
)
# A single word that names a kind of body, not one body: never an entity on its own.
GENERIC_NAMES = frozenset(
    """state states department ministry government administration agency office bureau committee
    council court company group team club league party army police embassy consulate kingdom union
    federation commission authority board cabinet regime""".split()
)
# Transliteration variants differ in vowels and doubled letters (Qasem / Qassem, Quds / Qods); words
# shorter than this are too short to compare that loosely.
VARIANT_MIN_LETTERS = 4
ACRONYM_SMALL_WORDS = frozenset("of the and for in on de du des la le del di da al el".split())

_POSSESSIVE = re.compile(r"['’]s?$")
_TOKEN = re.compile(r"\S+")
_HAS_DIGIT = re.compile(r"\d")
_ACRONYM_DEFINITION = re.compile(
    r"\b((?:[A-Z][\w'’.-]*|of|the|and|for|de|al)(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|de|al)){1,9})\s+\(([A-Z][A-Za-z&]{1,9})\)"
)


@dataclass(frozen=True)
class Mention:
    segment: int
    start: int
    end: int
    text: str
    type: str


@dataclass
class LocalEntity:
    """One entity of one article. `name` is the fullest form the article uses."""

    name: str
    type: str
    mentions: list[str] = field(default_factory=list)  # distinct, as written, first seen first
    count: int = 0
    first: int = 0  # segment of the first mention (0 is the title)
    votes: Counter = field(default_factory=Counter)  # type -> mentions
    positions: list[tuple[int, int, int]] = field(default_factory=list)  # (segment, start, end) of mentions


def clean_mention(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The part of a recognised span that names the entity, as offsets into `text`, or None."""
    kind = TYPE_OF_LABEL.get(label)
    if kind is None:
        return None
    span = text[start:end]
    if "(" in span and ")" not in span:
        end = start + span.index("(")
    elif ")" in span and "(" not in span:
        end = start + span.index(")")
    span = text[start:end]
    for dash in (" - ", " – ", " — "):
        if dash in span:
            before, after = span.split(dash, 1)
            if len(after.split()) >= len(before.split()):
                start += len(before) + len(dash)
            else:
                end = start + len(before)
            span = text[start:end]
    tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(span)]
    while tokens and (_HAS_DIGIT.search(tokens[0][2]) or not any(c.isalpha() for c in tokens[0][2])):
        tokens.pop(0)
    while tokens and (_HAS_DIGIT.search(tokens[-1][2]) or not any(c.isalpha() for c in tokens[-1][2])):
        tokens.pop()
    if tokens and tokens[0][2].lower() == "the":
        tokens.pop(0)
    if kind == "person":
        # Everything up to the last title word goes: "Harbour Master Elin Sorvik", "Maj Gen Qassem Soleimani".
        titles = [i for i, token in enumerate(tokens[:-1]) if token[2].lower().strip(".,") in TITLE_WORDS]
        if titles:
            tokens = tokens[titles[-1] + 1 :]
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive and possessive.start() > 0 and text[start + possessive.start() - 1].isalpha():
        end -= len(possessive.group())
    word = text[start:end].rstrip(".,;:!?'\"’”")
    if text[start + len(word) : start + len(word) + 1] == "." and _looks_abbreviated(word + "."):
        word += "."
    end = start + len(word)
    if not word or not word[0].isupper():
        return None
    if " " not in word and word.lower().strip(".") in GENERIC_NAMES:
        return None
    if len(word.replace(".", "")) < 2:
        return None
    return start, end


def _looks_abbreviated(word: str) -> bool:
    """'U.S.', 'St.', 'Jr.' keep their final stop."""
    return bool(re.search(r"(?:\b[A-Z]\.){2,}$|\b(?:St|Jr|Sr|Co|Inc|Corp|Ltd|Bros)\.$", word))


def name_key(name: str) -> str:
    """Comparison form of a name: ASCII, lower case, no stops, one space."""
    text = unidecode(name).lower().replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.", "", text)
    text = re.sub(r"[^\w\s'-]", " ", text).replace("'", "")
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


# In a row of a results table, a name followed by figures, or on either side of "v", is a side: a team
# (or a country, or a person when the model says so).
_TABLE_SIDE = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:of|de|del|la|le|the|St\.?|[A-Z][\w'’&.-]*)){0,4}?)"
    r"(?=\s+\d|\s+v\.?\s|\s*\(\w[^)]*\)\s*\d)|(?<=\sv\s)(?P<after>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})"
)
_KEPT_IN_SHOUTED = frozenset({"of", "and", "the", "de", "del", "la", "le", "du", "von", "van", "al", "el"})


def variant_skeleton(key: str) -> str:
    """'qassem soleimani' and 'qasem suleimani' share 'qasam salaamana'-like skeletons: vowel runs become
    one vowel, doubled letters one letter, common digraphs one letter."""
    words = []
    for word in key.split():
        if len(word) < VARIANT_MIN_LETTERS:
            words.append(word)
            continue
        word = unidecode(word).lower()
        word = re.sub(r"kh", "k", word)
        word = re.sub(r"ph", "f", word)
        word = re.sub(r"(?<=[a-z])h(?=[^aeiouy]|$)", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        word = re.sub(r"[aeiouy]+", "a", word)
        words.append(word)
    return " ".join(words)


def article_entities(
    segments: list[str], spans: list[NerSpan], table_rows: frozenset[int] = frozenset()
) -> list[LocalEntity]:
    """`segments` are the article's texts (title first), `spans` the model's spans in them, and
    `table_rows` the segments that are rows of a data table."""
    mentions = []
    shouted = [is_shouted(segment) for segment in segments]
    for span in spans:
        segment = segments[span.segment]
        cleaned = clean_mention(segment, span.start, span.end, span.label)
        if cleaned is None:
            continue
        start, end = cleaned
        text = segment[start:end]
        if shouted[span.segment] and not _plausible_in_capitals(text):
            continue
        mentions.append(Mention(span.segment, start, end, text, TYPE_OF_LABEL[span.label]))
    mentions = _retype_table_sides(segments, mentions, table_rows)
    mentions.extend(_acronym_long_forms(segments, mentions))
    return _group(segments, mentions)


def _plausible_in_capitals(name: str) -> bool:
    """In an all-capitals headline the model takes runs of words for names; a name has few words and
    no function words but the ones names contain."""
    words = name.lower().split()
    return len(words) <= 4 and not any(w in STOPWORDS and w not in _KEPT_IN_SHOUTED for w in words)


def _retype_table_sides(segments: list[str], mentions: list[Mention], table_rows: frozenset[int]) -> list[Mention]:
    by_segment: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_segment.setdefault(mention.segment, []).append(mention)
    result = [m for m in mentions if m.segment not in table_rows]
    for position in sorted(table_rows):
        segment = segments[position]
        found = list(by_segment.get(position, []))
        sides: list[Mention] = []
        for match in _TABLE_SIDE.finditer(segment):
            group = "name" if match.group("name") else "after"
            start, end = match.start(group), match.end(group)
            text = segment[start:end].rstrip(".")
            end = start + len(text)
            if len(text) < 2 or name_key(text) in GENERIC_NAMES:
                continue
            overlapping = [m for m in found if m.start < end and start < m.end]
            if any(m.type == "person" for m in overlapping):
                continue
            kind = "place" if name_key(text) in COUNTRIES else "organization"
            found = [m for m in found if m not in overlapping]
            sides.append(Mention(position, start, end, text, kind))
        result.extend(found + sides)
    return result


def _acronym_long_forms(segments: list[str], mentions: list[Mention]) -> list[Mention]:
    """'Islamic Revolutionary Guard Corps (IRGC)': the long form is a mention even where the model
    missed it; the acronym becomes one of its mentions in `_group`."""
    known = {(m.segment, m.start, m.end) for m in mentions}
    found = []
    for position, segment in enumerate(segments):
        for match in _ACRONYM_DEFINITION.finditer(segment):
            long_start, long_form = _long_form_for(match.group(1), match.group(2))
            if long_form is None:
                continue
            start = match.start(1) + long_start
            key = (position, start, start + len(long_form))
            if key not in known:
                found.append(Mention(position, start, start + len(long_form), long_form, "organization"))
    return found


def _long_form_for(words_text: str, acronym: str) -> tuple[int, str | None]:
    """The shortest tail of `words_text` whose initials spell `acronym` (small words may be skipped)."""
    letters = acronym.replace("&", "").upper()
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(words_text)]
    for first in range(len(words) - 1, -1, -1):
        tail = words[first:]
        if tail[0][1].lower() in ACRONYM_SMALL_WORDS:
            continue
        initials = "".join(w[0].upper() for _, w in tail if w.lower() not in ACRONYM_SMALL_WORDS)
        every = "".join(w[0].upper() for _, w in tail)
        if letters in (initials, every):
            return tail[0][0], words_text[tail[0][0] :]
        if len(initials) > len(letters):
            break
    return 0, None


def _group(segments: list[str], mentions: list[Mention]) -> list[LocalEntity]:
    # 1. mentions of one name are one entity
    groups, order = _by_name(mentions)
    parent = {key: key for key in order}
    # 2. acronyms defined in the text join their long form
    _join_acronyms(segments, groups, order, parent)
    # 3. a short form joins the one longer person name that ends or starts with it
    _join_short_forms(groups, order, parent)
    # 4. each group of names is one entity, with the mentions the model missed counted in
    merged = _merged_groups(groups, order, parent)
    _count_unrecognised_repeats(segments, merged)
    _count_spelling_variants(segments, merged)
    result = []
    for top, entity in merged.items():
        entity.type = majority_type(entity.votes)
        entity.name = _display_name(entity, groups[top].name)
        result.append(entity)
    return result


def _by_name(mentions: list[Mention]) -> tuple[dict[str, LocalEntity], list[str]]:
    """One entity per name key, in order of first mention."""
    groups: dict[str, LocalEntity] = {}
    order: list[str] = []
    for mention in sorted(mentions, key=lambda m: (m.segment, m.start)):
        key = name_key(mention.text)
        if not key:
            continue
        entity = groups.get(key)
        if entity is None:
            entity = groups[key] = LocalEntity(mention.text, mention.type, first=mention.segment)
            order.append(key)
        if mention.text not in entity.mentions:
            entity.mentions.append(mention.text)
        entity.count += 1
        entity.votes[mention.type] += 1
        entity.positions.append((mention.segment, mention.start, mention.end))
    return groups, order


def _root(parent: dict[str, str], key: str) -> str:
    """The name a key has been joined to (union-find with path halving)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _join_acronyms(segments: list[str], groups: dict[str, LocalEntity], order: list[str], parent: dict) -> None:
    """'Islamic Revolutionary Guard Corps (IRGC)': the acronym joins the long form, counted wherever it
    occurs even where the model did not see it."""
    for segment in segments:
        for match in _ACRONYM_DEFINITION.finditer(segment):
            _start, long_form = _long_form_for(match.group(1), match.group(2))
            long_key, short_key = name_key(long_form or ""), name_key(match.group(2))
            if not (long_form and long_key in parent):
                continue
            if short_key not in parent:
                acronym = match.group(2)
                pattern = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
                positions = [
                    (number, found.start(), found.end())
                    for number, text in enumerate(segments)
                    for found in pattern.finditer(text)
                ]
                long = groups[long_key]
                groups[short_key] = LocalEntity(
                    acronym, long.type, [acronym], len(positions), long.first, Counter(), positions
                )
                parent[short_key] = short_key
                order.append(short_key)
            parent[_root(parent, short_key)] = _root(parent, long_key)


def _join_short_forms(groups: dict[str, LocalEntity], order: list[str], parent: dict) -> None:
    """A short form ("Pompeo", "Soleimani") joins the one longer person name of the article ending or
    starting with it."""
    full_names: dict[str, list[str]] = {}
    for key in order:
        words = key.split()
        if len(words) >= 2 and groups[key].votes["person"] >= max(groups[key].votes.values()):
            for word in {words[-1], words[0]}:
                full_names.setdefault(word, []).append(key)
    for key in order:
        words = key.split()
        if len(words) == 1 and key in full_names:
            owners = {_root(parent, k) for k in full_names[key]}
            if len(owners) == 1:
                parent[_root(parent, key)] = owners.pop()


def _merged_groups(groups: dict[str, LocalEntity], order: list[str], parent: dict) -> dict[str, LocalEntity]:
    merged: dict[str, LocalEntity] = {}
    for key in order:
        top = _root(parent, key)
        entity = groups[key]
        target = merged.get(top)
        if target is None:
            target = merged[top] = LocalEntity(groups[top].name, groups[top].type, first=entity.first)
        for text in entity.mentions:
            if text not in target.mentions:
                target.mentions.append(text)
        target.count += entity.count
        target.votes.update(entity.votes)
        target.positions.extend(entity.positions)
        target.first = min(target.first, entity.first)
    return merged


def _count_unrecognised_repeats(segments: list[str], entities: dict[str, LocalEntity]) -> None:
    """Mentions the model missed: a person's surname where the article uses it again ('Hoddle said'),
    counted when it is capitalised and the article never uses the word in lower case."""
    lowered_words = {w for segment in segments for w in re.findall(r"\b[a-z][\w'-]*\b", segment)}
    for entity in entities.values():
        if majority_type(entity.votes) != "person":
            continue
        words = max(entity.mentions, key=len).split()
        surname = words[-1] if len(words) >= 2 else ""
        if len(surname) < 3 or surname.lower() in lowered_words or not surname[0].isupper():
            continue
        taken = {(s, a) for s, a, _ in entity.positions} | {(s, b - len(surname)) for s, _, b in entity.positions}
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])")
        for position, segment in enumerate(segments):
            for match in pattern.finditer(segment):
                if (position, match.start()) in taken:
                    continue
                entity.positions.append((position, match.start(), match.end()))
                entity.count += 1
                if surname not in entity.mentions:
                    entity.mentions.append(surname)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _count_spelling_variants(segments: list[str], entities: dict[str, LocalEntity]) -> None:
    """Another spelling of a several-word name the article uses ('Qods Force' beside 'Quds Force') is a
    mention of it, recognised or not."""
    wanted: dict[str, LocalEntity] = {}
    for entity in entities.values():
        for mention in entity.mentions:
            key = name_key(mention)
            if len(key.split()) >= 2:
                wanted.setdefault(variant_skeleton(key), entity)
    if not wanted:
        return
    taken = {(s, a) for e in entities.values() for s, a, _ in e.positions}
    for position, segment in enumerate(segments):
        for run in _CAPITALISED_RUN.finditer(segment):
            words = list(re.finditer(r"\S+", run.group()))
            for first in range(len(words)):
                for last in range(first + 1, min(len(words), first + 4)):
                    start, end = run.start() + words[first].start(), run.start() + words[last].end()
                    text = segment[start:end]
                    if words[first].group().lower() in STOPWORDS:
                        break
                    entity = wanted.get(variant_skeleton(name_key(text)))
                    if entity is None or (position, start) in taken:
                        continue
                    taken.add((position, start))
                    entity.positions.append((position, start, end))
                    entity.count += 1
                    if text not in entity.mentions:
                        entity.mentions.append(text)


def majority_type(votes: Counter) -> str:
    """The type most mentions have; on a tie person, then organization, then place."""
    return min(ENTITY_TYPES, key=lambda t: (-votes.get(t, 0), ENTITY_TYPES.index(t)))


def _display_name(entity: LocalEntity, first_name: str) -> str:
    """The fullest form: for a person the longest mention, for others the longest multi-word mention
    (a defined acronym's long form) or else the first."""
    if entity.type == "person":
        return max(entity.mentions, key=lambda m: (len(m.split()), len(m)))
    longer = [m for m in entity.mentions if len(m.split()) > 1 and not m.isupper()]
    if longer:
        return max(longer, key=lambda m: (entity.mentions.count(m), len(m.split()), len(m)))
    return first_name
