"""Building data straight from the node tree gives what PyYAML's constructor gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_cli.dataset import construct, loading, yamlsafe
from tests.conftest import DATA, TESTS

SNIPPETS = [
    "a: 1\nb: [1, 2.5, .inf, -.Inf, .nan, 0x1F, 0o17, 1_000, 1:30, +12, 0b101]\n",
    "a: [yes, No, on, OFF, ~, null, '', !!str 12, !!int '7']\n",
    "when: [2019-02-03, 2019-02-30, 2019-02-03T10:00:00Z, 2019-02-03 10:00:00.5 +01:00]\n",
    "base: &b {x: 1, y: 2}\nuse: *b\nmore: {<<: *b, y: 3}\n",
    "list: &l [1, 2]\nagain: *l\n",
    "x: 1\nx: 2\n",
    "? [a, b]\n: c\n",
    "~: null key\ntrue: bool key\n1: int key\n2019-01-01: date key\n",
    "a: !!binary aGVsbG8=\nb: !!set {x, y}\nc: !!omap [{a: 1}, {b: 2}]\nd: !!pairs [{a: 1}]\n",
    "a: !custom x\n",
    "a: !!int abc\n",
    "r: &r [*r]\n",
    "= : value key\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "unicode: \u00e9t\u00e9 \u2014 \U0001f600\n",
    "- 1\n- - 2\n  - {a: [3]}\n",
    "",
    "# only a comment\n",
    "[unclosed\n",
]


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(construct, "build", lambda loader, node: construct.NOT_PLAIN)


def _texts() -> list[tuple[str, str]]:
    paths = sorted(DATA.glob("*.yaml")) + sorted((TESTS / "data").rglob("*.yaml"))
    found = [
        (str(p.relative_to(p.parents[2])), p.read_bytes().decode("utf-8", "replace"))
        for p in paths
        if p.is_file()
    ]
    return found + [(f"snippet {i}", s) for i, s in enumerate(SNIPPETS)]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_same_data_and_problems(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data, repeated keys and errors are those of the loader's own constructor."""
    fast = loading.load_text(text, name)
    _slow(monkeypatch)
    slow = loading.load_text(text, name)
    assert repr(fast.data) == repr(slow.data), name  # types and order too; cycles print
    assert fast.error == slow.error
    assert [(k.value, k.start_mark.line) for k in fast.duplicates] == [
        (k.value, k.start_mark.line) for k in slow.duplicates
    ]


def test_anchors_are_refused_before_construction() -> None:
    """An anchor is refused where it stands, so no alias (or billion-laughs bomb) is built."""
    loaded = loading.load_text("a: &l [1]\nb: *l\n", "x")
    assert loaded.data is None
    assert loaded.error is not None
    assert loaded.error[:2] == (1, 4)
    assert "anchors, aliases and merge keys are not allowed" in loaded.error[2]


def test_plain_data_takes_the_fast_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped data is plain: it never needs the general constructor."""

    def refuse(*args: object) -> None:
        raise AssertionError("constructed the slow way")

    monkeypatch.setattr(yamlsafe.Loader, "construct_document", refuse)
    for path in sorted(Path(DATA).glob("*.yaml")):
        assert loading.load_file(path).data
