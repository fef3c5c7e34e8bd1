"""The layout of "Children's social care data in England" (underlying data, to 2023).

One wide row per council with every framework from 2009 (two tables: current councils, and
councils that no longer exist), and the year's inspections and visits with their days.
"""

from __future__ import annotations

from collections.abc import Mapping

from ofsted_cli.official.layout import CIC, CICL, CL, REGION, Layout, grades
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.official.sheets import Found, Table, cell_date, cell_type, norm
from ofsted_cli.vocab.frameworks import SIF_AREAS
from ofsted_cli.vocab.names import slug

_SIF = tuple(a for a in SIF_AREAS if a != "lscb")
_SIF_FIRST = (
    "First SIF Overall Judgement (OE)",
    "First SIF children who need help and protection",
    "First SIF children looked after and achieving permanence",
    "First SIF CLA Sub: Adoption Performance",
    "First SIF CLA Sub: Experiences and progress of care leavers",
    "First SIF leadership, management and governance",
)
_SIF_RE = tuple(h.replace("First SIF", "SIF Re-inspection") for h in _SIF_FIRST)
# (framework, publication date header, {area: grade header})
GROUPS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "slac",
        "Safeguarding & Looked After Children (SLAC) Inspection publication date",
        {
            "safeguarding": "SLAC Safeguarding Overall effectiveness (OE)",
            "looked_after_children": "SLAC Looked After Children Overall Effectiveness (OE)",
        },
    ),
    (
        "slac_reinspection",
        "SLAC re-inspection of Safeguarding publication date",
        {"safeguarding": "SLAC re-inspection Safeguarding OE"},
    ),
    (
        "slac_reinspection",
        "SLAC re-inspection of services for Children Looked After publication date",
        {"looked_after_children": "SLAC re-inspection of services Children Looked After OE"},
    ),
    (
        "cpi",
        "Child Protection Inspections (CPI) publication date",
        {"overall_effectiveness": "CPI Overall Effectiveness (OE)"},
    ),
    (
        "cpri",
        "Child Protection Re-Inspection (CPRI) publication date",
        {"overall_effectiveness": "CPRI Overall Effectiveness (OE)"},
    ),
    (
        "tlac",
        "Targeted Looked After Children (TLAC) inspection publication date",
        {"overall_effectiveness": "TLAC Overall Effectiveness (OE)"},
    ),
    (
        "sif",
        "Single Inspection of LA Children's Services (SIF) First SIF publication date",
        {**dict(zip(_SIF, _SIF_FIRST, strict=True)), "lscb": "LSCB Overall Effectiveness"},
    ),
    (
        "sif_reinspection",
        "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
        dict(zip(_SIF, _SIF_RE, strict=True)),
    ),
)
_COMMON: dict[str, str | tuple[str, ...]] = {
    "name": "Local authority name",
    "region": REGION,
    **{h: h for _, date, areas in GROUPS for h in (date, *areas.values())},
}
_EXP = "experiences and progress of children"


def _ilacs(prefix: str, *, split: bool) -> dict[str, str | tuple[str, ...]]:
    care = (
        {CIC: f"{prefix} {_EXP} in care", CL: f"{prefix} experiences and progress of care leavers"}
        if split
        else {CICL: f"{prefix} {_EXP} in care and care leavers"}
    )
    return {
        "type": f"{prefix} inspection type",
        "published": f"{prefix} publication date",
        "overall_effectiveness": f"{prefix} overall effectiveness",
        "leadership": f"{prefix} impact of leaders",
        "help_and_protection": f"{prefix} {_EXP} who need help and protection",
        **care,
    }


