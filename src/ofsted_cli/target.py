"""Where output files go (exports, charts, sites): checks on the --out path, and writes that
never leave half a file.

Everything is written to a temporary file or folder beside the target and renamed into place
once complete, so a reader sees the old export or the new one, never a mix, and a failed
export leaves nothing behind. An existing target is replaced only with --force, and only when
it is a regular file, or a folder that holds nothing but files an export writes. Links,
devices and system folders are refused: nothing is ever written through them (issues 10, 13).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ofsted_cli.errors import OfstedError

SYSTEM = (Path("/dev"), Path("/proc"), Path("/sys"))
"""Folders whose entries are not files: never written to, whatever the path's links."""


class OutPathError(OfstedError):
    """The --out path cannot be written (exists, is a link or device, has no folder)."""


def check(
    out: Path, *, folder: bool, force: bool, ours: frozenset[str] | Callable[[str], bool]
) -> None:
    """Raise OutPathError unless *out* may be written (or, with *force*, replaced).

    *folder*: the output is a folder of files, whose names are among *ours* (or pass it).
    """
    full = Path(os.path.abspath(out))
    if not full.name:
        raise OutPathError(f"cannot write {out}: give a file or folder name")
    parent = full.parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise OutPathError(f"cannot write {out}: the folder {parent} {what}")
    real = parent.resolve()
    if any(real == s or s in real.parents for s in SYSTEM):
        raise OutPathError(f"cannot write {out}: {real} is a system folder, not for files")
    try:
        st = os.lstat(full)
    except FileNotFoundError:
        return
    except OSError as e:
        raise OutPathError(f"cannot write {out}: {_reason(e)}") from None
    if stat.S_ISLNK(st.st_mode):
        raise OutPathError(
            f"{out} is a symbolic link; an export never writes through a link: give the path "
            "it points to, or another name"
        )
    if stat.S_ISDIR(st.st_mode):
        if not folder:
            raise OutPathError(f"{out} is a folder; give a file name, e.g. {out}/ofsted.*")
        _check_folder(out, full, force, ours)
    elif not stat.S_ISREG(st.st_mode):
        raise OutPathError(
            f"{out} is not a regular file (a device, pipe or socket); an export writes only "
            "files and folders"
        )
    elif folder:
        raise OutPathError(f"{out} is a file; this format writes a folder: give a folder name")
    elif not force:
        raise OutPathError(f"{out} exists; use --force to replace it")


def _check_folder(
    out: Path, full: Path, force: bool, ours: frozenset[str] | Callable[[str], bool]
) -> None:
    mine = ours if callable(ours) else ours.__contains__
    try:
        entries = sorted(full.iterdir())
    except OSError as e:
        raise OutPathError(f"cannot replace {out}: {_reason(e)}") from None
    if not entries:
        return  # an empty folder: nothing to lose
    if not force:
        raise OutPathError(f"{out} exists; use --force to replace it")
    strange = [e.name for e in entries if not mine(e.name) or e.is_symlink() or not e.is_file()]
    if strange:
        raise OutPathError(
            f"{out} holds more than an export ({', '.join(strange[:3])}); --force replaces only "
            "a folder of a previous export: remove it yourself, or choose another folder"
        )


@contextlib.contextmanager
def staged(outs: list[Path], *, folder: bool) -> Iterator[list[Path]]:
    """Yield a temporary path beside each of *outs* to write into; when the block ends
    without error, rename each into place (in order); on any error, remove them all."""
    temps: list[Path] = []
    try:
        for out in outs:
            temps.append(_temporary(Path(os.path.abspath(out)), folder))
        yield temps
        for tmp, out in zip(temps, outs, strict=True):
            _commit(tmp, Path(os.path.abspath(out)), folder)
    except OSError as e:
        raise OutPathError(f"cannot write {outs[0]}: {_reason(e)}") from None
    finally:
        for tmp in temps:
            _remove(tmp)


def _reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(out: Path, folder: bool) -> Path:
    prefix = f".{out.name}."
    if folder:
        tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix, suffix=".tmp"))
        os.chmod(tmp, 0o777 & ~_umask())
        return tmp
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=prefix, suffix=".tmp")
    os.close(fd)
    try:
        mode = os.stat(out).st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(name, mode)
    return Path(name)


def _sync(tmp: Path) -> None:
    """Flush *tmp* (a file, or a folder's files) to disk before it is renamed into place."""
    for path in sorted(tmp.iterdir()) if tmp.is_dir() else [tmp]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _commit(tmp: Path, out: Path, folder: bool) -> None:
    _sync(tmp)
    if not folder or not os.path.lexists(out):
        os.replace(tmp, out)  # atomic for a file; a new folder appears whole
        return
    # A folder cannot be swapped in one step: move the old one aside, the new one in, and
    # put the old one back if that fails.
    aside = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
    os.replace(out, aside)
    try:
        os.replace(tmp, out)
    except BaseException:
        os.replace(aside, out)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _remove(tmp: Path) -> None:
    if tmp.is_dir() and not tmp.is_symlink():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        tmp.unlink(missing_ok=True)
