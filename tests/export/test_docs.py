"""docs/exports.md: the tables' reference, kept in step with export/tables.py."""

from __future__ import annotations

from ofsted_cli.export import metadata
from ofsted_cli.export.tables import TABLES
from tests.conftest import ROOT

INTRO = """\
# Exports

`ofsted export` writes the validated data for analysis. Every format but JSON holds the same
tidy tables, described below (this page is generated from `src/ofsted_cli/export/tables.py`;
`tests/export/test_docs.py` keeps it in step):

- `sqlite` (`--out` a file, e.g. `ofsted.sqlite`): the tables with primary and foreign keys,
  indexes, full-text search (FTS5, Porter stemming) over statements and the `latest_ratings`
  view; with `ofsted.metadata.json` beside it for Datasette.
- `datapackage` (a folder): a CSV per table and `datapackage.json` (Frictionless: types,
  descriptions, primary and foreign keys, licences, sources).
- `xlsx` (a file): one workbook, `latest_ratings` first, a sheet per table, an `about` sheet.
- `csv` (a folder; or `-` with `--table NAME`): a CSV per table (`--excel`: with a UTF-8
  byte-order mark, so that Excel reads ’ “ £ right).
- `json` (a file, or `-`): every record, nested as in the data files (docs/json.md).

```sh
ofsted export --format sqlite --out ofsted.sqlite
datasette ofsted.sqlite -m ofsted.metadata.json     # browse, query, search
ofsted export --format datapackage --out ofsted-data/
frictionless validate ofsted-data/datapackage.json
ofsted export --format xlsx --out ofsted.xlsx
ofsted export --format csv --out - --table latest_ratings > ratings.csv
```

Conventions:

- **Dates** are kept at the precision a source gives: text `YYYY`, `YYYY-MM` or
  `YYYY-MM-DD`, with a `<name>_precision` column beside each (`year`, `month` or `day`). No
  day is ever invented. In XLSX a complete date is a date cell; a year or a month stays text.
- **Grades** are codes (`requires_improvement`) with their words beside them
  (`Requires improvement`, in a `_label` column). `grade_rank` orders them (4 best).
- **Booleans** are `true`/`false` in CSV, 1/0 in SQLite, TRUE/FALSE in XLSX.
- **Empty** is an empty CSV cell, NULL in SQLite, an empty cell in XLSX. A table with no rows
  still has its header.
- **Formulas**: in CSV and XLSX, text beginning with `=`, `+`, `-`, `@`, a tab or a carriage
  return gets a leading `'` so that no spreadsheet runs it (OWASP's rule for CSV injection);
  `ofsted validate` warns about such text (`formula-text`). SQLite and JSON keep the text as is.
- **Rows** are sorted by their keys and nothing records the time of the export, so the same
  data gives byte-identical files (the XLSX zip entries carry a fixed time).
- **Writing**: an existing `--out` is refused unless `--force`; with it, a regular file, or a
  folder holding only an earlier export's files, is replaced atomically (written beside it,
  then renamed). Links, devices and system folders are refused. `--out -` writes to standard
  output for `json`, and for `csv` with `--table`; the other formats are not streams.
- The SQLite export is not the query cache (`~/.cache/ofsted-cli`): that one is shaped for the
  commands and may change with them; this one is the published schema.

## Licence

{licence}

"""


def exports_doc() -> str:
    """docs/exports.md as it should be."""
    out = [INTRO.format(licence=metadata.LICENSE_TEXT).rstrip(), "", "## Tables", ""]
    for table in TABLES:
        view = " In SQLite, a view computed from the other tables." if table.view else ""
        out += [f"### `{table.name}`", "", f"{table.description}{view}", ""]
        keys = f"Primary key: `{', '.join(table.primary_key)}`."
        if table.foreign_keys:
            refs = "; ".join(
                f"`{', '.join(fk.columns)}` -> `{fk.table}.{', '.join(fk.ref)}`"
                for fk in table.foreign_keys
            )
            keys += f" Foreign keys: {refs}."
        if table.search:
            keys += f" Full-text search over {', '.join(f'`{c}`' for c in table.search)}."
        out += [keys, "", "| column | type | description |", "| --- | --- | --- |"]
        for c in table.columns:
            kind = "partial date" if c.type == "date" else c.type
            values = f" One of: {', '.join(c.enum)}." if c.enum and len(c.enum) <= 8 else ""
            out.append(f"| `{c.name}` | {kind} | {c.description}{values} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def test_exports_doc_is_up_to_date() -> None:
    """docs/exports.md describes every table and column as export/tables.py does."""
    page = ROOT / "docs" / "exports.md"
    assert page.read_text(encoding="utf-8") == exports_doc(), (
        "docs/exports.md is out of date: write tests.export.test_docs.exports_doc() to it"
    )
