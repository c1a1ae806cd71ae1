"""The page model of pasted text: the shapes people paste (just the article, the whole page), one
headline before the body, a standfirst only under the headline, comments only after the body, and
nothing of the input lost."""

from __future__ import annotations

import pytest
from briefing.read.decode import decode_text
from briefing.read.extract import extract_article
from briefing.read.page_model import read_regions
from briefing.read.segment import segment_lines
from briefing.records import Extraction, RawArticle, UnusableFile
from hypothesis import given, settings
from hypothesis import strategies as st

HEADLINE = "Flood warnings issued across the valley"
PARAGRAPHS = [
    "Heavy rain is expected to continue through Friday, the weather service said in its morning update.",
    "Residents near the river were told to prepare sandbags and to move cars away from low streets.",
    "Schools in three towns will stay closed until the water recedes, the regional council announced.",
]


def read(text: str) -> Extraction:
    return extract_article(RawArticle("articles/pasted.txt", text.encode("utf-8")))


def removed(briefing: Extraction) -> str:
    return "\n".join(block.text for block in briefing.cut)


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("separator", ["\n\n", "\n"])
@pytest.mark.parametrize("headline_end", ["", "."])
def test_clean_paste_keeps_its_first_line_as_headline_and_every_paragraph(count, separator, headline_end):
    text = HEADLINE + headline_end + separator + separator.join(PARAGRAPHS[:count]) + "\n"
    briefing = read(text)
    assert briefing.title == HEADLINE + headline_end
    assert list(briefing.body) == PARAGRAPHS[:count]
    assert [block.kind for block in briefing.cut] == ["headline"]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_clean_paste_with_byline_and_date_lines(separator):
    text = separator.join([HEADLINE, "By Maria Lopez", "March 3, 2024", *PARAGRAPHS[:2]])
    briefing = read(text)
    assert briefing.title == HEADLINE
    assert briefing.authors == ("Maria Lopez",)
    assert briefing.date == "2024-03-03"
    assert list(briefing.body) == PARAGRAPHS[:2]


def test_first_example_of_a_short_clean_paste():
    text = (
        "Flood warnings issued across the valley\n\n"
        "Heavy rain is expected to continue through Friday, the weather service said.\n\n"
        "Residents near the river were told to prepare sandbags.\n"
    )
    briefing = read(text)
    assert briefing.title == "Flood warnings issued across the valley"
    assert briefing.body == (
        "Heavy rain is expected to continue through Friday, the weather service said.",
        "Residents near the river were told to prepare sandbags.",
    )


def test_second_example_without_blank_lines():
    text = (
        "Rail strike called off at last minute\n"
        "Unions and the operator reached a deal on Sunday night, ending a dispute that had threatened a week of "
        "cancellations.\n"
        "The agreement includes a 4% pay rise over two years, according to a statement from the union.\n"
        "\u201cWe are pleased that common sense prevailed,\u201d said union leader Ann Patel.\n"
    )
    briefing = read(text)
    assert briefing.title == "Rail strike called off at last minute"
    assert len(briefing.body) == 3
    assert briefing.body[1].startswith("The agreement includes a 4% pay rise")


def test_one_line_paste_is_its_headline():
    briefing = read("Storm knocks out power to thousands across the coast\n")
    assert briefing.title == "Storm knocks out power to thousands across the coast"
    assert briefing.body == ()


def test_headline_with_standfirst_and_byline():
    standfirst = "The deal ends a dispute that threatened a week of cancellations across the network."
    text = "\n\n".join(
        ["Rail strike called off at last minute", standfirst, "By Tom Reed", "June 2, 2024", *PARAGRAPHS]
    )
    briefing = read(text)
    assert briefing.title == "Rail strike called off at last minute"
    assert briefing.standfirst == standfirst
    assert list(briefing.body) == PARAGRAPHS
    assert briefing.authors == ("Tom Reed",)


def test_lede_is_not_a_standfirst_without_a_byline_between():
    text = "\n\n".join([HEADLINE, *PARAGRAPHS])
    briefing = read(text)
    assert briefing.standfirst is None
    assert list(briefing.body) == PARAGRAPHS


