"""Write data files in one canonical YAML layout, so that machine edits make small diffs."""

from __future__ import annotations

import os
import re
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ofsted_cli.dataset.models import DATE_FIELDS
from ofsted_cli.errors import WriteError

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
_PLAIN_KEY = re.compile(r"(?!(y|n|yes|no|on|off|true|false|null)\Z)[a-z_][a-z0-9_]*\Z")
"""Keys written as they are (every field name); any other key (a judgement area from a file)
is quoted where YAML would read it otherwise."""

_FLOW_LISTS = {"sources"}
"""Lists written on one line: ids, never holding a comma. Lists of names (other_names,
successors, members) are written one item per line, so that a diff shows each change."""

SCHEMAS = "../schemas"
"""Where the JSON Schemas are, relative to a data folder (`make schemas` writes them)."""


def modeline(kind: str) -> str:
    """The first line of a data file: tells editors (yaml-language-server) its JSON Schema, so
    that they check the file while a curator types (issue 10)."""
    return f"# yaml-language-server: $schema={SCHEMAS}/{kind}.schema.json"


def dump(data: dict[str, Any]) -> str:
    """Return *data* (one top-level key holding a list of records) as canonical YAML text,
    beginning with the schema modeline."""
    lines: list[str] = [modeline(key) for key in list(data)[:1]]
    for key, value in data.items():
        lines.append(f"{key}:" if value else f"{key}: []")
        _list(value, 2, lines)
    return "\n".join(lines) + "\n"


