"""The models' own value checks, as plain functions that need only pydantic_core.

They live apart from models.py so that the store's compiled validator (store/validator.py)
can refer to the very same functions without importing pydantic (issue 14).
"""

from __future__ import annotations

import math

from pydantic_core import PydanticCustomError

from ofsted_cli.dataset.problems import Code
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.grades import CODES as GRADE_CODES

FRAMEWORK_IDS: tuple[str, ...] = tuple(FRAMEWORKS)


def partial_date(value: object) -> str:
    """A date at year, month or day precision as canonical text (vocab/dates.py)."""
    try:
        return dates.parse(value)
    except ValueError as e:
        raise PydanticCustomError(Code.BAD_DATE.value, str(e)) from None


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise PydanticCustomError(
            Code.NOT_ALLOWED.value,
            f"{value!r} is not a {what}; expected one of {', '.join(allowed)}",
        )
    return value


def framework_id(value: str) -> str:
    """One of the frameworks of vocab/frameworks.py."""
    return _one_of(value, FRAMEWORK_IDS, "framework")


def grade(value: str) -> str:
    """One of the grades of vocab/grades.py."""
    return _one_of(value, GRADE_CODES, "grade")


def figure_value(value: float) -> float:
    """A finite figure of at most 15 digits before the point."""
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
