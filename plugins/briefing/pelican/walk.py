"""How the generators find their files: Pelican's own walk follows every folder link, so a link to its own
parent is walked until the path is too long (every article published dozens of times) and two such
links multiply the paths at every level. This walk visits each real folder once, never follows a link
out of the content folder, and never follows a link to a folder it walks anyway (its files are read
where they lie). What it leaves out is reported by read/leftovers.py.
"""

from __future__ import annotations

import fnmatch
import os
import types

from ..read.files import folder_link_target


def walk_once(generator) -> None:
    """`generator_init`: this generator finds its files with `files_once`."""
    generator.get_files = types.MethodType(files_once, generator)


def files_once(generator, paths, exclude=None, extensions=None) -> set[str]:
    """Pelican's `Generator.get_files` contract: the files under `paths` (relative to the content
    folder) that a reader takes, less `exclude` and IGNORE_FILES."""
    content = os.path.realpath(generator.path)
    tops = [os.path.join(generator.path, path) if path else generator.path for path in paths]
    roots = [os.path.realpath(top) for top in tops]
    excluded = {os.path.realpath(os.path.join(generator.path, e)) for e in exclude or ()}
    ignores = generator.settings["IGNORE_FILES"]
    if extensions is None:
        extensions = tuple(generator.readers.extensions)
    files: set[str] = set()
    seen: set[str] = set()
    for path, top in zip(paths, tops, strict=True):
        if not os.path.isdir(top):
            if os.path.exists(top) and _taken(path, ignores, extensions):
                files.add(path)
            continue
        for folder, subfolders, names in os.walk(top, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                subfolders[:] = []
                continue
            seen.add(real)
            subfolders[:] = [
                name
                for name in sorted(subfolders)
                if not any(fnmatch.fnmatch(name, ignore) for ignore in ignores)
                and followed(os.path.join(folder, name), content, roots, excluded)
            ]
            for name in names:
                relative = os.path.relpath(os.path.join(folder, name), generator.path)
                if _taken(relative, ignores, extensions):
                    files.add(relative)
    return files


def followed(folder: str, content: str, roots: list[str], excluded: set[str]) -> bool:
    """Whether the walk enters `folder`: not excluded, and if it is a link, one to a folder of the
    content folder that no walked root holds already and that holds no walked root (a loop)."""
    real = os.path.realpath(folder)
    if real in excluded:
        return False
    if not os.path.islink(folder):
        return True
    return folder_link_target(real, content, roots) == "followed"


def _taken(relative: str, ignores, extensions) -> bool:
    name = os.path.basename(relative)
    if any(fnmatch.fnmatch(name, ignore) for ignore in ignores):
        return False
    return extensions is False or os.path.splitext(name)[1][1:] in extensions
