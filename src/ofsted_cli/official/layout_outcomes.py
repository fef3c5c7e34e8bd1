"""The layouts of "Local authority inspection outcomes as at 31 March" (from 2024).

2024: the ILACS history one wide row per council (first and second inspection, and a table of
councils that no longer exist); 2025 on: one row per inspection with ONS code and both dates.
Both have the year's inspections and visits with their first day and theme.
"""

from __future__ import annotations

from collections.abc import Mapping

from ofsted_cli.errors import ImportFormatError
from ofsted_cli.official.layout import CIC, CICL, CL, REGION, Layout, grades
from ofsted_cli.official.layout_csc import in_year_rows, pair_in_year
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.official.sheets import Found, Table, cell_date, cell_type, norm

_EXP = "experiences and progress of"
_J5_2024 = {
    "overall_effectiveness": "overall effectiveness",
    "leadership": "impact of leaders",
    "help_and_protection": f"{_EXP} children who need help and protection",
    CIC: f"{_EXP} children in care",
    CL: f"{_EXP} care leavers",
}
_J5_2025 = {
    "overall_effectiveness": "Overall effectiveness",
    "leadership": "The impact of leaders on social work practice with children and families",
    "help_and_protection": f"The {_EXP} children who need help and protection",
    CIC: f"The {_EXP} children in care",
    CL: f"The {_EXP} care leavers",
}


def _wide(n: str) -> dict[str, str]:
    return {
        f"{n} published": f"{n} ILACS publication date",
        f"{n} type": f"{n} ILACS inspection type",
        **{f"{n} {a}": f"{n} ILACS {h}" for a, h in _J5_2024.items()},
    }


HISTORY_2024 = Table(
    "ILACS history, first and second inspection",
    {"name": "Local authority name", "region": REGION, **_wide("First"), **_wide("Second")},
)
HISTORY_2024_FORMER = Table(
    "ILACS history of councils that no longer exist",
    {
        "name": "Local authority name",
        "region": REGION,
        "published": "ILACS framework publication date",
        "type": "ILACS framework inspection type",
        "overall_effectiveness": "ILACS framework overall effectiveness",
        "leadership": "ILACS framework impact of leaders",
        "help_and_protection": f"ILACS framework {_EXP} children who need help and protection",
        CICL: f"ILACS framework {_EXP} children in care and care leavers",
    },
)
IN_YEAR_2024 = Table(
    "inspections and visits in the year",
    {
        "name": "Local authority name",
        "region": REGION,
        "start": "Inspection/Visit date",
        "type": "Inspection/Visit type",
        **{a: h[0].upper() + h[1:] for a, h in _J5_2024.items()},
        "theme": "Visit Theme",
    },
)


def _read_2024(found: Mapping[str, list[Found]], release: Release) -> list[Row]:
    history: list[Row] = []
    for f in found[HISTORY_2024.name]:
        for number, cells in f.rows:
            where = f.where(release.title, number)
            for n in ("First", "Second"):
                if not norm(f.get(cells, f"{n} type")):
                    continue
                history.append(
                    Row(
                        release,
                        where,
                        norm(f.get(cells, "name")),
                        cell_type(f.get(cells, f"{n} type"), where),
                        region=norm(f.get(cells, "region")) or None,
                        published=cell_date(f.get(cells, f"{n} published"), where),
                        judgements=grades(f, cells, {a: f"{n} {a}" for a in _J5_2024}, where),
                    )
                )
    for f in found[HISTORY_2024_FORMER.name]:
        for number, cells in f.rows:
            where = f.where(release.title, number)
            areas = {
                a: a for a in ("overall_effectiveness", "leadership", "help_and_protection", CICL)
            }
            history.append(
                Row(
                    release,
                    where,
                    norm(f.get(cells, "name")),
                    cell_type(f.get(cells, "type"), where),
                    region=norm(f.get(cells, "region")) or None,
                    former=True,
                    published=cell_date(f.get(cells, "published"), where),
                    judgements=grades(f, cells, areas, where, split=False),
                )
            )
    in_year = [r for f in found[IN_YEAR_2024.name] for r in in_year_rows(f, release)]
    return pair_in_year(history, in_year)


HISTORY_2025 = Table(
    "ILACS history, one row per inspection",
    {
        "code": "Local authority area code",
        "name": "Local authority name",
        "status": "Local authority status",
        "region": REGION,
        "start": "Inspection date",
        "published": "Publication date",
        "type": "Inspection type",
        **_J5_2025,
    },
)
IN_YEAR_2025 = Table(
    "inspections and visits in the year, with publication dates",
    {
        "code": "Local authority area code",
        "name": "Local authority name",
        "region": REGION,
        "start": "Inspection/Visit date",
        "published": "Publication date",
        "type": "Inspection/Visit type",
        **_J5_2025,
        "theme": "Visit Theme",
    },
)
_STATUS = {"current": False, "no longer exists": True}


def _read_2025(found: Mapping[str, list[Found]], release: Release) -> list[Row]:
    out: list[Row] = []
    for f in found[HISTORY_2025.name]:
        for number, cells in f.rows:
            where = f.where(release.title, number)
            status = norm(f.get(cells, "status"))
            if status.lower() not in _STATUS:
                raise ImportFormatError(
                    f"{where}: unknown status {status!r}; expected 'Current' or 'No longer exists'"
                )
            out.append(
                Row(
                    release,
                    where,
                    norm(f.get(cells, "name")),
                    cell_type(f.get(cells, "type"), where),
                    ons_code=norm(f.get(cells, "code")) or None,
                    region=norm(f.get(cells, "region")) or None,
                    former=_STATUS[status.lower()],
                    start=cell_date(f.get(cells, "start"), where),
                    published=cell_date(f.get(cells, "published"), where),
                    judgements=grades(f, cells, {a: a for a in _J5_2025}, where),
                )
            )
    seen = {(r.ons_code, r.framework, r.start, r.published) for r in out}
    for f in found[IN_YEAR_2025.name]:
        for r in in_year_rows(f, release):
            if (r.ons_code, r.framework, r.start, r.published) not in seen:
                out.append(r)
    return out


def _title(cover: Mapping[str, str]) -> str:
    return cover["title"]


def _outcomes_id(title: str) -> str:
    year = title.strip()[-4:]
    return f"ofsted-la-outcomes-{year}"


LAYOUT_2024 = Layout(
    "inspection outcomes (wide ILACS history)",
    (HISTORY_2024, HISTORY_2024_FORMER, IN_YEAR_2024),
    _read_2024,
    _title,
    _outcomes_id,
)
LAYOUT_2025 = Layout(
    "inspection outcomes (ILACS history by inspection)",
    (HISTORY_2025, IN_YEAR_2025),
    _read_2025,
    _title,
    _outcomes_id,
)
