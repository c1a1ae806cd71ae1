"""A saved web page as the read stage sees it: its bytes decoded (with a charset that may lie), parsed
once, and its visible text as lines, each with the kind of page region it sits in and the links it holds.

The body (html_body.py) and the metadata (structured.py) read this one model; nothing here decides what
the article is.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

import lxml.html
from lxml import etree

from ..records import UnusableFile
from ..userdata import xml_text
from .decode import BINARY_CONTROL_SHARE, BINARY_SAMPLE_CHARS, clean_line
from .segment import STOPWORDS, Line

# The charset declaration is looked for in the first bytes of the page: the HTML standard's pre-scan reads
# 1,024, but saved pages often put large inline styles and scripts before the <meta charset>. Of the 255
# html-aeb and html-naeb dev pages that declare one, 216 do so in the first 1 KiB, 248 in 16 KiB and
# all 255 in 256 KiB.
CHARSET_PRESCAN_BYTES = 262_144
# Elements whose text a reader never sees (the rendering behind pasted-naeb drops the same ones).
INVISIBLE_TAGS = frozenset(
    "script style noscript template svg head iframe object embed canvas select option button textarea input "
    "audio video map".split()
)
# Elements that, empty and with no text after them, hold nothing for a reader or for the body extractor
# (trafilatura's own list of the empty elements it deletes, and images).
EMPTY_LEAF_TAGS = frozenset(
    "article b blockquote dd div dt em h1 h2 h3 h4 h5 h6 i li main p pre q section span strong img picture "
    "source".split()
)
# Elements that start a line of their own (the rest is inline text joined into the line around it).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section "
    "summary table tbody thead tfoot td th tr ul br".split()
)
# Page regions, from the element itself or its class, id or role: the kinds a removed block is shown as.
_LANDMARK_TAGS = {"nav": "navigation", "menu": "navigation", "aside": "related", "footer": "footer", "header": "header"}
_LANDMARK_ROLES = {
    "navigation": "navigation",
    "menubar": "navigation",
    "menu": "navigation",
    "complementary": "related",
    "contentinfo": "footer",
    "banner": "header",
}
_REGION_WORDS = (
    ("comment", frozenset("comment comments commentlist disqus discussion replies respond".split())),
    ("navigation", frozenset("nav navbar navigation menu breadcrumb breadcrumbs skiplink topnav subnav".split())),
    (
        "related",
        frozenset(
            "related recommended recommendations trending popular sidebar outbrain taboola morestories "
            "readmore promo newsletter".split()
        ),
    ),
    ("footer", frozenset("footer colophon".split())),
    ("header", frozenset("header masthead topbar".split())),
)
# Each word of a region's vocabulary, with the region and its place in that list (the first region a
# name has a word of wins).
_REGION_OF_WORD = MappingProxyType(
    {word: (order, region) for order, (region, words) in reversed(list(enumerate(_REGION_WORDS))) for word in words}
)
# A class or id of more words than this is a list of settings, not the name of a region.
REGION_NAME_MAX_WORDS = 3
_OUTER_TAGS = frozenset({"html", "body", "main", "article"})
_NO_NAMES = (None, None, None)
_LAYOUT_WORDS = frozenset(
    "has with no is and not enabled disabled active open collapsed mode above below template aligned sticky "
    "fixed layout float".split()
)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.+-]{1,40})""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Every byte but the C0 controls XML forbids (all but tab, line feed and carriage return).
_XML_ALLOWED_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|span|a|h[1-6]|br|article|table|ul)\b", re.I
)
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What browsers read for these labels (the WHATWG encoding standard): Latin-1 and ASCII are Windows-1252.
_BROWSER_CODECS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# The parser trafilatura itself uses, so the tree it is handed is the tree it would have built.
_PARSER_OPTIONS = MappingProxyType(
    {"collect_ids": False, "default_doctype": False, "remove_comments": True, "remove_pis": True}
)


class PageLine(NamedTuple):
    """One line of the page's visible text, the page region it is in, and the links inside it (a named
    tuple: a page has thousands, and they are made faster than frozen dataclasses)."""

    text: str
    kind: str  # navigation, comment, related, footer, header, or page
    tag: str  # the block element the line belongs to (h1, p, li, ...)
    links: tuple[tuple[str, str], ...] = ()  # (words of the link, href as written)
    key: str = ""  # its words, for comparing it with body paragraphs (see key())


@dataclass(frozen=True)
class Page:
    tree: lxml.html.HtmlElement
    lines: tuple[PageLine, ...]
    warnings: tuple[str, ...] = ()
    # Elements of the tree no reader sees that the tag alone does not tell (hidden ones, and empty leaves
    # with no text after them), found on the walk for the lines: the body extractor need not read them.
    unseen: tuple = ()


def key(text: str) -> str:
    """The words of a text, lower case, single spaces: how page lines and body paragraphs are compared."""
    return " ".join(_WORD.findall(text.lower()))


class TextLines(Sequence):
    """The page's lines as the text rules read a pasted page's (segment.py's Line), one per visible line,
    each made when a rule first looks at it: the rules look near the headline, not at the whole page."""

    def __init__(self, lines: tuple[PageLine, ...]) -> None:
        self._lines = lines
        self._made: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[p] for p in range(*position.indices(len(self._lines)))]
        position = range(len(self._lines))[position]  # negative positions, and IndexError past the end
        if position not in self._made:
            line = self._lines[position]
            words = line.key.split()
            stop_share = sum(1 for w in words if w in STOPWORDS) / len(words) if words else 0.0
            self._made[position] = Line(position, line.text, True, len(words), stop_share)
        return self._made[position]


class Decoded(NamedTuple):
    text: str
    warnings: list[str]
    utf8: bool = False  # the bytes are the text's UTF-8 as they stand (valid UTF-8, no byte order mark)


def read_page(data: bytes, declared: str | None = None) -> Page:
    """Decode and parse a saved page; `declared` is a charset the container (MHTML, e-mail) gave."""
    decoded = decode_html(data, declared)
    tree = parse_html(decoded.text, data if decoded.utf8 else None)
    unseen: list = []
    lines = tuple(visible_lines(tree, unseen))
    if not lines:
        raise UnusableFile("the page has no visible text")
    return Page(tree, lines, tuple(decoded.warnings), tuple(unseen))


def decode_html(data: bytes, declared: str | None = None) -> Decoded:
    """The page's text (see decode_declared; the page's own <meta charset> is the declaration when the
    container gave none), checked to be HTML."""
    decoded = _decode(data, declared or declared_charset(data), "page")
    if not _HTML_TAG.search(decoded.text):
        raise UnusableFile("the file is not HTML: it has no HTML elements")
    return decoded


def decode_declared(data: bytes, label: str | None, what: str) -> tuple[str, list[str]]:
    """Text from bytes that declare the charset `label`: UTF-8 when the bytes are valid UTF-8, whatever
    they declare; else the declared charset (Windows-1252 when none is declared, or UTF-8 is declared).
    A declaration the bytes contradict is warned about, naming `what` declared it."""
    decoded = _decode(data, label, what)
    return decoded.text, decoded.warnings


def _decode(data: bytes, label: str | None, what: str) -> Decoded:
    if not data.strip():
        raise UnusableFile("the file is empty" if not data else "the file holds only white space")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_not_binary(data.decode(encoding, "replace")), [])
    if b"\x00" in data[:BINARY_SAMPLE_CHARS]:
        raise UnusableFile("the file is binary data, not text")
    warnings: list[str] = []
    codec = _codec(label)
    if label and codec is None:
        warnings.append(f"the {what} declares an unknown charset {label!r}")
    try:
        text = data.decode("utf-8")
        if codec not in (None, "utf-8") and not data.isascii():
            warnings.append(f"the {what} declares the charset {label} but is UTF-8: read as UTF-8")
        return Decoded(_not_binary(text), warnings, utf8=True)
    except UnicodeDecodeError as error:
        utf8_error = error
    if codec in (None, "utf-8"):
        declared_utf8 = f" though it declares {label}" if codec == "utf-8" else ""
        warnings.append(f"the {what} is not valid UTF-8 (byte {utf8_error.start}){declared_utf8}: read as Windows-1252")
        codec = "cp1252"
    return Decoded(_not_binary(data.decode(codec, "replace")), warnings)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> (or XML declaration) names, as written, or None."""
    head = data[:CHARSET_PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _BROWSER_CODECS.get(name, name)


def _not_binary(text: str) -> str:
    sample = text[:BINARY_SAMPLE_CHARS]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE:
        raise UnusableFile("the file is binary data, not text")
    return text


def parse_html(text: str, utf8: bytes | None = None) -> lxml.html.HtmlElement:
    """The page's tree: parsed from UTF-8 bytes with the encoding fixed, so a <meta charset> inside cannot
    re-decode them, and without the characters XML forbids (lxml refuses them in any text it is given
    back). `utf8` is `text` as UTF-8 when the caller has it: then the page is not encoded again, and
    not cleaned when it holds none of those characters (one pass over its bytes instead of three)."""
    declaration = _XML_DECLARATION.match(text)
    if utf8 is not None and not _xml_forbidden_bytes(utf8):
        data = utf8[len(declaration.group().encode("utf-8")) :] if declaration else utf8
    else:
        data = xml_text(text[declaration.end() :] if declaration else text).encode("utf-8")
    parser = lxml.html.HTMLParser(encoding="utf-8", **_PARSER_OPTIONS)
    try:
        tree = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnusableFile(f"the page cannot be parsed as HTML: {error}") from None
    if tree is None or not isinstance(tree.tag, str):
        raise UnusableFile("the page cannot be parsed as HTML: no document element")
    return tree


def _xml_forbidden_bytes(utf8: bytes) -> bool:
    """Whether UTF-8 bytes hold a character XML forbids: a C0 control other than tab and line breaks, or
    U+FFFE or U+FFFF (a surrogate is not valid UTF-8)."""
    return bool(utf8.translate(None, _XML_ALLOWED_BYTES)) or b"\xef\xbf\xbe" in utf8 or b"\xef\xbf\xbf" in utf8


def region_kind(element) -> str | None:
    """The page region an element opens (navigation, comment, related, footer, header), or None: from
    its tag or role, else from a class or id that names the region ('site-footer', 'comment-list'). A
    name that describes a layout ('has-sidebar', 'sticky-nav-enabled', 'page--with-sidebar') names none,
    and the page's outer elements (html, body, main, article) take no region from their classes."""
    kind = _LANDMARK_TAGS.get(element.tag)
    role = element.get("role")
    if role:
        kind = _LANDMARK_ROLES.get(role.strip().lower(), kind)
    if element.tag in _OUTER_TAGS:
        return kind
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    for name in names:
        words = [w for w in name.replace("_", "-").split("-") if w]
        if len(words) > REGION_NAME_MAX_WORDS or _LAYOUT_WORDS.intersection(words):
            continue
        found = [_REGION_OF_WORD[w] for w in words if w in _REGION_OF_WORD]
        if found:
            return min(found)[1]
    return kind


def _hidden(element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and bool(_DISPLAY_NONE.search(style))


def _clean(words: str) -> str:
    """clean_line of words joined by single spaces, without its four passes when there is nothing to
    clean: printable text (no control, format or invisible character, no space but ' ') in NFC."""
    if words.isprintable() and (words.isascii() or unicodedata.is_normalized("NFC", words)):
        return words
    return clean_line(words)


class _LineBuilder:
    """Collects the text of the current line, the region it started in and its links."""

    def __init__(self) -> None:
        self.lines: list[PageLine] = []
        self.parts: list[str] = []  # emptied in place by flush (the walk holds on to it)
        self.links: list[tuple[str, str]] = []
        self.open_links: list[list] = []  # [index in parts where the link's words start, href]
        self.kind = "page"
        self.tag = "body"

    def open_link(self, href: str) -> None:
        self.open_links.append([len(self.parts), href])

    def close_link(self) -> None:
        start, href = self.open_links.pop()
        words = _clean(" ".join("".join(self.parts[start:]).split()))
        if words:
            self.links.append((words, href))

    def flush(self) -> None:
        """The collected text as a line (called when there is some: with no text there are no links)."""
        text = _clean(" ".join("".join(self.parts).split()))
        if text:
            self.lines.append(PageLine(text, self.kind, self.tag, tuple(self.links), key(text)))
        self.parts.clear()
        self.links = []
        for link in self.open_links:
            link[0] = 0  # a link that spans blocks keeps the words of its last line


def visible_lines(tree, unseen: list | None = None) -> list[PageLine]:
    """The page's visible text, line by line, in document order (walked without recursion, so no page
    nests too deep for it). The walk visits every element: the builder's work is done inline here.
    Hidden elements and empty leaves (see EMPTY_LEAF_TAGS) are added to `unseen` when it is given."""
    unseen = [] if unseen is None else unseen
    builder = _LineBuilder()
    parts = builder.parts
    kinds: list[str] = ["page"]  # region of each open element, innermost last
    blocks: list[str] = ["body"]
    skipped = None  # an element whose subtree is not walked: its end event comes next
    regions: dict[tuple, str | None] = {}  # region_kind by (tag, class, id, role): pages repeat their classes
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in INVISIBLE_TAGS or not isinstance(tag, str) or _hidden(element):
                walker.skip_subtree()
                skipped = element
                if tag not in INVISIBLE_TAGS and isinstance(tag, str):
                    unseen.append(element)
                continue
            names = (element.get("class"), element.get("id"), element.get("role"))
            if names == _NO_NAMES:
                region = _LANDMARK_TAGS.get(tag)  # what region_kind says of an element without them
            else:
                attributes = (tag, *names)
                if attributes not in regions:
                    regions[attributes] = region_kind(element)
                region = regions[attributes]
            kinds.append(region or kinds[-1])
            if tag in BLOCK_TAGS:
                blocks.append(tag)
                if parts:
                    builder.flush()
            else:
                blocks.append(blocks[-1])
            if tag == "a" and element.get("href"):
                builder.open_link(element.get("href"))
            text = element.text
        else:
            if element is skipped:
                skipped = None
            else:
                if tag == "a" and builder.open_links and element.get("href"):
                    builder.close_link()
                kinds.pop()
                blocks.pop()
                if parts and tag in BLOCK_TAGS:
                    builder.flush()
            text = element.tail
            if not text and tag in EMPTY_LEAF_TAGS and not element.text and not len(element):
                unseen.append(element)
        if text:
            if not parts:
                if text.isspace():
                    continue  # white space before a line's first word is not part of it
                builder.kind, builder.tag = kinds[-1], blocks[-1]
            parts.append(text)
    if parts:
        builder.flush()
    return builder.lines
