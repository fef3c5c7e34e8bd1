"""Schema checks: each file's records against the models, problems in our own codes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ofsted_cli.dataset import characters, fields, loading, models, numbers
from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.records import Placed, Records
from ofsted_cli.vocab.kinds import KINDS

__all__ = ["Placed", "Records", "check_document"]


def check_document(out: Records, doc: loading.Document) -> None:
    """Add *doc*'s valid records and its problems to *out*."""
    if doc.error:
        line, col, message = doc.error
        code = Code.YAML_SYNTAX if message.startswith("not valid YAML") else Code.UNREADABLE
        out.problems.append(doc.problem((), message, doc.error_code or code, at=(line, col)))
        return
    paths = loading.paths_to(doc.tree(), doc.duplicates) if doc.duplicates else {}
    for key_node in doc.duplicates:
        message = (
            f"duplicate key {key_node.value!r}: YAML keeps only the last; remove or merge the "
            "repeats"
        )
        loc = paths.get(id(key_node), ())
        out.problems.append(doc.problem(loc, message, Code.DUPLICATE_KEY, at=key_node))
    first = len(out.problems)
    _records(out, doc)
    if doc.numbers:
        taken = {(p.line, p.col) for p in out.problems[first:]}
        out.problems.extend(numbers.problems(doc, taken))


def _records(out: Records, doc: loading.Document) -> None:
    data = doc.data
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in KINDS:
        out.problems.append(_unknown_file(doc, data))
        return
    kind = next(iter(data))
    out.kinds_seen.add(kind)
    items = data[kind]
    if not isinstance(items, list):
        out.problems.append(doc.problem((kind,), f"expected a list of {kind}", Code.WRONG_TYPE))
        return
    for i, item in enumerate(items):
        placed = _record(out, doc, kind, i, item)
        if placed is not None:
            out.by_kind[kind].append(placed)


def _unknown_file(doc: loading.Document, data: Any) -> Problem:
    allowed = ", ".join(KINDS)
    if data is None:
        found = "an empty file"
    elif isinstance(data, dict):
        found = f"key{'s' if len(data) != 1 else ''} {', '.join(map(str, data))}"
    else:
        found = {"list": "a list", "str": "text", "int": "a number", "float": "a number"}.get(
            type(data).__name__, type(data).__name__
        )
    # Point at the first key that is not a kind (or the second key), not at the file's start.
    extra = [k for k in data if k not in KINDS] if isinstance(data, dict) else []
    odd = extra[0] if extra else list(data)[1] if isinstance(data, dict) and data else None
    message = f"expected a mapping with one top-level key ({allowed}); found {found}"
    problem = doc.problem(() if odd is None else (str(odd),), message, Code.UNKNOWN_FILE, key=True)
    return replace(problem, loc="")


def _record(out: Records, doc: loading.Document, kind: str, i: int, item: Any) -> Placed | None:
    nested = None
    if kind == "councils" and isinstance(item, dict) and isinstance(item.get("inspections"), list):
        # Inspections are checked one by one, so that one bad council field does not hide
        # its inspections from the cross-record checks (and the reverse).
        nested = item["inspections"]
        item = {k: v for k, v in item.items() if k != "inspections"}
    record: Any
    try:
        record = models.RECORDS[kind].model_validate(item)
    except ValidationError as e:
        out.problems.extend(_problems(doc, (kind, i), e))
        record = None
    positions: tuple[int, ...] = ()
    if kind == "councils" and isinstance(item, dict):
        checked = []
        for j, insp in enumerate(nested or []):
            try:
                checked.append((j, models.Inspection.model_validate(insp)))
            except ValidationError as e:
                out.problems.extend(_problems(doc, (kind, i, "inspections", j), e))
        positions = tuple(j for j, _ in checked)
        valid = [insp for _, insp in checked]
        if record is not None:
            record = record.model_copy(update={"inspections": valid})
        elif isinstance(item.get("id"), str):
            # The council itself is invalid (already reported); its id and its valid
            # inspections still take part in the cross-record checks.
            record = models.Council.model_construct(id=item["id"], successors=[], inspections=valid)
    return Placed(record, doc, (kind, i), positions) if record is not None else None


# pydantic's error types -> ours. Our own validators raise our codes directly.
_CODES = {
    "extra_forbidden": Code.UNKNOWN_KEY,
    "missing": Code.MISSING_KEY,
    "string_pattern_mismatch": Code.BAD_FORMAT,
    "literal_error": Code.NOT_ALLOWED,
    "too_short": Code.EMPTY,
    "string_too_short": Code.EMPTY,
}
_TYPE_ERRORS = {"list", "dict", "str", "string", "int", "float", "bool", "model", "date"}
_OURS = {c.value for c in Code}


