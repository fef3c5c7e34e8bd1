"""Export the validated dataset for people's own analysis: CSV files, one JSON file, SQLite."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

from ofsted_cli.vocab.frameworks import AREA_LABELS

FORMATS = ("csv", "json", "sqlite")
_AREAS = list(AREA_LABELS)


def export(conn: sqlite3.Connection, fmt: str, out: Path) -> list[Path]:
    """Write the data in *conn* as *fmt* to *out* (a folder for csv, a file otherwise)."""
    if fmt == "sqlite":
        if out.exists():
            out.unlink()
        conn.execute("VACUUM INTO ?", (str(out),))
        with sqlite3.connect(out) as copy:  # keep the content hash, drop this machine's details
            copy.execute("DELETE FROM meta WHERE key NOT IN ('schema', 'hash')")
        return [out]
    data = _everything(conn)
    if fmt == "json":
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {
        "councils.csv": [_council_row(c) for c in data["councils"]],
        "inspections.csv": [
            _inspection_row(c, i) for c in data["councils"] for i in c["inspections"]
        ],
        "statements.csv": [_flat(s) for s in data["statements"]],
        "sources.csv": data["sources"],
        "groups.csv": [
            {**g, "members": ";".join(g["members"]), "sources": ";".join(g["sources"])}
            for g in data["groups"]
        ],
        "figures.csv": [{**f, "sources": ";".join(f["sources"])} for f in data["figures"]],
    }
    for name, rows in tables.items():
        path = out / name
        with path.open("w", encoding="utf-8", newline="") as f:
            if rows:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        written.append(path)
    return written


def _everything(conn: sqlite3.Connection) -> dict[str, Any]:
    councils = []
    for cid, body in conn.execute("SELECT id, json FROM councils ORDER BY status, id"):
        council = json.loads(body)
        council["inspections"] = [
            json.loads(r[0])
            for r in conn.execute(
                "SELECT json FROM inspections WHERE council_id = ? ORDER BY sort_day, id", (cid,)
            )
        ]
        councils.append(council)

    def rows(table: str) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in conn.execute(f"SELECT json FROM {table} ORDER BY id")]

    return {
        "councils": councils,
        "statements": rows("statements"),
        "sources": rows("sources"),
        "groups": rows("groups"),
        "figures": rows("figures"),
    }


def _council_row(c: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in c.items() if k != "inspections"}
    for key in ("other_names", "successors", "sources"):
        row[key] = ";".join(row.get(key, []))
    return row


def _inspection_row(c: dict[str, Any], i: dict[str, Any]) -> dict[str, Any]:
    row = {
        "council_id": c["id"],
        "council_name": c["name"],
        "ons_code": c["ons_code"],
        "la_number": c["la_number"],
        "region": c["region"],
    }
    row.update({k: v for k, v in i.items() if k not in ("judgements", "sources")})
    row.update({area: i["judgements"].get(area) for area in _AREAS})
    row["sources"] = ";".join(i["sources"])
    return row


def _flat(s: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in s.items() if k not in ("speaker", "sources")}
    row.update({f"speaker_{k}": v for k, v in s["speaker"].items()})
    row["sources"] = ";".join(s["sources"])
    return row
