"""Shared test setup: the plugin package on sys.path, fixture files, a deterministic hypothesis profile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

if str(REPO / "plugins") not in sys.path:
    sys.path.insert(0, str(REPO / "plugins"))

# Same examples on every run, no example database written into the checkout, no flaky deadlines.
settings.register_profile(
    "briefing",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("briefing")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


# --- built sites, shared by the feed, sitemap, metadata, link and browser tests (see sites.py) -------


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The tagged sample site, built with `make html` (development settings, relative URLs, search index)."""
    from sites import build_sample_site

    return build_sample_site(tmp_path_factory.mktemp("sample-site"))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The tagged sample site, built with `make publish` and an absolute SITEURL."""
    from sites import build_published_sample_site

    return build_published_sample_site(tmp_path_factory.mktemp("published-site"))
