"""The README's examples stay true: each ```console block that runs `ofsted` prints what it shows.

A block is one command and its output, as a reader would type it and see it piped (no
colour):

    $ ofsted show wirral 2>&1
    ...the exact lines...

The command runs in this process (CliRunner) on the shipped data, with no colour, a fresh
store cache and today fixed at TODAY (the README uses the same day). Redirections: none means
stdout, and stderr must be empty (so the README never hides what a reader would see);
`2>&1` means stdout and stderr as a terminal shows them; `2>/dev/null` means stdout alone. A
block whose last line is `…` shows only the first lines of the output. Commands run from the
repository's root, except those that write files (`--out FILE`, `report`), which run in a
temporary folder. Globs are expanded as a shell would; a block whose files are outside the
repository and missing here (`../shared/reference/*.ods`) is skipped, and says why.
"""

from __future__ import annotations

import datetime as dt
import glob
import importlib
import inspect
import pkgutil
import shlex
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import pytest
import typer.main
from typer.testing import CliRunner

import ofsted_cli
from ofsted_cli import options
from ofsted_cli.cli import app
from tests.conftest import ROOT

README = ROOT / "README.md"
TODAY = "2026-12-01"
"""The day the README's outputs were made: "Rating in force on 2026-12-01", "today is ..."."""
CUT = "…"
"""A block's last line when it shows only the first lines of the output."""
REDIRECTS = ("2>&1", "2>/dev/null")
SHELL = ("|", ">", ">>", "<", "&&", "||", ";", "&")
"""Shell syntax this test does not emulate: such an example belongs in a ```sh block."""


@dataclass(frozen=True)
class Example:
    """A ```console block of README.md: the command after `$ `, and the lines it shows."""

    line: int
    command: str
    expected: list[str]
    prefix: bool

    def __str__(self) -> str:
        return f"README.md:{self.line}: $ {self.command}"


def console_blocks(text: str) -> list[tuple[int, list[str]]]:
    """Each ```console block: the line number of its opening fence, and its lines."""
    blocks: list[tuple[int, list[str]]] = []
    body: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if body is None:
            if line.strip() == "```console":
                body, start = [], number
        elif line.strip() == "```":
            blocks.append((start, body))
            body = None
        else:
            body.append(line)
    assert body is None, f"README.md:{start}: a ```console block is not closed"
    return blocks


def parse(text: str) -> list[Example]:
    """The README's `$ ofsted ...` examples, in order."""
    found = []
    for start, lines in console_blocks(text):
        if not lines or not lines[0].startswith("$ ofsted "):
            continue
        expected = lines[1:]
        prefix = bool(expected) and expected[-1] == CUT
        found.append(Example(start, lines[0][2:], expected[:-1] if prefix else expected, prefix))
    return found


EXAMPLES = parse(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples() -> None:
    """The examples are found (so that the tests below are not vacuous)."""
    assert len(EXAMPLES) >= 10
    assert any(e.command.startswith("ofsted show wirral") for e in EXAMPLES)


def test_every_command_has_an_example() -> None:
    """Each command of `ofsted --help` has at least one example in the README."""
    commands = set(getattr(typer.main.get_command(app), "commands", {}))
    assert "show" in commands
    shown = {shlex.split(e.command)[1] for e in EXAMPLES}
    assert sorted(commands - shown) == []


def test_every_console_block_is_an_example() -> None:
    """Every ```console block is one `$ ofsted` command and its output: nothing escapes the
    check below (a block of other commands, or of several, belongs in a ```sh block)."""
    for start, lines in console_blocks(README.read_text(encoding="utf-8")):
        assert lines and lines[0].startswith("$ ofsted "), f"README.md:{start}: {lines[:1]}"
        later = [line for line in lines[1:] if line.startswith("$ ")]
        assert not later, f"README.md:{start}: one command per block, not {later}"


def test_parse_reads_cuts_and_ignores_other_blocks() -> None:
    """The parser: a `…` last line makes a prefix; other blocks are not examples."""
    text = "\n".join(
        [
            "```sh",
            "$ ofsted nothing",
            "```",
            "```console",
            "$ ofsted show wirral",
            "Wirral (wirral)",
            CUT,
            "```",
            "```console",
            "$ ofsted validate 2>&1",
            "```",
        ]
    )
    assert parse(text) == [
        Example(4, "ofsted show wirral", ["Wirral (wirral)"], True),
        Example(9, "ofsted validate 2>&1", [], False),
    ]


def _clock() -> types.ModuleType:
    """A stand-in for the datetime module whose date.today() is TODAY."""

    class Today(dt.date):
        @classmethod
        def today(cls) -> Self:
            return cls.fromisoformat(TODAY)

    clock = types.ModuleType("datetime")
    clock.__dict__.update(vars(dt))
    setattr(clock, "date", Today)  # noqa: B010 - mypy: a ModuleType has no attribute `date`
    return clock


def _package() -> list[types.ModuleType]:
    """Every module of ofsted_cli, imported (most commands import theirs only when run)."""
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(ofsted_cli.__path__, "ofsted_cli.")
        if not info.name.endswith("__main__")
    ]


