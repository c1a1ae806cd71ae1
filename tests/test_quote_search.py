"""The quote index's search bundle, indexed by the real Pagefind: one record per statement, its speaker as
title and filter, where it is shown as `target` (its place on the speaker's page, or the briefing that
carried it when the speaker has no page), and nothing of it read as markup."""

import gzip
import json
import os
import subprocess
import sys

from briefing.write.quote_search import (
    QUOTE_INDEX_JSON,
    QUOTE_SEARCH_FOLDER,
    record_html,
    search_records,
    write_quote_search,
)
from conftest import REPO

HOSTILE = 'Jane <script>alert("x")</script> Doe'
DOCUMENT = {
    "language": "en",
    "speakers": [
        {
            "speaker": HOSTILE,
            "url": "quotes/jane-doe/",
            "quotes": [
                {
                    "id": "q-0000000000000001",
                    "text": "We will rebuild the bridge <b>by spring</b>.",
                    "url": "quotes/jane-doe/#q-0000000000000001",
                },
                {
                    "id": "q-0000000000000002",
                    "text": "Nobody was hurt, and that is what matters.",
                    "url": "quotes/jane-doe/#q-0000000000000002",
                },
            ],
        },
        {  # quoted by one briefing: no page of its own
            "speaker": "Harbour Authority",
            "url": None,
            "quotes": [
                {"id": "q-0000000000000003", "text": "The port reopens on Monday.", "url": "briefings/port-reopens/"}
            ],
        },
    ],
}


def fragments(folder) -> list[dict]:
    found = []
    for path in sorted((folder / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd") :]))
    return found


def index_quotes(output, document: dict, *options: str) -> subprocess.CompletedProcess:
    """What `make html` runs after the build, on an output folder holding `document` as quotes.json."""
    (output / QUOTE_INDEX_JSON).parent.mkdir(parents=True, exist_ok=True)
    (output / QUOTE_INDEX_JSON).write_text(json.dumps(document), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}
    command = [sys.executable, "-m", "briefing.write.quote_search", str(output), *options]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=True)


def test_every_statement_is_one_record_with_its_speaker_and_target(tmp_path):
    run = index_quotes(tmp_path, DOCUMENT)
    assert run.stdout.strip() == "quotes indexed for search: 3"
    folder = tmp_path / QUOTE_SEARCH_FOLDER
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3
    records = {f["meta"]["target"]: f for f in fragments(folder)}
    assert set(records) == {
        "quotes/jane-doe/#q-0000000000000001",
        "quotes/jane-doe/#q-0000000000000002",
        "briefings/port-reopens/",
    }
    port = records["briefings/port-reopens/"]
    assert port["content"] == "The port reopens on Monday."
    assert port["meta"]["title"] == "Harbour Authority"
    assert port["filters"] == {"speaker": ["Harbour Authority"]}
    bridge = records["quotes/jane-doe/#q-0000000000000001"]
    # the speaker's and the statement's words are text: indexed as written, never as markup
    assert bridge["meta"]["title"] == HOSTILE
    assert bridge["filters"] == {"speaker": [HOSTILE]}
    assert bridge["content"] == "We will rebuild the bridge <b>by spring</b>."


def test_a_record_page_escapes_what_the_article_wrote():
    html = record_html({"target": 'quotes/x/#q-1"><script>', "content": "<img src=x>", "speaker": HOSTILE})
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x&gt;" in html


def test_the_index_is_kept_while_the_quotes_stay_the_same(tmp_path):
    index_quotes(tmp_path, DOCUMENT)
    entry = tmp_path / QUOTE_SEARCH_FOLDER / "pagefind-entry.json"
    made = entry.stat().st_mtime_ns
    assert "index kept" in index_quotes(tmp_path, DOCUMENT).stdout
    assert entry.stat().st_mtime_ns == made
    assert "index kept" not in index_quotes(tmp_path, DOCUMENT, "--again").stdout  # `make search-index`
    changed = {**DOCUMENT, "speakers": DOCUMENT["speakers"][1:]}
    assert index_quotes(tmp_path, changed).stdout.strip() == "quotes indexed for search: 1"
    assert json.loads(entry.read_text())["languages"]["en"]["page_count"] == 1


def test_an_index_with_no_statements_is_still_written(tmp_path):
    index_quotes(tmp_path, {"language": "en", "speakers": []})
    assert (tmp_path / QUOTE_SEARCH_FOLDER / "pagefind-entry.json").is_file()


def test_a_statement_changed_makes_only_its_shard_of_the_index_again(tmp_path):
    records = search_records(DOCUMENT)
    folder = tmp_path / QUOTE_SEARCH_FOLDER
    assert write_quote_search(records, str(folder), per_shard=1) == (4, 4)
    merged = json.loads((folder / "bundles.json").read_text())["merge"]
    counts = [json.loads((folder / bundle / "pagefind-entry.json").read_text()) for bundle in ["", *merged]]
    assert sum(entry["languages"]["en"]["page_count"] for entry in counts if entry["languages"]) == 3
    assert write_quote_search(records, str(folder), again=False, per_shard=1) == (0, 4)
    changed = [*records[:2], {**records[2], "content": "The port reopens on Tuesday."}]
    assert write_quote_search(changed, str(folder), again=False, per_shard=1)[0] in (1, 2)  # its old and new shard
    targets = {f["meta"]["target"]: f["content"] for bundle in ["", *merged] for f in fragments(folder / bundle)}
    assert targets["briefings/port-reopens/"] == "The port reopens on Tuesday."
