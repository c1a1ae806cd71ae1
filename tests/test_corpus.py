"""The corpus stage: related stories, story threads and copies of one story, on invented coverage."""

from __future__ import annotations

from briefing.corpus.related import (
    StoryText,
    candidate_pairs,
    related_lists,
    similarity_graph,
    tfidf_matrix,
    tokenize,
)
from briefing.corpus.stories import StoryItem, link_stories
from briefing.corpus.threads import story_threads
from briefing.settings import BriefingSettings, RelatedSettings, StorySettings

FLOOD_A = (
    "Floods cut off Velmora as the river Tasko bursts its banks",
    "Rescue teams in Velmora used boats on Tuesday to reach families stranded by the river Tasko, which burst "
    "its banks after three days of rain. Mayor Ilse Brandt said 40 homes in the Velmora lowlands were under "
    "water and the regional governor had asked the army for pumps.",
)
FLOOD_B = (
    "Army sends pumps to flooded Velmora",
    "Soldiers arrived in Velmora on Wednesday with pumps and sandbags as the river Tasko kept rising. Mayor "
    "Ilse Brandt thanked the army and said the Velmora lowlands could stay under water for a week.",
)
FLOOD_C = (
    "Velmora counts the cost as the Tasko recedes",
    "Shopkeepers in Velmora began clearing mud on Friday as the river Tasko fell back. Mayor Ilse Brandt "
    "estimated the damage in the lowlands at two million euros and asked the government for help.",
)
FIRE_A = (
    "Wildfire forces evacuation of Corralta hillside villages",
    "A wildfire driven by strong winds forced the evacuation of three villages above Corralta on Sunday. "
    "Fire chief Marco Deluca said 200 firefighters and four aircraft were fighting the blaze near the "
    "Corralta pine forest.",
)
FIRE_B = (
    "Corralta wildfire contained after two days",
    "Firefighters contained the Corralta wildfire on Tuesday, fire chief Marco Deluca said, and residents "
    "of the evacuated villages above Corralta were allowed home. Four aircraft dropped water on the pine forest.",
)
BUDGET = (
    "Parliament passes a budget with higher school spending",
    "Lawmakers approved next year's budget on Thursday after a long debate over teacher pay. The finance "
    "minister Ana Sorel said school spending would rise by six percent while defence stays flat.",
)


def item(key: str, story: tuple[str, str], date: str | None = None, slug: str | None = None) -> StoryItem:
    return StoryItem(key=key, slug=slug or key.split("/")[-1], title=story[0], body=story[1], date=date)


def coverage(dates: bool = True) -> list[StoryItem]:
    return [
        item("a/flood-a", FLOOD_A, "2024-03-05" if dates else None),
        item("a/flood-b", FLOOD_B, "2024-03-06" if dates else None),
        item("a/flood-c", FLOOD_C, "2024-03-08" if dates else None),
        item("a/fire-a", FIRE_A, "2024-07-14" if dates else None),
        item("a/fire-b", FIRE_B, "2024-07-16" if dates else None),
        item("a/budget", BUDGET, "2024-10-03" if dates else None),
    ]


def test_coverage_of_one_event_is_related_and_best_first():
    links = link_stories(coverage())
    flood_related = [key for key, _ in links.related["a/flood-a"]]
    assert set(flood_related[:2]) == {"a/flood-b", "a/flood-c"}
    assert "a/budget" not in flood_related
    scores = [score for _, score in links.related["a/flood-a"]]
    assert scores == sorted(scores, reverse=True)


def test_related_links_are_mutual():
    links = link_stories(coverage())
    for key, related in links.related.items():
        for other, _ in related:
            assert key in [k for k, _ in links.related[other]], (key, other)


def test_each_event_gets_its_own_thread():
    links = link_stories(coverage())
    threads = {frozenset(t.keys) for t in links.threads}
    assert frozenset({"a/flood-a", "a/flood-b", "a/flood-c"}) in threads
    assert frozenset({"a/fire-a", "a/fire-b"}) in threads
    assert "a/budget" not in links.thread_of


