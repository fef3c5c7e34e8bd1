"""Problems found in data files: plain values with a place, a message and a code of ours."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """Every kind of problem `ofsted validate` reports (docs/problem-codes.md has examples)."""

    YAML_SYNTAX = "yaml-syntax"
    """The file is not well-formed YAML."""
    UNREADABLE = "unreadable"
    """The file cannot be read (missing, a folder, no permission, not UTF-8)."""
    UNKNOWN_FILE = "unknown-file"
    """The file's top level is not one of the known kinds (councils, statements, ...)."""
    DUPLICATE_KEY = "duplicate-key"
    """A mapping repeats a key; YAML parsers silently keep the last one."""
    UNKNOWN_KEY = "unknown-key"
    """A key the record does not have (often a misspelling)."""
    MISSING_KEY = "missing-key"
    """A required key is absent."""
    WRONG_TYPE = "wrong-type"
    """A value of the wrong kind: a list where text is expected, text where a list is."""
    QUOTE_IT = "quote-it"
    """YAML 1.1 read a value as a number, boolean or date where text is expected."""
    BAD_FORMAT = "bad-format"
    """Text that does not have the required form (an id, an ONS code, a URL)."""
    NOT_ALLOWED = "not-allowed"
    """A value outside its fixed list (a framework, a grade, a kind, a status)."""
    BAD_DATE = "bad-date"
    """Not a date at year, month or day precision, or no day of the calendar."""
    EMPTY = "empty"
    """An empty list or text where at least one item or character is needed."""
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
    SAME_INSPECTION = "same-inspection"
    """Two whole-service inspections of one council within 90 days: one inspection twice?"""
    NAME_CLASH = "name-clash"
    """A council's name or other name that is another council's name or id."""
    PROVISIONAL = "provisional"
    """A report after the official record's cut-off not marked provisional, or a provisional
    one that cites an official release."""
    FORMER_ONLY = "former-only"
    """A field only a former council may have (an abolition date) on a current one."""
    FORMULA_TEXT = "formula-text"
    """A warning: text that begins with =, +, -, @, a tab or a carriage return, which a
    spreadsheet would run as a formula (the CSV and XLSX exports neutralise it)."""
    TOO_LARGE = "too-large"
    """The file is larger than the size limit (50 MB unless $OFSTED_MAX_FILE_MB says otherwise)."""
    TOO_DEEP = "too-deep"
    """Lists and mappings nested more than 32 deep; data files need 6 at most."""
    ALIAS = "alias"
    """An anchor (&name), alias (*name) or merge key (<<): data files write every value out, and
    aliases can make a small file expand to billions of values."""
    BAD_NUMBER = "bad-number"
    """A number that YAML 1.1 reads otherwise than it looks (0123 is 83, 12:30 is 750, 0x1F is
    31, 1_000 is 1000; +5, .5, .inf, .nan), or one that is not finite or too large."""
    HIDDEN_CHARACTER = "hidden-character"
    """A control, zero-width or bidirectional-override character: text that reads differently
    from what it holds."""
    SCHEMA = "schema"
    """Any other schema problem (a fallback that the tests keep unused)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a place in a file."""

    path: str
    line: int
    col: int
    loc: str
    message: str
    code: str
    severity: str = "error"
    """'error' fails validation; 'warning' is reported and does not."""

    def parsable(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        tag = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {tag}{where}{self.message} ({self.code})"


@dataclass
class CheckResult:
    """Everything a validation run found."""

    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors
