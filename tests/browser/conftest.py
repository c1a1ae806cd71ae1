"""Browser test set-up: the built sample site served on 127.0.0.1, and Debian's Chromium driven by
Playwright with a fresh profile. No browser is downloaded: Playwright only starts /usr/bin/chromium (or
$BRIEFING_CHROMIUM).

`make test` sees to that Chromium first (scripts/browser-deps.sh: apt-get installs it as root, otherwise it
stops with the command to run); `make test-fast` leaves these tests out.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import REPO

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("BRIEFING_SCREENSHOTS", REPO / "test-artifacts" / "screenshots")).resolve()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served by a static file server on a free port of 127.0.0.1; yields its address."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


SERIOUS = {"serious", "critical"}


def check_accessibility(page, axe_script: Path, screenshots_dir: Path, name: str) -> None:
    """Photograph the open page as `name`, run axe-core on it (its findings saved next to the
    screenshots) and fail on any serious or critical violation."""
    page.screenshot(path=str(screenshots_dir / f"{name}.png"), full_page=True)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"""
    )
    (screenshots_dir.parent / "axe").mkdir(exist_ok=True)
    (screenshots_dir.parent / "axe" / f"{name}.json").write_text(json.dumps(violations, indent=2))
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert serious == [], json.dumps(serious, indent=2)


@pytest.fixture(scope="session")
def site_url(sample_site):
    """The built sample site, served on 127.0.0.1."""
    with served(sample_site.out) as url:
        yield url


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium with apt-get "
            "as root, otherwise it says what to run), or `make test-fast` to leave the browser tests out",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1200, "height": 900},
            reduced_motion="reduce",
        )
        context.set_default_timeout(15_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of `page`, as text, from here on."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


SCREENSHOTS_TAKEN = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def screenshots_dir(request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS_TAKEN] = SCREENSHOTS
    return SCREENSHOTS


@pytest.fixture(scope="session")
def axe_script():
    assert AXE.is_file(), f"{AXE} is missing: run `make test` (it installs node_modules with npm ci)"
    return AXE


def pytest_terminal_summary(terminalreporter, config):
    folder = config.stash.get(SCREENSHOTS_TAKEN, None)
    if folder is not None:
        count = len(list(folder.glob("*.png")))
        terminalreporter.write_line(f"browser test screenshots ({count}): {folder}")
