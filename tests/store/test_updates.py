"""An update accepts exactly what the full validation accepts, whatever the edit.

Each case edits the shipped data after its store was built, so that the store takes its
fast path (only the edited records parsed, the cross-record rules run in SQL); the outcome
must be the full validation's: the same problems, or a store with the same rows as a fresh
build (issue 14).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ofsted_cli.dataset import pipeline
from ofsted_cli.errors import InvalidDataError
from ofsted_cli.store import cache
from tests.store.conftest import tables

Edit = Callable[[Path], None]


def _sub(name: str, pattern: str, new: str, count: int = 1) -> Edit:
    def apply(data: Path) -> None:
        path = data / name
        text, n = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=count, flags=re.M)
        assert n, pattern
        path.write_text(text, encoding="utf-8")

    return apply


def _record(name: str, rid: str, data: Path) -> tuple[str, str]:
    """The text of record *rid* in file *name*, and the file's text."""
    text = (data / name).read_text(encoding="utf-8")
    start = text.index(f"\n  - id: {rid}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[start : end if end >= 0 else len(text)], text


def _duplicate(name: str, rid: str, change: str = "") -> Edit:
    def apply(data: Path) -> None:
        record, text = _record(name, rid, data)
        copy = record.replace("    text: ", f"    text: {change}", 1) if change else record
        (data / name).write_text(text.rstrip("\n") + copy + "\n", encoding="utf-8")

    return apply


def _remove(name: str, rid: str) -> Edit:
    def apply(data: Path) -> None:
        record, text = _record(name, rid, data)
        (data / name).write_text(text.replace(record, "", 1), encoding="utf-8")

    return apply


def _move_inspection(data: Path) -> None:
    """Move Wirral's 2019 ILACS (which statements answer) to Knowsley."""
    path = data / "inspections.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - id: wirral-ilacs-standard-2019-07-29\n")
    end = text.index("\n      - id: ", start + 1) + 1
    block = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("    inspections:\n", text.index("  - id: knowsley\n")) + len(
        "    inspections:\n"
    )
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")


def _write(name: str, content: str) -> Edit:
    def apply(data: Path) -> None:
        (data / name).write_text(content, encoding="utf-8")

    return apply


def _crlf(name: str) -> Edit:
    def apply(data: Path) -> None:
        path = data / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    return apply


def _chain(*edits: Edit) -> Edit:
    def apply(data: Path) -> None:
        for e in edits:
            e(data)

    return apply


