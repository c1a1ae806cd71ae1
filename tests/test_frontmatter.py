"""User metadata: YAML front matter at the top of a file and sidecar NAME.yaml files."""

from __future__ import annotations

import codecs

import pytest
from briefing.read.extract import extract_article
from briefing.read.frontmatter import parse_metadata_yaml, split_front_matter
from briefing.records import RawArticle, UnusableFile
from conftest import FIXTURES

WIRE = (FIXTURES / "wire_story.txt").read_text(encoding="utf-8")


def extract(text: str, sidecar: str | None = None, name: str = "articles/port-wendell.txt"):
    return extract_article(RawArticle(name, text.encode("utf-8"), sidecar))


def with_front_matter(yaml_text: str, page: str = WIRE) -> str:
    return f"---\n{yaml_text.strip()}\n---\n{page}"


def test_file_without_front_matter_has_none():
    assert split_front_matter(WIRE) == (None, WIRE)


def test_front_matter_is_split_from_the_page_text():
    yaml_text, rest = split_front_matter(with_front_matter("title: Hello"))
    assert yaml_text == "title: Hello"
    assert rest == WIRE


def test_front_matter_overrides_title_date_authors_tags_and_slug():
    briefing = extract(
        with_front_matter(
            """
title: Crane collapse stops grain exports
date: 2023-03-06
authors: [Ana Lima, Piet Kroon]
tags: [ports, grain]
slug: crane-collapse
source: Marovia Shipping News
summary: A crane fell; the port is shut.
"""
        )
    )
    assert briefing.title == "Crane collapse stops grain exports"
    assert briefing.date == "2023-03-06"
    assert briefing.date_source == "front matter"
    assert briefing.authors == ("Ana Lima", "Piet Kroon")
    assert briefing.tags == ("ports", "grain")
    assert briefing.slug == "crane-collapse"
    assert briefing.source == "Marovia Shipping News"
    assert briefing.summary == "A crane fell; the port is shut."


def test_front_matter_date_wins_over_file_name_date():
    briefing = extract(with_front_matter("date: 2023-03-06"), name="articles/2023-03-05-port.txt")
    assert briefing.date == "2023-03-06"


def test_front_matter_date_in_written_form_is_normalised():
    assert extract(with_front_matter('date: "March 6, 2023"')).date == "2023-03-06"


def test_front_matter_datetime_is_kept_as_iso():
    briefing = extract(with_front_matter("date: 2023-03-06 14:30:00"))
    assert briefing.date.startswith("2023-03-06T14:30")


def test_front_matter_date_that_is_not_a_date_is_rejected():
    with pytest.raises(UnusableFile, match="date"):
        extract(with_front_matter("date: next tuesday-ish"))


def test_front_matter_tags_as_comma_separated_text():
    assert extract(with_front_matter("tags: ports, grain")).tags == ("ports", "grain")


def test_front_matter_keeps_what_extraction_found_for_keys_it_does_not_set():
    briefing = extract(with_front_matter("tags: [ports]"))
    assert briefing.title == "Harbor authority halts grain shipments after crane collapse at Port Wendell"
    assert briefing.authors == ("Jane Doe", "John Roe")
    assert briefing.credits == ("The Associated Press",)


def test_front_matter_is_not_part_of_body_or_cut():
    briefing = extract(with_front_matter("title: Crane collapse\ntags: [ports]"))
    everything = "\n".join(briefing.body) + "\n".join(block.text for block in briefing.cut)
    assert "tags:" not in everything and "---" not in everything


def test_draft_status_from_front_matter():
    assert extract(with_front_matter("status: draft")).status == "draft"


def test_unknown_status_is_rejected():
    with pytest.raises(UnusableFile, match="status"):
        extract(with_front_matter("status: secret"))


def test_unknown_front_matter_keys_are_ignored():
    briefing = extract(with_front_matter("layout: wide\ncolour: blue"))
    assert briefing.title == "Harbor authority halts grain shipments after crane collapse at Port Wendell"


