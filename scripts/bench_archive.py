"""The generated archive `make bench` builds: seeded, synthetic news articles, written as raw text pasted
from a web page (for the briefing build) and as plain Markdown of the same story (for vanilla Pelican).
Events are covered by one to a handful of outlets over a few days; half of them happen in coined towns,
to people with coined surnames, as real news keeps bringing new names.
"""

import calendar
import dataclasses
import datetime
import random
import re
from pathlib import Path

FIRST_DAY = datetime.date(2023, 1, 1)  # archive start; a fixed day keeps runs reproducible
SPAN_DAYS = 730  # dates spread over about two years, like a real archive
WORDS_PER_ARTICLE = (480, 600)  # paragraphs overshoot by ~half a sentence: bodies average ~600 words
PARAGRAPHS_PER_ARTICLE = (8, 12)  # the paragraph count of such a story
MAX_EVENT_ARTICLES = 5  # stories per event: one outlet alone up to a handful covering it
EVENT_SPAN_DAYS = 4  # coverage of one event spreads over a few days
EVENT_FOCUS = 0.6  # share of sentences about the event's own place, organisation and subject


# Pools the generator draws names and phrases from; hand-wrapped, so the formatter leaves them be.
# fmt: off
FIRST_NAMES = ("Jane", "John", "Maria", "Ahmed", "Li", "Sofia", "David", "Fatima", "Carlos", "Anna", "Peter", "Amira",
               "Kenji", "Olga", "Samuel", "Grace")
SURNAMES = ("Doe", "Roe", "Garcia", "Hassan", "Wei", "Rossi", "Miller", "Khan", "Silva", "Novak", "Schmidt", "Tanaka",
            "Ivanova", "Okafor", "Haddad")
PLACES = ("Basra", "Baghdad", "Geneva", "Brussels", "Nairobi", "Kyiv", "Lagos", "Jakarta", "Lima", "Ankara", "Manila",
          "Cairo", "Beirut", "Dhaka")
ORGS = ("United Nations", "European Commission", "World Bank", "Ministry of Defence", "International Monetary Fund",
        "Red Cross", "State Department", "Central Bank", "World Health Organization", "Port Authority")
ROLES = ("foreign minister", "spokesperson for the {org}", "central bank governor", "opposition leader",
         "senior analyst at the {org}", "mayor of {place}")
TOPICS = ("fuel subsidies", "border security", "the grain deal", "interest rates", "the ceasefire", "flood relief",
          "the election timetable", "port tariffs", "vaccine supplies", "the water dispute", "the aid package")
NAV = ("Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Opinion", "Video")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = ("Reuters", "Associated Press", "AFP", "Bloomberg")
HEADLINE_VERBS = ("weighs", "rejects", "backs", "delays", "announces", "warns over")
QUOTES = ("We will not accept any delay on {topic}", "The situation in {place} remains very difficult",
          "Nobody expected {topic} to move this fast", "Our teams are working around the clock in {place}",
          "This is a question for the {org}, not for us")
COMMENTS = ("Finally someone is reporting on this.", "This will not end well.", "Who is paying for all of this?",
            "Great article, thanks for the context.")
SYLLABLES = ("ka", "lo", "mi", "ren", "tav", "or", "ul", "sen", "dra", "vik", "ma", "tel", "zo", "bri", "an", "quel",
             "dor", "fa", "ni", "gar", "hes", "po", "rin", "sta", "ve", "yor", "lan", "ek", "shu", "bel")
DETAILS_PER_EVENT = 4  # coined words of each event's own subject: real events bring their own vocabulary
SENTENCES = (
    "The dispute over the {detail} has drawn in officials from {place}.",
    "Documents seen by reporters describe the {detail} as the core of the plan.",
    "{person} said the {detail} would be reviewed by the {org}.",
    "{person} said on {weekday} that the {org} would review {topic} within weeks.",
    "Officials in {place} reported that {n} people had been affected since {month}.",
    "The {org} has criticised {topic}, according to {n} sources familiar with it.",
    "Analysts expect {topic} to cost {n} percent more over the next year.",
    "In {place}, protesters gathered outside the offices of the {org} on {weekday}.",
    "{person} met counterparts from {place} to discuss {topic}.",
    "Talks in {place} on {topic} are expected to resume next month.",
    "The {org} did not respond to a request for comment.",
    "Critics say the handling of {topic} has been poor for {n} months.",
    "Diplomats in {place} said a decision could come as early as {weekday}.",
    '{person} told reporters in {place} that there was "no room to negotiate" on {topic}.',
    '"{quote}," {person} said.',
    '"{quote}," said {person}, adding that {topic} would be on the agenda.',
)
# fmt: on


@dataclasses.dataclass(frozen=True)
class Event:
    date: datetime.date
    org: str
    topic: str
    place: str
    cast: dict[str, str]  # name -> role
    details: tuple[str, ...]  # words of this event only


@dataclasses.dataclass
class Article:
    date: datetime.date
    slug: str
    headline: str
    page_top: list[str]  # navigation, headline, byline and date lines of the pasted page
    paragraphs: list[str]
    page_bottom: list[str]  # credit, author bio, share prompt and comments after the story


def person_names(rng: random.Random, count: int) -> list[str]:
    """Distinct first names and surnames, so a surname alone names one person."""
    pairs = zip(rng.sample(FIRST_NAMES, count), rng.sample(SURNAMES, count), strict=True)
    return [f"{first} {last}" for first, last in pairs]


def mention(person: str, role: str, mentioned: set[str]) -> str:
    """Full name and role on first mention, surname afterwards, as news style has it."""
    if person in mentioned:
        return person.split()[-1]
    mentioned.add(person)
    return f"{person}, the {role},"


