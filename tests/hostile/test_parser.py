"""Inputs that attack the YAML parser (issue #13): each is refused, located, in bounded time
and memory, on the validate path and on the query path (which parses when it builds its store),
and by fmt; the process is never killed by a signal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.conftest import run

STATEMENT = """\
statements:
  - id: testshire-2019-leader
    council: testshire
    speaker: {{name: A Leader}}
    kind: direct_quote
    text: {text}
    sources: [test-source]
"""


def _laughs() -> str:
    """The billion laughs: ten levels of nine aliases each, 10^9 strings, into a text field."""
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "x: &x\n" + "".join(f"  {line}\n" for line in lines)


def _merge_bomb() -> str:
    """26 levels of `<<: [*prev, *prev]`: about 700 bytes, 2^26 merged keys."""
    lines = ["figures:", "  - &m0 {a: 1, b: 2}"]
    lines += [f"  - &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}" for i in range(1, 27)]
    return "\n".join(lines) + "\n"


ATTACKS = {
    "flow-list-30000": ("figures.yaml", "figures: " + "[" * 30_000 + "]" * 30_000 + "\n"),
    "flow-map-30000": ("figures.yaml", "figures: " + "{a: " * 30_000 + "1" + "}" * 30_000 + "\n"),
    "open-brackets": ("figures.yaml", "figures: " + "[" * 100_000 + "\n"),
    "block-list-30000": ("figures.yaml", "figures:\n" + "- " * 30_000 + "x\n"),
    "block-map-3000": (
        "figures.yaml",
        "figures:\n" + "".join(" " * i + f"k{i}:\n" for i in range(3000)) + " " * 3000 + "x\n",
    ),
    "merge-bomb": ("figures.yaml", _merge_bomb()),
    "billion-laughs": ("statements.yaml", _laughs() + STATEMENT.format(text="*x")),
    "laughs-in-text": (
        "statements.yaml",
        STATEMENT.format(text="&t [a, b]").replace("sources: [", "notes: [*t, *t]\n    sources: ["),
    ),
    "recursive-alias": ("figures.yaml", "figures: &f [*f]\n"),
}


def test_the_merge_bomb_is_small() -> None:
    """The merge-key bomb is the size of the issue's (748 bytes)."""
    assert len(_merge_bomb()) < 800


@pytest.mark.parametrize("name", list(ATTACKS))
def test_validate_refuses_it(name: str, data: Path) -> None:
    """`ofsted validate`: exit 1 with one located problem (too-deep or alias)."""
    file, text = ATTACKS[name]
    (data / file).write_text(text)
    result = run("validate", str(data))
    result.refused(1)
    lines = [line for line in result.out.splitlines() if line.startswith(str(data / file))]
    assert len(lines) == 1, result.out
    assert lines[0].endswith(("(too-deep)", "(alias)")), lines[0]
    line, col = (int(n) for n in lines[0].split(":")[1:3])
    assert 1 <= line <= text.count("\n") + 1 and col >= 1


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_query_refuses_it(name: str, data: Path, cache: dict[str, str]) -> None:
    """A query builds its store from the same pipeline: exit 1, the problem located, and a
    pointer to `ofsted validate`."""
    file, text = ATTACKS[name]
    (data / file).write_text(text)
    result = run("--data", str(data), "councils", env=cache)
    result.refused(1)
    assert "problem(s):\n" in result.err and f"  {data / file}:" in result.err
    assert f"run `ofsted validate {data}` to see them all" in result.err


@pytest.mark.parametrize("name", ["flow-list-30000", "billion-laughs", "merge-bomb"])
def test_fmt_refuses_it(name: str, data: Path) -> None:
    """`ofsted fmt` reads through the same loader, and writes nothing."""
    file, text = ATTACKS[name]
    (data / file).write_text(text)
    result = run("fmt", str(data))
    result.refused(1)
    assert (data / file).read_text() == text
