"""Saved pages, e-mails and single-file pages as a reader sees their briefings in Chromium.

A site is built with the real `make html` from the sample content plus three files in the shapes people
save them (tests/fixtures/saved/): a browser's "Webpage, complete" HTML (scripts, a cookie banner, menus,
an advert frame, comments, related stories, a footer), a newsletter e-mail with a text and an HTML part
(a hidden preheader, a tracking pixel, an unsubscribe footer) and a "Webpage, single file" MHTML (the page
quoted-printable, its stylesheet, image and advert frame as parts). Each briefing page is opened and
checked: headline, body paragraphs, the body's links, nothing of the page's markup or scripts alive, the
removed blocks listed by kind, and axe-core's accessibility check. Screenshots go to the folder printed
at the end of the run. A second build with the same cache must not read any of them again.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, REPO
from playwright.sync_api import expect
from test_site import make_html

from browser.conftest import check_accessibility, served

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class SavedFile:
    fixture: str
    source_path: str
    title: str
    source: str
    authors: tuple[str, ...]
    date: str  # the <time datetime> of the briefing page, its first ten characters
    paragraph_starts: tuple[str, ...]  # the body's paragraphs, in order
    links: tuple[tuple[str, str], ...]  # (words, address) of the links kept in the body
    removed: dict  # kind of removed block -> a line it shows
    left_out: tuple[str, ...]  # page text that is in neither the body nor the removed blocks


WEBPAGE_COMPLETE = SavedFile(
    fixture="webpage_complete.html",
    source_path="articles/lighthouse-cottage.html",
    title="Lighthouse keepers' cottage opens as a museum of the coast",
    source="The Tidewater Herald",
    authors=("Priya Natarajan",),
    date="2031-06-02",
    paragraph_starts=(
        "The cottage at Gull Point, empty since the light was automated",
        "The cottage below the Gull Point lighthouse opened its doors",
        "Volunteers from the Gull Point Heritage Trust spent three winters",
        "Inside, the rooms are laid out as the Carrow family left them",
        '"My grandmother wound the clockwork every four hours',
        "The trust expects about 9,000 visitors in the first year",
    ),
    links=(
        ("Gull Point Heritage Trust", "https://gullpoint-trust.example.org/"),
        ("heritage fund", "https://www.tidewater-herald.example.com/coast/2030/11/heritage-fund-grants/"),
    ),
    removed={
        "navigation": "Business",
        "comment": "My father delivered coal to that cottage every month in the seventies.",
        "related": "Record number of seal pups counted on the sandbanks",
        "footer": "© 2031 The Tidewater Herald. All rights reserved.",
    },
    left_out=("inserted by a script", "Accept all", "Leave a comment"),
)
NEWSLETTER = SavedFile(
    fixture="newsletter.eml",
    source_path="articles/weekend-read.eml",
    title="The Weekend Read: Why the river towns are planting willows",
    source="The Valley Ledger",
    authors=("Tomás Reyes",),
    date="2031-06-07",
    paragraph_starts=(
        "Along forty kilometres of the lower Aldwater",
        "After the floods of 2029 the catchment board's plan paid farmers",
        '"We used to measure success by how quickly',
        "The first winter was a test.",
        "Not everyone is convinced.",
    ),
    links=(("catchment board's plan", "https://www.aldwater-catchment.example.org/plans/2030"),),
    removed={
        "byline": "By Tomás Reyes",
        "footer": "You are receiving this email because you subscribed to The Weekend Read",
    },
    left_out=("letting the river back onto their fields",),  # the hidden preheader
)
SINGLE_FILE = SavedFile(
    fixture="single_file.mhtml",
    source_path="articles/night-trains.mhtml",
    title="Night trains return to the northern line after a decade",
    source="Northline News",
    authors=("Ingrid Solberg", "Jonas Aho"),
    date="2031-09-14",
    paragraph_starts=(
        "The first night train in ten years left the capital",
        "The service, run by the state operator",
        "The transport ministry says the route will need a subsidy",
        '"Half the people in this carriage would have flown,"',
    ),
    links=(
        ("private rolling stock company", "https://railcars.example.com/fleet/sleepers"),
        ("own assessment", "https://www.northline-news.example.net/reports/night-train-case.html"),
    ),
    removed={
        "navigation": "Log in",
        "related": "Ferry strike ends after nine days",
        "footer": "Editor in chief: A. Berg",
    },
    left_out=("Book your winter holiday now",),  # the advert frame's own page
)
SAVED_FILES = {"webpage-complete": WEBPAGE_COMPLETE, "newsletter": NEWSLETTER, "single-file": SINGLE_FILE}
# Globals the fixtures' scripts and event handlers set if any of them ever ran.
SCRIPT_MARKERS = (
    "__savedPageScriptRan",
    "__bodyOnloadRan",
    "__imageHandlerRan",
    "__newsletterScriptRan",
    "__newsletterOnloadRan",
    "__singleFileHandlerRan",
    "__adScriptRan",
)


@pytest.fixture(scope="module")
def saved_site(tmp_path_factory):
    """The sample content with the three saved files added, built with `make html`."""
    root = tmp_path_factory.mktemp("saved-site")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    for saved in SAVED_FILES.values():
        shutil.copyfile(FIXTURES / "saved" / saved.fixture, content / saved.source_path)
    build = make_html(content, root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    return build


@pytest.fixture(scope="module")
def saved_site_url(saved_site):
    with served(saved_site.out) as url:
        yield url


@pytest.fixture
def opened(page, saved_site, saved_site_url, request):
    """The briefing page of the saved file named by the test's `name`, opened; the requests it made and
    the dialogs it tried to open are recorded from before the first byte."""
    saved = SAVED_FILES[request.node.callspec.params["name"]]
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    record = saved_site.article(saved.source_path)
    response = page.goto(f"{saved_site_url}/{record['url']}")
    assert response.ok, f"{record['url']}: HTTP {response.status}"
    page.wait_for_load_state("networkidle")
    return saved, record, requests, dialogs


names = pytest.mark.parametrize("name", sorted(SAVED_FILES))


@names
def test_saved_briefing_shows_headline_source_authors_and_date(page, opened, name):
    saved, record, _, _ = opened
    assert record["title"] == saved.title
    expect(page.locator("main h1")).to_have_text(saved.title)
    meta = page.locator("main article header .meta")
    expect(meta.locator(".source")).to_have_text(saved.source)
    expect(meta.locator(".authors a")).to_have_text(list(saved.authors))
    assert meta.locator("time").get_attribute("datetime")[:10] == saved.date


@names
def test_saved_briefing_shows_the_article_paragraphs_in_order(page, opened, name):
    saved, _, _, _ = opened
    paragraphs = page.locator("main .body p").all_inner_texts()
    assert len(paragraphs) == len(saved.paragraph_starts), paragraphs
    for text, start in zip(paragraphs, saved.paragraph_starts, strict=True):
        assert text.startswith(start), (text, start)


@names
def test_body_links_to_sources_are_links_with_nofollow_noopener(page, opened, name):
    saved, _, _, _ = opened
    links = page.locator("main .body a").evaluate_all(
        "links => links.map(a => ({text: a.textContent, href: a.getAttribute('href'), rel: a.getAttribute('rel'),"
        " source: a.classList.contains('source-link')}))"
    )
    sources = [(link["text"], link["href"]) for link in links if link["source"]]
    assert sources == list(saved.links)
    for link in links:
        if link["source"]:
            assert link["rel"] == "nofollow noopener", link
        else:  # the site's own entity pages
            assert not urlsplit(link["href"]).scheme and link["rel"] is None, link


@names
def test_nothing_of_the_saved_markup_runs_or_loads(page, opened, name, saved_site_url):
    _, _, requests, dialogs = opened
    ran = page.evaluate("markers => markers.filter(name => name in window)", list(SCRIPT_MARKERS))
    assert ran == []
    assert dialogs == []
    live = page.evaluate(
        """() => ({
            frames: document.querySelectorAll('iframe, object, embed, frame').length,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
                .filter(a => a.name.startsWith('on')).map(a => a.name),
            scripts: [...document.scripts].filter(s => !s.src).map(s => s.textContent)
                .filter(t => /__[a-zA-Z]+Ran|dataLayer|insertAdjacentHTML/.test(t)),
            schemes: [...document.querySelectorAll('[href], [src]')]
                .map(e => e.getAttribute('href') || e.getAttribute('src'))
                .filter(v => /^\\s*(javascript|data|vbscript|cid):/i.test(v)),
        })"""
    )
    assert live == {"frames": 0, "handlers": [], "scripts": [], "schemes": []}
    outside = [url for url in requests if not url.startswith(saved_site_url)]
    assert outside == [], outside  # no image, stylesheet, font or frame from another site


@names
def test_removed_blocks_are_listed_by_kind_and_kept_out_of_the_body(page, opened, name):
    saved, record, _, _ = opened
    removed = page.locator("main details.removed")
    removed.locator("summary").click()
    kinds = removed.locator("dt").evaluate_all("terms => terms.map(t => t.textContent)")
    texts = removed.locator("dd").all_inner_texts()
    body = page.locator("main .body").inner_text()
    for kind, line in saved.removed.items():
        assert kind in kinds, (kind, kinds)
        assert line in "\n".join(text for k, text in zip(kinds, texts, strict=True) if k == kind), (kind, line)
        assert line not in body, line
    page_text = page.locator("main").inner_text()
    for text in saved.left_out:
        assert text not in page_text, text
    assert [block["kind"] for block in record["removed"]] == kinds


@pytest.mark.parametrize("scheme", ["light", "dark"])
@names
def test_axe_finds_no_serious_violations_on_a_saved_briefing(page, opened, name, scheme, axe_script, screenshots_dir):
    page.emulate_media(color_scheme=scheme)
    page.locator("main details.removed summary").click()
    check_accessibility(page, axe_script, screenshots_dir, f"saved-{name}-{scheme}")


def test_a_warm_build_reads_no_saved_page_again(saved_site, tmp_path, monkeypatch):
    # Neither trafilatura nor spaCy can be imported in this build: it only works if every saved page's
    # reading comes from the cache.
    for package in ("trafilatura", "spacy"):
        blocker = tmp_path / "blocker" / package
        blocker.mkdir(parents=True)
        (blocker / "__init__.py").write_text(f"raise ImportError('{package} must not be imported')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "blocker"))
    warm = make_html(saved_site.content, tmp_path / "out", saved_site.cache)
    assert warm.returncode == 0, warm.log[-3000:]
    for saved in SAVED_FILES.values():
        assert warm.article(saved.source_path) == saved_site.article(saved.source_path)
