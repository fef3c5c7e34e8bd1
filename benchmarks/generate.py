"""A deterministic synthetic dataset on top of the shipped data, schema-valid and realistic.

The real councils keep their records, so `show wirral` and `compare --year 2019` ask the same
questions; the bulk goes to synthetic former councils whose graded history ends before 2009
(they existed, were inspected and were abolished), so the answers stay the same size while the
store holds 100,000 more inspections and statements.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from ofsted_cli.dataset import writer
from ofsted_cli.vocab.frameworks import SIF_AREAS

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "the council children services inspection report improvement plan social workers care "
    "leavers families support progress leadership practice safeguarding board investment "
    "staff recruitment partners placements assessments outcomes priority timely quality "
    "oversight early help protection permanence fostering adoption caseloads management"
).split()
ROLES = [
    "Cabinet member for children's services",
    "Leader of the council",
    "Director of children's services",
    "Chief executive",
    "Opposition leader",
]
VISITS = ["ilacs_focused_visit", "ilacs_monitoring_visit", "jtai", "sif_monitoring_visit"]
GRADES = ["outstanding", "good", "requires_improvement", "inadequate"]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _text(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(1, 4)))


def _day(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _inspection(rng: random.Random, cid: str, n: int) -> dict[str, Any]:
    """A graded SIF-like or ungraded visit, dated 1990-2008 (before the real data begins)."""
    start = _day(rng, 1990, 2008)
    record: dict[str, Any] = {"id": f"{cid}-{n:04d}"}
    if rng.random() < 0.3:
        # Graded inspections 95 days apart by their place in the council's list (1980 to 2006):
        # random days put some within 90 days of each other, which validation reports as one
        # inspection recorded twice (same-inspection), and the large data would not validate.
        day = dt.date(1980, 1, 1) + dt.timedelta(days=95 * n)
        record["framework"] = "sif"
        record["start"] = day.isoformat()
        record["published"] = (day + dt.timedelta(days=30)).isoformat()
        record["lead_inspector"] = f"Inspector {rng.randint(1, 400)}"
        record["judgements"] = {a: rng.choice(GRADES) for a in SIF_AREAS if a != "lscb"}
    else:
        record["framework"] = rng.choice(VISITS)
        record["start"] = start[:7] if rng.random() < 0.3 else start
        record["theme"] = rng.choice(["Front door", "Care leavers", "Children in care"])
    record["sources"] = ["synthetic-source"]
    if rng.random() < 0.3:
        record["notes"] = _text(rng)
    return record


def generate(out: Path, inspections: int, statements: int, seed: int = 2026) -> Path:
    """Write the shipped data plus *inspections* and *statements* synthetic records to *out*."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("groups.yaml", "figures.yaml"):
        shutil.copy(ROOT / "data" / name, out / name)
    councils = yaml.safe_load((ROOT / "data" / "inspections.yaml").read_text())["councils"]
    per = 100
    synthetic: list[dict[str, Any]] = []
    for k in range((inspections + per - 1) // per):
        cid = f"synthetic-{k:05d}"
        count = min(per, inspections - k * per)
        synthetic.append(
            {
                "id": cid,
                "name": f"Synthetic Borough {k:05d}",
                "other_names": [],
                "region": "Synthetic region",
                "status": "former",
                "successors": [],
                "sources": ["synthetic-source"],
                "inspections": [_inspection(rng, cid, n) for n in range(count)],
            }
        )
    (out / "inspections.yaml").write_text(writer.dump({"councils": councils + synthetic}))
    statements_out = yaml.safe_load((ROOT / "data" / "statements.yaml").read_text())["statements"]
    for n in range(statements):
        council = synthetic[n % len(synthetic)]
        insp = rng.choice(council["inspections"])
        statements_out.append(
            {
                "id": f"synthetic-statement-{n:06d}",
                "council": council["id"],
                "inspection": insp["id"],
                "speaker": {
                    "name": f"Cllr Example {rng.randint(1, 5000)}",
                    "role": rng.choice(ROLES),
                    "organisation": council["name"] + " Council",
                },
                "date": insp["start"][:7],
                "kind": "direct_quote",
                "text": _text(rng),
                "sources": ["synthetic-source"],
            }
        )
    (out / "statements.yaml").write_text(writer.dump({"statements": statements_out}))
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text())["sources"]
    sources.append(
        {
            "id": "synthetic-source",
            "title": "Synthetic benchmark data",
            "publisher": "ofsted-cli benchmark",
            "kind": "other",
            "notes": "Generated by benchmarks/generate.py; not real data.",
        }
    )
    (out / "sources.yaml").write_text(writer.dump({"sources": sources}))
    return out
