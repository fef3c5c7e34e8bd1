"""Problems found in data files: plain values, collected into a CheckResult."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """Every kind of problem `ofsted validate` reports."""

    YAML_SYNTAX = "yaml-syntax"
    """The file is not well-formed YAML."""
    UNREADABLE = "unreadable"
    """The file cannot be read (missing, a directory, no permission, not UTF-8)."""
    UNKNOWN_FILE = "unknown-file"
    """The file's top level is not one of the known kinds (councils, statements, ...)."""
    DUPLICATE_KEY = "duplicate-key"
    """A mapping repeats a key; YAML parsers silently keep the last one."""
    QUOTE_IT = "quote-it"
    """YAML 1.1 read a value as a number, boolean or date where text is expected."""
    DUPLICATE_ID = "duplicate-id"
    """Two records share an id."""
    UNKNOWN_REFERENCE = "unknown-reference"
    """A reference (council, inspection, source, group member) names no record."""
    DATE_ORDER = "date-order"
    """Dates out of order: start after end, or end after publication."""
    FUTURE_DATE = "future-date"
    """A date later than today."""
    JUDGEMENT_AREA = "judgement-area"
    """A judgement area that the inspection's framework does not have."""
    GRADE = "grade"
    """A grade that the framework's scale does not have."""
    UNGRADED = "ungraded"
    """Judgements on a framework that gives none (visits)."""
    WRONG_COUNCIL = "wrong-council"
    """A statement's inspection belongs to another council."""
    SCHEMA = "schema"
    """Fallback for schema errors without a more specific code."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a place in a file."""

    path: str
    line: int
    col: int
    loc: str
    message: str
    code: str

    def parsable(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        return f"{self.path}:{self.line}:{self.col}: {where}{self.message} ({self.code})"


@dataclass
class CheckResult:
    """Everything a validation run found."""

    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems
