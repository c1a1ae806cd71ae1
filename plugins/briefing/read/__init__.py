"""Read stage: one article file in, one frozen Briefing out, from that file alone.

extract.py runs the text rules (decode, front matter, lines, page labels, headline, byline, date, summary)
into an `Extraction`; language.py adds the people, organizations, places and quotes the language model and
the quote grammar find, making it a `Briefing`. Both results are cached per article.
"""
