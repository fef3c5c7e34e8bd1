"""The XLSX export, opened with openpyxl: a sheet per table, dates, frozen filtered headers."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl

from ofsted_cli.dataset import pipeline
from ofsted_cli.export import rows, run
from ofsted_cli.export.tables import TABLES
from ofsted_cli.vocab.grades import GRADES
from tests.conftest import DATA
from tests.export.conftest import FORMULA, Exporter


def test_every_table_has_a_sheet_with_its_rows(shipped: Exporter) -> None:
    """A sheet per table (latest_ratings first) with a row per table row under its header;
    headers frozen and filterable; an about sheet with the licence."""
    built = rows.build(pipeline.validate_folder(DATA).records)
    wb = openpyxl.load_workbook(shipped("xlsx"))
    assert wb.sheetnames[0] == "latest_ratings" and wb.sheetnames[-1] == "about"
    assert sorted(wb.sheetnames[:-1]) == sorted(t.name for t in TABLES)
    for table in TABLES:
        ws = wb[table.name]
        assert ws.max_row == len(built[table.name]) + 1, table.name
        assert [c.value for c in ws[1]] == table.names
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    about = [c.value for row in wb["about"].iter_rows() for c in row]
    assert any("Open Government Licence" in str(v) for v in about)


def test_dates_are_dates_only_when_complete(shipped: Exporter) -> None:
    """A full date is a date cell; a year or a month stays text (no invented day)."""
    ws = openpyxl.load_workbook(shipped("xlsx"))["inspections"]
    header = [c.value for c in ws[1]]
    at, precision = header.index("published"), header.index("published_precision")
    kinds: dict[object, set[type]] = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[at] is not None:
            kinds.setdefault(row[precision], set()).add(type(row[at]))
    assert kinds["day"] == {dt.datetime}
    assert all(found == {str} for p, found in kinds.items() if p != "day")


def test_grades_in_words(shipped: Exporter) -> None:
    """Grade codes have their words beside them."""
    ws = openpyxl.load_workbook(shipped("xlsx"))["judgements"]
    header = [c.value for c in ws[1]]
    code, label = header.index("grade"), header.index("grade_label")
    pairs = {(r[code], r[label]) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert pairs == {(g, GRADES[str(g)].words) for g, _ in pairs}
    assert ("requires_improvement", "Requires improvement") in pairs


def test_formula_text_is_inert(hostile: Exporter) -> None:
    """A statement beginning with '=' is a text cell with a leading quote, not a formula."""
    ws = openpyxl.load_workbook(hostile("xlsx"))["statements"]
    header = [c.value for c in ws[1]]
    cells = [row[header.index("text")] for row in ws.iter_rows(min_row=2)]
    hit = [c for c in cells if FORMULA in str(c.value)]
    assert len(hit) == 1 and hit[0].value == "'" + FORMULA and hit[0].data_type == "s"
    with zipfile.ZipFile(hostile("xlsx")) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) for n in sheets)


def test_reexport_is_byte_identical(shipped: Exporter, tmp_path: Path) -> None:
    """The same data gives the same bytes: fixed zip times and document dates."""
    again = tmp_path / "again.xlsx"
    run.export(DATA, "xlsx", again)
    assert again.read_bytes() == shipped("xlsx").read_bytes()
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
