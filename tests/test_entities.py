"""People, organizations and places: mention cleaning, per-article grouping, archive-wide merging, the
curated list, tags, entity pages and linking. The model runs for real where a test says `nlp`."""

from __future__ import annotations

from collections import Counter

import pytest
from briefing.corpus.canonical import canonicalize
from briefing.corpus.curation import CurationError, parse_curation
from briefing.corpus.entity_index import ArticleEntity, entity_pages, most_salient
from briefing.read.entities import LocalEntity, article_entities, clean_mention, name_key, variant_skeleton
from briefing.read.language import ArticleText, analyse
from briefing.read.nlp import NerSpan, prepared_for_recognition
from briefing.records import Briefing, CutBlock
from briefing.write.render import linked_paragraphs_html


def span_of(text: str, part: str, label: str, segment: int = 0) -> NerSpan:
    start = text.index(part)
    return NerSpan(segment, start, start + len(part), label)


def cleaned(text: str, part: str, label: str) -> str | None:
    span = span_of(text, part, label)
    found = clean_mention(text, span.start, span.end, span.label)
    return text[found[0] : found[1]] if found else None


# ----------------------------------------------------------------------------- mentions


@pytest.mark.parametrize(
    ("text", "part", "label", "expected"),
    [
        ("Foreign Minister Ana Ruiz arrived.", "Foreign Minister Ana Ruiz", "PERSON", "Ana Ruiz"),
        ("Brig Gen Tomas Varga spoke.", "Brig Gen Tomas Varga", "PERSON", "Tomas Varga"),
        ("It was Varga's plan.", "Varga's", "PERSON", "Varga"),
        ("The Harbour Authority of Lune said so.", "The Harbour Authority of Lune", "ORG", "Harbour Authority of Lune"),
        ("Redfield 4 Oakham 2", "Redfield 4", "GPE", "Redfield"),
        ("She flew to the U.S. on Monday.", "U.S", "GPE", "U.S."),
        ("Officials at State declined.", "State", "ORG", None),
        ("Ana Ruiz (Lune said", "Ana Ruiz (Lune", "PERSON", "Ana Ruiz"),
        ("He was in the kitchen.", "kitchen", "GPE", None),
        ("the Iranians agreed", "Iranians", "NORP", None),
    ],
)
def test_a_mention_is_the_name_without_titles_possessives_or_debris(text, part, label, expected):
    assert cleaned(text, part, label) == expected


def test_capital_headlines_are_read_in_title_case_without_moving_offsets():
    headline = "PORT AUTHORITY NAMES NEW CHIEF IN LUNE"
    prepared = prepared_for_recognition(headline)
    assert prepared == "Port Authority Names New Chief In Lune"
    assert len(prepared) == len(headline)
    assert prepared_for_recognition("Mixed Case stays") == "Mixed Case stays"


def test_spelling_skeletons_agree_for_transliterations_only():
    assert variant_skeleton(name_key("Qasem Soleimani")) == variant_skeleton(name_key("Qassem Suleimani"))
    assert variant_skeleton(name_key("Quds Force")) == variant_skeleton(name_key("Qods Force"))
    assert variant_skeleton(name_key("Mark Fielding")) != variant_skeleton(name_key("Mark Fielder"))


# ----------------------------------------------------------------------------- one article


def test_a_surname_joins_the_full_name_and_an_acronym_its_long_form():
    segments = [
        "Harbour board backs dredging plan",
        "Harbour Master Elin Sorvik said the Coastal Dredging Authority (CDA) would start in May.",
        "Sorvik said the CDA had the money. Later, Sorvik toured the docks.",
    ]
    spans = [
        span_of(segments[1], "Harbour Master Elin Sorvik", "PERSON", 1),
        span_of(segments[1], "Coastal Dredging Authority", "ORG", 1),
        span_of(segments[2], "Sorvik", "GPE", 2),
    ]
    entities = {e.name: e for e in article_entities(segments, spans)}
    person = entities["Elin Sorvik"]
    assert person.type == "person"  # the surname's one mis-typed mention does not split it
    assert set(person.mentions) == {"Elin Sorvik", "Sorvik"}
    assert person.count == 3  # the model missed the last "Sorvik"; it is counted anyway
    authority = entities["Coastal Dredging Authority"]
    assert authority.type == "organization"
    assert "CDA" in authority.mentions
    assert "Harbour Master Elin Sorvik" not in person.mentions


