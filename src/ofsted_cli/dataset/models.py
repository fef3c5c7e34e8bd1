"""Pydantic v2 schemas for the data files (see docs/data-format.md).

Field docstrings are the field descriptions of `ofsted schema` and of the exports. Validators
raise errors whose type is one of our problem codes (dataset/problems.py), never pydantic's.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ofsted_cli.dataset.fields import (
    FrameworkId,
    Grade,
    LaNumber,
    OnsCode,
    PartialDate,
    Prose,
    Slug,
    SourceKind,
    StatementKind,
    Text,
    Url,
    Urn,
    figure_value,
)


class _Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )


class Inspection(_Record):
    """An inspection or visit of one council's children's services."""

    id: Slug
    """Unique id: <council>-<framework>-<publication or start date>."""
    framework: FrameworkId
    """The inspection framework or kind of visit (docs/data-format.md lists them)."""
    start: PartialDate | None = None
    """First day on site, at the precision a source gives."""
    end: PartialDate | None = None
    """Last day on site."""
    published: PartialDate | None = None
    """The day the report or letter was published."""
    lead_inspector: Text | None = None
    """The lead inspector named in the report."""
    theme: Text | None = None
    """The focus of a focused or monitoring visit."""
    judgements: dict[str, Grade] = Field(default_factory=dict)
    """Judgement area -> grade; only graded frameworks; unknown judgements are left out."""
    provisional: bool = False
    """True while no official Ofsted statistics release includes this report."""
    sources: list[Slug] = Field(min_length=1)
    """Ids of the sources that state these facts."""
    notes: Prose | None = None
    """Conflicts between sources, inferences and their reasoning, for readers."""


class Council(_Record):
    """A local authority with children's services responsibilities, current or former."""

    id: Slug
    """Stable id (a slug of the name)."""
    name: Text
    """The name as in the newest official file."""
    other_names: list[Text] = Field(default_factory=list)
    """Every other name used in an official file or a source."""
    ons_code: OnsCode | None = None
    """ONS area code (E06, E08, E09, E10 and six digits)."""
    la_number: LaNumber | None = None
    """DfE local authority number (three digits, quoted)."""
    urn: Urn | None = None
    """Ofsted's unique reference number for the council's children's services."""
    region: Text | None = None
    """Ofsted region as in the newest official file."""
    status: Literal["current", "former"] = "current"
    """current, or former for a council that no longer exists."""
    successors: list[Slug] = Field(default_factory=list)
    """Former councils: ids of the councils that replaced them."""
    abolished: PartialDate | None = None
    """Former councils: the day the council ceased to exist, where a source states it."""
    sources: list[Slug] = Field(default_factory=list)
    """Ids of the sources of the council's identity."""
    notes: Prose | None = None
    """Notes for readers."""
    inspections: list[Inspection] = Field(default_factory=list)
    """The council's inspections and visits."""


class Speaker(_Record):
    """Who spoke: a name is absent for "a council spokesperson"."""

    name: Text | None = None
    """The speaker's name, where the source gives it."""
    role: Text | None = None
    """The speaker's role at the time."""
    organisation: Text | None = None
    """The organisation the speaker spoke for."""


class Statement(_Record):
    """A response to an inspection: a quote, reported speech, or a recorded non-response."""

    id: Slug
    """Unique id."""
    council: Slug
    """The council it is about."""
    inspection: Slug | None = None
    """The inspection or visit it responds to, where known."""
    speaker: Speaker
    """Who spoke."""
    date: PartialDate | None = None
    """When it was said or published, at the precision known."""
    date_inferred: bool = False
    """True when the date is inferred (e.g. from an undated article), not stated."""
    kind: StatementKind
    """direct_quote (exact words), reported_speech, or no_response."""
    text: Prose
    """The exact words (direct_quote) or the report of what was said."""
    sources: list[Slug] = Field(min_length=1)
    """Ids of the sources that print it."""
    notes: Prose | None = None
    """Notes for readers."""


class Source(_Record):
    """A document that states facts in the data."""

    id: Slug
    """Unique id."""
    title: Text
    """The document's title."""
    publisher: Text
    """Who published it."""
    url: Url | None = None
    """Where to read it."""
    published: PartialDate | None = None
    """When it was published, at the precision known."""
    published_inferred: bool = False
    """True when the publication date is inferred."""
    cutoff: PartialDate | None = None
    """Official statistics: the release holds every report published by this day."""
    includes: list[Slug] = Field(default_factory=list)
    """Official statistics: inspections it counts although published after its cut-off (its
    notes say why)."""
    kind: SourceKind
    """What kind of document it is."""
    notes: Prose | None = None
    """Notes for readers (licence, how far to trust it)."""


class Group(_Record):
    """A named set of councils (defined in data, not in code)."""

    id: Slug
    """Unique id."""
    name: Text
    """The group's name."""
    members: list[Slug] = Field(min_length=1)
    """Council ids."""
    sources: list[Slug] = Field(min_length=1)
    """Ids of the sources that define the group."""
    notes: Prose | None = None
    """Notes for readers."""


class Figure(_Record):
    """A published figure about a council or group, e.g. a share of children's homes."""

    id: Slug
    """Unique id."""
    subject: Slug
    """A council id or a group id."""
    topic: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    """What the figure is about (childrens_homes)."""
    measure: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    """What is measured (share_outstanding)."""
    description: Text
    """The figure in words."""
    value: Annotated[float | int, AfterValidator(figure_value)]
    """The number."""
    unit: Literal["percent", "count"]
    """percent or count."""
    as_of: PartialDate | None = None
    """The day the figure describes."""
    as_of_inferred: bool = False
    """True when that day is inferred."""
    sources: list[Slug] = Field(min_length=1)
    """Ids of the sources that state it."""
    notes: Prose | None = None
    """Notes for readers."""


RECORDS: dict[str, type[_Record]] = {
    "councils": Council,
    "statements": Statement,
    "sources": Source,
    "groups": Group,
    "figures": Figure,
}
"""The record model of each data kind (vocab/kinds.py)."""

_MODELS: tuple[type[BaseModel], ...] = (*RECORDS.values(), Inspection, Speaker)
DATE_FIELDS = frozenset(
    name
    for model in _MODELS
    for name, info in model.model_fields.items()
    if PartialDate in (info.annotation, *get_args(info.annotation))
)
"""Keys that hold partial dates (written quoted, so that YAML never reads them as dates)."""


def json_schema(kind: str) -> dict[str, object]:
    """The JSON Schema of the file whose top-level key is *kind*.

    Partial dates become strings of the form YYYY, YYYY-MM or YYYY-MM-DD; the cross-record
    checks (references, date order, judgement areas per framework) are not expressible in it.
    """
    record = RECORDS[kind]
    schema = record.model_json_schema(mode="validation")
    defs = schema.pop("$defs", {})
    defs[record.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{kind} file of ofsted-cli",
        "description": f"A mapping with one key, {kind}: a list of {record.__name__} records.",
        "type": "object",
        "properties": {
            kind: {
                "type": "array",
                "description": f"The {kind}: each a {record.__name__} record.",
                "items": {"$ref": f"#/$defs/{record.__name__}"},
            }
        },
        "required": [kind],
        "additionalProperties": False,
        "$defs": defs,
    }
