"""The read stage on pasted pages written for these tests (tests/fixtures/*.txt).

Each fixture is a news page as a browser copy gives it: menus, headline, byline, prose, and the usual web
leftovers. The tests pin what goes into the briefing and what is cut, and with which kind.
"""

from __future__ import annotations

import functools
import re

import pytest
from briefing.read.extract import extract_article
from briefing.records import Briefing, RawArticle
from conftest import FIXTURES

NAVIGATION_KINDS = {"header", "footer", "navigation", "share", "related"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@functools.cache
def briefing_of(name: str) -> Briefing:
    data = (FIXTURES / name).read_bytes()
    return extract_article(RawArticle(f"articles/{name}", data))


def squash(text: str) -> str:
    return " ".join(text.split())


def body_text(briefing: Briefing) -> str:
    return "\n\n".join(briefing.body)


def cut_kinds(briefing: Briefing, line: str) -> set[str]:
    """Kinds of the cut blocks that hold `line` as one of their lines."""
    wanted = squash(line)
    return {block.kind for block in briefing.cut if wanted in (squash(t) for t in block.text.split("\n"))}


def assert_cut_not_body(briefing: Briefing, line: str, kinds: set[str]) -> None:
    wanted = squash(line)
    assert wanted not in [squash(p) for p in briefing.body], f"{line!r} is a paragraph of the body"
    found = cut_kinds(briefing, line)
    assert found, f"{line!r} is neither in the body nor in the cut blocks"
    assert found & kinds, f"{line!r} was cut as {sorted(found)}, expected one of {sorted(kinds)}"


def assert_body_is(briefing: Briefing, paragraphs: list[str]) -> None:
    """The body holds each real paragraph, in order, and nothing else."""
    text = body_text(briefing)
    positions = []
    for paragraph in paragraphs:
        assert paragraph in text, f"missing from the body: {paragraph[:60]!r}"
        positions.append(text.index(paragraph))
    assert positions == sorted(positions), "body paragraphs are out of order"
    assert len(briefing.body) == len(paragraphs), f"body has extra paragraphs: {briefing.body}"


# --- (a) wire story --------------------------------------------------------------------------------

WIRE = "wire_story.txt"
WIRE_PARAGRAPHS = [
    "The harbor authority of Port Wendell suspended all grain shipments on Sunday after a loading crane "
    "toppled onto a bulk carrier, leaving more than forty ships waiting at anchor outside the breakwater.",
    "No one was seriously hurt in the collapse, which happened shortly after the morning shift change, "
    "according to a statement from the authority. Two dock workers were treated at the scene for minor cuts "
    "and were later sent home.",
    "Port director Halvard Stenmark told reporters that engineers would inspect every crane on the north quay "
    "before loading resumed, a process he said could take at least a week.",
    "Traders said the halt could push up wheat prices across the region, where millers had been counting on "
    "the spring shipments to rebuild stocks that ran low over the winter.",
]


def test_wire_story_headline_is_the_title():
    assert briefing_of(WIRE).title == "Harbor authority halts grain shipments after crane collapse at Port Wendell"


def test_wire_story_byline_gives_both_authors_and_the_agency_as_source():
    briefing = briefing_of(WIRE)
    assert briefing.authors == ("Jane Doe", "John Roe")
    assert briefing.source == "Reuters"


def test_contributed_to_this_report_line_is_a_credit_not_body():
    briefing = briefing_of(WIRE)
    assert briefing.credits == ("The Associated Press",)
    assert_cut_not_body(briefing, "The Associated Press contributed to this report.", {"credit"})
    assert "contributed to this report" not in body_text(briefing)


def test_wire_story_date_comes_from_the_published_line():
    briefing = briefing_of(WIRE)
    assert briefing.date is not None and briefing.date[:10] == "2023-03-05"
    if "T" in briefing.date:  # a time, if kept, is the one on the line
        assert briefing.date.startswith("2023-03-05T15:04")
    assert briefing.date_source == "text"


def test_wire_story_body_is_the_story_paragraphs():
    assert_body_is(briefing_of(WIRE), WIRE_PARAGRAPHS)


def test_wire_story_byline_and_date_line_are_not_part_of_body():
    briefing = briefing_of(WIRE)
    assert "By Jane Doe" not in body_text(briefing)
    assert "Published 3:04 PM" not in body_text(briefing)
    assert cut_kinds(briefing, "By Jane Doe and John Roe, Reuters")
    assert cut_kinds(briefing, "Published 3:04 PM EDT, March 5, 2023")


def test_wire_story_navigation_header_is_cut_not_body():
    briefing = briefing_of(WIRE)
    assert_cut_not_body(briefing, "Skip to main content", NAVIGATION_KINDS)
    assert_cut_not_body(briefing, "World | Business | Markets | Sustainability | Legal | More", NAVIGATION_KINDS)


def test_wire_story_dateline_is_recognised():
    assert briefing_of(WIRE).dateline == "Port Wendell, Marovia"


# --- (b) blog post with comments --------------------------------------------------------------------

BLOG = "blog_post.txt"
BLOG_PARAGRAPHS = [
    "For eleven summers I treated every patch of clover in the back lawn as a small personal insult, and I "
    "spent far more on weed killer than I would like to admit to my neighbours.",
    "This spring I simply gave up, and the lawn has never looked better. The clover stays green through the "
    "dry weeks of July, it feeds the bees from the hives two doors down, and it has not needed a single bag "
    "of fertiliser.",
    "If you want to try the same thing, start by letting one corner of the garden go for a season and watch "
    "what moves in. You can always mow it back if you change your mind in the autumn.",
]
BLOG_COMMENT_LINES = [
    "3 Comments",
    "Mark Bell says:",
    "June 15, 2021 at 8:12 am",
    "Same story here. My father would be horrified, but the bees in our street have never been busier than "
    "they are this year.",
    "Priya Nandakumar says:",
    "Does the clover survive being walked on by two dogs all day, or does it wear through to bare soil by the "
    "end of summer?",
    "Leave a reply",
    "Your email address will not be published. Required fields are marked *",
]


def test_blog_post_body_is_the_post_paragraphs():
    assert_body_is(briefing_of(BLOG), BLOG_PARAGRAPHS)


def test_comment_section_is_not_part_of_body():
    briefing = briefing_of(BLOG)
    text = body_text(briefing)
    for line in BLOG_COMMENT_LINES:
        assert squash(line) not in squash(text), f"comment text in body: {line!r}"


@pytest.mark.parametrize("line", BLOG_COMMENT_LINES)
def test_comment_section_is_cut_as_comment(line):
    assert_cut_not_body(briefing_of(BLOG), line, {"comment"})


def test_commenters_are_not_authors():
    briefing = briefing_of(BLOG)
    assert "Mark Bell" not in briefing.authors
    assert "Priya Nandakumar" not in briefing.authors


def test_blog_menu_is_cut_not_body():
    briefing = briefing_of(BLOG)
    assert_cut_not_body(briefing, "Home About Recipes Contact", NAVIGATION_KINDS)


# --- (c) think-tank piece with bio and appeal ---------------------------------------------------------

THINK_TANK = "think_tank.txt"
THINK_TANK_PARAGRAPHS = [
    "Three governments along the upper river basin have spent the past decade negotiating over roads, power "
    "lines and border posts, but the agreement that will matter most for their citizens is the one they have "
    "not yet begun to draft: how to share the water.",
    "Rainfall across the basin has become less predictable in each of the last five growing seasons, and "
    "farmers on both sides of the border have responded by digging deeper wells and building small dams "
    "without any coordination between districts.",
    "A shared monitoring network would be a modest first step. It would give each capital the same numbers on "
    "river flow and groundwater levels, and it would take away one of the easiest excuses for delaying talks "
    "on the harder questions of allocation.",
    "Donors who have funded irrigation projects in the region for years are well placed to pay for such a "
    "network, and they should make future grants conditional on the data being published in the open.",
]
BIO = "Dana Whitfield is a senior fellow and contributor to The Policy Review."
APPEAL = (
    "The Policy Review is an independent, reader-supported publication. Support our independent analysis "
    "today by making a tax-deductible donation of any size."
)


def test_think_tank_body_is_the_analysis_paragraphs():
    assert_body_is(briefing_of(THINK_TANK), THINK_TANK_PARAGRAPHS)


def test_author_bio_is_cut_as_bio_not_body():
    briefing = briefing_of(THINK_TANK)
    assert "senior fellow" not in body_text(briefing)
    assert_cut_not_body(briefing, BIO, {"bio"})


def test_donation_appeal_is_cut_as_appeal_not_body():
    briefing = briefing_of(THINK_TANK)
    assert "donation" not in body_text(briefing)
    assert_cut_not_body(briefing, APPEAL, {"appeal"})


def test_think_tank_menu_is_cut_not_body():
    briefing = briefing_of(THINK_TANK)
    assert_cut_not_body(briefing, "Research | Analysis | Events | Experts | About", NAVIGATION_KINDS)


# --- (d) news page: menus, pull quote, caption, share prompts, related links ------------------------

NEWS = "news_page.txt"
PULL_QUOTE = (
    "We cannot keep asking families to rebuild every spring when we know exactly where the water is going to go"
)
NEWS_PARAGRAPHS = [
    "The city council voted six to one on Tuesday night to build a removable flood barrier along the "
    "riverfront district, ending two years of argument over how to protect the neighborhood from the spring "
    "floods that have soaked its basements in four of the last five years.",
    "The barrier will be made of steel panels that crews can slot into permanent footings along the river "
    "walk when the water rises, and lift out again once the danger has passed.",
    f'"{PULL_QUOTE}," Mayor Ellen Park said before the vote, adding that the city would apply for state money '
    "to cover part of the cost.",
    "The only vote against the plan came from council member Roy Haskins, who argued that the money would be "
    "better spent buying out the homes that flood most often and turning the land back into wetland.",
    "Construction is expected to begin next summer and to take about eighteen months, according to the city "
    "engineering office.",
]
RELATED_LINKS = [
    "Related stories",
    "Flood insurance rates climb for riverside homeowners",
    "Bridge repairs to close Elm Avenue through November",
    "What the new zoning map means for your street",
]


def test_photo_agency_credit_is_not_a_reporting_credit():
    assert briefing_of(NEWS).credits == ()


def test_news_page_body_is_the_story_paragraphs():
    assert_body_is(briefing_of(NEWS), NEWS_PARAGRAPHS)


def test_pull_quote_sentence_appears_exactly_once_in_body():
    assert body_text(briefing_of(NEWS)).count(PULL_QUOTE) == 1


def test_pull_quote_and_its_attribution_are_cut_as_pull_quote():
    briefing = briefing_of(NEWS)
    assert_cut_not_body(briefing, f'"{PULL_QUOTE}."', {"pull quote"})
    assert_cut_not_body(briefing, "— Mayor Ellen Park", {"pull quote"})


def test_photo_caption_and_its_credit_are_cut_not_body():
    briefing = briefing_of(NEWS)
    assert "sandbags" not in body_text(briefing)
    assert "AP Photo" not in body_text(briefing)
    assert_cut_not_body(
        briefing, "Workers stack sandbags along the Miller Street levee on Tuesday morning.", {"caption"}
    )
    assert_cut_not_body(briefing, "(AP Photo/John Smith)", {"caption", "credit", "photo credit"})


@pytest.mark.parametrize("prompt", ["Share this article", "Facebook", "Twitter", "Email"])
def test_share_prompts_are_cut_not_body(prompt):
    assert_cut_not_body(briefing_of(NEWS), prompt, NAVIGATION_KINDS)


@pytest.mark.parametrize("line", ["Menu", "Search", "Sign in", "News | Local | Politics | Sports | Weather | Opinion"])
def test_navigation_menu_lines_are_cut_not_body(line):
    assert_cut_not_body(briefing_of(NEWS), line, NAVIGATION_KINDS)


@pytest.mark.parametrize("line", RELATED_LINKS)
def test_related_links_at_the_end_are_cut_not_body(line):
    assert_cut_not_body(briefing_of(NEWS), line, NAVIGATION_KINDS)


# --- every fixture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "title", "authors", "sources", "day"),
    [
        # a personal blog may have no publication; if one is found it is the blog's name, never a commenter
        (
            BLOG,
            "Why I finally stopped fighting the clover in my lawn",
            ("Marjorie Flint",),
            (None, "The Quiet Garden"),
            "2021-06-14",
        ),
        (
            THINK_TANK,
            "Water rights are the next frontier of regional diplomacy in the Sahel",
            ("Dana Whitfield",),
            ("The Policy Review",),
            "2022-04-02",
        ),
        (
            NEWS,
            "City council approves new flood barrier for the riverfront district",
            ("Tom Alvarez",),
            ("The Riverside Courier",),
            "2022-10-11",
        ),
    ],
    ids=["blog", "think-tank", "news"],
)
def test_headline_author_source_and_date_of_each_page(page, title, authors, sources, day):
    briefing = briefing_of(page)
    assert briefing.title == title
    assert briefing.authors == authors
    assert briefing.source in sources
    assert briefing.date is not None and briefing.date[:10] == day  # the post's date, not a comment's
    assert briefing.credits == ()


