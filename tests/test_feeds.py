"""Atom feeds and sitemap.xml of the built sample site, read back with a real feed parser and XML parser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from sites import PUBLISHED_SITEURL, SAMPLE_SIDECARS
from test_site import page_path

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read_feed(path):
    assert path.is_file(), f"no feed at {path}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path.name} is not well-formed: {feed.bozo_exception}"
    return feed


def titles_by_tag(build) -> dict[str, set[str]]:
    tags: dict[str, set[str]] = {}
    for record in build.archive["articles"]:
        for tag in record["tags"]:
            tags.setdefault(tag, set()).add(record["title"])
    return tags


def given_tags() -> set[str]:
    """The tags the sample site's sidecar files give."""
    return {tag.strip() for text in SAMPLE_SIDECARS.values() for tag in text.split("[", 1)[1].split("]")[0].split(",")}


def tags_with_pages(build) -> dict[str, set[str]]:
    """The tags two briefings or more share (BRIEFING_PAGE_MIN_BRIEFINGS) that front matter gives: the ones
    with a page and a feed of their own (a shared tag taken from the entities is the entity's page)."""
    return {tag: titles for tag, titles in titles_by_tag(build).items() if len(titles) >= 2 and tag in given_tags()}


def entity_urls(build) -> dict[str, str]:
    return {e["name"]: e["url"] for r in build.archive["articles"] for e in r["entities"] if e["url"]}


