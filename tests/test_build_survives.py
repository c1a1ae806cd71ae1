"""One build of a content folder in which each file is a way a build used to fail: every file ends in
archive.json, among the rejected or among the ignored; nothing outside the content folder is published;
the good articles are all there; the build ends with the exit status the README states."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from test_site import Build, make_html

SECRET = "secret marker 7f3a9c outside the content folder"
BODY = (
    "\n\nHarbour officials in Velmora said on Tuesday that the port would reopen after the storm.\n\n"
    "Ships that had waited offshore for three days began to enter the harbour in the afternoon, and the "
    "operator said every berth would be in use by the weekend.\n"
)
GOOD = {
    "articles/draft.txt": "---\nstatus: draft\n---\nDraft: Velmora port reopens" + BODY,
    "articles/hidden.txt": "---\nstatus: hidden\n---\nHidden: Velmora port reopens" + BODY,
    "articles/UPPER.TXT": "Upper case name: Velmora port reopens" + BODY,
    "articles/mixed.Txt": "Mixed case name: Velmora port reopens" + BODY,
    "articles/search-slug.txt": "---\nslug: search\n---\nSlug search: Velmora port reopens" + BODY,
    "articles/odd-tags.txt": '---\ntags: ["!!!", "🌊", "'
    + "Long" * 80
    + '"]\nauthors: ["'
    + "Author" * 60
    + '"]\n---\n'
    "Odd tags: Velmora port reopens" + BODY,
    "articles/controls.txt": '---\ntitle: "Controls\\0 in\\f the title"\nauthors: ["Ann\\0 Patel"]\n---\n'
    "Controls: Velmora port reopens" + BODY.replace("operator", "oper\x0cator"),
}
REJECTED = {
    "articles/2018-02-30-impossible.txt": "Impossible file-name date" + BODY,
    "articles/bad-date.txt": "---\ndate: 2018-02-30\n---\nBad date" + BODY,
    "articles/deep.txt": "---\ntitle: " + "[" * 500 + "]" * 500 + "\n---\nDeep" + BODY,
    "articles/script-link.txt": "---\nurl: 'java\nscript:alert(1)'\n---\nScript link" + BODY,
    "articles/raw.md": "# Raw\n\n<script>alert(1)</script>\n",
    "articles/raw.markdown": "# Raw\n\n<script>alert(1)</script>\n",
    "articles/raw.html": "<html><body><script>alert(1)</script></body></html>",
    "articles/raw.htm": "<html><body><script>alert(1)</script></body></html>",
    "articles/include.rst": "Title\n=====\n\n.. include:: /etc/passwd\n\n.. raw:: html\n\n   <script>x</script>\n",
    "articles/report.pdf": "%PDF-1.4 not an article",
    "articles/letter.docx": "PK not an article",
    "articles/article.text": "Not a .txt name" + BODY,
    "articles/trailing.txt ": "Trailing space in the name" + BODY,
}
IGNORED = {"articles/x.txt~": "backup", "articles/x.txt.bak": "backup", "articles/.#lock.txt": "lock"}


def alias_bomb() -> str:
    """A few hundred bytes of YAML whose aliases expand to 9^7 values."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for name, previous in zip("bcdefg", "abcdef", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def survived(tmp_path_factory) -> tuple[Build, float]:
    root = tmp_path_factory.mktemp("survives")
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "pages" / "about.rst").write_text("About\n#####\n\n.. include:: /etc/passwd\n", encoding="utf-8")
    for name, text in {**GOOD, **REJECTED, **IGNORED}.items():
        (content / name).write_text(text, encoding="utf-8")
    (content / "articles" / "bomb.txt").write_text("Alias bomb sidecar" + BODY, encoding="utf-8")
    (content / "articles" / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    (root / "secret.txt").write_text(SECRET + BODY, encoding="utf-8")
    os.symlink(root / "secret.txt", content / "articles" / "secret.txt")
    os.symlink("/etc/passwd", content / "articles" / "passwd.txt")
    os.symlink("..", content / "articles" / "loop")
    os.symlink(root, content / "articles" / "outside")
    os.symlink(root / "nowhere.txt", content / "articles" / "dangling.txt")
    os.mkfifo(content / "articles" / "pipe.txt")
    (content / "articles" / "pipe-sidecar.txt").write_text("Named pipe as sidecar" + BODY, encoding="utf-8")
    os.mkfifo(content / "articles" / "pipe-sidecar.yaml")
    (content / "articles").joinpath(os.fsdecode(b"caf\xe9-latin1-name.txt")).write_text("Latin-1 name" + BODY)
    (content / "entities.yaml").write_text("entities: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    started = time.perf_counter()
    build = make_html(content, root / "out", root / "cache")
    return build, time.perf_counter() - started


def test_the_build_finishes_with_the_status_the_readme_gives(survived):
    build, seconds = survived
    assert build.returncode == 2, build.log[-4000:]  # make's status when pelican exits 1
    assert "Traceback" not in build.log
    assert seconds < 120


def test_every_good_article_is_built_with_its_status(survived):
    build, _ = survived
    statuses = {a["source_path"]: a["status"] for a in build.archive["articles"]}
    for name in GOOD:
        assert name in statuses, name
    assert statuses["articles/draft.txt"] == "draft" and statuses["articles/hidden.txt"] == "hidden"
    assert build.article("articles/draft.txt")["url"].startswith("drafts/")
    for record in build.archive["articles"]:
        assert build.page(record).is_file(), record["source_path"]


def test_each_bad_file_is_rejected_by_name_and_each_leftover_listed_once(survived):
    build, _ = survived
    rejected = {r["source_path"]: r["reason"] for r in build.archive["rejected"]}
    for name in [*REJECTED, "articles/bomb.txt", "articles/passwd.txt", "articles/secret.txt", "entities.yaml"]:
        assert name in rejected, name
    for name in ["articles/dangling.txt", "articles/pipe.txt", "articles/pipe-sidecar.txt", "articles/outside"]:
        assert name in rejected, name
    assert all(0 < len(reason) <= 300 for reason in rejected.values())
    assert "not UTF-8" in rejected["articles/caf\ufffd-latin1-name.txt"]
    ignored = [i["source_path"] for i in build.archive["ignored"]]
    assert sorted(ignored) == sorted([*IGNORED, "articles/loop"])


def test_nothing_from_outside_the_content_folder_is_published(survived):
    build, _ = survived
    for path in build.out.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"root:x:0:0" not in data, path


def test_titles_and_names_reach_the_feeds_without_characters_xml_forbids(survived):
    build, _ = survived
    record = build.article("articles/controls.txt")
    assert record["title"] == "Controls in the title" and record["authors"] == ["Ann Patel"]
    assert "\x0c" not in record["body"]
    for feed in (build.out / "feeds").glob("*.xml"):
        text = feed.read_text(encoding="utf-8")
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text), feed.name


def test_tag_and_author_pages_have_short_slugs_that_are_never_empty(survived):
    build, _ = survived
    for folder in ("tags", "authors"):
        for page in (build.out / folder).iterdir():
            assert page.name and len(page.name.encode()) <= 80, page.name
    assert not (build.out / "tags" / "index.html").read_text(encoding="utf-8").count('href="../tags//"')
    assert len(list((build.out / "feeds").glob("tag-.atom.xml"))) == 0


def test_a_folder_link_to_its_parent_publishes_each_article_once(survived):
    build, _ = survived
    paths = [a["source_path"] for a in build.archive["articles"]]
    assert not any("/loop/" in path for path in paths)
    assert len(paths) == len(set(paths)) == len(GOOD)


def test_a_page_that_includes_a_file_is_rejected_not_published(survived):
    build, _ = survived
    rejected = {r["source_path"]: r["reason"] for r in build.archive["rejected"]}
    assert "include" in rejected["pages/about.rst"]
    assert not Path(build.out / "about" / "index.html").exists()
