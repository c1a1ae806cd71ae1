"""End to end: the real Pelican build (`make html INPUTDIR=... OUTPUTDIR=...`), as users and the eval tools run it.

Every build goes into a temporary folder with its own BRIEFING_CACHE_DIR; nothing in the checkout is touched.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from archive_contract import ARTICLE_FIELDS
from conftest import REPO
from markupsafe import escape

BUILD_TIMEOUT = 180
SLUG = re.compile(r"^[a-z0-9-]+$")

BASRA = "articles/2018-09-28-us-evacuates-basra-consulate.txt"
DIPLOMATS = "articles/2018-09-28-diplomats-evacuated-from-basra.txt"
PULL_QUOTE = "I have made clear that Iran should understand"


@dataclass
class Build:
    returncode: int
    log: str
    content: Path
    out: Path
    cache: Path

    @property
    def archive(self) -> dict:
        path = self.out / "archive.json"
        assert path.is_file(), f"no archive.json was written; build log:\n{self.log[-4000:]}"
        return json.loads(path.read_text(encoding="utf-8"))

    def article(self, source_path: str) -> dict:
        matches = [a for a in self.archive["articles"] if a["source_path"] == source_path]
        assert len(matches) == 1, f"{source_path} not in archive.json (or twice)"
        return matches[0]

    def page(self, record: dict) -> Path:
        return page_path(self.out, record["url"])


def page_path(out: Path, url: str) -> Path:
    path = out / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return path


def make_html(content: Path, out: Path, cache: Path, hash_seed: str = "0") -> Build:
    return run_make("html", content, out, cache, {"PYTHONHASHSEED": hash_seed})


def run_make(target: str, content: Path, out: Path, cache: Path, env: dict[str, str] | None = None) -> Build:
    """`make TARGET` on `content` into `out`, with its own extraction cache; `env` adds or overrides variables."""
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(cache),
        # Fixed per build so that runs are repeatable; see `twin` for a build with another seed.
        "PYTHONHASHSEED": "0",
        "COLUMNS": "1000",  # one log record per line, so a file name and its reason stay together
        "NO_COLOR": "1",
        **(env or {}),
    }
    result = subprocess.run(
        ["make", target, f"INPUTDIR={content}", f"OUTPUTDIR={out}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, content, out, cache)


def file_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind's search index: its bytes follow the order in which the file system lists the pages (stable for one
# output folder, not across folders), and its files are binary (compressed), not markup.
SEARCH_INDEX = "pagefind/"


def site_bytes(root: Path) -> dict[str, bytes]:
    """file_bytes of a built site, without the search index (which must be there)."""
    assert (root / SEARCH_INDEX / "pagefind-entry.json").is_file(), f"no search index in {root}"
    return {path: data for path, data in file_bytes(root).items() if not path.startswith(SEARCH_INDEX)}


def file_stats(root: Path) -> dict[str, tuple]:
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            result[path.relative_to(root).as_posix()] = (
                stat.st_mtime_ns,
                stat.st_ino,
                stat.st_size,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
    return result


def sample_headlines(content: Path) -> dict[str, str]:
    """source_path -> the first line of each sample article file (its headline)."""
    return {
        path.relative_to(content).as_posix(): path.read_text(encoding="utf-8").splitlines()[0].strip()
        for path in sorted((content / "articles").glob("*.txt"))
    }


# --- (a) the sample site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", root / "content")
    return make_html(root / "content", root / "out", root / "cache")


def test_sample_site_builds_without_errors(sample):
    assert sample.returncode == 0, sample.log[-4000:]


def test_sample_archive_has_the_two_articles(sample):
    assert sorted(a["source_path"] for a in sample.archive["articles"]) == sorted(sample_headlines(sample.content))
    assert len(sample.archive["articles"]) == 2
    assert isinstance(sample.archive["threads"], list)


def test_sample_titles_are_the_headline_lines(sample):
    for source_path, headline in sample_headlines(sample.content).items():
        assert sample.article(source_path)["title"] == headline


def test_sample_dates_come_from_the_file_names(sample):
    for record in sample.archive["articles"]:
        assert record["date"][:10] == "2018-09-28"


def test_sample_byline_from_bio_gives_author_and_source(sample):
    record = sample.article(BASRA)
    assert record["authors"] == ["Amir Toumaj"]
    assert record["source"] == "FDD's Long War Journal"


def test_sample_comment_is_not_part_of_body(sample):
    body = sample.article(BASRA)["body"]
    assert "Ronald Wolfe" not in body
    assert "those who live by the sword" not in body


def test_sample_donation_appeal_is_not_part_of_body(sample):
    body = sample.article(BASRA)["body"]
    assert "dedicated reader" not in body
    assert "tax-deductible donation" not in body


def test_sample_bio_is_not_part_of_body(sample):
    assert "is a independent analyst" not in sample.article(BASRA)["body"]


def test_sample_category_list_is_not_part_of_body(sample):
    body = sample.article(BASRA)["body"]
    assert "Boko Haram" not in body
    paragraphs = body.split("\n\n")
    for category in ["Iraq", "Islamic state", "Syria", "Aqap", "Al shabaab", "Boko Haram", "Isis"]:
        assert category not in paragraphs


def test_sample_body_keeps_the_article(sample):
    body = sample.article(BASRA)["body"]
    assert body.startswith("The US State Department on September 28 announced the evacuation")
    assert "Israel released information and photos about a year-long Iranian-directed project" in body


def test_sample_credit_line_becomes_credits(sample):
    record = sample.article(DIPLOMATS)
    assert record["credits"] == ["The Associated Press"]
    assert "contributed to this report" not in record["body"]


def test_sample_pull_quote_appears_once_in_body(sample):
    body = sample.article(DIPLOMATS)["body"]
    assert body.count(PULL_QUOTE) == 1
    assert "— Secretary of State Mike Pompeo" not in body.split("\n\n")


def test_sample_archive_records_have_the_design_fields(sample):
    fields = ARTICLE_FIELDS
    for record in sample.archive["articles"]:
        assert fields <= set(record), fields - set(record)
        assert SLUG.match(record["slug"])
        assert record["word_count"] == len(record["body"].split())


def test_each_sample_briefing_page_exists_at_its_url_and_shows_the_title(sample):
    for record in sample.archive["articles"]:
        page = sample.page(record)
        assert page.is_file(), f"no page at {record['url']}"
        html = page.read_text(encoding="utf-8")
        assert str(escape(record["title"])) in html


def test_each_sample_briefing_page_lists_what_was_removed(sample):
    for record in sample.archive["articles"]:
        html = sample.page(record).read_text(encoding="utf-8")
        assert "Removed from the original" in html


def test_sample_page_shows_removed_comment_but_not_in_body(sample):
    html = sample.page(sample.article(BASRA)).read_text(encoding="utf-8")
    removed_at = html.index("Removed from the original")
    assert "Ronald Wolfe" in html[removed_at:]
    assert "Ronald Wolfe" not in html[:removed_at]


def test_sample_index_links_every_briefing(sample):
    index = (sample.out / "index.html").read_text(encoding="utf-8")
    for record in sample.archive["articles"]:
        assert record["url"] in index
        assert str(escape(record["title"])) in index


# --- (b) a site with bad input ---------------------------------------------------------------------

STORM_HEADLINE = "Storm closes mountain pass for a third day"
GOOD_EXTRA = {
    "articles/ferry-cp1252.txt",
    "articles/script-title.txt",
    "articles/storm-pass-herald.txt",
    "articles/storm-pass-tribune.txt",
    "articles/escape-slug.txt",
}
BAD = {
    "articles/empty.txt": r"empty",
    "articles/binary.txt": r"binary",
    "articles/broken-yaml.txt": r"YAML",
    "articles/python-tag.txt": r"YAML",
}
PROSE = (
    "Road crews said the snow had drifted higher than the plough blades overnight, and that the pass would "
    "stay shut until the wind dropped enough for them to work safely near the summit.\n\n"
    "Drivers heading east were told to take the valley road instead, which adds about two hours to the trip "
    "and passes through three small towns that have opened their school gyms to stranded travellers.\n"
)


def write_bad_site(content: Path, marker: Path) -> None:
    articles = content / "articles"
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 512)
    (articles / "ferry-cp1252.txt").write_bytes(
        (
            "Ferry service resumes after winter storms\n\n"
            "\u201cWe\u2019re glad to be back on the water,\u201d the captain said on Thursday, after the island "
            "ferry made its first crossing in nine days with about two hundred passengers on board.\n\n"
            "The crew spent the week repairing a damaged ramp at the island pier so that cars and the mail "
            "truck could board again once the sea had calmed down.\n"
        ).encode("cp1252")
    )
    (articles / "broken-yaml.txt").write_text("---\ntitle: [Storm warning\ntags: weather\n---\n" + PROSE)
    (articles / "python-tag.txt").write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n' + PROSE
    )
    (articles / "script-title.txt").write_text(
        "---\n"
        'title: "<script>alert(1)</script> & co"\n'
        'tags: ["<script>alert(3)</script>"]\n'
        'authors: ["<script>alert(4)</script>"]\n'
        'source: "<script>alert(5)</script>"\n'
        "---\n"
        "Prank entries flood the city feedback form\n\n"
        "Residents typed <script>alert(2)</script> into the city feedback form as a joke more than four hundred "
        "times last week, the clerk's office said on Monday, and every entry had to be read by hand.\n\n"
        "The office said it would add a simple check to the form before the next budget consultation opens "
        "in the spring, so that staff can spend their time on the real comments.\n"
    )
    (articles / "storm-pass-herald.txt").write_text(f"{STORM_HEADLINE}\n\nBy Lena Ortiz\n\n{PROSE}")
    (articles / "storm-pass-herald.yaml").write_text("tags: [weather, roads]\n")
    (articles / "storm-pass-tribune.txt").write_text(
        f"{STORM_HEADLINE}\n\n"
        "The state transport office kept the mountain pass closed on Wednesday for the third day in a row, "
        "saying that avalanche teams needed another night of clear weather before the road could reopen.\n\n"
        "Truck drivers waiting at the foot of the pass said the closure had already cost them two deliveries, "
        "and several said they would sleep in their cabs rather than drive the long way around.\n"
    )
    (articles / "escape-slug.txt").write_text(
        '---\nslug: "../../x"\n---\nSchool board delays vote on new bus routes\n\n'
        "The school board put off a vote on the new bus routes until next month after parents from the two "
        "hill villages asked for a stop closer to their homes at a crowded meeting on Tuesday evening.\n\n"
        "Board members said they would ask the transport company to price a second morning run before they "
        "decide, and promised to publish the numbers a week ahead of the vote.\n"
    )


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    # The output sits deep inside `root`, so a path that escapes it by a few levels still lands in `root`.
    site = root / "one" / "two" / "three"
    shutil.copytree(REPO / "content", site / "content")
    marker = root / "python-tag-executed"
    write_bad_site(site / "content", marker)
    before = file_bytes(root)
    build = make_html(site / "content", site / "out", root / "cache")
    return build, root, marker, before


@pytest.fixture(scope="module")
def bad_build(bad) -> Build:
    return bad[0]


def test_bad_input_makes_the_build_exit_non_zero(bad_build):
    assert bad_build.returncode != 0


@pytest.mark.parametrize("source_path", sorted(BAD))
def test_build_log_names_each_bad_file_with_its_reason(bad_build, source_path):
    lines = [line for line in bad_build.log.splitlines() if source_path in line]
    assert lines, f"{source_path} is not named in the build output:\n{bad_build.log[-4000:]}"
    assert any(re.search(BAD[source_path], line, re.I) for line in lines), lines


def test_every_good_article_is_still_built(bad_build):
    every_txt = {p.relative_to(bad_build.content).as_posix() for p in bad_build.content.rglob("*.txt")}
    good = every_txt - set(BAD)
    assert good >= GOOD_EXTRA
    built = {a["source_path"] for a in bad_build.archive["articles"]}
    assert built == good
    for record in bad_build.archive["articles"]:
        assert bad_build.page(record).is_file(), f"no page for {record['source_path']} at {record['url']}"


def test_bad_files_are_not_in_the_archive(bad_build):
    built = {a["source_path"] for a in bad_build.archive["articles"]}
    assert not built & set(BAD)


def test_no_script_tag_appears_unescaped_in_any_output_file(bad_build):
    offenders = []
    for path in sorted(bad_build.out.rglob("*")):
        # JSON holds the text itself (see test_archive_json_keeps_markup_text_as_data), the search index is
        # compressed data; everything else is markup
        name = path.relative_to(bad_build.out).as_posix()
        is_markup = path.is_file() and path.suffix != ".json" and not name.startswith(SEARCH_INDEX)
        if is_markup and re.search(rb"<script>\s*alert", path.read_bytes(), re.I):
            offenders.append(path.relative_to(bad_build.out).as_posix())
    assert offenders == []


def test_markup_in_front_matter_is_shown_escaped_on_the_page(bad_build):
    record = bad_build.article("articles/script-title.txt")
    html = bad_build.page(record).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_archive_json_keeps_markup_text_as_data(bad_build):
    record = bad_build.article("articles/script-title.txt")
    assert record["title"] == "<script>alert(1)</script> & co"
    assert "<script>alert(2)</script>" in record["body"]
    assert SLUG.match(record["slug"])


def test_python_yaml_tag_is_never_executed_by_the_build(bad):
    _, _, marker, _ = bad
    assert not marker.exists()


def test_no_file_is_written_outside_the_output_folder(bad):
    build, root, _, before = bad
    after = file_bytes(root)
    out_prefix = build.out.relative_to(root).as_posix() + "/"
    cache_prefix = build.cache.relative_to(root).as_posix() + "/"
    changed = sorted(
        path
        for path in set(before) | set(after)
        if not path.startswith((out_prefix, cache_prefix)) and before.get(path) != after.get(path)
    )
    assert changed == []
    out = build.out.resolve()
    for path in build.out.rglob("*"):
        assert path.resolve().is_relative_to(out), path


def test_front_matter_slug_cannot_escape_the_output_folder(bad_build):
    record = bad_build.article("articles/escape-slug.txt")
    assert SLUG.match(record["slug"])
    assert ".." not in record["url"] and not record["url"].startswith("/")
    assert bad_build.page(record).resolve().is_relative_to(bad_build.out.resolve())
    assert bad_build.page(record).is_file()


def test_same_headline_articles_get_different_slugs_and_pages(bad_build):
    herald = bad_build.article("articles/storm-pass-herald.txt")
    tribune = bad_build.article("articles/storm-pass-tribune.txt")
    assert herald["title"] == tribune["title"] == STORM_HEADLINE
    assert herald["slug"] != tribune["slug"]
    assert herald["url"] != tribune["url"]
    assert "plough blades" in bad_build.page(herald).read_text(encoding="utf-8")
    assert "avalanche teams" in bad_build.page(tribune).read_text(encoding="utf-8")
    slugs = [a["slug"] for a in bad_build.archive["articles"]]
    assert len(slugs) == len(set(slugs))


def test_cp1252_file_is_built_with_its_smart_quotes(bad_build):
    record = bad_build.article("articles/ferry-cp1252.txt")
    assert record["title"] == "Ferry service resumes after winter storms"
    assert "\u201cWe\u2019re glad to be back on the water,\u201d" in record["body"]


def test_sidecar_yaml_is_read_with_its_article(bad_build):
    record = bad_build.article("articles/storm-pass-herald.txt")
    assert record["tags"] == ["weather", "roads"]
    assert record["authors"] == ["Lena Ortiz"]


# --- (c) reproducible output and (d) warm rebuilds ---------------------------------------------------


def set_order(items: list[str], hash_seed: str) -> list[str]:
    code = "import json, sys; print(json.dumps(list(set(json.loads(sys.argv[1])))))"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(items)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def seed_that_reorders(items: list[str], hash_seed: str) -> str:
    """Another hash seed under which a set of `items` iterates in a different order (if there is one).

    Pelican collects the content files in a set, so the order it reads them in follows Python's hash seed,
    which is random in every new process: two `make html` runs of a user can differ exactly like this.
    """
    reference = set_order(items, hash_seed)
    for candidate in range(1, 64):
        if str(candidate) != hash_seed and set_order(items, str(candidate)) != reference:
            return str(candidate)
    return str(int(hash_seed) + 1)


@pytest.fixture(scope="module")
def twin(sample, tmp_path_factory) -> Build:
    """The sample site built again from a fresh copy, with its own cold cache, into another folder, by a
    process whose hash seed makes Pelican see the content files in another order."""
    root = tmp_path_factory.mktemp("twin")
    shutil.copytree(REPO / "content", root / "content")
    articles = root / "content" / "articles"  # ARTICLE_PATHS: the files Pelican collects into one set
    files = sorted(p.relative_to(root / "content").as_posix() for p in articles.rglob("*") if p.is_file())
    return make_html(root / "content", root / "out", root / "cache", hash_seed=seed_that_reorders(files, "0"))


def test_two_builds_of_the_same_content_are_byte_identical(sample, twin):
    first, second = site_bytes(sample.out), site_bytes(twin.out)
    assert first, "the build wrote nothing"
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    if different:
        lines = difflib.unified_diff(
            first[different[0]].decode("utf-8", "replace").splitlines(),
            second[different[0]].decode("utf-8", "replace").splitlines(),
            "first build",
            "second build",
            n=0,
            lineterm="",
        )
        pytest.fail(f"files differ between the builds: {different}\n" + "\n".join(list(lines)[:12]))


@pytest.fixture(scope="module")
def warm(sample, tmp_path_factory):
    """A second build of the sample site with the same cache, into a new output folder."""
    cache_before = file_stats(sample.cache)
    out = tmp_path_factory.mktemp("warm") / "out"
    build = make_html(sample.content, out, sample.cache)
    return build, cache_before, file_stats(sample.cache)


def test_cold_build_fills_the_extraction_cache(sample):
    entries = [p for p in sample.cache.rglob("*.json")]
    assert len(entries) >= len(sample_headlines(sample.content))


def test_warm_rebuild_re_extracts_nothing(warm):
    _, before, after = warm
    assert before, "the cold build left no cache entries"
    # same entries, not rewritten (mtime, inode, size, content); site/ keeps a record of each output
    # folder's last build (pages and their fingerprints), and this build went into a new folder
    assert {k: v for k, v in after.items() if not k.startswith("site/")} == {
        k: v for k, v in before.items() if not k.startswith("site/")
    }
    assert any(k.startswith("site/") for k in after)


def test_warm_rebuild_gives_the_same_site(sample, warm):
    build, _, _ = warm
    assert build.returncode == sample.returncode
    assert site_bytes(build.out) == site_bytes(sample.out)


def test_sample_articles_list_each_other_first_and_form_one_thread(sample):
    records = sample.archive["articles"]
    slugs = {record["slug"] for record in records}
    for record in records:
        assert record["related"], record["slug"]
        assert record["related"][0]["slug"] in slugs - {record["slug"]}
    threads = sample.archive["threads"]
    assert len(threads) == 1
    assert set(threads[0]["articles"]) == slugs
    assert all(record["thread"] == threads[0]["slug"] for record in records)
    thread_page = page_path(sample.out, threads[0]["url"]).read_text(encoding="utf-8")
    for record in records:
        assert str(escape(record["title"])) in thread_page
        briefing_page = sample.page(record).read_text(encoding="utf-8")
        assert "Related stories" in briefing_page
        assert threads[0]["url"].strip("/") in briefing_page
