"""`ofsted fmt`: one canonical form, lossless, comments kept or refused, the importer's form."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app
from ofsted_cli.dataset import canonical, formatter, pipeline, writer
from ofsted_cli.official import importer
from tests.conftest import DATA
from tests.official.builders import WIRRAL_2019, D, csc_2023, outcomes_2025
from tests.official.test_merge import BCP_2025, LOOKUP

VALID = Path(__file__).parents[1] / "data" / "valid"
MESSY = textwrap.dedent(
    """\
    # Test data only.
    # yaml-language-server: $schema=../schemas/sources.schema.json

    sources:
      - kind: news
        id: test-source
        published: 2019-07-29
        title: 'no'
        publisher: "Test, Publisher"
      - {id: other-source, title: Other, publisher: P, kind: blog, published: 2019}
    """
)
CANONICAL = textwrap.dedent(
    """\
    # yaml-language-server: $schema=../schemas/sources.schema.json
    # Test data only.
    sources:
      - id: test-source
        title: 'no'
        publisher: Test, Publisher
        published: '2019-07-29'
        kind: news
      - id: other-source
        title: Other
        publisher: P
        published: '2019'
        kind: blog
    """
)


def _fmt(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["fmt", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _records(folder: Path) -> list[object]:
    checked = pipeline.validate_paths([folder], today="2026-11-01")
    assert checked.result.ok, [p.parsable() for p in checked.result.problems]
    return [p.record for kind in checked.records.by_kind.values() for p in kind]


def test_check_prints_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    """--check: exit 1, a unified diff on stdout, the file as it was."""
    path = tmp_path / "sources.yaml"
    path.write_text(MESSY)
    code, out, err = _fmt("--check", str(path))
    assert code == 1
    assert out.startswith(f"--- {path}\n+++ {path} (canonical)\n@@ ")
    assert "-    published: 2019-07-29\n" in out and "+    published: '2019-07-29'\n" in out
    assert err == "1 of 1 file(s) would be reformatted\n"
    assert path.read_text() == MESSY


def test_fmt_rewrites_in_the_canonical_form(tmp_path: Path) -> None:
    """Key order from the models, dates quoted, flow mappings opened up, the leading comment
    block kept (blank lines at its end dropped); then --check passes."""
    path = tmp_path / "sources.yaml"
    path.write_text(MESSY)
    before = _records(path)
    assert _fmt(str(path)) == (0, "", "reformatted 1 of 1 file(s)\n")
    assert path.read_text() == CANONICAL
    assert _records(path) == before
    assert _fmt("--check", str(path)) == (0, "", "0 of 1 file(s) would be reformatted\n")


def test_lists_of_names_one_per_line_sources_on_one(tmp_path: Path) -> None:
    """other_names, successors and members take a line each; sources stay in flow style."""
    text = writer.dump(
        {
            "councils": [
                {
                    "id": "a",
                    "name": "A",
                    "other_names": ["Bristol, City of", "no"],
                    "successors": [],
                    "sources": ["s", "t"],
                }
            ]
        }
    )
    assert text == textwrap.dedent(
        """\
        # yaml-language-server: $schema=../schemas/councils.schema.json
        councils:
          - id: a
            name: A
            other_names:
              - Bristol, City of
              - 'no'
            successors: []
            sources: [s, t]
        """
    )
    assert writer.dump({"councils": []}) == (
        "# yaml-language-server: $schema=../schemas/councils.schema.json\ncouncils: []\n"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("sources:\n  - id: s  # why\n    title: T\n    publisher: P\n    kind: news\n", "2:12"),
        ("sources:\n# a note\n  - id: s\n    title: T\n    publisher: P\n    kind: news\n", "2:1"),
        ("sources:\n  - id: s\n    title: T\n    publisher: P\n    kind: news\n# end\n", "6:1"),
        (
            "sources:\n  - id: s\n    notes: |  # x\n      n\n    title: T\n    publisher: P\n"
            "    kind: news\n",
            "3:15",
        ),
    ],
)
def test_a_comment_below_the_top_is_refused(tmp_path: Path, text: str, where: str) -> None:
    """A comment that the rewrite would drop: exit 1, where it is and why, nothing written."""
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    code, out, err = _fmt(str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"{path}:{where}: a comment here would be lost")
    assert err.endswith("1 of 1 file(s) cannot be formatted; nothing was written\n")
    assert path.read_text() == text


def test_hashes_in_text_are_not_comments() -> None:
    """A # inside quotes, block text or a plain scalar is text, not a comment."""
    text = 'a: "x # y"\nb: http://e.org/#top\nc: |\n  one # two\nd: [p#q]\n'
    assert canonical.stray_comments(text) == []
    assert canonical.stray_comments("# top\n\n# top too\na: 1 # here\n") == [(4, 6)]


