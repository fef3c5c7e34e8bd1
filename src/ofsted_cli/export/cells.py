"""Cells for spreadsheets and CSV: text that cannot run as a formula, values as text.

OWASP's rule for CSV injection: a cell that begins with =, +, -, @, a tab or a carriage return
gets a leading single quote, so that Excel, LibreOffice and Google Sheets show it as text
instead of running it. Numbers are written as numbers and need no quote (issue 10).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ofsted_cli.dataset.rules_records import FORMULA_START
from ofsted_cli.export.spec import Table


def inert(text: str) -> str:
    """*text*, with a leading ' when a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(value: Any) -> str:
    """One CSV cell: empty for no value, true/false, numbers as written, text made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return inert(value)
    return str(value)


def write_csv(table: Table, rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Write *rows* of *table* as CSV (RFC 4180: quoted where needed, CRLF line ends), the
    header first, also when there are no rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.names)
    for row in rows:
        writer.writerow([csv_text(row[name]) for name in table.names])
