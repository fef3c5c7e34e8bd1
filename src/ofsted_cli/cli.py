"""The `ofsted` command: parse options, make one core call, render, pick the exit code."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ofsted_cli.errors import OfstedError

app = typer.Typer(
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    help="The validated record of Ofsted judgements on English councils' children's services.",
)


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.callback()
def _main(
    ctx: typer.Context,
    data: Annotated[
        Optional[Path],  # noqa: UP045 - Typer needs Optional here on 3.11
        typer.Option(
            "--data",
            envvar="OFSTED_DATA",
            help="Data folder to use [default: the data shipped with ofsted-cli]",
            show_default=False,
        ),
    ] = None,
) -> None:
    ctx.obj = data


def _data_dir(ctx: typer.Context) -> Path:
    from ofsted_cli import datadir

    return datadir.resolve(ctx.obj)


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="YAML files or folders [default: the data folder].", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json or github.")
    ] = ValidateFormat.text,
) -> None:
    """Check data files against the schemas and each other; report every problem.

    Each problem is one line, file:line:col: path: message (code). Exit 0 when clean, 1 when
    problems were found.

    Example: ofsted validate data/ --format github
    """
    from ofsted_cli import checks, report

    targets = paths or [_data_dir(ctx)]
    result = checks.check_paths(targets)
    report.render(result, fmt.value, sys.stdout, sys.stderr)
    raise typer.Exit(0 if result.ok else 1)


@app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Ofsted ODS/XLSX releases to import.")],
    lookup: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="Council lookup CSV [default: Provider_data_lookup.csv beside the "
            "first file, if there]",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report, write nothing.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Merge Ofsted's official statistics files into the data folder.

    Knows the 2023 "Children's social care data in England" underlying data and the 2024 and
    2025 "Local authority inspection outcomes" releases. Idempotent; never overwrites a value
    the data already has, and reports every disagreement instead.

    Example: ofsted import ../shared/reference/*.ods
    """
    from ofsted_cli import importer, render_import

    report = importer.run(
        files,
        _data_dir(ctx),
        lookup,
        write=not dry_run,
        progress=lambda msg: print(msg, file=sys.stderr),
    )
    render_import.render(report, json_out, dry_run, sys.stdout)


def main() -> None:
    """Console entry point: expected errors become one line on stderr, never a traceback."""
    try:
        app()
    except OfstedError as e:
        sys.stderr.write(f"ofsted: {e}\n")
        sys.exit(e.exit_code)
