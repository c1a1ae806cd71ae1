"""Property-based tests: whatever a user drops into content/articles/, the read stage either returns a
usable Extraction or raises UnusableFile with a reason; it never crashes with anything else."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from briefing.read.extract import extract_article
from briefing.read.frontmatter import KNOWN_KEYS
from briefing.records import Extraction, RawArticle, UnusableFile
from hypothesis import given, settings
from hypothesis import strategies as st

SLUG = re.compile(r"^[a-z0-9-]+$")

LINES = [
    "Harbor authority halts grain shipments",
    "By Jane Doe and John Roe, Reuters",
    "Published 3:04 PM EDT, March 5, 2023",
    "The council voted on Tuesday night to build a barrier along the river, ending two years of argument.",
    "\u201cWe cannot keep asking families to rebuild,\u201d the mayor said before the vote on the plan.",
    "\u2014 Mayor Ellen Park",
    "3 Comments",
    "Mark Bell says:",
    "Leave a reply",
    "Share this article",
    "Facebook",
    "(AP Photo/John Smith)",
    "Dana Whitfield is a senior fellow and contributor to The Policy Review.",
    "Support our independent reporting today by making a tax-deductible donation.",
    "The Associated Press contributed to this report.",
    "News | Local | Politics | Sports",
    "---",
    "title: x",
    "",
    "   ",
    "\t",
    "<script>alert(1)</script>",
    "../../etc/passwd",
]


def check_briefing(briefing: Extraction) -> None:
    assert isinstance(briefing, Extraction)
    assert isinstance(briefing.title, str) and briefing.title.strip()
    assert SLUG.match(briefing.slug), briefing.slug
    assert all(isinstance(p, str) and p.strip() for p in briefing.body)
    assert all(isinstance(a, str) for a in briefing.authors)
    assert all(isinstance(t, str) for t in briefing.tags)
    assert briefing.date is None or dt.datetime.fromisoformat(briefing.date)
    assert all(block.kind and isinstance(block.text, str) for block in briefing.cut)
    assert briefing.status in ("published", "draft", "hidden")


def read(data: bytes, sidecar: str | None = None) -> Extraction | None:
    try:
        briefing = extract_article(RawArticle("articles/generated.txt", data, sidecar))
    except UnusableFile as error:
        assert str(error), "an UnusableFile must say why"
        return None
    check_briefing(briefing)
    return briefing


@settings(max_examples=150)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_briefing_or_unusable_file(data):
    read(data)


@settings(max_examples=100)
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_arbitrary_text_in_any_supported_encoding_gives_a_briefing_or_unusable_file(text, encoding):
    read(
        text.encode(encoding, errors="surrogatepass")
        if encoding == "utf-8"
        else text.encode(encoding, errors="replace")
    )


@settings(max_examples=100)
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=80), max_size=40), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_pasted_page_like_text_gives_a_briefing_or_unusable_file(lines, separator):
    read(separator.join(lines).encode("utf-8", errors="surrogatepass"))


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.dates(min_value=dt.date(1, 1, 1))
    | st.datetimes()
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
KEYS = st.sampled_from([*KNOWN_KEYS, "Title", "DATE", "layout", "translation"]) | st.text(max_size=12)
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=8)
BODY = (
    "Harbor authority halts grain shipments\n\n"
    "The harbor authority suspended all grain shipments on Sunday after a loading crane toppled onto a "
    "bulk carrier, leaving ships waiting outside the breakwater.\n"
)


@settings(max_examples=150)
@given(FRONT_MATTER)
def test_arbitrary_front_matter_gives_a_briefing_or_unusable_file(metadata):
    data = f"---\n{yaml.safe_dump(metadata, allow_unicode=True)}---\n{BODY}".encode("utf-8", errors="surrogatepass")
    briefing = read(data)
    if briefing is not None and isinstance(metadata.get("title"), str) and metadata["title"].strip():
        assert briefing.title == metadata["title"].strip()


@settings(max_examples=80)
@given(FRONT_MATTER)
def test_arbitrary_sidecar_gives_a_briefing_or_unusable_file(metadata):
    read(BODY.encode("utf-8"), sidecar=yaml.safe_dump(metadata, allow_unicode=True))


@settings(max_examples=80)
@given(st.text(max_size=200))
def test_any_front_matter_slug_or_title_gives_a_safe_slug(text):
    for key in ("slug", "title"):
        read(
            f"---\n{yaml.safe_dump({key: text}, allow_unicode=True)}---\n{BODY}".encode("utf-8", errors="surrogatepass")
        )
