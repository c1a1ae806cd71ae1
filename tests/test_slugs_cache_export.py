"""Slugs (safe and unique), the on-disk extraction cache, and the archive.json export."""

from __future__ import annotations

import itertools
import json
import os
import re

import pytest
from archive_contract import ARTICLE_FIELDS
from briefing.cache import ExtractionCache, cache_key
from briefing.corpus.archive import link_archive
from briefing.read.extract import extract_article
from briefing.records import ArticleLinks, Briefing, Extraction, RawArticle
from briefing.slugs import unique_slugs
from briefing.write.export import PublishedBriefing, archive_json
from conftest import FIXTURES

SLUG = re.compile(r"^[a-z0-9-]+$")
WIRE_BYTES = (FIXTURES / "wire_story.txt").read_bytes()
FIXTURE_NAMES = ["wire_story.txt", "blog_post.txt", "think_tank.txt", "news_page.txt"]


def front_matter(yaml_text: str) -> bytes:
    return f"---\n{yaml_text}\n---\n".encode() + WIRE_BYTES


# --- slugs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug",
    [
        "../../x",
        "../../../etc/passwd",
        "/absolute/path",
        "a/b",
        "..",
        ".",
        "x/../../y",
        "C:\\\\windows\\\\x",
        "%2e%2e%2f",
    ],
)
def test_front_matter_slug_never_contains_a_path(slug):
    briefing = extract_article(RawArticle("articles/x.txt", front_matter(f"slug: {json.dumps(slug)}")))
    assert "/" not in briefing.slug and "\\" not in briefing.slug and ".." not in briefing.slug
    assert SLUG.match(briefing.slug)


def test_dot_dot_slug_keeps_its_letters():
    briefing = extract_article(RawArticle("articles/x.txt", front_matter('slug: "../../x"')))
    assert briefing.slug == "x"


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "<script>alert(1)</script> & co", "Zürich: Ärger über Öl-Preise", "東京", "!!!", "   -   "],
)
def test_slug_from_any_title_is_safe_and_non_empty(title):
    briefing = extract_article(RawArticle("articles/x.txt", front_matter(f"title: {json.dumps(title)}")))
    assert SLUG.match(briefing.slug)
    assert not briefing.slug.startswith("-") and not briefing.slug.endswith("-")


def test_long_title_gives_a_bounded_slug():
    title = " ".join(["harbor"] * 60)
    briefing = extract_article(RawArticle("articles/x.txt", front_matter(f"title: {title}")))
    assert SLUG.match(briefing.slug)
    assert len(briefing.slug) <= 100


def test_unique_slugs_gives_distinct_slugs():
    items = [
        ("articles/b.txt", "storm"),
        ("articles/a.txt", "storm"),
        ("articles/c.txt", "storm"),
        ("articles/d.txt", "storm-2"),
        ("articles/e.txt", "calm"),
    ]
    result = unique_slugs(items)
    assert set(result) == {path for path, _ in items}
    assert len(set(result.values())) == len(items)
    assert result["articles/a.txt"] == "storm"  # the first source path keeps the wanted slug
    assert result["articles/d.txt"] == "storm-2"  # a slug that is wanted as such is not taken away
    assert result["articles/e.txt"] == "calm"
    assert all(SLUG.match(slug) for slug in result.values())


def test_unique_slugs_does_not_depend_on_read_order():
    items = [
        ("articles/b.txt", "storm"),
        ("articles/a.txt", "storm"),
        ("articles/c.txt", "storm"),
        ("articles/d.txt", "storm-2"),
    ]
    results = [unique_slugs(list(order)) for order in itertools.permutations(items)]
    assert all(result == results[0] for result in results)


def test_unique_slugs_leaves_distinct_slugs_alone():
    items = [("articles/a.txt", "one"), ("articles/b.txt", "two")]
    assert unique_slugs(items) == {"articles/a.txt": "one", "articles/b.txt": "two"}


