"""Loading YAML with positions: locate(), duplicate keys, coerced scalars, unreadable files."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from ofsted_cli.dataset import loading, pipeline

COUNCILS = textwrap.dedent(
    """\
    # a comment
    councils:
      - id: testshire
        name: Testshire
        inspections:
          - id: testshire-sif-2015
            judgements: {leadership: good}
    """
)


def _load(text: str) -> loading.Document:
    doc = loading.load_text(textwrap.dedent(text), "test.yaml")
    assert doc.error is None, doc.error
    return doc


@pytest.mark.parametrize(
    ("loc", "key", "where"),
    [
        ((), False, (2, 1)),
        (("councils",), False, (3, 3)),
        (("councils",), True, (2, 1)),
        (("councils", 0), False, (3, 5)),
        (("councils", 0, "name"), False, (4, 11)),
        (("councils", 0, "name"), True, (4, 5)),
        (("councils", 0, "inspections", 0, "id"), False, (6, 13)),
        (("councils", 0, "inspections", 0, "judgements", "leadership"), False, (7, 34)),
        (("councils", 0, "inspections", 0, "judgements", "leadership"), True, (7, 22)),
    ],
)
def test_locate(loc: tuple[int | str, ...], key: bool, where: tuple[int, int]) -> None:
    """It gives the 1-based line and column of a value, or of its key when asked."""
    assert loading.locate(_load(COUNCILS).node, loc, key=key) == where


@pytest.mark.parametrize(
    ("loc", "where"),
    [
        (("councils", 0, "region"), (3, 5)),
        (("councils", 5, "name"), (3, 3)),
        (("councils", -1), (3, 3)),
        (("councils", "first"), (3, 3)),
        (("councils", 0, "name", "more"), (4, 11)),
    ],
)
def test_locate_stops_at_the_deepest_node_that_exists(
    loc: tuple[int | str, ...], where: tuple[int, int]
) -> None:
    """A path that leaves the tree is located at the last node it reached."""
    assert loading.locate(_load(COUNCILS).node, loc) == where


def test_locate_without_a_tree() -> None:
    """An empty file has no nodes; its problems are at 1:1."""
    assert loading.locate(None, ("councils", 0)) == (1, 1)


def test_find() -> None:
    """It returns the node at a path exactly, or None when the path leaves the tree."""
    node = _load(COUNCILS).node
    found = loading.find(node, ("councils", 0, "name"))
    assert isinstance(found, yaml.ScalarNode) and found.value == "Testshire"
    assert loading.find(node, ("councils", 0, "region")) is None
    assert loading.find(node, ("councils", 1)) is None
    assert loading.find(node, ("councils", 0, "name", "more")) is None


def test_duplicate_keys_are_recorded_at_the_repeat() -> None:
    """It records every repeated key, top level and nested, where the repeat is."""
    doc = _load(
        """\
        sources: []
        sources:
          - id: a
            kind: news
            kind: blog
        """
    )
    assert [(k.value, k.start_mark.line + 1, k.start_mark.column + 1) for k in doc.duplicates] == [
        ("sources", 2, 1),
        ("kind", 5, 5),
    ]
    assert doc.data == {"sources": [{"id": "a", "kind": "blog"}]}
    assert [loading.path_to(doc.node, k) for k in doc.duplicates] == [
        ("sources",),
        ("sources", 0, "kind"),
    ]


def test_duplicate_keys_compare_values_not_spelling() -> None:
    """`yes` and `true` are the same key to YAML, so the second is a duplicate."""
    doc = _load("yes: 1\ntrue: 2\n")
    assert [k.value for k in doc.duplicates] == ["true"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a: &x 1\n", (1, 4, "anchor &x: ")),
        ("a: [1, 2]\nb: *x\n", (2, 4, "alias *x: ")),
        ("a:\n  <<: {b: 1}\n", (2, 3, "merge key <<: ")),
        ("a: " + "[" * 33 + "]" * 33 + "\n", (1, 35, "nested more than 32 deep")),
        ("a: " + "[" * 2000 + "\n", (1, None, "nested more than 32 deep")),
        ("a:\n" + "- " * 40 + "x\n", (2, 63, "nested more than 32 deep")),
    ],
)
def test_aliases_and_deep_nesting_are_refused(
    text: str, error: tuple[int, int | None, str]
) -> None:
    """Anchors, aliases, merge keys and deep nesting are refused, located, before composing."""
    doc = loading.load_text(text, "test.yaml")
    assert doc.error is not None and doc.node is None and doc.data is None
    line, col, message = doc.error
    assert line == error[0] and col == (error[1] or col) and error[2] in message, doc.error
    assert doc.error_code in ("alias", "too-deep")


def test_nesting_up_to_the_limit_is_read() -> None:
    """32 levels are allowed (a councils file needs 6)."""
    doc = loading.load_text("a: " + "[" * 31 + "]" * 31 + "\n", "test.yaml")
    assert doc.error is None


def test_path_to_a_key_that_is_not_there() -> None:
    """path_to gives () for a node outside the tree or without a tree; it finds values too."""
    doc = _load("a: [1, {b: 2}]\n")
    assert loading.path_to(doc.node, yaml.ScalarNode("tag:yaml.org,2002:str", "a")) == ()
    assert loading.path_to(None, yaml.ScalarNode("tag:yaml.org,2002:str", "a")) == ()
    value = loading.find(doc.node, ("a", 1, "b"))
    assert value is not None and loading.path_to(doc.node, value) == ("a", 1, "b")


def test_many_keys_are_located_by_index() -> None:
    """Locating every key of a mapping with many keys takes one pass, not one per key."""
    doc = _load("".join(f"k{i}: {i}\n" for i in range(2000)))
    assert [loading.locate(doc.node, (f"k{i}",), key=True)[0] for i in range(2000)] == list(
        range(1, 2001)
    )
    assert loading.find(doc.node, ("k1999",)) is not None
    assert loading.find(doc.node, ("nope",)) is None


@pytest.mark.parametrize(
    ("value", "read_as"),
    [
        ("no", "a boolean"),
        ("Yes", "a boolean"),
        ("off", "a boolean"),
        ("344", "a number"),
        ("0344", "a number"),
        ("3.5", "a number"),
        ("12:30", "a number"),
        ("2019-07-29", "a date"),
        ("", "null (nothing)"),
        ("~", "null (nothing)"),
        ("'no'", None),
        ('"344"', None),
        ("Testshire", None),
        ("[a]", None),
    ],
)
def test_coerced(value: str, read_as: str | None) -> None:
    """It says what YAML 1.1 read a plain scalar as, when that is not text."""
    node = loading.find(_load(f"x: {value}\n").node, ("x",))
    assert loading.coerced(node) == read_as


def test_coerced_without_a_node() -> None:
    """A missing node was not coerced."""
    assert loading.coerced(None) is None


def test_dates_are_dates_and_impossible_dates_stay_text() -> None:
    """A plain date becomes a date; one that is no day of the calendar stays text."""
    doc = _load("a: 2019-07-29\nb: 2019-02-30\nc: 2019-13-01\n")
    assert doc.data == {"a": dt.date(2019, 7, 29), "b": "2019-02-30", "c": "2019-13-01"}


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a: [1, 2\nb: 3\n", (2, 2, "while parsing a flow sequence (see line 1, column 4), ")),
        ("a: 1\n---\na: 2\n", (2, 1, "expected a single document in the stream")),
        ("a: !!int abc\n", (1, 4, "'abc' cannot be read as !!int")),
        ("a: !!float abc\n", (1, 4, "'abc' cannot be read as !!float")),
        ("a: !!timestamp abc\n", (1, 4, "'abc' cannot be read as !!timestamp")),
        ("a: !custom abc\n", (1, 4, "could not determine a constructor for the tag '!custom'")),
        ("? [a]\n: b\n", (1, 3, "found an unhashable key")),
        ("a: 1\nb: 'x\x07y'\n", (2, 6, "character #x0007: ")),
        ("a: 1\nb: 'é\x00'\n", (2, 6, "character #x0000: ")),
    ],
)
def test_bad_yaml_is_located_not_raised(text: str, error: tuple[int, int, str]) -> None:
    """Bad YAML becomes a one-line message at a line and column, never an exception."""
    doc = loading.load_text(text, "test.yaml")
    assert doc.error is not None
    line, col, message = doc.error
    assert (line, col) == error[:2], message
    assert message.startswith("not valid YAML: ") and error[2] in message
    assert "\n" not in message


def test_load_file(tmp_path: Path) -> None:
    """It reads and parses a UTF-8 file."""
    path = tmp_path / "sources.yaml"
    path.write_text("sources: []\n", encoding="utf-8")
    doc = loading.load_file(path)
    assert (doc.path, doc.error, doc.data) == (str(path), None, {"sources": []})


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a problem at 1:1."""
    assert loading.load_file(tmp_path / "nope.yaml").error == (1, 1, "no such file")


