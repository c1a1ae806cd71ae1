"""The page object of one briefing (write/pages.py), on records written for the test."""

from __future__ import annotations

from types import SimpleNamespace

from briefing.records import ArticleLinks, Briefing, RelatedLink
from briefing.write.pages import article_page


def story(name: str) -> SimpleNamespace:
    briefing = Briefing(source_path=f"articles/{name}.txt", title=f"Harbour {name}", slug=name, body=("Text.",))
    return SimpleNamespace(url=f"briefings/{name}/", briefing=briefing)


def test_a_briefing_page_shows_as_many_related_stories_as_the_setting_says_best_first():
    others = {f"articles/o{n}.txt": story(f"o{n}") for n in range(12)}
    links = ArticleLinks(
        slug="port",
        related=tuple(RelatedLink(key, 1.0 - n / 20, ("Lune",)) for n, key in enumerate(others)),
    )
    page = article_page(story("port"), links, others, {}, words_per_minute=200, related_shown=8)
    assert [item.article.briefing.slug for item in page.related] == [f"o{n}" for n in range(8)]
    assert page.related[0].shared == ("Lune",)
