"""The checks of the hostile suite, as functions from a build (and its corpus's Manifest) to a list of
problems, one line each: test_hostile.py asserts each list is empty, and runs every check on a corpus of
only controls to show that none is stricter than a correct build."""

from __future__ import annotations

import json
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from hostile_build import Build
from hostile_corpus import ANY, CONTROL, SIDECAR, Manifest
from hostile_payloads import EVALUATED_MARKERS, JINJA_LITERAL

SEARCH_INDEX = "pagefind/"
SHOWN = 20
MAX_SECONDS = 300
MAX_RSS = 2 * 2**30
MAX_REASON = 500
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data"}
SAFE_SCHEMES = {"http", "https", "mailto"}
NEVER_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style"}
OWN_SCRIPT_FOLDERS = ("theme/", "pagefind/")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
STYLE_SCRIPT = re.compile(r"javascript:|expression\(|behavior:|-moz-binding", re.I)  # script in a style="" value
FIRST_ERROR = re.compile(r"^(?:\[[^\]]*\])?\s*ERROR\s.*$", re.M)
CRITICAL = re.compile(r"^(?:\[[^\]]*\])?\s*CRITICAL\s.*$", re.M)  # Pelican's log record when the build dies
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def listing(what: str, problems: list[str]) -> str:
    """A failure message: how many, and the first SHOWN of them."""
    more = f"\n... and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    return f"{len(problems)} {what}:\n  " + "\n  ".join(problems[:SHOWN]) + more


def clip(text: str, most: int = 240) -> str:
    """The start and the end of a long line (a file name is at its end)."""
    return text if len(text) <= most else f"{text[: most // 3]} ... {text[-(most * 2 // 3) :]}"


def unsafe_url(value: str) -> bool:
    """True unless the URL is http(s), mailto, or has no scheme (relative, '#...', '/...')."""
    match = _SCHEME.match(_INVISIBLE.sub("", value).lower())
    return bool(match) and match.group(1) not in SAFE_SCHEMES


# --- the build finished ----------------------------------------------------------------------------------
def crash_problems(build: Build | None) -> list[str]:
    if build is None:
        return ["no build: the first build did not finish, so this one was not run"]
    problems = []
    if build.outcome != "finished":
        problems.append(f"the build {build.outcome}")
    elif build.status not in (0, 1):
        problems.append(f"the build recipe exited with status {build.status} (make: {build.make_status})")
    if build.archive is None:
        problems.append(f"no readable archive.json in {build.out}")
    if "Traceback (most recent call last)" in build.log:
        problems.append("a Python traceback in the build output")
    for name, pattern in (("CRITICAL", CRITICAL), ("first ERROR", FIRST_ERROR)):
        found = pattern.search(build.log) if problems or name == "CRITICAL" else None
        if found:
            problems.append(f"Pelican logged a {name}: {clip(' '.join(found.group(0).split()))}")
    return [*problems, f"last lines of the build output:\n{build.log_tail()}"] if problems else []


def _archive(build: Build) -> dict:
    return build.archive if build.archive is not None else {"articles": [], "rejected": []}


# --- nothing silently dropped ------------------------------------------------------------------------
def dropped_problems(build: Build, manifest: Manifest) -> list[str]:
    """Every file under articles/ (no part of its path starting with '.') is an article, rejected with a
    reason, or listed in `ignored`; a sidecar counts when its article does."""
    archive = _archive(build)
    accounted = {a.get("source_path") for a in archive.get("articles", [])}
    accounted |= {r.get("source_path") for r in archive.get("rejected", []) if str(r.get("reason") or "").strip()}
    accounted |= {i.get("source_path") for i in archive.get("ignored", []) if isinstance(i, dict)}
    problems = []
    for entry in manifest.of(CONTROL, ANY, SIDECAR):
        # a name that is not UTF-8 can only be written with U+FFFD for its odd bytes
        shown = entry.path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if not entry.path.startswith("articles/") or entry.path in accounted or shown in accounted:
            continue
        if entry.expect == SIDECAR and entry.companion in accounted:
            continue
        problems.append(f"{entry.path!r} ({entry.category}: {entry.kind})")
    if problems and "ignored" not in archive:
        problems.insert(0, "(archive.json has no 'ignored' list)")
    return problems


