"""The quote index's search bundle, indexed by the real Pagefind: one record per statement, its speaker as
title and filter, its place on the speaker's page as `target`, and nothing of it read as markup."""

import gzip
import json

from briefing.write.quote_search import record_html, search_records, write_quote_search

HOSTILE = 'Jane <script>alert("x")</script> Doe'
DOCUMENT = {
    "language": "en",
    "speakers": [
        {
            "speaker": HOSTILE,
            "url": "quotes/jane-doe/",
            "quotes": [
                {"id": "q-0000000000000001", "text": "We will rebuild the bridge <b>by spring</b>."},
                {"id": "q-0000000000000002", "text": "Nobody was hurt, and that is what matters."},
            ],
        },
        {
            "speaker": "Harbour Authority",
            "url": "quotes/harbour-authority/",
            "quotes": [{"id": "q-0000000000000003", "text": "The port reopens on Monday."}],
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


def test_every_statement_is_one_record_with_its_speaker_and_target(tmp_path):
    folder = tmp_path / "pagefind" / "quotes"
    write_quote_search(search_records(DOCUMENT), str(folder))
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3
    records = {f["meta"]["target"]: f for f in fragments(folder)}
    assert set(records) == {
        "quotes/jane-doe/#q-0000000000000001",
        "quotes/jane-doe/#q-0000000000000002",
        "quotes/harbour-authority/#q-0000000000000003",
    }
    port = records["quotes/harbour-authority/#q-0000000000000003"]
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


def test_an_index_with_no_statements_is_still_written(tmp_path):
    folder = tmp_path / "quotes"
    write_quote_search([], str(folder))
    assert (folder / "pagefind-entry.json").is_file()