def test_many_same_slugs_stay_distinct():
    items = [(f"articles/{n:03}.txt", "same") for n in range(50)]
    assert len(set(unique_slugs(items).values())) == 50


# --- cache -----------------------------------------------------------------------------------------


def briefing_for(data: bytes = WIRE_BYTES, path: str = "articles/wire.txt", sidecar: str | None = None) -> Extraction:
    return extract_article(RawArticle(path, data, sidecar))


def cached_extract(cache: ExtractionCache, raw: RawArticle, version: str, calls: list) -> Extraction:
    """What the reader does: look up the key, extract and store on a miss."""
    key = cache_key(raw.source_path, raw.data, raw.sidecar, version)
    briefing = cache.get(key)
    if briefing is None:
        calls.append(raw.source_path)
        briefing = extract_article(raw)
        cache.put(key, briefing)
    return briefing


def test_second_extraction_with_the_same_key_hits_the_cache(tmp_path):
    cache = ExtractionCache(str(tmp_path / "cache"))
    raw = RawArticle("articles/wire.txt", WIRE_BYTES)
    calls: list = []
    first = cached_extract(cache, raw, "1", calls)
    second = cached_extract(cache, raw, "1", calls)
    assert calls == ["articles/wire.txt"]
    assert second == first


def test_cached_briefing_round_trips_exactly(tmp_path):
    cache = ExtractionCache(str(tmp_path))
    for name in FIXTURE_NAMES:
        briefing = briefing_for((FIXTURES / name).read_bytes(), f"articles/{name}")
        key = cache_key(briefing.source_path, (FIXTURES / name).read_bytes(), None, "1")
        cache.put(key, briefing)
        assert cache.get(key) == briefing


@pytest.mark.parametrize(
    "change",
    [
        {"version": "2"},
        {"data": WIRE_BYTES + b"\nOne more sentence was added to the story by the editors today.\n"},
        {"source_path": "articles/2023-03-05-wire.txt"},
        {"sidecar": "tags: [ports]\n"},
    ],
    ids=["version", "bytes", "path", "sidecar"],
)
def test_changed_version_bytes_path_or_sidecar_misses_the_cache(tmp_path, change):
    cache = ExtractionCache(str(tmp_path))
    base = {"source_path": "articles/wire.txt", "data": WIRE_BYTES, "sidecar": None, "version": "1"}
    calls: list = []
    cached_extract(cache, RawArticle(base["source_path"], base["data"], base["sidecar"]), base["version"], calls)
    changed = {**base, **change}
    assert cache_key(**changed) != cache_key(**base)
    cached_extract(
        cache, RawArticle(changed["source_path"], changed["data"], changed["sidecar"]), changed["version"], calls
    )
    assert len(calls) == 2


def test_cache_key_is_stable_and_unambiguous():
    assert cache_key("a", b"b", None, "1") == cache_key("a", b"b", None, "1")
    assert cache_key("ab", b"", None, "1") != cache_key("a", b"b", None, "1")  # parts do not run together


def test_empty_cache_misses(tmp_path):
    assert ExtractionCache(str(tmp_path / "nowhere")).get(cache_key("a", b"b", None, "1")) is None