def test_news_page_date_keeps_its_time_when_it_has_one():
    date = briefing_of(NEWS).date
    assert date == "2022-10-11" or date.startswith("2022-10-11T18:30")


ALL_FIXTURES = [WIRE, BLOG, THINK_TANK, NEWS]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_line_of_the_page_is_kept_in_body_or_cut(name):
    """Nothing of the pasted page is lost: each line is in the body or in a cut block."""
    briefing = briefing_of(name)
    body = squash(body_text(briefing))
    cut_lines = {squash(t) for block in briefing.cut for t in block.text.split("\n")}
    for raw_line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        line = squash(raw_line)
        if line:
            assert line in body or line in cut_lines, f"{name}: line lost: {line!r}"


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_headline_is_cut_as_headline_and_not_repeated_in_body(name):
    briefing = briefing_of(name)
    assert "headline" in cut_kinds(briefing, briefing.title)
    assert briefing.title not in body_text(briefing)


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_slug_is_made_from_the_title(name):
    briefing = briefing_of(name)
    assert SLUG.match(briefing.slug)
    assert briefing.slug == re.sub(r"[^a-z0-9]+", "-", briefing.title.lower()).strip("-")


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_summary_is_the_start_of_the_lede(name):
    briefing = briefing_of(name)
    lede = briefing.body[0]
    assert briefing.summary
    assert briefing.summary.rstrip("…") in lede


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_extraction_is_deterministic(name):
    data = (FIXTURES / name).read_bytes()
    first = extract_article(RawArticle(f"articles/{name}", data))
    second = extract_article(RawArticle(f"articles/{name}", data))
    assert first.to_dict() == second.to_dict()


