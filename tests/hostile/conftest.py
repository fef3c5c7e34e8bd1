"""Helpers for the hostile inputs of issue #13: run `ofsted` as a process under limits.

A crash (a signal, such as SIGSEGV from a C stack overflow), a hang, memory growing without
end or a traceback are each a failure; a located problem or a clear one-line message with exit
1 or 2 is the pass.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

VALID = Path(__file__).parents[1] / "data" / "valid"
MEMORY = 1 << 30
"""Address space a run may use (1 GiB: ofsted needs about a fifth of it)."""
SECONDS = 20.0
"""Wall time a run may take (each takes well under 2 s on the project's machine)."""


@dataclass
class Run:
    """One finished `ofsted` process."""

    code: int
    out: str
    err: str
    seconds: float

    def refused(self, *codes: int) -> None:
        """Assert a clean refusal: an exit code of *codes* (default 1), no signal, no
        traceback, within the time limit."""
        assert self.code >= 0, f"killed by signal {-self.code}: {self.err[-2000:]}"
        assert self.code in (codes or (1,)), (self.code, self.out[-2000:], self.err[-2000:])
        assert "Traceback" not in self.err and "Error:" not in self.err.split("\n", 1)[0]
        assert self.seconds < SECONDS


def _limit() -> None:  # pragma: no cover - runs in the child process
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = SECONDS * 2,
) -> Run:
    """Run `python -m ofsted_cli ARGS` with a memory limit and a timeout."""
    full = {k: v for k, v in os.environ.items() if k != "OFSTED_DATA"} | (env or {})
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ofsted_cli", *args],
            capture_output=True,
            text=True,
            errors="replace",
            cwd=cwd,
            env=full,
            timeout=timeout,
            preexec_fn=_limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"ofsted {' '.join(args)[:200]} still running after {timeout} s")
    return Run(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """A copy of the valid test dataset, to plant one hostile file in."""
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


@pytest.fixture()
def cache(tmp_path: Path) -> dict[str, str]:
    """The environment for a query: its own store cache."""
    return {"OFSTED_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
