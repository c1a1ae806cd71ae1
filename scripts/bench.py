"""Benchmark the briefing build against vanilla Pelican on a generated archive.

Writes N seeded, synthetic news articles twice: as raw text pasted from a web page (built with the
project's own settings by `make html`) and as plain Markdown (built by vanilla Pelican). Each site
is built cold, then warm; every build reports wall time, articles per second and its peak memory.
"""

import argparse
import calendar
import dataclasses
import datetime
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PELICAN = PROJECT_ROOT / ".venv" / "bin" / "pelican"
FIRST_DAY = datetime.date(2023, 1, 1)  # archive start; a fixed day keeps runs reproducible
SPAN_DAYS = 730  # dates spread over about two years, like a real archive
WORDS_PER_ARTICLE = (480, 600)  # paragraphs overshoot by ~half a sentence: bodies average ~600 words
PARAGRAPHS_PER_ARTICLE = (8, 12)  # the paragraph count of such a story
TAIL_LINES = 30  # enough of a failed build's output to show the traceback
LOG_COLUMNS = "160"  # pelican's rich logging wraps at $COLUMNS; at 80 tracebacks are unreadable
MAX_EVENT_ARTICLES = 5  # stories per event: one outlet alone up to a handful covering it
EVENT_SPAN_DAYS = 4  # coverage of one event spreads over a few days
EVENT_FOCUS = 0.6  # share of sentences about the event's own place, organisation and subject
RELATED_SIZES = (1000, 5000, 20000)  # archive sizes at which the related + thread stage is timed

VANILLA_CONF = """\
SITENAME = "Vanilla bench"
SITEURL = ""
TIMEZONE = "UTC"
THEME = "simple"
ARTICLE_PATHS = ["articles"]
"""

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


@dataclasses.dataclass
class BuildResult:
    label: str
    seconds: float
    max_rss_mib: float
    articles: int

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds


class BuildFailedError(Exception):
    pass


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


def write_archive(count: int, seed: int, workdir: Path) -> None:
    """content/articles/*.txt for the briefing build, md-content/articles/*.md for vanilla Pelican."""
    raw_dir = workdir / "content" / "articles"
    markdown_dir = workdir / "md-content" / "articles"
    for folder in (raw_dir, markdown_dir):
        folder.mkdir(parents=True)
    for article in generate_articles(count, seed):
        stem = f"{article.date}-{article.slug}"
        (raw_dir / f"{stem}.txt").write_text(raw_text(article), encoding="utf-8")
        (markdown_dir / f"{stem}.md").write_text(markdown_text(article), encoding="utf-8")
    (workdir / "vanilla_conf.py").write_text(VANILLA_CONF, encoding="utf-8")


def timed_build(label: str, command: list[str], env: dict[str, str], log_path: Path, articles: int) -> BuildResult:
    """Run one build; os.wait4 gives this child's own peak RSS (KiB), not the maximum of all children so far."""
    with log_path.open("w") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-TAIL_LINES:])
        raise BuildFailedError(f"{label} exited with {process.returncode}; end of {log_path}:\n{tail}")
    result = BuildResult(label, seconds, usage.ru_maxrss / 1024, articles)
    rate = result.articles_per_second
    print(f"{label:14} {seconds:7.2f} s {rate:8.1f} articles/s {result.max_rss_mib:7.1f} MiB", flush=True)
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("entities and quotes:"):
            print(f"{'':14} {line}", flush=True)
    return result


def cold_then_warm(name: str, command: list[str], env: dict, workdir: Path, articles: int) -> list[BuildResult]:
    logs = {run: workdir / f"{name}-{run}.log" for run in ("cold", "warm")}
    return [timed_build(f"{name} {run}", command, env, log, articles) for run, log in logs.items()]


def briefing_builds(workdir: Path, articles: int) -> list[BuildResult]:
    cache_dir = workdir / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)  # cold means an empty extraction cache
    env = {**os.environ, "COLUMNS": LOG_COLUMNS, "BRIEFING_CACHE_DIR": str(cache_dir)}
    folders = [f"INPUTDIR={workdir / 'content'}", f"OUTPUTDIR={workdir / 'output'}"]
    return cold_then_warm("briefing", ["make", "-C", str(PROJECT_ROOT), "html", *folders], env, workdir, articles)


