"""The real `make html` for the hostile suite, with a hard time limit, a memory guard and the peak memory of
the whole process tree (make, pelican, the language model's workers, pagefind)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from conftest import REPO

BUILD_TIMEOUT = 600  # seconds; a hang is a failed build, never a hung test run
MEMORY_GUARD = 6 * 2**30  # the build is killed above this (the check itself allows 2 GB)
POLL_SECONDS = 0.2
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
# make wraps the recipe's status: `make: *** [Makefile:98: html] Error 1`, and make itself exits 2
MAKE_ERROR = re.compile(r"make(?:\[\d+\])?: \*\*\* \[[^\]]*\] Error (\d+)")


@dataclass(repr=False)
class Build:
    content: Path
    out: Path
    cache: Path
    log_path: Path
    make_status: int | None  # None when the build was killed
    outcome: str  # "finished", "timed out after N s", "killed above N GB of memory"
    seconds: float
    peak_rss: int  # bytes: the largest sum over the process tree seen, or the largest single process
    largest_process_rss: int

    def __repr__(self) -> str:
        return f"Build({self.out}: {self.outcome}, make status {self.make_status}, {self.seconds:.0f} s)"

    @cached_property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    @property
    def status(self) -> int | None:
        """The build recipe's own exit status (what the README documents), not make's."""
        if self.make_status in (None, 0):
            return self.make_status
        found = MAKE_ERROR.findall(self.log)
        return int(found[-1]) if found else self.make_status

    @cached_property
    def archive(self) -> dict | None:
        try:
            return json.loads((self.out / "archive.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def log_tail(self, chars: int = 3000) -> str:
        lines = [line.rstrip()[:300] for line in self.log.splitlines()]
        return "\n".join(lines)[-chars:]


def _session_rss(session: int) -> int:
    """Resident memory of every process in `session` (the build runs in its own session)."""
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # fields[0] is field 3 of stat(5): state; session is field 6
            total += int(fields[21]) * PAGE_SIZE  # rss, field 24
    return total


def run_make(content: Path, out: Path, cache: Path, log_path: Path, timeout: float = BUILD_TIMEOUT) -> Build:
    """`make html INPUTDIR=content OUTPUTDIR=out` with its own BRIEFING_CACHE_DIR, output into `log_path`."""
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(cache),
        "PYTHONHASHSEED": "0",
        "COLUMNS": "1000",
        "NO_COLOR": "1",
    }
    command = ["make", "html", f"INPUTDIR={content}", f"OUTPUTDIR={out}"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        start, peak, outcome, reaped = time.monotonic(), 0, "finished", None
        try:
            while reaped is None:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    reaped = (status, usage)
                    break
                peak = max(peak, _session_rss(process.pid))
                elapsed = time.monotonic() - start
                if elapsed > timeout or peak > MEMORY_GUARD:
                    outcome = (
                        f"timed out after {timeout:.0f} s" if elapsed > timeout else "killed above the memory guard"
                    )
                    os.killpg(process.pid, signal.SIGKILL)
                    reaped = os.wait4(process.pid, 0)[1:]
                    break
                time.sleep(POLL_SECONDS)
        finally:
            if reaped is None:  # interrupted: never leave a build running
                os.killpg(process.pid, signal.SIGKILL)
                reaped = os.wait4(process.pid, 0)[1:]
            process.returncode = os.waitstatus_to_exitcode(reaped[0])
            _end_session(process.pid)
    seconds = time.monotonic() - start
    largest = reaped[1].ru_maxrss * 1024  # KiB on Linux: the largest single process of the tree
    make_status = process.returncode if outcome == "finished" else None
    return Build(content, out, cache, log_path, make_status, outcome, seconds, max(peak, largest), largest)


def _end_session(session: int) -> None:
    """Processes of the build's own session still alive after make ended (killed, or left behind)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(session, signal.SIGKILL)
