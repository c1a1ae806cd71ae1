"""Pasted articles in Chromium, in the shapes people paste: a whole page (menus, headline, standfirst,
byline, date, share buttons, the story, reader comments without a header, the footer) and a clean
paste without blank lines. What a reader sees: the headline, the standfirst under it, the story's
paragraphs, and everything else listed by kind under "Removed from the original"; axe-core finds no
serious violations. Screenshots go to the folder printed at the end of the run."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO
from playwright.sync_api import expect
from test_site import make_html

from browser.conftest import check_accessibility, served

pytestmark = pytest.mark.browser

FIXTURES = REPO / "tests" / "fixtures" / "pasted"


@pytest.fixture(scope="module")
def pasted_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pasted-site")
    shutil.copytree(FIXTURES, root / "content")
    build = make_html(root / "content", root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    archive = json.loads((root / "out" / "archive.json").read_text(encoding="utf-8"))
    with served(root / "out") as url:
        yield url, {a["source_path"]: a for a in archive["articles"]}


def open_article(page, pasted_site, name: str):
    url, articles = pasted_site
    article = articles[f"articles/{name}"]
    page.goto(f"{url}/{article['url']}")
    return article


def test_full_page_paste_shows_headline_standfirst_story_and_what_was_removed(page, pasted_site, console_errors):
    article = open_article(page, pasted_site, "full-page-with-comments.txt")
    expect(page.locator("article.briefing h1")).to_have_text("Council approves river barrier after two-year fight")
    expect(page.locator("article.briefing .standfirst")).to_have_text(
        "The vote ends a long dispute over the cost and the route of the wall through the old harbour district."
    )
    expect(page.locator("article.briefing .body p")).to_have_count(4)
    body = page.locator("article.briefing .body").inner_text()
    assert "says:" not in body and "Reply" not in body and "Subscribe" not in body
    page.locator("details.removed summary").click()
    kinds = [kind.lower() for kind in page.locator("details.removed dt").all_inner_texts()]
    assert {"header", "headline", "byline", "comment", "navigation"} <= set(kinds)
    expect(page.locator("details.removed dd", has_text="About time they did something")).to_have_count(1)
    assert article["standfirst"].startswith("The vote ends a long dispute")
    assert article["authors"] == ["Maria Lopez"] and article["date"] == "2024-03-05"
    assert console_errors == []


def test_clean_paste_without_blank_lines_keeps_its_headline_and_paragraphs(page, pasted_site):
    open_article(page, pasted_site, "clean-paste-no-blank-lines.txt")
    expect(page.locator("article.briefing h1")).to_have_text("Rail strike called off at last minute")
    expect(page.locator("article.briefing .body p")).to_have_count(3)
    expect(page.locator("article.briefing .standfirst")).to_have_count(0)


@pytest.mark.parametrize("name", ["full-page-with-comments.txt", "clean-paste-no-blank-lines.txt"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pasted_briefings_have_no_serious_axe_violations(page, pasted_site, axe_script, screenshots_dir, name, scheme):
    page.emulate_media(color_scheme=scheme)
    open_article(page, pasted_site, name)
    if page.locator("details.removed").count():
        page.locator("details.removed summary").click()
    stem = name.removesuffix(".txt")
    check_accessibility(page, axe_script, screenshots_dir, f"pasted-{stem}-{scheme}")