def _list(items: list[Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            first = True
            for k, v in item.items():
                prefix = f"{pad}- " if first else f"{pad}  "
                _pair(k, v, prefix, indent + 2, lines)
                first = False
        else:
            lines.append(f"{pad}- {_scalar(item)}")


def _pair(name: Any, value: Any, prefix: str, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    key = name if isinstance(name, str) and _PLAIN_KEY.match(name) else _scalar(name, flow=True)
    if isinstance(value, dict):
        if not value:
            lines.append(f"{prefix}{key}: {{}}")
            return
        lines.append(f"{prefix}{key}:")
        for k, v in value.items():
            _pair(k, v, pad + "  ", indent + 2, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{prefix}{key}: []")
        elif name in _FLOW_LISTS and all(isinstance(v, str) for v in value):
            lines.append(f"{prefix}{key}: [{', '.join(_scalar(v, flow=True) for v in value)}]")
        else:
            lines.append(f"{prefix}{key}:")
            _list(value, indent + 2, lines)
    elif isinstance(value, str) and "\n" in value and _block_safe(value):
        lines.append(f"{prefix}{key}: |-" if not value.endswith("\n") else f"{prefix}{key}: |")
        for line in value.rstrip("\n").split("\n"):
            lines.append(f"{pad}  {line}" if line else "")
    elif name in DATE_FIELDS and isinstance(value, str) and _ISO.match(value):
        lines.append(f"{prefix}{key}: '{value}'")  # a date, quoted: YAML reads none of them
    else:
        lines.append(f"{prefix}{key}: {_scalar(value)}")


def _block_safe(text: str) -> bool:
    """True when a literal block (`|`, `|-`) reads back as exactly *text*: some line has text,
    the first such line does not start with a space (it sets the indentation), no line ends in
    spaces, and at most one line break ends it."""
    lines = text.rstrip("\n").split("\n")
    first = next((line for line in lines if line), "")
    return (
        bool(first)
        and not text.endswith("\n\n")
        and not first.startswith((" ", "\t"))
        and not any(line != line.rstrip() for line in lines)
        and all(c.isprintable() or c in "\n\xa0" for c in text)  # no-break spaces are text
    )


def _scalar(value: Any, flow: bool = False) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    text = text.removesuffix("\n").removesuffix("\n...")
    if "\n" in text:  # text on several lines that a block cannot hold: one line, escaped
        text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style='"')
        text = text.removesuffix("\n")
    if flow and any(c in text for c in ",[]{}") and not text.startswith(("'", '"')):
        text = "'" + text.replace("'", "''") + "'"
    return text


def _mode(info: os.stat_result | None) -> int:
    """The mode for a file replacing one with *info*: the old file's, else 0o666 - umask."""
    if info is not None:
        return info.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _target(path: Path) -> os.stat_result | None:
    """The file *path* now: None when there is none; refuse anything but a regular file.

    A symbolic link is refused rather than followed or replaced: what it points at may be
    anywhere, and replacing the link would silently stop sharing the file (issue #13).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise WriteError(f"cannot write {path}: {e.strerror or e}; no file was changed") from None
    if stat.S_ISLNK(info.st_mode):
        what = "a symbolic link"
    elif stat.S_ISDIR(info.st_mode):
        what = "a folder"
    elif not stat.S_ISREG(info.st_mode):
        what = "not a regular file (a pipe, device or socket)"
    else:
        return info
    raise WriteError(
        f"will not replace {path}: it is {what}, and only regular files are written; "
        "no file was changed"
    )


def _temporary(path: Path, blob: bytes, mode: int, suffix: str = ".tmp") -> Path:
    """A new file beside *path* holding *blob*, flushed to disk."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _backup(path: Path, info: os.stat_result) -> Path:
    """Keep the file at *path* under a second name beside it, to restore it by a rename.

    A hard link costs no space (a disk that is full must not stop the restore); where the file
    system has none, a copy.
    """
    for _ in range(100):
        name = path.parent / f".{path.name}.{secrets.token_hex(6)}.bak"
        try:
            os.link(path, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            break
    return _temporary(path, path.read_bytes(), _mode(info), suffix=".bak")


def write_all(texts: dict[Path, str]) -> None:
    """Replace every file of *texts* or none; raise WriteError (nothing changed) on failure.

    Only a regular file or a missing path is replaced, each through a temporary file in its
    own folder and a rename. Every temporary is written, and every old file kept under a second
    name, before the first rename; a failure after renames begin puts the old files back.
    """
    targets = {path: _target(path) for path in texts}  # refuse before writing anything
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    path = next(iter(texts), Path("."))
    try:
        for path, text in texts.items():
            temps[path] = _temporary(path, text.encode("utf-8"), _mode(targets[path]))
        for path, info in targets.items():
            if info is not None:
                backups[path] = _backup(path, info)
        for path, tmp in temps.items():
            if not _same(path, targets[path]):
                raise WriteError(f"{path} changed while it was being written; no file was changed")
            os.replace(tmp, path)
            done.append(path)
    except BaseException as e:
        kept = _restore(done, backups)
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        for old, backup in backups.items():
            if old not in kept:
                backup.unlink(missing_ok=True)
        if kept:
            where = "; ".join(
                f"{old}'s previous content is in {was}" if was else f"{old} is new"
                for old, was in kept.items()
            )
            raise WriteError(f"cannot write {path}, nor restore every file: {where}") from e
        if isinstance(e, OSError):
            raise WriteError(
                f"cannot write {path}: {e.strerror or e}; no file was changed"
            ) from None
        raise
    for backup in backups.values():
        backup.unlink(missing_ok=True)


def _same(path: Path, before: os.stat_result | None) -> bool:
    now = _target(path)
    if before is None or now is None:
        return before is None and now is None
    return (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) == (
        before.st_ino,
        before.st_dev,
        before.st_size,
        before.st_mtime_ns,
    )


def _restore(done: list[Path], backups: dict[Path, Path]) -> dict[Path, Path | None]:
    """Put back the files of *done* (renamed over) from *backups*, or remove the new ones;
    return those that could not be put back, with their backups (None for a new file)."""
    kept: dict[Path, Path | None] = {}
    for path in reversed(done):
        try:
            if path in backups:
                os.replace(backups[path], path)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            kept[path] = backups.get(path)
    return kept


def write_atomic(path: Path, text: str) -> None:
    """Replace *path* with *text* in one step (a reader never sees half a file)."""
    write_all({path: text})
