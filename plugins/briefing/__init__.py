"""Briefing archive: raw article files in, briefing pages, entity and thread pages and `archive.json` out.

The package is laid out by stage (`read/`, `corpus/`, `write/`); `pelican/` is the only folder that
imports Pelican, and `register()` loads it only when Pelican asks, so the core imports without it.
"""


def register():
    from .pelican.plugin import register as register_signals

    register_signals()
