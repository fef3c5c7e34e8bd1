"""Timing subprocesses: wall time piped or on a pseudo-terminal, peak memory, medians, rows."""

from __future__ import annotations

import os
import pty
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

PY = sys.executable
Cmd = list[str]


@dataclass
class Row:
    """One line of the table: a measurement, its ratio to a baseline, a target and verdict."""

    name: str
    value: float
    unit: str
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None


def within(name: str, value: float, unit: str, base: float, limit: float, what: str) -> Row:
    """A row judged by value / base <= limit."""
    ratio = value / base
    return Row(name, value, unit, ratio, f"<= {limit:g} {what}", ratio <= limit)


def at_most(name: str, value: float, unit: str, limit: float) -> Row:
    """A row judged by an absolute limit."""
    return Row(name, value, unit, None, f"<= {limit:g} {unit}", value <= limit)


def report(name: str, value: float, unit: str, base: float | None = None, what: str = "") -> Row:
    """A row with no target: a baseline or a figure for the record."""
    return Row(name, value, unit, value / base if base else None, what)


def run(cmd: Cmd, env: dict[str, str]) -> float:
    """Wall seconds of one run of *cmd*, output piped away; exit on failure."""
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {shlex.join(cmd)}\n{done.stderr.decode()}")
    return wall


def run_tty(cmd: Cmd, env: dict[str, str]) -> float:
    """Wall seconds of one run of *cmd* with stdout and stderr on a pseudo-terminal."""
    master, slave = pty.openpty()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 1 << 16):
                break
        except OSError:  # EIO: the child closed the terminal
            break
    code = proc.wait()
    wall = time.perf_counter() - t
    os.close(master)
    if code != 0:
        raise SystemExit(f"failed ({code}) on a terminal: {shlex.join(cmd)}")
    return wall


def peak_mib(cmd: Cmd, env: dict[str, str]) -> float:
    """Peak RSS (MiB) of one run of *cmd*, measured in a fresh child."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PY, "-c", probe, *cmd], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"failed: {shlex.join(cmd)}\n{out.stderr}")
    return int(out.stdout.strip()) / 1024


def medians(
    cmds: dict[str, Cmd], reps: int, env: dict[str, str], tty: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Median wall seconds of each command, run in rotation *reps* times (those in *tty* on a
    pseudo-terminal, with colour)."""
    colour = {k: v for k, v in env.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(reps):
        for name, cmd in cmds.items():
            times[name].append(run_tty(cmd, colour) if name in tty else run(cmd, env))
    return {k: statistics.median(v) for k, v in times.items()}


def print_table(rows: list[Row], baselines: dict[str, str], notes: list[str]) -> None:
    print(f"\n{'measurement':<66} {'median':>11} {'ratio':>7}  target")
    for r in rows:
        value = f"{r.value:,.2f} s" if r.unit == "s" else f"{r.value:,.1f} {r.unit}"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        verdict = "" if r.ok is None else ("PASS" if r.ok else "FAIL")
        print(f"{r.name:<66} {value:>11} {ratio:>7}  {r.target} {verdict}".rstrip())
    print("\nbaselines:")
    for name, cmd in baselines.items():
        print(f"  {name}: {cmd}")
    for note in notes:
        print(note)
    failed = [r.name for r in rows if r.ok is False]
    print("all targets met" if not failed else "missed: " + "; ".join(failed))
