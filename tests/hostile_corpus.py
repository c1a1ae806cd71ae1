"""A seeded, deterministic hostile content folder: `write_corpus(root, seed)` writes root/articles/...,
root/pages/about.rst and root/entities.yaml, plus secret files next to root (outside the content folder),
and returns a `Manifest` of every file and what the build must do with it.

Everything random comes from `random.Random` streams seeded from `seed` (string seeds are hashed with
SHA-512, so PYTHONHASHSEED plays no part): one seed, the same bytes and names on every run. The controls
have their own stream, so changing `total` never changes them. Specimens come first: each hazard once,
alone, on an otherwise good article. Random combinations of the cheap hazards then fill up to `total`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import hostile_payloads as hp
import hostile_specimens

CONTROL = "control"  # in archive.json with its sentinel in `body`, and on its page
ANY = "any"  # in archive.json articles, or `rejected` with a reason, or `ignored`
SIDECAR = "sidecar"  # accounted for with its article (`companion`), or itself rejected / ignored
FREE = "free"  # nothing required (dot files, folder symlinks, curated list): only no crash, no leak


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the content folder, "/" separators (os.fsdecode of the bytes on disk)
    category: str
    kind: str
    expect: str
    sentinel: str = ""
    title: str = ""
    companion: str = ""


@dataclass(frozen=True)
class Manifest:
    root: Path
    seed: int
    entries: tuple[Entry, ...]
    secret_markers: tuple[str, ...]  # text of files outside the content folder: never in the output
    secret_paths: tuple[str, ...]  # those files (and /etc/passwd), as the corpus points at them
    tripwire: str  # a !!python/object tag in the corpus would create this file

    def of(self, *expects: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.expect in expects]

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(entry.category for entry in self.entries).items()))


class Writer:
    """Writes the files of one corpus and records an Entry for each."""

    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng
        self.entries: list[Entry] = []
        self.number = 0

    def stem(self, prefix: str = "h") -> str:
        self.number += 1
        return f"{prefix}{self.number:04d}"

    def _target(self, rel: str | bytes) -> tuple[Path, str]:
        raw = rel if isinstance(rel, bytes) else rel.encode("utf-8", "surrogateescape")
        path = Path(os.fsdecode(os.fsencode(self.root) + b"/" + raw))
        path.parent.mkdir(parents=True, exist_ok=True)
        return path, os.fsdecode(raw)

    def add(self, rel: str | bytes, data: bytes, category: str, kind: str, expect: str = ANY, **extra) -> str:
        path, name = self._target(rel)
        path.write_bytes(data)
        self.entries.append(Entry(name, category, kind, expect, **extra))
        return name

    def text(self, rel: str, text: str, category: str, kind: str, expect: str = ANY, **extra) -> str:
        return self.add(rel, text.encode("utf-8"), category, kind, expect, **extra)

    def symlink(self, rel: str, target: str, category: str, kind: str, expect: str = ANY, companion: str = "") -> str:
        path, name = self._target(rel)
        os.symlink(target, path)
        self.entries.append(Entry(name, category, kind, expect, companion=companion))
        return name

    def fifo(self, rel: str, category: str, kind: str, expect: str = ANY, **extra) -> str:
        path, name = self._target(rel)
        os.mkfifo(path)
        self.entries.append(Entry(name, category, kind, expect, **extra))
        return name

    def folder(self, rel: str) -> Path:
        path, _ = self._target(rel + "/x")
        return path.parent

    def prose(self) -> str:
        """A short good article: a headline and one paragraph (most hostile files are cheap to analyse)."""
        return f"{hp.headline(self.rng)}\n\n{hp.paragraph(self.rng, 2)}\n"

    def pair(self, stem: str, sidecar: bytes, category: str, kind: str, body: str | None = None) -> None:
        """NAME.txt with a good article and the sidecar NAME.yaml next to it."""
        article = self.text(f"articles/{stem}.txt", body or self.prose(), category, kind)
        self.add(f"articles/{stem}.yaml", sidecar, category, kind, SIDECAR, companion=article)


def write_corpus(
    root: Path, seed: int, total: int = 1100, *, controls: int = 200, skip: frozenset[str] = frozenset()
) -> Manifest:
    """Write the corpus into `root` (created; it must not exist or be empty) and return its Manifest.

    `total`: hostile files (specimens, then random combinations until there are `total`); 0 writes the
    controls and the about page only. `skip`: categories or kinds to leave out (to look past a hazard
    that stops the build: `skip={"special-fifo"}`); the default leaves nothing out.
    """
    root.mkdir(parents=True, exist_ok=True)
    _write_about_page(root)
    control_writer = Writer(root, random.Random(f"hostile-controls-{seed}"))
    hijack = _write_controls(control_writer, controls)
    writer = Writer(root, random.Random(f"hostile-specimens-{seed}"))
    writer.number = 5000
    markers, secret_paths = _write_secrets(root.parent, random.Random(f"hostile-secrets-{seed}"))
    tripwire = str(root.parent / "python-tag-executed")
    if total > 0:
        hazards = hp.yaml_hazards(tripwire, hijack)
        hostile_specimens.write_specimens(writer, hazards, secret_paths, hijack)
        combos = Writer(root, random.Random(f"hostile-combinations-{seed}"))
        combos.number = writer.number
        _write_combinations(combos, total - len(writer.entries), hazards)
        writer.entries += combos.entries
        _write_curated_list(root)
    entries, left_out = [], set()
    for entry in control_writer.entries + writer.entries:
        if traits(entry) & skip or entry.companion in left_out:
            _remove(root / entry.path)
            left_out.add(entry.path)
        else:
            entries.append(entry)
    return Manifest(root, seed, tuple(entries), markers, secret_paths, tripwire)


def traits(entry: Entry) -> set[str]:
    """What `skip` matches: the category, the kind, and each part of a combination's kind."""
    parts = entry.kind.split("+")
    bare = {part.split("-", 1)[1] for part in parts if part.startswith(("front-", "name-", "sidecar-"))}
    return {entry.category, entry.kind, *parts, *bare}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        for inner in sorted(path.rglob("*"), reverse=True):
            inner.unlink() if not inner.is_dir() or inner.is_symlink() else inner.rmdir()
        path.rmdir()
    else:
        path.unlink()