STORY = [
    "The city council voted on Tuesday night to build a flood barrier along the river, ending two years "
    "of argument over its cost and its route through the old harbour district.",
    "Supporters said the barrier would protect more than four thousand homes that flooded twice in the "
    "past decade, while opponents warned that the budget leaves no money for repairs to older levees.",
    "The work is expected to begin next spring and to take three years, the council said in a statement "
    "issued after the vote, adding that residents would be consulted on the final design of the wall.",
]
COMMENTS_WITHOUT_HEADER = [
    "Mark Bell says:",
    "March 4, 2024 at 9:12 am",
    "About time they did something about the river, my street has flooded every winter since I moved here.",
    "Reply",
    "Ann Cole says:",
    "March 4, 2024 at 10:40 am",
    "I would like to know who pays for the maintenance once the wall is built and the money has run out.",
    "Reply",
]


def test_comment_section_without_a_header_is_found_by_its_shape():
    text = "\n".join(["News | Local | Politics | Sports", HEADLINE, *STORY, *COMMENTS_WITHOUT_HEADER])
    briefing = read(text)
    assert list(briefing.body) == STORY
    comments = "\n".join(block.text for block in briefing.cut if block.kind == "comment")
    assert "About time they did something about the river" in comments
    assert "who pays for the maintenance" in comments


def test_comment_count_above_the_story_does_not_end_it():
    text = "\n".join(["News | Local | Politics | Sports", HEADLINE, "12 Comments", *STORY, "Share this article"])
    briefing = read(text)
    assert briefing.title == HEADLINE
    assert list(briefing.body) == STORY


def test_reply_line_inside_a_story_does_not_open_comments():
    text = "\n".join([HEADLINE, STORY[0], "Reply", STORY[1], STORY[2]])
    briefing = read(text)
    assert STORY[2] in briefing.body


def test_regions_follow_the_grammar_on_a_full_page():
    lines = segment_lines(
        "\n".join(
            [
                "Skip to content",
                "News | Local | Politics",
                HEADLINE,
                "By Maria Lopez",
                *STORY,
                "3 Comments",
                *COMMENTS_WITHOUT_HEADER,
                "Privacy policy",
                "Terms of use",
            ]
        )
    )
    regions = read_regions(lines)
    order = ["top", "headline", "standfirst", "meta", "body", "tail", "comments", "replies", "bottom"]
    ranks = [order.index(r) for r in regions.regions]
    assert ranks == sorted(ranks), regions.regions
    assert regions.regions.count("headline") == 1
    assert lines[regions.headline].text == HEADLINE
    assert {regions.regions[p] for p, line in enumerate(lines) if line.text in COMMENTS_WITHOUT_HEADER} <= {
        "comments",
        "replies",
        "bottom",
    }


PAGE_LINES = [
    HEADLINE,
    "By Jane Doe and John Roe, Reuters",
    "Published 3:04 PM EDT, March 5, 2023",
    *STORY,
    "\u201cWe cannot keep asking families to rebuild,\u201d the mayor said before the vote on the plan.",
    "3 Comments",
    *COMMENTS_WITHOUT_HEADER,
    "Leave a reply",
    "Share this article",
    "(AP Photo/John Smith)",
    "Dana Whitfield is a senior fellow and contributor to The Policy Review.",
    "The Associated Press contributed to this report.",
    "News | Local | Politics | Sports",
    "RESULTS Smith 12 Jones 9",
]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(PAGE_LINES) | st.text(min_size=1, max_size=120), min_size=1, max_size=40),
    st.sampled_from(["\n", "\n\n"]),
)
def test_nothing_of_the_input_is_lost(lines, separator):
    """Every non-blank line ends in the headline, the standfirst, the body or a removed block."""
    text = separator.join(lines)
    if text.lstrip().startswith("---"):
        return  # front matter is metadata, tested apart
    try:
        briefing = read(text)
    except UnusableFile:
        return
    shown = "\n".join([briefing.title, briefing.standfirst or "", *briefing.body, removed(briefing)])
    for line in segment_lines(decode_text(text.encode("utf-8"))[0]):
        assert line.text in shown, line.text