@pytest.fixture()
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is TODAY for every module that asks for it (options.today(), or datetime's
    date.today() called directly), however the module imported datetime."""
    clock = _clock()
    for module in _package():
        if "today(" not in inspect.getsource(module):
            continue
        for name, value in list(vars(module).items()):
            if value is dt:
                monkeypatch.setattr(module, name, clock)
            elif value is dt.date:
                monkeypatch.setattr(module, name, clock.date)
    assert options.today() == TODAY


def _words(command: str) -> tuple[list[str], str | None]:
    """The arguments after `ofsted`, and the redirection of stderr at the end, if any."""
    words = shlex.split(command)
    assert words[0] == "ofsted", command
    redirect = words.pop() if words[-1] in REDIRECTS else None
    shell = [w for w in words if w in SHELL or w.startswith((">", "<", "|"))]
    assert not shell, f"{command!r}: {shell} is shell syntax; show it in a ```sh block"
    return words[1:], redirect


def _writes(args: list[str]) -> bool:
    """Whether the command writes files (so that it must run in a temporary folder)."""
    for i, word in enumerate(args):
        if word in ("--out", "-o") and i + 1 < len(args) and args[i + 1] != "-":
            return True
        if word.startswith("--out=") and word != "--out=-":
            return True
    return bool(args) and args[0] == "report"


def _expand(args: list[str]) -> list[str]:
    """Globs expanded as a shell does (sorted); skip when they match nothing here."""
    out: list[str] = []
    for word in args:
        if not any(c in word for c in "*?["):
            out.append(word)
            continue
        matches = sorted(glob.glob(word))
        if not matches:
            pytest.skip(f"{word} matches no file here: the files are outside the repository")
        out.extend(matches)
    return out


def _never_writes_the_data(args: list[str]) -> None:
    """A README example must not change the shipped data when the test runs it."""
    if args[:1] == ["import"]:
        assert "--dry-run" in args, "an `ofsted import` example needs --dry-run"
    if args[:1] == ["fmt"]:
        assert "--check" in args, "an `ofsted fmt` example needs --check"


@pytest.mark.usefixtures("fixed_today")
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_example(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command prints exactly the lines the README shows (or begins with them)."""
    args, redirect = _words(example.command)
    _never_writes_the_data(args)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("OFSTED_DATA", raising=False)
    monkeypatch.chdir(ROOT)
    args = _expand(args)
    if _writes(args):
        monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args, prog_name="ofsted", catch_exceptions=False)
    if redirect == "2>&1":
        shown = result.output
    else:
        shown = result.stdout
        if redirect is None:
            assert result.stderr == "", (
                f"{example}: the command writes to stderr {result.stderr!r}; "
                "show it with 2>&1, or hide it with 2>/dev/null"
            )
    actual = shown.splitlines()
    if example.prefix:
        assert len(actual) > len(example.expected), f"{example}: nothing is cut; remove the {CUT}"
        actual = actual[: len(example.expected)]
    assert actual == example.expected, str(example)
