"""`ofsted import` through the CLI: a summary, every change and disagreement, JSON too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ofsted_cli.cli import app
from tests.official.builders import WIRRAL_2019 as WIRRAL
from tests.official.builders import outcomes_2025
from tests.official.test_merge import LOOKUP_HEAD


def _import(data: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["--data", str(data), "import", *args], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_dry_run_then_import_then_nothing_to_change(tmp_path: Path) -> None:
    """A dry run says what it would add and writes nothing; the import writes; a second
    import has nothing to change."""
    data = tmp_path / "data"
    data.mkdir()
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL])
    code, out, err = _import(data, str(f), "--dry-run")
    assert code == 0
    assert "councils: would add 1" in out
    assert "inspections and visits: would add 1 (ilacs_standard 1)" in out
    assert "reading a.ods" in err
    assert list(data.iterdir()) == []
    code, out, _ = _import(data, str(f))
    assert code == 0 and "wrote" in out
    code, out, _ = _import(data, str(f))
    assert code == 0 and out.rstrip().endswith("nothing to change")


def test_json_report_lists_disagreements(tmp_path: Path) -> None:
    """--json gives the whole report, disagreements included."""
    data = tmp_path / "data"
    data.mkdir()
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL])
    _import(data, str(f))
    path = data / "inspections.yaml"
    path.write_text(path.read_text().replace("leadership: good", "leadership: inadequate"))
    code, out, _ = _import(data, str(f), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] is False
    assert report["written"] == []
    assert len(report["disagreements"]) == 1 and "leadership" in report["disagreements"][0]
    code, out, _ = _import(data, str(f))
    assert "disagreements (1; the data keeps its value):" in out


def test_a_file_that_is_not_a_release_is_refused(tmp_path: Path) -> None:
    """A missing file or a CSV that is not the scrape: one line, exit 1, nothing written."""
    data = tmp_path / "data"
    data.mkdir()
    code, out, err = _import(data, str(tmp_path / "nope.ods"))
    assert (code, out) == (1, "") and "no such file" in err
    other = tmp_path / "x.csv"
    other.write_text("a,b\n")
    code, _, err = _import(data, str(other))
    assert code == 1 and "cannot be read as a spreadsheet" in err


def test_the_lookup_among_the_files_is_used_as_the_lookup(tmp_path: Path) -> None:
    """`ofsted import dir/*.ods dir/*.csv` names the council lookup too: it is used as the
    lookup (not refused as a release), and progress counts the releases read."""
    data = tmp_path / "data"
    data.mkdir()
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL])
    elsewhere = tmp_path / "lookup"
    elsewhere.mkdir()
    lookup = elsewhere / "Provider_data_lookup.csv"
    lookup.write_text(LOOKUP_HEAD + "80512,344,E08000015,Wirral,,E08000015\n")
    code, _, err = _import(data, str(f), str(lookup))
    assert code == 0, err
    assert "[1/1] reading a.ods" in err and "Provider_data_lookup" not in err
    assert "la_number: '344'" in (data / "inspections.yaml").read_text()