def test_date_in_file_name_wins_over_date_in_text():
    data = (FIXTURES / WIRE).read_bytes()
    briefing = extract_article(RawArticle("articles/2023-03-07-port-wendell.txt", data))
    assert briefing.date == "2023-03-07"
    assert briefing.date_source == "file name"


def text_briefing(text: str) -> Briefing:
    return extract_article(RawArticle("articles/obituary.txt", text.encode()))


def test_a_date_the_story_talks_about_is_not_its_publication_date():
    briefing = text_briefing(
        "Ada Merriweather, harbour pilot who guided the last tall ship into Port Wendell, dies at 91\n\n"
        "Ada Merriweather, who was born in the pilot house at Port Wendell on April 22, 1933, and spent half a "
        "century steering ships through its narrow channel, has died at her home. She was 91.\n\n"
        "Her niece said she had kept her pilot's licence framed above the kitchen table until the end."
    )
    assert briefing.date is None


def test_a_date_that_opens_the_story_is_its_publication_date():
    briefing = text_briefing(
        "Harbour pilots end their strike at Port Wendell\n\n"
        "PORT WENDELL, March 3, 2024 (Coastal Wire) - Harbour pilots at Port Wendell went back to work on Sunday "
        "after the port authority agreed to hire six more pilots before the summer season begins."
    )
    assert briefing.date == "2024-03-03"
