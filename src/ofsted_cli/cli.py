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
                try:
                    fn(*args, **kwargs)
                except Exception as e:
                    if not _damaged_store(e, kwargs.get("ctx")):
                        raise
                    fn(*args, **kwargs)  # once more, from a store built afresh
            except OfstedError as e:
                sys.stderr.write(f"ofsted: {e}\n")
                raise typer.Exit(e.exit_code) from None

        app.command(name)(run)
        return fn

    return register


def _damaged_store(error: Exception, ctx: Any) -> bool:
    """Whether *error* is the store failing under a query (a damaged page that no check had
    read); if so, the store is dropped so that the next try builds it afresh (issue 13)."""
    import sqlite3

    if not isinstance(error, sqlite3.DatabaseError) or not hasattr(ctx, "obj"):
        return False
    from ofsted_cli.store import cache

    cache.forget(_data_dir(ctx))
    return True


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        from ofsted_cli import __version__

        print(f"ofsted-cli {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
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


DataPaths = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Argument(help="YAML files or folders [default: the data folder].", show_default=False),
]


@command()
def validate(
    ctx: typer.Context,
    paths: DataPaths = None,
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
    paths: DataPaths = None,
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
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Ofsted's ODS/XLSX releases, and the report scrape's CSV "
            "(ofsted_csc_ilacs_history.csv), to import."
        ),
    ],
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
    the data already has, and reports every disagreement instead. The third-party scrape of
    ILACS report PDFs (JT-39's ofsted_csc_ilacs_history.csv) only adds report links and, for
    reports after the official cut-off, provisional records.

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


JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (its shape: `ofsted docs json`).")
]


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
    council: Annotated[
        str, typer.Argument(help="Id, any name (e.g. 'London Borough of Hackney'), or a code.")
    ],
    since: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Leave out inspections before this year.", show_default=False),
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Every judgement, note, quote and source.")
    ] = False,
    quotes: Annotated[
        bool, typer.Option("--statements", help="Add the quoted responses to the summary.")
    ] = False,
    lineage: Annotated[
        bool,
        typer.Option("--lineage", help="Add the inspections of the councils it succeeded."),
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Show one council: its rating in force and every inspection, visit and response.

    By default a summary that fits a screen; --full gives the whole record.

    Example: ofsted show wirral --statements
    """
    from ofsted_cli.output import show as render
    from ofsted_cli.output import text
    from ofsted_cli.query import councils
    from ofsted_cli.query import show as query

    conn = _store(ctx)
    data = query.show(conn, councils.resolve_council(conn, council), since, lineage=lineage)
    if json_out:
        text.dump_json(data, sys.stdout)
    elif full:
        text.emit(render.full(data))
    else:
        text.emit(render.summary(data, text.width(), statements=quotes))


Regions = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--region", help="Only these Ofsted regions (repeatable: any of them)."),
]
Groups = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--group", help="Only these groups, e.g. merseyside (repeatable: any of them)."),
]
Councils = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--council", help="Only these councils (repeatable: any of them)."),
]
AsOf = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help="Ratings in force on this day (YYYY-MM-DD): the latest report published by then.",
        show_default=False,
    ),
]
Snapshot = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--snapshot",
        help="Ofsted's 'as at 31 March YEAR' rule: inspections carried out by 31 March whose "
        "report was published by the release's cut-off (30 June; 30 April in 2023).",
        show_default=False,
    ),
]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print the table as CSV.")]


def _scope(regions: Any, groups: Any, councils: Any, *, former: bool = True) -> Any:
    from ofsted_cli.query.scope import Scope

    return Scope(tuple(regions or ()), tuple(groups or ()), tuple(councils or ()), former)


def _formats(json_out: bool, csv_out: bool) -> None:
    from ofsted_cli.errors import UsageError

    if json_out and csv_out:
        raise UsageError("give one of --json and --csv")


@command()
def compare(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            help="Ratings on 1 January and 31 December, and the graded reports published between.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOf = None,
    snapshot: Snapshot = None,
    region: Regions = None,
    group: Groups = None,
    council: Councils = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Compare councils side by side: the overall rating in force, and what changed.

    Give one of --year, --as-of or --snapshot. With --year and --as-of, "in force" on a day is
    the latest whole-service inspection (SIF or ILACS) published on or before it. With
    --snapshot YEAR, Ofsted's own rule of its "as at 31 March" statistics: inspections carried
    out by 31 March whose report was published by the release's cut-off. Councils take part
    only while they existed.

    Example: ofsted compare --year 2019 --group merseyside
    """
    from ofsted_cli import options
    from ofsted_cli.output import compare as render
    from ofsted_cli.output import text
    from ofsted_cli.query.compare import compare as query

    _formats(json_out, csv_out)
    period = options.period(year, as_of, snapshot)
    scope = _scope(region, group, council)
    conn = _store(ctx)
    data = query(conn, scope, year=period.year, day=period.day, snapshot=period.snapshot)
    _answer(
        conn,
        data,
        json_out,
        csv_out,
        "compare",
        lambda cover: render.compare(data, scope.describe(), cover, text.width()),
    )


Since = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).", show_default=False),
]
Until = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).", show_default=False),
]
GradeList = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--grade",
        help="Only this overall grade (repeatable): outstanding, good, requires_improvement "
        "(RI), inadequate, no_overall_grade.",
    ),
]


