"""Headline, byline and date of whole pasted pages: a copy of a news page with its menus, share bars,
photo credits and related links around the story (pages written for these tests)."""

from __future__ import annotations

import pytest
from briefing.read.boilerplate import is_leftover
from briefing.read.byline import parse_byline, parse_standalone_name
from briefing.read.extract import extract_article
from briefing.read.metadata import content_words, headline_score, site_names
from briefing.read.segment import segment_lines
from briefing.records import Briefing, RawArticle

MENU = ["Home", "News", "Local", "Sport", "Business", "Culture", "Opinion", "Subscribe", "Sign in"]
STORY = [
    "The river authority will open the new lock at Ferrisford to barges next spring, two years later than "
    "planned, after engineers found cracks in the lower gates during the final inspection.",
    "The lock was meant to shorten the trip between the quarries upstream and the port by half a day, and "
    "the barge operators had already signed contracts on that basis.",
    "The authority said the repairs would be paid for by the builder under the terms of the contract, and "
    "that no tolls would be raised to cover the delay.",
    "Operators said they would ask for the contracts to be changed, as the later opening means another "
    "season of the long way round through the old canal.",
]
FOOTER = [
    "Related stories",
    "Canal towpath to close for a month",
    "Quarry lorries banned from the high street",
    "About us",
    "Contact",
    "Privacy policy",
    "Terms of use",
]


def page(*middle: str, story: list[str] = STORY) -> Briefing:
    text = "\n".join([*MENU, *middle, *story, *FOOTER]) + "\n"
    return extract_article(RawArticle("articles/lock.txt", text.encode()))


HEADLINE = "Ferrisford lock opening delayed by two years after cracks found in gates"


def test_a_story_sentence_that_says_posted_does_not_make_its_date_the_publication_date():
    story = [
        "On June 2, 2021, the authority posted photos of the first gates being lifted into place, and the "
        "engineers said then that the work was on schedule.",
        *STORY,
    ]
    briefing = page(HEADLINE, "Mar 5, 2024 9:10 am", "By Jane Roe", story=story)
    assert briefing.date is not None and briefing.date[:10] == "2024-03-05"


def test_a_clause_with_a_date_above_the_headline_does_not_beat_the_date_of_the_byline():
    briefing = page("claimed on May 2, 2024 in a post online:", HEADLINE, "River desk", "By Jane Roe May 9, 2024")
    assert briefing.date is not None and briefing.date[:10] == "2024-05-09"


def test_a_date_line_under_an_introduction_byline_and_credit_is_found_when_none_is_nearer():
    briefing = page(
        HEADLINE,
        "Our series on the waterways follows the people who keep the region's old canals and rivers working, from "
        "the lock keepers who still open the gates by hand to the engineers who are building their replacements, "
        "and asks what the next twenty years will bring for the barges that carry the quarries' stone to the "
        "port and the towns that grew up along the way.",
        "By Jane Roe",
        "Photography by Sam Poole",
        "July 9, 2024",
    )
    assert briefing.date is not None and briefing.date[:10] == "2024-07-09"


DEK = "Engineers found cracks in the lower gates during the last inspection before the opening."


def test_a_standfirst_is_closed_by_a_byline_one_line_below_a_label_or_credit_line():
    briefing = page(HEADLINE, DEK, "Save article", "By Jane Roe", "March 5, 2024")
    assert briefing.title == HEADLINE
    assert briefing.standfirst == DEK
    assert briefing.authors == ("Jane Roe",)


CAPTION = "A barge waits below the old lock at Ferrisford while engineers inspect the new gates upstream"


def test_a_credits_label_line_under_the_photo_is_not_the_headline():
    briefing = page(HEADLINE, CAPTION, "Credits: Ferrisford River Authority", "Jane Roe", "Mar 5, 2024", "Article")
    assert briefing.title == HEADLINE


