"""Text output on a terminal and piped: tables fit the width (grades abbreviated, columns left
out and said so, cells wrapped), colours on a terminal only, plain unwrapped text when piped."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from ofsted_cli.output import text
from ofsted_cli.output.table import Cell, Column, layout
from ofsted_cli.output.text import cells, clean, emit, fold
from tests.query import build
from tests.query.runner import Run, RunOn, ok

COMMANDS = [
    ["compare", "--year", "2021"],
    ["compare", "--year", "2026"],
    ["compare", "--as-of", "2019-03-31"],
    ["compare", "--snapshot", "2025"],
    ["councils", "--former", "--as-of", "2020-06-01"],
    ["reports", "--visits"],
    ["trend", "--to", "2026"],
    ["transitions"],
    ["show", "testshire"],
    ["show", "north-testshire", "--lineage"],
    ["show", "testshire", "--full"],
    ["statements"],
]


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _plain(line: str) -> str:
    """*line* without the terminal's style codes (SGR), which take no cells."""
    return re.sub(r"\x1b\[[0-9;]*m", "", line)


@pytest.fixture()
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output as if to a terminal (no colour: NO_COLOR stays set by tests/conftest.py)."""
    monkeypatch.setattr(text, "terminal", lambda out=None: True)


@pytest.mark.parametrize("width", [50, 60, 80, 100, 132])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_line_fits_the_terminal(
    run: Run, terminal: None, monkeypatch: pytest.MonkeyPatch, command: list[str], width: int
) -> None:
    """On a terminal of any common width, no line of any command is wider than it."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = _plain(ok(run(*command)))
    wide = [line for line in out.splitlines() if cells(_plain(line)) > width]
    assert wide == []


