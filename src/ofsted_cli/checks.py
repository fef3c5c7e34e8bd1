"""Schema checks per record, then cross-record checks (rules.py), collected into a CheckResult."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ofsted_cli import loading, models
from ofsted_cli.result import CheckResult, Code, Problem

KIND_MODELS: dict[str, type[BaseModel]] = {
    "councils": models.Council,
    "statements": models.Statement,
    "sources": models.Source,
    "groups": models.Group,
    "figures": models.Figure,
}


@dataclass
class Placed:
    """A validated record and where it sits: file, root node, and its path from the root."""

    record: Any
    doc: loading.Document
    loc: tuple[int | str, ...]
    positions: tuple[int, ...] = ()
    """For a council: the index in the file of each of `record.inspections`, which leaves out
    the invalid ones (so the two can differ)."""


@dataclass
class Dataset:
    """Every valid record, by kind, with positions; plus the problems found so far."""

    records: dict[str, list[Placed]] = field(default_factory=lambda: {k: [] for k in KIND_MODELS})
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    kinds_seen: set[str] = field(default_factory=set)

    def problem(
        self,
        placed: Placed,
        sub: tuple[int | str, ...],
        message: str,
        code: Code,
        *,
        key: bool = False,
    ) -> None:
        """Record a problem at *sub* below *placed*."""
        loc = placed.loc + sub
        line, col = loading.locate(placed.doc.tree(), loc, key=key)
        self.problems.append(Problem(placed.doc.path, line, col, _dotted(loc), message, code.value))


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file as given, each folder's *.yaml and *.yml files, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and p.suffix not in (".yaml", ".yml"):
            try:
                found = sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml"))
            except OSError:  # e.g. no permission to list it: load_file says so
                found = []
            out.extend(found or [p])  # an empty folder is reported, not skipped
        else:
            out.append(p)
    return out


def load_dataset(paths: Iterable[Path]) -> Dataset:
    """Load and schema-check every file; return the valid records and the problems."""
    return check_documents(loading.load_file(path) for path in expand(paths))


def check_documents(docs: Iterable[loading.Document]) -> Dataset:
    """Schema-check parsed documents; return the valid records and the problems.

    Each document's node tree and raw data are let go once its records are validated, so
    that memory holds one file's tree at a time, as `yaml.load` file after file would.
    """
    ds = Dataset()
    with no_gc():
        for doc in docs:
            ds.files.append(doc.path)
            _check_document(ds, doc)
            if not doc.duplicates:  # a duplicate-key problem is located through the tree
                doc.release()
    return ds


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector: parsing makes millions of acyclic objects, and each full
    collection would walk them all again (reference counting still frees everything)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def check_paths(paths: Iterable[Path], today: str | None = None) -> CheckResult:
    """Run every check on *paths* (files or folders) and return what was found."""
    from ofsted_cli import rules

    ds = load_dataset(paths)
    with no_gc():
        rules.check(ds, today)
    counts = {kind: len(items) for kind, items in ds.records.items() if kind in ds.kinds_seen}
    counts["inspections"] = sum(len(p.record.inspections) for p in ds.records["councils"])
    return CheckResult(sorted(set(ds.problems)), ds.files, counts)


def _check_document(ds: Dataset, doc: loading.Document) -> None:
    if doc.error:
        line, col, message = doc.error
        code = Code.YAML_SYNTAX if message.startswith("not valid YAML") else Code.UNREADABLE
        ds.problems.append(Problem(doc.path, line, col, "", message, code.value))
        return
    for key_node in doc.duplicates:
        ds.problems.append(
            Problem(
                doc.path,
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
                _dotted(loading.path_to(doc.tree(), key_node)),
                f"duplicate key {key_node.value!r}: YAML keeps only the last; remove or "
                "merge the repeats",
                Code.DUPLICATE_KEY.value,
            )
        )
    data = doc.data
    allowed = ", ".join(KIND_MODELS)
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in KIND_MODELS:
        found = (
            "an empty file"
            if data is None
            else (
                f"key{'s' if len(data) != 1 else ''} {', '.join(map(str, data))}"
                if isinstance(data, dict)
                else _KINDS_OF_DATA.get(type(data).__name__, type(data).__name__)
            )
        )
        # Point at the first key that is not a kind (or the second key), not at the file's start.
        extra = [k for k in data if k not in KIND_MODELS] if isinstance(data, dict) else []
        odd = extra[0] if extra else list(data)[1] if isinstance(data, dict) and data else None
        line, col = loading.locate(doc.tree(), () if odd is None else (str(odd),), key=True)
        ds.problems.append(
            Problem(
                doc.path,
                line,
                col,
                "",
                f"expected a mapping with one top-level key ({allowed}); found {found}",
                Code.UNKNOWN_FILE.value,
            )
        )
        return
    kind = next(iter(data))
    ds.kinds_seen.add(kind)
    items = data[kind]
    if not isinstance(items, list):
        line, col = loading.locate(doc.tree(), (kind,))
        ds.problems.append(
            Problem(doc.path, line, col, kind, f"expected a list of {kind}", Code.SCHEMA.value)
        )
        return
    validate = KIND_MODELS[kind].model_validate
    bucket = ds.records[kind]
    for i, item in enumerate(items):
        nested = None
        if (
            kind == "councils"
            and isinstance(item, dict)
            and isinstance(item.get("inspections"), list)
        ):
            # Inspections are checked one by one, so that one bad council field does not hide
            # its inspections from the cross-record checks (and the reverse).
            nested = item["inspections"]
            item = {k: v for k, v in item.items() if k != "inspections"}
        try:
            record = validate(item)
        except ValidationError as e:
            _report(ds, doc, (kind, i), e)
            record = None
        positions: tuple[int, ...] = ()
        if kind == "councils" and isinstance(item, dict):
            checked = _inspections(ds, doc, (kind, i, "inspections"), nested or [])
            positions = tuple(j for j, _ in checked)
            valid = [insp for _, insp in checked]
            if record is not None:
                record = record.model_copy(update={"inspections": valid})
            elif isinstance(item.get("id"), str):
                # The council itself is invalid (already reported); its id and its valid
                # inspections still take part in the cross-record checks.
                record = models.Council.model_construct(
                    id=item["id"], successors=[], inspections=valid
                )
        if record is not None:
            bucket.append(Placed(record, doc, (kind, i), positions))


def _inspections(
    ds: Dataset, doc: loading.Document, prefix: tuple[int | str, ...], items: list[Any]
) -> list[tuple[int, Any]]:
    valid = []
    validate = models.Inspection.model_validate
    for j, item in enumerate(items):
        try:
            valid.append((j, validate(item)))
        except ValidationError as e:
            _report(ds, doc, (*prefix, j), e)
    return valid


def _report(
    ds: Dataset, doc: loading.Document, prefix: tuple[int | str, ...], error: ValidationError
) -> None:
    union_at: dict[tuple[int | str, ...], int] = {}
    for err in error.errors(include_url=False):
        loc = prefix + tuple(_clean_loc(err["loc"]))
        etype = err["type"]
        if len(loc) - len(prefix) < len(err["loc"]):
            # A union (`value: float | int`) fails once per member at the same place: one line.
            if loc in union_at:
                first = ds.problems[union_at[loc]]
                also = str(err["msg"]).removeprefix("Input should be ")
                ds.problems[union_at[loc]] = replace(first, message=f"{first.message} or {also}")
                continue
            union_at[loc] = len(ds.problems)
        if etype == "extra_forbidden":
            line, col = loading.locate(doc.tree(), loc, key=True)
            msg = f"unknown key {str(loc[-1])!r}; allowed: {_allowed_keys(doc, loc)}"
            ds.problems.append(Problem(doc.path, line, col, _dotted(loc), msg, etype))
            continue
        node = loading.find(doc.tree(), loc)
        read_as = loading.coerced(node)
        line, col = loading.locate(doc.tree(), loc)
        raw = node.value if node is not None else ""
        if read_as and node is not None and node.tag.endswith(":null") and etype == "string_type":
            msg = "is empty; expected text"
            ds.problems.append(Problem(doc.path, line, col, _dotted(loc), msg, etype))
            continue
        if read_as and etype == "literal_error":
            # Quoting would not help: no allowed value looks like a number, boolean or date.
            expected = err.get("ctx", {}).get("expected", "")
            msg = f"{raw!r} (YAML reads it as {read_as}) is not allowed; expected one of {expected}"
            ds.problems.append(Problem(doc.path, line, col, _dotted(loc), msg, etype))
            continue
        if read_as and etype in ("string_type", "string_pattern_mismatch"):
            msg = (
                f"expected text, but YAML reads {raw!r} as {read_as}: write it in quotes ('{raw}')"
            )
            ds.problems.append(Problem(doc.path, line, col, _dotted(loc), msg, Code.QUOTE_IT.value))
            continue
        ds.problems.append(Problem(doc.path, line, col, _dotted(loc), _message(err), etype))


_PATTERN_WORDS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id: lower-case letters and digits joined by single hyphens "
    "(e.g. st-helens)",
    r"^E(06|07|08|09|10|11)\d{6}$": "an ONS area code: E06, E08, E09, E10 (or E07, E11) and six "
    "digits (e.g. E08000015)",
    r"^\d{3}$": "a DfE LA number: three digits, quoted (e.g. '344')",
    r"^https?://\S+$": "a web address starting http:// or https://",
    r"^[a-z0-9_]+$": "a name of lower-case letters, digits and underscores",
}


def _message(err: Any) -> str:
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        msg = f"{err['input']!r} is not allowed; expected one of {expected}"
    elif err["type"] == "string_pattern_mismatch":
        pattern = err["ctx"]["pattern"]
        what = _PATTERN_WORDS.get(pattern, f"text matching {pattern}")
        msg = f"{err['input']!r} is not {what}"
    elif err["type"] == "missing":
        msg = f"required key {str(err['loc'][-1])!r} is missing"
    elif err["type"] == "too_short":  # pydantic's own says "after validation", which is noise
        ctx = err.get("ctx", {})
        msg = f"expected at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length')}"
    return msg


_PSEUDO = {"float", "int", "str", "bool", "none", "list", "dict"}
_KINDS_OF_DATA = {"list": "a list", "str": "text", "int": "a number", "float": "a number"}


def _clean_loc(loc: tuple[int | str, ...]) -> list[int | str]:
    # pydantic adds pseudo-steps for unions, literals and dict keys; keep only real path steps.
    out: list[int | str] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in _PSEUDO):
            continue
        out.append(part)
    return out


def _allowed_keys(doc: loading.Document, loc: tuple[int | str, ...]) -> str:
    # Walk the model tree along *loc* to name the keys the mapping may have.
    kind = str(loc[0])
    model: Any = KIND_MODELS.get(kind)
    for part in loc[2:-1]:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _inner_model(info.annotation) if info else None
    return ", ".join(model.model_fields) if model else "see docs/data-format.md"


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _dotted(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc)
