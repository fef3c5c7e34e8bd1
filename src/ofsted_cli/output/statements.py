"""Text for `ofsted statements`: who said what, when, and where it was printed."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.show import statement
from ofsted_cli.output.text import Line, plain


def statements(rows: list[dict[str, Any]]) -> list[Line]:
    lines: list[Line] = []
    for st in rows:
        lines.extend(statement(st, council=True))
        lines.append([])
    lines.append(plain(f"{len(rows)} statement{'s' if len(rows) != 1 else ''}", "dim"))
    return lines
