"""Thread briefings, the quote index and the digest on sites built with the real `make html`: the sample
site (two stories of one thread) and coverage of one flood by several outlets (tests/fixtures/story-thread)."""

from __future__ import annotations

import json
import re
import shutil

import feedparser
import pytest
from briefing.corpus.near_duplicates import text_key
from briefing.corpus.quote_index import quote_id
from conftest import FIXTURES
from markupsafe import escape
from test_site import make_html, page_path

ADVISED = "I have advised the Government of Iran"
COURIER = "articles/2024-03-05-velmora-floods-courier.txt"
GAZETTE = "articles/2024-03-06-velmora-floods-gazette.txt"
PASTED = "articles/2024-03-08-velmora-floods-pasted.txt"
BUDGET = "articles/2024-03-08-parliament-budget.txt"
INJECTED = '<script>alert("flood")</script>'


@pytest.fixture(scope="module")
def flood(tmp_path_factory):
    root = tmp_path_factory.mktemp("story-thread")
    shutil.copytree(FIXTURES / "story-thread", root / "content")
    build = make_html(root / "content", root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    return build


def read(build, url: str) -> str:
    return page_path(build.out, url).read_text(encoding="utf-8")


def section(html: str, css_class: str) -> str:
    """The markup of the first <section class="css_class"> of a page."""
    start = html.index(f'<section class="{css_class}"')
    return html[start : html.index("</section>", start)]


def blockquotes(html: str) -> list[str]:
    return re.findall(r"<blockquote><p>(.*?)</p></blockquote>", html, re.S)


def statements(build, source_path: str) -> list[dict]:
    return [q for q in build.article(source_path)["quotes"] if q["kind"] == "statement"]


def the_thread(build) -> dict:
    threads = build.archive["threads"]
    assert len(threads) == 1, [t["slug"] for t in threads]
    return threads[0]


# --- the sample site ---------------------------------------------------------------------------------


def test_sample_thread_page_shows_each_statement_once(sample_site):
    thread = the_thread(sample_site)
    said = blockquotes(section(read(sample_site, thread["url"]), "thread-quotes"))
    assert said == [str(escape(q["text"])) for q in thread["quotes"]]
    assert len({text_key(q["text"]) for q in thread["quotes"]}) == len(thread["quotes"])
    by_slug = {r["slug"]: r["source_path"] for r in sample_site.archive["articles"]}
    for slug in thread["articles"]:
        for quote in statements(sample_site, by_slug[slug]):
            assert len([q for q in thread["quotes"] if slug in q["carried_by"] and holds(q, quote)]) == 1, quote


def holds(shown: dict, quote: dict) -> bool:
    """The thread quote `shown` stands for the article's `quote`: the same words, or (for a statement of six
    words or more) one within the other."""
    shown_key, key = text_key(shown["text"]), text_key(quote["text"])
    return shown_key == key or (len(key.split()) >= 6 and (key in shown_key or shown_key in key))


def test_sample_statement_both_stories_carry_is_one_thread_quote_with_both(sample_site):
    thread = the_thread(sample_site)
    advised = [q for q in thread["quotes"] if q["text"].startswith(ADVISED)]
    assert len(advised) == 1
    assert sorted(advised[0]["carried_by"]) == sorted(thread["articles"])
    assert advised[0]["speaker"] == "Mike Pompeo"


def test_sample_speaker_page_shows_the_statement_once_with_both_stories(sample_site):
    for url in ("quotes/mike-pompeo/", "people/mike-pompeo/"):
        html = read(sample_site, url)
        figures = [f for f in re.findall(r'<figure class="statement".*?</figure>', html, re.S) if ADVISED in f]
        assert len(figures) == 1, url
        for record in sample_site.archive["articles"]:
            assert record["url"] in figures[0], (url, record["slug"])


def test_sample_thread_source_line_counts_only_known_sources(sample_site):
    html = read(sample_site, the_thread(sample_site)["url"])
    assert str(escape("Story thread · 2 briefings: FDD's Long War Journal and one unknown source")) in html
    assert "from FDD" not in html


def test_archive_quotes_have_a_stable_id_and_a_kind(sample_site):
    for record in sample_site.archive["articles"]:
        assert record["quotes"]
        for quote in record["quotes"]:
            assert quote["id"] == quote_id(quote["text"], quote["speaker"])
            assert quote["kind"] in ("statement", "phrase")


def test_archive_threads_have_timeline_quotes_and_outlets(sample_site):
    thread = the_thread(sample_site)
    members = set(thread["articles"])
    assert thread["timeline"] and all({"date", "text", "article"} <= set(e) for e in thread["timeline"])
    assert {e["article"] for e in thread["timeline"] if e["kind"] == "published"} == members
    assert [e["date"][:10] for e in thread["timeline"]] == sorted(e["date"][:10] for e in thread["timeline"])
    assert all(set(q["carried_by"]) <= members for q in thread["quotes"])
    assert sorted(s for o in thread["outlets"] for s in o["articles"]) == sorted(members)
    assert {o["source"] for o in thread["outlets"]} == {"FDD's Long War Journal", None}
    assert all(o["first"] == "2018-09-28" for o in thread["outlets"])


def test_quote_index_lists_speakers_with_counts_and_a_search_bundle(sample_site):
    index = json.loads((sample_site.out / "quotes" / "quotes.json").read_text(encoding="utf-8"))
    html = read(sample_site, "quotes/")
    for speaker in index["speakers"]:
        count = len(speaker["quotes"])
        carriers = {slug for quote in speaker["quotes"] for slug in quote["carried_by"]}
        if len(carriers) >= 2:  # BRIEFING_PAGE_MIN_BRIEFINGS: a page of their own, linked from the index
            assert f'{escape(speaker["speaker"])}</a> <span class="count">{count} statement' in html
            assert page_path(sample_site.out, speaker["url"]).is_file()
            assert all(q["url"] == f"{speaker['url']}#{q['id']}" for q in speaker["quotes"])
        else:  # one briefing's quotes: listed without a link; the search leads to that briefing
            assert f'<li>{escape(speaker["speaker"])} <span class="count">{count} statement' in html
            assert speaker["url"] is None
            assert all(page_path(sample_site.out, q["url"]).is_file() for q in speaker["quotes"])
    assert any(s["url"] for s in index["speakers"]) and not all(s["url"] for s in index["speakers"])
    pompeo = next(s for s in index["speakers"] if s["speaker"] == "Mike Pompeo")
    assert len([q for q in pompeo["quotes"] if q["text"].startswith(ADVISED)]) == 1
    entry = json.loads((sample_site.out / "pagefind" / "quotes" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == sum(len(s["quotes"]) for s in index["speakers"])
    assert 'data-bundle="pagefind/quotes/"' in html


def test_digest_has_the_day_the_week_and_a_feed(sample_site):
    day = read(sample_site, "digest/2018-09-28/")
    thread = the_thread(sample_site)
    assert str(escape(thread["title"])) in day
    for record in sample_site.archive["articles"]:
        assert record["url"] in day
    assert "key-quote" in day
    week = read(sample_site, "digest/2018-W39/")
    assert "digest/2018-09-28/" in week
    assert "digest/2018-09-28/" in read(sample_site, "digest/")
    feed = feedparser.parse((sample_site.out / "feeds" / "digest.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [entry.link for entry in feed.entries] == ["digest/2018-09-28/"]
    assert page_path(sample_site.out, feed.entries[0].link).is_file()
    assert thread["title"] in feed.entries[0].summary


# --- one flood, several outlets ----------------------------------------------------------------------


def test_a_statement_two_outlets_carry_is_one_quote_with_both_stories(flood):
    thread = the_thread(flood)
    slugs = {flood.article(path)["slug"] for path in (COURIER, GAZETTE)}
    pumps = [q for q in thread["quotes"] if "army for pumps" in q["text"]]
    assert len(pumps) == 1
    assert set(pumps[0]["carried_by"]) == slugs
    html = read(flood, thread["url"])
    assert len([q for q in blockquotes(section(html, "thread-quotes")) if "army for pumps" in q]) == 1


def test_a_thread_never_lists_one_quote_twice(flood):
    quotes = the_thread(flood)["quotes"]
    assert len({text_key(q["text"]) for q in quotes}) == len(quotes)
    assert len({q["id"] for q in quotes}) == len(quotes)


def test_coverage_by_outlet_and_corroborated_facts(flood):
    thread = the_thread(flood)
    slug = {path: flood.article(path)["slug"] for path in (COURIER, GAZETTE, PASTED)}
    assert [(o["source"], o["first"], o["articles"]) for o in thread["outlets"]] == [
        ("Velmora Courier", "2024-03-05", [slug[COURIER]]),
        ("Valley Gazette", "2024-03-06", [slug[GAZETTE]]),
        (None, "2024-03-08", [slug[PASTED]]),
    ]
    karl = [q for q in thread["quotes"] if "two million euros" in q["text"]]
    assert [o["only_quotes"] for o in thread["outlets"]][1] == [karl[0]["id"]]
    facts = [f for f in thread["corroborated"] if "burst its banks on Monday" in f["text"]]
    assert len(facts) == 1
    assert set(facts[0]["articles"]) == set(slug.values())
    html = read(flood, thread["url"])
    assert "Corroborated facts" in html
    assert str(escape("Story thread · 3 briefings: Valley Gazette, Velmora Courier and one unknown source")) in html


def test_timeline_has_the_dated_event_with_its_sentence(flood):
    timeline = the_thread(flood)["timeline"]
    assert timeline[0] == {
        "date": "2024-03-04",
        "text": "On March 4, 2024, the regional governor declared a state of emergency in the Velmora valley and asked "
        "the army for help with the flood.",
        "article": flood.article(COURIER)["slug"],
        "kind": "event",
    }


def test_digest_day_lists_the_thread_and_the_other_stories(flood):
    day = read(flood, "digest/2024-03-08/")
    assert str(escape(the_thread(flood)["title"])) in day
    assert "Other new stories" in day
    assert flood.article(BUDGET)["url"] in day and flood.article(PASTED)["url"] in day
    assert flood.article(COURIER)["url"] not in day
    assert 'rel="prev" href="../../digest/2024-03-06/"' in day  # the day before that had stories
    assert "digest/2024-W10/" in day and 'rel="next"' not in day


def test_markup_from_an_article_is_escaped_on_every_new_page(flood):
    speakers = json.loads((flood.out / "quotes" / "quotes.json").read_text(encoding="utf-8"))["speakers"]
    speaker_pages = [s["url"] for s in speakers if s["url"]]
    assert speaker_pages, "no speaker of the flood stories has a page"
    pages = [the_thread(flood)["url"], "quotes/", *speaker_pages, "digest/2024-03-06/", "digest/2024-W10/"]
    for url in pages:
        html = read(flood, url)
        assert INJECTED not in html, url
        assert "<script>alert" not in html, url
    assert str(escape(INJECTED)) in read(flood, the_thread(flood)["url"])
    assert "<script>" not in (flood.out / "quotes" / "quotes.json").read_text(encoding="utf-8")
    feed = (flood.out / "feeds" / "digest.atom.xml").read_text(encoding="utf-8")
    # the entries' HTML is escaped once more inside the XML: a tag from the article is text twice over
    assert "<script" not in feed and "&lt;script" not in feed.replace("&amp;lt;script", "")