def reason_problems(build: Build) -> list[str]:
    problems = []
    archive = _archive(build)
    for item in archive.get("rejected", []) + archive.get("ignored", []):
        reason = str(item.get("reason") or "")
        if not reason.strip() or len(reason) >= MAX_REASON or "\n" in reason:
            problems.append(f"{item.get('source_path')!r}: reason of {len(reason)} chars: {reason[:120]!r}")
    return problems


# --- the controls ------------------------------------------------------------------------------------------
def page_file(out: Path, url: str) -> Path:
    path = out / url
    return path / "index.html" if url.endswith("/") or not url else path


def control_problems(build: Build, manifest: Manifest) -> list[str]:
    records: dict[str, list[dict]] = {}
    for record in _archive(build).get("articles", []):
        records.setdefault(record.get("source_path"), []).append(record)
    problems = []
    for entry in manifest.of(CONTROL):
        found = records.get(entry.path, [])
        if len(found) != 1:
            problems.append(f"{entry.path}: {len(found)} records in archive.json, not 1")
            continue
        record = found[0]
        if entry.sentinel not in (record.get("body") or ""):
            problems.append(f"{entry.path}: {entry.sentinel!r} not in its archive.json body")
        page = page_file(build.out, record.get("url") or "")
        if not page.is_file():
            problems.append(f"{entry.path}: no page at {record.get('url')!r}")
        elif entry.sentinel not in audit_html(build.out, page).text:
            problems.append(f"{entry.path}: {entry.sentinel!r} not in the text of {record.get('url')}")
    return problems


