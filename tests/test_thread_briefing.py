"""Thread briefings, the quote index and the digest, on invented coverage of one event by several outlets."""

from __future__ import annotations

import dataclasses
import hashlib
import time

import pytest
from briefing.corpus.digest import DatedStory, digest_periods
from briefing.corpus.near_duplicates import Groups, near_duplicate_groups, shingles, text_key
from briefing.corpus.quote_index import carried_quotes, quote_id, quote_index
from briefing.corpus.thread_briefing import (
    ThreadBriefing,
    ThreadStory,
    briefing_key,
    cached_thread_briefing,
    sentences,
    thread_briefing,
)
from briefing.records import Quote
from briefing.write.pages import readable_day, source_line

BRANDT = "Ilse Brandt"
PUMPS = (
    "We have asked the army for pumps and every family in the lowlands will be reached by tonight. "
    "Nobody will be left behind"
)
PUMPS_CUT = "We have asked the army for pumps and every family in the lowlands will be reached by tonight"
PUMPS_MARKS = "“We have asked the army for pumps, and every family in the lowlands will be reached by tonight.”"
SHARED_FACT = "The river Tasko burst its banks on Monday after three days of heavy rain over the Velmora valley."
SHARED_FACT_REWORDED = (
    "The river Tasko burst its banks on Monday after three days of torrential rain over the Velmora valley."
)


def story(key, date, source, body, quotes=(), entities=(), mentioned=(), summary=""):
    return ThreadStory(
        key=key,
        title=f"Headline of {key}",
        date=date,
        source=source,
        summary=summary or f"Summary of {key}.",
        body=tuple(body),
        dates_mentioned=tuple(mentioned),
        entities=tuple(entities),
        quotes=tuple(quotes),
    )


def flood_coverage() -> list[ThreadStory]:
    """One flood, three outlets (one of them twice) and a story of unknown source."""
    return [
        story(
            "a/courier-1",
            "2024-03-05",
            "Velmora Courier",
            [
                SHARED_FACT + " Rescue teams used boats to reach stranded families.",
                "On March 4, 2024, the regional governor declared an emergency in the valley.",
            ],
            [Quote(PUMPS, BRANDT), Quote("catastrophic", BRANDT, "phrase")],
            [(BRANDT, "person"), ("Velmora", "place"), ("Tasko", "place")],
            ["2024-03-04"],
        ),
        story(
            "a/gazette",
            "2024-03-06",
            "Valley Gazette",
            [SHARED_FACT_REWORDED + " Soldiers arrived with sandbags.", "The mayor thanked the army on Wednesday."],
            [Quote(PUMPS_CUT, BRANDT), Quote("The damage runs to two million euros", "Karl Ott")],
            [(BRANDT, "person"), ("Velmora", "place"), ("Karl Ott", "person")],
        ),
        story(
            "a/courier-2",
            "2024-03-07",
            "Velmora Courier",
            ["Shopkeepers began clearing mud as the water fell back. " + SHARED_FACT],
            [Quote(PUMPS_MARKS, None)],
            [("Velmora", "place")],
        ),
        story(
            "a/pasted",
            "2024-03-08",
            None,
            ["Insurers said claims from the Velmora flood had passed four hundred by Friday morning."],
            [Quote("Claims are still coming in from every street of the lowlands", "an insurer's spokesperson")],
            [("Velmora", "place"), ("Mutual Alliance", "organization")],
        ),
    ]


# --- quotes across stories ---------------------------------------------------------------------------


def test_a_statement_two_stories_carry_is_one_quote_with_both_stories():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    pumps = [q for q in briefing.quotes if "pumps" in q.text]
    assert len(pumps) == 1
    assert pumps[0].carried_by == ("a/courier-1", "a/gazette", "a/courier-2")
    assert pumps[0].speaker == BRANDT
    assert pumps[0].text == PUMPS_CUT  # the wording most stories carry (the gazette's, and the courier's later)
    once_each = carried_quotes([("a", Quote(PUMPS_CUT, BRANDT)), ("b", Quote(PUMPS, BRANDT))])
    assert [q.text for q in once_each] == [PUMPS]  # then the fullest


def test_no_quote_is_listed_twice_in_a_thread():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    keys = [text_key(q.text) for q in briefing.quotes]
    assert len(keys) == len(set(keys))
    assert len({q.id for q in briefing.quotes}) == len(briefing.quotes)


def test_phrases_stay_out_of_thread_quotes():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    assert all(q.text != "catastrophic" for q in briefing.quotes)


