"""Hostile arguments to the commands (issue #13): a binary lookup, enormous or wildcard
searches, files that must not be replaced, a disk that fills during an import."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app
from tests.hostile.conftest import run
from tests.official.builders import WIRRAL_2019, outcomes_2025
from tests.official.test_merge import LOOKUP

STATEMENTS = """\
statements:
  - id: testshire-1
    council: testshire
    speaker: {{name: A Leader}}
    kind: direct_quote
    text: {text}
    sources: [test-outcomes-2025]
"""


def _invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


LOOKUPS = {
    "random-bytes": bytes(range(256)) * 40,
    "nul-bytes": b"\0" * 4000,
    "zip": b"PK\x03\x04" + bytes(200),
    "short-row": (LOOKUP.splitlines()[0] + "\n80512,344\n").encode(),
    "nul-in-cell": (
        LOOKUP.splitlines()[0] + "\n80512,344,E08000015,Wir\0ral,,E08000015\n"
    ).encode(),
    "one-huge-cell": b"urn\n" + b"x" * 200_000 + b"\n",
}


@pytest.mark.parametrize("name", list(LOOKUPS))
def test_a_binary_lookup_is_refused(name: str, tmp_path: Path) -> None:
    """`ofsted import --lookup FILE` with a file that is no lookup: exit 1, one line, and
    nothing written."""
    data = tmp_path / "data"
    data.mkdir()
    lookup = tmp_path / "lookup.csv"
    lookup.write_bytes(LOOKUPS[name])
    release = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    result = run("--data", str(data), "import", str(release), "--lookup", str(lookup))
    result.refused(1)
    assert result.err.startswith(f"ofsted: {lookup}: ") and result.err.count("\n") == 1
    assert list(data.iterdir()) == []


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_a_lookup_that_is_not_a_file_is_refused(kind: str, tmp_path: Path) -> None:
    """A pipe, a device or a folder as the lookup: refused before it is opened."""
    data = tmp_path / "data"
    data.mkdir()
    lookup = tmp_path / "lookup.csv"
    if kind == "fifo":
        os.mkfifo(lookup)
    elif kind == "dev-zero":
        lookup.symlink_to("/dev/zero")
    else:
        lookup.mkdir()
    release = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    result = run("--data", str(data), "import", str(release), "--lookup", str(lookup))
    result.refused(1)
    assert result.err.startswith(f"ofsted: {lookup}: ")


def test_a_release_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    """The same for a release: a pipe given as a spreadsheet would block the reader."""
    os.mkfifo(tmp_path / "release.ods")
    result = run("--data", str(tmp_path), "import", str(tmp_path / "release.ods"))
    result.refused(1)
    assert (
        result.err
        == f"ofsted: {tmp_path / 'release.ods'}: not a regular file; only files are read\n"
    )


@pytest.fixture()
def quotes(data: Path, tmp_path: Path) -> dict[str, str]:
    """Statements holding a literal % and _, and the environment to query them."""
    text = '"Costs rose 100% in 2019_20, not 10%."'
    (data / "statements.yaml").write_text(STATEMENTS.format(text=text))
    return {"OFSTED_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize(
    ("search", "found"),
    [("100%", 1), ("%", 1), ("_", 1), ("2019_20", 1), ("1%", 0), ("2019%20", 0), ("20_9", 0)],
)
def test_search_treats_percent_and_underscore_literally(
    search: str, found: int, data: Path, quotes: dict[str, str]
) -> None:
    """`--search` and `--speaker` find the characters typed, not SQL wildcards."""
    result = _invoke("--data", str(data), "statements", "--search", search, "--json", env=quotes)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == found
    speaker = _invoke("--data", str(data), "statements", "--speaker", "%", "--json", env=quotes)
    assert json.loads(speaker.stdout) == []


def test_a_long_search_is_answered(data: Path, quotes: dict[str, str]) -> None:
    """100,000 characters, one word or many repeated: answered quickly, not a traceback."""
    for search in ("a" * 100_000, "rose " * 20_000, "%" * 100_000, ("x" * 60_000 + " ") * 2):
        start = time.monotonic()
        result = _invoke("--data", str(data), "statements", "--search", search, env=quotes)
        assert result.exit_code == 0, result.output
        assert time.monotonic() - start < 5
    result = _invoke("--data", str(data), "statements", "--speaker", "a" * 100_000, env=quotes)
    assert result.exit_code == 0


def test_too_many_words_is_a_usage_error(data: Path, quotes: dict[str, str]) -> None:
    """More than 100 different words: exit 2 with the reason."""
    words = " ".join(f"w{i}" for i in range(5000))
    result = _invoke("--data", str(data), "statements", "--search", words, env=quotes)
    assert result.exit_code == 2
    assert result.stderr == "ofsted: --search has 5,000 different words; at most 100\n"


def test_fmt_never_replaces_a_link(data: Path, tmp_path: Path) -> None:
    """A data file that is a symbolic link is not rewritten: not the link, not its target."""
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((data / "groups.yaml").read_text())  # not canonical: fmt would rewrite
    (data / "groups.yaml").unlink()
    (data / "groups.yaml").symlink_to(outside)
    before = outside.read_text()
    result = run("fmt", str(data))
    result.refused(1)
    assert "will not replace" in result.err and "it is a symbolic link" in result.err
    assert outside.read_text() == before and (data / "groups.yaml").is_symlink()


def test_an_import_that_cannot_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills while the second file is put in place: a one-line message, exit 1, and
    the data as it was (the first file restored)."""
    data = tmp_path / "data"
    data.mkdir()
    lookup = tmp_path / "lookup.csv"
    lookup.write_text(LOOKUP)
    release = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    (data / "sources.yaml").write_text("# Sources.\nsources: []\n")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    real = os.replace
    calls: list[object] = []

    def failing(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    result = _invoke("--data", str(data), "import", str(release), "--lookup", str(lookup))
    assert result.exit_code == 1
    assert result.stderr.endswith("No space left on device; no file was changed\n")
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
