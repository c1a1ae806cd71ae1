"""The specimens of the hostile corpus: every hazard once, by category, each on an otherwise good article
(hostile_corpus.py writes the controls, the secrets and the random combinations around them)."""

from __future__ import annotations

import codecs
import gzip

import hostile_corpus as hc
import hostile_payloads as hp

MAX_BYTES = 2_000_000  # BRIEFING_MAX_FILE_BYTES


def write_specimens(w, hazards: list[tuple[str, str]], secret_paths: tuple[str, ...], hijack: str) -> None:
    _encodings(w)
    _line_endings(w)
    _sizes(w)
    _front_matter(w, hazards)
    _sidecars(w, hazards)
    _file_names(w)
    _formats(w, secret_paths, hijack)
    _specials(w, secret_paths)
    _injections(w)


def _encodings(w) -> None:
    for name, encode in hp.encoders().items():
        w.add(f"articles/encoding/{w.stem()}-{name}.txt", encode(w.prose(), w.rng), "encoding", name)
    blobs = {
        "random-1k": w.rng.randbytes(1024),
        "random-64k": w.rng.randbytes(65536),
        "random-high-bytes": bytes(w.rng.randrange(0x80, 0x100) for _ in range(4096)),
        "ff-only": b"\xff" * 4096,
        "nul-only": b"\x00" * 4096,
        "c0-controls": bytes(range(0, 32)) * 64,
        "c1-controls-utf8": "".join(chr(c) for c in range(0x80, 0xA0)).encode() * 50,
    }
    for name, data in blobs.items():
        w.add(f"articles/encoding/{w.stem()}-{name}.txt", data, "encoding", name)
    for number, char in enumerate(hp.ODD_CHARACTERS):
        headline, body = hp.headline(w.rng), hp.paragraph(w.rng, 2)
        text = f"{headline}{char}\n\n{body.replace(' ', f' {char}', 3)}\n"
        w.text(f"articles/encoding/{w.stem()}-odd-{number:02d}.txt", text, "encoding", f"odd-U+{ord(char[0]):04X}")
    heavy = w.prose().replace(" ", "\x0c\x0b\x01 ")  # form feeds and controls between every word
    w.text(f"articles/encoding/{w.stem()}-controls-everywhere.txt", heavy, "encoding", "controls-everywhere")


def _line_endings(w) -> None:
    text = w.prose() + "\n" + hp.paragraph(w.rng, 2) + "\n"
    for name in [*hp.LINE_ENDINGS, "mixed"]:
        data = hp.with_line_ending(text, name, w.rng).encode("utf-8")
        w.add(f"articles/line-endings/{w.stem()}-{name}.txt", data, "line-endings", name)
    w.text(f"articles/line-endings/{w.stem()}-no-final-newline.txt", text.rstrip("\n"), "line-endings", "no-final")
    w.text(
        f"articles/line-endings/{w.stem()}-blank-lines.txt", "\n" * 5000 + text + "\n" * 5000, "line-endings", "blank"
    )


def _sizes(w) -> None:
    small = {
        "empty": b"",
        "spaces": b" " * 100,
        "newlines": b"\n" * 100,
        "tabs-crlf": b"\t \r\n" * 50,
        "unicode-spaces": "\u3000\u00a0\u2003\u200b\n".encode() * 20,
        "bom-only": codecs.BOM_UTF8,
        "utf16-bom-only": codecs.BOM_UTF16_LE,
        "utf16-spaces": codecs.BOM_UTF16_LE + " \n".encode("utf-16-le") * 20,
        "one-a": b"a",
        "one-newline": b"\n",
        "one-nul": b"\x00",
        "one-ff": b"\xff",
        "one-80": b"\x80",
        "one-lt": b"<",
        "one-dash-line": b"---",
        "front-matter-only": b"---\ntitle: Only front matter\n---\n",
    }
    for name, data in small.items():
        w.add(f"articles/size/{w.stem()}-{name}.txt", data, "size", name)
    words = " ".join(w.rng.choice(hp.WORDS) for _ in range(300_000))  # ~2.1 MB, cut below
    line = (hp.headline(w.rng) + " " + words).encode()
    big = {
        "huge-line-1.9mb": line[:1_900_000],
        "one-word-1.9mb": b"a" * 1_900_000,
        "exactly-limit": line[: MAX_BYTES - 1] + b"\n",
        "just-over-limit": line[:MAX_BYTES] + b"\n",
        "many-short-lines": b"x\n" * 300_000,
        "nested-tags": b"<div>" * 100_000,
    }
    for name, data in big.items():
        w.add(f"articles/size/{w.stem()}-{name}.txt", data, "size", name)


