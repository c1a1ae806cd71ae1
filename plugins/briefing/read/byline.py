"""Bylines, author bios and credit lines: who wrote the article and for which publication."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import PHOTO_CREDIT
from .dates import find_dates, unglue
from .segment import Line

# When no byline is next to the headline, a 'By ...' line that names someone is looked for this many
# lines further down (under a photo gallery, a share bar or a list of bullet points). Swept 0/10/30/60
# on pasted-naeb dev halves: authors a 0.828/0.828/0.839/0.839, b 0.778/0.778/0.800/0.800; pages with
# no author left empty the same at all four (a 0.875, b 0.250).
BYLINE_REACH = 30
# A bare name line is a byline when a date line is at most this many lines from it (a section label or
# a reading time may sit between). Swept 1/2/3 on pasted-naeb dev halves: authors a 0.839/0.862/0.862,
# b 0.800/0.800/0.789; no-author pages left empty the same (a 0.875, b 0.250).
NAME_DATE_LINES = 2
# A bare name line has at most this many words before its date, if it has one (a layout bound: two or
# three names and the publication).
NAME_LINE_MAX_WORDS = 10

_PARTICLES = r"(?:de|da|del|della|der|den|van|von|la|le|di|bin|binti|al|el|dos|du|ibn|ter|st\.)"
_NAME_TOKEN = rf"(?:(?:[A-Z]\.){{1,3}}(?:[A-Z](?=\s|$))?|[A-Z][\w'’-]*\.?|{_PARTICLES}(?=\s))"
PERSON_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}$")
_LEADING_NAME = re.compile(
    rf"^(?P<name>[A-Z][\w'’-]+\.?(?:\s+(?:[A-Z]\.|{_PARTICLES}))*\s+[A-Z][\w'’-]+(?:\s+(?:Jr|Sr|II|III|IV)\.?)?)(?P<rest>\s.*)?$"
)
# "By", "Written by", "Review by", "Published By :", "As told to"; not "Photos by", "Illustration by".
_BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|reporting|report|posted|published|compiled|review|reviewed|analysis|"
    r"commentary|column|opinion|interview|article|blog|post)\s+)?by\s*[:\-—–]?\s*(?P<rest>.*)$|"
    r"^as told to\s+(?P<rest4>.+)$|"
    r"^(?:author|authors|autor|par|por|di|von)\s*[:\-]\s*(?P<rest2>.+)$|"
    r"^.{0,60}?\s[|•·]\s*by\s+(?P<rest3>.+)$",
    re.I,
)
_LAST_INITIALS = re.compile(r"\s(?:[A-Z]\.)+[A-Z]$")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[|/•·—–-]|by\b)?\s*", re.I)
_SECTION_BYLINE = re.compile(r"^(?P<label>[A-Z][\w&-]*)\s+by\s+(?P<rest>[A-Z].*)$")
_CREDIT_LABELS = frozenset(
    """photo photos photograph photographs photography picture pictures image images illustration
    illustrations illustrated video videos graphic graphics art artwork design designed edited produced
    translated narrated read hosted presented directed sponsored powered supported funded brought
    inspired followed liked shared posted published written created made built developed courtesy""".split()
)
_GLUED_BY = re.compile(r"^(by)(?=[A-Z])", re.I)
_GLUED_WORD = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last updated|Modified)\b)")
# "KambhampatiData and Graphics Journalist", "CortinaWriter": a word glued to the end of a name.
_GLUED_TAIL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{3,})|(?<=[a-z])(?=\d)")
_TRAILING_PARTS = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s|/|,?\s+(?:on|at)\s+(?=\w+\.?\s+\d)|,?\s*(?:published|updated|posted|last updated)\b|"
    r"\s\S+@[\w-]+\.\S+|\s?@\w).*$",
    re.I,
)
_TRAILING_DATE = re.compile(
    r"\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*|\d{1,2}/\d{1,2}/\d{2,4}.*|\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}.*)$",
    re.I,
)
ROLE_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|contributing|columnist|analyst|"
    r"senior|chief|associate|deputy|managing|political|bureau|freelance|journalist|producer|"
    r"photographer|intern|news|desk|team|cto|ceo|opinion|for|data|graphics|review|reviews|"
    r"special|guest|assistant|executive|author|host)\b",
    re.I,
)
# Words of page furniture that look like names because they are capitalised.
_NOT_NAME_WORDS = frozenset(
    """the a an our home news more share email follow subscribe advertisement updated published getty images
    photo video watch listen read sign log print tweet comment comments menu search privacy policy feedback
    related topics view all event ended guidelines editorial article this in latest top stories story local
    world sports business politics opinion live show hide close open next previous back page site terms
    about contact newsletter newsletters podcast podcasts recommended trending popular most click here sale
    deals best review reviews shop buy free new daily weekly your my we you us it is of and or to on by
    facebook twitter linkedin instagram whatsapp pinterest reddit flipboard youtube tiktok telegram social
    links copy link""".split()
)
_INITIAL = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")  # 'A.', 'C.J.', 'C.J' (a final full stop stripped)
# Words of a publication's name: after a person's name in a byline, the part holding one is the
# publication ('Jane Doe, Ferrisford Report'); words that are also common surnames (Post, Daily) are not
# among them.
_ORGANIZATION_WORDS = frozenset(
    """press news report times journal gazette tribune herald magazine network agency chronicle today
    media weekly radio television tv""".split()
)
# 'Jane Doe USA TODAY': a name in mixed case, then the publication in capitals.
_SHOUTED_TAIL = re.compile(r"^(?P<name>.*[a-z].*?)\s+(?P<publication>(?!(?:II|III|IV)$)[A-Z]{2,}(?:\s+[A-Z&]{2,})*)$")
_SHOUTED_PREFIX = re.compile(r"^[A-Z]{2,}[a-z]")  # "FOXBusiness": a brand glued to a name
_AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "the associated press": "The Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
}


def is_agency(text: str) -> bool:
    """Whether a line is a news agency's name alone ('The Associated Press', 'Reuters'): a credit, never a
    headline."""
    return text.strip(" .").lower() in _AGENCIES


def split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", text)
    return [p.strip(" .:") for p in parts if p.strip(" .:")]


def _names_organization(part: str) -> bool:
    return part.lower() in _AGENCIES or any(w.lower() in _ORGANIZATION_WORDS for w in part.split())


def _not_a_name_word(word: str) -> bool:
    """A word of page furniture ('Share', 'Menu'), or a brand glued to a name; an initial ('A.') is a
    name's."""
    if _INITIAL.match(word):
        return False
    return word.lower().strip(".") in _NOT_NAME_WORDS or bool(_SHOUTED_PREFIX.match(word))


