"""The curated entity list, `content/entities.yaml`: names, types, aliases, descriptions and links that
win over everything found automatically, and names never to show as entities."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..read.entities import name_key
from ..records import ENTITY_TYPES as TYPES
from ..userdata import UnsafeYaml, http_link, load_yaml, quoted, xml_text


class CurationError(ValueError):
    """The curated list cannot be used; the message says why."""


@dataclass(frozen=True)
class CuratedEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    link: str | None = None


@dataclass(frozen=True)
class Curation:
    entities: tuple[CuratedEntity, ...] = ()
    ignore: frozenset[str] = frozenset()  # name keys


def parse_curation(text: str) -> Curation:
    try:
        data = load_yaml(text)
    except UnsafeYaml as error:
        raise CurationError(f"its YAML {error}") from None
    except yaml.YAMLError as error:
        raise CurationError(f"not valid YAML: {_first_line(error)}") from None
    if data is None:
        return Curation()
    if not isinstance(data, dict):
        raise CurationError("expected a mapping with 'entities' and 'ignore'")
    unknown = set(data) - {"entities", "ignore"}
    if unknown:
        raise CurationError(f"unknown key(s): {', '.join(sorted(quoted(k) for k in unknown))[:200]}")
    entries = data.get("entities") or []
    if not isinstance(entries, list):
        raise CurationError("'entities' must be a list")
    entities = tuple(_entity(entry, number) for number, entry in enumerate(entries, 1))
    ignore = data.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(i, str) and i.strip() for i in ignore):
        raise CurationError("'ignore' must be a list of names")
    return Curation(entities, frozenset(name_key(name) for name in ignore))


def _entity(entry, number: int) -> CuratedEntity:
    where = f"entities entry {number}"
    if not isinstance(entry, dict):
        raise CurationError(f"{where}: expected a mapping with name and type")
    unknown = set(entry) - {"name", "type", "aliases", "description", "link"}
    if unknown:
        raise CurationError(f"{where}: unknown key(s): {', '.join(sorted(quoted(k) for k in unknown))[:200]}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CurationError(f"{where}: 'name' must be a non-empty text")
    name = xml_text(name)
    where = f"{where} ({quoted(name.strip())})"
    kind = entry.get("type")
    if kind not in TYPES:
        raise CurationError(f"{where}: 'type' must be one of {', '.join(TYPES)}")
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CurationError(f"{where}: 'aliases' must be a list of names")
    description = entry.get("description") or ""
    link = entry.get("link")
    if not isinstance(description, str):
        raise CurationError(f"{where}: 'description' must be text")
    if link is not None:
        link = http_link(link) if isinstance(link, str) else None
        if link is None:
            raise CurationError(f"{where}: 'link' must be an http(s) address")
    aliases = tuple(xml_text(a).strip() for a in aliases)
    return CuratedEntity(name.strip(), kind, aliases, xml_text(description).strip(), link)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
