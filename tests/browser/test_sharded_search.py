"""The search pages over an index in shards, as a large archive has them: the built sample site indexed
again with shards of one page (two briefing shards, and several of statements), searched in Chromium. Each
search must find what the one-bundle index finds, merged from every shard, filters included."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys

import pytest
from briefing.write.briefing_search import index_briefings
from briefing.write.quote_search import QUOTE_INDEX_JSON, QUOTE_SEARCH_FOLDER, search_records, write_quote_search
from briefing.write.search_shards import shard_of
from conftest import REPO
from playwright.sync_api import expect

from browser.conftest import served
from browser.test_browser import BASRA, ONLY_IN, result_paths, search_results, url_of

pytestmark = pytest.mark.browser


def pagefind_command() -> list[str]:
    """The Makefile's Pagefind command, options included."""
    lines = (REPO / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    options = next(line.split("=", 1)[1] for line in lines if line.startswith("PAGEFIND_OPTS?="))
    return [sys.executable, "-m", "pagefind", "--quiet", *shlex.split(options)]


@pytest.fixture(scope="module")
def sharded_url(sample_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("sharded") / "out"
    shutil.copytree(sample_site.out, out)
    pages = [f"briefings/{record['url'].split('/')[1]}/index.html" for record in sample_site.archive["articles"]]
    assert sorted(shard_of(name, 2) for name in pages) == [0, 1]  # the premise: one briefing per shard
    assert index_briefings(str(out), pagefind_command(), again=True, per_shard=1) == (2, 2)
    document = json.loads((out / QUOTE_INDEX_JSON).read_text(encoding="utf-8"))
    # Playwright runs an event loop in this thread: Pagefind's Python API runs its own in another
    made, count = write_quote_search(search_records(document), str(out / QUOTE_SEARCH_FOLDER), per_shard=1)
    assert made == count > 2
    with served(out) as url:
        yield url


def test_a_search_finds_the_briefings_of_every_shard(page, sharded_url, sample_site):
    page.goto(sharded_url + "/search/?q=Basra")
    links = search_results(page, 2)
    assert result_paths(links) == sorted("/" + r["url"] for r in sample_site.archive["articles"])
    for source_path, word in ONLY_IN.items():
        page.goto(f"{sharded_url}/search/?q={word}")
        assert result_paths(search_results(page, 1)) == [url_of(sample_site, source_path)]


def test_filters_hold_across_shards(page, sharded_url, sample_site):
    page.goto(sharded_url + "/search/?q=Basra")
    search_results(page, 2)
    page.get_by_text("Source", exact=True).click()
    page.get_by_label("FDD's Long War Journal (1)").check()
    assert result_paths(search_results(page, 1)) == [url_of(sample_site, BASRA)]


def quote_counts(page, url: str, query: str) -> tuple[int, int]:
    """How many statements the quote search finds for `query`, and how many of them are Mike Pompeo's
    (the speaker filter), once Pagefind has answered."""
    page.goto(url + "/quotes/")
    page.locator("#quote-search .pagefind-ui__search-input").fill(query)
    message = page.locator("#quote-search .pagefind-ui__message")
    expect(message).to_have_text(re.compile(r"^\d+ results? for "))
    found = int(message.inner_text().split()[0])
    page.locator("#quote-search .pagefind-ui__filter-checkbox[id$='Mike Pompeo']").check()
    expect(message).not_to_have_text(re.compile(rf"^{found} results? for "))
    expect(message).to_have_text(re.compile(r"^\d+ results? for "))
    return found, int(message.inner_text().split()[0])


def test_the_quote_search_merges_its_shards(page, sharded_url, site_url):
    found, his = quote_counts(page, sharded_url, "Iran")
    assert found > his > 0
    assert (found, his) == quote_counts(page, site_url, "Iran")


def test_no_console_errors_on_the_sharded_search_page(page, sharded_url, console_errors):
    page.goto(sharded_url + "/search/?q=Basra")
    search_results(page, 2)
    page.wait_for_load_state("networkidle")
    assert console_errors == [], console_errors
