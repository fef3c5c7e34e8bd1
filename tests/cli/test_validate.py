"""`ofsted validate` end to end: exit codes, stdout and stderr, formats, the data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app, main

DATA = Path(__file__).parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
CASE = INVALID / "several-problems"
"""A case with problems of many kinds in one file."""
NO_FUTURE = INVALID / "ilacs-split-area-before-2023"
"""A case with two problems, neither of which depends on today's date."""
TWO_FILES = INVALID / "unknown-source-inspection"
"""A case whose problem is found across two files."""


def _validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["validate", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_clean_data() -> None:
    """Clean data: exit 0, nothing on stdout, a summary with the counts on stderr."""
    code, out, err = _validate(str(VALID))
    assert code == 0, out + err
    assert out == ""
    assert err == (
        "ok: 5 files (3 councils, 2 figures, 1 groups, 8 inspections, 4 sources, "
        "2 statements), no problems\n"
    )


@pytest.mark.parametrize("case", [NO_FUTURE, TWO_FILES, INVALID / "folder-named-yaml"])
def test_problems_in_text(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems: exit 1, the expected lines on stdout, the count on stderr."""
    monkeypatch.chdir(case)
    code, out, err = _validate(".")
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    # expected.txt is made with a fixed today; these cases have no future dates
    assert "in the future" not in expected
    assert code == 1, out + err
    assert out == expected
    n, files = len(expected.splitlines()), len(list(Path(".").glob("*.yaml")))
    bad = len({line.split(":")[0] for line in expected.splitlines()})
    where = f"{files} file{'s' if files > 1 else ''}"
    where = where if bad == files else f"{bad} of {where}"
    # The summary, then (a case being a few files) which cross-file checks were skipped.
    assert err.splitlines()[0] == f"{n} problem{'s' if n > 1 else ''} in {where}"


def test_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """--format json prints one JSON document holding every problem."""
    monkeypatch.chdir(TWO_FILES)
    code, out, err = _validate(".", "--format", "json")
    assert code == 1, out + err
    assert json.loads(out) == {
        "ok": False,
        "files": ["inspections.yaml", "sources.yaml"],
        "counts": {"councils": 1, "inspections": 1, "sources": 1},
        "problems": [
            {
                "file": "inspections.yaml",
                "line": 9,
                "col": 32,
                "path": "councils.0.inspections.0.sources.1",
                "message": "unknown source 'test-sauce': no source has this id",
                "code": "unknown-reference",
                "severity": "error",
            }
        ],
    }
    assert err == "1 problem in 1 of 2 files\n"


def test_json_clean() -> None:
    """--format json on clean data says ok, with no problems."""
    code, out, _ = _validate(str(VALID), "-f", "json")
    payload = json.loads(out)
    assert (code, payload["ok"], payload["problems"]) == (0, True, [])


def test_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """--format github prints one workflow command per problem, escaped."""
    monkeypatch.chdir(INVALID / "yaml-syntax")
    code, out, _ = _validate(".", "--format", "github")
    assert code == 1
    assert out == (
        "::error file=inspections.yaml,line=9,col=14::not valid YAML: while parsing a flow "
        "sequence (see line 8, column 18), did not find expected ',' or ']' (yaml-syntax)\n"
    )


def test_github_escapes_property_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `,` or `:` in a file name would end the property, so it is escaped."""
    (tmp_path / "a,b:c.yaml").write_text("nothing: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _validate("a,b:c.yaml", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=a%2Cb%3Ac.yaml,line=1,col=1::expected a mapping")


def test_bad_format_is_a_usage_error() -> None:
    """An unknown --format is a usage error: exit 2, the allowed values on stderr."""
    code, out, err = _validate(str(VALID), "--format", "xml")
    assert code == 2
    assert out == ""
    assert "'xml' is not one of 'text', 'json', 'github'" in err


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is a located problem, exit 1."""
    missing = tmp_path / "nope.yaml"
    code, out, err = _validate(str(missing))
    assert (code, out, err) == (1, f"{missing}:1:1: no such file (unreadable)\n", err)
    assert err == "1 problem in 1 file\n"


def test_several_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files and folders can be mixed; each is checked, and problems come out sorted."""
    monkeypatch.chdir(INVALID)
    code, out, _ = _validate("yaml-syntax/inspections.yaml", "duplicate-key-top", "nope.yaml")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "duplicate-key-top/sources.yaml",
        "nope.yaml",
        "yaml-syntax/inspections.yaml",
    ]


def test_empty_folder(tmp_path: Path) -> None:
    """A folder with no YAML files in it is a problem, not a silent pass."""
    code, out, _ = _validate(str(tmp_path))
    assert (code, out) == (
        1,
        f"{tmp_path}:1:1: is a folder with no .yaml files in it (unreadable)\n",
    )


def test_data_option_selects_the_folder() -> None:
    """With no PATH, validate checks the folder given by --data."""
    result = CliRunner().invoke(app, ["--data", str(CASE), "validate"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{CASE / 'inspections.yaml'}:5:16: councils.0.la_number")


def test_env_var_selects_the_folder() -> None:
    """With no PATH and no --data, validate checks the folder in $OFSTED_DATA."""
    code, out, err = _validate(env={"OFSTED_DATA": str(VALID)})
    assert (code, out) == (0, ""), err
    assert err.startswith("ok: 5 files")


def test_data_option_beats_env_var() -> None:
    """--data wins over $OFSTED_DATA."""
    result = CliRunner().invoke(
        app,
        ["--data", str(VALID), "validate"],
        env={"OFSTED_DATA": str(CASE)},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output


def test_shipped_data_by_default() -> None:
    """With no PATH, no --data and no $OFSTED_DATA, validate checks the shipped data."""
    code, out, err = _validate()
    assert (code, out) == (0, ""), out + err
    assert err.startswith("ok: ")


def test_missing_data_folder(tmp_path: Path) -> None:
    """A data folder that does not exist: one line on stderr, exit 1, no traceback."""
    missing = tmp_path / "nope"
    code, out, err = _validate(env={"OFSTED_DATA": str(missing)})
    assert (code, out) == (1, "")
    assert err.startswith(f"ofsted: data directory {missing} (from ")
    assert err.endswith(") is not a folder\n") and err.count("\n") == 1


def test_missing_data_folder_names_its_origin(tmp_path: Path) -> None:
    """The message says whether the folder came from --data or from $OFSTED_DATA."""
    missing = tmp_path / "nope"
    _, _, err = _validate(env={"OFSTED_DATA": str(missing)})
    assert err == f"ofsted: data directory {missing} (from OFSTED_DATA) is not a folder\n"


def test_main_exit_codes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """main(), the console entry point, exits 0, 1 or 2 and never shows a traceback."""
    runs = [
        (["validate", str(VALID)], 0),
        (["validate", str(CASE)], 1),
        (["--data", str(tmp_path / "nope"), "validate"], 1),
        (["validate", "--format", "xml"], 2),
    ]
    for args, expected in runs:
        monkeypatch.setattr(sys, "argv", ["ofsted", *args])
        with pytest.raises(SystemExit) as exit_info:
            main()
        assert exit_info.value.code == expected, args
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.endswith("\n"), args


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate", str(VALID)], 0),
        (["validate", str(INVALID / "not-utf8"), str(INVALID / "bad-partial-date-day")], 1),
        (["--data", "/nonexistent/ofsted-data", "validate"], 1),
        (["validate", "--format", "xml"], 2),
    ],
)
def test_process_exit_codes(args: list[str], expected: int) -> None:
    """As a process: the exit code is the contract, and stderr never holds a traceback."""
    env = {k: v for k, v in os.environ.items() if k != "OFSTED_DATA"}
    proc = subprocess.run(
        [sys.executable, "-m", "ofsted_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == expected, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 or expected == 2, proc.stderr