def test_a_name_and_publication_photo_credit_is_not_the_headline():
    briefing = page(HEADLINE, "Jane Roe / Ferrisford Gazette", CAPTION + ".", "By Jane Roe | Ferrisford Gazette")
    assert briefing.title == HEADLINE


@pytest.mark.parametrize("line", ["News by Jane Roe News Reporter", "Review by Jane Roe, Ferrisford Gazette"])
def test_a_section_label_before_a_byline_scores_nothing_as_a_headline(line):
    lede_words = content_words(line + " " + " ".join(STORY))  # every word of it is in the story
    assert headline_score(segment_lines(line)[0], lede_words) == 0.0
    assert headline_score(segment_lines(HEADLINE)[0], content_words(HEADLINE)) > 0.0


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane A. Roe", ["Jane A. Roe"]),
        ("By Sam T.J.", ["Sam T.J."]),
        ("By J.K. Poole and Jane Roe", ["J.K. Poole", "Jane Roe"]),
    ],
)
def test_a_byline_name_with_initials_is_read_whole(line, names):
    assert parse_byline(line) == (names, None)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Roe@_janeroe", ["Jane Roe"]),
        ("May 30, 2024 / Jane Roe", ["Jane Roe"]),
        ("Mar 5, 2024 by Jane Roe", ["Jane Roe"]),
    ],
)
def test_a_name_line_glued_to_a_handle_or_after_a_date_gives_the_name(line, names):
    parsed = parse_standalone_name(line)
    assert parsed is not None and parsed[0] == names


def test_the_name_next_to_the_date_under_the_headline_is_the_author():
    briefing = page(HEADLINE, "May 30, 2024 / Jane Roe", "Share this story", "Sam Poole")
    assert briefing.authors == ("Jane Roe",)


@pytest.mark.parametrize(
    ("line", "names", "source"),
    [
        ("By Jane Roe, Ferrisford Report", ["Jane Roe"], "Ferrisford Report"),
        ("By Jane Roe FERRISFORD GAZETTE", ["Jane Roe"], "FERRISFORD GAZETTE"),
        ("By Jane Roe and Sam Poole, Associated Press", ["Jane Roe", "Sam Poole"], "The Associated Press"),
        ("By Jane Roe III", ["Jane Roe III"], None),
    ],
)
def test_a_publication_after_the_byline_names_is_the_source_not_an_author(line, names, source):
    assert parse_byline(line) == (names, source)
    assert parse_standalone_name(line.removeprefix("By ")) == (names, source)


def test_the_date_under_a_headline_far_above_the_story_is_found():
    briefing = page(
        HEADLINE,
        "Mar 5, 2024 9:10 am",
        *[f"Ferrisford {place}" for place in ("Locks", "Weirs", "Towpaths", "Moorings", "Boatyards")] * 7,
        "Apr 2, 2023",
    )
    assert briefing.title == HEADLINE
    assert briefing.date is not None and briefing.date[:10] == "2024-03-05"


def test_a_byline_that_says_by_and_on_around_its_date_gives_the_date():
    briefing = page(HEADLINE, "by Riverdesk - Jane Roe on May 9, 2024", "Share", "Most read", "Apr 2, 2023")
    assert briefing.date is not None and briefing.date[:10] == "2024-05-09"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("News by Jane Roe News Reporter", (["Jane Roe"], None)),
        ("Analysis by Jane Roe, Ferrisford Report", (["Jane Roe"], "Ferrisford Report")),
        ("Photos by Jane Roe", None),
        ("Sponsored by Ferrisford Boats", None),
    ],
)
def test_a_section_label_before_by_is_a_byline_and_a_credit_is_not(line, expected):
    assert parse_byline(line) == expected


def test_a_by_line_under_a_photo_gallery_names_the_author():
    gallery = []
    for number in range(1, 6):
        gallery += [
            f"{number} of 5 |",
            f"FILE - A barge loaded with stone from the quarries waits below lock number {number} on the old canal "
            "near Ferrisford, as engineers inspect the gates of the new lock upstream, in March of last year.",
            "Read More",
        ]
    briefing = page(HEADLINE, *gallery, "By JANE ROE", "Share", "Facebook", "Print")
    assert briefing.title == HEADLINE
    assert briefing.authors == ("Jane Roe",)


