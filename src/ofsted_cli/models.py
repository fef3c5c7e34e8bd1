"""Pydantic v2 schemas for the data files (see docs/data-format.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from ofsted_cli import dates
from ofsted_cli.frameworks import FRAMEWORKS, GRADES

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1)]
OnsCode = Annotated[str, StringConstraints(pattern=r"^E(06|07|08|09|10|11)\d{6}$")]
LaNumber = Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
PartialDate = Annotated[
    str,
    BeforeValidator(dates.parse),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]
"""A date at year, month or day precision, kept as canonical ISO text."""


def _one_of(allowed: tuple[str, ...], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not a {what}; expected one of {', '.join(allowed)}")
        return value

    return AfterValidator(check)


FrameworkId = Annotated[
    str, _one_of(tuple(FRAMEWORKS), "framework"), WithJsonSchema({"enum": list(FRAMEWORKS)})
]
Grade = Annotated[str, _one_of(GRADES, "grade"), WithJsonSchema({"enum": list(GRADES)})]
SourceKind = Literal[
    "official_statistics",
    "inspection_report",
    "council_release",
    "news",
    "government",
    "dataset",
    "blog",
    "other",
]
StatementKind = Literal["direct_quote", "reported_speech", "no_response"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Inspection(_Record):
    """An inspection or visit of one council's children's services."""

    id: Slug
    framework: FrameworkId
    start: PartialDate | None = None
    end: PartialDate | None = None
    published: PartialDate | None = None
    lead_inspector: Text | None = None
    theme: Text | None = None
    judgements: dict[str, Grade] = Field(default_factory=dict)
    sources: list[Slug] = Field(min_length=1)
    notes: Text | None = None


class Council(_Record):
    """A local authority with children's services responsibilities, current or former."""

    id: Slug
    name: Text
    other_names: list[Text] = Field(default_factory=list)
    ons_code: OnsCode | None = None
    la_number: LaNumber | None = None
    region: Text | None = None
    status: Literal["current", "former"] = "current"
    successors: list[Slug] = Field(default_factory=list)
    abolished: PartialDate | None = None
    """Former councils: the day the council ceased to exist, where a source states it."""
    sources: list[Slug] = Field(default_factory=list)
    notes: Text | None = None
    inspections: list[Inspection] = Field(default_factory=list)


class Speaker(_Record):
    """Who spoke: a name is absent for "a council spokesperson"."""

    name: Text | None = None
    role: Text | None = None
    organisation: Text | None = None


class Statement(_Record):
    """A response to an inspection: a quote, reported speech, or a recorded non-response."""

    id: Slug
    council: Slug
    inspection: Slug | None = None
    speaker: Speaker
    date: PartialDate | None = None
    date_inferred: bool = False
    kind: StatementKind
    text: Text
    sources: list[Slug] = Field(min_length=1)
    notes: Text | None = None


class Source(_Record):
    """A document that states facts in the data."""

    id: Slug
    title: Text
    publisher: Text
    url: Url | None = None
    published: PartialDate | None = None
    published_inferred: bool = False
    kind: SourceKind
    notes: Text | None = None


class Group(_Record):
    """A named set of councils (defined in data, not in code)."""

    id: Slug
    name: Text
    members: list[Slug] = Field(min_length=1)
    sources: list[Slug] = Field(min_length=1)
    notes: Text | None = None


class Figure(_Record):
    """A published figure about a council or group, e.g. a share of children's homes."""

    id: Slug
    subject: Slug
    topic: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    measure: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    description: Text
    value: float | int
    unit: Literal["percent", "count"]
    as_of: PartialDate | None = None
    as_of_inferred: bool = False
    sources: list[Slug] = Field(min_length=1)
    notes: Text | None = None


class CouncilsFile(_Record):
    councils: list[Council]


class StatementsFile(_Record):
    statements: list[Statement]


class SourcesFile(_Record):
    sources: list[Source]


class GroupsFile(_Record):
    groups: list[Group]


class FiguresFile(_Record):
    figures: list[Figure]


FILE_KINDS: dict[str, type[_Record]] = {
    "councils": CouncilsFile,
    "statements": StatementsFile,
    "sources": SourcesFile,
    "groups": GroupsFile,
    "figures": FiguresFile,
}


def json_schema(kind: str) -> dict[str, object]:
    """The JSON Schema of the file whose top-level key is *kind*.

    Partial dates become strings of the form YYYY, YYYY-MM or YYYY-MM-DD; the cross-record
    checks (references, date order, judgement areas per framework) are not expressible in it.
    """
    schema = FILE_KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
