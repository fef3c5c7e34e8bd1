"""Running `ofsted` on the query fixture data set, and checking what users see of a run."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from typer.testing import Result

Run = Callable[..., Result]
"""`run("compare", "--year", "2019")`: the CLI on tests/data/queries, in this process."""
RunOn = Callable[..., Result]
"""`run_on(folder, "trend")`: the CLI on a data folder a test wrote."""


def _refuse(constant: str) -> Any:
    raise ValueError(f"not strict JSON: {constant}")


def ok(result: Result) -> str:
    """The stdout of a run that succeeded quietly: exit 0, nothing on stderr."""
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def data(result: Result) -> Any:
    """The strict JSON (no NaN or Infinity) a successful `--json` run printed."""
    return json.loads(ok(result), parse_constant=_refuse)


def table(result: Result) -> list[dict[str, str]]:
    """The rows of a successful `--csv` run, by header (which must be there and unique)."""
    rows = list(csv.reader(io.StringIO(ok(result))))
    header = rows[0]
    assert len(set(header)) == len(header), header
    assert all(len(r) == len(header) for r in rows[1:])
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def usage(result: Result) -> str:
    """The message of a usage error: exit 2, nothing on stdout, one line on stderr."""
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("ofsted: ")
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.removeprefix("ofsted: ").rstrip("\n")
