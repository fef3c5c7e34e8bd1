"""Numbers that YAML 1.1 reads otherwise than they look (issue #13).

PyYAML reads `0123` as 83 (octal), `12:30` as 750 (base 60), `0x1F` as 31, `1_000` as 1000,
and `.inf` and `.nan` as numbers JSON cannot hold; `0o17` and `1e5`, numbers in YAML 1.2 and
most languages, stay text. The loader records every number not written as JSON writes numbers
(yamlsafe.Loader); these problems say what YAML made of it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ofsted_cli.dataset import loading, yamlsafe
from ofsted_cli.dataset.problems import Code, Problem

_NUMERIC = re.compile(r"[-+]?(\.?[0-9]|\.?(inf|nan)\Z)", re.IGNORECASE)


def problems(doc: loading.Document, taken: set[tuple[int, int]]) -> list[Problem]:
    """A problem at each number of *doc* not written plainly, except at the places in *taken*
    (already reported: `name: 0x1F` is text to quote, not a number to rewrite)."""
    paths = loading.paths_to(doc.tree(), doc.numbers)
    out = []
    for node in doc.numbers:
        if (node.start_mark.line + 1, node.start_mark.column + 1) in taken:
            continue
        value = yamlsafe.read_number(node)
        if value != value or value in (float("inf"), float("-inf")):
            read = "'not a number'" if value != value else "infinity"
            advice = "write a figure in decimal digits"
        else:
            read = _short(repr(value))
            advice = f"write numbers in plain decimal digits ({read}), or quote text"
        message = f"{_short(repr(node.value))} is not a plain number: YAML reads it as {read}; "
        out.append(doc.problem(paths.get(id(node), ()), message + advice, Code.BAD_NUMBER, at=node))
    return out


def looks_numeric(node: Any) -> bool:
    """True for a plain scalar read as text that a reader takes for a number (`0o17`, `1e5`)."""
    return isinstance(node, yaml.ScalarNode) and not node.style and bool(_NUMERIC.match(node.value))


def read_as_text(node: Any) -> str:
    """The message for a number-like plain scalar that YAML read as text."""
    return (
        f"{_short(repr(node.value))} is not a plain number: YAML 1.1 reads it as text; write "
        "numbers in plain decimal digits (e.g. 15 or 2.5)"
    )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
