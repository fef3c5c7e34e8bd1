"""Write the static HTML report: an index with the national trend, and one page per council.

Pages stand alone: CSS and charts are inline, nothing is fetched, so a page works opened from
disk and can be published anywhere. Templates autoescape every value; the only markup passed
through is the charts' SVG, which `charts` writes. jinja2 is imported only when pages are
written, so importing this module costs the CLI's start-up nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ofsted_cli.errors import OfstedError
from ofsted_cli.output import pages
from ofsted_cli.output.chartkit import STYLES

if TYPE_CHECKING:  # jinja2 is imported lazily; the name is for annotations only.
    import jinja2

_PAGE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ACTIVE = re.compile(r"<script|<foreignObject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


class SiteError(OfstedError, ValueError):
    """Pages that can't be written: a council id that isn't a safe file name, or a bad chart."""


@dataclass(frozen=True)
class CouncilPage:
    """One council's page: `show` is exactly what `ofsted show COUNCIL --json` prints."""

    council_id: str
    name: str
    timeline_svg: str
    """From `charts.timeline_svg`; empty for a page without a chart."""
    show: Mapping[str, Any]
    coverage: Mapping[str, Any] = field(default_factory=dict)
    """What the record covers: `text`, `official_release`, `official_cutoff`,
    `newest_provisional` (any may be absent)."""


@dataclass(frozen=True)
class IndexPage:
    """The front page: `councils` are rows of `ofsted councils --json` plus `provisional`."""

    trend_svg: str
    councils: Sequence[Mapping[str, Any]]
    coverage: Mapping[str, Any] = field(default_factory=dict)
    generated_from: str = ""


def write_site(out_dir: Path, *, index: IndexPage, councils: Sequence[CouncilPage]) -> list[Path]:
    """Write `index.html` and `<council_id>.html` for each council into *out_dir*.

    Return the paths written, index first. Raise `SiteError` before writing anything if a
    council id is not a plain slug (it names a file) or appears twice.
    """
    seen: set[str] = set()
    for page in councils:
        if not _PAGE_ID.fullmatch(page.council_id) or page.council_id == "index":
            raise SiteError(f"council id {page.council_id!r} can't name a page")
        if page.council_id in seen:
            raise SiteError(f"council id {page.council_id!r} appears twice")
        seen.add(page.council_id)
    names = {str(c.get("id")): str(c.get("name") or c.get("id")) for c in index.councils}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [_write(out_dir / "index.html", render_index(index, linked=seen))]
    written += [
        _write(out_dir / f"{p.council_id}.html", render_council(p, linked=seen, names=names))
        for p in councils
    ]
    return written


def render_council(
    page: CouncilPage, *, linked: set[str] | None = None, names: Mapping[str, str] | None = None
) -> str:
    """Return one council's page as HTML text.

    Successor councils are named from *names* (id -> name) and linked when in *linked*.
    """
    linked, names = linked or set(), names or {}
    show = page.show
    sources: Mapping[str, Any] = show.get("sources") or {}
    council: Mapping[str, Any] = show.get("council") or {}
    rating, rests_on = pages.in_force(show.get("in_force"))
    return _template("council.html").render(
        title=page.name,
        page=page,
        facts=pages.facts(council),
        successors=[
            (names.get(s, s), f"{s}.html" if s in linked else None)
            for s in pages.successors(council)
        ],
        notes=council.get("notes") or "",
        as_of=pages.when((show.get("in_force") or {}).get("as_of")),
        rating=rating,
        rests_on=rests_on,
        chart=_inline_svg(page.timeline_svg),
        inspections=[pages.inspection(i, sources) for i in show.get("inspections") or ()],
        others=[pages.statement(s, sources) for s in show.get("other_statements") or ()],
        figures=pages.figures(show.get("figures") or (), sources),
        sources=pages.all_sources(sources),
        coverage=_coverage(page.coverage),
    )


def render_index(page: IndexPage, *, linked: set[str] | None = None) -> str:
    """Return the front page as HTML text; councils in *linked* link to their pages."""
    rows = pages.index_rows(page.councils, linked or set())
    return _template("index.html").render(
        title="Ofsted judgements on English councils' children's services",
        chart=_inline_svg(page.trend_svg),
        rows=rows,
        provisional_count=sum(r["provisional"] for r in rows),
        coverage=_coverage(page.coverage),
        generated_from=page.generated_from,
    )


def _coverage(coverage: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "text": str(coverage.get("text") or ""),
        "official_release": str(coverage.get("official_release") or ""),
        "official_cutoff": pages.when(coverage.get("official_cutoff")),
        "newest_provisional": pages.when(coverage.get("newest_provisional")),
        "has_cutoff": bool(coverage.get("official_cutoff")),
        "has_provisional": bool(coverage.get("newest_provisional")),
    }


def _inline_svg(svg: str) -> object:
    """Return *svg* ready to inline in HTML: no XML declaration or DOCTYPE, marked safe."""
    if not svg.strip():
        return None
    start = svg.find("<svg")
    if start < 0 or "</svg>" not in svg:
        raise SiteError("a chart is not SVG (no <svg> element)")
    # The SVG goes into the page unescaped: refuse anything that could run (charts.py writes none).
    if _ACTIVE.search(svg):
        raise SiteError("a chart contains a script, foreignObject or event handler")
    from markupsafe import Markup  # jinja2's own dependency

    return Markup(svg[start:])  # written by charts.py, which escapes its text


def _template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ofsted_cli.output", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["styles"] = STYLES
    env.globals["PROVISIONAL"] = pages.PROVISIONAL
    return env


def _write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path
