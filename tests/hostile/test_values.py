"""Values that used to crash, pass unnoticed or break the JSON output (issue #13): each is a
located problem of `ofsted validate`, and a query refuses the data rather than show it."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app

FIGURE = """\
figures:
  - id: testshire-homes
    subject: testshire
    topic: childrens_homes
    measure: count
    description: Test data only
    value: {value}
    unit: count
    as_of: {as_of}
    sources: [test-outcomes-2025]
"""
SOURCE = """\
  - id: test-extra
    title: {title}
    publisher: Test Publisher
    kind: other
"""
HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff"

CASES = {
    # name: (file, text, the problem's line:col and code)
    "year-0000-text": ("figures.yaml", FIGURE.format(value=1, as_of="'0000'"), "9:12", "bad-date"),
    "year-0000-date": (
        "figures.yaml",
        FIGURE.format(value=1, as_of="0000-01-01"),
        "9:12",
        "bad-date",
    ),
    "year-0000-month": (
        "figures.yaml",
        FIGURE.format(value=1, as_of="0000-05"),
        "9:12",
        "bad-date",
    ),
    "huge-year": ("figures.yaml", FIGURE.format(value=1, as_of="9" * 400), "9:12", "bad-date"),
    "400-digits": (
        "figures.yaml",
        FIGURE.format(value="9" * 400, as_of="2018"),
        "7:12",
        "bad-number",
    ),
    "5000-digits": (
        "figures.yaml",
        FIGURE.format(value="9" * 5000, as_of="2018"),
        "7:12",
        "yaml-syntax",
    ),
    "1e400": ("figures.yaml", FIGURE.format(value="1.0e+400", as_of="2018"), "7:12", "bad-number"),
    **{
        f"number-{raw}": (
            "figures.yaml",
            FIGURE.format(value=raw, as_of="2018"),
            "7:12",
            "bad-number",
        )
        for raw in ("0123", "12:30", "0x1F", "1_000", "0o17", "+5", ".inf", "-.inf", ".nan", "0b11")
    },
    "hex-year": ("figures.yaml", FIGURE.format(value=1, as_of="0x7E2"), "9:12", "bad-number"),
    **{
        f"title-U+{ord(c):04X}": (
            "sources.yaml",
            SOURCE.format(title=f'"Test\\u{ord(c):04x}source"'),
            "+2:12",
            "hidden-character",
        )
        for c in HIDDEN + "\x07\x1b\x85\t\r\n"
    },
}


def _plant(data: Path, name: str) -> tuple[str, str, str, str]:
    """Write case *name* into *data*: a figures file, or a source added to the sources file
    (its "+n:col" place counts from the end of the old text)."""
    file, text, where, code = CASES[name]
    if where.startswith("+"):
        old = (data / file).read_text(encoding="utf-8")
        where = f"{old.count(chr(10)) + int(where[1:].split(':')[0])}:{where.split(':')[1]}"
        text = old + text
    (data / file).write_text(text, encoding="utf-8")
    return file, text, where, code


def _validate(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(folder)], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("name", list(CASES))
def test_validate_locates_it(name: str, data: Path) -> None:
    """Exactly one problem, at the value, with our code; never a traceback."""
    file, text, where, code = _plant(data, name)
    exit_code, out = _validate(data)
    assert exit_code == 1
    assert out.splitlines() == [line for line in out.splitlines() if line.endswith(f"({code})")]
    assert len(out.splitlines()) == 1, out
    assert out.startswith(f"{data / file}:{where}: "), out


@pytest.mark.parametrize("name", ["400-digits", "number-.nan", "year-0000-text", "title-U+202E"])
def test_a_query_refuses_the_data(name: str, data: Path, tmp_path: Path) -> None:
    """A query never shows such data: exit 1 and a one-line message."""
    _plant(data, name)
    result = CliRunner().invoke(
        app,
        ["--data", str(data), "councils", "--json"],
        env={"OFSTED_CACHE_DIR": str(tmp_path / "cache")},
        catch_exceptions=False,
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"ofsted: the data in {data} has 1 problem(s)")


def _strict(value: str) -> float:
    raise ValueError(f"{value} is not JSON")


def test_json_output_is_strict(data: Path, tmp_path: Path) -> None:
    """With every figure finite, `--json` output parses as strict JSON (no NaN, no Infinity)."""
    env = {"OFSTED_CACHE_DIR": str(tmp_path / "cache")}
    for args in (["show", "testshire", "--json"], ["councils", "--json"], ["statements", "--json"]):
        result = CliRunner().invoke(app, ["--data", str(data), *args], env=env)
        assert result.exit_code == 0, result.output
        json.loads(result.stdout, parse_constant=_strict)


def test_plain_numbers_are_read() -> None:
    """Plain decimal numbers, negative and with exponents, are fine."""
    from ofsted_cli.dataset import loading

    doc = loading.load_text("a: [0, -5, 12, 2.5, -0.25, 1.5e+3, 3.0E-2]\n", "t.yaml")
    assert doc.error is None and doc.numbers == []
    assert doc.data["a"][:5] == [0, -5, 12, 2.5, -0.25] and math.isclose(doc.data["a"][5], 1500)