def test_thread_lists_its_stories_oldest_first_and_is_named_after_the_oldest():
    links = link_stories(coverage())
    flood = next(t for t in links.threads if "a/flood-a" in t.keys)
    assert flood.keys == ("a/flood-a", "a/flood-b", "a/flood-c")
    assert flood.slug == "flood-a"
    assert flood.title in {FLOOD_A[0], FLOOD_B[0], FLOOD_C[0]}


def test_thread_slugs_do_not_change_when_an_unrelated_article_is_added():
    before = {t.slug: t.keys for t in link_stories(coverage()).threads}
    extra = [*coverage(), item("a/zz-election", ("Voters choose a new mayor in Hallin", "Turnout in Hallin was high."))]
    after = {t.slug: t.keys for t in link_stories(extra).threads}
    assert before == after


def test_stories_far_apart_in_time_do_not_share_a_thread():
    stories = coverage()
    stories[2] = item("a/flood-c", FLOOD_C, "2025-05-01")
    links = link_stories(stories)
    flood = next(t for t in links.threads if "a/flood-a" in t.keys)
    assert "a/flood-c" not in flood.keys


def test_two_events_of_the_same_kind_stay_apart():
    """Two different floods: the same vocabulary of disaster, different places and people."""
    other_flood_a = (
        "Hundreds leave Barnholt homes as the Ushe floods the old town",
        "Emergency crews moved hundreds of Barnholt residents to a sports hall on Monday after the Ushe flooded "
        "the old town overnight. Mayor Petra Lund said the water stood a metre deep in the market square.",
    )
    other_flood_b = (
        "Barnholt begins clean-up as the Ushe falls",
        "Residents of Barnholt started pumping out cellars on Thursday as the river Ushe fell. Mayor Petra Lund "
        "said the town would ask for emergency funds.",
    )
    stories = [*coverage(dates=False), item("b/other-flood-a", other_flood_a), item("b/other-flood-b", other_flood_b)]
    links = link_stories(stories)
    assert links.thread_of.get("a/flood-a") != links.thread_of.get("b/other-flood-a")
    assert links.related["b/other-flood-a"][0][0] == "b/other-flood-b"


def test_copies_of_one_wire_story_are_not_related_but_copies():
    body = " ".join([FLOOD_A[1], FLOOD_B[1], FLOOD_C[1]])
    stories = [
        *coverage(),
        item("w/wire-1", ("Velmora under water", body), "2024-03-06"),
        item(
            "w/wire-2", ("Floods in Velmora: the army helps", body + " The Associated Press contributed."), "2024-03-06"
        ),
    ]
    links = link_stories(stories)
    assert links.copies["w/wire-1"] == ["w/wire-2"]
    assert links.copies["w/wire-2"] == ["w/wire-1"]
    assert "w/wire-2" not in [k for k, _ in links.related["w/wire-1"]]


def test_front_matter_related_wins():
    stories = coverage()
    stories[5] = StoryItem("a/budget", "budget", BUDGET[0], BUDGET[1], "2024-10-03", manual_related=("fire-a", "nope"))
    links = link_stories(stories)
    assert links.related["a/budget"] == [("a/fire-a", 1.0)]


def test_candidate_search_finds_each_storys_best_match_without_all_pairs():
    stories = [StoryText(i.key, i.title, i.body, i.date) for i in coverage()]
    matrix = tfidf_matrix(stories)
    rows, columns = candidate_pairs(matrix, per_row=2)
    assert len(rows) <= 2 * len(stories)
    assert (0, 1) in set(zip(rows.tolist(), columns.tolist(), strict=True))
    assert all(r != c for r, c in zip(rows.tolist(), columns.tolist(), strict=True))


def test_closeness_in_time_raises_the_score():
    near = [StoryText("1", *FIRE_A, "2024-07-14"), StoryText("2", *FIRE_B, "2024-07-15")]
    far = [StoryText("1", *FIRE_A, "2024-07-14"), StoryText("2", *FIRE_B, "2025-07-15")]
    settings = RelatedSettings()
    assert similarity_graph(near, settings)[0][1] > similarity_graph(far, settings)[0][1]


def test_a_lone_article_has_no_links_and_no_thread():
    links = link_stories([item("a/only", BUDGET, "2024-01-01")])
    assert links.related == {"a/only": []}
    assert links.threads == []


