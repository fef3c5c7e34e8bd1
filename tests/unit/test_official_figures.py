"""Sanity checks of tests/official_figures.py against what Ofsted's files say about themselves."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from tests import official_figures as of

pytestmark = [
    pytest.mark.reference,
    pytest.mark.skipif(not of.available(), reason=f"the official files are not in {of.REFERENCE}"),
]


def test_snapshot_counts_sum_to_the_councils_listed() -> None:
    assert sum(of.snapshot_counts(2023).values()) == len(of.snapshot(2023)) == 152
    assert sum(of.snapshot_counts(2024).values()) == len(of.snapshot(2024)) == 153
    assert sum(of.snapshot_counts(2025).values()) == len(of.snapshot(2025)) == 153
    # 2024: Cumberland and Westmorland and Furness (from April 2023) are "Not yet inspected".
    assert of.snapshot_counts(2024)[of.NOT_INSPECTED] == 2
    assert of.NOT_INSPECTED not in of.snapshot_counts(2025)


def test_every_current_council_has_an_ons_code_and_a_lookup_urn() -> None:
    current = of.current_councils()
    assert len(current) == 153
    for key in current:
        council = of.councils()[key]
        assert council.ons_code == key and council.current and council.urn
        assert of.key_for_urn(council.urn) == key
    # Names the older editions spell differently resolve to the same council.
    assert of.council_key("Bedford Borough") == of.council_key("Bedford") == "E06000055"
    assert of.council_key("Southend on Sea") == of.council_key("Southend-on-Sea")
    assert of.council_key("Cumbria") == "E10000006"
    # A "no longer exists" row never resolves to a current council of the same name.
    assert of.council_key("Dorset") == "E06000059"
    assert of.council_key("Dorset", former=True) == "dorset"
    assert of.council_key("Bournemouth", former=True) == "E06000028"


def test_2025_edition_covers_what_its_cover_sheet_says() -> None:
    """Cover: "Inspections as at 31 March 2025, with a report published by 30 June 2025"."""
    rows = of.ilacs_2025()
    assert max(r.inspected for r in rows if r.inspected) <= dt.date(2025, 3, 31)
    assert max(r.published for r in rows) <= of.CUT_OFF
    assert all(r.inspected for r in rows)


def test_2024_note_eleven_inspections_before_april_2023() -> None:
    """2024 Notes: the in-year list shows 11 inspections that took place before 1 April 2023,
    left out of the 2023 release because their reports came after its cut-off."""
    rows = of._sheet(of.OUTCOMES_2024, "Inspections_in_year_2023-24")
    early = [
        r for r in rows[3:] if isinstance(r[3], dt.datetime) and r[3] < dt.datetime(2023, 4, 1)
    ]
    assert len(early) == 11
    graded = {of.council_key(r[1]) for r in early if "Inspection" in str(r[4])}
    assert len(graded) == 6
    late = {
        r.council
        for r in of.ilacs_2025()
        if r.inspected and r.inspected < dt.date(2023, 4, 1) and r.published > dt.date(2023, 4, 30)
    }
    # ... plus South Tyneside, which the 2023 release included anyway (its note 4).
    assert late == graded | {of.council_key("South Tyneside")}


def test_2023_note_4_south_tyneside_is_the_one_late_report() -> None:
    late = [r for r in of._wide_2023() if r.published > dt.date(2023, 4, 30)]
    assert [(r.name, r.published) for r in late] == [("South Tyneside", dt.date(2023, 5, 10))]
    assert of.snapshot(2023)[late[0].council].overall == "inadequate"


def test_2025_note_staffordshire_care_leavers_corrected() -> None:
    key = of.council_key("Staffordshire")
    before, after = of.snapshot(2024)[key], of.snapshot(2025)[key]
    assert before.inspected == after.inspected == dt.date(2023, 11, 6)
    assert (before.care_leavers, after.care_leavers) == ("good", "requires_improvement")


def test_2025_snapshot_is_the_latest_ilacs_in_the_history() -> None:
    latest: dict[str, of.Inspection] = {}
    for r in of.ilacs_2025():
        if r.council not in latest or r.published > latest[r.council].published:
            latest[r.council] = r
    for key, s in of.snapshot(2025).items():
        r = latest[key]
        assert (s.inspected, s.published, s.overall) == (r.inspected, r.published, r.overall)


def test_editions_overlap_and_disagree_only_on_nottingham_and_merton() -> None:
    pairs = of.ilacs_overlap()
    assert len(pairs) == 177
    differ = {
        (old.name, old.published, new.published, old.framework, new.framework)
        for old, new in pairs
        if (old.published, old.framework, old.overall)
        != (new.published, new.framework, new.overall)
    }
    assert differ == {
        (
            "Nottingham",
            dt.date(2022, 11, 5),
            dt.date(2022, 9, 5),
            "ilacs_standard",
            "ilacs_standard",
        ),
        ("Merton", dt.date(2022, 5, 9), dt.date(2022, 5, 9), "ilacs_standard", "ilacs_short"),
    }


def test_every_sif_era_council_has_one_first_sif() -> None:
    inspections = of.inspections()
    sif = Counter(r.council for r in inspections if r.framework == "sif")
    assert len(sif) == 152 and set(sif.values()) == {1}
    assert Counter(r.framework for r in inspections) == {
        "sif": 152,
        "sif_reinspection": 21,
        "ilacs_standard": 171,
        "ilacs_short": 100,
    }


def test_graded_reports_by_year() -> None:
    assert not of.graded_reports_published(2013)
    assert all(of.graded_reports_published(y) for y in of.COMPLETE_YEARS)
    total = sum(sum(of.graded_reports_published(y).values()) for y in range(2013, 2026))
    assert total == len(of.inspections()) == 444
    assert set().union(*(of.graded_reports_published(y) for y in of.COMPLETE_YEARS)) == set(
        of.GRADES
    )


def test_history_never_rated_and_transitions_agree() -> None:
    history = of.overall_history()
    for dated in history.values():
        assert dated == sorted(dated)
    current = of.current_councils()
    assert current <= set(history)
    for grade in of.GRADES:
        never = of.never_rated(grade)
        assert never <= current
        rated = {c for c in current if any(g == grade for _, _, g in history[c])}
        assert never == current - rated
    assert not set.intersection(*(of.never_rated(g) for g in of.GRADES))
    transitions = of.transitions()
    assert len(transitions) == sum(len(h) - 1 for h in history.values())
    sunderland = [t for t in transitions if t.council == of.council_key("Sunderland")]
    assert ("inadequate", "outstanding") in {(t.before, t.after) for t in sunderland}
