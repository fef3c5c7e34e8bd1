"""The `ofsted` command: parse options, make one core call, render, pick the exit code."""

# No `from __future__ import annotations` here: Typer would eval every annotation string on
# each run (get_type_hints), which costs start-up time.

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

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


def command(name: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command whose expected errors become one line on stderr and an exit code."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> None:
            try:
                fn(*args, **kwargs)
            except OfstedError as e:
                sys.stderr.write(f"ofsted: {e}\n")
                raise typer.Exit(e.exit_code) from None

        app.command(name)(run)
        return fn

    return register


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
            help="Data folder to use [default: $OFSTED_DATA, else the data shipped with "
            "ofsted-cli]",
            show_default=False,
        ),
    ] = None,
) -> None:
    ctx.obj = data


def _data_dir(ctx: typer.Context) -> Path:
    from ofsted_cli.dataset import datadir

    return datadir.resolve(ctx.obj)


@command()
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
    from ofsted_cli.dataset import pipeline
    from ofsted_cli.output import validation

    result = pipeline.validate_paths(paths or [_data_dir(ctx)]).result
    validation.render(result, fmt.value, sys.stdout, sys.stderr)
    raise typer.Exit(0 if result.ok else 1)


@command()
def fmt(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="YAML files or folders [default: the data folder].", show_default=False
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Change nothing: print a diff of what would change; exit 1 if any."
        ),
    ] = False,
) -> None:
    """Rewrite data files in the one canonical form (the form `ofsted import` writes).

    Keys in the documented order, dates and codes quoted, names one per line. A file with
    problems, or with a comment below the comment block at its top, is left alone and
    reported (exit 1); otherwise every file is written or none.

    Example: ofsted fmt --check data/
    """
    from ofsted_cli.dataset import formatter

    result = formatter.format_paths(paths or [_data_dir(ctx)], write=not check)
    for f in result.files:
        if check:
            sys.stdout.write(f.diff)
        sys.stderr.writelines(f"{line}\n" for line in f.problems)
    changed, n = len(result.changed), len(result.files)
    if result.refused:
        refused = len(result.refused)
        sys.stderr.write(f"{refused} of {n} file(s) cannot be formatted; nothing was written\n")
    elif check:
        sys.stderr.write(f"{changed} of {n} file(s) would be reformatted\n")
    else:
        sys.stderr.write(f"reformatted {changed} of {n} file(s)\n")
    raise typer.Exit(1 if result.refused or (check and changed) else 0)


@command("import")
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
    from ofsted_cli.official import importer
    from ofsted_cli.output import imports

    report = importer.run(
        files,
        _data_dir(ctx),
        lookup,
        write=not dry_run,
        progress=lambda msg: print(msg, file=sys.stderr),
    )
    imports.render(report, json_out, dry_run, sys.stdout)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (shape: docs/json.md).")]


def _store(ctx: typer.Context) -> Any:
    from ofsted_cli.store import cache

    conn = cache.open_store(_data_dir(ctx))
    ctx.call_on_close(conn.close)
    return conn


def _out(lines_or_payload: Any, as_json: bool) -> None:
    from ofsted_cli.output import text

    if as_json:
        text.dump_json(lines_or_payload, sys.stdout)
    else:
        text.emit(lines_or_payload)