def test_a_spelling_variant_the_model_missed_is_a_mention():
    segments = ["Title", "The Qods Brigade marched; a Quds Brigade officer said so."]
    spans = [span_of(segments[1], "Quds Brigade", "ORG", 1)]
    (brigade,) = article_entities(segments, spans)
    assert set(brigade.mentions) == {"Quds Brigade", "Qods Brigade"}


def test_table_sides_are_teams_or_countries():
    segments = ["Results", "Redfield 4 Oakham 2", "Norway 1 Lune City 0"]
    spans = [span_of(segments[1], "Redfield", "GPE", 1), span_of(segments[2], "Norway", "GPE", 2)]
    entities = {e.name: e.type for e in article_entities(segments, spans, frozenset({1, 2}))}
    assert entities["Redfield"] == "organization"
    assert entities["Oakham"] == "organization"
    assert entities["Lune City"] == "organization"
    assert entities["Norway"] == "place"


# ----------------------------------------------------------------------------- the archive


def local(name, kind, mentions=None, count=1, first=1):
    return LocalEntity(name, kind, list(mentions or [name]), count, first, Counter({kind: count}))


def test_variants_merge_across_the_archive_and_the_type_is_the_majority():
    found = {
        "a.txt": [local("Qasem Soleimani", "person", ["Qasem Soleimani", "Soleimani"], 3)],
        "b.txt": [local("Qassem Soleimani", "person", count=2), local("Soleimani", "place")],
        "c.txt": [local("US", "place"), local("United States", "place"), local("U.S.", "place")],
    }
    result = canonicalize(found)
    assert result.names["a.txt"]["Qasem Soleimani"] == result.names["b.txt"]["Qassem Soleimani"]
    soleimani = result.names["b.txt"]["Soleimani"]
    assert soleimani == result.names["a.txt"]["Qasem Soleimani"]
    assert result.entities[soleimani].type == "person"
    assert {result.names["c.txt"][n] for n in ("US", "United States", "U.S.")} == {"United States"}


def test_different_people_are_not_merged():
    found = {
        "a.txt": [local("Mark Fielding", "person"), local("Anna Fielding", "person")],
        "b.txt": [local("Fielding", "person")],
        "c.txt": [local("Mark Field", "person")],
    }
    result = canonicalize(found)
    names = {result.names["a.txt"]["Mark Fielding"], result.names["a.txt"]["Anna Fielding"]}
    assert len(names) == 2
    assert result.names["b.txt"]["Fielding"] == "Fielding"  # two Fieldings: the surname stays apart
    assert result.names["c.txt"]["Mark Field"] == "Mark Field"


def test_the_curated_list_wins_and_ignores():
    curation = parse_curation(
        """
entities:
  - name: Lune Harbour Board
    type: organization
    aliases: [Harbour Board, LHB]
    description: The port's governing body.
    link: https://example.org/lhb
ignore: [Docks]
"""
    )
    found = {
        "a.txt": [local("Harbour Board", "place"), local("Docks", "place")],
        "b.txt": [local("LHB", "person")],
    }
    result = canonicalize(found, curation)
    assert result.names["a.txt"]["Harbour Board"] == "Lune Harbour Board"
    assert result.names["b.txt"]["LHB"] == "Lune Harbour Board"
    board = result.entities["Lune Harbour Board"]
    assert (board.type, board.description, board.link) == (
        "organization",
        "The port's governing body.",
        "https://example.org/lhb",
    )
    assert "Docks" not in result.names["a.txt"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("entities: [{name: X, type: animal}]", "'type' must be one of"),
        ("entities: [{type: person}]", "'name' must be"),
        ("entities: {name: X}", "'entities' must be a list"),
        ("people: []", "unknown key"),
        ("entities: [{name: X, type: person, link: 'javascript:alert(1)'}]", r"'link' must be an http\(s\) address"),
        ("entities: [", "not valid YAML"),
        ("!!python/object:os.system {}", "not valid YAML"),
    ],
)
def test_a_broken_curated_list_says_why(text, reason):
    with pytest.raises(CurationError, match=reason):
        parse_curation(text)


def test_tags_favour_the_headline_and_the_mentions():
    entities = [
        ArticleEntity("Lune", "place", ("Lune",), 2, 0),
        ArticleEntity("Elin Sorvik", "person", ("Elin Sorvik",), 4, 3),
        ArticleEntity("Oakham", "place", ("Oakham",), 1, 5),
    ]
    assert [e.name for e in most_salient(entities, 2)] == ["Lune", "Elin Sorvik"]


