"""The cache folder's writes (a temporary file renamed over a regular file or nothing), and the
store's listing of data files: what it refuses, and how it says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.store import place


def test_a_write_replaces_a_regular_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "store.sqlite"
    place.write_file(target, b"old")
    place.write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["store.sqlite"]


@pytest.mark.parametrize("kind", ["folder", "link", "fifo"])
def test_a_write_never_replaces_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    """A folder, a link or a FIFO where the store should be is left as it is, and the
    temporary file is gone."""
    target = tmp_path / "store.sqlite"
    if kind == "folder":
        target.mkdir()
    elif kind == "link":
        (tmp_path / "elsewhere").write_bytes(b"keep")
        target.symlink_to(tmp_path / "elsewhere")
    else:
        os.mkfifo(target)
    place.write_file(target, b"new")
    if kind == "folder":
        assert target.is_dir()
    elif kind == "link":
        assert target.is_symlink() and (tmp_path / "elsewhere").read_bytes() == b"keep"
    else:
        assert target.is_fifo()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(place.PREFIX)] == []


def test_a_path_through_a_file_is_not_replaceable(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    assert place.replaceable(tmp_path / "missing") is True
    assert place.replaceable(tmp_path / "file" / "store.sqlite") is False


def test_a_failed_write_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OSError, match="No space left"):
        place.write_file(tmp_path / "store.sqlite", b"new")
    assert list(tmp_path.iterdir()) == []


def test_discard_is_quiet_when_the_file_is_gone(tmp_path: Path) -> None:
    tmp = place.temporary(tmp_path)
    place.discard(tmp)
    place.discard(tmp)
    assert not tmp.exists()


def _councils(data: Path) -> tuple[int, str, str]:
    from ofsted_cli.cli import app

    r = CliRunner().invoke(app, ["--data", str(data), "councils"])
    return r.exit_code, r.stdout, r.stderr


def test_a_dangling_link_among_the_data_files_is_named(data: Path) -> None:
    """A data file that is a link to nothing: exit 1, the file named with why."""
    (data / "more.yaml").symlink_to(data / "nowhere.yaml")
    code, out, err = _councils(data)
    assert code == 1 and out == ""
    assert f"{data / 'more.yaml'}:1:1: cannot be read: no such file or directory (unreadable)" in (
        err
    )


def test_a_folder_named_like_a_data_file_is_named(data: Path) -> None:
    (data / "more.yaml").mkdir()
    code, out, err = _councils(data)
    assert code == 1 and out == ""
    assert f"{data / 'more.yaml'}:1:1: " in err and "(unreadable)" in err
