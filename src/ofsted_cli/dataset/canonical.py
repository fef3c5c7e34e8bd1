"""The one canonical form of a data file: what `ofsted fmt` writes, and `ofsted import` too.

The records' keys in the models' field order, judgements in their framework's order, dates
as quoted ISO text, and the layout of `writer.dump` (lists of names one per line, `sources`
in flow style, text quoted wherever YAML would read it as something else). A file's leading
comment block (a licence, the `# yaml-language-server:` modeline) is kept; any other comment
would be lost, so files holding one are refused, with where (as congress-legislators keeps
its YAML canonical in CI).
"""

from __future__ import annotations

import re
from typing import Any, get_args

import yaml
from pydantic import BaseModel

from ofsted_cli.dataset import models, writer
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import AREAS, FRAMEWORKS

try:
    _Tokens: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Tokens = yaml.SafeLoader

_MODELINE = "# yaml-language-server:"
_COMMENT = re.compile(r"#[^\n]*")


def render(kind: str, items: list[Any], previous: str | None = None) -> str:
    """The canonical text of the file holding *items* of *kind*, keeping the leading comment
    block of *previous* (the file's text now, if it exists)."""
    body = writer.dump({kind: normalize(kind, items)})
    own = leading_comments(body)  # what dump writes above the data itself (a modeline)
    body = body.split("\n", len(own))[-1] if own else body
    kept = [
        line
        for line in leading_comments(previous or "")
        if line not in own and not (line.startswith(_MODELINE) and _modeline(own))
    ]
    head = own + kept
    while head and not head[-1]:
        head.pop()
    return "".join(f"{line}\n" for line in head) + body


def _modeline(lines: list[str]) -> bool:
    return any(line.startswith(_MODELINE) for line in lines)


def normalize(kind: str, items: list[Any]) -> list[Any]:
    """*items* with every record's keys in canonical order and dates as canonical text."""
    model = models.RECORDS[kind]
    return [_record(item, model) if isinstance(item, dict) else item for item in items]


def _record(item: dict[Any, Any], model: type[BaseModel]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for name, info in model.model_fields.items():
        if name not in item:
            continue
        value = item[name]
        inner = _model(info.annotation)
        if name in models.DATE_FIELDS and value is not None:
            value = _date(value)
        elif name == "judgements" and isinstance(value, dict):
            value = _judgements(value, item.get("framework"))
        elif inner is not None and isinstance(value, dict):
            value = _record(value, inner)
        elif inner is not None and isinstance(value, list):
            value = [_record(v, inner) if isinstance(v, dict) else v for v in value]
        out[name] = value
    out.update({k: v for k, v in item.items() if k not in out})  # unknown keys last, as they are
    return out


def _date(value: Any) -> Any:
    try:
        return dates.parse(value)
    except ValueError:
        return value  # not a date: left as it is (validation reports it)


def _judgements(value: dict[Any, Any], framework: Any) -> dict[Any, Any]:
    """The framework's areas in its order, then any others (invalid: validation reports them)
    in the registry's order, then by name: one order whatever the file's."""
    fw = FRAMEWORKS.get(framework) if isinstance(framework, str) else None
    order: dict[str, int] = {}
    for area in (*(fw.areas if fw else ()), *AREAS):
        order.setdefault(area, len(order))
    return dict(sorted(value.items(), key=lambda kv: (order.get(kv[0], len(order)), str(kv[0]))))


def _model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (Speaker), or holds a list of (Inspection); else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model(arg)
        if found is not None:
            return found
    return None


def leading_comments(text: str) -> list[str]:
    """The comment block a file begins with: its comment and blank lines, right-stripped."""
    lines = []
    for line in text.removeprefix("\ufeff").split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line.rstrip())
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def stray_comments(text: str) -> list[tuple[int, int]]:
    """The 1-based (line, column) of every comment below the leading comment block.

    Found in the gaps between libyaml's tokens (the same scanner that reads the data), where a
    `#` can only start a comment, and in the header line of block scalars (`notes: |  # x`).
    *text* must be valid YAML.
    """
    body = text.removeprefix("\ufeff")
    if "#" not in body:
        return []
    lines = body.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip() and ln.lstrip()[0] != "#"), 0)
    found: list[int] = []
    scanner = _Tokens(body)
    pos = 0
    try:
        while scanner.check_token():
            token = scanner.get_token()
            start, end = token.start_mark.index, token.end_mark.index
            found += [m.start() for m in _COMMENT.finditer(body, pos, max(pos, start))]
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                newline = body.find("\n", start, end)
                header = body[start : newline if newline >= 0 else end]
                if "#" in header:
                    found.append(start + header.index("#"))
            pos = max(pos, end)
    finally:
        scanner.dispose()
    found += [m.start() for m in _COMMENT.finditer(body, pos)]
    places = {(body.count("\n", 0, i) + 1, i - body.rfind("\n", 0, i)) for i in found}
    return sorted((line, col) for line, col in places if line > first)
