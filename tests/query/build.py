"""Small data sets written by a test, for cases the shared fixture data cannot hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SOURCE = {"id": "test-source", "title": "Test source", "publisher": "Test", "kind": "news"}


def council(cid: str, name: str, *inspections: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A council record with *inspections*, citing the test source."""
    return {"id": cid, "name": name, **fields, "inspections": list(inspections)}


def inspection(iid: str, framework: str, published: str, **fields: Any) -> dict[str, Any]:
    """An inspection record citing the test source."""
    return {
        "id": iid,
        "framework": framework,
        "published": published,
        **fields,
        "sources": ["test-source"],
    }


def write(
    folder: Path, councils: list[dict[str, Any]], sources: tuple[dict[str, Any], ...] = ()
) -> Path:
    """Write a data folder holding *councils* and the test source (and *sources*)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "inspections.yaml": {"councils": councils},
        "sources.yaml": {"sources": [SOURCE, *sources]},
    }
    for name, body in files.items():
        (folder / name).write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False))
    return folder
