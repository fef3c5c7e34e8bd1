"""Every command documents itself: help text with an `Example:` line (sqlite-utils test_docs)."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from ofsted_cli.cli import app


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command registered on *group*, sub-commands of sub-groups included."""
    # Duck-typed: Typer >= 0.28 vendors its own copy of Click, so isinstance(click.Group) fails.
    found: list[tuple[str, ...]] = []
    for name, command in sorted(getattr(group, "commands", {}).items()):
        found.append((*prefix, name))
        found.extend(_commands(command, (*prefix, name)))
    return found


COMMANDS = _commands(typer.main.get_command(app))


def test_app_has_commands() -> None:
    """The app registers its commands (so the checks below are not vacuous)."""
    assert ("validate",) in COMMANDS


@pytest.mark.parametrize("names", COMMANDS, ids=[" ".join(n) for n in COMMANDS])
def test_command_help_has_an_example(names: tuple[str, ...]) -> None:
    """`ofsted <command> --help` shows a summary and an `Example: ofsted <command> ...` line."""
    result = CliRunner().invoke(app, [*names, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    summary = lines[lines.index("") + 1] if "" in lines else ""
    assert summary and not summary.startswith("Example:"), result.stdout
    assert any(line.startswith(f"Example: ofsted {' '.join(names)}") for line in lines), (
        result.stdout
    )


def test_app_help_lists_every_command() -> None:
    """`ofsted --help` lists every top-level command with its summary."""
    result = CliRunner().invoke(app, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    for names in COMMANDS:
        if len(names) == 1:
            assert f"  {names[0]} " in result.stdout, names