FRAMES = {
    "standard": "---\n{y}\n---\n",
    "unclosed": "---\n{y}\n",
    "dots-close": "---\n{y}\n...\n",
    "bom": "\ufeff---\n{y}\n---\n",
    "blank-first": "\n---\n{y}\n---\n",
    "trailing-spaces": "---   \n{y}\n---  \n",
    "four-dashes": "----\n{y}\n----\n",
    "toml": "+++\n{y}\n+++\n",
    "double-open": "---\n---\n{y}\n---\n",
    "empty": "---\n---\n",
    "open-only": "---\n",
    "close-in-body": "---\n{y}\n\nbody text before the close\n---\n",
    "note-between": "---\nForwarded by a colleague, date unknown; please check the source.\n---\n",
    "crlf": "---\r\n{y}\r\n---\r\n",
}


def _front_matter(w, hazards: list[tuple[str, str]]) -> None:
    for kind, text in hazards:
        w.text(f"articles/front-matter/{w.stem()}-{kind}.txt", f"---\n{text}\n---\n{w.prose()}", "front-matter", kind)
    good = "title: A framed title\ntags: [Frames]"
    for kind, frame in FRAMES.items():
        text = frame.format(y=good) + w.prose()
        w.text(f"articles/front-matter/{w.stem()}-frame-{kind}.txt", text, "front-matter", f"frame-{kind}")
    both = "---\ntitle: Front matter title\n---\n" + w.prose()
    w.pair(f"front-matter/{w.stem()}-with-sidecar", b"title: Sidecar title\n", "front-matter", "and-sidecar", both)


def _sidecars(w, hazards: list[tuple[str, str]]) -> None:
    for kind, text in hazards:
        w.pair(f"sidecar/{w.stem()}-{kind}", text.encode(), "sidecar", kind)
    specific = {
        "not-utf8": "title: Caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"),
        "utf16": codecs.BOM_UTF16_LE + "title: Wide sidecar\n".encode("utf-16-le"),
        "empty": b"",
        "front-matter-dashes": b"---\ntitle: Dashes in a sidecar\n---\n",
        "nul": b"title: a\x00b\n",
        "random-bytes": w.rng.randbytes(256),
    }
    for kind, data in specific.items():
        w.pair(f"sidecar/{w.stem()}-{kind}", data, "sidecar", kind)
    stem = w.stem()
    w.text(f"articles/sidecar/{stem}-orphan.yaml", "title: An orphan sidecar\n", "sidecar", "orphan")
    stem = w.stem()
    article = w.text(f"articles/sidecar/{stem}-yml.txt", w.prose(), "sidecar", "yml-next-to-txt")
    w.text(
        f"articles/sidecar/{stem}-yml.yml", "title: A .yml sidecar\n", "sidecar", "yml", hc.SIDECAR, companion=article
    )
    stem = w.stem()
    article = w.text(f"articles/sidecar/{stem}-upper.txt", w.prose(), "sidecar", "upper-yaml-next-to-txt")
    w.text(
        f"articles/sidecar/{stem}-upper.YAML", "title: Upper\n", "sidecar", "upper-yaml", hc.SIDECAR, companion=article
    )
    stem = w.stem()
    w.text(f"articles/sidecar/{stem}-folder.txt", w.prose(), "sidecar", "folder-sidecar")
    w.folder(f"articles/sidecar/{stem}-folder.yaml")


