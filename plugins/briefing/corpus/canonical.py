"""One name per entity across the archive: the people, organizations and places each article found are
merged when they are the same (the curated list, a spelling or transliteration variant, a surname or an
acronym only one entity of the archive uses), and typed by the majority of their mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..read.entities import VARIANT_MIN_LETTERS, majority_type, name_key, variant_skeleton
from ..read.places import COUNTRY_ALIASES
from ..records import NamedEntity
from .curation import Curation

# A one-word name joins a spelling variant only from this length on (and never a person's): short words
# differ in a vowel and mean something else (Gaza / Giza). Not swept: transliterated one-word names are
# long (Hezbollah / Hizballah); names of two words or more (Quds / Qods Force) are not held to it.
SINGLE_WORD_VARIANT_MIN_LETTERS = 6


@dataclass
class ArchiveEntity:
    name: str
    type: str
    slug: str = ""
    mentions: list[str] = field(default_factory=list)  # every form the archive uses
    description: str = ""
    link: str | None = None
    articles: list[str] = field(default_factory=list)  # article keys
    count: int = 0


@dataclass
class CanonicalEntities:
    entities: dict[str, ArchiveEntity]  # canonical name -> entity
    names: dict[str, dict[str, str]]  # article key -> {local entity name -> canonical name}


def canonicalize(local: dict[str, list[NamedEntity]], curation: Curation | None = None) -> CanonicalEntities:
    """`local` maps each article key to the entities it found alone."""
    curation = curation or Curation()
    # An archive names the same people and places again and again: each name's key is made once.
    key_memo: dict[str, str] = {}

    def key_of(name: str) -> str:
        key = key_memo.get(name)
        if key is None:
            key = key_memo[name] = name_key(name)
        return key

    union = _Union()
    votes: dict[str, Counter] = {}
    forms: dict[str, Counter] = {}
    aliases: dict[str, set[str]] = {}  # one-word alias key -> name keys that use it
    for _article, entities in sorted(local.items()):
        for entity in entities:
            key = key_of(entity.name)
            if not key:
                continue
            union.add(key)
            votes.setdefault(key, Counter()).update(entity.votes or {entity.type: entity.count or 1})
            forms.setdefault(key, Counter())[entity.name] += 1
            words = key.split()
            if entity.type == "person" and len(words) > 1:
                aliases.setdefault(words[-1], set()).add(key)
            for mention in entity.mentions:
                alias = key_of(mention)
                if alias and alias != key:
                    if len(alias.split()) > 1:
                        union.add(alias)
                        union.join(alias, key)
                    else:
                        aliases.setdefault(alias, set()).add(key)

    curated_by_key: dict[str, int] = {}
    for position, curated in enumerate(curation.entities):
        for form in (curated.name, *curated.aliases):
            curated_by_key[name_key(form)] = position
    for key in list(union.parent):
        if key in curated_by_key:
            anchor = f"\0curated{curated_by_key[key]}"
            union.add(anchor)
            union.join(anchor, key)
        elif key in COUNTRY_ALIASES:
            anchor = f"\0country:{COUNTRY_ALIASES[key]}"
            union.add(anchor)
            union.join(anchor, key)

    _join_variants(union, votes)
    _join_short_forms(union, aliases, votes, curated_by_key)

    groups: dict[str, list[str]] = {}
    for key in union.parent:
        if not key.startswith("\0"):
            groups.setdefault(union.find(key), []).append(key)

    entities: dict[str, ArchiveEntity] = {}
    canonical_of_key: dict[str, str] = {}
    for root, keys in groups.items():
        if any(k in curation.ignore for k in keys):
            continue
        total_votes = Counter()
        all_forms = Counter()
        for key in keys:
            total_votes.update(votes.get(key, {}))
            all_forms.update(forms.get(key, {}))
        curated = _curated_for(root, keys, curated_by_key, curation)
        if curated is not None:
            name, kind = curated.name, curated.type
        else:
            kind = majority_type(total_votes)
            country = next((COUNTRY_ALIASES[k] for k in keys if k in COUNTRY_ALIASES), None)
            name = country or _preferred_form(all_forms, kind)
        entity = entities.get(name)
        if entity is None:
            entity = entities[name] = ArchiveEntity(name, kind)
            if curated is not None:
                entity.description, entity.link = curated.description, curated.link
        for key in keys:
            canonical_of_key[key] = name

    names = _gather_articles(local, canonical_of_key, entities, key_of)
    return CanonicalEntities({n: e for n, e in entities.items() if e.articles}, names)


def _gather_articles(
    local: dict[str, list[NamedEntity]],
    canonical_of_key: dict[str, str],
    entities: dict[str, ArchiveEntity],
    key_of: Callable[[str], str] = name_key,
) -> dict[str, dict[str, str]]:
    """Each article's local names under their canonical names; the canonical entities gather the
    articles, counts and mentions of their local ones."""
    names: dict[str, dict[str, str]] = {}
    # Sets beside the lists: a name many articles use would make a test on its list grow with the archive.
    articles_of: dict[str, set[str]] = {name: set() for name in entities}
    mentions_of: dict[str, set[str]] = {name: set() for name in entities}
    for article, article_entities in local.items():
        mapping = names.setdefault(article, {})
        for entity in article_entities:
            canonical = canonical_of_key.get(key_of(entity.name))
            if canonical is None:
                continue
            mapping[entity.name] = canonical
            target = entities[canonical]
            articles_of[canonical].add(article)
            target.count += entity.count
            for mention in entity.mentions:
                if mention not in mentions_of[canonical]:
                    mentions_of[canonical].add(mention)
                    target.mentions.append(mention)
    for name, entity in entities.items():
        entity.articles = sorted(articles_of[name])
    return names


def _curated_for(root: str, keys: list[str], curated_by_key: dict[str, int], curation: Curation):
    positions = sorted({curated_by_key[k] for k in keys if k in curated_by_key})
    return curation.entities[positions[0]] if positions else None


def _preferred_form(forms: Counter, kind: str) -> str:
    """The name most articles use; on a tie the fuller one (a person's full name over a surname)."""
    return max(forms, key=lambda f: (forms[f], len(f.split()), len(f), f))


def _join_variants(union: _Union, votes: dict[str, Counter]) -> None:
    """Names of one type whose skeletons agree word by word, with the same initials, are one entity
    (Qasem / Qassem Soleimani). The guard against joining two people: every word must agree, so a shared
    surname or a shared first name is never enough, and one-word person names are never joined this way."""
    by_skeleton: dict[tuple[str, str, str], list[str]] = {}
    for key in votes:
        words = key.split()
        kind = majority_type(votes[key])
        if len(words) == 1 and (kind == "person" or len(key) < SINGLE_WORD_VARIANT_MIN_LETTERS):
            continue
        if not any(len(w) >= VARIANT_MIN_LETTERS for w in words):
            continue
        initials = "".join(w[0] for w in words)
        by_skeleton.setdefault((kind, initials, variant_skeleton(key)), []).append(key)
    for keys in by_skeleton.values():
        for other in keys[1:]:
            union.join(keys[0], other)


def _join_short_forms(
    union: _Union, aliases: dict[str, set[str]], votes: dict[str, Counter], curated_by_key: dict[str, int]
) -> None:
    """A one-word name ('Pompeo', 'IRGC') that articles used as a short form of exactly one entity of the
    archive is that entity wherever it stands alone."""
    for alias, owners in aliases.items():
        roots = {union.find(owner) for owner in owners}
        if len(roots) != 1 or alias in curated_by_key:
            continue
        if alias in union.parent:
            union.join(roots.pop(), alias)


class _Union:
    """Union-find over name keys; the smaller key is the root, so results do not depend on order."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low
