"""Writing output files safely: into a temporary beside the target, renamed into place; only
a regular file (or a folder this tool wrote) is ever replaced, and only when asked (--force)."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from ofsted_cli.errors import OfstedError, UsageError

MARK = ".ofsted-cli"
"""A file in every folder this tool writes, so that --force only ever replaces its own."""


def _check(path: Path, force: bool, folder: bool) -> bool:
    """True when *path* exists and may be replaced; raise when it may not."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise OfstedError(f"{path.parent} is not a folder: create it first") from None
        return False
    except OSError as e:
        raise OfstedError(f"{path}: {e.strerror}") from None
    if folder:
        if not stat.S_ISDIR(st.st_mode):
            raise UsageError(f"{path} exists and is not a folder: give a folder for the site")
        if not (path / MARK).is_file() and any(path.iterdir()):
            raise UsageError(
                f"{path} is a folder with other files in it: give a new or empty folder"
            )
    elif not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{path} exists and is not a regular file: give a file name")
    if not force:
        raise UsageError(f"{path} exists: add --force to replace it")
    return True


def write_file(path: Path, write: Callable[[Path], object], *, force: bool = False) -> Path:
    """Let *write* write a temporary file beside *path*, then rename it into place."""
    _check(path, force, folder=False)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_folder(
    path: Path, write: Callable[[Path], list[Path]], *, force: bool = False
) -> list[Path]:
    """Let *write* fill a temporary folder beside *path*, then put it in place of *path*."""
    exists = _check(path, force, folder=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        written = write(tmp)
        (tmp / MARK).write_text("written by ofsted-cli; --force may replace this folder\n")
        os.chmod(tmp, 0o755)
        if exists:
            old = path.with_name(f".{path.name}.old")
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [path / p.relative_to(tmp) for p in written]