TEASERS = [
    "Museum shows a collection of tin toys given by a retired engineer who built most of them by hand in the "
    "shed at the back of his garden",
    "Football club signs a young goalkeeper from the academy of a rival side for an undisclosed fee - and he "
    "could play at the weekend",
    "Choir of the cathedral records a winter album in the crypt to raise money for its leaking roof, with a "
    "launch concert in December",
    "Farmers market moves to the square behind the station while the main street is dug up for new pipes for "
    "at least three months",
]
FLOOD_STORY = [
    "Heavy rain is expected to continue through Friday across the valley, the weather service said, with "
    "the river already above its banks at two gauges.",
    "Residents near the river were told to prepare sandbags, and the valley council opened its depot so "
    "that people could collect sandbags through the night.",
    "The weather service said the river would peak on Saturday, and that the flood warnings for the valley "
    "would stay in place at least until Sunday.",
    "Schools in three valley towns will stay closed until the river recedes, the council said, and buses "
    "will not run on the river road.",
]


FLOOD_STORY_LONG = [
    *FLOOD_STORY,
    "Farmers on the valley floor moved their cattle to higher fields on Thursday, and several said the river "
    "had not come this close to their barns since the winter of 1998.",
    "The valley council said its emergency number had taken more than four hundred calls since the river "
    "began to rise, most of them about blocked drains.",
    "Volunteers from the river rescue team checked on elderly residents in the lowest valley streets and "
    "offered lifts to the rest centre at the sports hall.",
    "The weather service said more rain would fall on the hills above the valley on Saturday night, which "
    "could keep the river high into next week.",
]
NEXT_STORY = [
    "A bakery on the market square has won a national prize for its rye bread, beating more than a hundred "
    "entries from all over the land.",
    "The bakery's owner said she had used the same recipe for the bread since she started the shop twelve "
    "years ago, with flour from a mill in the hills.",
    "The judges praised the bread's crust and said the bakery had shown that a small shop could match the "
    "best in the country.",
    "The owner said the prize money would pay for a second oven, so that the bakery could sell bread to the "
    "cafes on the square as well.",
]


def pasted_page(headline: str, byline: list[str], story: list[str], after: list[str]) -> Extraction:
    """A whole page as people paste it: menu, headline, byline lines, the story, what follows, footer."""
    lines = ["Home", "News", "Sign in", headline, *byline, *story, *after, "About us", "Contact"]
    return read("\n".join(lines) + "\n")


def test_teasers_of_other_stories_after_the_story_are_not_taken_for_more_of_it():
    briefing = pasted_page(HEADLINE, ["By Jane Roe"], FLOOD_STORY_LONG, ["More headlines", "Top videos", *TEASERS])
    assert list(briefing.body) == FLOOD_STORY_LONG
    assert all(teaser in removed(briefing) for teaser in TEASERS)


def test_the_next_story_run_on_below_this_one_is_not_part_of_it():
    after = ["Advertisement", "Bakery wins national prize for rye bread", *NEXT_STORY]
    briefing = pasted_page(HEADLINE, ["By Jane Roe"], FLOOD_STORY_LONG, after)
    assert briefing.title == HEADLINE
    assert list(briefing.body) == FLOOD_STORY_LONG
    assert all(paragraph in removed(briefing) for paragraph in NEXT_STORY)


BRIDGE_HEADLINE = "Council approves new bridge over the Ferris river after ten-year campaign"
BRIDGE_STORY = [
    "The county council has approved plans for a new bridge over the Ferris river, ending a campaign by "
    "residents that began ten years ago when the old ferry stopped running.",
    "The bridge will carry cyclists and pedestrians between the two halves of the town, and the council said "
    "work would start in the autumn if the last permits arrive in time.",
    "Residents who campaigned for the bridge said they were delighted, though some warned that the cost of "
    "the bridge had doubled since the first plans were drawn up.",
    "Work on the bridge is expected to take two years, and the council said the river path would stay open "
    "for most of that time.",
]
BRIDGE_COMMENTS = [
    "I have been waiting for this bridge for years and I am glad the council finally listened to the people "
    "who live by the river.",
    "Another waste of money. The ferry worked fine and nobody asked for a bridge that costs twice what they "
    "promised us.",
    "Does anyone know if the bridge will have lights? The river path is very dark in winter and I would not "
    "walk it at night.",
]
FIRST, SECOND, THIRD = BRIDGE_COMMENTS


