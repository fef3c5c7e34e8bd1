"""The XLSX export: one workbook, a sheet per table (latest ratings first) and an "about" sheet.

Grades have their words beside the codes; complete dates are dates, partial dates stay text
(a year is not the 1st of January); headers are frozen and filterable; text that a spreadsheet
would run as a formula is written as text with a leading quote. The zip entries and document
properties carry a fixed time, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ofsted_cli.export import metadata, spec
from ofsted_cli.export.cells import inert
from ofsted_cli.export.rows import Tables
from ofsted_cli.export.tables import TABLES

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""Zip entry times (the earliest a zip can hold)."""
ABOUT = "about"
MAX_WIDTH = 60


def sheet_order() -> list[spec.Table]:
    """latest_ratings first (what most readers want), then the tables in their usual order."""
    return sorted(TABLES, key=lambda t: not t.view)


def write(tables: Tables, path: Path, as_of: dt.date) -> None:
    """Write the workbook to *path*; *as_of* (the data's newest day) dates the document."""
    wb = Workbook()
    default = wb.active
    bold = Font(bold=True)
    for table in sheet_order():
        _sheet(wb.create_sheet(table.name), table, tables[table.name], bold)
    _about(wb.create_sheet(ABOUT), bold)
    if isinstance(default, Worksheet):
        wb.remove(default)
    stamp = dt.datetime.combine(as_of, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "ofsted-cli"
    wb.properties.title = metadata.TITLE
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()  # save_workbook would stamp the time now
    _repack(buffer.getvalue(), path)


def _value(column: spec.Column, value: Any) -> Any:
    if isinstance(value, str):
        if column.type == "date" and len(value) == 10:
            return dt.date.fromisoformat(value)
        return inert(value)
    return value


def _sheet(ws: Worksheet, table: spec.Table, rows: list[dict[str, Any]], bold: Font) -> None:
    ws.append(table.names)
    for cell in ws[1]:
        cell.font = bold
    widths = [len(name) for name in table.names]
    for row in rows:
        ws.append([_value(c, row[c.name]) for c in table.columns])
    for i in range(1, len(table.columns) + 1):
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            assert isinstance(cell, Cell)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it begins with
                widths[i - 1] = max(widths[i - 1], min(len(cell.value), MAX_WIDTH))
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
                widths[i - 1] = max(widths[i - 1], 10)
        ws.column_dimensions[get_column_letter(i)].width = min(widths[i - 1], MAX_WIDTH) + 2
    ws.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def _about(ws: Worksheet, bold: Font) -> None:
    ws.append([metadata.TITLE])
    ws.append([metadata.DESCRIPTION])
    ws.append([metadata.LICENSE_TEXT])
    ws.append([])
    ws.append(["sheet", "column", "description"])
    for cell in ws[5]:
        cell.font = bold
    for table in sheet_order():
        ws.append([table.name, "", table.description])
        for c in table.columns:
            ws.append([table.name, c.name, c.description])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 36
    ws.column_dimensions["C"].width = 100


def _repack(blob: bytes, path: Path) -> None:
    """Copy the zip *blob* to *path* with every entry's time fixed."""
    with (
        zipfile.ZipFile(io.BytesIO(blob)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
