"""Sites built once per test session (fixtures in conftest.py) for the feed, sitemap, metadata, link and
browser tests: the sample articles of content/, with tags added in sidecar files so that tag pages and
per-tag feeds exist, built by the real `make html` and `make publish` into temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO
from test_site import Build, make_html, run_make

PUBLISHED_SITEURL = "https://briefings.example.org/archive"

# Sidecar files (NAME.yaml next to NAME.txt) written into the copy of content/: one tag both samples
# share and one of each's own.
SAMPLE_SIDECARS = {
    "articles/2018-09-28-us-evacuates-basra-consulate.yaml": "tags: [Iraq, Iran]\n",
    "articles/2018-09-28-diplomats-evacuated-from-basra.yaml": "tags: [Iraq, Diplomacy]\n",
}


def tagged_sample_content(root: Path) -> Path:
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    for name, text in SAMPLE_SIDECARS.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def make_publish(content: Path, out: Path, cache: Path, siteurl: str) -> Build:
    """`make publish` (publishconf.py) with SITEURL set, as for a production site."""
    return run_make("publish", content, out, cache, {"SITEURL": siteurl})


def build_sample_site(root: Path) -> Build:
    content = tagged_sample_content(root)
    build = make_html(content, root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    return build


def build_published_sample_site(root: Path) -> Build:
    content = tagged_sample_content(root)
    build = make_publish(content, root / "out", root / "cache", PUBLISHED_SITEURL)
    assert build.returncode == 0, build.log[-4000:]
    return build
