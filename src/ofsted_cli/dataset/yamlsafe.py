"""Parsing YAML written by strangers: bounded before it is composed, then loaded safely.

`guard` walks the parser's events first and refuses deep nesting and any anchor or alias, so
that neither libyaml's recursive composer (a crash at 30,000 levels) nor alias expansion (the
"billion laughs" and merge-key bombs) ever runs (issue #13). `Loader`, a safe loader with the
libyaml parser where present, then records what PyYAML would drop or change silently: repeated
keys, and numbers that YAML 1.1 reads otherwise than they look.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ofsted_cli.dataset.problems import Code

try:
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

_MERGE_TAG = "tag:yaml.org,2002:merge"

MAX_DEPTH = 32
"""Lists and mappings nested deeper than this are refused before the file is composed. A
councils file needs 6 (file, councils, council, inspections, inspection, judgements); libyaml's
composer recurses on the C stack, and 30,000 levels crash the process (issue #13)."""

# Numbers written as JSON writes them. YAML 1.1 also reads 0123 (octal), 12:30 (base 60), 0x1F,
# 0b11, 1_000, +5, .5 and .inf as numbers, each differently from how a reader sees it.
_PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?\Z")
TOO_DEEP = f"lists and mappings are nested more than {MAX_DEPTH} deep; data files need 6 at most"
_ALIASES = "anchors, aliases and merge keys are not allowed in data files: write each value out"


_BREAKS = re.compile("[\x85\u2028\u2029]|\r(?!\n)")
_BREAK_NAMES = {
    "\x85": "U+0085 (NEXT LINE)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
    "\r": "a carriage return without a line feed",
}


class Refused(Exception):
    """A file refused before or while it is composed: too deep, or an anchor, alias or merge."""

    def __init__(self, mark: Any, message: str, code: str) -> None:
        super().__init__(message)
        self.at = mark if isinstance(mark, tuple) else (mark.line + 1, mark.column + 1)
        self.message = message
        self.code = code


class Loader(_Base):  # type: ignore[misc]
    """Safe loader that records duplicate keys instead of dropping them, records numbers not
    written plainly, and refuses merge keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[yaml.Node] = []
        self.numbers: list[yaml.ScalarNode] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # `!!map x`
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, but found {node.id}", node.start_mark
            )
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise Refused(key_node.start_mark, f"merge key <<: {_ALIASES}", Code.ALIAS)
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            if key in mapping:
                self.duplicates.append(key_node)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's scalar constructors raise plain exceptions for values their tag cannot hold
        # (`!!int abc`, `!!timestamp abc`); give them the node's position like any YAML error.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, AttributeError, OverflowError, LookupError):
            tag = str(node.tag).rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"{str(node.value)[:80]!r} cannot be read as !!{tag}", node.start_mark
            ) from None

    def construct_timestamp(self, node: yaml.ScalarNode) -> Any:
        # An unquoted `2019-02-30` matches YAML's date pattern but is no day of the calendar;
        # keep it as text so that the date check reports it at its field.
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_number(self, node: yaml.ScalarNode) -> Any:
        value = (
            self.construct_yaml_int(node)
            if node.tag.endswith(":int")
            else self.construct_yaml_float(node)
        )
        if not _PLAIN_NUMBER.match(node.value):
            self.numbers.append(node)
        return value


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_timestamp)
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_number)
Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_number)


def guard(text: str) -> None:
    """Walk the parser's events once before anything is composed; raise Refused at the first
    nesting deeper than MAX_DEPTH and at the first anchor or alias.

    Events come from libyaml's parser, which keeps its state on the heap, and this loop is flat:
    the check itself neither recurses nor builds anything (issue #13).
    """
    odd = _BREAKS.search(text)
    if odd:
        # YAML 1.1 counts these as line breaks and editors do not: every line number after one
        # would be wrong, and text that looks like one line is two (issue #13).
        line, col = (
            text.count("\n", 0, odd.start()) + 1,
            odd.start() - text.rfind("\n", 0, odd.start()),
        )
        name = _BREAK_NAMES[odd.group()]
        message = (
            f"holds {name}, which YAML reads as a line break and editors do not; use a plain "
            "line break, or remove it"
        )
        raise Refused((line, col), message, Code.HIDDEN_CHARACTER)
    parser = _Base(text)
    depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    try:
        while not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.AliasEvent:
                raise Refused(event.start_mark, f"alias *{event.anchor}: {_ALIASES}", Code.ALIAS)
            if kind in ends:
                depth -= 1
                continue
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise Refused(event.start_mark, f"anchor &{anchor}: {_ALIASES}", Code.ALIAS)
            if kind in starts:
                depth += 1
                if depth > MAX_DEPTH:
                    raise Refused(event.start_mark, TOO_DEEP, Code.TOO_DEEP)
    finally:
        parser.dispose()


def read_number(node: yaml.ScalarNode) -> int | float:
    """The number YAML 1.1 reads from an int or float scalar *node*."""
    constructor = yaml.constructor.SafeConstructor()
    if node.tag.endswith(":int"):
        return int(constructor.construct_yaml_int(node))
    return float(constructor.construct_yaml_float(node))