def test_a_name_two_lines_from_the_date_above_the_headline_is_the_author():
    briefing = page("Jane Roe", "Waterways", "Mar 5, 2024 9:10 AM", HEADLINE)
    assert briefing.title == HEADLINE
    assert briefing.authors == ("Jane Roe",)


def test_the_photographer_in_a_photo_credit_is_not_the_author():
    briefing = page("By Jane Roe, Contributor, Ferrisford Gazette |", HEADLINE, DEK, "Sam Poole / Getty Images")
    assert briefing.authors == ("Jane Roe",)


def test_the_line_that_goes_on_with_a_byline_ending_in_a_comma_is_not_the_headline():
    briefing = page(
        HEADLINE,
        "Image: Ferrisford Archive",
        "Sign up for our newsletter",
        "Stay Connected",
        "By Jane Roe,",
        "River Authority Lock Engineer, Ferrisford",
        "By Jane Roe",
        "| May 9, 2024",
    )
    assert briefing.title == HEADLINE


def test_a_long_name_line_with_the_publication_and_date_gives_its_names():
    briefing = page(
        HEADLINE, DEK, "Jane Roe and Sam Poole, Ferrisford Gazette - Mar 5, 2024 3:06 pm UTC", "Enlarge", "12"
    )
    assert briefing.authors == ("Jane Roe", "Sam Poole")


@pytest.mark.parametrize("labels", [["Business"], ["Business", "Opinion", "Video"], ["World"]])
def test_a_section_label_above_the_headline_is_not_the_headline(labels):
    text = "\n\n".join(
        [
            *labels,
            "Harbour board delays the vote on port fees",
            "By Ann Patel, Reuters",
            "March 4, 2024",
            "The harbour board put off its vote on new port fees on Monday, after fishing crews asked for "
            "more time to study the plan.",
            "The board will meet again next month, its chair said, and the fees would not rise before the "
            "summer season.",
        ]
    )
    briefing = extract_article(RawArticle("articles/port-fees.txt", text.encode("utf-8")))
    assert briefing.title == "Harbour board delays the vote on port fees"
    assert briefing.authors == ("Ann Patel",)
    assert briefing.body[0].startswith("The harbour board put off its vote")
    assert any(block.text.startswith(labels[0]) for block in briefing.cut)  # kept, shown as removed


def test_an_affiliate_disclosure_above_the_headline_is_neither_headline_nor_story():
    disclosure = "We may earn a commission from links on this page"
    briefing = page(disclosure, "Waterways", HEADLINE, "By Jane Roe", "Mar 5, 2024", story=[disclosure + ".", *STORY])
    assert briefing.title == HEADLINE
    assert all("commission" not in paragraph for paragraph in briefing.body)
    assert any("commission" in block.text for block in briefing.cut)


def test_an_account_bar_copied_without_its_separators_is_a_leftover_and_no_headline():
    for bar in ("Log In Subscribe Sign Out", "Sign in Register", "Menu Search Close"):
        assert is_leftover(bar)
        assert headline_score(segment_lines(bar)[0], {"log", "subscr", "sign"}) == 0.0
    assert not is_leftover("Sign in to the new world of river freight")


def test_a_kicker_above_a_headline_that_reads_as_a_sentence_is_not_the_headline():
    question = "Will the lock at Ferrisford ever open to the barges that were promised it?"
    briefing = page(
        "Ferrisford Canal Trust",
        "Ferrisford Canal Trust",
        question,
        "Published Mar 5, 2024 9:10 am",
        "share",
        "Jane Roe",
    )
    assert briefing.title == question
    assert briefing.standfirst is None


