"""The field types of the data files' models: patterns, dates, grades and figures.

The value checks are in validators.py (the store's compiled validator calls the same ones);
they raise errors whose type is one of our problem codes (dataset/problems.py), never
pydantic's.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

from ofsted_cli.dataset.validators import (
    FRAMEWORK_IDS,
    figure_value,
    framework_id,
    grade,
    partial_date,
)
from ofsted_cli.vocab.grades import CODES as GRADE_CODES

__all__ = ["figure_value"]  # the models use it as a validator


# Characters that make text read differently from what it holds (issue #13): control
# characters, zero-width characters, invisible bidirectional marks and overrides (the "Trojan
# Source" characters), line and paragraph separators, the byte-order mark. As patterns, so
# that pydantic checks them in Rust; dataset/characters.py names the character found.
HIDDEN = r"\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
ONE_LINE = rf"^[^\x00-\x1f{HIDDEN}]*$"
"""The pattern of names and titles: no control or hidden character, no line break or tab."""
PROSE = rf"^[^\x00-\x08\x0b-\x1f{HIDDEN}]*$"
"""The pattern of notes and quoted words: line breaks and tabs allowed, no other control or
hidden character."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1, pattern=ONE_LINE)]
Prose = Annotated[str, StringConstraints(min_length=1, pattern=PROSE)]
OnsCode = Annotated[str, StringConstraints(pattern=r"^E(06|07|08|09|10|11)\d{6}$")]
LaNumber = Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
Urn = Annotated[str, StringConstraints(pattern=r"^\d{5,7}$")]
URL = rf"^https?://[^\s\x00-\x1f{HIDDEN}]+$"
Url = Annotated[str, StringConstraints(pattern=URL)]
PartialDate = Annotated[
    str,
    BeforeValidator(partial_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]
"""A date at year, month or day precision, kept as canonical ISO text."""
FrameworkId = Annotated[
    str, AfterValidator(framework_id), WithJsonSchema({"enum": list(FRAMEWORK_IDS)})
]
Grade = Annotated[str, AfterValidator(grade), WithJsonSchema({"enum": list(GRADE_CODES)})]
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
