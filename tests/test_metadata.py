"""Metadata in the head of the built pages: schema.org JSON-LD, Open Graph, canonical links and the search
index's filters; and that no article text can break out of the JSON-LD script element."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from conftest import REPO
from jinja2 import Environment, FileSystemLoader
from sites import PUBLISHED_SITEURL
from test_site import make_html

BASRA = "articles/2018-09-28-us-evacuates-basra-consulate.txt"
DIPLOMATS = "articles/2018-09-28-diplomats-evacuated-from-basra.txt"
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}


class HeadParser(HTMLParser):
    """Collects the JSON-LD blocks, <meta> and <link> tags of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.json_ld: list[str] = []
        self.metas: list[dict] = []
        self.links: list[dict] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def meta(self, key: str, value: str) -> list[str]:
        return [m.get("content") for m in self.metas if m.get(key) == value]


def head_of(build, record) -> HeadParser:
    parser = HeadParser()
    parser.feed(build.page(record).read_text(encoding="utf-8"))
    return parser


def news_article(build, record) -> dict:
    blocks = head_of(build, record).json_ld
    assert len(blocks) == 1, f"{record['url']}: {len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0])


# --- JSON-LD -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("source_path", [BASRA, DIPLOMATS])
def test_briefing_json_ld_is_a_news_article_with_headline_date_and_authors(sample_site, source_path):
    record = sample_site.article(source_path)
    data = news_article(sample_site, record)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == record["title"]
    assert data["datePublished"] == record["date"]
    assert data.get("author", []) == [{"@type": "Person", "name": name} for name in record["authors"]]
    assert data["description"] == record["summary"]


def test_json_ld_publisher_is_the_source_when_known(sample_site):
    with_source = news_article(sample_site, sample_site.article(BASRA))
    assert with_source["publisher"] == {"@type": "Organization", "name": "FDD's Long War Journal"}
    without_source = sample_site.article(DIPLOMATS)
    assert without_source["source"] is None
    assert "publisher" not in news_article(sample_site, without_source)


@pytest.mark.parametrize("source_path", [BASRA, DIPLOMATS])
def test_json_ld_about_lists_the_briefings_entities(sample_site, source_path):
    record = sample_site.article(source_path)
    expected = [{"@type": SCHEMA_TYPES[e["type"]], "name": e["name"]} for e in record["entities"]]
    assert news_article(sample_site, record).get("about", []) == expected


def test_published_json_ld_addresses_are_absolute(published_site):
    record = published_site.article(BASRA)
    data = news_article(published_site, record)
    address = f"{PUBLISHED_SITEURL}/{record['url']}"
    assert data["url"] == address
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": address}


def test_development_json_ld_addresses_resolve_from_the_page(sample_site):
    record = sample_site.article(BASRA)
    data = news_article(sample_site, record)
    page = sample_site.page(record)
    assert (page.parent / data["url"] / "index.html").resolve() == page.resolve()


# --- Open Graph and canonical ------------------------------------------------------------------------


def test_published_briefing_has_open_graph_and_canonical(published_site):
    record = published_site.article(BASRA)
    head = head_of(published_site, record)
    address = f"{PUBLISHED_SITEURL}/{record['url']}"
    assert head.meta("property", "og:title") == [record["title"]]
    assert head.meta("property", "og:type") == ["article"]
    assert head.meta("property", "og:url") == [address]
    assert head.meta("property", "og:description") == [record["summary"]]
    assert head.meta("property", "og:site_name") == ["Briefing archive"]
    assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [address]


def test_published_listing_pages_have_absolute_canonical_links(published_site):
    for path, address in [("index.html", "/"), ("tags/index.html", "/tags/"), ("search/index.html", "/search/")]:
        parser = HeadParser()
        parser.feed((published_site.out / path).read_text(encoding="utf-8"))
        assert [link["href"] for link in parser.links if link.get("rel") == "canonical"] == [
            PUBLISHED_SITEURL + address
        ]


