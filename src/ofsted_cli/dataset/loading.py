"""YAML -> (node tree, data), keeping positions so that any problem can be located.

Parsed once with the libyaml loader where present; duplicate keys, which PyYAML silently
drops, are recorded while the data is constructed. The node tree (every scalar with its
marks: several times the size of the data) is let go once the data is built, and composed
again from the kept text only when a problem has to be located: clean files, the common
case, cost what `yaml.load` costs and no more memory (issue 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ofsted_cli.dataset import construct
from ofsted_cli.dataset.problems import Problem

try:
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

_TEXT_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null (nothing)",
}


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader that records duplicate keys instead of dropping them."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[yaml.Node] = []
        self._own_keys: dict[int, set[int]] = {}

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        # Remember the mapping's own keys before `<<: *anchor` merges others in: a merged key
        # that the mapping overrides is what merge keys are for, not a duplicate.
        self._own_keys.setdefault(id(node), {id(k) for k, _ in node.value if k.tag != _MERGE_TAG})
        super().flatten_mapping(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        own = self._own_keys.get(id(node), set())
        mapping: dict[Any, Any] = {}
        seen: set[Any] = set()
        for key_node, value_node in node.value:
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
            if id(key_node) in own:
                if key in seen:
                    self.duplicates.append(key_node)
                seen.add(key)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's scalar constructors raise plain exceptions for values their tag cannot hold
        # (`!!int abc`, `!!timestamp abc`); give them the node's position like any YAML error.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, AttributeError, OverflowError):
            tag = str(node.tag).rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} cannot be read as !!{tag}", node.start_mark
            ) from None

    def construct_timestamp(self, node: yaml.ScalarNode) -> Any:
        # An unquoted `2019-02-30` matches YAML's date pattern but is no day of the calendar;
        # keep it as text so that the date check reports it at its field.
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_timestamp)


@dataclass
class Document:
    """A parsed YAML file: its node tree, its data, and the problems met while loading."""

    path: str
    node: yaml.Node | None = None
    data: Any = None
    duplicates: list[yaml.Node] = field(default_factory=list)
    error: tuple[int, int, str] | None = None
    """(line, col, message) when the file could not be read or parsed."""
    text: str | None = None
    """The text parsed, kept so that a dropped node tree can be composed again."""

    def tree(self) -> yaml.Node | None:
        """The node tree, composed again from the text if it was let go."""
        if self.node is None and self.text is not None and self.error is None:
            loader = _Loader(self.text)
            try:
                self.node = loader.get_single_node()
            finally:
                loader.dispose()
        return self.node

    def problem(
        self,
        loc: tuple[int | str, ...],
        message: str,
        code: str,
        *,
        key: bool = False,
        at: yaml.Node | tuple[int, int] | None = None,
        severity: str = "error",
    ) -> Problem:
        """The one way to make a located problem: *loc* is found in this file's node tree.

        With *key*, a final mapping step points at the key rather than its value; *at* gives
        the node itself (a repeated key, which a path cannot tell from its first occurrence)
        or the (line, column) where the parser stopped.
        """
        if isinstance(at, tuple):
            line, col = at
        elif at is not None:
            line, col = at.start_mark.line + 1, at.start_mark.column + 1
        else:
            line, col = locate(self.tree(), loc, key=key)
        return Problem(self.path, line, col, dotted(loc), message, str(code), severity)

    def release(self) -> None:
        """Let go of the node tree and the data (the text stays to locate problems)."""
        self.node = None
        self.data = None


def load_text(text: str, path: str) -> Document:
    """Parse *text*; never raises for bad YAML (the error is recorded on the Document)."""
    doc = Document(path, text=text)
    loader = _Loader(text)
    try:
        doc.node = loader.get_single_node()
        if doc.node is not None:
            data = construct.build(loader, doc.node)  # the fast way, when the data is plain
            doc.data = loader.construct_document(doc.node) if data is construct.NOT_PLAIN else data
        doc.duplicates = loader.duplicates
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.error = (line, col, _yaml_message(e))
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, e.g. a control
        # The C reader's position counts UTF-8 bytes, the Python one characters; the offending
        # character's first occurrence is the same place for both.
        found = text.find(chr(e.character)) if isinstance(e.character, int) else -1
        line, col = _position(text, found) if found >= 0 else (1, 1)
        char = f"#x{e.character:04x}" if isinstance(e.character, int) else repr(e.character)
        doc.error = (line, col, f"not valid YAML: character {char}: {e.reason}")
    except yaml.YAMLError as e:  # pragma: no cover - every other YAML error is marked
        doc.error = (1, 1, "not valid YAML: " + " ".join(str(e).split()))
    finally:
        loader.dispose()
    return doc


def load_file(path: Path) -> Document:
    """Read and parse one file; unreadable files are recorded, not raised."""
    try:
        blob = path.read_bytes()
    except IsADirectoryError:
        return Document(str(path), error=(1, 1, _folder_message(path)))
    except FileNotFoundError:
        return Document(str(path), error=(1, 1, "no such file"))
    except PermissionError:
        return Document(str(path), error=(1, 1, "cannot be read: permission denied"))
    except OSError as e:
        return Document(str(path), error=(1, 1, f"cannot be read: {e.strerror}"))
    return load_bytes(blob, str(path))


def load_bytes(blob: bytes, path: str) -> Document:
    """Decode and parse a file's bytes; text that is not UTF-8 is recorded, located."""
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as e:
        start = blob.rfind(b"\n", 0, e.start) + 1
        line = blob.count(b"\n", 0, e.start) + 1
        col = len(blob[start : e.start].decode("utf-8")) + 1
        message = f"is not UTF-8 text: byte 0x{blob[e.start]:02x} cannot be read; save it as UTF-8"
        return Document(path, error=(line, col, message))
    return load_text(text, path)


