"""The thread briefing, the quote index and the digest of the built sample site in Chromium: what a reader
sees, the quote search with its speaker filter, console errors, and axe-core's accessibility check.
Screenshots go to the folder printed at the end of the run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility

pytestmark = pytest.mark.browser

ADVISED = "I have advised the Government of Iran"


def thread_path(sample_site) -> str:
    return "/" + sample_site.archive["threads"][0]["url"]


def digest_day_path(sample_site) -> str:
    return "/digest/" + sample_site.article("articles/2018-09-28-us-evacuates-basra-consulate.txt")["date"][:10] + "/"


def story_pages(sample_site) -> dict[str, str]:
    return {
        "thread-page": thread_path(sample_site),
        "quote-index": "/quotes/",
        "digest-day": digest_day_path(sample_site),
    }


def test_thread_page_briefs_the_story_at_its_top(page, site_url, sample_site):
    page.goto(site_url + thread_path(sample_site))
    expect(page.locator(".kicker")).to_have_text(
        "Story thread · 2 briefings: FDD's Long War Journal and one unknown source"
    )
    headings = page.locator("main h2").all_inner_texts()
    order = ["Timeline", "Who is involved", "What was said", "Coverage by outlet", "Corroborated facts", "The stories"]
    # the sample's two stories share no sentence outside quotation marks: no corroborated facts
    assert headings == [h for h in order if h != "Corroborated facts"]
    said = page.locator(".thread-quotes figure", has_text=ADVISED)
    expect(said).to_have_count(1)
    # the thread lists its stories itself: a statement names the briefings that carried it by outlet
    expect(said.locator(".carried-by a")).to_have_count(2)
    expect(said.locator(".carried-by")).to_contain_text("FDD's Long War Journal")
    expect(page.locator(".outlets tbody tr")).to_have_count(2)


def test_speaker_page_shows_each_statement_once_with_both_stories(page, site_url, sample_site):
    page.goto(site_url + "/quotes/")
    page.locator(".speaker-index a", has_text="Mike Pompeo").click()
    expect(page.locator("main h1")).to_have_text("What Mike Pompeo said")
    said = page.locator("figure.statement", has_text=ADVISED)
    expect(said).to_have_count(1)
    expect(said.locator(".carriers li")).to_have_count(2)


def test_quote_search_finds_statements_and_filters_by_speaker(page, site_url, sample_site):
    page.goto(site_url + "/quotes/")
    field = page.locator("#quote-search .pagefind-ui__search-input")
    field.fill("Iran")
    results = page.locator("#quote-search .pagefind-ui__result-link")
    results.first.wait_for()
    speakers = page.locator("#quote-search .pagefind-ui__result-title")
    # results come in one by one: wait until those of more than one speaker are shown
    page.wait_for_function(
        """() => new Set([...document.querySelectorAll('#quote-search .pagefind-ui__result-title')]
                         .map(t => t.textContent.trim())).size > 1"""
    )
    page.locator("#quote-search .pagefind-ui__filter-checkbox[id$='Mike Pompeo']").check()
    expect(page.locator("#quote-search .pagefind-ui__message")).to_have_text(re.compile(r"^\d+ results? for "))
    expect(speakers.first).to_have_text("Mike Pompeo")
    # the result list is replaced as the filter applies: wait until every result shown is his
    page.wait_for_function(
        """() => { const titles = [...document.querySelectorAll('#quote-search .pagefind-ui__result-title')];
                   return titles.length > 0 && titles.every(t => t.textContent.trim() === 'Mike Pompeo'); }"""
    )
    assert set(speakers.all_inner_texts()) == {"Mike Pompeo"}
    href = results.first.get_attribute("href")
    assert re.search(r"quotes/mike-pompeo/#q-[0-9a-f]{16}$", href), href
    # the record's address is the result's link, not a tag shown under the statement
    expect(page.locator("#quote-search .pagefind-ui__result-tag")).to_have_count(0)


def test_digest_day_lists_the_thread_its_stories_and_key_quotes(page, site_url, sample_site):
    page.goto(site_url + digest_day_path(sample_site))
    expect(page.locator("main h1")).to_have_text("28 September 2018")
    thread = sample_site.archive["threads"][0]
    expect(page.locator(".digest-thread h2").first).to_have_text(thread["title"])
    expect(page.locator(".digest-stories > li")).to_have_count(2)
    expect(page.locator(".digest-stories .key-quote").first).to_be_visible()


@pytest.mark.parametrize("name", ["thread-page", "quote-index", "digest-day"])
def test_story_page_has_no_console_errors(page, console_errors, site_url, sample_site, name):
    response = page.goto(site_url + story_pages(sample_site)[name])
    assert response.ok
    page.wait_for_load_state("networkidle")
    assert console_errors == [], console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["thread-page", "quote-index", "digest-day"])
def test_axe_finds_no_serious_violations_on_story_pages(
    page, site_url, sample_site, axe_script, screenshots_dir, name, scheme
):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + story_pages(sample_site)[name])
    if name == "quote-index":
        page.locator("#quote-search .pagefind-ui__search-input").fill("Iran")
        page.locator("#quote-search .pagefind-ui__result-link").first.wait_for()
    check_accessibility(page, axe_script, screenshots_dir, f"{name}-{scheme}")