def test_invalid_files_are_reported_and_nothing_is_written(tmp_path: Path) -> None:
    """One file with a problem: its problems are printed and no file is written, not even the
    ones that could be."""
    (tmp_path / "sources.yaml").write_text(MESSY)
    bad = "groups:\n  - id: g\n    name: G\n    members: [a]\n    sources: [s]\n    colour: red\n"
    (tmp_path / "groups.yaml").write_text(bad)
    code, out, err = _fmt(str(tmp_path))
    assert code == 1 and out == ""
    assert f"{tmp_path / 'groups.yaml'}:6:5: groups.0.colour: unknown key 'colour'" in err
    assert err.endswith("1 of 2 file(s) cannot be formatted; nothing was written\n")
    assert (tmp_path / "sources.yaml").read_text() == MESSY


def test_an_unreadable_or_hostile_file_is_refused(tmp_path: Path) -> None:
    """fmt reads through the same bounded loader as validate."""
    (tmp_path / "sources.yaml").write_text("sources: &a [*a]\n")
    code, _, err = _fmt(str(tmp_path / "sources.yaml"))
    assert code == 1 and "(alias)" in err


def test_the_shipped_data_is_canonical() -> None:
    """The data folder is in the canonical form (CI runs `ofsted fmt --check` too)."""
    result = formatter.format_paths([DATA], write=False)
    assert [f.path for f in result.changed] == [] and result.refused == []


def test_the_shipped_data_formats_losslessly(tmp_path: Path) -> None:
    """Formatting a copy of the shipped data written in the old layout reads back the same."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    before = _records(copy)
    formatter.format_paths([copy], write=True)
    assert _records(copy) == before


def test_import_writes_the_canonical_form(tmp_path: Path) -> None:
    """`ofsted import` then `ofsted fmt --check` passes: both write through canonical.render,
    and the import keeps a file's leading comment block."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yaml").write_text("# Licence: CC BY 4.0\nsources: []\n")
    lookup = tmp_path / "lookup.csv"
    lookup.write_text(LOOKUP)
    csc = csc_2023(
        tmp_path / "b.ods",
        [{"name": "Wirral", "region": "North West"}],
        [
            {
                "name": "Poole",
                "region": "South West",
                "CPI Overall Effectiveness (OE)": "Adequate",
                "Child Protection Inspections (CPI) publication date": D(2010, 5, 7),
            }
        ],
    )
    importer.run([outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019, BCP_2025]), csc], data, lookup)
    assert (
        (data / "sources.yaml")
        .read_text()
        .startswith(
            "# yaml-language-server: $schema=../schemas/sources.schema.json\n"
            "# Licence: CC BY 4.0\nsources:\n"
        )
    )
    assert _fmt("--check", str(data)) == (0, "", "0 of 2 file(s) would be reformatted\n")


def test_import_refuses_to_drop_a_comment(tmp_path: Path) -> None:
    """An import that would rewrite a file holding a comment below its top refuses, and
    writes nothing."""
    from ofsted_cli.errors import WriteError

    data = tmp_path / "data"
    data.mkdir()
    text = "sources: []  # to fill\n"
    (data / "sources.yaml").write_text(text)
    with pytest.raises(WriteError, match=r"the comment at 1:14 would be lost"):
        importer.run([outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])], data)
    assert sorted(p.name for p in data.iterdir()) == ["sources.yaml"]
    assert (data / "sources.yaml").read_text() == text


def test_valid_corpus_formats_losslessly(tmp_path: Path) -> None:
    """The valid test dataset reads back the same after fmt, and fmt is idempotent."""
    copy = tmp_path / "valid"
    shutil.copytree(VALID, copy)
    before = _records(copy)
    assert _fmt(str(copy))[0] == 0
    assert _records(copy) == before
    assert _fmt("--check", str(copy))[0] == 0
