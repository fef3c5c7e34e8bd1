"""The fuzzing suite (issue #13): valid data files mutated at random, thousands of times.

Whatever the bytes, `ofsted validate` exits 0 or 1, every problem is located inside the file
it names, nothing raises, and each run is quick; `ofsted fmt` either refuses a file or
rewrites it without changing its records; a query answers or refuses. Runs in-process
(CliRunner) for speed, derandomized so that CI sees the same examples every time.
`make fuzz` runs many more, at random: OFSTED_FUZZ_EXAMPLES and OFSTED_FUZZ_RANDOM=1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ofsted_cli.cli import app
from ofsted_cli.dataset.problems import Code
from ofsted_cli.errors import SHOWN_PROBLEMS
from tests.hostile.conftest import VALID

SEEDS = {p.name: p.read_bytes() for p in sorted(VALID.glob("*.yaml"))}
EXAMPLES = int(os.environ.get("OFSTED_FUZZ_EXAMPLES", "2500"))
RANDOM = os.environ.get("OFSTED_FUZZ_RANDOM") == "1"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): .* \((?P<code>[a-z-]+)\)$")
CODES = {c.value for c in Code}
TOKENS = [
    "[", "]", "{", "}", ": ", ":", "- ", ",", "? ", "&a ", "*a", "<<: ", "!!int ", "!!str ",
    "!x ", "|", "|-\n", ">", " #", "%", "@", "`", '"', "'", "\t", "\n", "  ", "---\n", "...\n",
    "\x00", "\x07", "\ufeff", "\u202e", "\u200b", "\x85", "\u2028", "\\", "0x1F", "0123",
    "12:30", "1_000", ".nan", "-.inf", "no", "~", "null", "2019-02-30", "0000-01-01",
    "9" * 40, "1e400", "é", "中", "\U0001f600",
]  # fmt: skip
VALUES = [
    "", "[]", "{}", "[a, b]", "{a: 1}", "null", "true", "no", "0123", "12:30", "1e5", "0o17",
    ".inf", '"t"', "'q'", "- x", "2019-13-01", "2019-07-29 10:00:00", "!!binary aGk=",
    "!!set {a}", "!!omap [a: 1]", "[[[[]]]]", "&a x", "*a", "|\n  t", "'\\u202e'",
    '"\\u202e"', '"\\x00"', "9" * 400,
]  # fmt: skip


def _settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, examples),
        derandomize=not RANDOM,
        database=None,
        deadline=dt.timedelta(seconds=10),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid data file after one to four mutations."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    blob = SEEDS[name]
    for _ in range(draw(st.integers(1, 4))):
        blob = draw(st.sampled_from(MUTATIONS))(draw, blob)
    return name, blob


def _line_op(op: Callable[[list[bytes], int, st.DrawFn], list[bytes]]) -> Any:
    def mutate(draw: st.DrawFn, blob: bytes) -> bytes:
        lines = blob.split(b"\n")
        i = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(op(lines, i, draw))

    return mutate


def _indent(lines: list[bytes], i: int, draw: st.DrawFn) -> list[bytes]:
    line = lines[i]
    stripped = line.lstrip(b" ")
    width = max(0, len(line) - len(stripped) + draw(st.integers(-4, 4)))
    return [*lines[:i], b" " * width + stripped, *lines[i + 1 :]]


def _retype(lines: list[bytes], i: int, draw: st.DrawFn) -> list[bytes]:
    key, sep, _ = lines[i].partition(b": ")
    if not sep:
        key, sep = lines[i].rstrip(b":"), b": "
    value = draw(st.sampled_from(VALUES)).encode()
    return [*lines[:i], key + sep + value, *lines[i + 1 :]]


def _insert(draw: st.DrawFn, blob: bytes) -> bytes:
    at = draw(st.integers(0, len(blob)))
    what = draw(
        st.one_of(
            st.sampled_from(TOKENS).map(str.encode),
            st.binary(min_size=1, max_size=8),
            st.text(max_size=8).map(str.encode),
        )
    )
    return blob[:at] + what + blob[at:]


MUTATIONS: list[Callable[[st.DrawFn, bytes], bytes]] = [
    _line_op(lambda lines, i, _: lines[:i] + lines[i + 1 :]),  # delete a line (a key)
    _line_op(lambda lines, i, _: lines[: i + 1] + lines[i:]),  # duplicate a line (a key)
    _line_op(lambda lines, i, draw: _swap(lines, i, draw(st.integers(0, len(lines) - 1)))),
    _line_op(_indent),
    _line_op(_retype),
    lambda draw, blob: blob[: draw(st.integers(0, len(blob)))],  # truncate
    _insert,
    _insert,
    lambda draw, blob: blob.replace(b"  ", b"\t", 1),  # a tab for indentation
]


def _swap(lines: list[bytes], i: int, j: int) -> list[bytes]:
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out


@contextmanager
def _folder(name: str, blob: bytes) -> Iterator[Path]:
    """The valid dataset with file *name* replaced by *blob*."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        for seed, text in SEEDS.items():
            (folder / seed).write_bytes(blob if seed == name else text)
        yield folder


