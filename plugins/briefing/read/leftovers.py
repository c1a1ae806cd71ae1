"""Files of the article folders that no reader took, each named with what becomes of it, so that no file
vanishes without a word: editor and system leftovers are listed as ignored; a document the project
cannot read (.pdf, .docx, .rtf, a misnamed text file ...) is rejected like an unreadable article.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..userdata import shown_path
from .files import folder_link_target

# Names that editors, file managers and version control leave next to the files people work on.
LEFTOVER_PATTERNS = (
    "*~",
    "*.bak",
    "*.orig",
    "*.swp",
    "*.swo",
    "*.tmp",
    ".#*",
    "#*#",
    ".~lock.*",
    "._*",
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    ".git*",
    ".keep",
)
SIDECAR_EXTENSIONS = (".yaml", ".yml")


@dataclass(frozen=True)
class Unread:
    source_path: str  # relative to the content folder, "/" separators
    reason: str
    ignored: bool  # True: listed as ignored; False: rejected (the build fails)


def unread_files(content_root: str, folders: Iterable[str], offered: set[str]) -> Iterator[Unread]:
    """Every file under `folders` (relative to `content_root`) that is not in `offered`, with what becomes
    of it, and every folder link the walk of the generators does not follow (pelican/walk.py)."""
    content = os.path.realpath(content_root)
    tops = [os.path.join(content_root, folder) for folder in folders]
    roots = [os.path.realpath(top) for top in tops]
    for top in tops:
        for directory, subfolders, names in os.walk(top):
            hidden = sorted(name for name in subfolders if name.startswith("."))
            links = sorted(name for name in subfolders if os.path.islink(os.path.join(directory, name)))
            subfolders[:] = sorted(name for name in subfolders if name not in hidden and name not in links)
            for name in hidden:
                yield Unread(_relative(directory, name, content_root), "a hidden folder", True)
            for name in links:
                if (unread := _folder_link(directory, name, content_root, content, roots)) is not None:
                    yield unread
            for name in sorted(names):
                relative = _relative(directory, name, content_root)
                if relative not in offered and (unread := judge(relative, names)) is not None:
                    yield shown(unread)


def _folder_link(directory: str, name: str, content_root: str, content: str, roots: list[str]) -> Unread | None:
    relative = _relative(directory, name, content_root)
    real = os.path.realpath(os.path.join(directory, name))
    target = folder_link_target(real, content, roots)
    if target == "outside":
        return Unread(relative, "a link to a folder outside the content folder: not read", False)
    if target == "walked":
        where = os.path.relpath(real, content).replace(os.sep, "/")
        return Unread(
            relative,
            f"a link to the folder {where if where != '.' else 'of the content'}: its files are read there, once",
            True,
        )
    return None  # a folder of the content folder outside the article folders: walked through the link


def _relative(directory: str, name: str, content_root: str) -> str:
    return os.path.relpath(os.path.join(directory, name), content_root).replace(os.sep, "/")


def shown(unread: Unread) -> Unread:
    """The verdict with a name that can be written anywhere (bytes that are not UTF-8 become U+FFFD)."""
    name = shown_path(unread.source_path)
    if name == unread.source_path:
        return unread
    return Unread(name, "the file name is not UTF-8: rename the file", False)


def judge(relative: str, neighbours: Iterable[str] = ()) -> Unread | None:
    """What becomes of a file no reader took (None: nothing, it is read with its article); `neighbours`
    are the names in its folder."""
    name = posixpath.basename(relative)
    stem, extension = posixpath.splitext(name)
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in LEFTOVER_PATTERNS):
        return Unread(relative, "an editor or system leftover", True)
    if extension.lower() in SIDECAR_EXTENSIONS:
        if any(posixpath.splitext(other)[0] == stem and other != name for other in neighbours):
            return None
        return Unread(relative, "a metadata file with no article of the same name next to it", True)
    if name.startswith("."):
        return Unread(relative, "a hidden file", True)
    if name != name.rstrip():
        return Unread(relative, "the file name ends in white space: rename it to end in .txt", False)
    if not extension:
        return Unread(relative, "a file without an extension: articles are .txt files", False)
    return Unread(relative, f"a {extension} file: no reader takes it (articles are .txt files)", False)
