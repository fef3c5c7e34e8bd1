"""YAML -> (node tree, data), keeping positions so that any problem can be located.

Files are read by `files.read_bytes` (regular files only, up to a size limit) and checked by
`yamlsafe.guard` (no deep nesting, no aliases) before they are parsed, once, with the libyaml
loader where present; duplicate keys, which PyYAML silently drops, are recorded while the data
is constructed. The node tree (every scalar with its
marks: several times the size of the data) is let go once the data is built, and composed
again from the kept text only when a problem has to be located: clean files, the common
case, cost what `yaml.load` costs and no more memory (issue 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ofsted_cli.dataset import construct, files
from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.yamlsafe import TOO_DEEP, Loader, Refused, guard
from ofsted_cli.errors import FileReadError

_TEXT_TAG = "tag:yaml.org,2002:str"
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null (nothing)",
}


@dataclass
class Document:
    """A parsed YAML file: its node tree, its data, and the problems met while loading."""

    path: str
    node: yaml.Node | None = None
    data: Any = None
    duplicates: list[yaml.Node] = field(default_factory=list)
    error: tuple[int, int, str] | None = None
    """(line, col, message) when the file could not be read or parsed."""
    error_code: str | None = None
    """The problem code of *error*, when it is not plain bad YAML or an unreadable file."""
    numbers: list[yaml.ScalarNode] = field(default_factory=list)
    """Numbers not written plainly (`0123`, `12:30`, `.inf`): YAML 1.1 reads them otherwise."""
    text: str | None = None
    """The text parsed, kept so that a dropped node tree can be composed again."""

    def tree(self) -> yaml.Node | None:
        """The node tree, composed again from the text if it was let go."""
        if self.node is None and self.text is not None and self.error is None:
            loader = Loader(self.text)
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
    loader = None
    try:
        guard(text)
        loader = Loader(text)
        doc.node = loader.get_single_node()
        if doc.node is not None:
            data = construct.build(loader, doc.node)  # the fast way, when the data is plain
            doc.data = loader.construct_document(doc.node) if data is construct.NOT_PLAIN else data
        doc.duplicates = loader.duplicates
        doc.numbers = loader.numbers
    except Refused as e:
        doc.error, doc.error_code, doc.node = (*e.at, e.message), e.code, None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.error, doc.node = (line, col, _yaml_message(e)), None
        if "maximum nesting depth" in str(e.problem):  # libyaml's own limit, met while the
            # scanner looks ahead, before the guard's: the same problem, in the same words
            doc.error, doc.error_code = (line, col, TOO_DEEP), Code.TOO_DEEP
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
        if loader is not None:
            loader.dispose()
    if doc.error:
        doc.error = (*_within(text, *doc.error[:2]), doc.error[2])
    return doc


def _within(text: str, line: int, col: int) -> tuple[int, int]:
    """(*line*, *col*) moved inside *text*: libyaml reports the end of a file that does not end
    in a line break on the line after it."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(col, len(lines[line - 1]) + 1)


def load_file(path: Path) -> Document:
    """Read and parse one file; unreadable files are recorded, not raised."""
    try:
        blob = files.read_bytes(path)
    except FileReadError as e:
        return Document(str(path), error=(1, 1, e.reason), error_code=e.code)
    return load_bytes(blob, str(path))


def load_bytes(blob: bytes, path: str) -> Document:
    """Decode and parse a file's bytes; text that is not UTF-8 is recorded, located, and so
    are bytes over the size limit (whoever read them: the store reads its own)."""
    limit = files.max_file_bytes()
    if len(blob) > limit:
        error = FileReadError(path, files.too_large(len(blob), limit), code="too-large")
        return Document(path, error=(1, 1, error.reason), error_code=error.code)
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as e:
        start = blob.rfind(b"\n", 0, e.start) + 1
        line = blob.count(b"\n", 0, e.start) + 1
        col = len(blob[start : e.start].decode("utf-8")) + 1
        message = f"is not UTF-8 text: byte 0x{blob[e.start]:02x} cannot be read; save it as UTF-8"
        return Document(path, error=(line, col, message))
    return load_text(text, path)


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


def _pair(node: yaml.MappingNode, part: int | str) -> tuple[yaml.Node, yaml.Node] | None:
    """The first (key, value) of *node* whose key is *part*. Large mappings get an index, kept
    on the node, so that locating many problems in one mapping is not quadratic (issue #13)."""
    name = str(part)
    if len(node.value) <= 16:
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == name:
                return k, v
        return None
    index: dict[str, tuple[yaml.Node, yaml.Node]] | None = getattr(node, "_ofsted_keys", None)
    if index is None:
        index = {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                index.setdefault(k.value, (k, v))
        node._ofsted_keys = index  # type: ignore[attr-defined]
    return index.get(name)


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
            pair = _pair(node, part)
            if pair is not None:
                child = pair[0] if key and i == len(loc) - 1 else pair[1]
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
            pair = _pair(node, part)
            node = pair[1] if pair is not None else None
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
    """Return the path from *node* down to *target*, a key node (the path ends in its key) or a
    value node, or () when it is not in the tree."""
    return paths_to(node, [target]).get(id(target), ())


def paths_to(
    node: yaml.Node | None, targets: Sequence[yaml.Node]
) -> dict[int, tuple[int | str, ...]]:
    """id(target) -> its path from *node*, for every target found, in one walk of the tree."""
    # Iterative, so that deep nesting cannot exhaust the stack; `seen` stops alias cycles.
    wanted = {id(t) for t in targets}
    found: dict[int, tuple[int | str, ...]] = {}
    stack: list[tuple[yaml.Node | None, tuple[int | str, ...]]] = [(node, ())]
    seen: set[int] = set()
    while stack and len(found) < len(wanted):
        current, path = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if id(current) in wanted:
            found.setdefault(id(current), path)
        children: list[tuple[yaml.Node, tuple[int | str, ...]]] = []
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                step = (*path, k.value)
                if id(k) in wanted:
                    found.setdefault(id(k), step)
                children.append((v, step))
        elif isinstance(current, yaml.SequenceNode):
            children = [(v, (*path, i)) for i, v in enumerate(current.value)]
        stack.extend(reversed(children))  # document order first
    return found
