"""Link check: every internal link (href, src, form action) in every built HTML file resolves to a file of
the output, and every fragment to an element with that id. Absolute links to other sites are not followed."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"href", "src", "action"}
NOT_FOLLOWED_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


class PageParser(HTMLParser):
    """The links and the element ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.links.append((tag, value))
            elif value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    tag: str
    link: str
    reason: str

    def __str__(self):
        return f"{self.page}: <{self.tag}> {self.link!r}: {self.reason}"


def target_file(root: Path, page: Path, path: str) -> Path | None:
    """The file a link path (no query, no fragment) on `page` points to, as a static server serves it."""
    base = PurePosixPath("/" + page.relative_to(root).as_posix()).parent
    url_path = PurePosixPath(unquote(path)) if path.startswith("/") else base / unquote(path)
    parts: list[str] = []
    for part in url_path.parts[1:]:
        if part == "..":
            if not parts:
                return None  # above the site root
            parts.pop()
        elif part != ".":
            parts.append(part)
    candidate = root.joinpath(*parts)
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_links(root: Path) -> tuple[list[BrokenLink], int]:
    """All broken internal links of the site in `root`, and how many internal links were checked."""
    pages = {path: PageParser() for path in sorted(root.rglob("*.html"))}
    for path, parser in pages.items():
        parser.feed(path.read_text(encoding="utf-8"))
    broken, checked = [], 0
    for page, parser in pages.items():
        name = page.relative_to(root).as_posix()
        for tag, link in parser.links:
            parts = urlsplit(link)
            if parts.scheme in NOT_FOLLOWED_SCHEMES or parts.netloc:
                continue
            checked += 1
            target = page if not parts.path else target_file(root, page, parts.path)
            if target is None:
                broken.append(BrokenLink(name, tag, link, "no such file"))
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(BrokenLink(name, tag, link, "no element with this id"))
    return broken, checked


def test_every_internal_link_of_the_built_site_resolves(sample_site):
    broken, checked = check_links(sample_site.out)
    assert broken == [], "\n".join(str(b) for b in broken)
    assert checked > 50, f"only {checked} internal links were checked"


def test_search_page_assets_are_in_the_built_site(sample_site):
    """The search page loads Pagefind's files from the output, which the link check covers."""
    page = sample_site.out / "search" / "index.html"
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    sources = [link for tag, link in parser.links if tag in {"script", "link"}]
    assert any(link.endswith("pagefind/pagefind-ui.js") for link in sources), sources
    assert any(link.endswith("pagefind/pagefind-ui.css") for link in sources), sources
    for link in sources:
        if not urlsplit(link).netloc:
            assert target_file(sample_site.out, page, urlsplit(link).path), link


def test_link_check_reports_missing_files_and_fragments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">A</h2>', encoding="utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="style.css?v=1"><a href="a/">ok</a> <a href="./a/index.html#here">ok</a>'
        '<a href="a">ok, a folder</a> <a href="#top" id="top">ok</a> <a href="https://example.org/x">other site</a>'
        '<a href="b/">missing</a> <img src="/img/x.png"> <a href="a/#nowhere">bad fragment</a>'
        '<a href="../../etc/passwd">outside</a> <script src="js/app.js"></script>',
        encoding="utf-8",
    )
    broken, checked = check_links(tmp_path)
    assert [(b.link, b.reason) for b in broken] == [
        ("b/", "no such file"),
        ("/img/x.png", "no such file"),
        ("a/#nowhere", "no element with this id"),
        ("../../etc/passwd", "no such file"),
        ("js/app.js", "no such file"),
    ]
    assert checked == 10