def _answer(
    conn: Any,
    data: dict[str, Any],
    json_out: bool,
    csv_out: bool,
    table: str,
    lines: Callable[[dict[str, Any]], Any],
) -> None:
    """Write *data*, with what the record covers: as JSON (its `coverage` added), as CSV (the
    csvout function named *table*) or as text (*lines*, given the coverage)."""
    from ofsted_cli.output import text
    from ofsted_cli.query.coverage import coverage

    cover = coverage(conn)
    if json_out:
        text.dump_json({**data, "coverage": cover}, sys.stdout)
    elif csv_out:
        from ofsted_cli.output import csvout

        csvout.write(getattr(csvout, table)(data), sys.stdout)
    else:
        text.emit(lines(cover))


@command()
def reports(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Published in this calendar year.", show_default=False),
    ] = None,
    since: Since = None,
    until: Until = None,
    framework: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--framework",
            help="Only this framework (repeatable): an id such as ilacs_short, or sif, ilacs, "
            "slac for all of that family.",
        ),
    ] = None,
    grade: GradeList = None,
    region: Regions = None,
    group: Groups = None,
    council: Councils = None,
    visits: Annotated[
        bool, typer.Option("--visits", help="Include ungraded visits (focused, monitoring).")
    ] = False,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """List inspection reports across councils, with a tally by overall grade.

    One row per report: council, framework, days on site, publication, overall grade (or no
    overall grade), provisional mark.

    Example: ofsted reports --year 2019 --grade inadequate
    """
    from ofsted_cli import options
    from ofsted_cli.output import across, text
    from ofsted_cli.query.reports import reports as query

    _formats(json_out, csv_out)
    first, last = options.span(year, since, until)
    wanted = options.grades(grade, "--grade", extra=("no_overall_grade",))
    kinds = options.frameworks(framework)
    conn = _store(ctx)
    data = query(
        conn,
        _scope(region, group, council),
        since=first,
        until=last,
        frameworks=kinds,
        grades=wanted,
        visits=visits,
    )
    _answer(
        conn, data, json_out, csv_out, "reports", lambda c: across.reports(data, c, text.width())
    )