# --- no live markup --------------------------------------------------------------------------------------
class MarkupAudit(HTMLParser):
    """Scripts, event handlers, URL schemes and embedding elements of one page; and its text."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page  # relative to the output root, "/" separators
        self.problems: list[str] = []
        self.parts: list[str] = []
        self.json_ld: list[str] | None = None
        self.skipping = 0

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())

    def _problem(self, what: str) -> None:
        self.problems.append(f"{self.page}: {what[:200]}")

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            handler = name.startswith("on") or (name == "style" and STYLE_SCRIPT.search(value or ""))
            if handler or (name in URL_ATTRIBUTES and value is not None and unsafe_url(value)):
                self._problem(f"<{tag} {name}={value!r}>")
        if tag in NEVER_ELEMENTS or (tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh"):
            self._problem(f"<{tag}> element {values}")
        if tag in ("script", "style"):
            self.skipping += 1
        if tag == "script":
            self._script(values)

    def _script(self, values: dict) -> None:
        src = values.get("src")
        if src is not None:
            where = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), src.split("?")[0]))
            if _SCHEME.match(src.lower()) or src.startswith("//") or not where.startswith(OWN_SCRIPT_FOLDERS):
                self._problem(f"<script src={src!r}>, not the theme's or the search's own")
        elif (values.get("type") or "").lower() == "application/ld+json":
            self.json_ld = []
        else:
            self._problem(f"inline <script {values}>")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        if tag == "script" and self.json_ld is not None:
            try:
                json.loads("".join(self.json_ld))
            except ValueError as error:
                self._problem(f"JSON-LD that does not parse ({error}): {''.join(self.json_ld)[:120]!r}")
            self.json_ld = None

    def handle_data(self, data):
        if self.json_ld is not None:
            self.json_ld.append(data)
        elif not self.skipping:
            self.parts.append(data)


def audit_html(out: Path, path: Path, text: str | None = None) -> MarkupAudit:
    audit = MarkupAudit(path.relative_to(out).as_posix())
    audit.feed(path.read_text(encoding="utf-8", errors="replace") if text is None else text)
    audit.close()
    return audit


def _feed_problems(out: Path, path: Path) -> list[str]:
    name = path.relative_to(out).as_posix()
    try:
        tree = ET.parse(path)
    except ET.ParseError as error:
        return [f"{name}: does not parse as XML: {error}"]
    problems = []
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        for attribute, value in element.attrib.items():
            if attribute.rsplit("}", 1)[-1] in ("href", "src") and unsafe_url(value):
                problems.append(f"{name}: <{tag} {attribute}={value!r}>")
        if tag == "loc" and element.text and unsafe_url(element.text):
            problems.append(f"{name}: <loc>{element.text!r}")
        kind = element.get("type", "html" if tag == "description" else "text")
        if kind in ("html", "text/html") and element.text:
            inner = MarkupAudit(f"{name} <{tag}>")
            inner.feed(element.text)
            inner.close()
            problems += inner.problems
        elif kind == "xhtml":
            inner = MarkupAudit(f"{name} <{tag}>")
            inner.feed("".join(ET.tostring(child, encoding="unicode") for child in element))
            inner.close()
            problems += inner.problems
    return problems


def site_files(out: Path) -> list[Path]:
    """Every file of a built site but the search index, in a fixed order."""
    found = []
    for folder, folders, files in os.walk(out):
        folders.sort()
        found += [Path(folder, name) for name in sorted(files)]
    return [p for p in found if not p.relative_to(out).as_posix().startswith(SEARCH_INDEX)]


def markup_problems(build: Build) -> list[str]:
    """Each problem names the page (and, for a briefing, the article file it comes from)."""
    sources = {}
    for record in _archive(build).get("articles", []):
        page = page_file(build.out, record.get("url") or "")
        sources[page.relative_to(build.out).as_posix()] = record.get("source_path")
    problems = []
    for path in site_files(build.out):
        if path.suffix in (".html", ".htm"):
            audit = audit_html(build.out, path)
            source = sources.get(audit.page)
            problems += [f"{p} [from {source}]" if source else p for p in audit.problems]
        elif path.suffix == ".xml":
            problems += _feed_problems(build.out, path)
    return problems


def template_problems(build: Build) -> list[str]:
    """Nothing an article says is evaluated as a template; `{{ 7*7 }}` is shown as it was written."""
    problems = []
    for path in site_files(build.out):
        data = path.read_bytes()
        problems += [
            f"{path.relative_to(build.out)}: {m!r} (evaluated)" for m in EVALUATED_MARKERS if m.encode() in data
        ]
    for record in _archive(build).get("articles", []):
        if JINJA_LITERAL in (record.get("title") or "") + (record.get("body") or ""):
            page = page_file(build.out, record.get("url") or "")
            if page.is_file() and JINJA_LITERAL not in audit_html(build.out, page).text:
                problems.append(f"{record.get('source_path')}: {JINJA_LITERAL!r} not shown as text on its page")
    return problems


# --- nothing from outside the content folder ---------------------------------------------------------
def secret_lines() -> tuple[str, ...]:
    try:
        first = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return ()
    return ("root:x:0:0",) if first.startswith("root:x:0:0") else (first,)


def secret_problems(build: Build, manifest: Manifest) -> list[str]:
    markers = [m.encode() for m in (*manifest.secret_markers, *secret_lines())]
    problems = []
    for folder, _, files in os.walk(build.out):
        for name in sorted(files):
            path = Path(folder, name)
            found = [m.decode() for m in markers if m in path.read_bytes()]
            if found:
                problems.append(f"{path.relative_to(build.out)}: {', '.join(found)}")
    return sorted(problems)


def tree_state(root: Path, leave_out: tuple[Path, ...]) -> dict[str, tuple]:
    """Name -> (size, mtime) of every file under `root` but `leave_out` (a folder: just that it is there),
    symlinks not followed."""
    state: dict[str, tuple] = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if Path(folder, f) not in leave_out]
        for name in folders:
            state[os.path.relpath(Path(folder, name), root)] = ("folder",)
        for name in files:
            stat = os.lstat(Path(folder, name))
            state[os.path.relpath(Path(folder, name), root)] = (stat.st_size, stat.st_mtime_ns)
    return state


# --- rebuilds and bounds ---------------------------------------------------------------------------------
def identity_problems(first: Build, second: Build | None) -> list[str]:
    if second is None:
        return ["no second build: the first build did not finish"]
    one = {p.relative_to(first.out).as_posix(): p for p in site_files(first.out)}
    two = {p.relative_to(second.out).as_posix(): p for p in site_files(second.out)}
    problems = [f"{name}: only in the first build" for name in sorted(set(one) - set(two))]
    problems += [f"{name}: only in the second build" for name in sorted(set(two) - set(one))]
    problems += [
        f"{name}: differs" for name in sorted(set(one) & set(two)) if one[name].read_bytes() != two[name].read_bytes()
    ]
    return problems


def bounds_problems(build: Build) -> list[str]:
    problems = []
    if build.outcome != "finished" or build.seconds > MAX_SECONDS:
        problems.append(f"the cold build took {build.seconds:.0f} s (limit {MAX_SECONDS} s; {build.outcome})")
    if build.peak_rss > MAX_RSS:
        problems.append(
            f"peak memory {build.peak_rss / 2**20:.0f} MiB over the build's processes (limit {MAX_RSS / 2**20:.0f}"
            f" MiB; largest single process {build.largest_process_rss / 2**20:.0f} MiB)"
        )
    return problems
