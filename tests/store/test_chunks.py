"""Cutting a data file into its records' texts."""

from __future__ import annotations

import pytest

from ofsted_cli.dataset import loading
from ofsted_cli.store import chunks
from tests.conftest import DATA


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_shipped_files_cut_into_one_text_per_record(name: str) -> None:
    """Each shipped file cuts into exactly its records, and the texts make the file again."""
    blob = (DATA / name).read_bytes()
    split = chunks.split(blob)
    assert split.kind is not None
    assert split.header + b"".join(split.chunks) == blob
    records = loading.load_bytes(blob, name).data[split.kind]
    assert len(split.chunks) == len(records)
    for i in range(len(split.chunks)):
        one = loading.load_bytes(split.text(i, i + 1), name).data[split.kind]
        assert one == [records[i]]


@pytest.mark.parametrize(
    "text",
    [
        "figures: []\n",
        "---\nfigures:\n  - id: a\n",
        "\ufefffigures:\n  - id: a\n",
        "%YAML 1.1\n---\nfigures:\n  - id: a\n",
        "figures:\n  - id: a\n...\n",
        "figures:\n  - id: &a a\n",
        "figures:\n  - id: a\n  - id: *a\n",
        "figures:\n  -\n    id: a\n",
        "figures:\n  notes: x\n",
    ],
)
def test_what_is_parsed_whole(text: str) -> None:
    """Files whose records' texts might mean something else alone are parsed whole: no list,
    document markers, directives, a byte order mark, anchors or aliases, an odd first item."""
    split = chunks.split(text.encode())
    assert split.kind is None and split.chunks == [text.encode()]


def test_a_missed_cut_shows_in_the_count() -> None:
    """A record whose dash is followed by a line break is not cut from the one before: the
    text holds two records, which the update counts (and then parses the file whole)."""
    text = "figures:\n  - id: a\n  -\n    id: b\n"
    split = chunks.split(text.encode())
    assert len(split.chunks) == 1
    assert len(loading.load_text(text, "x").data["figures"]) == 2


def test_flow_items_are_cut() -> None:
    """Items written as flow mappings, at column 0 under a commented key, are cut too."""
    split = chunks.split(b"figures: # the key, then the list\n- {id: a}\n- {id: b}\n")
    assert split.chunks == [b"- {id: a}\n", b"- {id: b}\n"]


def test_text_without_anchors_is_cut() -> None:
    """An ampersand or asterisk inside text is no anchor: 'Barking & Dagenham', '2 * 3'."""
    text = b"councils:\n  - id: a\n    name: Barking & Dagenham\n  - id: b\n    notes: 2 * 3\n"
    assert len(chunks.split(text).chunks) == 2


def test_crlf_files_are_cut() -> None:
    """Windows line ends cut the same way."""
    text = b"statements:\r\n  - id: a\r\n    text: x\r\n  - id: b\r\n    text: y\r\n"
    split = chunks.split(text)
    assert split.kind == "statements"
    assert split.chunks == [b"  - id: a\r\n    text: x\r\n", b"  - id: b\r\n    text: y\r\n"]
