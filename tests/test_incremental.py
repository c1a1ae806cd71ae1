"""Rebuilding into the same output folder: a deleted article's pages go, and the folder ends up with the
same bytes as a build from a clean folder of the same content (the real `make html`)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from sites import tagged_sample_content
from test_search_index import indexed_page_count
from test_site import make_html, page_path, run_make, site_bytes

# A third story, written for this test: it shares Basra and Mike Pompeo with the samples and names a
# person and a tag of its own, so it adds a page to the shared entities and has a lone name.
FOLLOW_UP = "articles/2018-09-30-basra-consulate-staff-return.txt"
FOLLOW_UP_TEXT = """---
tags: [Consular affairs, Iraq]
---
Consulate staff prepare to return to Basra

BAGHDAD — A small team of consular officers will travel to Basra next week to inspect the closed US
consulate, Secretary of State Mike Pompeo said on Sunday.

Pompeo said the team, led by the diplomat Harriet Kolbeck, would report within a month on whether the
building in Basra could reopen.

"We will go back when it is safe to do so," Kolbeck told reporters at the embassy in Baghdad.
"""


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The samples and the follow-up built into one folder, then built again there without the follow-up;
    and the samples alone built into a clean folder."""
    root = tmp_path_factory.mktemp("incremental")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    (content / FOLLOW_UP).write_text(FOLLOW_UP_TEXT, encoding="utf-8")
    first = make_html(content, root / "out", root / "cache")
    assert first.returncode == 0, first.log[-3000:]
    with_follow_up = first.archive
    (content / FOLLOW_UP).unlink()
    second = make_html(content, root / "out", root / "cache")
    assert second.returncode == 0, second.log[-3000:]
    clean = make_html(content, root / "clean", root / "cache")
    assert clean.returncode == 0, clean.log[-3000:]
    return with_follow_up, second, clean


def test_a_deleted_article_takes_its_pages_with_it(rebuilt):
    before, after, _ = rebuilt
    follow_up = next(a for a in before["articles"] if a["source_path"] == FOLLOW_UP)
    assert page_path(after.out, follow_up["url"]) and not page_path(after.out, follow_up["url"]).exists()
    assert FOLLOW_UP not in {a["source_path"] for a in after.archive["articles"]}
    assert not (after.out / "tags" / "consular-affairs").exists()
    assert "file(s) no longer part of the site" in " ".join(after.log.split())
    # pages changed, so the search index was made again: without the deleted story
    assert "index kept" not in after.log
    assert indexed_page_count(after.out) == len(after.archive["articles"]) == 2


def test_a_rebuilt_folder_has_the_bytes_of_a_clean_build(rebuilt):
    _, after, clean = rebuilt
    incremental, fresh = site_bytes(after.out), site_bytes(clean.out)
    assert sorted(incremental) == sorted(fresh)
    assert [path for path in fresh if incremental[path] != fresh[path]] == []


def test_the_list_of_written_files_names_only_the_sites_pages(rebuilt):
    _, after, _ = rebuilt
    written = json.loads((after.out / ".briefing-written.json").read_text(encoding="utf-8"))
    assert "index.html" in written and "feeds/all.atom.xml" in written
    assert not any(path.startswith(("pagefind/", "theme/")) for path in written)
    assert all((after.out / path).is_file() for path in written)


def test_a_rebuild_rewrites_only_the_files_that_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    first = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert first.returncode == 0, first.log[-3000:]
    before = {path: (first.out / path).stat().st_mtime_ns for path in site_bytes(first.out)}
    index_before = sorted(p.relative_to(first.out) for p in (first.out / "pagefind").rglob("*"))
    second = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert second.returncode == 0, second.log[-3000:]
    after = {path: (second.out / path).stat().st_mtime_ns for path in site_bytes(second.out)}
    written = json.loads((second.out / ".briefing-written.json").read_text(encoding="utf-8"))
    assert "index.html" in written and "feeds/all.atom.xml" in written
    assert [path for path in written if after[path] != before[path]] == []
    # no page changed: neither search index is made again
    assert "search index: no page changed, index kept" in second.log
    assert "(no quote changed: index kept)" in second.log
    assert sorted(p.relative_to(second.out) for p in (second.out / "pagefind").rglob("*")) == index_before


# --- an unchanged site: every page kept ---------------------------------------------------------------

KEPT = "site unchanged since the last build: every page kept"