ST = "statements.yaml"
INSP = "inspections.yaml"
CASES: dict[str, Edit] = {
    # valid edits
    "a note changed": _sub(ST, r"^    text: still some way for us to go$", "    text: some way"),
    "a record removed": _remove(ST, "halton-2023-vasic"),
    "a record added": _chain(
        _duplicate(ST, "halton-2023-vasic"), _sub(ST, r"^  - id: halton-2023-vasic$", "  - id: new")
    ),
    "a record moved last": _chain(
        _duplicate(ST, "halton-2023-vasic"), _remove(ST, "halton-2023-vasic")
    ),
    "an anchor": _sub(ST, r"^    sources: \[bbc-64264009\]$", "    sources: &s [bbc-64264009]"),
    "an alias to another record's anchor": _chain(
        _sub(ST, r"^    sources: \[bbc-64264009\]$", "    sources: &s [bbc-64264009]"),
        _sub(ST, r"^    sources: \[runcornworld-24454258\]$", "    sources: *s"),
    ),
    "a line break inside quotes at a cut": _sub(
        ST, r"^    text: still some way for us to go$", '    text: "still some way\n  - for us"'
    ),
    "a dash then a line break": _sub(INSP, r"^  - id: wirral$", "  -\n    id: wirral"),
    "a tab after a dash": _sub(INSP, r"^  - id: wirral$", "  -\tid: wirral"),
    "CRLF line ends": _crlf(ST),
    "no figures": _write("figures.yaml", "figures: []\n"),
    "a comment between records": _sub(
        ST, r"^  - id: halton-2023-vasic$", "# c\n  - id: halton-2023-vasic"
    ),
    # problems in the edited record itself
    "a YAML syntax error": _sub(ST, r"^    text: still some way for us to go$", "    text: [still"),
    "a repeated key": _sub(
        ST, r"^    text: still some way for us to go$", "    text: a\n    text: b"
    ),
    "an unknown key": _sub(
        ST, r"^    text: still some way for us to go$", "    txt: x\n    text: y"
    ),
    "a future date": _sub(ST, r"^    date: '2023'$", "    date: '2099'"),
    "dates out of order": _sub(
        INSP, r"^        start: '2019-06-17'$", "        start: '2019-08-17'"
    ),
    "a judgement area the framework lacks": _sub(
        INSP,
        r"^          children_in_care_and_care_leavers: requires_improvement$",
        "          children_in_care_and_care_leavers: requires_improvement\n          lscb: good",
    ),
    "an abolition date on a current council": _sub(
        INSP, r"^    status: current$", "    status: current\n    abolished: '2020'"
    ),
    # problems across records and files
    "a record twice": _duplicate(ST, "halton-2023-vasic"),
    "an id twice": _duplicate(ST, "halton-2023-vasic", change="other "),
    "an inspection id in two councils": _sub(
        INSP, r"^      - id: wirral-sif-2016-09-20$", "      - id: knowsley-sif-2015-01-19"
    ),
    "an unknown inspection": _sub(
        ST, r"^    inspection: halton-ilacs-focused-visit-2022-11$", "    inspection: nope"
    ),
    "another council's inspection": _sub(
        ST,
        r"^    inspection: halton-ilacs-focused-visit-2022-11$",
        "    inspection: wirral-sif-2016-09-20",
    ),
    "an unknown council": _sub(ST, r"^    council: halton$", "    council: haltonn"),
    "an inspection moved to another council": _move_inspection,
    "an inspection removed that statements answer": _sub(
        INSP, r"^      - id: wirral-ilacs-standard-2019-07-29$", "      - id: wirral-ilacs-x"
    ),
    "a council renamed that statements name": _sub(INSP, r"^  - id: halton$", "  - id: halton-x"),
    "a cited source renamed": _sub("sources.yaml", r"^  - id: seed-001$", "  - id: seed-one"),
    "a cited source removed": _remove("sources.yaml", "seed-001"),
    "a name that is another council's": _sub(
        INSP, r"^    other_names: \[\]$", "    other_names: [Knowsley]"
    ),
    "an unknown successor": _sub(
        INSP, r"^      - bournemouth-christchurch-and-poole$", "      - nope"
    ),
    "a successor removed": _sub(
        INSP, r"^  - id: bournemouth-christchurch-and-poole$", "  - id: bcp"
    ),
    "an unknown group member": _sub("groups.yaml", r"^      - liverpool$", "      - liverpol"),
    "a figure's group removed": _sub("groups.yaml", r"^  - id: merseyside$", "  - id: mersey"),
    "an unknown figure subject": _sub(
        "figures.yaml", r"^    subject: merseyside$", "    subject: x"
    ),
    "the official cut-off moved back": _sub(
        "sources.yaml", r"^    cutoff: '2025-06-30'$", "    cutoff: '2019-06-30'"
    ),
    "an official release no longer official": _sub(
        "sources.yaml", r"^    kind: official_statistics$", "    kind: other", count=3
    ),
    "a provisional report citing the official release": _sub(
        INSP,
        r"^        sources: \[ofsted-la-outcomes-2025, ofsted-report-york-2025-04-15\]$",
        "        provisional: true\n        sources: [ofsted-la-outcomes-2025]",
    ),
    "a file's key changed": _sub(ST, r"^statements:$", "councils:"),
    "a file's key changed without its records": _sub("figures.yaml", r"^figures:$", "groups:"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped data and the store built from it, to be copied for each case."""
    from tests.conftest import DATA

    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(DATA, root / "data")
    return root / "data", root / "cache"


@pytest.mark.parametrize("case", list(CASES))
def test_update_agrees_with_full_validation(
    case: str, built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store accepts the edited data exactly when `ofsted validate` does, and reports the
    same first problems."""
    pristine, _ = built
    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))
    cache.open_store(data).close()
    CASES[case](data)
    expected = pipeline.validate_folder(data).result.errors
    if expected:
        with pytest.raises(InvalidDataError) as e:
            cache.open_store(data)
        assert e.value.count == len(expected)
        assert e.value.problems == [p.parsable() for p in expected[:5]]
    else:
        updated = cache.open_store(data)
        monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "fresh"))
        assert tables(updated) == tables(cache.open_store(data))


def test_cases_cover_both_outcomes(built: tuple[Path, Path], tmp_path: Path) -> None:
    """The cases above include valid edits and invalid ones (a guard on the table itself)."""
    pristine, _ = built
    outcomes = set()
    for name in ("a note changed", "a record twice"):
        data = tmp_path / name.replace(" ", "-")
        shutil.copytree(pristine, data)
        CASES[name](data)
        outcomes.add(pipeline.validate_folder(data).result.ok)
    assert outcomes == {True, False}
