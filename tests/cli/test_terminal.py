"""The table commands on a real 80-column terminal (a pseudo-terminal) and piped, on the
shipped data, as a separate process: what people see in a terminal window."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
import unicodedata

import pytest

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
SGR = re.compile(r"\x1b\[([0-9;]*)m")
TABLES = [
    ["compare", "--year", "2019"],
    ["councils"],
    ["reports", "--year", "2019"],
    ["trend"],
    ["transitions"],
    ["show", "wirral"],
]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A colour terminal's environment (no NO_COLOR, no COLUMNS), with a store cache of its
    own, shared by the module's runs."""
    out = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    out["TERM"] = "xterm-256color"
    out["OFSTED_CACHE_DIR"] = str(tmp_path_factory.mktemp("terminal-store"))
    out.pop("OFSTED_DATA", None)
    return out


def on_terminal(args: list[str], env: dict[str, str], columns: int = 80) -> str:
    """Run `ofsted ARGS` with its output on a pseudo-terminal *columns* wide; return what it
    wrote there (with its escape codes), after checking it exited 0."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "ofsted_cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def piped(args: list[str], env: dict[str, str]) -> str:
    """Run `ofsted ARGS` with its output piped (no terminal)."""
    done = subprocess.run(
        [sys.executable, "-m", "ofsted_cli", *args],
        capture_output=True,
        env=env,
        check=True,
        timeout=60,
    )
    return done.stdout.decode("utf-8")


def cells(line: str) -> int:
    """Terminal cells: one per character ('—', '↑', '·' included), two for wide ones."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in line
    )


def _colours(raw: str) -> dict[str, set[str]]:
    """Each run of text written in a colour -> the SGR codes it was written with (runs only
    bold or dim, such as the words of a folded note, are left out)."""
    out: dict[str, set[str]] = {}
    for m in re.finditer(r"\x1b\[([0-9;]+)m([^\x1b]+)", raw):
        if any(re.fullmatch(r"3[0-8]|9[0-7]", p) for p in m.group(1).split(";")):
            out.setdefault(m.group(2).strip(), set()).add(m.group(1))
    return out


@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_no_line_is_wider_than_80_columns(env: dict[str, str], args: list[str]) -> None:
    """On an 80-column terminal no line of the table commands is wider than 80 cells."""
    shown = ANSI.sub("", on_terminal(args, env))
    assert shown.strip()
    wide = [line for line in shown.splitlines() if cells(line) > 80]
    assert wide == []


def test_show_wirral_fits_a_screen(env: dict[str, str]) -> None:
    """`show wirral` on an 80-column terminal is at most 60 lines."""
    shown = ANSI.sub("", on_terminal(["show", "wirral"], env))
    assert shown.startswith("Wirral (wirral)\n")
    assert len(shown.rstrip("\n").splitlines()) <= 60


def test_outstanding_and_good_have_different_colours(env: dict[str, str]) -> None:
    """On a terminal, grades are coloured, and outstanding and good differently."""
    styles = _colours(on_terminal(["reports", "--year", "2019"], env))
    outstanding = styles.get("Outstanding", set()) | styles.get("O", set())
    good = styles.get("Good", set()) | styles.get("G", set())
    inadequate = styles.get("Inadequate", set()) | styles.get("I", set())
    assert outstanding and good and inadequate
    assert outstanding.isdisjoint(good)
    assert inadequate.isdisjoint(good) and inadequate.isdisjoint(outstanding)


def test_piped_output_is_plain_and_unwrapped(env: dict[str, str]) -> None:
    """Piped (no terminal) the same commands write no escape codes and wrap nothing: a long
    council name and its whole row stay on one line, and grades are in words."""
    out = piped(["compare", "--year", "2019"], env)
    assert "\x1b" not in out
    row = next(line for line in out.splitlines() if line.startswith("Bournemouth, Christchurch"))
    assert row.startswith("Bournemouth, Christchurch & Poole  ")
    assert row.endswith("  created")
    assert "not yet created" in row
    assert max(cells(line) for line in out.splitlines()) > 80
    assert "Grades abbreviated" not in out
    assert "Inadequate (SIF 2016)" in out  # Wirral on 1 January, in words
    for args in TABLES[1:]:
        assert "\x1b" not in piped(args, env)


def test_no_color_turns_colour_off_on_a_terminal(env: dict[str, str]) -> None:
    """With NO_COLOR set, a terminal gets no colour codes (bold and dim only)."""
    raw = on_terminal(["reports", "--year", "2019"], {**env, "NO_COLOR": "1"})
    codes = {code for m in SGR.finditer(raw) for code in m.group(1).split(";")}
    assert codes <= {"", "0", "1", "2", "3", "4", "22", "23", "24"}


def test_a_narrow_terminal_says_what_it_left_out(env: dict[str, str]) -> None:
    """At 60 columns a table that cannot fit leaves columns out and names them."""
    shown = ANSI.sub("", on_terminal(["compare", "--year", "2019"], env, columns=60))
    assert all(cells(line) <= 60 for line in shown.splitlines())
    assert "Left out to fit the terminal:" in shown