_FIRST = _ilacs("First ILACS framework", split=False)
_SECOND = _ilacs("Second ILACS framework", split=True)
_FORMER = _ilacs("ILACS framework", split=False)
HISTORY = Table(
    "inspection history of current councils",
    {
        **_COMMON,
        **{f"1 {k}": v for k, v in _FIRST.items()},
        **{f"2 {k}": v for k, v in _SECOND.items()},
    },
)
HISTORY_FORMER = Table(
    "inspection history of councils that no longer exist",
    {**_COMMON, **{f"1 {k}": v for k, v in _FORMER.items()}},
)
IN_YEAR = Table(
    "inspections and visits in the year",
    {
        "name": "Local authority name",
        "region": REGION,
        "start": "Inspection/Visit date",
        "type": "Inspection/Visit type",
        "overall_effectiveness": "Overall effectiveness",
        "leadership": "Impact of leaders",
        "help_and_protection": "Experiences and progress of children who need help and protection",
        CIC: "Experiences and progress of children in care",
        CL: "Experiences and progress of care leavers",
        "theme": "Visit Theme",
    },
)
_AREAS5 = ("overall_effectiveness", "leadership", "help_and_protection", CIC, CL)


def _history(found: Found, release: Release, former: bool) -> list[Row]:
    out: list[Row] = []
    for number, cells in found.rows:
        where = found.where(release.title, number)
        name, region = norm(found.get(cells, "name")), norm(found.get(cells, "region")) or None
        for framework, date, areas in GROUPS:
            published = cell_date(found.get(cells, date), where)
            judged = grades(found, cells, areas, where, split=False)
            if published or judged:
                out.append(
                    Row(
                        release,
                        where,
                        name,
                        framework,
                        region=region,
                        former=former,
                        published=published,
                        judgements=judged,
                    )
                )
        for n in ("1", "2") if not former else ("1",):
            fields = {k[2:]: k for k in found.columns if k.startswith(f"{n} ")}
            if not norm(found.get(cells, fields["type"])):
                continue
            areas = {a: fields[a] for a in (*_AREAS5, CICL) if a in fields}
            out.append(
                Row(
                    release,
                    where,
                    name,
                    cell_type(found.get(cells, fields["type"]), where),
                    region=region,
                    former=former,
                    published=cell_date(found.get(cells, fields["published"]), where),
                    judgements=grades(found, cells, areas, where),
                )
            )
    return out


def in_year_rows(found: Found, release: Release) -> list[Row]:
    """Rows of an in-year sheet: inspections and visits with their first day and theme."""
    out: list[Row] = []
    has = found.columns
    for number, cells in found.rows:
        where = found.where(release.title, number)
        out.append(
            Row(
                release,
                where,
                norm(found.get(cells, "name")),
                cell_type(found.get(cells, "type"), where),
                ons_code=(norm(found.get(cells, "code")) or None) if "code" in has else None,
                region=norm(found.get(cells, "region")) or None,
                start=cell_date(found.get(cells, "start"), where),
                published=cell_date(found.get(cells, "published"), where)
                if "published" in has
                else None,
                theme=norm(found.get(cells, "theme")) or None,
                judgements=grades(found, cells, {a: a for a in _AREAS5}, where),
            )
        )
    return out


def pair_in_year(history: list[Row], in_year: list[Row]) -> list[Row]:
    """Give each history row (publication date only) the first day of its in-year row.

    An in-year graded row is the same inspection as the history row of the same council,
    framework and grades published on or after its first day; visits stay rows of their own.
    """
    extra = []
    for visit in in_year:
        candidates = [
            h
            for h in history
            if visit.judgements
            and h.council_name == visit.council_name
            and h.framework == visit.framework
            and h.judgements == visit.judgements
            and h.published
            and visit.start
            and h.published >= visit.start
            and h.start is None
        ]
        match = min(candidates, key=lambda h: h.published or "", default=None)
        if match is None:
            extra.append(visit)
        else:
            match.start = visit.start
            match.where += f" (first day on site: sheet {visit.where.split(', sheet ', 1)[-1]})"
    return history + extra


def _read(found: Mapping[str, list[Found]], release: Release) -> list[Row]:
    history = [r for f in found[HISTORY.name] for r in _history(f, release, former=False)]
    history += [r for f in found[HISTORY_FORMER.name] for r in _history(f, release, former=True)]
    return pair_in_year(history, [r for f in found[IN_YEAR.name] for r in in_year_rows(f, release)])


LAYOUT = Layout(
    "children's social care data (underlying data)",
    (HISTORY, HISTORY_FORMER, IN_YEAR),
    _read,
    title=lambda cover: f"{cover['policy area']} (underlying data)",
    release_id=lambda title: "ofsted-csc-data-" + slug(title).split("-england-")[-1][:4],
)