def test_the_same_words_under_two_named_speakers_stay_two_quotes():
    words = "We will rebuild every bridge in the valley before the winter comes"
    found = carried_quotes([("a", Quote(words, "Ilse Brandt")), ("b", Quote(words, "Karl Ott")), ("c", Quote(words))])
    assert sorted(q.speaker for q in found) == ["Ilse Brandt", "Karl Ott"]
    assert sum(len(q.carried_by) for q in found) == 3  # the unattributed one joins one of them, not both


def test_a_short_quote_inside_a_long_one_is_not_the_same_statement():
    found = carried_quotes(
        [
            ("a", Quote("temporary relocation", BRANDT)),
            ("b", Quote("an appropriate temporary relocation of staff", BRANDT)),
        ]
    )
    assert len(found) == 2


def test_two_statements_sharing_a_stock_phrase_stay_apart():
    first = "The situation in the lowlands remains very difficult for the families who stayed"
    second = "The situation in the capital remains calm after the protests ended on Sunday night"
    assert len(carried_quotes([("a", Quote(first, BRANDT)), ("b", Quote(second, BRANDT))])) == 2


def test_quote_id_is_stable_and_ignores_marks_and_case():
    assert quote_id("“We will rebuild,” she said.", BRANDT) == quote_id("we will rebuild she said", "ilse brandt")
    assert quote_id("We will rebuild", BRANDT) != quote_id("We will rebuild", "Karl Ott")
    # derived from the normalised words alone, so it is the same in every build and every process
    assert (
        quote_id("We will rebuild.", BRANDT) == "q-" + hashlib.sha256(b"ilse brandt\nwe will rebuild").hexdigest()[:16]
    )


def test_quote_index_lists_each_statement_once_newest_first_with_its_stories():
    quotes = {s.key: s.quotes for s in flood_coverage()}
    newest_first = ["a/pasted", "a/courier-2", "a/gazette", "a/courier-1"]
    index = {s.speaker: s for s in quote_index(quotes, newest_first)}
    assert set(index) == {BRANDT, "Karl Ott", "an insurer's spokesperson"}
    brandt = index[BRANDT].quotes
    assert len(brandt) == 1
    assert brandt[0].carried_by == ("a/courier-1", "a/gazette", "a/courier-2")
    more = {**quotes, "a/later": (Quote("The water is falling at last and the schools will open on Monday", BRANDT),)}
    brandt = {s.speaker: s for s in quote_index(more, ["a/later", *newest_first])}[BRANDT].quotes
    assert [q.carried_by[0] for q in brandt] == ["a/later", "a/courier-1"]


# --- the briefing ------------------------------------------------------------------------------------


def test_lead_is_the_central_story_summary():
    briefing = thread_briefing(flood_coverage(), "a/gazette")
    assert briefing.lead_key == "a/gazette"
    assert briefing.lead == "Summary of a/gazette."


def test_timeline_merges_publications_and_dated_events_in_order():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    entries = [(e.date[:10], e.kind, e.key) for e in briefing.timeline]
    assert entries[0] == ("2024-03-04", "event", "a/courier-1")
    assert briefing.timeline[0].text == "On March 4, 2024, the regional governor declared an emergency in the valley."
    assert [e for e in entries if e[1] == "published"] == [
        ("2024-03-05", "published", "a/courier-1"),
        ("2024-03-06", "published", "a/gazette"),
        ("2024-03-07", "published", "a/courier-2"),
        ("2024-03-08", "published", "a/pasted"),
    ]
    assert entries == sorted(entries, key=lambda e: e[0])


def test_a_date_the_read_stage_did_not_take_is_not_an_event():
    coverage = flood_coverage()
    coverage[0] = story("a/courier-1", "2024-03-05", "Velmora Courier", ["On March 4, 2024, it rained."], mentioned=[])
    assert all(e.kind == "published" for e in thread_briefing(coverage).timeline)


def test_who_is_involved_counts_the_stories_naming_each():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    counts = {i.name: i.stories for i in briefing.involved}
    assert counts["Velmora"] == 4 and counts[BRANDT] == 2 and counts["Karl Ott"] == 1
    assert briefing.involved[0].name == "Velmora"


def test_coverage_by_outlet_has_first_date_stories_and_what_only_it_reports():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    outlets = {o.source: o for o in briefing.outlets}
    assert list(outlets) == ["Velmora Courier", "Valley Gazette", None]
    courier = outlets["Velmora Courier"]
    assert courier.first == "2024-03-05" and courier.keys == ("a/courier-1", "a/courier-2")
    assert courier.only_names == ("Tasko",)
    gazette = outlets["Valley Gazette"]
    ott = next(q for q in briefing.quotes if q.speaker == "Karl Ott")
    assert gazette.only_names == ("Karl Ott",) and gazette.only_quotes == (ott.id,)
    pumps = next(q for q in briefing.quotes if "pumps" in q.text)
    assert all(pumps.id not in o.only_quotes for o in briefing.outlets)