def mtimes(root) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_an_unchanged_site_is_not_rendered_again_and_keeps_every_file(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    first = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert first.returncode == 0, first.log[-3000:]
    assert KEPT not in first.log
    before = mtimes(first.out)
    second = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert second.returncode == 0, second.log[-3000:]
    assert KEPT in second.log
    assert "related stories and threads" not in second.log.split(KEPT, 1)[1].split("time:", 1)[0]
    # not one file written but the theme's static files Pelican copies: archive.json, the sitemap and
    # the search indexes included
    assert {p: t for p, t in mtimes(second.out).items() if not p.startswith("theme/")} == {
        p: t for p, t in before.items() if not p.startswith("theme/")
    }
    (content / "articles" / "2018-09-28-us-evacuates-basra-consulate.txt").touch()  # its time alone is no change
    (content / FOLLOW_UP).write_text(FOLLOW_UP_TEXT, encoding="utf-8")
    (content / FOLLOW_UP).unlink()
    assert KEPT in make_html(content, tmp_path / "out", tmp_path / "cache").log


def test_a_changed_article_a_lost_page_or_a_new_setting_renders_the_site_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = make_html(content, out, cache)
    assert first.returncode == 0, first.log[-3000:]
    pages = site_bytes(out)
    lost = page_path(out, first.archive["articles"][0]["url"])
    lost.unlink()
    again = make_html(content, out, cache)
    assert KEPT not in again.log and lost.is_file()
    assert site_bytes(out) == pages
    assert KEPT in make_html(content, out, cache).log
    (content / FOLLOW_UP).write_text(FOLLOW_UP_TEXT, encoding="utf-8")
    about = out / "about" / "index.html"
    about_time = about.stat().st_mtime_ns
    added = make_html(content, out, cache)
    assert KEPT not in added.log
    # only the pages that show the new story are rendered: the about page is kept as it was
    rendered, kept = map(int, re.search(r"pages: (\d+) rendered, (\d+) kept", added.log).groups())
    assert kept > 0 and rendered > 0
    assert about.stat().st_mtime_ns == about_time
    assert FOLLOW_UP in {a["source_path"] for a in added.archive["articles"]}
    clean = make_html(content, tmp_path / "clean", cache)
    assert site_bytes(out) == site_bytes(clean.out)  # the kept pages are those a clean build writes
    renamed = run_make("html", content, out, cache, {"PELICANOPTS": """-e SITENAME='"Harbour desk"'"""})
    assert renamed.returncode == 0, renamed.log[-3000:]
    assert KEPT not in renamed.log and "pages:" not in renamed.log  # a setting: every page rendered
    # every page changed, the quotes did not: the briefings' index is made again, the quotes' is kept
    assert "search index: no page changed" not in renamed.log and "(no quote changed: index kept)" in renamed.log
    assert indexed_page_count(out) == len(renamed.archive["articles"])
    assert (out / "pagefind" / "quotes" / "pagefind-entry.json").is_file()
    assert "Harbour desk" in (out / "index.html").read_text(encoding="utf-8")


def test_a_kept_site_still_fails_on_a_rejected_file(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "articles" / "scan.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    first = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert first.returncode != 0 and "scan.txt" in first.log
    second = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert KEPT in second.log
    assert second.returncode != 0 and "scan.txt" in second.log


# --- a story added under a tag other briefings have -----------------------------------------------------

# A story of another day, place and subject, written for this test: it shares only the tag Iraq with the
# tagged samples (sites.py), so it is no related story of theirs and only the count of Iraq changes.
SAME_TAG = "articles/2019-06-14-date-harvest-festival.txt"
SAME_TAG_TEXT = """---
tags: [Iraq]
---
Growers crowd a riverside market for the first date harvest festival

Farmers from a dozen villages sold fruit, syrup and palm-frond baskets at a riverside market on Friday,
at the first harvest festival the growers' cooperative has held.

Prices for the early varieties were higher than last summer, the cooperative's treasurer said, after a
cool spring delayed the crop by two weeks.
"""


def page_fingerprints(build) -> dict[str, str]:
    """Each page's fingerprint in the record of kept pages (write/kept_pages.py) of `build`'s output."""
    from briefing.pelican.kept_site import PAGES_FOLDER, SITE_CACHE_FOLDER
    from briefing.write.site_inputs import record_path

    record = record_path(str(build.cache / SITE_CACHE_FOLDER / PAGES_FOLDER), str(build.out))
    return {path: entry[0] for path, entry in json.loads(Path(record).read_text(encoding="utf-8")).items()}


def test_a_story_added_under_a_shared_tag_leaves_the_other_briefing_pages_as_they_were(tmp_path):
    """A briefing's page lists its tags without the tag index's counts, so a new story that only shares a
    tag with it does not change what the page reads: the page is kept, not rendered again."""
    content = tagged_sample_content(tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = make_html(content, out, cache)
    assert first.returncode == 0, first.log[-3000:]
    before = page_fingerprints(first)
    (content / SAME_TAG).write_text(SAME_TAG_TEXT, encoding="utf-8")
    added = make_html(content, out, cache)
    assert added.returncode == 0, added.log[-3000:]
    after = page_fingerprints(added)
    new = next(a for a in added.archive["articles"] if a["source_path"] == SAME_TAG)
    samples = [a for a in added.archive["articles"] if a["source_path"] != SAME_TAG]
    assert all("Iraq" in a["tags"] and new["slug"] not in [r["slug"] for r in a["related"]] for a in samples)
    for sample in samples:
        path = f"{sample['url']}index.html"
        assert after[path] == before[path], sample["source_path"]
    # the tag index shows the new count
    iraq = re.search(r">Iraq</a> <span class=\"count\">(\d+)</span>", (out / "tags" / "index.html").read_text())
    assert iraq and iraq.group(1) == "3"
    assert site_bytes(out) == site_bytes(make_html(content, tmp_path / "clean", cache).out)
