"""The archive.json contract of the design notes, as the tests check it."""

ARTICLE_FIELDS = {
    "source_path",
    "slug",
    "url",
    "title",
    "date",
    "authors",
    "source",
    "credits",
    "summary",
    "standfirst",
    "body",
    "word_count",
    "entities",
    "quotes",
    "tags",
    "related",
    "thread",
}
