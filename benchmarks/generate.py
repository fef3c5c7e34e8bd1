"""A deterministic synthetic dataset on top of the shipped data, schema-valid and realistic.

The bulk goes to synthetic former councils whose history ends before 2009 (they existed, were
inspected and were abolished), so that the questions the benchmarks ask keep answers of about
the same size at any scale. The councils the benchmarks query are touched too (issue 14): every
current council gets a few synthetic visits before 2009 and statements about them, whatever
the scale, so that the queries' lookups walk tables where the queried rows sit among the
synthetic ones; and the groups and figures grow with the data.

The synthetic records are written as text in the canonical layout of `dataset/writer.py`
(`writer.dump` quotes each scalar through PyYAML's emitter, which is too slow for a million
records); the values are chosen so that none needs quoting but the dates.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
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
PER_COUNCIL = 100
"""Inspections of each synthetic council."""
TOUCH_VISITS = 2
TOUCH_STATEMENTS = 2
"""Synthetic visits and statements of each current council, at every scale."""
GROUP_SIZE = 20
SOURCE = "synthetic-source"


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _text(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(1, 4)))


def _day(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _visit(rng: random.Random, iid: str) -> list[str]:
    """An ungraded visit before 2009 (no rating in force changes)."""
    start = _day(rng, 1990, 2008)
    lines = [
        f"      - id: {iid}",
        f"        framework: {rng.choice(VISITS)}",
        f"        start: '{start[:7] if rng.random() < 0.3 else start}'",
        f"        theme: {rng.choice(['Front door', 'Care leavers', 'Children in care'])}",
        f"        sources: [{SOURCE}]",
    ]
    if rng.random() < 0.3:
        lines.append(f"        notes: {_text(rng)}")
    return lines


def _sif(rng: random.Random, iid: str, year: int, month: int) -> list[str]:
    """A graded SIF-like inspection; a council's are spaced more than 90 days apart."""
    start = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    lines = [
        f"      - id: {iid}",
        "        framework: sif",
        f"        start: '{start}'",
        f"        published: '{year}-{month:02d}-28'",
        f"        lead_inspector: Inspector {rng.randint(1, 400)}",
        "        judgements:",
    ]
    lines += [f"          {a}: {rng.choice(GRADES)}" for a in SIF_AREAS if a != "lscb"]
    lines.append(f"        sources: [{SOURCE}]")
    return lines


