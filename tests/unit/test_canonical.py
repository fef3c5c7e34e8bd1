"""The canonical form on generated data: any valid records, written in any YAML style, are
formatted losslessly, the form is stable, and it is exactly what the importer writes."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofsted_cli.dataset import canonical, formatter, loading
from ofsted_cli.dataset.schema import Records, check_document
from ofsted_cli.vocab.frameworks import AREAS, FRAMEWORKS
from ofsted_cli.vocab.grades import CODES as GRADES
from ofsted_cli.vocab.kinds import KINDS

EXAMPLES = int(os.environ.get("OFSTED_FUZZ_EXAMPLES", "2500")) // 5
RANDOM = os.environ.get("OFSTED_FUZZ_RANDOM") == "1"

# Any printable character, YAML's indicators and quotes included; no control, format (bidi,
# zero-width), separator or unassigned ones, which the models refuse.
CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn"))
TEXT = st.text(CHARS, min_size=1, max_size=24) | st.sampled_from(
    ["no", "yes", "0123", "12:30", "2019-07-29", "null", "~", "- x", "a: b", "#", "'", '"', " "]
)
PROSE = st.text(CHARS | st.sampled_from("\n\t  "), min_size=1, max_size=60)
SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
SNAKE = st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True)
DAY = st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
DATE = DAY | DAY.map(lambda d: d[:7]) | DAY.map(lambda d: d[:4])
URL = st.from_regex(
    r"https?://[a-z]{1,8}\.[a-z]{2,3}/[A-Za-z0-9/#?=&%._~:,-]{0,20}", fullmatch=True
)
AREA = st.sampled_from(AREAS) | TEXT  # any text: which areas a framework has is checked later
FIGURE = st.integers(-(10**14), 10**14) | st.floats(-1e14, 1e14, allow_nan=False)


def _record(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    """A dict strategy: every required key, any of the optional ones."""
    return st.fixed_dictionaries(required, optional=optional)


SOURCE = _record(
    {"id": SLUG, "title": TEXT, "publisher": TEXT, "kind": st.sampled_from(["news", "other"])},
    {"url": URL, "published": DATE, "published_inferred": st.booleans(), "cutoff": DATE,
     "notes": PROSE},
)  # fmt: skip
INSPECTION = _record(
    {"id": SLUG, "framework": st.sampled_from(sorted(FRAMEWORKS)),
     "sources": st.lists(SLUG, min_size=1, max_size=3)},
    {"start": DATE, "end": DATE, "published": DATE, "lead_inspector": TEXT, "theme": TEXT,
     "judgements": st.dictionaries(AREA, st.sampled_from(GRADES), max_size=4),
     "provisional": st.booleans(), "notes": PROSE},
)  # fmt: skip
COUNCIL = _record(
    {"id": SLUG, "name": TEXT},
    {"other_names": st.lists(TEXT, max_size=3),
     "ons_code": st.from_regex(r"E0[6-9]\d{6}", fullmatch=True),
     "la_number": st.from_regex(r"\d{3}", fullmatch=True),
     "urn": st.from_regex(r"\d{5,7}", fullmatch=True),
     "region": TEXT, "status": st.sampled_from(["current", "former"]),
     "successors": st.lists(SLUG, max_size=2),
     "abolished": DATE, "sources": st.lists(SLUG, max_size=2), "notes": PROSE,
     "inspections": st.lists(INSPECTION, max_size=3)},
)  # fmt: skip
STATEMENT = _record(
    {"id": SLUG, "council": SLUG, "kind": st.sampled_from(["direct_quote", "reported_speech"]),
     "text": PROSE, "sources": st.lists(SLUG, min_size=1, max_size=2),
     "speaker": _record({}, {"name": TEXT, "role": TEXT, "organisation": TEXT})},
    {"inspection": SLUG, "date": DATE, "date_inferred": st.booleans(), "notes": PROSE},
)  # fmt: skip
GROUP = _record(
    {"id": SLUG, "name": TEXT, "members": st.lists(SLUG, min_size=1, max_size=3),
     "sources": st.lists(SLUG, min_size=1, max_size=2)},
    {"notes": PROSE},
)  # fmt: skip
FIGURE_RECORD = _record(
    {"id": SLUG, "subject": SLUG, "topic": SNAKE, "measure": SNAKE, "description": TEXT,
     "value": FIGURE, "unit": st.sampled_from(["percent", "count"]),
     "sources": st.lists(SLUG, min_size=1, max_size=2)},
    {"as_of": DATE, "as_of_inferred": st.booleans(), "notes": PROSE},
)  # fmt: skip
RECORDS = {"councils": COUNCIL, "statements": STATEMENT, "sources": SOURCE, "groups": GROUP,
           "figures": FIGURE_RECORD}  # fmt: skip


@st.composite
def files(draw: st.DrawFn) -> tuple[str, list[Any], str]:
    """(kind, records, the records written by PyYAML in a style drawn at random)."""
    kind = draw(st.sampled_from(sorted(RECORDS)))
    items = draw(st.lists(RECORDS[kind], min_size=1, max_size=4))
    text = yaml.safe_dump(
        {kind: items},
        default_flow_style=draw(st.sampled_from([False, True, None])),
        sort_keys=draw(st.booleans()),
        allow_unicode=draw(st.booleans()),
        width=draw(st.integers(20, 200)),
        indent=draw(st.integers(2, 6)),
    )
    return kind, items, draw(st.sampled_from(["", "# A comment block\n\n"])) + text


def _records(text: str) -> list[Any]:
    doc = loading.load_text(text, "data.yaml")
    checked = Records()
    check_document(checked, doc)
    assert not checked.problems, [p.parsable() for p in checked.problems]
    return [p.record for kind in checked.by_kind.values() for p in kind]


@settings(
    max_examples=max(1, EXAMPLES),
    derandomize=not RANDOM,
    database=None,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files())
def test_fmt_is_lossless_stable_and_the_importers_form(case: tuple[str, list[Any], str]) -> None:
    """Any valid file: fmt reads back as the same records, fmt of the result changes nothing,
    and the result is what the importer writes for the same records (as the file holds them:
    PyYAML's own writer does not always write what it is given, e.g. '0\xa0 0' folded)."""
    kind, _, text = case
    items = loading.load_text(text, "data.yaml").data[kind]
    records = _records(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / KINDS[kind].file
        path.write_text(text, encoding="utf-8")
        done = formatter.format_file(path)
        assert done.problems == []
        assert _records(done.text) == records
        assert done.text == canonical.render(kind, items, text)
        path.write_text(done.text, encoding="utf-8")
        again = formatter.format_file(path)
        assert (again.problems, again.changed) == ([], False)