def test_development_pages_have_no_relative_canonical_or_og_url(sample_site):
    head = head_of(sample_site, sample_site.article(BASRA))
    assert head.meta("property", "og:title")
    assert head.meta("property", "og:url") == []
    assert [link for link in head.links if link.get("rel") == "canonical"] == []


# --- search index markup -----------------------------------------------------------------------------


def test_briefing_declares_its_search_filters(sample_site):
    record = sample_site.article(BASRA)
    head = head_of(sample_site, record)
    assert head.meta("data-pagefind-filter", "source[content]") == ["FDD's Long War Journal"]
    assert sorted(head.meta("data-pagefind-filter", "tag[content]")) == sorted(record["tags"])
    types = sorted({e["type"] for e in record["entities"]})
    assert head.meta("data-pagefind-filter", "entity type[content]") == types


def test_only_briefing_pages_are_marked_for_the_search_index(sample_site):
    marked = {
        path.relative_to(sample_site.out).as_posix()
        for path in sample_site.out.rglob("*.html")
        if "data-pagefind-body" in path.read_text(encoding="utf-8")
    }
    briefings = {sample_site.page(r).relative_to(sample_site.out).as_posix() for r in sample_site.archive["articles"]}
    assert marked == briefings


# --- injection ---------------------------------------------------------------------------------------

HOSTILE = "</script><script>alert('x')</script> & <!-- Basra"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    (articles / "2020-01-02-hostile.txt").write_text(
        "---\n"
        f"title: {json.dumps(HOSTILE)}\n"
        f"source: {json.dumps(HOSTILE)}\n"
        f"authors: [{json.dumps(HOSTILE)}]\n"
        f"tags: [{json.dumps(HOSTILE)}]\n"
        f"summary: {json.dumps(HOSTILE)}\n"
        "---\n"
        "Harbour reopens after the storm\n\n"
        "The harbour reopened on Thursday after three days of storms kept the ferries and the fishing boats "
        "tied up, the port office said, and the first boats left before dawn.\n",
        encoding="utf-8",
    )
    build = make_html(root / "content", root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    return build


def test_article_text_cannot_end_the_json_ld_script(hostile_site):
    record = hostile_site.article("articles/2020-01-02-hostile.txt")
    html = hostile_site.page(record).read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert script, "no JSON-LD block"
    assert not re.search(r"[<>&]", script.group(1)), script.group(1)[:300]
    data = json.loads(script.group(1))
    assert data["headline"] == HOSTILE
    assert data["publisher"]["name"] == HOSTILE
    assert data["author"] == [{"@type": "Person", "name": HOSTILE}]
    assert HOSTILE in data["keywords"]
    assert "<script>alert" not in html


def test_json_ld_about_maps_entity_types_to_schema_org():
    """The head template alone, rendered with a briefing record that has entities of each kind."""
    from briefing.records import Briefing, EntityMention
    from briefing.write.pages import ArticlePage

    briefing = Briefing(
        source_path="articles/x.txt", title="X", slug="x", body=("Text.",), date="2018-09-28", summary="Text."
    )
    links = ArticlePage(
        entities=(
            EntityMention("Mike Pompeo", "person", ("Pompeo",), 3),
            EntityMention("Islamic Revolutionary Guard Corps", "organization", ("IRGC",), 2),
            EntityMention("Basra", "place", ("Basra",), 5),
        )
    )
    article = SimpleNamespace(
        briefing=briefing, links=links, title="X", url="briefings/x/", authors=[], tags=[], summary="Text."
    )
    env = Environment(loader=FileSystemLoader(REPO / "theme" / "templates"), autoescape=True)
    template = env.from_string('{% from "head.html" import briefing_head with context %}{{ briefing_head(article) }}')
    html = template.render(article=article, SITEURL="https://x.example", SITENAME="Site")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["about"] == [
        {"@type": "Person", "name": "Mike Pompeo"},
        {"@type": "Organization", "name": "Islamic Revolutionary Guard Corps"},
        {"@type": "Place", "name": "Basra"},
    ]
    assert re.findall(r'data-pagefind-filter="entity type\[content\]" content="(\w+)"', html) == [
        "organization",
        "person",
        "place",
    ]