def _invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def _assert_located(folder: Path, out: str) -> None:
    """Every line is file:line:col: ... (code) at a place inside a file of *folder*."""
    for text in out.splitlines():
        m = LINE.match(text)
        assert m, text
        path = Path(m["path"])
        assert path.parent == folder and path.exists(), text
        lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
        line, col = int(m["line"]), int(m["col"])
        assert 1 <= line <= len(lines), (text, len(lines))
        assert 1 <= col <= len(lines[line - 1]) + 1, (text, lines[line - 1])
        assert m["code"] in CODES and m["code"] != Code.SCHEMA, text


@_settings(EXAMPLES)
@given(mutated())
def test_validate_locates_every_problem(case: tuple[str, bytes]) -> None:
    """`ofsted validate` on a mutated file: exit 0 or 1, every problem located, no exception."""
    with _folder(*case) as folder:
        result = _invoke("validate", str(folder))
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.stderr
        assert (result.exit_code == 1) == bool(result.stdout)
        _assert_located(folder, result.stdout)


def _records(folder: Path) -> dict[str, Any]:
    from ofsted_cli.dataset import pipeline

    checked = pipeline.validate_paths([folder], today="2026-11-01")
    return {k: [p.record for p in v] for k, v in checked.records.by_kind.items()}


@_settings(EXAMPLES // 5)
@given(mutated())
def test_fmt_refuses_or_keeps_the_records(case: tuple[str, bytes]) -> None:
    """`ofsted fmt`: a file with problems is refused and left as it was; otherwise the files
    are rewritten, read back as the same records, and are then canonical."""
    with _folder(*case) as folder:
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        records = _records(folder)
        result = _invoke("fmt", str(folder))
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 1:
            assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
            return
        assert _records(folder) == records
        assert _invoke("fmt", "--check", str(folder)).exit_code == 0


@_settings(EXAMPLES // 10)
@given(mutated())
def test_a_query_answers_or_refuses(case: tuple[str, bytes]) -> None:
    """A query on mutated data: an answer in strict JSON, or a short refusal (exit 1): one
    line, or a heading, at most the first few problems and a pointer to `ofsted validate`."""
    with _folder(*case) as folder:
        env = {"OFSTED_CACHE_DIR": str(folder.parent / "cache")}
        result = _invoke("--data", str(folder), "councils", "--former", "--json", env=env)
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 0:
            json.loads(result.stdout, parse_constant=_no_constants)
        else:
            lines = result.stderr.splitlines()
            assert lines[0].startswith("ofsted: "), result.stderr
            assert "Traceback" not in result.stderr
            if len(lines) > 1:
                assert 3 <= len(lines) <= SHOWN_PROBLEMS + 3, result.stderr
                assert lines[-1].startswith("run `ofsted validate "), result.stderr


def _no_constants(value: str) -> None:
    raise AssertionError(f"{value} in JSON output")
