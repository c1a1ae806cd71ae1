"""Fingerprints of what a page reads (write/page_fingerprints.py): a page is rendered again exactly when
something it shows changed, on objects written for the test."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.write.page_fingerprints import PageFingerprints


class Story:
    """A unit: it has a page of its own."""

    def __init__(self, slug: str, title: str, related=(), settings=None):
        self.slug, self.title, self.related, self.settings = slug, title, list(related), settings

    @property
    def save_as(self) -> str:
        return f"stories/{self.slug}/index.html"


@dataclass(frozen=True)
class Byline:
    name: str
    outlet: str


@dataclass(frozen=True)
class Record:
    text: str
    tags: tuple[str, ...] = field(default_factory=tuple)


SETTINGS = {"SITENAME": "Harbour desk"}


def fingerprints(**kwargs) -> PageFingerprints:
    def name(obj):
        return f"story {obj.slug}" if isinstance(obj, Story) else None

    def attributes(obj, as_card):
        return {k: v for k, v in vars(obj).items() if k != "settings"}

    return PageFingerprints(name, attributes, shared=[SETTINGS], **kwargs)


def page_of(story: Story, **kwargs) -> str | None:
    return fingerprints(**kwargs).fingerprint({"article": story, "SITEURL": ".."}, b"article.html")


def test_the_same_values_give_the_same_fingerprint_in_every_build():
    def build():
        neighbour = Story("tide", "Tide tables change")
        return page_of(Story("port", "Port reopens", [neighbour], SETTINGS))

    assert build() == build()
    assert len(build()) == 64


def test_a_page_changes_with_its_story_and_with_the_headline_of_a_story_it_links_to():
    neighbour = Story("tide", "Tide tables change")
    story = Story("port", "Port reopens", [neighbour])
    first = page_of(story)
    neighbour.title = "Tide tables changed again"
    assert page_of(story) != first
    story.title = "Port reopens at last"
    assert page_of(story) not in {first, None}


def test_a_story_two_links_away_does_not_change_the_page():
    far = Story("storm", "Storm warning")
    neighbour = Story("tide", "Tide tables change", [far])
    story = Story("port", "Port reopens", [neighbour])
    first = page_of(story)
    far.title = "Storm warning lifted"  # the page shows its neighbour's card, not the neighbour's links
    assert page_of(story) == first
    neighbour.related = [Story("quay", "Quay closes")]  # a card names the units it leads to
    assert page_of(story) != first


def test_the_shared_settings_are_named_not_read():
    story = Story("port", "Port reopens", settings=SETTINGS)
    first = page_of(story)
    SETTINGS["SITENAME"] = "Another desk"  # the caller makes the settings part of every fingerprint once
    try:
        assert page_of(story) == first
    finally:
        SETTINGS["SITENAME"] = "Harbour desk"


def test_records_are_read_by_their_fields_and_summaries_as_the_caller_says():
    story = Story("port", "Port reopens")
    story.byline = Byline("Ann Patel", "Coast Courier")
    story.record = Record("Heavy rain", ("weather",))
    first = page_of(story, records=(Record,))
    story.record = Record("Heavy rain", ("weather",))  # another object, the same fields
    assert page_of(story, records=(Record,)) == first
    story.record = Record("Light rain", ("weather",))
    assert page_of(story, records=(Record,)) != first
    summary = {Byline: lambda byline: byline.name}
    story.byline = Byline("Ann Patel", "Valley Gazette")
    with_summary = page_of(story, summaries=summary)
    story.byline = Byline("Ann Patel", "Coast Courier")  # only the name counts, as the caller says
    assert page_of(story, summaries=summary) == with_summary


def test_a_value_that_cannot_be_put_into_bytes_means_the_page_is_always_rendered():
    story = Story("port", "Port reopens")
    story.formatter = lambda text: text.upper()  # a function defined in place
    assert page_of(story) is None


def test_equal_values_give_the_same_fingerprint_whether_or_not_they_are_one_object():
    name = "".join(["Ann ", "Patel"])  # a string made at run time: one object, used twice
    fresh = Story("port", "Port reopens")
    fresh.byline = (name, name)
    cached = Story("port", "Port reopens")  # as a cache gives it back: two objects of the same text
    cached.byline = ("".join(["Ann ", "Patel"]), "".join(["Ann", " Patel"]))
    assert cached.byline[0] is not cached.byline[1]
    assert page_of(fresh) == page_of(cached)


def test_the_theme_reads_a_storys_links_on_its_own_page_only():
    """A story's card leaves out its `links` (pelican/page_inputs.py): only the templates of its own page
    may read them, or a listing would not be rendered again when they change."""
    from conftest import REPO

    own_page = {"article.html", "head.html"}
    for template in (REPO / "theme" / "templates").glob("*.html"):
        if template.name not in own_page:
            assert ".links" not in template.read_text(encoding="utf-8"), template.name