def _file_names(w) -> None:
    stem = w.stem()
    names = {
        "date-feb-30": f"2018-02-30-{stem}.txt",
        "date-year-0": f"0000-01-01-{stem}.txt",
        "date-month-13": f"2018-13-01-{stem}.txt",
        "date-day-0": f"2018-01-00-{stem}.txt",
        "date-9999": f"9999-99-99-{stem}.txt",
        "date-far-future": f"2999-12-31-{stem}.txt",
        "date-short": f"2018-1-1-{stem}.txt",
        "upper": f"{stem}-UPPER.TXT",
        "mixed-case": f"{stem}-mixed.Txt",
        "text-ext": f"{stem}-article.text",
        "bak": f"{stem}.txt.bak",
        "tilde": f"{stem}.txt~",
        "trailing-space": f"{stem}-trailing.txt ",
        "leading-space": f" {stem}-leading.txt",
        "unicode-nfc": f"{stem}-caf\u00e9-\u6771\u4eac.txt",
        "unicode-nfd": f"{stem}-cafe\u0301-\u6771\u4eac.txt",
        "emoji": f"{stem}-\U0001f600\U0001f525.txt",
        "rtl-override": f"{stem}-\u202etxt.exe.txt",
        "zero-width": f"{stem}\u200b-zw.txt",
        "newline": f"{stem}-new\nline.txt",
        "tab": f"{stem}\tx.txt",
        "markup": f"{stem}-<img src=x onerror=alert(1)>.txt",
        "quotes": f'{stem}-it\'s "quoted".txt',
        "dash": f"-rf {stem}.txt",
        "backslash": f"{stem}\\..\\x.txt",
        "percent": f"{stem}-100%25.txt",
        "colon": f"{stem}:x.txt",
        "star": f"{stem}*.txt",
        "no-extension": f"{stem}-README",
        "double-ext": f"{stem}.txt.txt",
        "index": "index.txt",
        "search": "search.txt",
        "archive-json": "archive.json.txt",
        "long-ascii": f"{stem}-" + "x" * (250 - len(stem) - 1) + ".txt",
        "long-multibyte": f"{stem}-" + "\u00e9" * 122 + ".txt",
        "long-255": f"{stem}-" + "y" * (255 - len(stem) - 5) + ".txt",
        "deep-folders": "/".join(f"d{i}" for i in range(40)) + f"/{stem}.txt",
        "folder-named-txt": f"{stem}-folder.txt/inner.txt",
        "case-twin-a": "Twin.txt",
        "case-twin-b": "twin.txt",
        "same-name-a": "same/a/same.txt",
        "same-name-b": "same/b/same.txt",
    }
    for kind, name in names.items():
        w.text(f"articles/names/{name}", w.prose(), "filename", kind)
    w.add(b"articles/names/" + w.stem().encode() + b"-caf\xe9-latin1.txt", w.prose().encode(), "filename", "not-utf8")
    free = {"lock": f".#{stem}.txt", "dot-txt": ".txt", "swap": f".{stem}.txt.swp", "hidden-folder": ".hidden/x.txt"}
    for kind, name in free.items():
        w.text(f"articles/names/{name}", w.prose(), "filename", kind, hc.FREE)
    w.add("articles/.DS_Store", b"\x00\x00\x00\x01Bud1" + w.rng.randbytes(2000), "filename", "ds-store", hc.FREE)