def looks_like_person(name: str) -> bool:
    name = name.strip()
    if not PERSON_NAME.match(name) or ROLE_WORDS.search(name):
        return False
    if any(_not_a_name_word(word) for word in name.split()):
        return False
    return not name.isupper() or len(name) <= 30


def _clean_byline_text(text: str) -> str:
    text = _GLUED_BY.sub(r"\1 ", text.strip())
    text = _GLUED_WORD.sub(" ", unglue(text))
    half = len(text) // 2
    if len(text) % 2 == 1 and text[:half] == text[half + 1 :]:
        text = text[:half]  # "Associated Press Associated Press": a byline printed twice
    return text


def _names_and_source(rest: str) -> tuple[list[str], str | None]:
    """'Jane Doe and John Roe, Reuters' or 'Amanda Cappelli Fox News' -> names, publication."""
    rest = _GLUED_TAIL.sub(" ", rest)
    rest = _TRAILING_PARTS.sub("", rest)
    rest = _TRAILING_DATE.sub("", rest).strip(" ,.-—–")
    authors: list[str] = []
    source = None
    if not rest or len(rest) > 160:
        return authors, source
    for part in split_names(rest):
        if authors and _names_organization(part):
            source = source or _AGENCIES.get(part.lower(), part)  # 'Jane Doe, Associated Press'
            continue
        shouted = _SHOUTED_TAIL.match(part)
        if shouted and looks_like_person(shouted.group("name")):
            authors.append(shouted.group("name"))  # 'Jane Doe USA TODAY'
            source = source or shouted.group("publication")
            continue
        if looks_like_person(part):
            authors.append(_title_case_if_shouting(part))
            continue
        if part.lower() in _AGENCIES:
            source = source or _AGENCIES[part.lower()]
            continue
        leading = _LEADING_NAME.match(part)
        if leading and looks_like_person(leading.group("name")):
            authors.append(_title_case_if_shouting(leading.group("name")))
            tail = re.sub(r"^\s*(?:for|of|at|from)\s+", "", (leading.group("rest") or "").strip(), flags=re.I)
            if tail and not ROLE_WORDS.search(tail) and tail[:1].isupper() and len(tail.split()) <= 5:
                source = source or _AGENCIES.get(tail.lower(), tail)
        elif authors and not ROLE_WORDS.search(part) and len(part.split()) <= 6 and part[:1].isupper():
            source = source or part
    return authors, source