def test_a_headline_over_its_lead_photo_and_byline_is_the_headline():
    headline = "Barge operators to wait two more years for Ferrisford lock, river authority says"
    caption = "FILE - Barges wait below the old lock at Ferrisford, March 2, 2024. (AP Photo/Sam Poole, File)"
    briefing = page("Ferrisford Lock Timeline and Key Dates", headline, caption, "By JANE ROE", "Share", "Email")
    assert briefing.title == headline


def test_a_news_agency_name_alone_is_no_headline():
    for agency in ("The Associated Press", "Reuters", "AFP"):
        assert headline_score(segment_lines(agency)[0], {"associ", "press", "reuter"}) == 0.0


def test_the_sites_name_printed_over_the_story_is_not_its_headline():
    text = "\n".join(
        [
            *MENU,
            "Barge and Lock News",
            "Subscribe",
            "Barge and Lock News",
            "Waterways",
            "Barge and Lock News",
            "Mar 5, 2024",
            HEADLINE,
            "Jane Roe",
            *STORY,
            *FOOTER,
            "Copyright 2024 © Barge and Lock News. All rights reserved.",
        ]
    )
    briefing = extract_article(RawArticle("articles/lock.txt", text.encode()))
    assert briefing.title == HEADLINE


def test_site_names_are_read_from_the_copyright_notice():
    notices = ["© 2024 The Ferrisford Gazette. All rights reserved.", "Copyright (c) 2020-2024 River Media Inc."]
    assert site_names(segment_lines("\n".join(notices))) == {"the ferrisford gazette", "river media"}


@pytest.mark.parametrize(
    "line", ["Click to save this article.", "Click to expand", "Website Terms of Use", "Our Privacy Notice"]
)
def test_prompts_and_legal_links_are_leftovers(line):
    assert is_leftover(line)
    assert headline_score(segment_lines(line)[0], content_words(line)) == 0.0


def test_a_photo_captions_date_is_not_the_publication_date():
    caption = "FILE - Barges wait below the old lock at Ferrisford, Saturday, Dec. 2, 2023. (AP Photo/Sam Poole, File)"
    assert page(HEADLINE, caption, "By JANE ROE", "Share").date is None
    assert page(HEADLINE, caption, "By JANE ROE", "March 5, 2024", "Share").date[:10] == "2024-03-05"


@pytest.mark.parametrize(
    "contact",
    [
        "Jane Roe can be reached at jroe@ferrisford-gazette.com or 555-0142.",
        "To contact the reporter on this story: Jane Roe in Ferrisford at jroe@gazette.example.",
    ],
)
def test_how_to_reach_the_writer_is_a_credit_not_story(contact):
    briefing = page(HEADLINE, "By Jane Roe", story=[*STORY, contact])
    assert list(briefing.body) == STORY
    assert any(block.kind == "credit" and contact in block.text for block in briefing.cut)


def test_a_copyright_notice_is_a_leftover_and_a_sentence_about_copyright_is_not():
    assert is_leftover("© 2007 - 2008 - Ferrisford Media")
    assert is_leftover("(c) 2008 Ferrisford Media")
    assert not is_leftover("Copyright law protects the plans of the lock, the authority said.")
    assert not is_leftover("(c) the third option is to close the lock for a year")


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the settlement, buyer's agents may earn a commission only if the seller agrees to pay it.",
        "Click to Do, a feature added to the new laptops last year, lets people act on what is on the screen.",
    ],
)
def test_story_sentences_that_look_like_site_prompts_stay_in_the_story(sentence):
    briefing = page(HEADLINE, "By Jane Roe", story=[STORY[0], sentence, *STORY[1:]])
    assert sentence in briefing.body


def test_only_a_copyright_notice_names_the_site():
    lines = ["The lawsuit alleges copyright infringement by the gazette, the publisher said.", "© 2024 N.Y. Daily News"]
    assert site_names(segment_lines("\n".join(lines))) == {"n.y. daily news"}
