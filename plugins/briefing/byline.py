"""Bylines, author bios and credit lines: who wrote the article and for which publication."""

from __future__ import annotations

import re

from .dates import unglue

_NAME_TOKEN = r"(?:[A-Z][\w'’-]*\.?|(?:de|da|del|der|van|von|la|le|di|bin|al|el|dos|du)(?=\s))"
PERSON_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}$")
_BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|reporting|posted|photos?|compiled|as told)\s+)?(?:by|to)\s*[:\-]?\s+(?P<rest>.+)$|"
    r"^(?:author|authors|autor|par|por|di|von)\s*[:\-]\s*(?P<rest2>.+)$",
    re.I,
)
_GLUED_WORD = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last updated|Modified)\b)")
_TRAILING_PARTS = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s|,?\s+(?:on|at)\s+(?=\w+\s+\d)|,?\s*(?:published|updated|posted|last updated)\b).*$",
    re.I,
)
ROLE_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|contributing|columnist|analyst|"
    r"senior|chief|associate|deputy|managing|political|bureau|freelance|journalist|producer|"
    r"photographer|intern|news|desk|team|cto|ceo|opinion)\b",
    re.I,
)
_NOT_NAMES = re.compile(
    r"^(?:the|a|an|our|home|news|more|share|email|follow|subscribe|advertisement|updated|published|"
    r"getty|images|photo|video|watch|listen|read|sign|log|print|tweet|comment|comments|menu|search)\b",
    re.I,
)
_AGENCIES = {
    "ap": "The Associated Press", "associated press": "The Associated Press",
    "the associated press": "The Associated Press", "reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa",
}


def split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", text)
    return [p.strip(" .:") for p in parts if p.strip(" .:")]


def looks_like_person(name: str) -> bool:
    name = name.strip()
    if not PERSON_NAME.match(name) or _NOT_NAMES.match(name) or ROLE_WORDS.search(name):
        return False
    return not name.isupper() or len(name) <= 30


def parse_byline(text: str) -> tuple[list[str], str | None] | None:
    """'By Jane Doe and John Roe, Reuters' -> (['Jane Doe', 'John Roe'], 'Reuters'); None if no byline."""
    text = _GLUED_WORD.sub(" ", unglue(text)).strip()
    match = _BYLINE.match(text)
    if not match:
        return None
    rest = (match.group("rest") or match.group("rest2") or "").strip()
    rest = _TRAILING_PARTS.sub("", rest)
    rest = re.sub(r"\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*|\d{1,2}/\d{1,2}/\d{2,4}.*)$", "", rest, flags=re.I)
    if not rest or len(rest) > 160:
        return None
    authors: list[str] = []
    source = None
    for part in split_names(rest):
        if looks_like_person(part):
            authors.append(_title_case_if_shouting(part))
        elif part.lower() in _AGENCIES:
            source = source or _AGENCIES[part.lower()]
        elif authors and not ROLE_WORDS.search(part) and len(part.split()) <= 6 and part[:1].isupper():
            source = source or part
    if not authors and source is None:
        # "By Chicago Tribune staff": a publication writing as itself
        staff = re.match(r"^(?:the\s+)?(?P<pub>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})\s+(?:staff|wire|reports?|editorial board)\b", rest)
        if staff:
            return [], staff.group("pub")
        return None
    return authors, source


def parse_standalone_name(text: str) -> tuple[list[str], str | None] | None:
    """A line that is only a name, or a name then a date/source ('Tex Hollywood - December 21, 2023')."""
    text = _GLUED_WORD.sub(" ", unglue(text)).strip()
    text = _TRAILING_PARTS.sub("", text)
    text = re.sub(r"\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*)$", "", text, flags=re.I)
    names = split_names(text) if len(text) <= 80 else []
    if names and all(looks_like_person(n) for n in names) and len(names) <= 4:
        return [_title_case_if_shouting(n) for n in names], None
    return None


def parse_bio(text: str) -> tuple[str, str | None] | None:
    """'Amir Toumaj is a independent analyst and contributor to FDD's Long War Journal.' -> (author, source)."""
    match = re.match(
        r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\b(?P<rest>.*)$", text
    )
    if not match or not looks_like_person(match.group("name")):
        return None
    source = None
    pub = re.search(
        r"\b(?:contributor|contributing \w+|writer|reporter|correspondent|editor|columnist|analyst|fellow)\s+"
        r"(?:to|for|at|with)\s+(?P<pub>(?:the\s+)?[A-Z][^,;]*?)(?:[.,;]|\s+(?:and|who|where|based)\b|$)",
        match.group("rest"),
    )
    if pub:
        source = pub.group("pub").strip().rstrip(".")
    return match.group("name"), source


def parse_credit(text: str) -> str | None:
    """'The Associated Press contributed to this report.' -> 'The Associated Press'."""
    match = re.match(r"^\(?(?:the\s+)?(?P<who>.+?)\s+contributed\b", text, re.I)
    if match:
        who = match.group("who").strip()
        who = re.sub(r"^(?:the\s+)", "", who, flags=re.I)
        canonical = _AGENCIES.get(who.lower()) or _AGENCIES.get(f"the {who.lower()}")
        if canonical:
            return canonical
        return f"The {who}" if text.lower().startswith("the ") else who
    match = re.match(r"^\(?(?:additional\s+)?reporting\s+by\s+(?P<who>[^;.)]+)", text, re.I)
    if match:
        return match.group("who").strip()
    return None


def _title_case_if_shouting(name: str) -> str:
    return name.title() if name.isupper() else name