def _folder_message(path: Path) -> str:
    if path.suffix in (".yaml", ".yml"):
        return "is a folder, not a YAML file"
    try:
        next(path.iterdir(), None)
    except OSError as e:
        return f"is a folder that cannot be read: {(e.strerror or str(e)).lower()}"
    return "is a folder with no .yaml files in it"


def _position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of character *index* in *text*."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    context, mark = e.context, e.context_mark
    if context and mark and e.problem_mark and mark.line != e.problem_mark.line:
        # The problem is found where parsing gave up; say where the construct began, e.g. the
        # `[` of a flow list that is never closed.
        context = f"{context} (see line {mark.line + 1}, column {mark.column + 1})"
    parts = [p for p in (context, e.problem) if p]
    return "not valid YAML: " + ", ".join(parts) if parts else "not valid YAML"


def locate(
    node: yaml.Node | None, loc: tuple[int | str, ...], *, key: bool = False
) -> tuple[int, int]:
    """Return the 1-based (line, column) of the deepest node on *loc*.

    With *key*, a final mapping step points at the key rather than its value (for unknown keys).
    """
    if node is None:
        return 1, 1
    for i, part in enumerate(loc):
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    child = k if key and i == len(loc) - 1 else v
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def find(node: yaml.Node | None, loc: tuple[int | str, ...]) -> yaml.Node | None:
    """Return the node at *loc* exactly, or None."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if 0 <= part < len(node.value) else None
        else:
            return None
    return node


def coerced(node: yaml.Node | None) -> str | None:
    """If *node* is a plain scalar that YAML 1.1 read as something other than text, say what."""
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag != _TEXT_TAG:
        return _TAG_NAMES.get(node.tag)
    return None


def dotted(loc: tuple[int | str, ...]) -> str:
    """'councils.0.inspections.2.id' for a path."""
    return ".".join(str(p) for p in loc)


def path_to(node: yaml.Node | None, target: yaml.Node) -> tuple[int | str, ...]:
    """Return the path from *node* down to the key node *target* (ending in its key), or ()."""
    # Iterative, so that deep nesting cannot exhaust the stack; `seen` stops alias cycles.
    stack: list[tuple[yaml.Node | None, tuple[int | str, ...]]] = [(node, ())]
    seen: set[int] = set()
    while stack:
        current, path = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        children: list[tuple[yaml.Node, tuple[int | str, ...]]] = []
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                if k is target:
                    return (*path, k.value)
                children.append((v, (*path, k.value)))
        elif isinstance(current, yaml.SequenceNode):
            children = [(v, (*path, i)) for i, v in enumerate(current.value)]
        stack.extend(reversed(children))  # document order first
    return ()