def test_broken_cache_entry_is_a_miss_not_an_error(tmp_path):
    cache = ExtractionCache(str(tmp_path))
    key = cache_key("articles/wire.txt", WIRE_BYTES, None, "1")
    cache.put(key, briefing_for())
    entry = next(p for p in tmp_path.rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get(key) is None
    entry.write_text('{"title": "only a title"}', encoding="utf-8")
    assert cache.get(key) is None


def test_cache_writes_leave_no_temporary_files(tmp_path):
    cache = ExtractionCache(str(tmp_path))
    for n in range(3):
        cache.put(cache_key(f"articles/{n}.txt", WIRE_BYTES, None, "1"), briefing_for())
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 3
    assert all(p.suffix == ".json" for p in files)


def test_unwritable_cache_does_not_fail_extraction(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = ExtractionCache(str(blocker))  # a file where the directory should be
    calls: list = []
    briefing = cached_extract(cache, RawArticle("articles/wire.txt", WIRE_BYTES), "1", calls)
    assert briefing.title


# --- archive.json ----------------------------------------------------------------------------------


def links_of(briefing: Briefing) -> ArticleLinks:
    """What the corpus stage gives an article alone in its archive."""
    return link_archive([briefing], {briefing.source_path: briefing.slug}).articles[briefing.source_path]


def published(names=FIXTURE_NAMES) -> list[PublishedBriefing]:
    items = []
    for name in names:
        briefing = Briefing.of(briefing_for((FIXTURES / name).read_bytes(), f"articles/{name}"))
        items.append(PublishedBriefing(briefing, links_of(briefing), f"briefings/{briefing.slug}/"))
    return items


def test_archive_json_is_valid_json_with_the_design_fields():
    document = json.loads(archive_json(published(), []))
    assert set(document) >= {"articles", "threads"}
    assert isinstance(document["threads"], list)
    assert len(document["articles"]) == len(FIXTURE_NAMES)
    for record in document["articles"]:
        assert set(record) >= ARTICLE_FIELDS, ARTICLE_FIELDS - set(record)
        assert isinstance(record["title"], str) and record["title"]
        assert record["date"] is None or re.match(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?.*)?$", record["date"])
        assert all(isinstance(a, str) for a in record["authors"])
        assert record["source"] is None or isinstance(record["source"], str)
        assert all(isinstance(c, str) for c in record["credits"])
        assert isinstance(record["summary"], str)
        assert isinstance(record["entities"], list) and isinstance(record["quotes"], list)
        assert isinstance(record["tags"], list) and isinstance(record["related"], list)
        assert record["thread"] is None or isinstance(record["thread"], str)
        assert "\\" not in record["source_path"] and not os.path.isabs(record["source_path"])


def test_archive_json_carries_the_briefing_facts():
    document = json.loads(archive_json(published(["wire_story.txt"]), []))
    (record,) = document["articles"]
    briefing = briefing_for((FIXTURES / "wire_story.txt").read_bytes(), "articles/wire_story.txt")
    assert record["source_path"] == "articles/wire_story.txt"
    assert record["slug"] == briefing.slug
    assert record["url"] == f"briefings/{briefing.slug}/"
    assert record["title"] == briefing.title
    assert record["authors"] == ["Jane Doe", "John Roe"]
    assert record["source"] == "Reuters"
    assert record["credits"] == ["The Associated Press"]
    assert record["date"] == briefing.date


def test_archive_json_body_is_paragraphs_separated_by_a_blank_line():
    document = json.loads(archive_json(published(["news_page.txt"]), []))
    (record,) = document["articles"]
    briefing = briefing_for((FIXTURES / "news_page.txt").read_bytes(), "articles/news_page.txt")
    assert tuple(record["body"].split("\n\n")) == briefing.body
    assert record["word_count"] == len(record["body"].split())


def test_archive_json_does_not_depend_on_article_order():
    items = published()
    assert archive_json(items, []) == archive_json(list(reversed(items)), [])


def test_archive_json_keeps_text_exactly_including_markup_characters():
    raw = RawArticle("articles/x.txt", front_matter('title: "<script>alert(1)</script> & co"'))
    briefing = Briefing.of(extract_article(raw))
    document = json.loads(archive_json([PublishedBriefing(briefing, links_of(briefing), "briefings/x/")], []))
    assert document["articles"][0]["title"] == "<script>alert(1)</script> & co"


def test_archive_json_lists_rejected_files_with_their_reason():
    rejected = [
        {"source_path": "articles/b.txt", "reason": "the file is empty"},
        {"source_path": "articles/a.txt", "reason": "the file is binary data, not text"},
    ]
    document = json.loads(archive_json([], rejected))
    assert document["articles"] == []
    assert [r["source_path"] for r in document.get("rejected", [])] == ["articles/a.txt", "articles/b.txt"]