def test_entity_pages_have_distinct_slugs_quotes_and_companions():
    found = {
        "a.txt": [local("Lune-Oak", "organization"), local("Lune Oak", "organization"), local("Elin Sorvik", "person")],
        "b.txt": [local("Elin Sorvik", "person")],
    }
    result = canonicalize(found)
    article_entities_ = {
        key: [ArticleEntity(result.names[key][e.name], e.type, tuple(e.mentions), 1, 1) for e in entities]
        for key, entities in found.items()
    }
    pages = entity_pages(
        result, article_entities_, {"b.txt": [("We start in May.", "Elin Sorvik")]}, ["b.txt", "a.txt"]
    )
    slugs = sorted(p.slug for p in pages.values() if p.type == "organization")
    assert slugs == ["lune-oak", "lune-oak-2"]
    sorvik = pages["Elin Sorvik"]
    assert sorvik.articles == ["b.txt", "a.txt"]
    assert sorvik.quotes == [("We start in May.", "b.txt")]
    assert sorvik.url == "people/elin-sorvik/"
    assert dict(sorvik.companions)["Lune Oak"] == 1


def test_first_mentions_are_linked_and_article_text_stays_text():
    paragraphs = ['Elin <b>Sorvik</b> met Oakham & "Lune".', "Oakham again, and Lune."]
    html = linked_paragraphs_html(
        paragraphs, [(("Oakham",), "places/oakham/"), (("Lune", "Lune City"), "places/lune/")]
    )
    assert html.count('href="places/oakham/"') == 1
    assert html.count('href="places/lune/"') == 1
    assert "&lt;b&gt;Sorvik&lt;/b&gt;" in html
    assert "<b>" not in html
    assert '<a class="entity-link" href="places/oakham/">Oakham</a> &amp;' in html


# ----------------------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def nlp():
    from briefing.read.nlp import load_model

    return load_model()


def test_the_language_step_finds_people_places_and_quotes(nlp):
    briefing = Briefing(
        source_path="articles/x.txt",
        title="Lune port to reopen after storm",
        slug="x",
        body=[
            "LUNE, Norway (Reuters) - Harbour Master Elin Sorvik said on Tuesday that the port of Lune would reopen.",
            '"We expect the first ships by Friday," Sorvik told reporters in Oslo.',
        ],
        cut=[CutBlock("comment", "Peter Gallagher says: nonsense")],
    )
    (language,) = analyse([ArticleText.of(briefing)], nlp=nlp)
    by_name = {e.name: e for e in language.entities}
    assert by_name["Elin Sorvik"].type == "person"
    assert "Sorvik" in by_name["Elin Sorvik"].mentions
    assert by_name["Oslo"].type == "place"
    assert not any("Gallagher" in name for name in by_name)  # comments are not read
    assert [(q.text.rstrip(","), q.speaker) for q in language.quotes] == [
        ("We expect the first ships by Friday", "Elin Sorvik")
    ]


def test_two_processes_find_what_one_finds(nlp):
    from briefing.read.nlp import PARALLEL_MIN_TEXTS, recognise

    articles = [
        [f"Report {n}", f"Mayor Ana Ruiz of Lune met Peter Holm of the Harbour Board in Oslo on day {n}."]
        for n in range(PARALLEL_MIN_TEXTS * 2)
    ]
    assert recognise(articles, workers=2, nlp=nlp) == recognise(articles, workers=1, nlp=nlp)


def test_key_quotes_prefer_people_the_article_names_and_keep_text_order():
    from briefing.corpus.entity_index import key_quotes
    from briefing.records import Quote

    quotes = [
        Quote("The council has no money left for the harbour this year", "the council"),
        Quote("so-called", None),
        Quote("We will dredge the channel before the autumn storms arrive", "Elin Sorvik"),
        Quote("ok then", "Elin Sorvik"),
        Quote("The boats will be back in the harbour by the end of May", "Peter Holm"),
    ]
    shown = key_quotes(quotes, {"Elin Sorvik", "Peter Holm"}, 2)
    assert [q.speaker for q in shown] == ["Elin Sorvik", "Peter Holm"]
    assert [q.speaker for q in key_quotes(quotes, {"Elin Sorvik"}, 3)] == ["the council", "Elin Sorvik", "Peter Holm"]