@command()
def trend(
    ctx: typer.Context,
    from_: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--from", help="First year [default: the first with a rating].", show_default=False
        ),
    ] = None,
    to: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--to", help="Last year [default: this year].", show_default=False),
    ] = None,
    region: Regions = None,
    group: Groups = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Show, for each year, how many councils stood at each grade on 31 March.

    Ofsted's rule for its 31 March statistics (the same as `compare --snapshot`): inspections
    carried out by 31 March whose report was published by the release's cut-off. Councils
    count only in years when they existed.

    Example: ofsted trend --from 2018 --region "North West"
    """
    from ofsted_cli import options
    from ofsted_cli.errors import UsageError
    from ofsted_cli.output import across, text
    from ofsted_cli.query import trend as query

    _formats(json_out, csv_out)
    now = options.today()
    last = options.year(to, "--to") if to is not None else int(now[:4])
    conn = _store(ctx)
    begins = query.first_year(conn)
    if begins is None:
        raise UsageError("the data holds no whole-service rating, so there is no trend")
    first = options.year(from_, "--from") if from_ is not None else begins
    if first < begins:
        raise UsageError(
            f"--from {first}: the first whole-service ratings in force on 31 March are of "
            f"{begins} (the single inspection framework began in November 2013)"
        )
    if first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    data = query.trend(conn, _scope(region, group, None), first, last, now)
    _answer(conn, data, json_out, csv_out, "trend", lambda c: across.trend(data, c, text.width()))


@command()
def transitions(
    ctx: typer.Context,
    from_: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--from", help="Only from this overall grade (repeatable)."),
    ] = None,
    to: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--to", help="Only to this overall grade (repeatable)."),
    ] = None,
    since: Since = None,
    until: Until = None,
    region: Regions = None,
    group: Groups = None,
    council: Councils = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Pair each council's consecutive whole-service inspections: from-grade, to-grade.

    The dates filter the later inspection's publication. The output ends with the from-to
    matrix.

    Example: ofsted transitions --from inadequate --to good --to outstanding
    """
    from ofsted_cli import options
    from ofsted_cli.output import across, text
    from ofsted_cli.query.transitions import transitions as query

    _formats(json_out, csv_out)
    first, last = options.span(None, since, until)
    extra = ("no_overall_grade",)
    conn = _store(ctx)
    data = query(
        conn,
        _scope(region, group, council),
        from_grades=options.grades(from_, "--from", extra=extra),
        to_grades=options.grades(to, "--to", extra=extra),
        since=first,
        until=last,
    )
    _answer(
        conn,
        data,
        json_out,
        csv_out,
        "transitions",
        lambda c: across.transitions(data, c, text.width()),
    )


def _save_chart(
    out: Path, force: bool, svg: Callable[..., str], png: Callable[..., Path], **look: Any
) -> None:
    """Write a chart to *out*: SVG text for a .svg name, else a PNG file; *look* (title and
    size) goes to the drawing function."""
    if out.suffix.lower() == ".svg":
        text = svg(**look)
        _write_file(out, lambda p: p.write_text(text, encoding="utf-8"), force)
    else:
        _write_file(out, lambda p: png(p, **look), force)


def _write_file(out: Path, write: Callable[[Path], object], force: bool) -> None:
    """Check *out*, let *write* fill a temporary beside it, rename it into place."""
    from ofsted_cli import target

    target.check(out, folder=False, force=force, ours=frozenset())
    with target.staged([out], folder=False) as (tmp,):
        write(tmp)


Out = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--out", "-o", help="Write to this file (.svg or .png).", show_default=False),
]
Force = Annotated[bool, typer.Option("--force", help="Replace what --out names.")]


@command()
def chart(
    ctx: typer.Context,
    council: Councils = None,
    group: Groups = None,
    region: Regions = None,
    trend_: Annotated[
        bool, typer.Option("--trend", help="The share of councils at each grade on 31 March.")
    ] = False,
    out: Out = None,
    width: Annotated[int, typer.Option(help="Width in pixels (150 per inch).")] = 1650,
    height: Annotated[
        int, typer.Option(help="Height in pixels [default: fit the lanes].", show_default=False)
    ] = 0,
    title: Annotated[Optional[str], typer.Option(help="A title.")] = None,  # noqa: UP045
    force: Force = False,
) -> None:
    """Draw rating timelines (one lane per council) or the national trend.

    With --out FILE.svg or FILE.png, a chart (needs `pip install 'ofsted-cli[charts]'`);
    without, a text timeline, one line per council, that reads without colour.

    Example: ofsted chart --group merseyside --out merseyside.svg
    """
    from ofsted_cli import options
    from ofsted_cli.errors import UsageError
    from ofsted_cli.output import chartkit
    from ofsted_cli.query.scope import choose

    if out is not None and out.suffix.lower() not in (".svg", ".png"):
        raise UsageError(f"--out {out}: give a file ending .svg or .png")
    if trend_ and council:
        raise UsageError("--trend is for all councils, a --region or a --group, not --council")
    scope = _scope(region, group, council)
    conn = _store(ctx)
    now = options.today()
    if trend_:
        from ofsted_cli.query import trend as query

        first = query.first_year(conn) or options.FIRST_YEAR
        data = query.trend(conn, scope, first, int(now[:4]), now)
        years = chartkit.trend_from(data)
        where = "England" if scope.describe() == "all councils" else scope.describe()
        late = [str(y["year"]) for y in data["years"] if y["provisional"] or not y["complete"]]
        name = title or (
            f"Overall ratings of councils' children's services, {where}"
            + (f" ({', '.join(late)}: provisional)" if late else "")
        )
        if out is None:
            from ofsted_cli.output import across, text
            from ofsted_cli.query.coverage import coverage

            text.emit(across.trend(data, coverage(conn), text.width()))
            return
        from ofsted_cli.output import charts

        draw = (
            functools.partial(charts.trend_svg, years),
            functools.partial(charts.trend_png, years),
        )
        _save_chart(out, force, *draw, title=name, width_px=width, height_px=height)
    else:
        from ofsted_cli.query.timeline import lanes

        if not (council or group or region):
            raise UsageError("choose councils: --council, --group or --region (or --trend)")
        chosen = choose(conn, scope)
        lanes_ = chartkit.lanes_from(lanes(conn, chosen, now))
        name = title or f"Overall rating in force: {scope.describe()}"
        if out is None:
            from ofsted_cli.output import terminal, text

            cols = text.width() or 100
            print(
                "\n".join(
                    text.clean(line) for line in terminal.text_timeline(lanes_, width=max(cols, 60))
                )
            )
            return
        from ofsted_cli.output import charts

        draw = (
            functools.partial(charts.timeline_svg, lanes_),
            functools.partial(charts.timeline_png, lanes_),
        )
        _save_chart(out, force, *draw, title=name, width_px=width, height_px=height)
    sys.stderr.write(f"wrote {out}\n")


