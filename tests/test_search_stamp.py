"""The digest that says whether the briefings' search index is still that of the output's pages."""

import sys

from briefing.write.search_stamp import briefings_index_digest, is_current, main, record, site_pages


def make_output(root):
    (root / "briefings" / "a").mkdir(parents=True)
    (root / "briefings" / "a" / "index.html").write_text("<p data-pagefind-body>Quay reopens</p>")
    (root / "index.html").write_text("<p>home</p>")
    (root / "feeds").mkdir()
    (root / "feeds" / "all.atom.xml").write_text("<feed/>")
    (root / "pagefind").mkdir()
    (root / "pagefind" / "index.html").write_text("not a page of the site")
    return root


def test_the_index_is_made_from_every_page_but_its_own_files(tmp_path):
    output = make_output(tmp_path)
    assert [p.replace(str(output), "") for p in site_pages(str(output))] == ["/briefings/a/index.html", "/index.html"]


def test_the_digest_follows_the_pages_and_the_options(tmp_path):
    output = make_output(tmp_path)
    first = briefings_index_digest(str(output), "--quiet")
    assert briefings_index_digest(str(output), "--quiet") == first
    assert briefings_index_digest(str(output), "") != first
    (output / "feeds" / "all.atom.xml").write_text("<feed>changed</feed>")  # not a page
    (output / "pagefind" / "index.html").write_text("changed")  # the index's own
    assert briefings_index_digest(str(output), "--quiet") == first
    (output / "index.html").write_text("<p>home, changed</p>")
    assert briefings_index_digest(str(output), "--quiet") != first


def test_a_renamed_page_changes_the_digest(tmp_path):
    output = make_output(tmp_path)
    first = briefings_index_digest(str(output), "")
    (output / "briefings" / "a").rename(output / "briefings" / "b")
    assert briefings_index_digest(str(output), "") != first


def test_an_index_is_current_only_for_the_digest_it_recorded(tmp_path):
    folder = tmp_path / "pagefind"
    assert not is_current(str(folder), "abc")  # no folder, no index
    folder.mkdir()
    assert not is_current(str(folder), "abc")
    record(str(folder), "abc")
    assert is_current(str(folder), "abc") and not is_current(str(folder), "abd")


def test_the_command_runs_only_when_its_pages_or_itself_changed(tmp_path, capsys):
    output = make_output(tmp_path)
    runs = output / "runs.txt"
    index = f"import os; os.makedirs({str(output / 'pagefind')!r}, exist_ok=True); open({str(runs)!r}, 'a').write('x')"
    command = ["--", sys.executable, "-c", index]
    assert main([str(output), *command]) == 0 and runs.read_text() == "x"
    assert not (output / "pagefind" / "index.html").exists()  # the old index was removed first
    assert main([str(output), *command]) == 0 and runs.read_text() == "x"
    assert "index kept" in capsys.readouterr().out
    assert main([str(output), "--again", *command]) == 0 and runs.read_text() == "xx"
    (output / "index.html").write_text("<p>home, changed</p>")
    assert main([str(output), *command]) == 0 and runs.read_text() == "xxx"
    assert main([str(output), *command[:-1], index + "; raise SystemExit(3)"]) == 3  # another command
    assert main([str(output), *command[:-1], index + "; raise SystemExit(3)"]) == 3  # a failed one is not kept
    assert main([str(output)]) == 2


def test_the_briefings_index_made_again_leaves_the_quote_index_be(tmp_path):
    """The quote index (write/quote_search.py) is a folder inside the briefings' bundle with a digest of
    its own: it is made again when quotes.json changes, not whenever a page does."""
    output = make_output(tmp_path)
    quotes = output / "pagefind" / "quotes"
    quotes.mkdir()
    (quotes / "pagefind-entry.json").write_text("{}")
    (output / "pagefind" / "fragment").mkdir()
    (output / "pagefind" / "fragment" / "en_1.pf_fragment").write_text("old")
    command = ["--", sys.executable, "-c", "pass"]
    assert main([str(output), *command]) == 0
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == [".briefing-indexed-from", "quotes"]
    assert (quotes / "pagefind-entry.json").read_text() == "{}"
