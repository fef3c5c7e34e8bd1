"""The layout of each known edition of Ofsted's statistics, mapped column by column."""

from __future__ import annotations

from typing import Any

from ofsted_cli.editions import (
    CIC,
    CICL,
    CL,
    Edition,
    OfficialRow,
    Release,
    _date,
    _expect_header,
    _grade,
    _ilacs_judgements,
    _norm,
    _row_index,
    _rows,
    _type,
)
from ofsted_cli.errors import ImportFormatError
from ofsted_cli.frameworks import SIF_AREAS

# --- Children's social care data in England 2023: one wide row per council, 2009-2023 ---------

CSC_2023 = Release(
    "ofsted-csc-data-2023",
    "Children's social care data in England 2023 (underlying data)",
    "https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-2023",
    "2023-07-06",
)
_SHEET_2023 = "LA_inspections_2009-2023"
_HEAD_2023 = [
    "Web link",
    "Local authority name",
    "LA region",
    "LA Authority Type",
    "Safeguarding & Looked After Children (SLAC) Inspection publication date",
    "SLAC Safeguarding Overall effectiveness (OE)",
    "SLAC Looked After Children Overall Effectiveness (OE)",
    "SLAC re-inspection of Safeguarding publication date",
    "SLAC re-inspection Safeguarding OE",
    "SLAC re-inspection of services for Children Looked After publication date",
    "SLAC re-inspection of services Children Looked After OE",
    "Child Protection Inspections (CPI) publication date",
    "CPI Overall Effectiveness (OE)",
    "Child Protection Re-Inspection (CPRI) publication date",
    "CPRI Overall Effectiveness (OE)",
    "Targeted Looked After Children (TLAC) inspection publication date",
    "TLAC Overall Effectiveness (OE)",
    "Single Inspection of LA Children's Services (SIF) First SIF publication date",
    "First SIF Overall Judgement (OE)",
    "First SIF children who need help and protection",
    "First SIF children looked after and achieving permanence",
    "First SIF CLA Sub: Adoption Performance",
    "First SIF CLA Sub: Experiences and progress of care leavers",
    "First SIF leadership, management and governance",
    "LSCB Overall Effectiveness",
    "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
    "SIF Re-inspection Overall Judgement (OE)",
    "SIF Re-inspection children who need help and protection",
    "SIF Re-inspection children looked after and achieving permanence",
    "SIF Re-inspection CLA Sub: Adoption Performance",
    "SIF Re-inspection CLA Sub: Experiences and progress of care leavers",
    "SIF Re-inspection leadership, management and governance",
]
_ILACS_2023_FIRST = [
    "First ILACS framework inspection type",
    "First ILACS framework publication date",
    "First ILACS framework overall effectiveness",
    "First ILACS framework impact of leaders",
    "First ILACS framework experiences and progress of children who need help and protection",
    "First ILACS framework experiences and progress of children in care and care leavers",
    "Second ILACS framework inspection type",
    "Second ILACS framework publication date",
    "Second ILACS framework overall effectiveness",
    "Second ILACS framework impact of leaders",
    "Second ILACS framework experiences and progress of children who need help and protection",
    "Second ILACS framework experiences and progress of children in care",
    "Second ILACS framework experiences and progress of care leavers",
]
_ILACS_2023_FORMER = [
    "ILACS framework inspection type",
    "ILACS framework publication date",
    "ILACS framework overall effectiveness",
    "ILACS framework impact of leaders",
    "ILACS framework experiences and progress of children who need help and protection",
    "ILACS framework experiences and progress of children in care and care leavers",
]
# The SIF columns in the file's order; the LSCB judgement has its own column group.
_SIF = tuple(a for a in SIF_AREAS if a != "lscb")
_ILACS4 = ("overall_effectiveness", "leadership", "help_and_protection")

# (framework, date column, {area: grade column}) by column index in _HEAD_2023
_GROUPS_2023: list[tuple[str, int, dict[str, int]]] = [
    ("slac", 4, {"safeguarding": 5, "looked_after_children": 6}),
    ("slac_reinspection", 7, {"safeguarding": 8}),
    ("slac_reinspection", 9, {"looked_after_children": 10}),
    ("cpi", 11, {"overall_effectiveness": 12}),
    ("cpri", 13, {"overall_effectiveness": 14}),
    ("tlac", 15, {"overall_effectiveness": 16}),
    ("sif", 17, {**dict(zip(_SIF, range(18, 24), strict=True)), "lscb": 24}),
    ("sif_reinspection", 25, dict(zip(_SIF, range(26, 32), strict=True))),
]


