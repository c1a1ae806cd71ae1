"""What a saved page says about itself: JSON-LD (schema.org Article and its kinds), Open Graph and other
<meta> tags, <time datetime>, the canonical link, <title> and its <h1> headings.

Read before any text rule: a page's own structured data names its headline, authors, date and publisher
more reliably than its visible lines do. saved.py decides what to take from here and what the text rules
still have to find.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from ..userdata import http_link, xml_text
from .byline import parse_byline, split_names
from .dates import MONTHS, find_dates, parse_date_text, unglue
from .decode import clean_line
from .html_page import region_kind

# schema.org types whose headline, author and datePublished are the article's own.
ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle ReviewNewsArticle "
    "BackgroundNewsArticle AskPublicNewsArticle SatiricalArticle BlogPosting LiveBlogPosting Report "
    "ScholarlyArticle TechArticle SocialMediaPosting DiscussionForumPosting Review".split()
)
# A page's JSON-LD is a few objects; these bound what arbitrary input can make the reader walk.
JSONLD_MAX_CHARS = 1_000_000
JSONLD_MAX_NODES = 20_000
# Dates outside these years are placeholders ('0001-01-01', '1970-01-01' from a zero timestamp).
MIN_YEAR, MAX_YEAR = 1971, 2100
# Names longer than this are sentences (a bio in the author field), not names.
AUTHOR_MAX_CHARS = 80

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
)
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
ASIDE_REGIONS = frozenset({"navigation", "related", "comment", "footer"})
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>0?[1-9]|1[0-2]|[a-z]{3})[/-](?P<day>[0-3]?\d)(?=/|\.|$|-)", re.I
)
# Author and byline elements looked at, in page order, before giving up on them.
BYLINE_ELEMENTS_MAX = 10
# Candidates found by a plain substring test (cheap in libxml2), then checked word by word in Python.
_BYLINE_ELEMENTS = etree.XPath(
    "//*[@rel='author' or contains(@class, 'uthor') or contains(@class, 'yline') or contains(@class, 'YLINE')]"
)
_BYLINE_CLASS_WORDS = frozenset({"author", "authors", "byline", "bylines"})
_CLASS_SPLIT = re.compile(r"[\s_-]+")
_BY = re.compile(r"^\s*by\s*[:\-]?\s+", re.I)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\.com\b|^\W*$")


@dataclass(frozen=True)
class PageMetadata:
    titles: tuple[str, ...] = ()  # the page's own titles, best first: JSON-LD headline, og:title, <title>
    headings: tuple[str, ...] = ()  # the <h1> texts, in page order
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    byline_names: tuple[str, ...] = ()  # names in the page's author or byline elements
    date: str | None = None
    shown_date: str | None = None  # the day a <time> element's words show, outside menus and lists
    url: str | None = None


def page_metadata(tree, fallback_url: str | None = None) -> PageMetadata:
    meta = _meta_tags(tree)
    article, site = _jsonld_article(tree)
    url = _canonical(tree, meta, article) or (http_link(fallback_url) if fallback_url else None)
    titles = [_text(article.get("headline")) or _text(article.get("name"))]
    titles += [_first(meta, key) for key in _TITLE_KEYS]
    titles.append(_text(tree.findtext(".//title")))
    site_name = next(filter(None, (_first(meta, key) for key in _SITE_KEYS)), None)
    site_name = site_name or _name_of(article.get("publisher")) or site
    return PageMetadata(
        titles=tuple(dict.fromkeys(t for t in titles if t)),
        headings=tuple(t for t in (_text(h.text_content()) for h in tree.iter("h1")) if t),
        site_name=site_name,
        authors=tuple(_jsonld_authors(article) or _meta_authors(meta) or _microdata_authors(tree)),
        byline_names=tuple(_byline_names(tree)),
        date=_published(article, meta, tree) or url_date(url) or _any_time(tree),
        shown_date=_shown_date(tree),
        url=url,
    )


def iso_date(value) -> str | None:
    """A date as written in metadata ('2023-12-22T10:00:00-05:00', '2023-12-22', 'Dec 22, 2023') as the
    archive stores it: the day as the page wrote it, with the time to the minute when there is one."""
    text = _text(value)
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(
            text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", text) else text
        )
    except ValueError:
        parsed = parse_date_text(text[:100])
        if not parsed:
            return None
        try:
            moment = dt.datetime.fromisoformat(parsed)
        except ValueError:
            return None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    if len(text) <= 10 or ((moment.hour, moment.minute, moment.second) == (0, 0, 0) and moment.tzinfo is None):
        return moment.date().isoformat()
    return moment.isoformat(timespec="minutes")


def _meta_tags(tree) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), []).append(content)
    return tags


def _first(meta: dict[str, list[str]], key: str) -> str | None:
    return next(filter(None, (_text(v) for v in meta.get(key, ()))), None)


def _text(value) -> str | None:
    """A value of the page's metadata as text: entities a CMS escaped twice ('D&amp;amp;D') read once more."""
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = html.unescape(value)
    return xml_text(clean_line(" ".join(value.split()))) or None


