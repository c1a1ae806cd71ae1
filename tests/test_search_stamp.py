"""The digest that says whether the briefings' search index is still that of the output's pages."""

from briefing.write.search_stamp import briefings_index_digest, is_current, record, site_pages


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
