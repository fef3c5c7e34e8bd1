"""The export's tables: what each holds, its columns, keys and indexes (docs/exports.md).

One description serves every tabular format: SQLite, CSV, the data package and XLSX.
Descriptions of fields that come from the data files are the models' field docstrings
(dataset/models.py), so that `ofsted schema` and the exports say the same thing.
"""

from __future__ import annotations

from typing import get_args

from ofsted_cli.dataset import models
from ofsted_cli.dataset.fields import SourceKind
from ofsted_cli.export.spec import (
    Column,
    ForeignKey,
    Table,
    col,
    doc,
    link,
    partial_date,
    ref,
)
from ofsted_cli.vocab.frameworks import AREA_LABELS, AREAS, FRAMEWORKS
from ofsted_cli.vocab.grades import CODES, NO_OVERALL, NONE_IN_FORCE

_C, _I, _St, _So = models.Council, models.Inspection, models.Statement, models.Source
_Sp, _G, _F = models.Speaker, models.Group, models.Figure
GRADES_AND_NONE = (*CODES, NO_OVERALL, NONE_IN_FORCE)
_GRADE = "A grade code: outstanding, good, adequate, requires_improvement or inadequate."


def _area_columns() -> list[Column]:
    out = []
    for area, label in AREA_LABELS.items():
        out.append(Column(area, "string", f"Grade for {label.lower()}, if judged.", enum=CODES))
        out.append(Column(f"{area}_label", "string", f"The {area} grade in words."))
    return out


