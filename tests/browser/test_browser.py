"""The built sample site in Chromium: what a reader sees, searching, keyboard use, console errors, dark
mode and axe-core's accessibility check. Screenshots go to the folder printed at the end of the run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility

pytestmark = pytest.mark.browser

BASRA = "articles/2018-09-28-us-evacuates-basra-consulate.txt"
DIPLOMATS = "articles/2018-09-28-diplomats-evacuated-from-basra.txt"
# Words that only one of the two sample briefings has in its text.
ONLY_IN = {BASRA: "Soleimani", DIPLOMATS: "Shiite"}


def url_of(sample_site, source_path: str) -> str:
    return "/" + sample_site.article(source_path)["url"]


def checked_pages(sample_site) -> dict[str, str]:
    """name -> address of the pages checked with axe and photographed."""
    return {
        "index": "/",
        "briefing": url_of(sample_site, BASRA),
        "tags": "/tags/",
        "search": "/search/?q=Basra",
    }


def search_results(page, expected: int):
    """Wait until Pagefind has answered (its message counts the results); the result links."""
    noun = "result" if expected == 1 else "results"
    expect(page.locator(".pagefind-ui__message")).to_have_text(re.compile(rf"^{expected} {noun} for "))
    links = page.locator(".pagefind-ui__result-link")
    expect(links).to_have_count(expected)
    return links


def result_paths(links) -> list[str]:
    return sorted(links.evaluate_all("links => links.map(a => new URL(a.href).pathname)"))


def open_page(page, site_url: str, path: str):
    page.goto(site_url + path)
    if path.startswith("/search/"):
        page.locator(".pagefind-ui__result-link").first.wait_for()


# --- what a reader sees ------------------------------------------------------------------------------


def test_index_lists_both_briefings(page, site_url, sample_site):
    page.goto(site_url + "/")
    cards = page.locator("main article.card h2 a")
    titles = sorted(record["title"] for record in sample_site.archive["articles"])
    expect(cards).to_have_count(len(titles))
    assert sorted(cards.all_inner_texts()) == titles
    for record in sample_site.archive["articles"]:
        expect(page.locator(f'main a[href$="{record["url"]}"]')).not_to_have_count(0)


def test_briefing_page_shows_title_source_and_date(page, site_url, sample_site):
    record = sample_site.article(BASRA)
    page.goto(site_url + url_of(sample_site, BASRA))
    expect(page.locator("main h1")).to_have_text(record["title"])
    expect(page).to_have_title(re.compile(re.escape(record["title"])))
    meta = page.locator("main article header .meta")
    expect(meta.locator(".source")).to_have_text("FDD's Long War Journal")
    expect(meta.locator("time")).to_have_attribute("datetime", "2018-09-28")
    expect(meta.locator("time")).to_have_text("28 September 2018")
    expect(meta.locator(".authors")).to_contain_text("Amir Toumaj")


# --- search ------------------------------------------------------------------------------------------


def test_search_box_in_the_header_finds_both_samples_for_basra(page, site_url, sample_site):
    page.goto(site_url + url_of(sample_site, DIPLOMATS))
    page.get_by_role("searchbox", name="Search the briefings").first.fill("Basra")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Basra$"))
    links = search_results(page, 2)
    assert result_paths(links) == sorted("/" + r["url"] for r in sample_site.archive["articles"])
    # Each result shows a snippet of the text with the word marked.
    for excerpt in page.locator(".pagefind-ui__result-excerpt").all():
        expect(excerpt.locator("mark").first).to_have_text(re.compile("^Basra", re.I))


@pytest.mark.parametrize("source_path", sorted(ONLY_IN))
def test_search_for_a_word_of_one_sample_finds_only_that_one(page, site_url, sample_site, source_path):
    word = ONLY_IN[source_path]
    bodies = {r["source_path"]: r["body"] for r in sample_site.archive["articles"]}
    assert [path for path, body in bodies.items() if word in body] == [source_path]  # the premise
    page.goto(f"{site_url}/search/?q={word}")
    links = search_results(page, 1)
    assert result_paths(links) == [url_of(sample_site, source_path)]


def test_search_filters_by_source_and_tag(page, site_url, sample_site):
    page.goto(site_url + "/search/?q=Basra")
    search_results(page, 2)
    page.get_by_text("Source", exact=True).click()
    page.get_by_label(re.compile(r"^FDD's Long War Journal")).check()
    links = search_results(page, 1)
    assert result_paths(links) == [url_of(sample_site, BASRA)]

    page.goto(site_url + "/search/?q=Basra")
    search_results(page, 2)
    only_tag = next(t for t in sample_site.article(DIPLOMATS)["tags"] if t not in sample_site.article(BASRA)["tags"])
    page.get_by_text("Tag", exact=True).click()
    page.get_by_label(re.compile(rf"^{re.escape(only_tag)} \(")).check()
    links = search_results(page, 1)
    assert result_paths(links) == [url_of(sample_site, DIPLOMATS)]


def indexed_pages(page, site_url: str, query: str) -> list[dict]:
    """What Pagefind's own JavaScript API returns for `query`: each result's url, indexed text and filters."""
    page.goto(site_url + "/search/")
    return page.evaluate(
        """async (query) => {
            const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
            await pagefind.options({baseUrl: '/'});
            const search = await pagefind.search(query);
            return Promise.all(search.results.map(async (r) => {
                const d = await r.data();
                return {url: d.url, content: d.content, filters: d.filters, title: d.meta.title};
            }));
        }""",
        query,
    )


def test_search_indexes_headline_and_text_only(page, site_url, sample_site):
    results = indexed_pages(page, site_url, "Basra")
    by_url = {"/" + r["url"]: r for r in sample_site.archive["articles"]}
    assert sorted(result["url"] for result in results) == sorted(by_url)
    for result in results:
        record = by_url[result["url"]]
        assert result["title"] == record["title"]
        assert result["content"].startswith(record["title"])
        assert record["body"].split("\n\n")[0][:60] in result["content"]
        for left_out in [
            "Skip to content",
            "Archives",
            "min read",
            "Related stories",
            "Removed from the original",
            "Ronald Wolfe",
            "Source file",
            "archive.json",
        ]:
            assert left_out not in result["content"], (result["url"], left_out)


def test_search_index_has_the_source_and_tag_filters(page, site_url, sample_site):
    results = {r["url"]: r for r in indexed_pages(page, site_url, "Basra")}
    for record in sample_site.archive["articles"]:
        filters = results["/" + record["url"]]["filters"]
        assert filters.get("source", []) == ([record["source"]] if record["source"] else [])
        assert sorted(filters.get("tag", [])) == sorted(record["tags"])
        assert sorted(filters.get("entity type", [])) == sorted({e["type"] for e in record["entities"]})


# --- keyboard, console, dark mode --------------------------------------------------------------------


def test_tab_reaches_the_search_box_and_the_main_links(page, site_url, sample_site):
    page.goto(site_url + "/")
    focused = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                    return {tag: e.tagName, id: e.id, href: e.getAttribute('href'), text: e.textContent.trim(),
                            inMain: !!e.closest('main'), outline: getComputedStyle(e).outlineStyle}; }"""
            )
        )
    assert focused[0]["text"] == "Skip to content"
    assert any(f["id"] == "site-search-q" for f in focused), focused
    nav = {f["text"] for f in focused if not f["inMain"]}
    assert {"Latest", "Archives", "Tags"} <= nav
    main_links = {f["href"] for f in focused if f["inMain"] and f["tag"] == "A"}
    for record in sample_site.archive["articles"]:
        assert any(href.endswith(record["url"]) for href in main_links), (record["url"], main_links)
    assert all(f["outline"] != "none" for f in focused if f["tag"] in {"A", "INPUT", "BUTTON"}), focused


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/archives/",
        "/tags/",
        "/tags/iraq/",
        "/authors/",
        "/threads/",
        "/about/",
        "/search/",
        "/search/?q=Basra",
        "BASRA",
        "DIPLOMATS",
        "/404.html",
    ],
)
def test_page_has_no_console_errors(page, console_errors, site_url, sample_site, path):
    path = {"BASRA": url_of(sample_site, BASRA), "DIPLOMATS": url_of(sample_site, DIPLOMATS)}.get(path, path)
    response = page.goto(site_url + path)
    assert response.ok, f"{path}: HTTP {response.status}"
    if path.startswith("/search/?"):
        page.locator(".pagefind-ui__result-link").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert console_errors == [], f"{path}: {console_errors}"


def test_dark_mode_changes_the_page_colours(page, site_url, sample_site):
    page.goto(site_url + url_of(sample_site, BASRA))
    colours = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        colours[scheme] = page.evaluate(
            """() => [getComputedStyle(document.documentElement).backgroundColor,
                      getComputedStyle(document.querySelector('h1')).color]"""
        )
    assert colours["light"][0] != colours["dark"][0], colours
    assert colours["light"][1] != colours["dark"][1], colours


# --- accessibility (axe-core) and screenshots -------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index", "briefing", "tags", "search"])
def test_axe_finds_no_serious_violations(page, site_url, sample_site, axe_script, screenshots_dir, name, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, site_url, checked_pages(sample_site)[name])
    check_accessibility(page, axe_script, screenshots_dir, f"{name}-{scheme}")
