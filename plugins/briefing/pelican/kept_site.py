"""A rebuild of an unchanged site keeps every page (write/site_inputs.py): checked once every article is
read, before the corpus stage; the writer and the generator then render and write nothing, and the
output folder stays as the last complete build left it. Recorded again when a build that rendered ends.
"""

from __future__ import annotations

import os

from ..write.outputs import read_manifest
from ..write.site_inputs import forget, is_unchanged, record_path, remember, rendering_digest, site_digest
from .reader import READER_REPORT_SETTING

# Where this build's verdict sits in Pelican's settings, for the writer and the generator: the digest of
# the site's inputs, and whether the last complete build had the same.
INPUTS_SETTING = "BRIEFING_SITE_INPUTS"
UNCHANGED_SETTING = "BRIEFING_SITE_UNCHANGED"
RENDERING_SETTING = "BRIEFING_SITE_RENDERING"  # the part of the digest every page shares (site_rendering)
# The records' folder in the build's cache folder (BRIEFING_CACHE_DIR).
SITE_CACHE_FOLDER = "site"
PAGES_FOLDER = "pages"  # in it: the fingerprints of each output folder's pages (write/kept_pages.py)
# Settings a build puts there for itself (this build's report and writer, as writer.WRITER_SETTING names
# it): not inputs of the site.
RUNTIME_SETTINGS = (
    INPUTS_SETTING,
    UNCHANGED_SETTING,
    RENDERING_SETTING,
    READER_REPORT_SETTING,
    "BRIEFING_SITE_WRITER",
)


def site_rendering(settings: dict) -> str:
    """The digest of what renders every page besides the content (the theme, the plugins, the settings,
    the installed packages): made once per build, for this check and for each page's fingerprint."""
    rendering = settings.get(RENDERING_SETTING)
    if rendering is None:
        plugins = [p for p in settings.get("PLUGIN_PATHS", []) if os.path.isdir(p)]
        overrides = [p for p in settings.get("THEME_TEMPLATES_OVERRIDES", []) if os.path.isdir(p)]
        folders = [settings["THEME"], *overrides, *plugins]
        rendering = settings[RENDERING_SETTING] = rendering_digest(folders, settings, RUNTIME_SETTINGS)
    return rendering


def check_unchanged(settings: dict, output: str, extra_outputs: tuple[str, ...], cache_dir: str) -> bool:
    """Whether the last complete build into `output` had this build's inputs and left its files as they
    are: those its writer listed and `extra_outputs`, the files the generator writes itself. The verdict
    goes into the settings; a build that is to render forgets the old record first."""
    inputs = site_digest(settings["PATH"], site_rendering(settings))
    written = _written(output, extra_outputs)
    record = _record(cache_dir, output)
    unchanged = len(written) > len(extra_outputs) and is_unchanged(record, output, inputs, written)
    settings[INPUTS_SETTING] = inputs
    settings[UNCHANGED_SETTING] = unchanged
    if not unchanged:
        forget(record)
    return unchanged


def is_kept(settings: dict) -> bool:
    return bool(settings.get(UNCHANGED_SETTING))


def remember_site(settings: dict, output: str, extra_outputs: tuple[str, ...], cache_dir: str) -> None:
    """At the end of a build that rendered its pages: record its inputs and the files it left."""
    inputs = settings.get(INPUTS_SETTING)
    if inputs and not is_kept(settings):
        remember(_record(cache_dir, output), output, inputs, _written(output, extra_outputs))


def _written(output: str, extra_outputs: tuple[str, ...]) -> set[str]:
    """The files of `output` a build vouches for: its writer's list and those of `extra_outputs` there."""
    return read_manifest(output) | {p for p in extra_outputs if os.path.exists(os.path.join(output, p))}


def _record(cache_dir: str, output: str) -> str:
    return record_path(os.path.join(cache_dir, SITE_CACHE_FOLDER), output)
