"""Benchmark the briefing build against vanilla Pelican on a generated archive (scripts/bench_archive.py).

The same N articles are built as pasted raw text by `make html` with the project's settings and as plain
Markdown by vanilla Pelican with its `simple` theme, in one run and in turn, four times: cold (empty
output and cache), warm (nothing changed), one article added, one article changed. Every build reports
its wall time, peak memory, and the pages and bytes of its output folder per article. With several sizes
(`--articles 1000,5000,20000`) a last table shows how each build grows from the smallest archive to the
largest. `--cluster N` builds N articles cold twice more, with the language step on this machine's
process pool and on a Dask LocalCluster of as many single-threaded worker processes as the machine has
cores (BRIEFING_DASK_SCHEDULER).
"""

import argparse
import dataclasses
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archive import OUTLETS, generate_articles, revised, write_archive, write_article

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PELICAN = PROJECT_ROOT / ".venv" / "bin" / "pelican"
TAIL_LINES = 30  # enough of a failed build's output to show the traceback
LOG_COLUMNS = "160"  # pelican's rich logging wraps at $COLUMNS; at 80 tracebacks are unreadable
RELATED_SIZES = (1000, 5000, 20000)  # archive sizes at which the related + thread stage is timed
RUNS = ("cold", "warm", "added", "changed")

VANILLA_CONF = """\
SITENAME = "Vanilla bench"
SITEURL = ""
TIMEZONE = "UTC"
THEME = "simple"
ARTICLE_PATHS = ["articles"]
"""


@dataclasses.dataclass(frozen=True)
class BuildResult:
    label: str
    seconds: float
    cpu_seconds: float  # user + system of the build and every process it waited for: less noisy than wall time
    max_rss_mib: float
    articles: int
    pages: int  # .html files in the output folder
    output_bytes: int

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds


@dataclasses.dataclass(frozen=True)
class Site:
    """One of the two sites: how to build it and where its output goes."""

    name: str
    command: list[str]
    env: dict[str, str]
    output: Path


class BuildFailedError(Exception):
    pass


def output_size(folder: Path) -> tuple[int, int]:
    """(.html pages, bytes of every file) under `folder`."""
    pages = total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
            pages += name.endswith(".html")
    return pages, total


def timed_build(label: str, site: Site, log_path: Path, articles: int) -> BuildResult:
    """Run one build; os.wait4 gives this child's own peak RSS (KiB), not the maximum of all children so far."""
    with log_path.open("w") as log:
        start = time.perf_counter()
        process = subprocess.Popen(site.command, stdout=log, stderr=subprocess.STDOUT, env=site.env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-TAIL_LINES:])
        raise BuildFailedError(f"{label} exited with {process.returncode}; end of {log_path}:\n{tail}")
    pages, size = output_size(site.output)
    cpu = usage.ru_utime + usage.ru_stime
    result = BuildResult(label, seconds, cpu, usage.ru_maxrss / 1024, articles, pages, size)
    print(f"{label:17} {seconds:7.2f} s {cpu:7.2f} s CPU {result.max_rss_mib:7.1f} MiB {pages:7d} pages", flush=True)
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("entities and quotes:"):
            print(f"{'':17} {line}", flush=True)
    return result


def sites(workdir: Path) -> list[Site]:
    cache_dir = workdir / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)  # cold means an empty extraction cache
    env = {**os.environ, "COLUMNS": LOG_COLUMNS, "BRIEFING_CACHE_DIR": str(cache_dir)}
    folders = [f"INPUTDIR={workdir / 'content'}", f"OUTPUTDIR={workdir / 'output'}"]
    briefing = Site("briefing", ["make", "-C", str(PROJECT_ROOT), "html", *folders], env, workdir / "output")
    paths = [str(workdir / "md-content"), "-o", str(workdir / "md-output"), "-s", str(workdir / "vanilla_conf.py")]
    vanilla_env = {**os.environ, "COLUMNS": LOG_COLUMNS}
    vanilla = Site("vanilla", [str(PELICAN), *paths], vanilla_env, workdir / "md-output")
    return [briefing, vanilla]