def tag_slug(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")


def sitemap(build) -> dict[str, str | None]:
    """loc -> lastmod of every url in the build's sitemap.xml."""
    root = ET.parse(build.out / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = url.findtext("s:lastmod", namespaces=SITEMAP_NS)
    return entries


# --- feeds -------------------------------------------------------------------------------------------


def test_archive_feed_has_every_briefing_with_its_title_and_link(sample_site):
    feed = read_feed(sample_site.out / "feeds" / "all.atom.xml")
    assert feed.version == "atom10"
    records = sample_site.archive["articles"]
    assert sorted(entry.title for entry in feed.entries) == sorted(r["title"] for r in records)
    for entry in feed.entries:
        assert page_path(sample_site.out, entry.link).is_file(), entry.link


def test_feed_entries_carry_date_and_summary(sample_site):
    feed = read_feed(sample_site.out / "feeds" / "all.atom.xml")
    summaries = {r["title"]: r["summary"] for r in sample_site.archive["articles"]}
    for entry in feed.entries:
        assert entry.published.startswith("2018-09-28")
        assert entry.summary == summaries[entry.title]


def test_every_shared_tag_has_a_feed_of_exactly_its_briefings(sample_site):
    tags = tags_with_pages(sample_site)
    assert tags, "the sample site has no shared tags; the sidecar files in sites.py were not read"
    for tag, titles in tags.items():
        feed = read_feed(sample_site.out / "feeds" / f"tag-{tag_slug(tag)}.atom.xml")
        assert {entry.title for entry in feed.entries} == titles, tag


def test_a_tag_of_one_briefing_has_no_page_or_feed_and_is_shown_without_a_link(sample_site):
    lone = {tag: titles for tag, titles in titles_by_tag(sample_site).items() if len(titles) == 1}
    assert "Diplomacy" in lone, "the sidecar files in sites.py give one briefing the tag Diplomacy"
    record = next(r for r in sample_site.archive["articles"] if "Diplomacy" in r["tags"])
    page = page_path(sample_site.out, record["url"]).read_text(encoding="utf-8")
    tags_nav = page.split('<nav class="tags"', 1)[1].split("</nav>", 1)[0]
    assert "<li>Diplomacy</li>" in tags_nav
    assert 'href="../../tags/iraq/"' in tags_nav
    for tag in lone:
        assert not (sample_site.out / "tags" / tag_slug(tag)).exists(), tag
        assert not (sample_site.out / "feeds" / f"tag-{tag_slug(tag)}.atom.xml").exists(), tag


def test_a_shared_tag_taken_from_an_entity_links_to_the_entitys_page_and_has_no_page_or_feed(sample_site):
    shared = {tag for tag, titles in titles_by_tag(sample_site).items() if len(titles) >= 2}
    urls = entity_urls(sample_site)
    taken = sorted(tag for tag in shared - given_tags() if tag in urls)
    assert taken, "the two samples share no tag taken from their entities"
    index = (sample_site.out / "tags" / "index.html").read_text(encoding="utf-8")
    for record in sample_site.archive["articles"]:
        page = page_path(sample_site.out, record["url"]).read_text(encoding="utf-8")
        tags_nav = page.split('<nav class="tags"', 1)[1].split("</nav>", 1)[0]
        for tag in taken:
            assert f'<a href="../../{urls[tag]}">{tag}</a>' in tags_nav, tag
    for tag in taken:
        assert f'<a href="../{urls[tag]}">{tag}</a>' in index, tag
        assert not (sample_site.out / "tags" / tag_slug(tag)).exists(), tag
        assert not (sample_site.out / "feeds" / f"tag-{tag_slug(tag)}.atom.xml").exists(), tag
    for tag in tags_with_pages(sample_site):
        assert f'<a href="../tags/{tag_slug(tag)}/">{tag}</a>' in index, tag


def test_the_main_feed_carries_the_text_and_tag_feeds_only_the_summary(sample_site):
    records = {r["title"]: r for r in sample_site.archive["articles"]}
    main = read_feed(sample_site.out / "feeds" / "all.atom.xml")
    for entry in main.entries:
        assert records[entry.title]["body"].split("\n\n")[1][:40] in entry.content[0].value
    tag, _ = next(iter(tags_with_pages(sample_site).items()))
    tag_feed = read_feed(sample_site.out / "feeds" / f"tag-{tag_slug(tag)}.atom.xml")
    assert tag_feed.entries
    for entry in tag_feed.entries:
        assert "content" not in entry
        assert entry.summary == records[entry.title]["summary"]


def test_pages_link_the_archive_feed_and_tag_pages_their_own(sample_site):
    index = (sample_site.out / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in index
    assert "feeds/all.atom.xml" in index
    for tag in tags_with_pages(sample_site):
        page = (sample_site.out / "tags" / tag_slug(tag) / "index.html").read_text(encoding="utf-8")
        assert f"feeds/tag-{tag_slug(tag)}.atom.xml" in page


def test_published_feeds_use_absolute_links_under_siteurl(published_site):
    feed = read_feed(published_site.out / "feeds" / "all.atom.xml")
    assert feed.feed.link == PUBLISHED_SITEURL + "/"
    assert any(link.rel == "self" and link.href.startswith(PUBLISHED_SITEURL) for link in feed.feed.links)
    for entry in feed.entries:
        assert entry.link.startswith(PUBLISHED_SITEURL + "/briefings/"), entry.link
        assert entry.id.startswith("tag:briefings.example.org,"), entry.id


def test_published_site_has_a_feed_per_entity_and_per_thread(published_site):
    archive = published_site.archive
    pompeo = next(e for a in archive["articles"] for e in a["entities"] if e["name"] == "Mike Pompeo")
    feed = read_feed(published_site.out / "feeds" / "people-mike-pompeo.atom.xml")
    assert {entry.title for entry in feed.entries} == {
        a["title"] for a in archive["articles"] if any(e["name"] == "Mike Pompeo" for e in a["entities"])
    }
    page = page_path(published_site.out, pompeo["url"]).read_text(encoding="utf-8")
    assert 'href="https://briefings.example.org/archive/feeds/people-mike-pompeo.atom.xml"' in page
    assert all("content" not in entry for entry in feed.entries)  # summaries only, the text is in the main feed
    for thread in archive["threads"]:
        thread_feed = read_feed(published_site.out / "feeds" / f"thread-{thread['slug']}.atom.xml")
        assert len(thread_feed.entries) == len(thread["articles"])


# --- sitemap -----------------------------------------------------------------------------------------


def test_sitemap_lists_the_entity_pages(sample_site):
    entries = sitemap(sample_site)
    assert "/people/" in entries and "/places/" in entries and "/organizations/" in entries
    pompeo = "/people/mike-pompeo/"
    assert pompeo in entries
    assert entries[pompeo] == "2018-09-28"


def test_sitemap_lists_threads_quotes_and_the_digest(sample_site):
    entries = sitemap(sample_site)
    thread = "/" + sample_site.archive["threads"][0]["url"]
    assert thread in entries and "/threads/" in entries
    assert "/quotes/" in entries and "/quotes/mike-pompeo/" in entries
    assert entries["/quotes/mike-pompeo/"] == "2018-09-28"
    day = "/digest/2018-09-28/"
    assert "/digest/" in entries and entries[day] == "2018-09-28"
    assert any(loc.startswith("/digest/2018-W") for loc in entries)


def test_sitemap_lists_index_listings_tags_articles_and_pages(sample_site):
    locs = set(sitemap(sample_site))
    expected = {"/", "/archives/", "/tags/", "/about/"}
    expected |= {"/" + record["url"] for record in sample_site.archive["articles"]}
    expected |= {f"/tags/{tag_slug(tag)}/" for tag in tags_with_pages(sample_site)}
    assert expected <= locs, expected - locs
    assert "/search/" not in locs
    assert "/404.html" not in locs


def test_every_sitemap_address_is_a_built_page(sample_site):
    for loc in sitemap(sample_site):
        assert page_path(sample_site.out, loc.lstrip("/")).is_file(), loc


def test_sitemap_lastmod_is_the_article_date(sample_site):
    entries = sitemap(sample_site)
    for record in sample_site.archive["articles"]:
        assert entries["/" + record["url"]] == record["date"][:10]
    assert entries["/"] == max(record["date"][:10] for record in sample_site.archive["articles"])
    assert entries["/about/"] is None  # a page has no date


def test_published_sitemap_addresses_are_absolute(published_site):
    entries = sitemap(published_site)
    assert entries
    for loc in entries:
        assert loc.startswith(PUBLISHED_SITEURL + "/"), loc
        path = urlsplit(loc).path.removeprefix(urlsplit(PUBLISHED_SITEURL).path).lstrip("/")
        assert page_path(published_site.out, path).is_file(), loc


@pytest.mark.parametrize(
    ("date", "lastmod"), [("2018-09-28", "2018-09-28"), ("2018-09-28T14:05:00+00:00", "2018-09-28"), (None, None)]
)
def test_sitemap_lastmod_of_a_briefing_is_its_known_date(date, lastmod):
    from briefing.records import Briefing
    from sitemap import known_date

    class Article:
        briefing = Briefing(source_path="a.txt", title="A", slug="a", body=[], date=date)

    assert known_date(Article()) == lastmod


def test_sitemap_xml_escapes_addresses_and_keeps_one_entry_per_address():
    from sitemap.urlset import SitemapEntry, urlset_xml

    xml = urlset_xml(
        [
            SitemapEntry("https://x.example/a?b=1&c=2", "2018-01-01"),
            SitemapEntry("https://x.example/a?b=1&c=2", "2019-01-01"),
            SitemapEntry("https://x.example/", None),
        ]
    )
    root = ET.fromstring(xml)
    urls = root.findall("s:url", SITEMAP_NS)
    assert [u.findtext("s:loc", namespaces=SITEMAP_NS) for u in urls] == [
        "https://x.example/",
        "https://x.example/a?b=1&c=2",
    ]
    assert urls[1].findtext("s:lastmod", namespaces=SITEMAP_NS) == "2019-01-01"