def _formats(w, secret_paths: tuple[str, ...], hijack: str) -> None:
    script = "<script>alert('format')</script>"
    secret_txt, secret_yaml = secret_paths[0], secret_paths[1]
    files = {
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n",
        "docx": hc.docx_bytes(script),
        "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048),
        "json": f'{{"title": "{script}", "body": "JSON body"}}'.encode(),
        "csv": f"title,body\n{script},x\n=cmd|' /C calc'!A0,y\n".encode(),
        "svg": f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">{script}</svg>'.encode(),
        "rtf": rb"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0 Hello {\field{\*\fldinst HYPERLINK javascript:x}}}",
        "php": b"<?php system($_GET['c']); ?>",
        "xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        "js": f"document.write('{script}');".encode(),
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "gif": b"GIF89a" + bytes(64),
        "zip": hc.docx_bytes("zip"),
        "gz": gzip.compress(b"compressed article text", mtime=0),
        "exe": b"MZ\x90\x00" + bytes(256),
        "eml": f"From: a@example.org\nSubject: {script}\nContent-Type: text/html\n\n{script}<p>Mail</p>\n".encode(),
        "mhtml": f"MIME-Version: 1.0\nContent-Type: text/html\n\n<html><body>{script}</body></html>\n".encode(),
        "ipynb": b'{"cells": [{"cell_type": "markdown", "source": ["<script>alert(1)</script>"]}]}',
    }
    for ext, data in files.items():
        w.add(f"articles/formats/{w.stem()}.{ext}", data, "format", ext)
    # Markdown with Pelican's own metadata lines: (title, metadata lines after the title, text)
    dated = "Date: 2020-01-01\n"
    md = {
        kind: f"Title: {title}\n{lines}\n{text}\n"
        for kind, (title, lines, text) in {
            "md-script": (f"Markdown {script}", dated, f"Text {script} [x](javascript:alert(1))"),
            "md-save-as-index": ("Overwrite the index", dated + "Save_as: index.html\n", "Overwritten."),
            "md-save-as-escape": ("Escape", dated + "Save_as: ../../escaped.html\n", "Escaped."),
            "md-save-as-control": ("Hijack", dated + f"Save_as: briefings/{hijack}/index.html\n", "Hijacked."),
            "md-template": ("Template", dated + "Template: ../../../../etc/passwd\n", "x"),
            "md-bad-date": ("Bad date", "Date: 2018-02-30\n", "x"),
            "md-undated": ("No date", "", "x"),
        }.items()
    }
    for kind, text in md.items():
        w.text(f"articles/formats/{w.stem()}-{kind}.md", text, "format", kind)
    html = (
        f"<html><head><title>{script}</title><meta name='save_as' content='archive.json'></head>"
        f"<body><img src=x onerror=alert(1)>{script}<a href='javascript:alert(1)'>x</a></body></html>"
    )
    dated_html = html.replace("<meta name='save_as' content='archive.json'>", "<meta name='date' content='2020-01-01'>")
    w.text(f"articles/formats/{w.stem()}-saved.html", dated_html, "format", "html")
    w.text(f"articles/formats/{w.stem()}-saved.htm", html, "format", "htm-undated-save-as")
    w.text(f"articles/formats/{w.stem()}-page.txt", html, "format", "html-in-txt")
    rst = {
        "rst-include-passwd": "Include\n#######\n\n:date: 2020-01-01\n\n.. include:: /etc/passwd\n",
        "rst-include-secret": f"Include\n#######\n\n:date: 2020-01-01\n\n.. include:: {secret_txt}\n   :literal:\n",
        "rst-raw-html": f"Raw\n###\n\n:date: 2020-01-01\n\n.. raw:: html\n\n   {script}<img src=x onerror=alert(1)>\n",
        "rst-raw-file": f"Raw file\n########\n\n:date: 2020-01-01\n\n.. raw:: html\n   :file: {secret_yaml}\n",
        "rst-csv-file": "Table\n#####\n\n:date: 2020-01-01\n\n.. csv-table:: t\n   :file: /etc/passwd\n",
        "rst-undated": "Undated\n#######\n\nNo date.\n",
        "rst-link": "Link\n####\n\n:date: 2020-01-01\n\n`click <javascript:alert(1)>`_\n",
    }
    for kind, text in rst.items():
        w.text(f"articles/formats/{w.stem()}-{kind}.rst", text, "format", kind)
    disguised = {
        "pdf-in-txt": files["pdf"],
        "png-in-txt": files["png"],
        "gz-in-txt": files["gz"],
        "rtf-in-txt": files["rtf"],
    }
    for kind, data in disguised.items():
        w.add(f"articles/formats/{w.stem()}-{kind}.txt", data, "format", kind)