def test_narrow_terminal_abbreviates_and_says_so(
    run: Run, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns grades are abbreviated (and the abbreviations explained); at 50 the
    least important columns are left out, and named."""
    monkeypatch.setenv("COLUMNS", "80")
    out = _plain(ok(run("compare", "--year", "2021")))
    assert re.search(r"^Kingsford +G SIF 2016 ", out, re.MULTILINE)
    assert "Grades abbreviated: O outstanding, G good, RI requires improvement" in out
    assert "Left out" not in out
    monkeypatch.setenv("COLUMNS", "50")
    out = _plain(ok(run("compare", "--year", "2021")))
    assert "Left out to fit the terminal: Graded reports published in 2021, Change (widen" in (
        " ".join(out.split())
    )
    assert not re.search(r"\b(first|same)\s*$", out, re.MULTILINE)  # no Change column


def test_the_provisional_mark_is_explained_only_where_it_is_shown(
    run: Run, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Abbreviated, a provisional record is marked * and the legend says so; in full words the
    column is headed Status and says provisional, and no legend speaks of a * that is not
    there."""
    monkeypatch.setenv("COLUMNS", "80")
    out = _plain(ok(run("reports", "--since", "2025-07")))
    assert re.search(r"^Hackley .* \*$", out, re.MULTILINE)
    assert "I inadequate; * provisional." in " ".join(out.split())
    monkeypatch.setenv("COLUMNS", "200")
    out = _plain(ok(run("reports", "--since", "2025-07")))
    assert re.search(
        r"^Council +Framework +On site +Published +Overall +Status$", out, re.MULTILINE
    )
    assert "*" not in out
    monkeypatch.setenv("COLUMNS", "80")  # abbreviated, with nothing provisional
    out = _plain(ok(run("compare", "--year", "2021")))
    assert "Grades abbreviated" in out and "* provisional" not in out


def test_wrapped_headers_keep_every_word(
    run: Run, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column header too long for its column wraps onto more lines: none of its words is
    lost."""
    monkeypatch.setenv("COLUMNS", "80")
    out = _plain(ok(run("councils")))
    header = out[: out.index("\nHackley ")].split()
    assert all(word in header for word in "Council Id Region Rating in force Latest".split())
    out = _plain(ok(run("compare", "--year", "2021")))
    header = out[out.index("\nCouncil ") : out.index("\nHackley ")].split()
    assert all(word in header for word in "Graded reports published in 2021".split())


def test_piped_output_is_never_wrapped(run: Run) -> None:
    """Piped, every column is kept in full words and nothing is wrapped or abbreviated, so a
    long council name stays on one line."""
    out = _plain(ok(run("compare", "--year", "2021")))
    assert "\nOldshire (former, abolished 2021-04-01)  Requires improvement (ILACS 2019)  " in out
    assert "Grades abbreviated" not in out and "Left out" not in out
    assert "\x1b[" not in out
    long_line = next(line for line in out.splitlines() if line.startswith("Former councils"))
    assert cells(long_line) > 150


def test_emit_colours_grades_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, outstanding and good are written in different colours; with NO_COLOR
    set, in none."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR")
    lines = [[text.grade("outstanding")], [text.grade("good")], [text.grade(None)]]
    out = Tty()
    emit(lines, out)
    outstanding, good, none = out.getvalue().splitlines()
    assert re.findall(r"\x1b\[([0-9;]+)m", outstanding) != re.findall(r"\x1b\[([0-9;]+)m", good)
    assert "Outstanding" in outstanding and "\x1b[" in outstanding
    assert "no overall grade" in none
    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    emit(lines, out)
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", out.getvalue())


def test_emit_folds_long_lines_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal a long line is folded at spaces to the width, continuation lines
    indented like the first; piped, it is written as it is."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "20")
    line = [("  one two three four five six seven", ""), (" eight", "bold")]
    out = Tty()
    emit([line, []], out)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    assert shown.splitlines() == [
        "  one two three four",
        "  five six seven",
        "  eight",
        "",
    ]
    piped = io.StringIO()
    emit([line], piped)
    assert piped.getvalue() == "  one two three four five six seven eight\n"


def test_fold_keeps_styles_and_short_lines() -> None:
    """fold leaves a line that fits alone and keeps each word's style when it breaks one."""
    short = [("fits", "bold")]
    assert fold(short, 10) == [short]
    folded = fold([("aaa bbb ", "red"), ("ccc", "green")], 7)
    assert ["".join(t for t, _ in line) for line in folded] == ["aaa bbb", "ccc"]
    assert ("ccc", "green") in folded[1] and ("bbb", "red") in folded[0]


def test_width_is_none_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped output, or a dumb terminal, has no width: tables are not fitted."""
    assert text.width(io.StringIO()) is None
    monkeypatch.setenv("TERM", "dumb")
    assert text.width(Tty()) is None
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "77")
    assert text.width(Tty()) == 77


def test_layout_wraps_then_shrinks() -> None:
    """Wrapping columns narrow first; when they cannot, any column narrows to six cells, and
    the header and every row stay within the width."""
    columns = [Column("Name", wrap=True, min=8), Column("Code")]
    rows = [[Cell("A very long council name indeed"), Cell("E06000001")]]
    table = layout(columns, rows, 20)
    widths = [cells("".join(t for t, _ in line)) for line in table.lines]
    assert max(widths) <= 20
    assert "".join(t for t, _ in table.lines[0]).startswith("Name")
    narrow = layout(
        [Column("Alpha"), Column("Beta")], [[Cell("abcdefghij"), Cell("klmnopqrst")]], 16
    )
    assert max(cells("".join(t for t, _ in line)) for line in narrow.lines) <= 16
    assert narrow.notes() == []


def test_clean_shows_unsafe_characters() -> None:
    """Control characters and bidirectional overrides in data are shown as their code, never
    written raw; tabs become spaces."""
    assert clean("a\x1b[31mb\u202ec\td") == "a<U+001B>[31mb<U+202E>c d"


def test_unsafe_characters_in_data_are_refused_and_not_echoed(
    tmp_path: Path, run_on: RunOn
) -> None:
    """A council name holding a right-to-left override is refused as a hidden character; the
    error names the character by its code and never writes it raw."""
    folder = build.write(tmp_path / "data", [build.council("evilshire", "Evil\u202eshire")])
    result = run_on(folder, "councils")
    assert result.exit_code == 1
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in result.stderr
    assert "hidden-character" in result.stderr
    assert "\u202e" not in result.stderr + result.stdout