def _jsonld_objects(tree) -> list[dict]:
    """Every JSON object of the page's JSON-LD scripts, breadth first (through @graph and lists)."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > JSONLD_MAX_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        queue = [data]
        while queue and len(found) < JSONLD_MAX_NODES:
            item = queue.pop(0)
            if isinstance(item, list):
                queue.extend(item[:JSONLD_MAX_NODES])
            elif isinstance(item, dict):
                found.append(item)
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    if isinstance(item.get(key), (list, dict)):
                        queue.append(item[key])
    return found


def _types(item: dict) -> set[str]:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _jsonld_article(tree) -> tuple[dict, str | None]:
    """The page's article object (the first with a headline, else the first), and a WebSite's name."""
    objects = _jsonld_objects(tree)
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    site = next((_text(o.get("name")) for o in objects if "WebSite" in _types(o) and _text(o.get("name"))), None)
    with_headline = [a for a in articles if _text(a.get("headline"))]
    return (with_headline or articles or [{}])[0], site


def _name_of(value) -> str | None:
    if isinstance(value, list):
        return next(filter(None, map(_name_of, value)), None)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _jsonld_authors(article: dict) -> list[str]:
    people = article.get("author") or article.get("creator") or []
    names: list[str] = []
    for person in people if isinstance(people, list) else [people]:
        if isinstance(person, dict):
            if _types(person) & {"Organization", "NewsMediaOrganization", "Corporation"}:
                continue
            names.extend(clean_names(_name_of(person)))
        else:
            names.extend(clean_names(_text(person)))
    return list(dict.fromkeys(names))


def _meta_authors(meta: dict[str, list[str]]) -> list[str]:
    for key in _AUTHOR_KEYS:
        names = [n for value in meta.get(key, ()) for n in clean_names(_text(value))]
        if names:
            return list(dict.fromkeys(names))
    return []


def _microdata_authors(tree) -> list[str]:
    names: list[str] = []
    for element in tree.xpath('//*[@itemprop="author"]')[:10]:
        inner = element.xpath('.//*[@itemprop="name"]')
        value = inner[0].get("content") or inner[0].text_content() if inner else element.text_content()
        names.extend(clean_names(_text(value)))
    return list(dict.fromkeys(names))


def _byline_names(tree) -> list[str]:
    """Names in the first author or byline element outside menus, lists and comments: a link with
    rel=author, or an element whose class names the author or byline ('author-name', 'byline')."""
    candidates = [
        element
        for element in _BYLINE_ELEMENTS(tree)
        if element.get("rel") == "author"
        or _BYLINE_CLASS_WORDS.intersection(_CLASS_SPLIT.split((element.get("class") or "").lower()))
        or "byline" in (element.get("class") or "").lower()
    ]
    for element in candidates[:BYLINE_ELEMENTS_MAX]:
        if any(region_kind(a) in ASIDE_REGIONS for a in element.iterancestors()):
            continue
        text = clean_line(" ".join(element.text_content().split()))
        if not text or len(text) > AUTHOR_MAX_CHARS * 2:
            continue
        parsed = parse_byline(text) or parse_byline("By " + text)
        if parsed and parsed[0]:
            return parsed[0]
    return []


def clean_names(value: str | None) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; links, handles and bios are no names."""
    if not value:
        return []
    value = _BY.sub("", value)
    names = []
    for name in split_names(value) if re.search(r",|;|&|\band\b", value) else [value.strip(" .:")]:
        name = _BY.sub("", name).strip()
        if name and len(name) <= AUTHOR_MAX_CHARS and not _NOT_A_NAME.search(name):
            names.append(name)
    return names


def _published(article: dict, meta: dict[str, list[str]], tree) -> str | None:
    for value in (article.get("datePublished"), article.get("dateCreated")):
        if date := iso_date(value):
            return date
    for element in tree.xpath('//*[@itemprop="datePublished"]')[:3]:
        if date := iso_date(element.get("datetime") or element.get("content")):
            return date
    for key in _PUBLISHED_KEYS:
        for value in meta.get(key, ()):
            if date := iso_date(value):
                return date
    return None


def _any_time(tree) -> str | None:
    return next(filter(None, (iso_date(element.get("datetime")) for element in tree.iter("time"))), None)


def url_date(url: str | None) -> str | None:
    """The day in a page's address ('/2023/12/22/', '/2023-12-22/', '/2023/dec/22/'), or None."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.group("year"), match.group("month"), match.group("day")
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    try:
        return dt.date(int(year), number or 0, int(day)).isoformat()
    except ValueError:
        return None


def _shown_date(tree) -> str | None:
    """The first full date a <time> element shows in words ('Dec 22, 2023, 10:22 PM EST'), outside
    navigation, related lists, comments and footers: the day as the page's reader sees it."""
    for element in tree.iter("time"):
        found = find_dates(unglue(" ".join(element.text_content().split())[:200]))
        if found and not any(region_kind(a) in ASIDE_REGIONS for a in element.iterancestors()):
            return found[0].value
    return None


def _canonical(tree, meta: dict[str, list[str]], article: dict) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (href := _link(link.get("href"))):
            return href
    og_url = _link(_first(meta, "og:url"))
    if og_url:
        return og_url
    entity = article.get("mainEntityOfPage")
    return _link(article.get("url")) or _link(entity.get("@id") if isinstance(entity, dict) else entity)


def _link(value) -> str | None:
    return http_link(value.strip()) if isinstance(value, str) and value.strip() else None


def resolve_link(href: str, base: str | None) -> str | None:
    """An href of the page as an http(s) address: absolute, or relative to the page's own address."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    if base:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    return http_link(href)