def test_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    """A folder is a problem at 1:1; the message says whether it looks like a file."""
    (tmp_path / "inspections.yaml").mkdir()
    (tmp_path / "empty").mkdir()
    assert loading.load_file(tmp_path / "inspections.yaml").error == (
        1,
        1,
        "is a folder, not a YAML file",
    )
    assert loading.load_file(tmp_path / "empty").error == (
        1,
        1,
        "is a folder with no .yaml files in it",
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        ("open", PermissionError(13, "Permission denied"), "cannot be read: permission denied"),
        ("read", OSError(5, "Input/output error"), "cannot be read: Input/output error"),
        ("open", OSError(40, "Too many levels of symbolic links"), "cannot be read: Too many"),
    ],
)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, error: OSError, message: str
) -> None:
    """A file that cannot be read is a problem at 1:1 (tests run as root cannot chmod 000)."""
    path = tmp_path / "sources.yaml"
    path.write_text("sources: []\n", encoding="utf-8")

    def fail(*args: object) -> object:
        raise error

    monkeypatch.setattr(os, call, fail)
    doc = loading.load_file(path)
    assert doc.error is not None and doc.error[:2] == (1, 1) and doc.error_code == "unreadable"
    assert doc.error[2].startswith(message)


def test_not_utf8_is_located_at_the_bad_byte(tmp_path: Path) -> None:
    """A file that is not UTF-8 is a problem at the first byte that cannot be read."""
    path = tmp_path / "sources.yaml"
    path.write_bytes("sources:\n  - title: Café ".encode() + b"caf\xe9\n")
    assert loading.load_file(path).error == (
        2,
        20,
        "is not UTF-8 text: byte 0xe9 cannot be read; save it as UTF-8",
    )


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that cannot be listed is a problem at 1:1, not a traceback."""
    folder = tmp_path / "data"
    folder.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == folder:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    assert loading.load_file(folder).error == (
        1,
        1,
        "is a folder that cannot be read: permission denied",
    )
    result = pipeline.validate_paths([folder]).result
    assert [p.parsable() for p in result.problems] == [
        f"{folder}:1:1: is a folder that cannot be read: permission denied (unreadable)"
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("\x85f", (1, 1)),
        ("a: 1\nb: x\u2028y\n", (2, 5)),
        ("a: 1\u2029", (1, 5)),
        ("a: 1\rb: 2", (1, 5)),
    ],
)
def test_line_breaks_editors_do_not_see_are_refused(text: str, where: tuple[int, int]) -> None:
    """NEL, LS, PS and a lone CR break lines for YAML but not for editors: every line number
    after one would be wrong, so they are refused where they are (a CRLF file is fine)."""
    doc = loading.load_text(text, "test.yaml")
    assert doc.error is not None and doc.error[:2] == where and doc.error_code == "hidden-character"
    assert loading.load_text("a: 1\r\nb: 2\r\n", "test.yaml").data == {"a": 1, "b": 2}


TAGS = ["!!null", "!!bool", "!!int", "!!float", "!!binary", "!!timestamp", "!!omap", "!!pairs"]
TAGS += ["!!set", "!!str", "!!seq", "!!map", "!!merge", "!!value", "!!yaml", "!x", "!", "!<!>"]
VALUES = ["", "x", "1", "[]", "[a]", "{}", "{a: 1}", "[a: 1]", '""', "[[a]]", "-", "0x", "<<"]


@pytest.mark.parametrize("tag", TAGS)
def test_any_tag_on_any_node_is_data_or_a_located_error(tag: str) -> None:
    """Every standard tag (and unknown ones) on scalars, lists and mappings, as a value, a
    document, a key or an item: data, or an error with a place; never an exception."""
    for value in VALUES:
        for text in (f"a: {tag} {value}\n", f"{tag} {value}\n", f"? {tag} {value}\n: 1\n"):
            doc = loading.load_text(text, "test.yaml")
            assert doc.error is None or doc.error[0] >= 1, (text, doc.error)
