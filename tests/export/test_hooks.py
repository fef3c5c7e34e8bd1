"""pre-commit: our hook runs `ofsted validate` on another repository's data, offline."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import DATA, ROOT

BIN = Path(sys.executable).parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_hooks_take_the_whole_data_set() -> None:
    """Every hook validates a folder (cross-file checks need every file), never the changed
    files one by one; the manifest is valid for pre-commit."""
    assert {h["id"] for h in HOOKS} == {"ofsted-validate", "ofsted-validate-system"}
    for hook in HOOKS:
        assert hook["pass_filenames"] is False and hook["entry"] == "ofsted validate"
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_try_repo_runs_the_hook(tmp_path: Path) -> None:
    """`pre-commit try-repo` runs the hook on a scratch repository holding the data: it passes,
    then fails on a reference to a source that no file has (a cross-file check)."""
    repo = tmp_path / "curators"
    shutil.copytree(DATA, repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "data")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    env.pop("OFSTED_DATA", None)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                str(BIN / "pre-commit"),
                "try-repo",
                str(ROOT),
                "ofsted-validate-system",
                "--all-files",
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    groups = repo / "data" / "groups.yaml"
    text = groups.read_text(encoding="utf-8")
    groups.write_text(text.replace("sources: [seed-000]", "sources: [seed-999]", 1), "utf-8")
    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "unknown source 'seed-999'" in failed.stdout


def test_ruff_hook_matches_make_lint() -> None:
    """The ruff that pre-commit runs is the ruff that `make lint` installs."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pinned = re.findall(r'"ruff==([0-9.]+)"', pyproject)
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (ruff,) = [r for r in config["repos"] if r["repo"].endswith("/ruff-pre-commit")]
    assert pinned == [ruff["rev"].removeprefix("v")]


def test_one_file_alone_says_what_was_not_checked() -> None:
    """Validating one file alone passes, but says on stderr which references went unchecked
    (a hook given only the changed files would otherwise pass silently)."""
    from typer.testing import CliRunner

    from ofsted_cli.cli import app

    r = CliRunner().invoke(app, ["validate", str(DATA / "statements.yaml")], catch_exceptions=False)
    assert r.exit_code == 0 and r.stdout == ""
    note = r.stderr.splitlines()[1]
    assert note.startswith("note: cross-file checks skipped: references to councils and ")
    assert "(inspections.yaml)" in note and "(sources.yaml)" in note
    whole = CliRunner().invoke(app, ["validate", str(DATA)], catch_exceptions=False)
    assert "note:" not in whole.stderr
