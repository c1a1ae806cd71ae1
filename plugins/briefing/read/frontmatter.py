"""Front matter (a YAML block between `---` lines at the top) and sidecar `NAME.yaml` files."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..records import UnusableFile
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

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (yaml text or None, rest of the file)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n") and "\n---" not in text[4:]:
            raise UnusableFile("front matter opened with '---' is never closed")
        return None, text
    return match.group(1), text[match.end() :]


def parse_metadata_yaml(yaml_text: str, origin: str) -> dict:
    """Parse and validate user metadata; `origin` says where it came from, for messages."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        where = ""
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise UnusableFile(f"{origin} is not valid YAML{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UnusableFile(f"{origin} must be a mapping of keys to values, not {type(data).__name__}")
    return validate_metadata(data, origin)


def validate_metadata(data: dict, origin: str) -> dict:
    clean: dict = {}
    for key, value in data.items():
        key = str(key).strip().lower()
        if key not in KNOWN_KEYS or value is None:
            continue
        if key in ("title", "source", "url", "summary", "slug"):
            clean[key] = _text(value, key, origin)
        elif key == "status":
            status = _text(value, key, origin).lower()
            if status not in STATUSES:
                raise UnusableFile(f"{origin}: status must be one of {', '.join(STATUSES)}, not {status!r}")
            clean[key] = status
        elif key == "date":
            clean[key] = _date(value, origin)
        elif key in ("authors", "tags", "related"):
            clean[key] = _text_list(value, key, origin)
        elif key == "entities":
            clean[key] = _entities(value, origin)
    return clean


def _text(value, key: str, origin: str) -> str:
    if isinstance(value, (dict, list)):
        raise UnusableFile(f"{origin}: {key} must be text, not a {type(value).__name__}")
    return str(value).strip()


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
        if isinstance(item, (dict, list)):
            raise UnusableFile(f"{origin}: every item of {key} must be text")
        item = str(item).strip()
        if item and item not in result:
            result.append(item)
    return result


def _date(value, origin: str) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parsed = parse_date_text(str(value))
    if parsed is None:
        raise UnusableFile(f"{origin}: date {str(value)!r} is not a date this reader understands")
    return parsed


def _entities(value, origin: str) -> list[dict]:
    if not isinstance(value, list):
        raise UnusableFile(f"{origin}: entities must be a list")
    result = []
    for item in value:
        if isinstance(item, str):
            result.append({"name": item.strip()})
        elif isinstance(item, dict) and item.get("name"):
            result.append({str(k): str(v) for k, v in item.items() if v is not None})
        else:
            raise UnusableFile(f"{origin}: every entity must be a name or a mapping with a name")
    return result
