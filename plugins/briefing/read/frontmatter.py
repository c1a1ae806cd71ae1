"""Front matter (a YAML block between `---` lines at the top) and sidecar `NAME.yaml` files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from ..records import UnusableFile
from ..userdata import UnsafeYaml, http_link, load_yaml, quoted, xml_text
from .dates import parse_date_text

KNOWN_KEYS = (
    "title",
    "date",
    "source",
    "url",
    "authors",
    "tags",
    "summary",
    "slug",
    "status",
    "related",
    "entities",
)
STATUSES = ("published", "draft", "hidden")

_ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d[ Tt]\d")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (yaml text or None, rest of the file)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n") and "\n---" not in text[4:]:
            raise UnusableFile("front matter opened with '---' is never closed")
        return None, text
    return match.group(1), text[match.end() :]


@dataclass(frozen=True)
class UserMetadata:
    values: dict  # known keys, checked
    unused: tuple[str, ...] = ()  # "key: value" of the keys the project does not know, kept to be shown


def parse_metadata_yaml(yaml_text: str, origin: str) -> UserMetadata:
    """Parse and validate user metadata; `origin` says where it came from, for messages."""
    try:
        data = load_yaml(yaml_text)
    except UnsafeYaml as error:
        raise UnusableFile(f"{origin} is not used: its YAML {error}") from None
    except yaml.YAMLError as error:
        where = ""
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise UnusableFile(f"{origin} is not valid YAML{where}: {problem}") from None
    if data is None:
        return UserMetadata({})
    if not isinstance(data, dict):
        raise UnusableFile(f"{origin} must be a mapping of keys to values, not {type(data).__name__}")
    return validate_metadata(data, origin)


def validate_metadata(data: dict, origin: str) -> UserMetadata:
    clean: dict = {}
    unused: list[str] = []
    for raw_key, value in data.items():
        key = str(raw_key).strip().lower()
        if key not in KNOWN_KEYS:
            unused.append(xml_text(f"{raw_key}: {value}"))
            continue
        if value is None:
            continue
        if key == "url":
            clean[key] = _link(value, origin)
        elif key in ("title", "source", "summary", "slug"):
            clean[key] = _text(value, key, origin)
        elif key == "status":
            status = _text(value, key, origin).lower()
            if status not in STATUSES:
                raise UnusableFile(f"{origin}: status must be one of {', '.join(STATUSES)}, not {quoted(status)}")
            clean[key] = status
        elif key == "date":
            clean[key] = _date(value, origin)
        elif key in ("authors", "tags", "related"):
            clean[key] = _text_list(value, key, origin)
        elif key == "entities":
            clean[key] = _entities(value, origin)
    return UserMetadata(clean, tuple(unused))


# Values that read as text: a YAML set, mapping, list or binary is not a title (and a set's order
# changes from run to run).
_SCALARS = (str, int, float, bool, dt.date)


def _text(value, key: str, origin: str) -> str:
    if not isinstance(value, _SCALARS):
        raise UnusableFile(f"{origin}: {key} must be text, not a {type(value).__name__}")
    return xml_text(str(value)).strip()


def _link(value, origin: str) -> str:
    link = http_link(_text(value, "url", origin))
    if link is None:
        raise UnusableFile(f"{origin}: url must be an http(s) address, not {quoted(value)}")
    return link


def _text_list(value, key: str, origin: str) -> list[str]:
    if isinstance(value, str):
        items = value.split(";") if key == "authors" and ";" in value else value.split(",")
        if key == "authors" and ";" not in value and " and " in value:
            items = re.split(r",\s*|\s+and\s+", value)
    elif isinstance(value, list):
        items = value
    else:
        raise UnusableFile(f"{origin}: {key} must be a list or comma-separated text")
    result = []
    for item in items:
        if not isinstance(item, _SCALARS):
            raise UnusableFile(f"{origin}: every item of {key} must be text")
        item = xml_text(str(item)).strip()
        if item and item not in result:
            result.append(item)
    return result


def _date(value, origin: str) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DATETIME.match(text) and not _is_calendar_date(text):
        parsed = None  # '2018-01-01 25:00', '...+99:00': an ISO date and time that does not exist
    else:
        parsed = parse_date_text(text) if isinstance(value, _SCALARS) else None
    if parsed is None or not _is_calendar_date(parsed):
        raise UnusableFile(f"{origin}: date {quoted(value)} is not a date this reader understands")
    return parsed


def _entities(value, origin: str) -> list[dict]:
    if not isinstance(value, list):
        raise UnusableFile(f"{origin}: entities must be a list")
    result = []
    for item in value:
        if isinstance(item, str):
            result.append({"name": xml_text(item).strip()})
        elif isinstance(item, dict) and isinstance(item.get("name"), _SCALARS) and item.get("name"):
            result.append({str(k): xml_text(str(v)) for k, v in item.items() if isinstance(v, _SCALARS)})
        else:
            raise UnusableFile(f"{origin}: every entity must be a name or a mapping with a name")
    return result


def _is_calendar_date(value: str) -> bool:
    """Whether an ISO date or datetime exists (no 30 February, no hour 25, no year 0, offsets under a day)."""
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
