"""The field types of the data files' models: patterns, dates, grades and figures.

Validators raise errors whose type is one of our problem codes (dataset/problems.py), never
pydantic's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from ofsted_cli.dataset.problems import Code
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.grades import CODES as GRADE_CODES


def _partial_date(value: object) -> str:
    try:
        return dates.parse(value)
    except ValueError as e:
        raise PydanticCustomError(Code.BAD_DATE.value, str(e)) from None


def _one_of(allowed: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError(
                Code.NOT_ALLOWED.value,
                f"{value!r} is not a {what}; expected one of {', '.join(allowed)}",
            )
        return value

    return check


def figure_value(value: float) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            Code.BAD_NUMBER.value,
            "is not a finite number (YAML read infinity or 'not a number'); write the figure in "
            "decimal digits",
        )
    if abs(value) >= 10**15:
        raise PydanticCustomError(
            Code.BAD_NUMBER.value, "is too large: a figure has at most 15 digits before the point"
        )
    return value


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
    BeforeValidator(_partial_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]
"""A date at year, month or day precision, kept as canonical ISO text."""
FrameworkId = Annotated[
    str,
    AfterValidator(_one_of(tuple(FRAMEWORKS), "framework")),
    WithJsonSchema({"enum": list(FRAMEWORKS)}),
]
Grade = Annotated[
    str, AfterValidator(_one_of(GRADE_CODES, "grade")), WithJsonSchema({"enum": list(GRADE_CODES)})
]
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
