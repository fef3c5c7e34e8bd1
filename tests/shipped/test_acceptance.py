"""Acceptance: one `ofsted` command on the shipped data gives the figure Ofsted's own files give.

Each expected figure is computed by tests/official_figures.py straight from the ODS releases
in ../shared/reference (it never imports ofsted_cli); councils are matched by ONS code, or by
normalised name for the two former councils no file gives a code for (Dorset, Poole).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app
from tests import official_figures as of

pytestmark = [
    pytest.mark.reference,
    pytest.mark.skipif(not of.available(), reason=f"the official files are not in {of.REFERENCE}"),
]

OFFICIAL_WINDOW = of.CUT_OFF.isoformat()
"""2025-06-30: the newest publication day Ofsted's files cover; later records are provisional."""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("acceptance-store")


@pytest.fixture()
def ofsted(store: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`ofsted ARGS --json` on the shipped data: the parsed answer."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(store))

    def answer(*args: str) -> Any:
        result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return answer


@pytest.fixture()
def keys(ofsted: Any) -> dict[str, str]:
    """Council id -> the key official_figures uses: ONS code, else the normalised name."""
    every = ofsted("councils", "--former")["councils"]  # former councils too, gone or not
    return {c["id"]: c["ons_code"] or of.norm_name(c["name"]) for c in every}


def _nonzero(tally: dict[str, int]) -> dict[str, int]:
    return {grade: n for grade, n in tally.items() if n}


@pytest.mark.parametrize("year", of.COMPLETE_YEARS)
def test_graded_reports_published_in_a_year(ofsted: Any, year: int) -> None:
    """`reports --year Y --framework sif --framework ilacs` tallies, by overall grade, exactly
    the SIF and ILACS reports Ofsted's files list as published in Y (2014 to 2024)."""
    answer = ofsted("reports", "--year", str(year), "--framework", "sif", "--framework", "ilacs")
    assert _nonzero(answer["tally"]) == dict(of.graded_reports_published(year))
    assert answer["graded"] == sum(of.graded_reports_published(year).values())


def test_graded_reports_published_in_2019(ofsted: Any) -> None:
    """2019, as the brief states it: 57 reports, 9 outstanding, 17 good, 22 requires
    improvement, 9 inadequate."""
    answer = ofsted("reports", "--year", "2019", "--framework", "sif", "--framework", "ilacs")
    assert answer["graded"] == 57
    assert _nonzero(answer["tally"]) == {
        "outstanding": 9,
        "good": 17,
        "requires_improvement": 22,
        "inadequate": 9,
    }


def test_councils_never_inadequate(ofsted: Any) -> None:
    """`councils --never inadequate --as-of 2025-06-30` lists exactly the current councils
    Ofsted's files never rate inadequate. The day matters: the files stop at reports
    published by 30 June 2025, and a provisional report after that could rate a council
    inadequate for the first time, taking it out of the answer for today."""
    answer = ofsted("councils", "--never", "inadequate", "--as-of", OFFICIAL_WINDOW)
    assert {c["ons_code"] for c in answer["councils"]} == of.never_rated("inadequate")


def test_councils_never_inadequate_today(ofsted: Any) -> None:
    """Today's answer differs from the official one only by councils a provisional report
    after 30 June 2025 rated inadequate for the first time."""
    today = {c["ons_code"] for c in ofsted("councils", "--never", "inadequate")["councils"]}
    official = of.never_rated("inadequate")
    assert today <= official
    later = ofsted(
        "reports", "--since", "2025-07-01", "--grade", "inadequate", "--framework", "sif",
        "--framework", "ilacs",
    )  # fmt: skip
    first_time = {r["council_id"] for r in later["reports"] if r["provisional"]}
    codes = {c["id"]: c["ons_code"] for c in ofsted("councils")["councils"]}
    assert official - today <= {codes[cid] for cid in first_time}


def test_transitions_inadequate_to_good(ofsted: Any, keys: dict[str, str]) -> None:
    """`transitions --from inadequate --to good --until 2025-06-30` gives exactly the pairs
    of consecutive inspections, inadequate then good, in Ofsted's files (matched by council
    and the later report's publication day)."""
    answer = ofsted(
        "transitions", "--from", "inadequate", "--to", "good", "--until", OFFICIAL_WINDOW
    )
    got = {(keys[p["council_id"]], p["to"]["published"]) for p in answer["transitions"]}
    expected = {
        (t.council, t.after_published.isoformat())
        for t in of.transitions()
        if (t.before, t.after) == ("inadequate", "good")
    }
    assert got == expected
    assert len(answer["transitions"]) == len(expected)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_snapshot_council_by_council(ofsted: Any, keys: dict[str, str], year: int) -> None:
    """`compare --snapshot Y` gives every council Ofsted's 31 March Y sheet lists, and no
    other, with the same overall grade (or none yet where the sheet says not yet inspected)."""
    answer = ofsted("compare", "--snapshot", str(year))
    got = {keys[c["id"]]: c["in_force"]["overall"] for c in answer["councils"]}
    got |= {keys[c["id"]]: None for c in answer["unrated"]}
    expected = {key: s.overall for key, s in of.snapshot(year).items()}
    assert set(got) == set(expected)
    wrong = {k: (got[k], expected[k]) for k in expected if got[k] != expected[k]}
    assert wrong == {}


def test_trend_counts_on_31_march(ofsted: Any) -> None:
    """`trend --from 2023 --to 2025` counts, each year, as many councils at each grade as
    Ofsted's 31 March sheet (its "not yet inspected" is the trend's none in force)."""
    years = {y["year"]: y for y in ofsted("trend", "--from", "2023", "--to", "2025")["years"]}
    for year in (2023, 2024, 2025):
        counts = dict(of.snapshot_counts(year))
        if of.NOT_INSPECTED in counts:
            counts["none_in_force"] = counts.pop(of.NOT_INSPECTED)
        assert _nonzero(years[year]["tally"]) == counts, year
        assert years[year]["councils"] == len(of.snapshot(year))
        assert years[year]["provisional"] == 0
