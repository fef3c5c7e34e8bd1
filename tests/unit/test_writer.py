"""writer.write_all: every file or none, only regular files replaced, nothing left behind."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ofsted_cli.dataset import writer
from ofsted_cli.errors import WriteError


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    (d / "a.yaml").write_text("old a\n")
    (d / "b.yaml").write_text("old b\n")
    os.chmod(d / "a.yaml", 0o640)
    return d


def _files(folder: Path) -> dict[str, bytes]:
    """Every entry of *folder*, temporaries and backups included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _fail_on(calls: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """A stand-in for *real* that fails with a full disk on call number *calls*."""
    seen: list[int] = []

    def fake(*args: Any) -> Any:
        seen.append(1)
        if len(seen) == calls:
            raise OSError(28, "No space left on device")
        return real(*args)

    return fake


def test_writes_every_file_and_keeps_modes(folder: Path) -> None:
    """Existing files keep their mode; a new file is created; nothing else is left behind."""
    writer.write_all({folder / "a.yaml": "new a\n", folder / "c.yaml": "new c\n"})
    assert _files(folder) == {"a.yaml": b"new a\n", "b.yaml": b"old b\n", "c.yaml": b"new c\n"}
    assert stat.S_IMODE(os.stat(folder / "a.yaml").st_mode) == 0o640


def test_a_failed_rename_restores_the_files_already_renamed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second rename fails: the first file is put back, the new file removed, and no
    temporary or backup is left."""
    before = _files(folder)
    texts = {folder / "a.yaml": "new a\n", folder / "c.yaml": "new c\n", folder / "b.yaml": "x\n"}
    monkeypatch.setattr(os, "replace", _fail_on(3, os.replace))
    with pytest.raises(WriteError, match=r"cannot write .*b\.yaml: No space left on device; no"):
        writer.write_all(texts)
    assert _files(folder) == before


def test_a_failed_temporary_changes_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the second temporary is written: no file is replaced."""
    before = _files(folder)
    monkeypatch.setattr(os, "fsync", _fail_on(2, os.fsync))
    with pytest.raises(WriteError, match="No space left"):
        writer.write_all({folder / "a.yaml": "new a\n", folder / "b.yaml": "new b\n"})
    assert _files(folder) == before


def test_restores_from_a_copy_without_hard_links(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system without hard links the old file is copied, and restored all the same."""
    before = _files(folder)

    def no_links(*args: Any) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", _fail_on(2, os.replace))
    with pytest.raises(WriteError):
        writer.write_all({folder / "a.yaml": "new a\n", folder / "b.yaml": "new b\n"})
    assert _files(folder) == before
    assert stat.S_IMODE(os.stat(folder / "a.yaml").st_mode) == 0o640


def test_a_failed_restore_says_where_the_old_file_is(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If even putting a file back fails, the message names the backup that holds it."""
    real = os.replace
    calls: list[str] = []

    def fake(src: Any, dst: Any) -> None:
        calls.append(str(src))
        if len(calls) >= 2:
            raise OSError(5, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fake)
    with pytest.raises(WriteError, match=r"nor restore every file: .*a\.yaml's previous content"):
        writer.write_all({folder / "a.yaml": "new a\n", folder / "b.yaml": "new b\n"})
    backups = [p for p in folder.iterdir() if p.name.endswith(".bak")]
    assert [p.read_bytes() for p in backups] == [b"old a\n"]


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder", "dangling"])
def test_refuses_to_replace_anything_but_a_regular_file(folder: Path, kind: str) -> None:
    """A symbolic link (even to a regular file), a named pipe or a folder is never replaced,
    and the other files of the same write are not written either."""
    outside = folder.parent / "outside.yaml"
    outside.write_text("outside\n")
    target = folder / "c.yaml"
    if kind == "symlink":
        target.symlink_to(outside)
    elif kind == "dangling":
        target.symlink_to(folder.parent / "nowhere.yaml")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(WriteError, match=r"will not replace .*c\.yaml: it is .*no file was"):
        writer.write_all({folder / "a.yaml": "new a\n", target: "new c\n"})
    assert (folder / "a.yaml").read_text() == "old a\n"
    assert outside.read_text() == "outside\n"
    assert not (folder.parent / "nowhere.yaml").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]


def test_a_file_changed_meanwhile_is_not_overwritten(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file replaced by another program between the check and the rename is left alone."""
    real = writer._backup

    def meddle(path: Path, info: os.stat_result) -> Path:
        backup = real(path, info)
        path.unlink()
        path.write_text("someone else's\n")
        return backup

    monkeypatch.setattr(writer, "_backup", meddle)
    with pytest.raises(WriteError, match="changed while it was being written"):
        writer.write_all({folder / "a.yaml": "new a\n"})
    assert (folder / "a.yaml").read_text() == "someone else's\n"
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist fails cleanly."""
    with pytest.raises(WriteError, match="No such file or directory"):
        writer.write_all({tmp_path / "nope" / "a.yaml": "x\n"})