def all_builds(workdir: Path, count: int, seed: int) -> list[BuildResult]:
    """Cold, warm, one added, one changed: each run builds both sites before the next change."""
    articles = list(generate_articles(count + 1, seed))  # the first `count` are the same for any count
    write_archive(articles[:count], workdir)
    (workdir / "vanilla_conf.py").write_text(VANILLA_CONF, encoding="utf-8")
    both = sites(workdir)
    results = []
    for run in RUNS:
        if run == "added":
            write_article(articles[count], workdir)
        elif run == "changed":
            write_article(revised(articles[count // 2]), workdir)
        size = count + (run in ("added", "changed"))
        for site in both:
            results.append(timed_build(f"{site.name} {run}", site, workdir / f"{site.name}-{run}.log", size))
    return results


# What the corpus stage's story steps read of a generated article's quotes: '"...," Name said' or
# '"...," said Name'.
_GENERATED_QUOTE = re.compile(r'"([^"]+)," (?:said )?([A-Z]\w+ [A-Z]\w+)')


def related_stage_in_process(count: int, seed: int) -> None:
    """Child process of `related_stage`: time link_stories on `count` generated articles, then the steps
    that read its threads: the thread briefings, the quote index and the digest."""
    sys.path.insert(0, str(PROJECT_ROOT / "plugins"))
    from briefing.corpus.digest import DatedStory, digest_periods
    from briefing.corpus.quote_index import quote_index
    from briefing.corpus.stories import StoryItem, link_stories
    from briefing.corpus.thread_briefing import ThreadStory, thread_briefing
    from briefing.records import Quote

    articles = list(generate_articles(count, seed))
    items = [
        StoryItem(f"articles/{a.slug}.txt", a.slug, a.headline, "\n".join(a.paragraphs), a.date.isoformat())
        for a in articles
    ]
    started = time.perf_counter()
    links = link_stories(items)
    seconds = time.perf_counter() - started
    stories = {
        f"articles/{a.slug}.txt": ThreadStory(
            key=f"articles/{a.slug}.txt",
            title=a.headline,
            date=a.date.isoformat(),
            source=OUTLETS[index % len(OUTLETS)],
            summary=a.paragraphs[0],
            body=tuple(a.paragraphs),
            quotes=tuple(Quote(text, who) for text, who in _GENERATED_QUOTE.findall("\n".join(a.paragraphs))),
        )
        for index, a in enumerate(articles)
    }
    started = time.perf_counter()
    for thread in links.threads:
        thread_briefing([stories[key] for key in thread.keys], thread.central or None)
    briefing_seconds = time.perf_counter() - started
    newest_first = sorted(stories, key=lambda key: stories[key].date, reverse=True)
    started = time.perf_counter()
    quote_index({key: story.quotes for key, story in stories.items()}, newest_first)
    quote_seconds = time.perf_counter() - started
    started = time.perf_counter()
    digest_periods([DatedStory(key, story.date) for key, story in stories.items()])
    digest_seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {len(links.threads)} {briefing_seconds:.3f} {quote_seconds:.3f} {digest_seconds:.3f}")


def related_stage(sizes: tuple[int, ...], seed: int) -> list[tuple[int, float, int, float]]:
    """(articles, seconds, threads, max RSS MiB) of the related + thread stage at each size, each in its own
    process so that its peak memory is its own; the thread briefing, quote index and digest steps are
    logged for each size."""
    rows = []
    for count in sizes:
        command = [sys.executable, __file__, "--related-only", str(count), "--seed", str(seed)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise BuildFailedError(f"related stage at {count} articles failed")
        seconds, threads, briefings, quotes, digest = output.split()
        rows.append((count, float(seconds), int(threads), usage.ru_maxrss / 1024))
        logger.info(
            "thread briefings %7.2f s, quote index %6.2f s, digest %6.2f s  (%d articles)",
            float(briefings),
            float(quotes),
            float(digest),
            count,
        )
        logger.info(
            "related + threads  %6d articles  %7.2f s  %5d threads  %7.1f MiB",
            count,
            float(seconds),
            int(threads),
            usage.ru_maxrss / 1024,
        )
    return rows


def print_growth(by_size: dict[int, list[BuildResult]]) -> None:
    """Each build's seconds and peak memory at every size, and how much it grew from the smallest archive
    to the largest against how much the archive grew (1.0: linear; fixed costs such as starting Pelican and
    loading the model pull it below 1)."""
    sizes = sorted(by_size)
    labels = [result.label for result in by_size[sizes[0]]]
    print(f"\n{'build':17} " + " ".join(f"{size:>15}" for size in sizes) + f" {'growth / linear':>16}")
    for label in labels:
        rows = [next(r for r in by_size[size] if r.label == label) for size in sizes]
        cells = " ".join(f"{r.seconds:7.1f}s {r.max_rss_mib:5.0f}M" for r in rows)
        growth = (rows[-1].seconds / rows[0].seconds) / (sizes[-1] / sizes[0])
        print(f"{label:17} {cells} {growth:16.2f}")


def cluster_builds(workdir: Path, count: int, seed: int) -> tuple[BuildResult, BuildResult]:
    """A cold build of `count` articles with the language step on this machine's process pool, then one on
    a distributed.LocalCluster with one single-threaded worker process per core (the workers import the
    plugin from plugins/, as the README says a worker must). Only their wall times compare: the cluster's
    workers are this process's children, so the build's CPU seconds and memory leave them out."""
    from distributed import LocalCluster

    logging.getLogger("distributed").setLevel(logging.WARNING)  # not a line for every connection
    write_archive(list(generate_articles(count, seed)), workdir)
    plugins = str(PROJECT_ROOT / "plugins")
    sys.path.insert(0, plugins)  # the scheduler, in this process, reads the tasks, which name the plugin's code
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))
    briefing = sites(workdir)[0]  # (after PYTHONPATH is set: both builds run with the same environment)
    pool = timed_build("pool cold", briefing, workdir / "pool-cold.log", count)
    cores = os.cpu_count() or 1
    with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        briefing = sites(workdir)[0]  # an empty cache again
        shutil.rmtree(briefing.output, ignore_errors=True)
        env = {**briefing.env, "BRIEFING_DASK_SCHEDULER": cluster.scheduler_address}
        clustered = Site("cluster", briefing.command, env, briefing.output)
        log = workdir / "cluster-cold.log"
        result = timed_build(f"cluster cold ({cores})", clustered, log, count)
    if "BRIEFING_DASK_SCHEDULER" in log.read_text(errors="replace"):  # the build's warning when it fell back
        raise BuildFailedError(f"the cluster build ran the language step on this machine instead; see {log}")
    return pool, result


def print_summary(results: list[BuildResult]) -> None:
    columns = f"{'seconds':>8} {'CPU s':>8} {'max RSS MiB':>12} {'pages':>7} {'pages/article':>14} {'KB/article':>11}"
    print(f"\n{'build':17} {columns}")
    for r in results:
        print(
            f"{r.label:17} {r.seconds:8.2f} {r.cpu_seconds:8.2f} {r.max_rss_mib:12.1f} {r.pages:7d} "
            f"{r.pages / r.articles:14.2f} {r.output_bytes / r.articles / 1000:11.1f}"
        )
    by_label = {result.label: result for result in results}
    vanilla_cold = by_label.get("vanilla cold")
    for run in RUNS:
        briefing, vanilla = by_label.get(f"briefing {run}"), by_label.get(f"vanilla {run}")
        if briefing and vanilla:
            print(
                f"briefing {run} / vanilla {run}: {briefing.seconds / vanilla.seconds:.2f}x time, "
                f"{briefing.cpu_seconds / vanilla.cpu_seconds:.2f}x CPU, "
                f"{briefing.max_rss_mib / vanilla.max_rss_mib:.2f}x memory"
            )
    added = by_label.get("briefing added")
    if added and vanilla_cold:
        print(
            f"briefing added / vanilla full build: {added.seconds / vanilla_cold.seconds:.2f}x time, "
            f"{added.cpu_seconds / vanilla_cold.cpu_seconds:.2f}x CPU"
        )


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        default="1000",
        help="articles to generate, or sizes separated by commas (default 1000; 0: the corpus stage alone)",
    )
    parser.add_argument(
        "--cluster", type=int, default=0, metavar="N", help="also build N articles cold on the pool and a LocalCluster"
    )
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
    failed = False
    try:
        try:
            by_size = {}
            for count in sorted({int(size) for size in args.articles.split(",")} - {0}):  # 0: corpus stage alone
                folder = workdir / str(count)
                folder.mkdir(exist_ok=True)
                logger.info("Writing %d articles (seed %d) to %s", count, args.seed, folder)
                by_size[count] = all_builds(folder, count, args.seed)
                print_summary(by_size[count])
            if len(by_size) > 1:
                print_growth(by_size)
            if args.cluster:
                folder = workdir / f"cluster-{args.cluster}"
                folder.mkdir(exist_ok=True)
                logger.info("Cold builds of %d articles on the process pool and on a LocalCluster", args.cluster)
                pool, cluster = cluster_builds(folder, args.cluster, args.seed)
                print(f"cluster / pool: {cluster.seconds / pool.seconds:.2f}x wall time")
        except BuildFailedError as error:
            logger.error("%s", error)
            failed = True
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