def _council(rng: random.Random, k: int, count: int) -> tuple[str, list[str], list[str]]:
    """Text of synthetic council *k* with *count* inspections; its id and inspection ids."""
    cid = f"synthetic-{k:05d}"
    lines = [
        f"  - id: {cid}",
        f"    name: Synthetic Borough {k:05d}",
        "    other_names: []",
        "    region: Synthetic region",
        "    status: former",
        "    successors: []",
        f"    sources: [{SOURCE}]",
        "    inspections:",
    ]
    ids, sifs = [], 0
    for n in range(count):
        iid = f"{cid}-{n:04d}"
        ids.append(iid)
        if rng.random() < 0.3 and sifs < 54:  # four months apart, 1990 to 2007
            lines += _sif(rng, iid, 1990 + sifs // 3, 1 + 4 * (sifs % 3))
            sifs += 1
        else:
            lines += _visit(rng, iid)
    return cid, ids, lines


def _statement(rng: random.Random, sid: str, cid: str, name: str, iid: str) -> list[str]:
    return [
        f"  - id: {sid}",
        f"    council: {cid}",
        f"    inspection: {iid}",
        "    speaker:",
        f"      name: Cllr Example {rng.randint(1, 5000)}",
        f"      role: {rng.choice(ROLES)}",
        f"      organisation: {name} Council",
        f"    date: '{rng.randint(1990, 2008)}-{rng.randint(1, 12):02d}'",
        "    kind: direct_quote",
        f"    text: {_text(rng)}",
        f"    sources: [{SOURCE}]",
    ]


def _load(name: str) -> Any:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def generate(out: Path, inspections: int, statements: int, seed: int = 2026) -> Path:
    """Write the shipped data plus about *inspections* and *statements* synthetic records."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    real = _load("inspections.yaml")["councils"]
    current = [c for c in real if c["status"] == "current"]
    touched: list[tuple[str, str, str]] = []  # (council id, name, synthetic visit id)
    for c in current:
        for j in range(TOUCH_VISITS):
            iid = f"{c['id']}-synthetic-visit-{j}"
            visit = yaml.safe_load("\n".join(line[8:] for line in _visit(rng, iid)))
            c["inspections"].append(visit)
            touched.append((c["id"], c["name"], iid))
    bulk = max(0, inspections - len(touched))
    synthetic: list[tuple[str, list[str]]] = []
    with (out / "inspections.yaml").open("w", encoding="utf-8") as f:
        f.write(writer.dump({"councils": real}))
        for k in range((bulk + PER_COUNCIL - 1) // PER_COUNCIL):
            cid, ids, lines = _council(rng, k, min(PER_COUNCIL, bulk - k * PER_COUNCIL))
            synthetic.append((cid, ids))
            f.write("\n".join(lines) + "\n")
    with (out / "statements.yaml").open("w", encoding="utf-8") as f:
        f.write(writer.dump(_load("statements.yaml")))
        n = 0
        for cid, name, iid in touched[: statements // 2]:
            for _ in range(TOUCH_STATEMENTS):
                f.write("\n".join(_statement(rng, f"synthetic-statement-{n:07d}", cid, name, iid)))
                f.write("\n")
                n += 1
        while n < statements and synthetic:
            cid, ids = synthetic[n % len(synthetic)]
            name = f"Synthetic Borough {cid[-5:]}"
            lines = _statement(rng, f"synthetic-statement-{n:07d}", cid, name, rng.choice(ids))
            f.write("\n".join(lines) + "\n")
            n += 1
    _groups_and_figures(out, [cid for cid, _ in synthetic], rng)
    sources = _load("sources.yaml")
    sources["sources"].append(
        {
            "id": SOURCE,
            "title": "Synthetic benchmark data",
            "publisher": "ofsted-cli benchmark",
            "kind": "other",
            "notes": "Generated by benchmarks/generate.py; not real data.",
        }
    )
    (out / "sources.yaml").write_text(writer.dump(sources), encoding="utf-8")
    return out


def _groups_and_figures(out: Path, councils: list[str], rng: random.Random) -> None:
    """The shipped groups and figures, and one synthetic group with a figure per
    GROUP_SIZE synthetic councils."""
    shutil.copy(ROOT / "data" / "groups.yaml", out / "groups.yaml")
    shutil.copy(ROOT / "data" / "figures.yaml", out / "figures.yaml")
    chunks: Iterator[list[str]] = (
        councils[i : i + GROUP_SIZE] for i in range(0, len(councils), GROUP_SIZE)
    )
    with (
        (out / "groups.yaml").open("a", encoding="utf-8") as groups,
        (out / "figures.yaml").open("a", encoding="utf-8") as figures,
    ):
        for g, members in enumerate(chunks):
            gid = f"synthetic-group-{g:05d}"
            groups.write(
                f"  - id: {gid}\n    name: Synthetic group {g:05d}\n"
                f"    members: [{', '.join(members)}]\n    sources: [{SOURCE}]\n"
            )
            figures.write(
                f"  - id: {gid}-homes-good\n    subject: {gid}\n    topic: childrens_homes\n"
                "    measure: share_good\n    description: Synthetic share of homes rated good\n"
                f"    value: {rng.randint(0, 100)}\n    unit: percent\n"
                f"    as_of: '{rng.randint(1990, 2008)}-03'\n    sources: [{SOURCE}]\n"
            )
