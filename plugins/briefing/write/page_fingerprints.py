"""A fingerprint of what a page is made from, so that a page whose template reads the same values as in
the last build is not rendered again (its file is kept as it is).

The values are put into bytes by Python's pickler (its C implementation: the bytes of a whole story cost
a few microseconds). It writes strings, numbers, lists, tuples and dicts itself and asks
`reducer_override` about every other object (once per object and page), where:
- a unit (what has a page of its own: an article, a thread, an entity; the caller's `unit_name`) is read
  to two levels, as a page shows it: the page's own unit (its story, entity, thread: a value the
  template reads that is a unit) in full, and every unit it or the page's other values lead to as a
  card (what the caller says a card shows, with the units the card leads to by name only). A page
  shows the headline, date and summary of the stories it lists or links to, never the stories those
  link to. Each unit's bytes are made once per build, however many pages read it;
- an attribute that is one of the objects every page shares (the settings; the caller makes them part
  of every fingerprint once) is named only.
What the pickler cannot put into bytes (a function defined inside another, an open file) makes the
fingerprint `None`: such a page is always rendered. A set of strings is written in the order Python's
hash seed gives it, which only makes a page be rendered when it could have been kept. Values must not
change while the pages are written, which holds for a Pelican build once its generators have made
their context.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
import types
from collections.abc import Callable, Iterable

# How a value is read: among a page's own values or inside its unit, read in full (the units there are
# read as cards), or inside a card (the units there are named only).
IN_UNIT, IN_CARD = 1, 2
# What reference() does with an object, by its type: leave it to the pickler, digest it once as a record,
# write the caller's summary of it, or look at it (a unit, or an object holding a shared one).
_AS_IT_IS, _RECORD, _SUMMARY, _ASK = 0, 1, 2, 3


# Classes and functions, which the pickler writes by name: a third of the objects a page's values hold
# (each unit named in a page brings the function _reference; each record of the stages its class).
_BY_NAME = frozenset({type, types.FunctionType, types.BuiltinFunctionType})


def _reference(*parts):
    """What the pickler writes for a unit or for an object holding a shared one: its parts as data."""
    return parts


class _Pickler(pickle.Pickler):
    def __init__(self, file, fingerprints: PageFingerprints, mode: int):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: with it, the bytes would say which values are one object (a name read from a cache is
        # a new string where a freshly made one may be shared), not only what they are.
        self.fast = True
        self._fingerprints = fingerprints
        self._mode = mode

    def reducer_override(self, obj):
        if type(obj) in _BY_NAME:  # a class or a function: pickled by its name, as reference() would have it
            return NotImplemented
        parts = self._fingerprints.reference(obj, self._mode)
        return NotImplemented if parts is None else (_reference, parts)


class PageFingerprints:
    """Fingerprints of one build's pages. `unit_name(obj)` is the lasting name of a unit (None for
    anything else), `unit_attributes(obj, as_card)` what makes a unit what its pages show, in full or as a
    card in another page; `shared` are objects
    every page may reach and the caller accounts for once (the settings), named where an object holds
    them."""

    def __init__(
        self,
        unit_name: Callable[[object], str | None],
        unit_attributes: Callable[[object, bool], dict],
        shared: Iterable[object] = (),
        records: tuple[type, ...] = (),
        summaries: dict[type, Callable[[object], object]] | None = None,
    ):
        self._unit_name = unit_name
        self._unit_attributes = unit_attributes
        self._shared = {id(obj): (obj, f"shared {position}") for position, obj in enumerate(shared)}
        # Frozen dataclasses many pages read (a story's Briefing): put into bytes once, then named by digest.
        self._records = records
        # Objects that pages read only in part, by type: what of them pages read (the caller's to say).
        self._summaries = summaries or {}
        self._digests: dict[tuple[int, int], tuple[object, bytes]] = {}  # (id, how read) -> (object, digest)
        self._kinds: dict[type, int] = {}  # what reference() does with objects of a type

    def fingerprint(self, values: dict, *extra: bytes) -> str | None:
        """The hex fingerprint of `values` (name -> value, in sorted order), with `extra` bytes first;
        None when a value cannot be put into bytes."""
        digest = hashlib.sha256()
        for part in extra:
            digest.update(part)
        try:
            for name, value in sorted(values.items()):
                digest.update(name.encode("utf-8") + b"=")
                # the page's own unit (its story, entity, thread) in full; what it lists, as cards
                unit = self._unit_name(value)
                if unit is not None:
                    digest.update(unit.encode("utf-8") + self._digest(value, IN_UNIT, self._full_attributes))
                else:
                    digest.update(self._dumps(value, IN_UNIT))
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None
        return digest.hexdigest()

    def reference(self, obj: object, mode: int) -> tuple | None:
        """What the pickler writes in place of `obj`; None to pickle it as it is."""
        kind = type(obj)
        action = self._kinds.get(kind)
        if action is None:
            action = self._kinds[kind] = self._action(kind)
        if action == _AS_IT_IS:
            return None
        if action == _RECORD:
            # A record of the stages holds no unit, so how it is read changes nothing: one digest per build.
            return ("record", self._digest(obj, IN_CARD, vars))
        if action == _SUMMARY:
            return ("summary", kind.__qualname__, self._summaries[kind](obj))
        name = self._unit_name(obj)
        if name is not None:
            if mode == IN_CARD:  # a unit a card leads to: named only
                return ("unit", name)
            return ("unit", name, self._digest(obj, IN_CARD, self._card_attributes))
        state = getattr(obj, "__dict__", None)
        if not state or not any(id(value) in self._shared for value in state.values()):
            return None
        kept = {k: self._shared[id(v)][1] if id(v) in self._shared else v for k, v in state.items()}
        return ("object", kind.__module__, kind.__qualname__, kept)

    def _action(self, kind: type) -> int:
        if kind in self._summaries:
            return _SUMMARY
        if issubclass(kind, self._records):
            return _RECORD
        if issubclass(kind, type) or not hasattr(kind, "__dict__"):
            return _AS_IT_IS
        if dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen and not hasattr(kind, "save_as"):
            return _AS_IT_IS  # a frozen record of the stages: never holds the settings, never a page
        return _ASK

    def _full_attributes(self, unit: object) -> dict:
        return self._unit_attributes(unit, False)

    def _card_attributes(self, unit: object) -> dict:
        return self._unit_attributes(unit, True)

    def _digest(self, obj: object, mode: int, attributes: Callable[[object], dict]) -> bytes:
        """The digest of `obj`'s `attributes`, read in `mode`: made once per build."""
        key = (id(obj), mode)
        known = self._digests.get(key)
        if known is not None and known[0] is obj:
            return known[1]
        digest = hashlib.sha1(type(obj).__qualname__.encode() + self._dumps(attributes(obj), mode)).digest()
        self._digests[key] = (obj, digest)
        return digest

    def _dumps(self, value: object, mode: int) -> bytes:
        buffer = io.BytesIO()
        _Pickler(buffer, self, mode).dump(value)
        return buffer.getvalue()