def _code(etype: str) -> Code:
    if etype in _OURS:
        return Code(etype)
    if etype in _CODES:
        return _CODES[etype]
    if etype.endswith("_type") or etype.split("_")[0] in _TYPE_ERRORS:
        return Code.WRONG_TYPE
    return Code.SCHEMA


def _problems(
    doc: loading.Document, prefix: tuple[int | str, ...], error: ValidationError
) -> list[Problem]:
    out: list[Problem] = []
    union_at: dict[tuple[int | str, ...], int] = {}
    for err in error.errors(include_url=False):
        loc = prefix + tuple(_clean_loc(err["loc"]))
        if len(loc) - len(prefix) < len(err["loc"]):
            # A union (`value: float | int`) fails once per member at the same place: one line.
            if loc in union_at:
                first = out[union_at[loc]]
                if first.code != Code.WRONG_TYPE:  # one problem of ours says it all
                    continue
                also = str(err["msg"]).removeprefix("Input should be ")
                out[union_at[loc]] = replace(first, message=f"{first.message} or {also}")
                continue
            union_at[loc] = len(out)
        out.append(_problem(doc, loc, err))
    return out


def _problem(doc: loading.Document, loc: tuple[int | str, ...], err: Any) -> Problem:
    etype, code = err["type"], _code(err["type"])
    if etype == "extra_forbidden":
        message = f"unknown key {str(loc[-1])!r}; allowed: {_allowed_keys(loc)}"
        return doc.problem(loc, message, code, key=True)
    node = loading.find(doc.tree(), loc)
    if etype == "string_pattern_mismatch" and isinstance(err["input"], str):
        allowed = "\n\t" if err["ctx"]["pattern"] == fields.PROSE else ""
        hidden = characters.hidden(err["input"], allowed)
        if hidden:
            return doc.problem(loc, hidden, Code.HIDDEN_CHARACTER)
    if etype in ("float_type", "int_type") and numbers.looks_numeric(node):
        return doc.problem(loc, numbers.read_as_text(node), Code.BAD_NUMBER)
    read_as = loading.coerced(node)
    raw = node.value if node is not None else ""
    if read_as and node is not None and node.tag.endswith(":null") and etype == "string_type":
        return doc.problem(loc, "is empty; expected text", Code.EMPTY)
    if read_as and etype == "literal_error":
        # Quoting would not help: no allowed value looks like a number, boolean or date.
        expected = err.get("ctx", {}).get("expected", "")
        message = f"{raw!r} (YAML reads it as {read_as}) is not allowed; expected one of {expected}"
        return doc.problem(loc, message, code)
    if read_as and etype in ("string_type", "string_pattern_mismatch"):
        message = (
            f"expected text, but YAML reads {raw!r} as {read_as}: write it in quotes ('{raw}')"
        )
        return doc.problem(loc, message, Code.QUOTE_IT)
    return doc.problem(loc, _message(err), code)


_PATTERN_WORDS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id: lower-case letters and digits joined by single hyphens "
    "(e.g. st-helens)",
    r"^E(06|07|08|09|10|11)\d{6}$": "an ONS area code: E06, E08, E09, E10 (or E07, E11) and six "
    "digits (e.g. E08000015)",
    r"^\d{3}$": "a DfE LA number: three digits, quoted (e.g. '344')",
    r"^\d{5,7}$": "an Ofsted URN: five to seven digits, quoted (e.g. '80569')",
    fields.URL: "a web address starting http:// or https://",
    r"^[a-z0-9_]+$": "a name of lower-case letters, digits and underscores",
}


def _message(err: Any) -> str:
    msg = str(err["msg"])
    etype = err["type"]
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        msg = f"{err['input']!r} is not allowed; expected one of {expected}"
    elif etype == "string_pattern_mismatch":
        pattern = err["ctx"]["pattern"]
        what = _PATTERN_WORDS.get(pattern, f"text matching {pattern}")
        msg = f"{err['input']!r} is not {what}"
    elif etype == "missing":
        msg = f"required key {str(err['loc'][-1])!r} is missing"
    elif etype == "too_short":  # pydantic's own says "after validation", which is noise
        ctx = err.get("ctx", {})
        msg = f"expected at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length')}"
    return msg


_PSEUDO = {"float", "int", "str", "bool", "none", "list", "dict"}


def _clean_loc(loc: tuple[int | str, ...]) -> list[int | str]:
    # pydantic adds pseudo-steps for unions, literals and dict keys; keep only real path steps.
    return [p for p in loc if not (isinstance(p, str) and ("[" in p or p in _PSEUDO))]


def _allowed_keys(loc: tuple[int | str, ...]) -> str:
    """Walk the model tree along *loc* to name the keys the mapping may have."""
    model: Any = models.RECORDS.get(str(loc[0]))
    for part in loc[2:-1]:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _inner_model(info.annotation) if info else None
    return ", ".join(model.model_fields) if model else "see docs/data-format.md"


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