COUNCILS = Table(
    "councils",
    "Councils",
    models.Council.__doc__ or "",
    (
        col(_C, "id", required=True),
        col(_C, "name", required=True),
        Column("other_names", "string", doc(_C, "other_names") + " Separated by '; '."),
        col(_C, "ons_code"),
        col(_C, "la_number"),
        col(_C, "urn"),
        col(_C, "region"),
        col(_C, "status", enum=("current", "former"), required=True),
        *partial_date(_C, "abolished"),
        col(_C, "notes"),
    ),
    ("id",),
    indexes=(("region",), ("name",)),
    label="name",
)
COUNCIL_SUCCESSORS = Table(
    "council_successors",
    "Successors of former councils",
    "One row per former council and a council that replaced it.",
    (ref("council_id", "former council"), ref("successor_id", "council that replaced it")),
    ("council_id", "successor_id"),
    (ForeignKey(("council_id",), "councils"), ForeignKey(("successor_id",), "councils")),
    (("successor_id",),),
)
INSPECTIONS = Table(
    "inspections",
    "Inspections and visits",
    (models.Inspection.__doc__ or "")
    + " One row per inspection, with a column per judgement area (and its words); the"
    " judgements table has the same grades, one row each.",
    (
        col(_I, "id", required=True),
        ref("council_id", "council inspected"),
        Column("council_name", "string", "The council's name (from councils)."),
        Column("ons_code", "string", "The council's ONS code (from councils)."),
        Column("la_number", "string", "The council's DfE LA number (from councils)."),
        Column("region", "string", "The council's Ofsted region (from councils)."),
        col(_I, "framework", enum=tuple(FRAMEWORKS), required=True),
        Column("framework_label", "string", "The framework in words."),
        Column(
            "whole_service",
            "boolean",
            "True for a whole-service inspection (SIF or ILACS) whose overall grade is the "
            "council's rating until the next one.",
        ),
        *partial_date(_I, "start"),
        *partial_date(_I, "end"),
        *partial_date(_I, "published"),
        col(_I, "lead_inspector"),
        col(_I, "theme"),
        col(_I, "provisional", "boolean"),
        col(_I, "notes"),
        *_area_columns(),
    ),
    ("id",),
    (ForeignKey(("council_id",), "councils"),),
    (("council_id", "published"), ("framework",), ("published",)),
    label="id",
)
JUDGEMENTS = Table(
    "judgements",
    "Judgements",
    "One row per inspection and judgement area: the grade code and its words.",
    (
        ref("inspection_id", "inspection"),
        ref("council_id", "council inspected"),
        Column("framework", "string", doc(_I, "framework"), enum=tuple(FRAMEWORKS)),
        Column("area", "string", "The judgement area.", enum=AREAS, required=True),
        Column("area_label", "string", "The judgement area in words."),
        Column("grade", "string", _GRADE, enum=CODES, required=True),
        Column("grade_label", "string", "The grade in words."),
        Column(
            "grade_rank",
            "integer",
            "4 outstanding, 3 good, 2 requires improvement or adequate, 1 inadequate.",
        ),
    ),
    ("inspection_id", "area"),
    (ForeignKey(("inspection_id",), "inspections"), ForeignKey(("council_id",), "councils")),
    (("council_id",), ("area", "grade")),
)
STATEMENTS = Table(
    "statements",
    "Statements",
    models.Statement.__doc__ or "",
    (
        col(_St, "id", required=True),
        Column("council_id", "string", doc(_St, "council"), required=True),
        Column("inspection_id", "string", doc(_St, "inspection")),
        *partial_date(_St, "date"),
        col(_St, "date_inferred", "boolean"),
        Column("speaker_name", "string", doc(_Sp, "name")),
        Column("speaker_role", "string", doc(_Sp, "role")),
        Column("speaker_organisation", "string", doc(_Sp, "organisation")),
        col(_St, "kind", enum=("direct_quote", "reported_speech", "no_response"), required=True),
        col(_St, "text", required=True),
        col(_St, "notes"),
    ),
    ("id",),
    (ForeignKey(("council_id",), "councils"), ForeignKey(("inspection_id",), "inspections")),
    (("council_id", "date"), ("inspection_id",), ("date",)),
    label="id",
    search=("text", "speaker_name", "speaker_role", "speaker_organisation", "notes"),
)
_SOURCE_KINDS = get_args(SourceKind)
SOURCES = Table(
    "sources",
    "Sources",
    models.Source.__doc__ or "",
    (
        col(_So, "id", required=True),
        col(_So, "title", required=True),
        col(_So, "publisher", required=True),
        col(_So, "url"),
        *partial_date(_So, "published"),
        col(_So, "published_inferred", "boolean"),
        *partial_date(_So, "cutoff"),
        col(_So, "kind", enum=_SOURCE_KINDS, required=True),
        col(_So, "notes"),
    ),
    ("id",),
    indexes=(("kind",),),
    label="title",
)
GROUPS = Table(
    "groups",
    "Groups of councils",
    models.Group.__doc__ or "",
    (col(_G, "id", required=True), col(_G, "name", required=True), col(_G, "notes")),
    ("id",),
    label="name",
)
GROUP_MEMBERS = Table(
    "group_members",
    "Members of groups",
    "One row per group and member council.",
    (ref("group_id", "group"), ref("council_id", "member council")),
    ("group_id", "council_id"),
    (ForeignKey(("group_id",), "groups"), ForeignKey(("council_id",), "councils")),
    (("council_id",),),
)
FIGURES = Table(
    "figures",
    "Figures",
    models.Figure.__doc__ or "",
    (
        col(_F, "id", required=True),
        col(_F, "subject", required=True),
        Column("council_id", "string", "The subject's id when it is a council."),
        Column("group_id", "string", "The subject's id when it is a group."),
        col(_F, "topic", required=True),
        col(_F, "measure", required=True),
        col(_F, "description", required=True),
        col(_F, "value", "number", required=True),
        col(_F, "unit", enum=("percent", "count"), required=True),
        *partial_date(_F, "as_of"),
        col(_F, "as_of_inferred", "boolean"),
        col(_F, "notes"),
    ),
    ("id",),
    (ForeignKey(("council_id",), "councils"), ForeignKey(("group_id",), "groups")),
    (("council_id",), ("group_id",)),
    label="description",
)
LATEST_RATINGS = Table(
    "latest_ratings",
    "Latest ratings",
    "One row per current council: the whole-service rating in force today, from the latest "
    "published SIF or ILACS inspection (by publication date). Reports under the April 2026 "
    "ILACS framework give no overall grade: their rating is no_overall_grade, not a grade.",
    (
        ref("council_id", "council"),
        Column("council_name", "string", "The council's name."),
        Column("region", "string", "The council's Ofsted region."),
        Column(
            "rating",
            "string",
            _GRADE + " Or no_overall_grade (a report that gives none) or none_in_force.",
            enum=GRADES_AND_NONE,
            required=True,
        ),
        Column("rating_label", "string", "The rating in words."),
        Column("rating_note", "string", "Why there is no grade, when there is none."),
        Column("inspection_id", "string", "Id of the inspection whose rating is in force."),
        Column("framework", "string", doc(_I, "framework"), enum=tuple(FRAMEWORKS)),
        Column("framework_label", "string", "The framework in words."),
        *partial_date(_I, "published"),
        Column("provisional", "boolean", doc(_I, "provisional")),
    ),
    ("council_id",),
    (ForeignKey(("council_id",), "councils"), ForeignKey(("inspection_id",), "inspections")),
    view=True,
)
TABLES: tuple[Table, ...] = (
    SOURCES,
    COUNCILS,
    COUNCIL_SUCCESSORS,
    link("council", "councils"),
    INSPECTIONS,
    JUDGEMENTS,
    link("inspection", "inspections"),
    STATEMENTS,
    link("statement", "statements"),
    GROUPS,
    GROUP_MEMBERS,
    link("group", "groups"),
    FIGURES,
    link("figure", "figures"),
    LATEST_RATINGS,
)
"""Every table, referenced tables before the tables that refer to them (latest_ratings last)."""
BY_NAME = {t.name: t for t in TABLES}