@command()
def report(
    ctx: typer.Context,
    council: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Councils (ids or names).", show_default=False),
    ] = None,
    group: Groups = None,
    region: Regions = None,
    all_: Annotated[bool, typer.Option("--all", help="Every current council.")] = False,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The folder to write the site into.")
    ] = Path("site"),
    force: Force = False,
) -> None:
    """Write a static HTML site: a page per council and an index with the national trend.

    Each page has the council's timeline chart, judgement table, statements with their
    speakers and sources, and links to the reports. It works opened from disk: no network.
    The charts need `pip install 'ofsted-cli[charts]'`.

    Example: ofsted report wirral --out site/
    """
    from ofsted_cli import options, target
    from ofsted_cli.errors import UsageError
    from ofsted_cli.output import chartkit, charts, site
    from ofsted_cli.query import councils as names
    from ofsted_cli.query import rated, trend
    from ofsted_cli.query import show as query
    from ofsted_cli.query.coverage import coverage
    from ofsted_cli.query.scope import Scope, choose
    from ofsted_cli.query.timeline import lanes

    if not (council or group or region or all_):
        raise UsageError("choose councils: name them, or --group, --region or --all")
    conn = _store(ctx)
    now = options.today()
    if council:
        ids = [names.resolve_council(conn, c) for c in council]
        chosen = [life for life in choose(conn, Scope(former=True)) if life.id in ids]
    else:
        chosen = choose(conn, _scope(region, group, None, former=False))
    cover = coverage(conn)
    everyone = Scope(former=False)
    table = rated.councils(conn, everyone, now)
    rows = [
        {**r, "provisional": bool(r["in_force"] and r["in_force"].get("provisional"))}
        for r in table["councils"]
    ]
    years = chartkit.trend_from(
        trend.trend(conn, everyone, trend.first_year(conn) or 2014, int(now[:4]), now)
    )
    index = site.IndexPage(
        charts.trend_svg(
            years, title="Overall ratings of councils' children's services, England", width_px=1200
        ),
        rows,
        cover,
        "ofsted-cli: Ofsted's official statistics and the sources cited on each page",
    )
    pages = []
    for life, lane in zip(chosen, chartkit.lanes_from(lanes(conn, chosen, now)), strict=True):
        data = query.show(conn, life.id)
        svg = charts.timeline_svg(
            [lane], title=f"{life.name}: overall rating in force", width_px=1200
        )
        pages.append(site.CouncilPage(life.id, life.name, svg, data, cover))
    target.check(out, folder=True, force=force, ours=lambda name: name.endswith(".html"))
    with target.staged([out], folder=True) as (tmp,):
        written = site.write_site(tmp, index=index, councils=pages)
    sys.stderr.write(f"wrote {len(written)} pages to {out}\n")


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
    from ofsted_cli.output import statements as lists
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
    region: Regions = None,
    group: Groups = None,
    former: Annotated[
        bool, typer.Option("--former", help="Include councils that no longer exist.")
    ] = False,
    grade: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--grade",
            help="Only councils whose rating in force is this grade (repeatable: any of them): "
            "outstanding, good, requires_improvement (ri), inadequate, no_overall_grade, "
            "none_in_force.",
        ),
    ] = None,
    as_of: AsOf = None,
    snapshot: Snapshot = None,
    ever: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ever", help="Only councils ever given this overall grade (SIF or ILACS)."),
    ] = None,
    never: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--never", help="Only councils never given this overall grade (SIF or ILACS)."
        ),
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """List councils with their codes, region and the rating in force (today by default).

    Example: ofsted councils --grade inadequate --snapshot 2025
    """
    from ofsted_cli import options
    from ofsted_cli.output import councils as render
    from ofsted_cli.output import text
    from ofsted_cli.query import rated
    from ofsted_cli.query.snapshot import rule

    _formats(json_out, csv_out)
    period = options.period(None, as_of, snapshot, need=False)
    wanted = options.grades(grade, "--grade", extra=("no_overall_grade", "none_in_force"))
    ever_ = options.grades(ever, "--ever")
    never_ = options.grades(never, "--never")
    conn = _store(ctx)
    the_rule = rule(conn, period.snapshot) if period.snapshot else None
    day = the_rule.as_at if the_rule else period.day or options.today()
    data = rated.councils(
        conn,
        _scope(region, group, None, former=former),
        day,
        snapshot=the_rule,
        grades=wanted,
        ever=ever_,
        never=never_,
    )
    _answer(
        conn, data, json_out, csv_out, "councils", lambda c: render.councils(data, c, text.width())
    )


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    sqlite = "sqlite"
    datapackage = "datapackage"
    xlsx = "xlsx"


