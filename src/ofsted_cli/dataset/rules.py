"""The cross-record rules, registered in one place, run over the valid records."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ofsted_cli.dataset import rules_ids, rules_records
from ofsted_cli.dataset.index import Index
from ofsted_cli.dataset.problems import Problem
from ofsted_cli.dataset.records import Records

Rule = Callable[[Index], Iterator[Problem]]
RULES: tuple[Rule, ...] = (
    rules_ids.unique_ids,
    rules_ids.references,
    rules_ids.figure_subjects,
    rules_ids.statement_inspections,
    rules_ids.names_belong_to_one_council,
    rules_ids.source_inclusions,
    rules_records.abolished_only_former,
    rules_records.date_order,
    rules_records.no_future_dates,
    rules_records.judgements_fit_framework,
    rules_records.one_inspection_once,
    rules_records.provisional_marked,
    rules_records.no_formula_text,
)
"""Every cross-record rule: a small function of the index that yields problems."""


def check(records: Records, today: str) -> list[Problem]:
    """Every cross-record problem in *records*."""
    index = Index(records, today)
    return [p for rule in RULES for p in rule(index)]
