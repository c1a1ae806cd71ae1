"""Which people, organizations, places and tags get a page of their own (BRIEFING_PAGE_MIN_BRIEFINGS),
through the corpus stage's one function, on briefings written for the test."""

from __future__ import annotations

import dataclasses

from briefing.corpus.archive import link_archive
from briefing.corpus.curation import parse_curation
from briefing.corpus.entity_index import tag_index, worth_a_page
from briefing.records import Briefing, NamedEntity
from briefing.settings import CorpusSettings

HARBOUR_MASTER = NamedEntity("Elin Sorvik", "person", ("Elin Sorvik", "Sorvik"), 3, 1, {"person": 3})
PORT = NamedEntity("Lune", "place", ("Lune",), 2, 0, {"place": 2})
ONCE_ONLY = NamedEntity("Tomas Varga", "person", ("Tomas Varga",), 1, 2, {"person": 1})


def briefing(name: str, *mentions: NamedEntity, tags: tuple[str, ...] = (), status: str = "published") -> Briefing:
    return Briefing(
        source_path=f"articles/{name}.txt",
        title=f"Port of Lune {name}",
        slug=name,
        body=("Harbour Master Elin Sorvik said the port of Lune would reopen.",),
        date="2024-03-01",
        tags=tags,
        status=status,
        mentions=mentions,
    )


def linked(briefings, curation=None, min_briefings: int = 2):
    settings = dataclasses.replace(CorpusSettings(), page_min_briefings=min_briefings)
    return link_archive(briefings, {b.source_path: b.slug for b in briefings}, curation, settings)


def urls(links, source_path: str) -> dict[str, str | None]:
    return {e.name: e.url for e in links.articles[source_path].entities}


def test_a_name_two_briefings_share_has_a_page_and_a_name_one_briefing_uses_has_none():
    links = linked([briefing("one", HARBOUR_MASTER, PORT, ONCE_ONLY), briefing("two", HARBOUR_MASTER, PORT)])
    assert set(links.entity_pages) == {"Elin Sorvik", "Lune"}
    first = urls(links, "articles/one.txt")
    assert first["Elin Sorvik"] == "people/elin-sorvik/"
    assert first["Tomas Varga"] is None  # still one of the article's entities, without a page
    assert links.entity_pages["Elin Sorvik"].articles == ["articles/one.txt", "articles/two.txt"]


def test_the_threshold_is_a_setting():
    briefings = [briefing("one", HARBOUR_MASTER, ONCE_ONLY), briefing("two", HARBOUR_MASTER)]
    assert set(linked(briefings, min_briefings=1).entity_pages) == {"Elin Sorvik", "Tomas Varga"}
    assert set(linked(briefings, min_briefings=3).entity_pages) == set()


def test_a_curated_name_has_a_page_even_when_one_briefing_names_it():
    curation = parse_curation("entities:\n  - name: Tomas Varga\n    type: person\n    aliases: [Varga]\n")
    links = linked([briefing("one", HARBOUR_MASTER, ONCE_ONLY), briefing("two", HARBOUR_MASTER)], curation)
    assert urls(links, "articles/one.txt")["Tomas Varga"] == "people/tomas-varga/"


def test_drafts_do_not_count_towards_a_page():
    links = linked([briefing("one", ONCE_ONLY), briefing("two", ONCE_ONLY, status="draft")])
    assert "Tomas Varga" not in links.entity_pages
    assert urls(links, "articles/two.txt")["Tomas Varga"] is None


def own_pages(links) -> set[str]:
    return {key for key, entry in links.tags.items() if entry.page}


def test_tags_two_briefings_share_get_a_page_whatever_their_case():
    links = linked(
        [
            briefing("one", HARBOUR_MASTER, tags=("Storms", "Fisheries")),
            briefing("two", HARBOUR_MASTER, tags=("storms",)),
        ]
    )
    assert own_pages(links) == {"storms"}
    assert links.tags["storms"].briefings == 2
    assert not links.tags["fisheries"].page and links.tags["fisheries"].entity is None
    assert "Fisheries" in links.articles["articles/one.txt"].tags  # archive.json keeps every tag


def test_a_tag_taken_from_an_entity_is_that_entitys_page_not_a_tag_page_of_its_own():
    links = linked([briefing("one", HARBOUR_MASTER), briefing("two", HARBOUR_MASTER)])
    assert "Elin Sorvik" in links.articles["articles/one.txt"].tags  # the most salient entity of both
    entry = links.tags["elin sorvik"]
    assert entry.entity == "Elin Sorvik" and not entry.page
    assert links.entity_pages["Elin Sorvik"].url == "people/elin-sorvik/"


def test_a_tag_front_matter_gives_keeps_its_own_page_when_it_names_an_entity():
    links = linked([briefing("one", HARBOUR_MASTER, tags=("Elin Sorvik",)), briefing("two", HARBOUR_MASTER)])
    entry = links.tags["elin sorvik"]
    assert entry.page and entry.entity is None and entry.briefings == 2


def test_tag_index_counts_briefings_and_keeps_curated_names():
    tags = [("Storms", "Lune"), ("storms",), ("Oakham",)]
    index = tag_index(tags, ["Oakham"], 2)
    assert {key for key, entry in index.items() if entry.page} == {"storms", "oakham"}
    assert index["storms"].name == "Storms"  # as the first briefing spells it
    assert {key for key, entry in tag_index(tags, [], 1).items() if entry.page} == {"storms", "lune", "oakham"}


def test_a_tag_naming_two_entities_with_pages_keeps_a_page_of_its_own():
    index = tag_index([("Georgia",), ("Georgia",)], [], 2, entity_names=["Georgia", "georgia"])
    assert index["georgia"].page and index["georgia"].entity is None
    index = tag_index([("Georgia",), ("Georgia",)], [], 2, entity_names=["Georgia"])
    assert index["georgia"].entity == "Georgia"


def test_worth_a_page_needs_a_briefing_unless_curated():
    assert not worth_a_page(0, False, 1)
    assert worth_a_page(0, True, 2)
    assert worth_a_page(2, False, 2)
    assert not worth_a_page(1, False, 2)
