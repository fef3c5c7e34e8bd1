"""Write data files in one canonical YAML layout, so that machine edits make small diffs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

_INLINE_LISTS = {"sources", "other_names", "successors", "members"}
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
        lines.append(f"{key}:")
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


def _pair(key: str, value: Any, prefix: str, indent: int, lines: list[str]) -> None:
    pad = " " * indent
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
        elif key in _INLINE_LISTS and all(isinstance(v, str) for v in value):
            lines.append(f"{prefix}{key}: [{', '.join(_scalar(v, flow=True) for v in value)}]")
        else:
            lines.append(f"{prefix}{key}:")
            _list(value, indent + 2, lines)
    elif isinstance(value, str) and "\n" in value and _block_safe(value):
        lines.append(f"{prefix}{key}: |-" if not value.endswith("\n") else f"{prefix}{key}: |")
        for line in value.rstrip("\n").split("\n"):
            lines.append(f"{pad}  {line}" if line else "")
    else:
        lines.append(f"{prefix}{key}: {_scalar(value)}")


def _block_safe(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    return (
        not text.endswith("\n\n")
        and not lines[0].startswith((" ", "\t"))
        and not any(line != line.rstrip() for line in lines)
        and all(c.isprintable() or c == "\n" for c in text)
    )


def _scalar(value: Any, flow: bool = False) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    text = text.removesuffix("\n").removesuffix("\n...")
    if flow and any(c in text for c in ",[]{}") and not text.startswith(("'", '"')):
        text = "'" + text.replace("'", "''") + "'"
    return text


def _mode(path: Path) -> int:
    """The mode for a file replacing *path*: the old file's, else the usual 0o666 - umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(path: Path, text: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode(path))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_all(texts: dict[Path, str]) -> None:
    """Replace every file of *texts* or none: all temporaries are written before the first
    rename, and files already renamed are restored if a later step fails."""
    temps: dict[Path, Path] = {}
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, text in texts.items():
            temps[path] = _temporary(path, text)
        for path, tmp in temps.items():
            old = path.read_bytes() if path.exists() else None
            os.replace(tmp, path)
            done.append((path, old))
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        for path, old in reversed(done):
            if old is None:
                path.unlink(missing_ok=True)
            else:
                restore = _temporary(path, old.decode("utf-8"))
                os.replace(restore, path)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Replace *path* with *text* in one step (a reader never sees half a file)."""
    write_all({path: text})
