"""What user-written files may hold (front matter, sidecars, the curated list): http(s) links only, YAML
with bounds, impossible dates as the file's own error, values that read as text."""

from __future__ import annotations

import time

import pytest
from briefing.corpus.curation import CurationError, parse_curation
from briefing.pelican.plugin import case_variants
from briefing.read.extract import extract_article
from briefing.read.leftovers import judge
from briefing.records import RawArticle, UnusableFile
from briefing.userdata import UnsafeYaml, http_link, load_yaml, xml_text

PAGE = (
    "Ferry service to Lunde resumes after the storm\n\n"
    "Ferries between Lunde and the mainland ran again on Monday after three days of gales, the operator said.\n"
)
SCRIPT_LINKS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "  javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http:/missing-slash",
]
# 466 bytes of YAML that expand to 9^9 values if loaded naively
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9) if previous else ', '.join(['lol'] * 9)}]\n"
    for name, previous in zip("abcdefghi", [None, *"abcdefgh"], strict=True)
)


def read(front_matter: str | None = None, sidecar: str | None = None, name: str = "articles/ferry.txt"):
    text = PAGE if front_matter is None else f"---\n{front_matter}\n---\n{PAGE}"
    return extract_article(RawArticle(name, text.encode("utf-8"), sidecar))


@pytest.mark.parametrize("link", SCRIPT_LINKS)
def test_a_link_that_is_not_http_is_refused(link):
    assert http_link(link) is None


@pytest.mark.parametrize("link", SCRIPT_LINKS)
def test_front_matter_url_must_be_http(link):
    with pytest.raises(UnusableFile, match="url must be an http"):
        read(f"url: {link!r}".replace("\\n", "\\n"))


def test_front_matter_url_keeps_an_http_address():
    assert read("url: HTTPS://example.org/ferry").url == "HTTPS://example.org/ferry"


def test_curated_link_must_be_http():
    with pytest.raises(CurationError, match="http"):
        parse_curation("entities:\n  - {name: Lunde, type: place, link: ' JavaScript:alert(1)'}\n")


@pytest.mark.parametrize(
    "value",
    ["2018-02-30", "0000-01-01", "2018-13-01", "2018-01-01 25:00", "2018-01-01T10:00:00+99:00", "!!timestamp x"],
)
@pytest.mark.parametrize("where", ["front matter", "sidecar"])
def test_an_impossible_date_rejects_only_its_file(value, where):
    yaml_text = f"date: {value}"
    with pytest.raises(UnusableFile, match="date"):
        read(yaml_text) if where == "front matter" else read(sidecar=yaml_text)


def test_an_impossible_date_in_the_file_name_rejects_only_its_file():
    with pytest.raises(UnusableFile, match="2018-02-30"):
        read(name="articles/2018-02-30-ferry.txt")


def test_a_real_date_in_front_matter_still_reads():
    assert read("date: 2018-09-28 14:05:00").date == "2018-09-28T14:05:00"
    assert read("date: 2018-09-28").date == "2018-09-28"


def test_yaml_alias_bomb_is_refused_at_once_with_a_short_reason():
    started = time.perf_counter()
    with pytest.raises(UnusableFile) as caught:
        read(sidecar=ALIAS_BOMB)
    assert time.perf_counter() - started < 1
    assert len(str(caught.value)) < 200 and "aliases" in str(caught.value)


def test_deeply_nested_yaml_is_refused_without_a_recursion_error():
    with pytest.raises(UnsafeYaml, match="nested"):
        load_yaml("title: " + "[" * 500 + "]" * 500)
    with pytest.raises(UnusableFile, match="nested"):
        read("title: " + "[" * 500 + "]" * 500)


@pytest.mark.parametrize(
    "text",
    ["entities: " + "[" * 500 + "]" * 500, ALIAS_BOMB, "entities:\n  - {name: X, type: place, link: 2018-02-30}"],
)
def test_a_broken_curated_list_is_an_error_not_a_crash(text):
    with pytest.raises(CurationError):
        parse_curation(text)


@pytest.mark.parametrize("title", ["!!set {a, b, c}", "!!binary aGVsbG8=", "{a: b}"])
def test_a_title_that_is_not_text_is_refused(title):
    with pytest.raises(UnusableFile, match="title must be text"):
        read(f"title: {title}")


def test_characters_xml_forbids_are_removed_from_front_matter():
    briefing = read('title: "Ferry\\0 service\\f resumes"\nauthors: ["Ann\\x0bPatel"]')
    assert briefing.title == "Ferry service resumes"
    assert briefing.authors == ("AnnPatel",)
    assert xml_text("a\x00b\x0cc\ufffed\ud800e") == "abcde"


def test_front_matter_keys_the_project_does_not_read_are_shown_not_dropped():
    briefing = read("Note: check the figures with the desk\ntitle: Ferry service to Lunde resumes")
    assert briefing.title == "Ferry service to Lunde resumes"
    assert ("front matter", "Note: check the figures with the desk") in [(c.kind, c.text) for c in briefing.cut]
    assert any("Note" in warning for warning in briefing.warnings)


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("x.txt~", True),
        ("x.txt.bak", True),
        (".#lock.txt", True),
        (".DS_Store", True),
        ("report.pdf", False),
        ("letter.docx", False),
        ("notes.rtf", False),
        ("article.text", False),
        ("trailing.txt ", False),
        ("README", False),
    ],
)
def test_a_file_no_reader_takes_is_ignored_or_rejected_by_name(name, ignored):
    verdict = judge(f"articles/{name}")
    assert verdict is not None and verdict.ignored is ignored and verdict.reason


def test_a_sidecar_next_to_its_article_is_not_listed():
    assert judge("articles/ferry.yaml", ["ferry.txt", "ferry.yaml"]) is None
    assert judge("articles/orphan.yaml", ["orphan.yaml"]).ignored


def test_the_reader_takes_txt_in_any_case():
    assert {"txt", "TXT", "Txt", "tXT"} <= case_variants("txt")
    assert len(case_variants("txt")) == 8
