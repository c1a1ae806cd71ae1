"""The search index `make html` writes with Pagefind: there after every build, failed ones included, and
made of the briefing pages only. (What it finds is checked in a browser: tests/browser/.)"""

from __future__ import annotations

import json
import shutil

from conftest import REPO
from test_site import make_html


def indexed_page_count(out) -> int:
    entry = out / "pagefind" / "pagefind-entry.json"
    assert entry.is_file(), f"no search index in {out}"
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    return sum(language["page_count"] for language in languages.values())


def test_search_index_holds_exactly_the_briefing_pages(sample_site):
    assert indexed_page_count(sample_site.out) == len(sample_site.archive["articles"])


def test_search_page_loads_the_local_pagefind_ui(sample_site):
    html = (sample_site.out / "search" / "index.html").read_text(encoding="utf-8")
    assert 'src="../pagefind/pagefind-ui.js"' in html
    assert 'href="../pagefind/pagefind-ui.css"' in html
    assert 'src="../theme/js/search.js"' in html
    assert "//" not in html.split("<body>")[0].replace("http-equiv", "")  # nothing from another site


def test_every_page_has_the_search_box(sample_site):
    for page in sorted(sample_site.out.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert 'role="search"' in html and 'name="q"' in html, page.relative_to(sample_site.out)


def test_publish_build_is_indexed_too(published_site):
    assert indexed_page_count(published_site.out) == len(published_site.archive["articles"])


def test_build_with_rejected_files_is_indexed_and_still_fails(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "content" / "articles" / "empty.txt").write_bytes(b"")
    build = make_html(tmp_path / "content", tmp_path / "out", tmp_path / "cache")
    assert build.returncode != 0, build.log[-3000:]
    assert "empty.txt" in build.log
    assert "Error 1" in build.log  # make reports the build's own status, not the indexer's
    assert indexed_page_count(build.out) == len(build.archive["articles"]) == 2


def test_drafts_and_hidden_articles_are_not_searchable(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    articles = tmp_path / "content" / "articles"
    story = "\n\nThe harbour authority reopened the northern quay on Monday after repairs to its cranes.\n"
    (articles / "unfinished.txt").write_text("---\nstatus: draft\n---\nQuay reopening still unconfirmed" + story)
    (articles / "kept-back.txt").write_text("---\nstatus: hidden\n---\nQuay reopening kept back" + story)
    build = make_html(tmp_path / "content", tmp_path / "out", tmp_path / "cache")
    assert build.returncode == 0, build.log[-3000:]
    published = [a for a in build.archive["articles"] if a["status"] == "published"]
    assert len(published) == 2
    assert indexed_page_count(build.out) == len(published)


def test_pagefind_reads_the_folder_the_settings_write_briefings_to():
    """The Makefile's PAGEFIND_GLOB names the briefing pages: the folder of ARTICLE_SAVE_AS."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    glob = next(line.split("=", 1)[1] for line in makefile.splitlines() if line.startswith("PAGEFIND_GLOB?="))
    settings = {}
    exec((REPO / "pelicanconf.py").read_text(encoding="utf-8"), {"__file__": str(REPO / "pelicanconf.py")}, settings)
    folder = settings["ARTICLE_SAVE_AS"].split("/", 1)[0]
    assert glob == f"{folder}/**/*.html"
