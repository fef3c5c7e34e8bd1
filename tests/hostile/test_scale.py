"""Small files that make many problems (issue #13): the work grows with the file, never with
the square of it, so a 1 MB file cannot hold validation for minutes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ofsted_cli.dataset import pipeline

N = 20_000
FILES = {
    "one-name-many-councils": "councils:\n"
    + "".join(f"  - id: c{i}\n    name: Same\n" for i in range(N)),
    "many-unknown-keys": "sources:\n  - id: s\n" + "".join(f"    k{i}: 1\n" for i in range(N)),
    "many-duplicate-keys": "sources:\n  - id: s\n" + "    title: t\n" * N,
    "many-odd-numbers": "figures:\n  - id: f\n    notes: ["
    + ", ".join("0x1F" for _ in range(N))
    + "]\n",
    "many-duplicate-ids": "groups:\n"
    + "".join(f"  - id: g\n    name: G{i}\n    members: [a]\n    sources: [s]\n" for i in range(N)),
}


@pytest.mark.parametrize("name", list(FILES))
def test_many_problems_in_linear_time(name: str, tmp_path: Path) -> None:
    """Each file of 20,000 repeats validates in seconds, each problem located."""
    path = tmp_path / "data.yaml"
    path.write_text(FILES[name])
    start = time.monotonic()
    result = pipeline.validate_paths([path]).result
    assert time.monotonic() - start < 15
    assert len(result.problems) >= N * 0.9
    lines = FILES[name].count("\n")
    assert all(1 <= p.line <= lines and p.col >= 1 for p in result.problems)