def vanilla_builds(workdir: Path, articles: int) -> list[BuildResult]:
    paths = [str(workdir / "md-content"), "-o", str(workdir / "md-output"), "-s", str(workdir / "vanilla_conf.py")]
    env = {**os.environ, "COLUMNS": LOG_COLUMNS}
    return cold_then_warm("vanilla", [str(PELICAN), *paths], env, workdir, articles)


def related_stage_in_process(count: int, seed: int) -> None:
    """Child process of `related_stage`: time link_stories alone on `count` generated articles."""
    sys.path.insert(0, str(PROJECT_ROOT / "plugins"))
    from briefing.corpus.stories import StoryItem, link_stories

    items = [
        StoryItem(f"articles/{a.slug}.txt", a.slug, a.headline, "\n".join(a.paragraphs), a.date.isoformat())
        for a in generate_articles(count, seed)
    ]
    started = time.perf_counter()
    links = link_stories(items)
    seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {len(links.threads)}")


def related_stage(sizes: tuple[int, ...], seed: int) -> list[tuple[int, float, int, float]]:
    """(articles, seconds, threads, max RSS MiB) of the related + thread stage at each size, each in its own
    process so that its peak memory is its own."""
    rows = []
    for count in sizes:
        command = [sys.executable, __file__, "--related-only", str(count), "--seed", str(seed)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise BuildFailedError(f"related stage at {count} articles failed")
        seconds, threads = output.split()
        rows.append((count, float(seconds), int(threads), usage.ru_maxrss / 1024))
        logger.info(
            "related + threads  %6d articles  %7.2f s  %5d threads  %7.1f MiB",
            count,
            float(seconds),
            int(threads),
            usage.ru_maxrss / 1024,
        )
    return rows


def print_summary(results: list[BuildResult]) -> None:
    print(f"\n{'build':14} {'seconds':>8} {'articles/s':>11} {'max RSS MiB':>12}")
    for result in results:
        print(f"{result.label:14} {result.seconds:8.2f} {result.articles_per_second:11.1f} {result.max_rss_mib:12.1f}")
    by_label = {result.label: result for result in results}
    for run in ("warm", "cold"):
        briefing, vanilla = by_label.get(f"briefing {run}"), by_label.get(f"vanilla {run}")
        if briefing and vanilla:
            time_ratio = briefing.seconds / vanilla.seconds
            memory_ratio = briefing.max_rss_mib / vanilla.max_rss_mib
            print(f"briefing {run} / vanilla {run}: {time_ratio:.2f}x time, {memory_ratio:.2f}x memory")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the article generator (default 1)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR (new or empty) and keep it")
    parser.add_argument(
        "--related-sizes",
        default=",".join(map(str, RELATED_SIZES)),
        help="archive sizes at which the related + thread stage alone is timed ('' to skip)",
    )
    parser.add_argument("--related-only", type=int, metavar="N", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def prepare_workdir(keep: Path | None) -> Path:
    if keep is None:
        return Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    if keep.exists() and any(keep.iterdir()):
        sys.exit(f"--keep {keep}: folder is not empty; give a new or empty one")
    keep.mkdir(parents=True, exist_ok=True)
    return keep.resolve()


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    args = parse_args(argv)
    if args.related_only:
        related_stage_in_process(args.related_only, args.seed)
        return 0
    workdir = prepare_workdir(args.keep)
    results: list[BuildResult] = []
    failed = False
    try:
        logger.info("Writing %d articles (seed %d) to %s", args.articles, args.seed, workdir)
        write_archive(args.articles, args.seed, workdir)
        for builds in (briefing_builds, vanilla_builds):
            try:
                results += builds(workdir, args.articles)
            except BuildFailedError as error:
                logger.error("%s", error)
                failed = True
        print_summary(results)
        sizes = tuple(int(size) for size in args.related_sizes.split(",") if size.strip())
        if sizes:
            rows = related_stage(sizes, args.seed)
            if len(rows) > 1:
                logger.info(
                    "related + threads: %d articles take %.1fx the time of %d",
                    rows[-1][0],
                    rows[-1][1] / max(rows[0][1], 1e-9),
                    rows[0][0],
                )
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