def sentence(rng: random.Random, template: str, cast: dict[str, str], mentioned: set[str], event: Event) -> str:
    on_event = rng.random() < EVENT_FOCUS
    fields = {
        "org": event.org if on_event else rng.choice(ORGS),
        "place": event.place if on_event else rng.choice(PLACES),
        "topic": event.topic if on_event else rng.choice(TOPICS),
        "weekday": rng.choice(WEEKDAYS),
        "n": rng.randint(2, 90),
        "month": calendar.month_name[rng.randint(1, 12)],
    }
    fields["detail"] = rng.choice(event.details)
    fields["quote"] = rng.choice(QUOTES).format(**fields)
    if "{person}" in template:
        person = rng.choice(list(cast))
        fields["person"] = mention(person, cast[person], mentioned)
    text = template.format(**fields).replace(",,", ",")
    return text[0].upper() + text[1:]


def story_paragraphs(rng: random.Random, cast: dict[str, str], event: Event) -> list[str]:
    count = rng.randint(*PARAGRAPHS_PER_ARTICLE)
    words_each = rng.randint(*WORDS_PER_ARTICLE) // count
    mentioned: set[str] = set()
    paragraphs = []
    for _ in range(count):
        templates = iter(rng.sample(SENTENCES, len(SENTENCES)))  # no sentence twice in a paragraph
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words_each:
            sentences.append(sentence(rng, next(templates), cast, mentioned, event))
        paragraphs.append(" ".join(sentences))
    return paragraphs


def page_bottom(rng: random.Random, author: str, outlet: str) -> list[str]:
    lines = []
    if rng.random() < 0.4:
        lines.append("The Associated Press contributed to this report.")
    lines.append(f"{author} is a correspondent for {outlet} covering {rng.choice(TOPICS)}.")
    lines.append("Share this article: Facebook | Twitter | Email")
    if rng.random() < 0.3:
        lines.append("3 Comments")
        for commenter in person_names(rng, 3):
            lines += [f"{commenter} says:", rng.choice(COMMENTS)]
    return lines


def coined_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def make_event(rng: random.Random) -> Event:
    """One news event: its day, actors, place and subject; several outlets cover it over a few days.
    Half the events happen in a coined town and involve people with coined surnames, as real news keeps
    bringing new names."""
    roles = (rng.choice(ROLES).format(org=rng.choice(ORGS), place=rng.choice(PLACES)) for _ in range(4))
    people = person_names(rng, rng.randint(2, 4))
    if rng.random() < 0.5:
        people = [f"{name.split()[0]} {coined_word(rng).capitalize()}" for name in people]
    place = coined_word(rng).capitalize() if rng.random() < 0.5 else rng.choice(PLACES)
    return Event(
        date=FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS)),
        org=rng.choice(ORGS),
        topic=rng.choice(TOPICS),
        place=place,
        cast=dict(zip(people, roles, strict=False)),
        details=tuple(coined_word(rng) for _ in range(DETAILS_PER_EVENT)),
    )


def make_article(rng: random.Random, number: int, event: Event) -> Article:
    date = event.date + datetime.timedelta(days=rng.randrange(EVENT_SPAN_DAYS))
    org, topic, place, verb = event.org, event.topic, event.place, rng.choice(HEADLINE_VERBS)
    headline = f"{org} {verb} {topic} in {place}"
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-") + f"-{number}"  # unique per article
    authors = person_names(rng, rng.randint(1, 2))
    outlet = rng.choice(OUTLETS)
    cast = event.cast
    dateline = date.strftime(rng.choice(("%B %d, %Y", "Published %d %b %Y")))
    page_top = [*rng.sample(NAV, rng.randint(3, 6)), headline, f"By {' and '.join(authors)}, {outlet}", dateline]
    return Article(
        date, slug, headline, page_top, story_paragraphs(rng, cast, event), page_bottom(rng, authors[0], outlet)
    )


def raw_text(article: Article) -> str:
    return "\n\n".join([*article.page_top, *article.paragraphs, *article.page_bottom]) + "\n"


def markdown_text(article: Article) -> str:
    header = f"Title: {article.headline}\nDate: {article.date}\nSlug: {article.slug}\n\n"
    return header + "\n\n".join(article.paragraphs) + "\n"


def generate_articles(count: int, seed: int):
    """`count` articles in events of 1 to MAX_EVENT_ARTICLES stories each, deterministic for a seed."""
    rng = random.Random(seed)
    left, event = 0, None
    for number in range(count):
        if left == 0:
            event, left = make_event(rng), rng.randint(1, MAX_EVENT_ARTICLES)
        left -= 1
        yield make_article(rng, number, event)


def write_article(article: Article, workdir: Path) -> None:
    """The article as content/articles/*.txt for the briefing build and md-content/articles/*.md for vanilla."""
    stem = f"{article.date}-{article.slug}"
    (workdir / "content" / "articles" / f"{stem}.txt").write_text(raw_text(article), encoding="utf-8")
    (workdir / "md-content" / "articles" / f"{stem}.md").write_text(markdown_text(article), encoding="utf-8")


def write_archive(articles: list[Article], workdir: Path) -> None:
    for folder in (workdir / "content" / "articles", workdir / "md-content" / "articles"):
        folder.mkdir(parents=True)
    for article in articles:
        write_article(article, workdir)


def revised(article: Article) -> Article:
    """The same story with its last paragraph updated, as an outlet revises a story after publication."""
    update = "Officials said on Friday that talks would continue next week."
    return dataclasses.replace(article, paragraphs=[*article.paragraphs[:-1], f"{article.paragraphs[-1]} {update}"])