def test_broken_yaml_is_rejected_with_the_reason():
    with pytest.raises(UnusableFile, match="not valid YAML") as caught:
        extract(with_front_matter("title: [Crane collapse\ntags: ports"))
    assert "front matter" in str(caught.value)


def test_yaml_python_object_tag_is_rejected_and_nothing_is_executed(tmp_path):
    marker = tmp_path / "executed"
    yaml_text = f'title: !!python/object/apply:os.system ["touch {marker}"]'
    with pytest.raises(UnusableFile, match="YAML"):
        extract(with_front_matter(yaml_text))
    with pytest.raises(UnusableFile):
        parse_metadata_yaml(yaml_text, "the front matter")
    assert not marker.exists()


@pytest.mark.parametrize(
    "yaml_text",
    [
        "!!python/object/apply:os.system ['true']",
        "title: !!python/object/new:builtins.str ['x']",
        "title: !!python/name:os.system",
        "title: !!python/object:collections.OrderedDict {}",
    ],
)
def test_yaml_python_tags_are_never_constructed(yaml_text):
    with pytest.raises(UnusableFile, match="YAML"):
        parse_metadata_yaml(yaml_text, "the front matter")


@pytest.mark.parametrize("yaml_text", ["- just\n- a list", "plain text", "42"])
def test_front_matter_that_is_not_a_mapping_is_rejected(yaml_text):
    with pytest.raises(UnusableFile, match="mapping"):
        extract(with_front_matter(yaml_text))


@pytest.mark.parametrize("yaml_text", ["title: [a, b]", "title: {a: b}", "authors: {a: b}", "tags: [[x]]"])
def test_front_matter_values_of_the_wrong_shape_are_rejected(yaml_text):
    with pytest.raises(UnusableFile):
        extract(with_front_matter(yaml_text))


def test_unclosed_front_matter_is_rejected():
    with pytest.raises(UnusableFile, match="never closed"):
        extract("---\ntitle: Crane collapse\n\n" + WIRE.replace("---", ""))


def test_file_with_only_front_matter_is_rejected():
    with pytest.raises(UnusableFile, match="no article text"):
        extract("---\ntitle: Crane collapse\n---\n\n   \n")


def test_empty_front_matter_changes_nothing():
    assert extract(with_front_matter("# just a comment")).to_dict() == extract(WIRE).to_dict()


def test_front_matter_survives_bom_and_crlf():
    text = with_front_matter("title: Crane collapse\ntags: [ports]").replace("\n", "\r\n")
    briefing = extract_article(RawArticle("articles/x.txt", codecs.BOM_UTF8 + text.encode("utf-8")))
    assert briefing.title == "Crane collapse"
    assert briefing.tags == ("ports",)


def test_front_matter_in_utf16_file_is_read():
    text = with_front_matter("title: Crane collapse")
    briefing = extract_article(RawArticle("articles/x.txt", text.encode("utf-16")))
    assert briefing.title == "Crane collapse"


def test_sidecar_yaml_sets_metadata():
    sidecar = "title: Port shut after crane falls\ntags: [ports, accidents]\nurl: https://example.org/port\n"
    briefing = extract(WIRE, sidecar=sidecar)
    assert briefing.title == "Port shut after crane falls"
    assert briefing.tags == ("ports", "accidents")
    assert briefing.url == "https://example.org/port"
    assert briefing.authors == ("Jane Doe", "John Roe")  # not set in the sidecar: extracted


def test_broken_sidecar_yaml_is_rejected_and_named():
    with pytest.raises(UnusableFile, match="sidecar"):
        extract(WIRE, sidecar="title: [unclosed\n")


def test_sidecar_python_tag_is_rejected(tmp_path):
    marker = tmp_path / "executed"
    with pytest.raises(UnusableFile):
        extract(WIRE, sidecar=f'title: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()


def test_empty_sidecar_changes_nothing():
    assert extract(WIRE, sidecar="").to_dict() == extract(WIRE).to_dict()