def _write_about_page(root: Path) -> None:
    (root / "pages").mkdir(parents=True, exist_ok=True)
    (root / "pages" / "about.rst").write_text(
        "About this collection\n#####################\n\n:slug: about\n\n"
        "This archive gathers news articles as they were pasted or saved from the web and turns each into\n"
        "a plain briefing page: headline, publication, byline, date, summary and the text itself.\n\n"
        "Everything the site knows is also in `archive.json <../archive.json>`_.\n",
        encoding="utf-8",
    )


def _write_secrets(outside: Path, rng: random.Random) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Files next to the content folder whose text must never reach the output."""
    markers = tuple(f"OUTSIDE-SECRET-{rng.getrandbits(64):016x}" for _ in range(3))
    (outside / "outside").mkdir(parents=True, exist_ok=True)
    text = f"Secret headline {markers[0]}\n\nThe secret body {markers[0]} must never be published.\n"
    (outside / "secret.txt").write_text(text, encoding="utf-8")
    (outside / "secret.yaml").write_text(f"title: {markers[1]}\nsummary: {markers[1]}\n", encoding="utf-8")
    (outside / "outside" / "leak.txt").write_text(f"Leaked folder {markers[2]}\n\n{markers[2]} text.\n")
    paths = (str(outside / "secret.txt"), str(outside / "secret.yaml"), str(outside / "outside"), "/etc/passwd")
    return markers, paths


def _write_controls(w: Writer, count: int) -> str:
    """Good articles in every shape the README promises to read; returns a slug one of them sets."""
    hijack = "control-0001-lantern"
    titles = w.rng.sample(range(len(hp.PLACES) * len(hp.SUBJECTS) * len(hp.HEADLINE_ACTIONS)), count)
    for i in range(count):
        rng = w.rng
        sentinel = f"control sentinel {i:04d} {hp.WORDS[i % len(hp.WORDS)]}"
        title = hp.headline(rng, titles[i])
        quote = "\u201cWe will keep the service running,\u201d the mayor said on the steps of the town hall."
        line = (
            f"{hp.sentence(rng)} Inspectors wrote the words {sentinel} in the {rng.choice(hp.NOUNS)} log "
            f"before noon, and the {rng.choice(hp.SUBJECTS)} confirmed the entry later that day. {hp.sentence(rng)}"
        )
        body = "\n\n".join([hp.paragraph(rng, 3), line, quote, hp.paragraph(rng, 2)]) + "\n"
        date = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        shape = i % 6
        name, text, encoding, sidecar = _control_shape(shape, i, title, body, date, hijack)
        extra = {"sentinel": sentinel, "title": title}
        text = hp.with_line_ending(text, ("lf", "crlf", "cr", "lf", "crlf", "crlf")[shape], rng)
        data = hp.encoders()[encoding](text, rng)
        path = w.add(f"articles/{name}", data, "control", f"{encoding}-shape{shape}", CONTROL, **extra)
        if sidecar:
            w.text(f"articles/{name[:-4]}.yaml", sidecar, "control", "sidecar", SIDECAR, companion=path)
    return hijack


def _control_shape(shape: int, i: int, title: str, body: str, date: dt.date, hijack: str):
    """(file name, text, encoding, sidecar text or None) of control number `i`."""
    plain = f"{title}\n\n{body}"
    if shape == 0:
        return f"{date}-control-{i:04d}.txt", plain, "utf8", None
    if shape == 1:
        slug = hijack if i == 1 else f"control-{i:04d}-{hp.WORDS[i % len(hp.WORDS)]}"
        front = (
            f"---\ntitle: {hp.yaml_text(title)}\ndate: {date}\nsource: The Harbour Gazette\n"
            f"url: https://news.example.org/{i}\nauthors: [Ann Bee, Cal Dee]\ntags: [Ports, Notices]\n"
            f"slug: {slug}\nstatus: published\n---\n"
        )
        return f"control-{i:04d}.txt", front + body, "utf8", None
    if shape == 2:
        sidecar = f"title: {hp.yaml_text(title)}\ndate: {date}\ntags: [Sidecars]\nsource: Valley Courier\n"
        return f"controls/control-{i:04d}.txt", body, "utf8-bom", sidecar
    if shape == 3:
        return f"controls/{date.year}/{date}-control-{i:04d}.txt", plain, "utf16le-bom", None
    if shape == 4:
        return f"control-{i:04d}-be.txt", f"---\ntitle: {hp.yaml_text(title)}\n---\n{body}", "utf16be-bom", None
    return f"controls/control-{i:04d}-cp1252.txt", plain, "cp1252", None


def _write_curated_list(root: Path) -> None:
    """A valid entities.yaml whose texts are hostile (they must be shown as text)."""
    (root / "entities.yaml").write_text(
        "entities:\n"
        "  - name: Ostrava harbour board\n    type: organization\n"
        '    aliases: ["<script>alert(\'alias\')</script>", "harbour board"]\n'
        "    description: \"<script>alert('curated')</script> <img src=x onerror=alert(1)>"
        " {{ 'hostile-' ~ 7*7 ~ '-evaluated' }}\"\n"
        "    link: \"https://example.org/?q=<script>alert('link')</script>\"\n"
        "  - name: \"<img src=x onerror=alert('name')>\"\n    type: person\n"
        "ignore:\n  - \"<script>alert('ignore')</script>\"\n",
        encoding="utf-8",
    )


# --- random combinations of the cheap hazards ------------------------------------------------------------
EXPENSIVE = ("alias-bomb", "deep-", "huge-", "many-", "python-", "recursive")
CHEAP_NAMES = ("upper", "mixed-case", "unicode", "emoji", "spaces", "date-prefix", "bad-date-prefix")


def _combination_name(w: Writer, style: str | None, stem: str) -> str:
    if style == "upper":
        return f"{stem.upper()}.TXT"
    if style == "mixed-case":
        return f"{stem}.Txt"
    if style == "unicode":
        return unicodedata.normalize(w.rng.choice(("NFC", "NFD")), f"{stem}-café-Zürich-東京.txt")
    if style == "emoji":
        return f"{stem}-\U0001f600.txt"
    if style == "spaces":
        return f"{stem} with  spaces.txt"
    if style == "date-prefix":
        return f"2020-0{w.rng.randint(1, 9)}-1{w.rng.randint(0, 9)}-{stem}.txt"
    if style == "bad-date-prefix":
        return f"{w.rng.choice(('2018-02-30', '0000-01-01', '2018-13-01', '2018-00-10'))}-{stem}.txt"
    return f"{stem}.txt"


def _write_combinations(w: Writer, count: int, hazards: list[tuple[str, str]]) -> None:
    cheap = [(kind, text) for kind, text in hazards if not kind.startswith(EXPENSIVE)]
    encoders = hp.encoders()
    encodings = [name for name in encoders if name != "bom-then-random"]
    endings = [*hp.LINE_ENDINGS, "mixed"]
    while count > 0:
        rng, stem = w.rng, w.stem("c")
        traits = [rng.choice(encodings), rng.choice(endings)]
        body = hp.paragraph(rng, 2)
        if rng.random() < 0.6:
            payload = rng.choice(hp.INJECTIONS + hp.EVIL_URLS)
            body = f"{body} {payload} {hp.sentence(rng)}"
            traits.append("body-injection")
        if rng.random() < 0.3:
            body = body.replace(" ", f" {rng.choice(hp.ODD_CHARACTERS)}", rng.randint(1, 4))
            traits.append("odd-characters")
        text = f"{hp.headline(rng)}\n\n{body}\n"
        if rng.random() < 0.5:
            kind, front = rng.choice(cheap)
            text = f"---\n{front}\n---\n{text}"
            traits.append(f"front-{kind}")
        style = rng.choice(CHEAP_NAMES) if rng.random() < 0.3 else None
        name = _combination_name(w, style, stem)
        traits.append(f"name-{style or 'plain'}")
        data = encoders[traits[0]](hp.with_line_ending(text, traits[1], rng), rng)
        path = w.add(f"articles/combined/{name}", data, "combined", "+".join(traits))
        count -= 1
        if rng.random() < 0.15 and name.endswith(".txt") and count > 0:
            kind, side = rng.choice(cheap)
            w.text(f"articles/combined/{name[:-4]}.yaml", side, "combined", f"sidecar-{kind}", SIDECAR, companion=path)
            count -= 1


def docx_bytes(text: str) -> bytes:
    """A small .docx (zip) with fixed timestamps, so its bytes follow the seed only."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in (
            ("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
            ("word/document.xml", f'<?xml version="1.0"?><w:document><w:t>{text}</w:t></w:document>'),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()