def test_threads_join_by_average_not_by_one_chain():
    # a-b and b-c are close, a-c far: with a high threshold the average keeps c out
    graph = {0: {1: 0.9, 2: 0.05}, 1: {0: 0.9, 2: 0.5}, 2: {0: 0.05, 1: 0.5}}
    threads = story_threads(graph, [None, None, None], threshold=0.4)
    assert [t.members for t in threads] == [(0, 1)]


def test_settings_change_the_result():
    strict = StorySettings(related=RelatedSettings(threshold=0.99, fallback_count=0), thread_threshold=0.99)
    links = link_stories(coverage(), strict)
    assert links.threads == []
    assert all(not related for related in links.related.values())


def test_two_tight_groups_of_one_kind_stay_two_threads():
    """Five reports of each of two quakes in one region: every cross pair scores 0.25 (above the thread
    threshold), but each group scores 0.6 within, so they are two events."""
    first, second = range(5), range(5, 10)
    graph: dict[int, dict[int, float]] = {i: {} for i in range(10)}
    for a in range(10):
        for b in range(10):
            if a != b:
                graph[a][b] = 0.6 if (a in first) == (b in first) else 0.25
    threads = story_threads(graph, [None] * 10, threshold=0.16)
    assert sorted(t.members for t in threads) == [tuple(first), tuple(second)]


def test_groups_nearly_as_close_across_as_within_join_one_thread():
    graph: dict[int, dict[int, float]] = {i: {} for i in range(10)}
    for a in range(10):
        for b in range(10):
            if a != b:
                graph[a][b] = 0.6 if (a < 5) == (b < 5) else 0.5
    threads = story_threads(graph, [None] * 10, threshold=0.16)
    assert [t.members for t in threads] == [tuple(range(10))]


def test_a_story_sharing_its_closest_matches_ranks_above_a_slightly_closer_loner():
    """Story 0 scores 0.40 against 1 and 0.42 against 2; 0 and 1 are both close to 3 and 4 (one event),
    2 is close to nothing else: 1 is listed first."""
    edges = {(0, 1): 0.40, (0, 2): 0.42, (0, 3): 0.5, (0, 4): 0.5, (1, 3): 0.5, (1, 4): 0.5, (3, 4): 0.5}
    graph: dict[int, dict[int, float]] = {i: {} for i in range(5)}
    for (a, b), score in edges.items():
        graph[a][b] = graph[b][a] = score
    order = [other for other, _ in related_lists(graph, [], RelatedSettings(threshold=0.3))[0]]
    assert order.index(1) < order.index(2)


def test_a_decimal_number_is_one_word():
    """A 4.6 quake and a 4.4 quake share no number word; a time and a sum stay whole too."""
    assert len(tokenize("magnitude 4.6 at 9:27 for $1,200,000")) == 6
    assert not set(tokenize("magnitude 4.6")) & set(tokenize("magnitude 4.4")) - {"magnitude"}


def test_pelican_settings_reach_the_corpus_stage():
    settings = BriefingSettings.from_pelican(
        {"BRIEFING_RELATED_THRESHOLD": 0.5, "BRIEFING_ENTITY_WEIGHT": 0.2, "BRIEFING_THREAD_WINDOW_DAYS": 7}
    )
    assert settings.corpus.stories.related.threshold == 0.5
    assert settings.corpus.stories.related.entity_weight == 0.2
    assert settings.corpus.stories.thread_window_days == 7
    assert BriefingSettings.from_pelican({}).corpus.stories == StorySettings()


def test_shared_entities_raise_the_score_when_weighted():
    flood = [StoryText("1", *FLOOD_A, entities=frozenset({"Velmora", "Ilse Brandt"})), StoryText("2", *FLOOD_B)]
    named = [flood[0], StoryText("2", *FLOOD_B, entities=frozenset({"Velmora", "Ilse Brandt"}))]
    weighted = RelatedSettings(entity_weight=0.5)
    assert similarity_graph(named, weighted)[0][1] > similarity_graph(named, RelatedSettings())[0][1]
    assert similarity_graph(flood, weighted)[0][1] == similarity_graph(flood, RelatedSettings())[0][1]
