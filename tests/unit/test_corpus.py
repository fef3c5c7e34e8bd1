"""The validator's corpus: each invalid case reports exactly its expected lines, valid data none.

Each `tests/data/invalid/<case>/` folder holds YAML files and `expected.txt`, the exact lines
that `ofsted validate .` prints when run inside the folder (paths relative to it), and may hold
`env.txt`, environment variables (NAME=value lines) to set for the run. A new bug becomes a new
folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_cli.dataset import datadir, pipeline
from ofsted_cli.dataset.problems import Code
from ofsted_cli.vocab.kinds import FILES

DATA = Path(__file__).parents[1] / "data"
VALID = DATA / "valid"
INVALID = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())
TODAY = "2026-11-01"
"""A fixed today, so that the future-date messages do not change with the clock."""


def _expected(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def _problems(case: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(case)
    if (case / "env.txt").exists():  # a case's own settings, e.g. a small size limit
        for line in (case / "env.txt").read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            monkeypatch.setenv(name, value)
    return [p.parsable() for p in pipeline.validate_paths([Path(".")], today=TODAY).result.problems]


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It reports exactly the located problems of expected.txt: none missing, none extra."""
    expected = _expected(case)
    assert expected, f"{case.name}/expected.txt is empty: an invalid case must expect a problem"
    assert _problems(case, monkeypatch) == expected


def test_corpus_has_a_case_per_code() -> None:
    """Every kind of problem has at least one case, and there are at least 25 cases; the
    fallback code `schema` is never needed (every pydantic error maps to a code of ours)."""
    assert len(INVALID) >= 25
    seen = {line.rsplit("(", 1)[-1].rstrip(")") for case in INVALID for line in _expected(case)}
    assert {c.value for c in Code} - {Code.SCHEMA.value} <= seen
    assert Code.SCHEMA.value not in seen


def test_expected_lines_are_parsable() -> None:
    """Every expected line has the form file:line:col: [path: ]message (code)."""
    for case in INVALID:
        for line in _expected(case):
            where, _, rest = line.partition(": ")
            path, row, col = where.rsplit(":", 2)
            assert (case / path).exists(), line
            assert int(row) >= 1 and int(col) >= 1, line
            assert rest.endswith(")") and " (" in rest, line


def test_valid_dataset() -> None:
    """It finds no problem in the valid test dataset, and counts every record in it."""
    result = pipeline.validate_paths([VALID], today=TODAY).result
    assert result.problems == []
    assert result.counts == {
        "councils": 3,
        "inspections": 8,
        "statements": 2,
        "sources": 4,
        "groups": 1,
        "figures": 2,
    }
    assert sorted(Path(f).name for f in result.files) == sorted(FILES)


def test_valid_dataset_file_by_file() -> None:
    """Each valid file passes on its own too (references to absent kinds are not checked)."""
    for path in sorted(VALID.glob("*.yaml")):
        assert pipeline.validate_paths([path], today=TODAY).result.problems == [], path.name


def test_shipped_data() -> None:
    """The data shipped with ofsted-cli passes every check, as of today."""
    folder = datadir.resolve(None)
    result = pipeline.validate_paths([folder]).result
    assert result.files, f"no data files in {folder}"
    assert result.ok, "\n".join(p.parsable() for p in result.problems)
