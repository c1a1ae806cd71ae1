"""The briefings' search index in shards: which shard a page belongs to, what of a page decides that its
shard is made again, and the shards made again only when that changed (tests/browser/ searches them)."""

import hashlib
import json
import sys

import pytest
from briefing.write.briefing_search import (
    command_selectors,
    index_briefings,
    indexed_count,
    indexed_digest,
    main,
    page_digests,
)
from briefing.write.search_shards import (
    BUNDLES_FILE,
    MAX_SHARDS,
    SHARD_DOCUMENTS,
    bundle_folder,
    index_in_shards,
    shard_count,
    shard_of,
)
from briefing.write.search_stamp import is_current, record
from lxml.cssselect import CSSSelector

SELECTORS = ["article.briefing > :not(header):not(.body)", "article.briefing > header > :not(h1)"]


def briefing_page(headline="Quay reopens", text="The quay reopened on Monday.", related="Crane repairs", tag="port"):
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{headline} | Desk</title>'
        f'<meta data-pagefind-filter="tag[content]" content="{tag}"></head><body>'
        f'<main data-pagefind-body><article class="briefing"><header><h1>{headline}</h1><p class="meta">Desk</p>'
        f'</header><div class="body"><p>{text}</p></div><aside class="related"><a href="/b/">{related}</a></aside>'
        "</article></main></body></html>"
    ).encode()


def digest(page: bytes, selectors=SELECTORS) -> str:
    return indexed_digest(page, [CSSSelector(s) for s in selectors])


def test_a_small_archive_is_one_shard_and_a_large_one_a_power_of_two():
    assert shard_count(0) == shard_count(1) == shard_count(SHARD_DOCUMENTS) == 1
    assert shard_count(SHARD_DOCUMENTS + 1) == 2
    assert shard_count(3 * SHARD_DOCUMENTS) == 4
    assert shard_count(5 * SHARD_DOCUMENTS + 2) == 8
    assert shard_count(10_000 * SHARD_DOCUMENTS) == MAX_SHARDS
    assert shard_count(5, per_shard=1) == 8


def test_a_page_keeps_its_shard_on_every_machine():
    assert shard_of("briefings/quay-reopens/index.html", 8) == shard_of("briefings/quay-reopens/index.html", 8)
    assert {shard_of(f"briefings/{n}/index.html", 4) for n in range(200)} == {0, 1, 2, 3}
    # a sha256 of the name, not Python's hash(), which changes from one process to the next
    assert shard_of("x", 1 << 62) == int.from_bytes(hashlib.sha256(b"x").digest()[:8], "big") % (1 << 62)


def test_what_pagefind_does_not_read_leaves_the_digest_be():
    first = digest(briefing_page())
    assert digest(briefing_page(related="Another story")) == first  # the related stories: excluded
    assert digest(briefing_page(text="The quay stays shut.")) != first
    assert digest(briefing_page(headline="Quay reopens early")) != first
    assert digest(briefing_page(tag="harbour")) != first  # a filter
    assert digest(briefing_page(related="Another story"), selectors=[]) != first  # no selector, all read


def test_a_page_without_a_body_marker_is_read_whole():
    page = b"<html><body><p>One</p></body></html>"
    assert digest(page) != digest(b"<html><body><p>Two</p></body></html>")
    assert digest(b"") == digest(b"")  # nothing to parse: the bytes' digest, no error


def test_the_selectors_are_those_of_the_command():
    command = ["pagefind", "--quiet", "--exclude-selectors", "a > b", "--exclude-selectors=.c"]
    assert command_selectors(command) == ["a > b", ".c"]


def test_a_page_is_parsed_again_only_when_its_bytes_changed(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "a.html").write_bytes(briefing_page())
    first, known = page_digests(str(tmp_path), ["b/a.html"], SELECTORS, {})
    assert list(first) == ["b/a.html"] and len(known) == 1
    known = {key: "as read before" for key in known}
    assert page_digests(str(tmp_path), ["b/a.html"], SELECTORS, known) == ({"b/a.html": "as read before"}, known)
    (tmp_path / "b" / "a.html").write_bytes(briefing_page(related="Another story"))
    again, kept = page_digests(str(tmp_path), ["b/a.html"], SELECTORS, known)
    assert again == first and list(kept) != list(known)  # read again; only the entry of the page as it is


def bundle_maker(made: list):
    def make_bundle(names, folder):
        made.append(tuple(names))
        with open(f"{folder}/names.json", "w") as handle:
            json.dump(names, handle)

    return make_bundle