def test_corroborated_facts_need_two_outlets():
    briefing = thread_briefing(flood_coverage(), "a/courier-1")
    assert len(briefing.corroborated) == 1
    fact = briefing.corroborated[0]
    assert fact.text == SHARED_FACT
    assert set(fact.keys) == {"a/courier-1", "a/gazette", "a/courier-2"}
    assert set(fact.sources) == {"Velmora Courier", "Valley Gazette"}
    one_outlet = [s for s in flood_coverage() if s.source == "Velmora Courier"]
    assert thread_briefing(one_outlet).corroborated == ()


def test_stories_of_unknown_source_are_outlets_of_their_own():
    coverage = [
        story("a/one", "2024-03-05", None, [SHARED_FACT]),
        story("a/two", "2024-03-06", None, [SHARED_FACT_REWORDED]),
    ]
    briefing = thread_briefing(coverage)
    assert [o.keys for o in briefing.outlets] == [("a/one",), ("a/two",)]
    assert len(briefing.corroborated) == 1


def test_sentences_are_cut_at_sentence_ends_not_at_initials_or_titles():
    text = (
        "The U.S. State Department spoke on Friday. Mr. Ott left at 5 p.m. and went home. "
        + '"We stay," he said. 2024 ends.'
    )
    assert sentences(text) == [
        "The U.S. State Department spoke on Friday.",
        "Mr. Ott left at 5 p.m. and went home.",
        '"We stay," he said.',
        "2024 ends.",
    ]


@pytest.mark.parametrize(
    ("count", "known", "unknown", "line"),
    [
        (2, ["FDD's Long War Journal"], 1, "2 briefings: FDD's Long War Journal and one unknown source"),
        (3, ["A", "B", "C"], 0, "3 briefings: A, B and C"),
        (2, [], 2, "2 briefings: two unknown sources"),
        (1, ["A"], 0, "1 briefing: A"),
    ],
)
def test_source_line_counts_only_known_sources(count, known, unknown, line):
    assert source_line(count, known, unknown) == line


def test_readable_day():
    assert readable_day("2018-09-27") == "27 September 2018"
    assert readable_day("2018-09-27T10:30") == "27 September 2018"


# --- the digest --------------------------------------------------------------------------------------


def test_digest_has_a_page_per_day_and_per_iso_week_newest_first():
    key_quote = Quote(PUMPS, BRANDT)
    periods = digest_periods(
        [
            DatedStory("a/1", "2024-12-30T09:00", "flood", key_quote),
            DatedStory("a/2", "2024-12-30", "flood"),
            DatedStory("a/3", "2024-12-30", None),
            DatedStory("a/4", "2025-01-02", "fire"),
            DatedStory("a/5", "2024-12-29", "flood"),
        ]
    )
    assert [(p.kind, p.slug) for p in periods] == [
        ("day", "2025-01-02"),
        ("day", "2024-12-30"),
        ("day", "2024-12-29"),
        ("week", "2025-W01"),
        ("week", "2024-W52"),
    ]
    day = periods[1]
    assert [t.slug for t in day.threads] == ["flood", None]  # the stories of no thread last
    assert [s.key for s in day.threads[0].stories] == ["a/2", "a/1"]
    assert next(s for s in day.threads[0].stories if s.key == "a/1").key_quote == key_quote
    week = periods[3]
    assert (week.start, week.end) == ("2024-12-30", "2025-01-05")
    assert week.story_count == 4


def test_undated_stories_are_in_no_digest():
    assert digest_periods([DatedStory("a/1", "", None)]) == ()


# --- the shingle index ------------------------------------------------------------------------------


def test_near_duplicates_are_found_by_containment_and_unrelated_texts_stay_apart():
    texts = ["one two three four five six", "zero one two three four five six seven", "eight nine ten eleven"]
    groups = Groups([None] * len(texts))
    near_duplicate_groups([shingles(text.split(), 3) for text in texts], groups, 0.8, 64)
    assert groups.members() == [[0, 1], [2]]


