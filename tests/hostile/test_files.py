"""Data files that are not files (issue #13): a named pipe would block a reader forever, a link
to /dev/zero feed it until memory runs out, an enormous file exhaust memory while parsing. Each
is refused before it is read, with a clear message."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ofsted_cli.dataset import files
from ofsted_cli.errors import FileReadError, UsageError
from tests.hostile.conftest import run


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _huge(path: Path) -> None:
    """A sparse file of 60 MB, over the 50 MB limit (it takes no disk space)."""
    with path.open("wb") as f:
        f.truncate(60_000_000)


PLANTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a regular file; only files are read"),
    "dev-zero": (_zero, "is a character device, not a regular file; only files are read"),
    "oversized": (_huge, "is 60 MB, more than the limit of 50 MB for one data file"),
}


@pytest.mark.parametrize("kind", list(PLANTS))
def test_validate_refuses_it(kind: str, data: Path) -> None:
    """`ofsted validate`: one problem at 1:1 of that file, the others still checked."""
    plant, message = PLANTS[kind]
    (data / "figures.yaml").unlink()
    plant(data / "figures.yaml")
    result = run("validate", str(data))
    result.refused(1)
    code = "too-large" if kind == "oversized" else "unreadable"
    first = result.out.splitlines()[0]
    assert first.startswith(f"{data / 'figures.yaml'}:1:1: {message}") and first.endswith(
        code + ")"
    )


@pytest.mark.parametrize("kind", list(PLANTS))
def test_a_query_refuses_it(kind: str, data: Path, cache: dict[str, str]) -> None:
    """A query builds its store from the files: a clear refusal, no hang, no memory blow-up."""
    plant, message = PLANTS[kind]
    (data / "figures.yaml").unlink()
    plant(data / "figures.yaml")
    result = run("--data", str(data), "councils", env=cache, timeout=5)
    result.refused(1)
    assert message in result.err


@pytest.mark.parametrize("kind", list(PLANTS))
def test_fmt_refuses_it(kind: str, data: Path) -> None:
    """`ofsted fmt` reads through the same bounded reader and writes nothing."""
    plant, message = PLANTS[kind]
    (data / "figures.yaml").unlink()
    plant(data / "figures.yaml")
    before = sorted(p.name for p in data.iterdir())
    result = run("fmt", str(data))
    result.refused(1)
    assert message in result.err
    assert sorted(p.name for p in data.iterdir()) == before


def test_the_limit_can_be_raised(data: Path) -> None:
    """$OFSTED_MAX_FILE_MB raises (or lowers) the limit; a bad value is a usage error."""
    _huge(data / "big.yaml")
    result = run("validate", str(data / "big.yaml"), env={"OFSTED_MAX_FILE_MB": "100"})
    result.refused(1)
    assert "(too-large)" not in result.out and "(yaml-syntax)" in result.out  # read: all NULs
    low = run("validate", str(data), env={"OFSTED_MAX_FILE_MB": "0.0005"})
    low.refused(1)
    assert low.out.count("(too-large)") == 5
    bad = run("validate", str(data), env={"OFSTED_MAX_FILE_MB": "lots"})
    bad.refused(2)
    assert bad.err == (
        "ofsted: OFSTED_MAX_FILE_MB must be a number of megabytes (10^6 bytes) from 0.000001 "
        "to 1000000000, e.g. 200; found 'lots'\n"
    )


def test_read_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's entry: bytes of a regular file, else FileReadError with a code."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 1000)
    assert files.read_bytes(path) == b"x" * 1000
    assert files.read_bytes(path, limit=1000) == b"x" * 1000
    with pytest.raises(FileReadError) as error:
        files.read_bytes(path, limit=999)
    assert error.value.code == "too-large" and error.value.path == str(path)
    (tmp_path / "link.yaml").symlink_to(path)
    assert files.read_bytes(tmp_path / "link.yaml") == b"x" * 1000
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(FileReadError, match="named pipe") as error:
        files.read_bytes(tmp_path / "pipe.yaml")
    assert error.value.code == "unreadable"
    monkeypatch.setenv("OFSTED_MAX_FILE_MB", "-1")
    with pytest.raises(UsageError):
        files.read_bytes(path)


def test_a_file_that_grows_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is small when checked but grows while being read is still cut off."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    real = os.read

    def growing(fd: int, n: int) -> bytes:
        return real(fd, n) or b"y" * n

    monkeypatch.setattr(os, "read", growing)
    with pytest.raises(FileReadError, match="grew while being read to more than the limit"):
        files.read_bytes(path, limit=5000)


def test_a_file_swapped_for_a_pipe_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is checked again once open (non-blocking), so a swap cannot block the read."""
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n")
    real = os.open

    def swap(name: str, flags: int, *args: int) -> int:
        Path(name).unlink()
        os.mkfifo(name)
        assert flags & os.O_NONBLOCK
        return real(name, flags, *args)

    monkeypatch.setattr(os, "open", swap)
    with pytest.raises(FileReadError, match="named pipe"):
        files.read_bytes(path)


def test_bytes_read_elsewhere_are_bounded_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytes the store read itself are held to the same limit before they are parsed."""
    from ofsted_cli.dataset import pipeline

    monkeypatch.setenv("OFSTED_MAX_FILE_MB", "0.001")
    result = pipeline.validate_blobs([(Path("big.yaml"), b"sources: []\n" * 100)]).result
    assert [p.parsable() for p in result.problems] == [
        "big.yaml:1:1: is 1,200 bytes, more than the limit of 1,000 bytes for one data file "
        "(set OFSTED_MAX_FILE_MB to raise it) (too-large)"
    ]