def test_only_the_shards_whose_documents_changed_are_made_again(tmp_path):
    root = tmp_path / "pagefind"
    documents = {f"briefings/{n}/index.html": f"d{n}" for n in range(10)}
    made = []
    assert index_in_shards(documents, str(root), "v1", bundle_maker(made), per_shard=3) == (4, 4)
    assert sorted(name for names in made for name in names) == sorted(documents)
    bundles = json.loads((root / BUNDLES_FILE).read_text())
    assert bundles == {"merge": ["shards/1/", "shards/2/", "shards/3/"]}
    for shard in range(4):
        names = json.loads((tmp_path / bundle_folder("pagefind", shard) / "names.json").read_text())
        assert all(shard_of(name, 4) == shard for name in names)

    made.clear()
    assert index_in_shards(documents, str(root), "v1", bundle_maker(made), per_shard=3) == (0, 4)
    changed = "briefings/7/index.html"
    assert index_in_shards({**documents, changed: "new"}, str(root), "v1", bundle_maker(made), per_shard=3) == (1, 4)
    assert len(made) == 1 and changed in made[0]
    assert index_in_shards({**documents, changed: "new"}, str(root), "v2", bundle_maker(made), per_shard=3)[0] == 4
    made.clear()
    assert index_in_shards(documents, str(root), "v2", bundle_maker(made), again=True, per_shard=3) == (4, 4)


def test_an_index_of_fewer_shards_removes_the_others_and_keeps_what_is_not_its_own(tmp_path):
    root = tmp_path / "pagefind"
    (root / "quotes").mkdir(parents=True)
    (root / "quotes" / "entry").write_text("the quote index")
    (root / "fragment").mkdir()
    (root / "fragment" / "old.pf_fragment").write_text("an older index")
    documents = {f"briefings/{n}/index.html": f"d{n}" for n in range(10)}
    index_in_shards(documents, str(root), "v1", bundle_maker([]), keep=["quotes"], per_shard=3)
    assert not (root / "fragment").exists()  # Pagefind names files by content: old ones would stay
    small = dict(list(documents.items())[:2])
    assert index_in_shards(small, str(root), "v1", bundle_maker([]), keep=["quotes"], per_shard=3) == (1, 1)
    assert sorted(p.name for p in root.iterdir()) == [".briefing-indexed-from", BUNDLES_FILE, "names.json", "quotes"]
    assert (root / "quotes" / "entry").read_text() == "the quote index"
    assert json.loads((root / BUNDLES_FILE).read_text()) == {"merge": []}


def test_a_failed_shard_is_made_again_next_time(tmp_path):
    root = tmp_path / "pagefind"
    documents = {"briefings/a/index.html": "a"}

    def failing(names, folder):
        raise RuntimeError("pagefind failed")

    with pytest.raises(RuntimeError):
        index_in_shards(documents, str(root), "v1", failing)
    made = []
    assert index_in_shards(documents, str(root), "v1", bundle_maker(made)) == (1, 1)


def test_an_index_is_current_only_for_the_digest_it_recorded(tmp_path):
    folder = tmp_path / "pagefind"
    assert not is_current(str(folder), "abc")  # no folder, no index
    folder.mkdir()
    assert not is_current(str(folder), "abc")
    record(str(folder), "abc")
    assert is_current(str(folder), "abc") and not is_current(str(folder), "abd")


def test_pagefind_indexes_each_shard_and_a_changed_page_makes_only_its_own_again(tmp_path, capsys):
    output = tmp_path / "out"
    pages = {"quay": "The quay reopened.", "flood": "The flood receded.", "lock": "The lock held."}
    for name, text in pages.items():
        (output / "briefings" / name).mkdir(parents=True)
        (output / "briefings" / name / "index.html").write_bytes(briefing_page(name.title(), text))
    (output / "index.html").write_text("<p>home, not a briefing</p>")
    shards = {name: shard_of(f"briefings/{name}/index.html", 4) for name in pages}
    assert shards == {"quay": 1, "flood": 0, "lock": 2}  # the premise: shard 3 has no page
    command = [sys.executable, "-m", "pagefind", "--quiet", *[f"--exclude-selectors={s}" for s in SELECTORS]]
    assert index_briefings(str(output), command, per_shard=1) == (4, 4)
    assert indexed_count(str(output / "pagefind")) == 3
    assert json.loads((output / "pagefind" / BUNDLES_FILE).read_text()) == {"merge": ["shards/1/", "shards/2/"]}
    assert not (output / "pagefind" / "shards" / "3" / "pagefind-entry.json").exists()
    page = output / "briefings" / "lock" / "index.html"
    page.write_bytes(briefing_page("Lock", "The lock held.", related="Something else"))
    assert index_briefings(str(output), command, per_shard=1) == (0, 4)
    page.write_bytes(briefing_page("Lock", "The lock broke."))
    assert index_briefings(str(output), command, per_shard=1) == (1, 4)
    assert main([str(output), "--", *command]) == 0  # the default shard size: one shard for three pages
    assert "briefings indexed for search: 3" in capsys.readouterr().out
    assert main([str(output), "--", *command]) == 0 and "no page changed, index kept" in capsys.readouterr().out
    assert not (output / "pagefind" / "shards").exists()
    assert main([str(output)]) == 2