def _read_2023(wb: Any, release: Release) -> list[OfficialRow]:
    rows = wb.get_sheet_by_name(_SHEET_2023).to_python()
    _expect_header(rows, 4, _HEAD_2023 + _ILACS_2023_FIRST, _SHEET_2023)
    second = _row_index(rows, "Table 11", _SHEET_2023) + 1
    _expect_header(rows, second, _HEAD_2023 + _ILACS_2023_FORMER, _SHEET_2023)
    out: list[OfficialRow] = []
    for start, former in ((5, False), (second + 1, True)):
        for i, row in _rows(rows, start):
            where = f"{release.title}, sheet {_SHEET_2023} row {i + 1}"
            name, region = _norm(row[1]), _norm(row[2]) or None
            for framework, date_col, areas in _GROUPS_2023:
                published = _date(row[date_col], where)
                grades = {a: g for a, c in areas.items() if (g := _grade(row[c], where))}
                if published or grades:
                    out.append(
                        OfficialRow(
                            release,
                            where,
                            name,
                            framework,
                            region=region,
                            former=former,
                            published=published,
                            judgements=grades,
                        )
                    )
            ilacs = (
                [(32, 33, 34, 37, None)]
                if former
                else [(32, 33, 34, 37, None), (38, 39, 40, 43, 44)]
            )
            for type_col, date_col, first, cic_col, cl_col in ilacs:
                if not _norm(row[type_col]):
                    continue
                values: dict[str, object] = dict(zip(_ILACS4, row[first : first + 3], strict=True))
                if cl_col is None:
                    values[CICL] = row[cic_col]
                    grades = {k: g for k, v in values.items() if (g := _grade(v, where))}
                else:
                    values[CIC], values[CL] = row[cic_col], row[cl_col]
                    grades = _ilacs_judgements(values, where)
                out.append(
                    OfficialRow(
                        release,
                        where,
                        name,
                        _type(row[type_col], where),
                        region=region,
                        former=former,
                        published=_date(row[date_col], where),
                        judgements=grades,
                    )
                )
    return out


# --- Local authority inspection outcomes as at 31 March 2024 --------------------------------

OUTCOMES_2024 = Release(
    "ofsted-la-outcomes-2024",
    "Local authority inspection outcomes as at 31 March 2024",
    "https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2024",
    "2024-08-30",
)
_HIST_2024 = "ILACS_inspections_2018-2024"
_YEAR_2024 = "Inspections_in_year_2023-24"
_J5_2024 = [
    "overall effectiveness",
    "impact of leaders",
    "experiences and progress of children who need help and protection",
    "experiences and progress of children in care",
    "experiences and progress of care leavers",
]
_HEAD_HIST_2024 = ["Web link", "Local authority name", "LA region"] + [
    f"{n} ILACS {c}"
    for n in ("First", "Second")
    for c in ["publication date", "inspection type", *_J5_2024]
]
_HEAD_HIST_2024_FORMER = [
    "Web link",
    "Local authority name",
    "LA region",
    "ILACS framework publication date",
    "ILACS framework inspection type",
    "ILACS framework overall effectiveness",
    "ILACS framework impact of leaders",
    "ILACS framework experiences and progress of children who need help and protection",
    "ILACS framework experiences and progress of children in care and care leavers",
]
_HEAD_YEAR_2024 = [
    "Web link",
    "Local authority name",
    "Region",
    "Inspection/Visit date",
    "Inspection/Visit type",
    "Overall effectiveness",
    "Impact of leaders",
    "Experiences and progress of children who need help and protection",
    "Experiences and progress of children in care",
    "Experiences and progress of care leavers",
    "Visit Theme",
]
_AREAS5 = (*_ILACS4, CIC, CL)


def _read_2024(wb: Any, release: Release) -> list[OfficialRow]:
    rows = wb.get_sheet_by_name(_HIST_2024).to_python()
    _expect_header(rows, 3, _HEAD_HIST_2024, _HIST_2024)
    second = _row_index(rows, "ILACS inspections of local authorities that existed", _HIST_2024)
    _expect_header(rows, second + 1, _HEAD_HIST_2024_FORMER, _HIST_2024)
    out: list[OfficialRow] = []
    for i, row in _rows(rows, 4):
        where = f"{release.title}, sheet {_HIST_2024} row {i + 1}"
        for offset in (3, 10):
            if not _norm(row[offset + 1]):
                continue
            grades = _ilacs_judgements(
                dict(zip(_AREAS5, row[offset + 2 : offset + 7], strict=True)), where
            )
            out.append(
                OfficialRow(
                    release,
                    where,
                    _norm(row[1]),
                    _type(row[offset + 1], where),
                    region=_norm(row[2]) or None,
                    published=_date(row[offset], where),
                    judgements=grades,
                )
            )
    for i, row in _rows(rows, second + 2):
        where = f"{release.title}, sheet {_HIST_2024} row {i + 1}"
        grades = {
            k: g for k, v in zip((*_ILACS4, CICL), row[5:9], strict=True) if (g := _grade(v, where))
        }
        out.append(
            OfficialRow(
                release,
                where,
                _norm(row[1]),
                _type(row[4], where),
                region=_norm(row[2]) or None,
                former=True,
                published=_date(row[3], where),
                judgements=grades,
            )
        )
    year = wb.get_sheet_by_name(_YEAR_2024).to_python()
    _expect_header(year, 2, _HEAD_YEAR_2024, _YEAR_2024)
    for i, row in _rows(year, 3):
        where = f"{release.title}, sheet {_YEAR_2024} row {i + 1}"
        framework = _type(row[4], where)
        grades = _ilacs_judgements(dict(zip(_AREAS5, row[5:10], strict=True)), where)
        visit = OfficialRow(
            release,
            where,
            _norm(row[1]),
            framework,
            region=_norm(row[2]) or None,
            start=_date(row[3], where),
            judgements=grades,
            theme=_norm(row[10]) or None,
        )
        match = _pair(visit, out)
        if match is None:
            out.append(visit)
        else:  # the same inspection as a history row: that row gains its inspection date
            match.start = visit.start
    return out


