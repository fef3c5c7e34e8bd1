"""Where the data lives: --data, then $OFSTED_DATA, then the data shipped with the package."""

from __future__ import annotations

import os
from pathlib import Path

from ofsted_cli.errors import DataDirError


def resolve(option: Path | None) -> Path:
    """Return the data directory in use; raise DataDirError when it is not a folder."""
    if option is not None:
        path, why = option, "--data"
    elif os.environ.get("OFSTED_DATA"):
        path, why = Path(os.environ["OFSTED_DATA"]), "OFSTED_DATA"
    else:
        # Resolved: in a checkout the packaged folder is a link to the project's data/.
        path, why = shown((Path(__file__).parents[1] / "data").resolve()), "the package"
    if not path.is_dir():
        raise DataDirError(f"data directory {path} (from {why}) is not a folder")
    return path


def shown(path: Path) -> Path:
    """*path* relative to the working folder when it lies inside it (shorter messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