@pytest.mark.parametrize(
    "section",
    [
        [
            "Sam Poole",
            FIRST,
            "Like · Reply · 2h",
            "Ann Lee",
            SECOND,
            "Like · Reply · 3h",
            "Bob Hart",
            THIRD,
            "Like · Reply · 5h",
        ],
        [
            "riverwatcher",
            "3 hours ago",
            FIRST,
            "Reply",
            "ferryfan",
            "4 hours ago",
            SECOND,
            "Reply",
            "darkpath",
            "6 hours ago",
            THIRD,
            "Reply",
        ],
        ["@riverwatcher 2h", FIRST, "12 likes", "@ferryfan 3h", SECOND, "4 likes", "@darkpath 5h", THIRD, "1 like"],
        [
            "12 Comments",
            "Sort by Best",
            "Sam Poole",
            "• 2 hours ago",
            FIRST,
            "Reply • Share ›",
            "Ann Lee",
            "• 3 hours ago",
            SECOND,
            "Reply • Share ›",
            "Bob Hart",
            "• 5 hours ago",
            THIRD,
            "Reply • Share ›",
        ],
        [
            "3 thoughts on “Council approves new bridge”",
            "Sam Poole says:",
            "March 5, 2024 at 5:02 pm",
            FIRST,
            "Reply",
            "Ann Lee says:",
            "March 5, 2024 at 6:10 pm",
            SECOND,
            "Reply",
            "Bob Hart says:",
            "March 6, 2024 at 8:45 am",
            THIRD,
            "Reply",
            "Leave a Reply",
        ],
    ],
    ids=["names-and-actions", "names-stamps-reply", "handles-with-ages", "threaded-widget", "blog-engine"],
)
def test_every_comment_of_a_section_is_set_apart_from_the_story_the_first_one_too(section):
    briefing = pasted_page(BRIDGE_HEADLINE, ["By Jane Roe", "March 5, 2024"], BRIDGE_STORY, section)
    assert briefing.title == BRIDGE_HEADLINE
    assert list(briefing.body) == BRIDGE_STORY
    comments = "\n".join(block.text for block in briefing.cut if block.kind == "comment")
    assert all(comment in comments for comment in BRIDGE_COMMENTS)


@pytest.mark.parametrize(
    "stamps",
    [("10:45 AM", "10:20 AM", "9:58 AM", "9:30 AM"), ("10:45 a.m. ET", "10:20 a.m. ET", "9:58 GMT", "9:30 GMT")],
)
def test_the_posts_of_a_live_report_stamped_with_their_times_stay_in_the_story(stamps):
    posts = [
        (
            "Bridge closed to traffic",
            "Police have closed the old bridge to all traffic after the river rose above "
            "the warning mark at the town gauge this morning.",
        ),
        (
            "Schools shut",
            "The county council says all schools on the river side of town will stay shut today, and "
            "parents should collect children from the rest centre.",
        ),
        (
            "Rain to continue",
            "The weather service says heavy rain will continue over the hills until the evening, "
            "and the river is not expected to peak before midnight.",
        ),
        (
            "Sandbags handed out",
            "Volunteers are handing out sandbags at the depot on Mill Lane, and the council has "
            "asked residents to take no more than ten bags each.",
        ),
    ]
    intro = (
        "Follow our live coverage of the floods in the valley as the river keeps rising through the morning "
        "and the town prepares for the worst of it."
    )
    story = [
        intro,
        *(line for stamp, (heading, post) in zip(stamps, posts, strict=True) for line in (stamp, heading, post)),
    ]
    briefing = pasted_page(
        "Flood live: river bursts its banks in Ferrisford", ["By Jane Roe", "Updated March 5, 2024"], story, []
    )
    body = "\n".join(briefing.body)
    assert all(post in body for _, post in posts)


def test_a_short_heading_and_a_share_bar_under_the_story_are_not_a_comment():
    ending = [
        "What happens next",
        "The authority will publish a new timetable for the bridge works in the spring.",
        "Share",
    ]
    briefing = pasted_page(BRIDGE_HEADLINE, ["By Jane Roe"], [*BRIDGE_STORY, *ending[:2]], ending[2:])
    assert ending[1] in "\n".join(briefing.body)


@pytest.mark.parametrize("line", ["The 1990s", "Depth 10 m", "Transfer fee 40m", "England Under-21s", "Men's 100 m"])
def test_numbers_with_units_are_not_commenter_lines(line):
    from briefing.read.comments import comment_shaped

    assert not comment_shaped(segment_lines(line)[0])