def _pair(visit: OfficialRow, history: list[OfficialRow]) -> OfficialRow | None:
    """The history row (publication date only) that is the in-year row (visit date only)."""
    if not visit.judgements:
        return None
    candidates = [
        h
        for h in history
        if h.council_name == visit.council_name
        and h.framework == visit.framework
        and h.judgements == visit.judgements
        and h.published
        and visit.start
        and h.published >= visit.start
        and h.start is None
    ]
    return min(candidates, key=lambda h: h.published or "", default=None)


# --- Local authority inspection outcomes as at 31 March 2025 --------------------------------

OUTCOMES_2025 = Release(
    "ofsted-la-outcomes-2025",
    "Local authority inspection outcomes as at 31 March 2025",
    "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    "2025-09-25",
    url_note="The URL is the statistics collection page that the release links to; the "
    "release's own page address was not confirmed.",
)
_HIST_2025 = "ILACS_inspection_history"
_YEAR_2025 = "In-year_inspections"
_J5_2025 = [
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]
_HEAD_HIST_2025 = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    *_J5_2025,
]
_HEAD_YEAR_2025 = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Region",
    "Inspection/Visit date",
    "Publication date",
    "Inspection/Visit type",
    *_J5_2025,
    "Visit Theme",
]


def _read_2025(wb: Any, release: Release) -> list[OfficialRow]:
    rows = wb.get_sheet_by_name(_HIST_2025).to_python()
    _expect_header(rows, 2, _HEAD_HIST_2025, _HIST_2025)
    out: list[OfficialRow] = []
    for i, row in _rows(rows, 3):
        where = f"{release.title}, sheet {_HIST_2025} row {i + 1}"
        status = _norm(row[3])
        if status not in ("Current", "No longer exists"):
            raise ImportFormatError(
                f"{where}: unknown status {status!r}; expected 'Current' or 'No longer exists'"
            )
        out.append(
            OfficialRow(
                release,
                where,
                _norm(row[2]),
                _type(row[7], where),
                ons_code=_norm(row[1]) or None,
                region=_norm(row[4]) or None,
                former=status != "Current",
                start=_date(row[5], where),
                published=_date(row[6], where),
                judgements=_ilacs_judgements(dict(zip(_AREAS5, row[8:13], strict=True)), where),
            )
        )
    seen = {(r.ons_code, r.framework, r.start, r.published) for r in out}
    year = wb.get_sheet_by_name(_YEAR_2025).to_python()
    _expect_header(year, 2, _HEAD_YEAR_2025, _YEAR_2025)
    for i, row in _rows(year, 3):
        where = f"{release.title}, sheet {_YEAR_2025} row {i + 1}"
        r = OfficialRow(
            release,
            where,
            _norm(row[2]),
            _type(row[6], where),
            ons_code=_norm(row[1]) or None,
            region=_norm(row[3]) or None,
            start=_date(row[4], where),
            published=_date(row[5], where),
            theme=_norm(row[12]) or None,
            judgements=_ilacs_judgements(dict(zip(_AREAS5, row[7:12], strict=True)), where),
        )
        if (r.ons_code, r.framework, r.start, r.published) not in seen:
            out.append(r)
    return out


# Newest first: the importer applies editions in this order, so newer releases win.
EDITIONS = [
    Edition(OUTCOMES_2025, (_HIST_2025, _YEAR_2025), _read_2025),
    Edition(OUTCOMES_2024, (_HIST_2024, _YEAR_2024), _read_2024),
    Edition(CSC_2023, (_SHEET_2023,), _read_2023),
]
