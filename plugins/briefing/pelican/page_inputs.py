"""What a page of the site is made from, as one fingerprint (write/page_fingerprints.py): the values its
template reads (`jinja2.meta`: the names a template and every template it extends, includes or imports
use without setting them, once per template), the template's name, and, the same for every page, the
theme's templates, the plugins' code, the settings and the installed packages.

What has a page of its own is a unit: a Pelican article or page (by its file), and an object that says
where its page is written (`save_as`: a thread, an entity, a speaker, a day of the digest, a tag). Pelican's
objects are read by their attributes, without the settings and the whole build's context every one of
them carries; an article whose text links to other content ("{filename}...") with those links resolved.
"""

from __future__ import annotations

import functools
import json
import logging
import os

import jinja2
import jinja2.meta
from pelican.contents import Content
from pelican.paginator import Paginator

from ..corpus.thread_briefing import ThreadBriefing
from ..records import Briefing
from ..write.page_fingerprints import PageFingerprints
from .kept_site import site_rendering

logger = logging.getLogger(__name__)

# What every page's text depends on besides the names its template reads: its own address (relative
# links) and the site's.
ALWAYS_READ = ("output_file", "SITEURL", "localsiteurl")
# What Pelican's objects carry that is not theirs: the settings (part of every fingerprint, once) and the
# whole build's context.
NOT_THEIRS = frozenset({"settings", "_context"})
# What a story's card leaves out: its page object (write/pages.py ArticlePage), shown on its own page.
CARD_LEAVES_OUT = "links"


def unit_name(value: object) -> str | None:
    """The lasting name of what has a page of its own; None for anything else."""
    kind = type(value)
    if not _may_have_a_page(kind):
        return None
    if isinstance(value, Content):
        return f"{kind.__name__} {getattr(value, 'source_path', None) or value.url}"
    save_as = getattr(value, "save_as", None)
    return f"{kind.__name__} {save_as}" if isinstance(save_as, str) and save_as else None


@functools.cache
def _may_have_a_page(kind: type) -> bool:
    return issubclass(kind, Content) or hasattr(kind, "save_as") or "save_as" in getattr(kind, "__slots__", ())


def unit_attributes(value: object, as_card: bool) -> dict:
    """The attributes that make a unit what its pages show: in full on its own page, or as a card on
    another (a story's card is its own record and metadata: the theme reads a story's `links`, what the
    corpus stage says of it, on its own page only; tests/test_page_fingerprints.py checks the templates)."""
    attributes = {k: v for k, v in vars(value).items() if k not in NOT_THEIRS}
    if as_card and isinstance(value, Content):
        attributes.pop(CARD_LEAVES_OUT, None)
    text = attributes.get("_content")
    if isinstance(value, Content) and text and value._get_intrasite_link_regex().search(text):
        attributes["_content"] = value.get_content("")  # with the addresses of what it links to
    return attributes


def paginator_summary(paginator: Paginator) -> tuple:
    """What a page reads of Pelican's paginator of a listing: its name, address and size. The page's own
    stories are its `Page`'s object_list, read in full; the theme's templates never list the paginator's
    whole object_list (every story of the listing), which would make each listing page depend on all."""
    return (paginator.name, paginator.url, paginator.per_page, paginator.orphans, paginator.count)


class PageInputs:
    """Fingerprints of this build's pages, for the settings of the build; the names each template reads
    are kept in `names_cache` (a folder) from one build to the next, by the digest of what renders them."""

    def __init__(self, settings: dict, names_cache: str):
        self._fingerprints = PageFingerprints(
            unit_name,
            unit_attributes,
            shared=[settings],
            records=(Briefing, ThreadBriefing),
            summaries={Paginator: paginator_summary},
        )
        rendering = site_rendering(settings)  # the theme, the plugins, the settings, the packages
        self._site = bytes.fromhex(rendering)
        self._names_path = os.path.join(names_cache, f"template-names-{rendering[:24]}.json")
        self._names = _load_names(self._names_path)
        self._names_changed = False

    def save_names(self) -> None:
        """Keep the names the templates read for the next build with the same theme and code."""
        if self._names_changed:
            os.makedirs(os.path.dirname(self._names_path), exist_ok=True)
            data = {name: sorted(names) if names is not None else None for name, names in self._names.items()}
            with open(self._names_path, "w", encoding="utf-8") as handle:
                json.dump(data, handle)

    def fingerprint(self, template, localcontext: dict) -> str | None:
        """The page's fingerprint; None when it has none (it is then rendered)."""
        name = getattr(template, "name", None)
        if not name:
            return None
        if name not in self._names:
            self._names[name] = _names_read(template.environment, name)
            self._names_changed = True
        names = self._names[name]
        if names is None:
            return None
        values = {key: localcontext[key] for key in names if key in localcontext}
        return self._fingerprints.fingerprint(values, self._site, name.encode("utf-8"))


def _load_names(path: str) -> dict[str, frozenset[str] | None]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return {name: frozenset(names) if names is not None else None for name, names in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _names_read(environment: jinja2.Environment, name: str) -> frozenset[str] | None:
    """The context names template `name` and every template it refers to read (and ALWAYS_READ); None
    when it refers to a template chosen at render time, whose names are not known beforehand."""
    names, seen, queue = set(ALWAYS_READ), set(), [name]
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            tree = environment.parse(environment.loader.get_source(environment, current)[0])
        except jinja2.TemplateError as error:
            logger.info("%s: pages are rendered every time (%s)", name, error)
            return None
        names |= jinja2.meta.find_undeclared_variables(tree)
        for referenced in jinja2.meta.find_referenced_templates(tree):
            if referenced is None:
                return None
            queue.append(referenced)
    return frozenset(names)
