"""Every command documents itself: help text with an `Example:` line (sqlite-utils test_docs)."""

from __future__ import annotations

from pathlib import Path
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


def problem_codes_doc() -> str:
    """docs/problem-codes.md as it should be: each code, its docstring, a corpus example."""
    import ast
    import re

    root = Path(__file__).parents[1]
    tree = ast.parse((root / "src/ofsted_cli/dataset/problems.py").read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Code")
    docs: dict[str, str] = {}
    for node, after in zip(cls.body, cls.body[1:], strict=False):
        if (
            isinstance(node, ast.Assign)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
        ):
            docs[str(ast.literal_eval(node.value))] = " ".join(str(after.value.value).split())
    examples: dict[str, tuple[str, str]] = {}
    for case in sorted((root / "tests/data/invalid").iterdir()):
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
            code = re.findall(r"\(([a-z-]+)\)$", line)[0]
            if code not in examples or len(line) < len(examples[code][1]):
                examples[code] = (case.name, line)
    out = [
        "# Problem codes",
        "",
        "`ofsted validate` ends each problem with one of these codes in brackets. The codes are",
        "the project's own (pydantic's error types are mapped to them, never passed through), so",
        "CI scripts and editors can rely on them. Each example is a real line from the validator's",
        "test corpus (`tests/data/invalid/<case>/expected.txt`); `tests/test_docs.py` keeps this",
        "page in step with the code.",
        "",
    ]
    for code, doc in docs.items():
        out += [f"## `{code}`", "", doc, ""]
        if code in examples:
            name, line = examples[code]
            out += [f"Example (case `{name}`):", "", "```text", line, "```", ""]
        else:
            out += ["Never expected: every schema error maps to a more specific code.", ""]
    return "\n".join(out).rstrip() + "\n"


def test_problem_codes_are_documented() -> None:
    """docs/problem-codes.md lists every problem code with its meaning and a real example."""
    page = Path(__file__).parents[1] / "docs" / "problem-codes.md"
    assert page.read_text(encoding="utf-8") == problem_codes_doc(), (
        "docs/problem-codes.md is out of date: write tests.test_docs.problem_codes_doc() to it"
    )


def test_every_shipped_page_is_a_docs_topic() -> None:
    """`ofsted docs TOPIC` prints each page of docs/ as it is, and every page is a topic."""
    pages = sorted((Path(__file__).parents[1] / "docs").glob("*.md"))
    assert {p.stem for p in pages} >= {"json", "problem-codes", "data-format", "exports"}
    for page in pages:
        result = CliRunner().invoke(app, ["docs", page.stem])
        assert result.exit_code == 0, (page.stem, result.output)
        assert result.stdout == page.read_text(encoding="utf-8")
