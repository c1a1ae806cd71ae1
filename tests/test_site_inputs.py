"""The digest of a site's inputs and the record of the last complete build (write/site_inputs.py)."""

from __future__ import annotations

import os

from briefing.write.site_inputs import (
    canonical,
    folder_digest,
    forget,
    is_unchanged,
    outputs_digest,
    record_path,
    remember,
)


def test_a_folders_digest_follows_its_files_bytes_and_names_not_their_times(tmp_path):
    (tmp_path / "a.txt").write_text("Harbour reopens", encoding="utf-8")
    first = folder_digest([tmp_path])
    os.utime(tmp_path / "a.txt", (1, 1))
    assert folder_digest([tmp_path]) == first
    (tmp_path / "a.txt").write_text("Harbour closes", encoding="utf-8")
    assert folder_digest([tmp_path]) != first
    (tmp_path / "a.txt").write_text("Harbour reopens", encoding="utf-8")
    (tmp_path / "a.txt").rename(tmp_path / "b.txt")
    assert folder_digest([tmp_path]) != first


def test_settings_read_the_same_in_every_run():
    class Filter:
        pass

    assert canonical({"B": {"x", "y", "z"}, "A": 1}) == canonical({"A": 1, "B": {"z", "x", "y"}})
    assert canonical([Filter()]) == canonical([Filter()])  # an object known by its address: by its type
    assert "0x" not in canonical(Filter())


def test_a_function_setting_counts_by_its_code():
    def upper(text):
        return text.upper()

    def lower(text):
        return text.lower()

    lower.__qualname__ = upper.__qualname__
    assert canonical(upper) != canonical(lower)
    assert canonical(upper) == canonical(upper)


def test_the_record_vouches_only_for_the_inputs_and_files_it_was_made_for(tmp_path):
    output, record = tmp_path / "out", record_path(str(tmp_path / "cache"), str(tmp_path / "out"))
    output.mkdir()
    (output / "index.html").write_text("<p>Harbour</p>", encoding="utf-8")
    written = ["index.html"]
    assert not is_unchanged(record, output, "inputs-1", written)  # no record yet
    remember(record, output, "inputs-1", written)
    assert is_unchanged(record, output, "inputs-1", written)
    assert not is_unchanged(record, output, "inputs-2", written)
    os.utime(output / "index.html", (1, 1))  # touched, or written by something else
    assert not is_unchanged(record, output, "inputs-1", written)
    remember(record, output, "inputs-1", written)
    (output / "index.html").unlink()
    assert outputs_digest(output, written) is None
    assert not is_unchanged(record, output, "inputs-1", written)
    forget(record)
    forget(record)  # already gone: nothing to do
    assert not os.path.exists(record)


def test_an_unreadable_record_vouches_for_nothing(tmp_path):
    record = tmp_path / "record.json"
    record.write_text("{not json", encoding="utf-8")
    (tmp_path / "index.html").write_text("x", encoding="utf-8")
    assert not is_unchanged(str(record), tmp_path, "inputs", ["index.html"])


def test_a_named_pipe_or_a_dangling_link_is_counted_never_opened(tmp_path):
    (tmp_path / "story.txt").write_text("Harbour reopens", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer for ever
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    first = folder_digest([tmp_path])
    assert folder_digest([tmp_path]) == first