def test_a_long_shared_run_joins_two_long_texts_when_asked():
    run = " ".join(f"w{i}" for i in range(14))
    texts = [f"{run} " + " ".join(f"a{i}" for i in range(30)), " ".join(f"b{i}" for i in range(30)) + f" {run}"]
    sets = [shingles(text.split(), 3) for text in texts]
    for min_shared, expected in ((None, [[0], [1]]), (12, [[0, 1]])):
        groups = Groups([None, None])
        near_duplicate_groups(sets, groups, 0.7, 64, min_shared)
        assert groups.members() == expected


def test_texts_of_one_source_are_not_compared():
    sets = [shingles("the same words said twice over".split(), 3)] * 3
    groups = Groups([None] * 3)
    near_duplicate_groups(sets, groups, 0.8, 64, sources=["x", "x", "y"])
    assert groups.members() == [[0, 1, 2]]  # 0 and 1 meet through 2
    groups = Groups([None] * 2)
    near_duplicate_groups(sets[:2], groups, 0.8, 64, sources=["x", "x"])
    assert groups.members() == [[0], [1]]


def test_a_stock_shingle_keeps_its_first_texts_only():
    sets = [shingles(["the", "united", "states", f"w{i}"], 3) for i in range(10)]
    groups = Groups([None] * 10)
    near_duplicate_groups(sets, groups, 0.5, 3)
    assert groups.members() == [list(range(10))]  # each later text still meets the first three
    groups = Groups([None] * 10)
    near_duplicate_groups(sets, groups, 0.5, 0)
    assert len(groups.members()) == 10  # no postings kept: no candidates


def test_groups_never_join_two_labels():
    groups = Groups(["A", None, "B"])
    assert groups.join(0, 1)
    assert not groups.join(1, 2)
    assert groups.members() == [[0, 1], [2]]


def test_a_cached_briefing_is_the_briefing():
    class Memory(dict):
        def put(self, key, value):
            self[key] = ThreadBriefing.to_dict(value)

        def get(self, key):
            return ThreadBriefing.from_dict(self[key]) if key in self else None

    cache = Memory()
    fresh = thread_briefing(flood_coverage(), "a/courier-1")
    assert cached_thread_briefing(flood_coverage(), "a/courier-1", cache) == fresh
    assert len(cache) == 1
    assert cached_thread_briefing(flood_coverage(), "a/courier-1", cache) == fresh  # from the cache
    changed = [*flood_coverage()[:3], story("a/other", "2024-03-09", None, ["Something else happened today."])]
    assert cached_thread_briefing(changed, "a/courier-1", cache) == thread_briefing(changed, "a/courier-1")
    assert len(cache) == 2


def test_the_briefing_key_changes_with_every_field_of_a_story():
    base = ThreadStory(
        "a/one",
        "Title",
        "2024-03-05",
        "A",
        "Summary.",
        ("Body.",),
        ("2024-03-04",),
        (("Ann Lee", "PERSON"),),
        (Quote("We will rebuild.", "Ann Lee"),),
    )
    changed = {
        "key": "a/two",
        "title": "Other title",
        "date": "2024-03-06",
        "source": "B",
        "summary": "Other summary.",
        "body": ("Other body.",),
        "dates_mentioned": (),
        "entities": (("Ann Lee", "ORG"),),
        "quotes": (Quote("We will rebuild.", "Ann Lee", "phrase"),),
    }
    assert set(changed) == {field.name for field in dataclasses.fields(ThreadStory)}
    key = briefing_key([base], "a/one")
    assert briefing_key([base], "a/one") == key
    assert briefing_key([base], None) != key
    for name, value in changed.items():
        assert briefing_key([dataclasses.replace(base, **{name: value})], "a/one") != key, name


def test_a_sentence_mostly_in_quotation_marks_is_no_fact():
    quoted = '"We have asked the army for pumps for every family in the lowlands," the mayor said.'
    coverage = [story("a/one", "2024-03-05", "A", [quoted]), story("a/two", "2024-03-06", "B", [quoted])]
    assert thread_briefing(coverage).corroborated == ()
    reported = "The mayor said the army had brought pumps for every family in the lowlands on Monday."
    coverage = [story("a/one", "2024-03-05", "A", [reported]), story("a/two", "2024-03-06", "B", [reported])]
    assert len(thread_briefing(coverage).corroborated) == 1


def test_long_unusual_sentences_stay_fast():
    marks = "“" * 20000 + " word" * 20000 + ". " + '" ' * 20000
    coverage = [story("a/one", "2024-03-05", "A", [marks]), story("a/two", "2024-03-06", "B", [marks])]
    started = time.process_time()
    thread_briefing(coverage)
    assert time.process_time() - started < 5