@command()
def show(
    ctx: typer.Context,
    council: Annotated[str, typer.Argument(help="Id, name, ONS code or DfE LA number.")],
    since: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Leave out inspections before this year.", show_default=False),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Show one council's whole inspection history, judgements and quoted responses.

    Example: ofsted show wirral --since 2016
    """
    from ofsted_cli.output import show as render
    from ofsted_cli.query import councils
    from ofsted_cli.query import show as query

    conn = _store(ctx)
    data = query.show(conn, councils.resolve_council(conn, council), since)
    _out(data if json_out else render.show(data), json_out)


@command()
def compare(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            help="Ratings on 1 January and 31 December, and what changed between.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--as-of", help="Ratings in force on one day (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    region: Annotated[Optional[str], typer.Option(help="Only this Ofsted region.")] = None,  # noqa: UP045
    group: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only this group (e.g. merseyside, liverpool-city-region)."),
    ] = None,
    council: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--council", help="Only these councils (repeatable)."),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Compare councils side by side: the overall rating in force, and what changed.

    "In force" on a day is the latest whole-service inspection (SIF or ILACS) published on or
    before it. Former councils take part until they were abolished.

    Example: ofsted compare --year 2019 --group merseyside
    """
    from ofsted_cli import options
    from ofsted_cli.output import lists
    from ofsted_cli.query.compare import compare as query

    period = options.period(year, as_of)
    conn = _store(ctx)
    data = query(conn, year=period.year, day=period.day, region=region, group=group, names=council)
    parts = (
        f"region {region}" if region else "",
        f"group {group}" if group else "",
        "chosen councils" if council else "",
    )
    scope = " ".join(p for p in parts if p) or "all councils"
    _out(data if json_out else lists.compare(data, scope), json_out)


@command()
def statements(
    ctx: typer.Context,
    council: Annotated[Optional[str], typer.Option(help="Only this council.")] = None,  # noqa: UP045
    speaker: Annotated[
        Optional[str], typer.Option(help="Words in the speaker's name or role.")  # noqa: UP045
    ] = None,
    search: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Words that must all appear in the statement (any case)."),
    ] = None,
    since: Annotated[Optional[str], typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,  # noqa: UP045
    until: Annotated[Optional[str], typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,  # noqa: UP045
    inspection: Annotated[
        Optional[str], typer.Option(help="Only responses to this inspection id.")  # noqa: UP045
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """List quoted responses: who, role, date, the words and the source.

    Example: ofsted statements --council liverpool --search "letting down"
    """
    from ofsted_cli import options
    from ofsted_cli.output import lists
    from ofsted_cli.query import statements as query

    first = options.bound(since, "--since", first=True)
    last = options.bound(until, "--until", first=False)
    conn = _store(ctx)
    rows = query.statements(
        conn,
        council=council,
        speaker=speaker,
        search=search,
        inspection=inspection,
        since=first,
        until=last,
    )
    _out(rows if json_out else lists.statements(rows), json_out)


@command()
def councils(
    ctx: typer.Context,
    region: Annotated[Optional[str], typer.Option(help="Only this Ofsted region.")] = None,  # noqa: UP045
    group: Annotated[Optional[str], typer.Option(help="Only this group.")] = None,  # noqa: UP045
    former: Annotated[bool, typer.Option("--former", help="Include former councils.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """List councils with their codes, region and the rating in force today.

    Example: ofsted councils --region "North West"
    """
    from ofsted_cli.output import lists
    from ofsted_cli.query import councils as query

    conn = _store(ctx)
    ids = query.select_councils(conn, region=region, group=group, former=None if former else False)
    rows = query.councils(conn, ids)
    _out(rows if json_out else lists.councils(rows), json_out)


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    sqlite = "sqlite"


@command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, json or sqlite.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="A folder (csv) or a file (json, sqlite).")
    ],
) -> None:
    """Export the validated dataset: CSV files, one JSON file, or a SQLite database.

    CSV gives one row per inspection with a column per judgement area; JSON and SQLite hold
    every record and field.

    Example: ofsted export --format csv --out ofsted-data/
    """
    from ofsted_cli.output import export as exporting

    for path in exporting.export(_store(ctx), fmt.value, out):
        sys.stderr.write(f"wrote {path}\n")


class SchemaKind(StrEnum):
    councils = "councils"
    statements = "statements"
    sources = "sources"
    groups = "groups"
    figures = "figures"


@command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which data file's schema.")],
) -> None:
    """Print the JSON Schema of one data file kind (for editors and other validators).

    Example: ofsted schema statements > statements.schema.json
    """
    from ofsted_cli.dataset import models
    from ofsted_cli.output import text

    text.dump_json(models.json_schema(kind.value), sys.stdout)


def main() -> None:
    """Console entry point: expected errors become one line on stderr, never a traceback."""
    try:
        app()
    except OfstedError as e:
        sys.stderr.write(f"ofsted: {e}\n")
        sys.exit(e.exit_code)
