"""Which files of the content folder may be read, before a byte of them is: only regular files that
really lie inside the content folder. A link that leads out of it is never followed (a link to
/etc/passwd would publish it), a named pipe or a device is never opened (reading it could block the build
forever), and a file reached through a link to a folder of the archive is read once, where it lies.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from ..records import UnusableFile

# The file type letter of `ls -l` (stat.filemode) -> what to call it.
_KINDS = {"d": "a folder", "p": "a named pipe", "s": "a socket", "c": "a character device", "b": "a block device"}


class OutsideFolderLink(UnusableFile):
    """A file reached through a link to a folder outside the content folder; `link` is that folder link."""

    def __init__(self, link: str):
        super().__init__("a link to a folder outside the content folder: not read")
        self.link = link


@dataclass(frozen=True)
class ThroughLink:
    """A file of the content folder reached through a link (paths relative to the content folder)."""

    link: str  # the first part of the path that is a link: a folder link, or the file link itself
    real: str  # where the file lies
    folder: bool  # the link is a folder link


def through_link(path: str, content_root: str) -> ThroughLink | None:
    """None when the file at `path` lies where its path says. A ThroughLink when a link inside the
    content folder leads to it. Raises UnusableFile when the file must not be read at all: it lies
    outside the content folder (the message names the link folder when a folder link leads there), it
    does not exist, or it is not a regular file."""
    root = os.path.realpath(content_root)
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(content_root))
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if folder != os.path.join(root, os.path.dirname(relative)).rstrip(os.sep):
        link = _first_link(content_root, relative)
        if not inside(folder, root):
            raise OutsideFolderLink(link)
        real = os.path.relpath(os.path.join(folder, os.path.basename(path)), root).replace(os.sep, "/")
        return ThroughLink(link, real, True)
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except OSError:
        raise UnusableFile("a link to a file that does not exist") from None
    if not inside(real, root):
        raise UnusableFile("a link to a file outside the content folder: not read")
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.filemode(mode)[0], "not a regular file")
        raise UnusableFile(f"{kind}, not a file: not read")
    if real == os.path.join(root, relative):
        return None
    return ThroughLink(_first_link(content_root, relative), os.path.relpath(real, root).replace(os.sep, "/"), False)


def inside(path: str, root: str) -> bool:
    """Whether `path` is `root` or lies under it (both real paths)."""
    return os.path.commonpath([root, path]) == root


def folder_link_target(real: str, content: str, roots: list[str]) -> str:
    """Where a folder link leads, as the walk of the generators judges it (all real paths): "outside" the
    content folder (never followed), "walked" anyway (inside a walked root, or holding one: a loop;
    never followed, its files are read where they lie), or "followed" (a folder of the content folder
    that no walk reaches otherwise)."""
    if not inside(real, content):
        return "outside"
    if any(inside(real, root) or inside(root, real) for root in roots):
        return "walked"
    return "followed"


def _first_link(content_root: str, relative: str) -> str:
    """The first part of `relative` (a folder or the file itself) that is a symbolic link."""
    parts = relative.split(os.sep)
    for end in range(1, len(parts) + 1):
        prefix = os.path.join(*parts[:end])
        if os.path.islink(os.path.join(content_root, prefix)):
            return "/".join(parts[:end])
    return "/".join(parts)