def parse_byline(text: str, next_line: str | None = None) -> tuple[list[str], str | None] | None:
    """'By Jane Doe and John Roe, Reuters' -> (['Jane Doe', 'John Roe'], 'Reuters'); None if no byline.

    `next_line` is used when the byline is split after "By" (a lone "By" or "By —" line)."""
    text = _clean_byline_text(text)
    if len(text) > 200:
        return None
    match = _BYLINE.match(text)
    if not match:
        return _section_byline(text)
    rest = next((g for g in match.group("rest", "rest2", "rest3", "rest4") if g), "").strip()
    if not re.sub(r"[\W_]+", "", rest) and next_line:
        rest = _clean_byline_text(next_line)
    authors, source = _names_and_source(rest)
    if not authors and source is None:
        # "By Chicago Tribune staff": a publication writing as itself
        staff = re.match(
            r"^(?:the\s+)?(?P<pub>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})\s+(?:staff|wire|reports?|"
            r"editorial board)\b",
            rest,
        )
        if staff:
            return [staff.group(0)], staff.group("pub")
        agency = rest.strip(" .")
        if agency.lower() in _AGENCIES:
            return [re.sub(r"^the\s+", "", agency, flags=re.I)], _AGENCIES[agency.lower()]
        return None
    return authors, source


def _section_byline(text: str) -> tuple[list[str], str | None] | None:
    """'News by Jane Doe', 'Analysis by Jane Doe, Reuters': a section's label, then a byline that names
    someone. A credit ('Photos by', 'Sponsored by') is not a byline."""
    match = _SECTION_BYLINE.match(text)
    if not match or match.group("label").lower() in _CREDIT_LABELS:
        return None
    authors, source = _names_and_source(match.group("rest"))
    return (authors, source) if authors else None


def parse_standalone_name(text: str) -> tuple[list[str], str | None] | None:
    """A line that is only a name, or a name then a date/source ('Tex Hollywood - December 21, 2023'), or
    a date then a name ('May 30, 2023 / Tex Hollywood')."""
    text = _clean_byline_text(text)
    if len(text) > 100:
        return None
    dates = find_dates(text)
    if dates and dates[0].start == 0:
        text = _LEADING_SEPARATOR.sub("", text[dates[0].end :])
    authors, source = _names_and_source(text)
    if authors and len(authors) <= 4:
        return authors, source
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
    """'JANE DOE' -> 'Jane Doe'; a name ending in initials gets back the full stop trimmed off the line
    ('Nelson C.J')."""
    if _LAST_INITIALS.search(name):
        name += "."
    return name.title() if name.isupper() else name


@dataclass(frozen=True)
class Byline:
    """Who wrote the article and for whom, and the lines that said so."""

    authors: tuple[str, ...] = ()
    source: str | None = None
    positions: tuple[int, ...] = ()  # byline lines, to be set aside from the body
    credits: tuple[str, ...] = ()  # agencies and people credited ('The Associated Press contributed')


