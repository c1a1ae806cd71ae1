"""What files written by people may hold, checked the same way wherever they are read (front matter,
sidecars, the curated list): YAML with bounds on its nesting and on what its aliases expand to, links
that are http(s) addresses and nothing else, and text without the characters XML forbids.
"""

from __future__ import annotations

import re

import yaml

# Front matter is a handful of keys, the curated list a list of small mappings: no real file nests
# deeper than a few levels or holds more than a few thousand values. A file beyond either bound is a
# mistake or an attack (YAML nested 500 deep overflows the parser's stack; a few hundred bytes of
# aliases expand to billions of values).
YAML_MAX_DEPTH = 20
YAML_MAX_VALUES = 100_000
# What a message quotes of a value it rejects.
QUOTED_MAX_CHARS = 60

# Characters XML 1.0 does not allow (the feeds and the sitemap are XML): C0 controls but tab, newline and
# carriage return; lone surrogates; U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_IN_LINKS = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
LINK_SCHEMES = ("http:", "https:")


class UnsafeYaml(ValueError):
    """YAML that is not loaded; the message says why."""


class _DataLoader(yaml.SafeLoader):
    """safe_load that keeps an impossible timestamp ('2018-02-30', month 13, hour 25) as the text it is
    written as: the caller rejects it with its own message, instead of an exception from deep in the parser."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, AttributeError):  # AttributeError: '!!timestamp' on non-dates
            return self.construct_scalar(node)


_DataLoader.add_constructor("tag:yaml.org,2002:timestamp", _DataLoader.construct_yaml_timestamp)


def load_yaml(text: str):
    """The data of a YAML text, after checking its nesting and expanded size. Raises UnsafeYaml for a
    text beyond the bounds and yaml.YAMLError for one that is not YAML."""
    _check_bounds(text)
    return yaml.load(text, Loader=_DataLoader)  # a SafeLoader: constructs no Python objects


def _check_bounds(text: str) -> None:
    """Walks the parser's events (no recursion, so no depth can overflow it): the nesting depth, and how
    many values the document holds once every alias is expanded (an anchor's size is counted once per use)."""
    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]  # [anchor of the open collection, values in it so far]
    for event in yaml.parse(text, Loader=_DataLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([event.anchor, 1])
            if len(stack) - 1 > YAML_MAX_DEPTH:
                raise UnsafeYaml(f"is nested deeper than {YAML_MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, count = stack.pop()
            if anchor is not None:
                sizes[anchor] = count
            stack[-1][1] += count
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            stack[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            stack[-1][1] += sizes.get(event.anchor, 1)
        if stack[-1][1] > YAML_MAX_VALUES:
            raise UnsafeYaml(f"expands to more than {YAML_MAX_VALUES:,} values (through its aliases)")


def http_link(value: str) -> str | None:
    """`value` as a link if it is an http(s) address, else None. The scheme is judged as a browser would:
    after dropping control characters and white space (which browsers skip inside 'java\\nscript:') and
    folding case."""
    squeezed = _NOT_IN_LINKS.sub("", value).lower()
    if not squeezed.startswith(LINK_SCHEMES) or not squeezed.split(":", 1)[1].startswith("//"):
        return None
    return xml_text(value.strip())


def xml_text(text: str) -> str:
    """`text` without the characters XML forbids."""
    return _XML_FORBIDDEN.sub("", text)


def shown_path(path: str) -> str:
    """A file name as the site and the log show it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become U+FFFD, so the name can be written anywhere."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def quoted(value) -> str:
    """A value as a message quotes it: repr, cut short."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= QUOTED_MAX_CHARS else text[: QUOTED_MAX_CHARS - 1] + "…"