def _specials(w, secret_paths: tuple[str, ...]) -> None:
    secret_txt, secret_yaml, outside_folder, passwd = secret_paths
    w.symlink("articles/special/passwd.txt", passwd, "special", "symlink-passwd")
    w.symlink("articles/special/secret-absolute.txt", secret_txt, "special", "symlink-secret-absolute")
    w.symlink("articles/special/secret-relative.txt", "../../../secret.txt", "special", "symlink-secret-relative")
    w.symlink("articles/special/chain.txt", "secret-absolute.txt", "special", "symlink-chain")
    w.symlink("articles/special/dangling.txt", "/nonexistent/hostile/article.txt", "special", "symlink-dangling")
    w.symlink("articles/special/self.txt", "self.txt", "special", "symlink-self-loop")
    w.symlink("articles/special/dev-zero.txt", "/dev/zero", "special-device", "symlink-dev-zero")
    w.symlink("articles/special/loop", "..", "special-loop", "folder-symlink-parent", hc.FREE)
    w.symlink("articles/special/outside", outside_folder, "special", "folder-symlink-outside", hc.FREE)
    article = w.text("articles/special/sidecar-secret.txt", w.prose(), "special", "sidecar-symlink-secret")
    w.symlink("articles/special/sidecar-secret.yaml", secret_yaml, "special", "sidecar-symlink", hc.SIDECAR, article)
    article = w.text("articles/special/sidecar-passwd.txt", w.prose(), "special", "sidecar-symlink-passwd")
    w.symlink("articles/special/sidecar-passwd.yaml", passwd, "special", "sidecar-symlink-passwd", hc.SIDECAR, article)
    w.fifo("articles/special/pipe.txt", "special-fifo", "fifo")
    article = w.text("articles/special/sidecar-fifo.txt", w.prose(), "special-fifo", "sidecar-fifo-article")
    w.fifo("articles/special/sidecar-fifo.yaml", "special-fifo", "sidecar-fifo", hc.SIDECAR, companion=article)


FIELDS = ("title", "source", "authors", "tags", "summary", "slug", "entities", "related")


def _front(field: str, payload: str) -> str:
    value = hp.yaml_text(payload)
    if field in ("authors", "tags", "related"):
        return f"{field}: [{value}]"
    if field == "entities":
        return f"entities: [{{name: {value}, type: person}}]"
    return f"{field}: {value}"


def _injections(w) -> None:
    for number, payload in enumerate(hp.INJECTIONS):
        for field in FIELDS:
            text = f"---\n{_front(field, payload)}\n---\n{w.prose()}"
            w.text(
                f"articles/injection/{w.stem()}-{field}-{number:02d}.txt", text, "injection", f"{field}-{number:02d}"
            )
        head = f"{payload} {hp.headline(w.rng)}\n\n{hp.paragraph(w.rng, 1)} {payload} {hp.sentence(w.rng)}\n"
        w.text(f"articles/injection/{w.stem()}-text-{number:02d}.txt", head, "injection", f"headline-body-{number:02d}")
    for number, url in enumerate(hp.EVIL_URLS):
        text = f"---\nurl: {hp.yaml_text(url)}\n---\n{w.prose()}"
        w.text(f"articles/injection/{w.stem()}-url-{number:02d}.txt", text, "injection", f"url-{number:02d}")
        link = f"entities: [{{name: Ostrava harbour board, type: organization, link: {hp.yaml_text(url)}}}]"
        text = f"---\n{link}\nsource: {hp.yaml_text(url)}\n---\n{w.prose()}"
        w.text(f"articles/injection/{w.stem()}-link-{number:02d}.txt", text, "injection", f"entity-link-{number:02d}")
        side = f"url: {hp.yaml_text(url)}\ntitle: {hp.yaml_text(hp.INJECTIONS[number])}\n"
        w.pair(
            f"injection/{w.stem()}-sidecar-url-{number:02d}", side.encode(), "injection", f"sidecar-url-{number:02d}"
        )