def choose_byline(lines: list[Line], kinds: list[str], after_title: range, before_title: range) -> Byline:
    """The byline below the headline, else above it, else a 'By ...' line a little further down; then
    credit lines, and an author bio when the byline named no one (its publication too, when the byline
    gave none)."""
    authors, source, positions = find_byline(lines, after_title.start, after_title.stop)
    if not authors and source is None:
        authors, source, positions = find_byline(lines, before_title.start, before_title.stop)
    if not authors and source is None:
        authors, source, positions = _by_line(lines, kinds, after_title.stop, after_title.stop + BYLINE_REACH)
    credits: list[str] = []
    for position, kind in enumerate(kinds):
        text = lines[position].text
        if kind == "credit":
            who = parse_credit(text)
            if who and who not in credits:
                credits.append(who)
        elif kind == "bio":
            bio = parse_bio(text)
            if bio:
                if not authors:
                    authors = [bio[0]]
                if bio[1] and source is None and bio[0] in authors:
                    source = bio[1]
    return Byline(tuple(authors), source, tuple(positions), tuple(credits))


# A bare name among this many lines right under the headline is its byline. Swept 1/2/3 on the halves
# of pasted-naeb dev: authors_exact a 0.724/0.747/0.747, b 0.656/0.722/0.733 (no name rule: 0.690, 0.656).
NAME_UNDER_HEADLINE_LINES = 3
# A date line a byline sits next to, written in words ('Published Yesterday', 'Updated 2 hours ago').
_DATE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated)\b|\b(?:\d+\s+(?:minutes?|hours?|days?)\s+ago|yesterday|today)$",
    re.I,
)


def find_byline(lines: list[Line], lo: int, hi: int) -> tuple[list[str], str | None, list[int]]:
    """Authors and source from 'By ...' lines (or a bare name line next to a date, or right under the
    headline) in lines[lo:hi]."""
    for position in range(lo, hi):
        following = lines[position + 1].text if position + 1 < len(lines) else None
        parsed = parse_byline(lines[position].text, following)
        if parsed:
            used = [position] if parsed[0] and not _names_in(parsed[0], following) else [position, position + 1]
            return parsed[0], parsed[1], used
    for position in range(lo, hi):
        text = lines[position].text
        if _words_before_date(text) > NAME_LINE_MAX_WORDS:
            continue
        near = range(max(lo, position - NAME_DATE_LINES), min(hi, position + NAME_DATE_LINES + 1))
        near_date = any(find_dates(lines[p].text) or _DATE_WORDS.search(lines[p].text) for p in near)
        if not near_date and position > lo + NAME_UNDER_HEADLINE_LINES - 1:
            continue
        if PHOTO_CREDIT.search(text):
            continue  # 'Jane Roe / Getty Images': who took the photo
        parsed = parse_standalone_name(text)
        if parsed:
            return parsed[0], parsed[1], [position]
    return [], None, []


def _words_before_date(text: str) -> int:
    """The words of a line up to its first date ('Jane Roe and Sam Poole, The Gazette - Dec 20, 2023')."""
    dates = find_dates(text) if any(ch.isdigit() for ch in text) else []
    return len((text[: dates[0].start] if dates else text).split())


def _by_line(lines: list[Line], kinds: list[str], lo: int, hi: int) -> tuple[list[str], str | None, list[int]]:
    """A 'By ...' line naming someone among lines[lo:hi], outside comments."""
    for position in range(lo, min(hi, len(lines))):
        if kinds[position] in ("comment", "navigation") or lines[position].words > 12:
            continue
        parsed = parse_byline(lines[position].text)
        if parsed and parsed[0]:
            return parsed[0], parsed[1], [position]
    return [], None, []


def _names_in(names: list[str], text: str | None) -> bool:
    return bool(text) and all(name.lower() in text.lower() for name in names)
