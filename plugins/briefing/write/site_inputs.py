"""Whether a build can keep every page of the last one: a digest of everything the site is made from,
kept (in the build's cache folder, one record per output folder) with what the last complete build wrote.

The site's pages are a function of its inputs: every file of the content folder, the theme, the plugins'
code, the settings and the installed packages (the language model's among them). When the digest of all
of them, and the list, sizes and times of the files the last build wrote, are those the last complete
build recorded, no page can differ: the build renders none of them (a warm rebuild then costs the
reading of the articles, which their cache makes cheap). Anything else, or any doubt (no record, an
unreadable one, a file of the output changed or gone), and every page is rendered as usual.

The record is removed as a build starts rendering and written again when it ends, so a build that stops
half-way never leaves a record that vouches for its output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable
from importlib import metadata

from .search_stamp import update_with_file

logger = logging.getLogger(__name__)

# What a repr names by its address ("<Foo object at 0x7f...>") differs from one run to the next.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def folder_digest(folders: Iterable[str], skip_names: frozenset[str] = frozenset()) -> str:
    """sha256 of every file under `folders` (sorted): its path inside its folder and its bytes; a folder
    that is not there counts as empty. Names in `skip_names` (files or folders) are left out."""
    digest = hashlib.sha256()
    for top in folders:
        digest.update(b"folder\0" + os.path.abspath(top).encode("utf-8") + b"\0")
        found = []
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in skip_names)
            found.extend(os.path.join(folder, name) for name in files if name not in skip_names)
        for path in sorted(found):
            digest.update(os.path.relpath(path, top).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(_file_digest(path))
    return digest.hexdigest()


def _file_digest(path: str) -> bytes:
    """sha256 of a regular file (or of the one a link leads to); what is not one (a named
    pipe, a device, a dangling link) counts by its kind, and is never opened."""
    try:
        status = os.stat(path)
    except OSError:
        return b"not there"
    if not stat.S_ISREG(status.st_mode):
        return f"not a file {stat.S_IFMT(status.st_mode)}".encode()
    file_hash = hashlib.sha256()
    try:
        update_with_file(file_hash, path)
    except OSError as error:  # unreadable: the build will say why; never a digest to match
        return f"unreadable {error} {os.urandom(8).hex()}".encode()
    return file_hash.digest()


def canonical(value: object) -> str:
    """A text for `value` that is the same in every run for the same value: dicts and sets in sorted order,
    a function by its name and code, anything else by its repr without addresses."""
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        return f"{type(value).__name__}[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "set[" + ",".join(sorted(canonical(v) for v in value)) + "]"
    code = getattr(value, "__code__", None)
    if code is not None:
        constants = [c for c in code.co_consts if not hasattr(c, "co_code")]
        names = canonical(list(code.co_names))
        return f"function {getattr(value, '__qualname__', '')} {code.co_code.hex()} {canonical(constants)} {names}"
    return _ADDRESS.sub("", repr(value))


def installed_packages() -> str:
    """Every installed distribution and its version, sorted: a new model, theme or library changes it."""
    names = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions() if d.metadata["Name"]})
    return f"python {sys.version}\n" + "\n".join(names)


def rendering_digest(folders: Iterable[str], settings: dict, skip_settings: Iterable[str] = ()) -> str:
    """The digest of what renders a site's pages besides its content: the files under `folders` (theme,
    plugins), the settings but `skip_settings` (what a build puts there for itself), the installed
    packages."""
    skip = set(skip_settings)
    digest = hashlib.sha256(folder_digest(folders, frozenset({"__pycache__"})).encode())
    digest.update(canonical({k: v for k, v in settings.items() if k not in skip}).encode("utf-8"))
    digest.update(installed_packages().encode("utf-8"))
    return digest.hexdigest()


def site_digest(content: str, rendering: str) -> str:
    """The digest of a site's inputs: every file of the `content` folder, and what renders its pages
    (`rendering_digest`)."""
    return hashlib.sha256(f"{folder_digest([content])}\n{rendering}".encode()).hexdigest()


def outputs_digest(output: str, paths: Iterable[str]) -> str | None:
    """sha256 of the path, size and modification time of each file; None when one is not there."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        try:
            status = os.stat(os.path.join(output, path))
        except OSError:
            return None
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def record_path(cache_dir: str, output: str) -> str:
    """Where the record of builds into `output` is kept: a file of its own per output folder."""
    name = hashlib.sha256(os.path.realpath(output).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return os.path.join(cache_dir, f"{name}.json")


def is_unchanged(record: str, output: str, inputs: str, written: Iterable[str]) -> bool:
    """Whether the last complete build into `output` (`record`: its record) had these inputs and its files
    (`written`, from the output folder's list) are as it left them."""
    try:
        with open(record, encoding="utf-8") as handle:
            kept = json.load(handle)
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as error:
        logger.info("%s: unreadable (%s); every page is rendered", record, error)
        return False
    if not isinstance(kept, dict) or kept.get("inputs") != inputs:
        return False
    written = list(written)
    return bool(written) and kept.get("outputs") == outputs_digest(output, written)


def forget(record: str) -> None:
    """Remove the record: from here on the output no longer matches it."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(record)


def remember(record: str, output: str, inputs: str, written: Iterable[str]) -> None:
    """Record that the files `written` into `output` are those of a complete build of `inputs`."""
    outputs = outputs_digest(output, written)
    if outputs is None:
        return
    os.makedirs(os.path.dirname(record), exist_ok=True)
    with open(record, "w", encoding="utf-8") as handle:
        json.dump({"output": os.path.realpath(output), "inputs": inputs, "outputs": outputs}, handle)