@command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv, json, sqlite, datapackage or xlsx."),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="A folder (csv, datapackage) or a file (json, sqlite, xlsx); - for standard "
            "output (json; csv with --table).",
        ),
    ],
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing file, or folder of an earlier export."),
    ] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="csv: begin each file with a UTF-8 byte-order mark.")
    ] = False,
    table: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="csv to standard output: the one table to write.", show_default=False),
    ] = None,
) -> None:
    """Export the validated data: SQLite, CSV, a data package, XLSX or JSON.

    sqlite, csv, datapackage and xlsx hold the same tidy tables (docs/exports.md): councils,
    inspections, judgements (one row per inspection and area), statements, sources, groups,
    figures, the links between records and sources, and latest_ratings. sqlite writes a
    Datasette metadata.json beside the database. json holds every record, nested.

    Example: ofsted export --format sqlite --out ofsted.sqlite
    """
    from ofsted_cli.export import run

    written = run.export(
        _data_dir(ctx), fmt.value, out, force=force, excel=excel, table=table, stdout=sys.stdout
    )
    for path in written:
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


class DocsTopic(StrEnum):
    json = "json"
    problem_codes = "problem-codes"
    data_format = "data-format"
    exports = "exports"


@command()
def docs(
    topic: Annotated[
        DocsTopic, typer.Argument(help="json, problem-codes, data-format or exports.")
    ],
) -> None:
    """Print a page of the documentation shipped with ofsted-cli.

    json: the --json shapes; problem-codes: what `validate` reports; data-format: the YAML;
    exports: every table and column of `ofsted export`.

    Example: ofsted docs json
    """
    from pathlib import Path as _Path

    page = _Path(__file__).parent / "docs" / f"{topic.value}.md"
    sys.stdout.write(page.read_text(encoding="utf-8"))


def main() -> None:
    """Console entry point: expected errors, ours and the option parser's, become one line on
    stderr in one style, never a traceback."""
    from typer._click import exceptions as click_errors

    try:
        code = app(standalone_mode=False)
    except OfstedError as e:
        sys.stderr.write(f"ofsted: {e}\n")
        sys.exit(e.exit_code)
    except click_errors.NoArgsIsHelpError as e:
        sys.stderr.write(e.format_message() + "\n")
        sys.exit(2)
    except click_errors.UsageError as e:
        where = (
            f"ofsted {e.ctx.command_path.split(' ', 1)[1]}"
            if e.ctx and " " in e.ctx.command_path
            else "ofsted"
        )
        sys.stderr.write(f"ofsted: {e.format_message()} (see `{where} --help`)\n")
        sys.exit(2)
    except click_errors.ClickException as e:
        sys.stderr.write(f"ofsted: {e.format_message()}\n")
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
