"""Tests of the run archive: its summary, when it is due and how runs are split."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
import json

import pytest

from custom_components.ankle_care.domain.archive import (
    ARCHIVE_AFTER_DAYS,
    ARCHIVE_SLACK_DAYS,
    ArchiveSummary,
    archive_cutoff,
    archive_from_dict,
    archive_to_dict,
    archiving_due,
    change_archive,
    tz_name,
)
from custom_components.ankle_care.domain.load import ArchivedLoad, LoadHistory
from custom_components.ankle_care.domain.records import Run, Surface
from custom_components.ankle_care.domain.settings import (
    AcwrMethod,
    LoadBasis,
    Settings,
)

TODAY = date(2026, 11, 20)


def run(back: int, km: float = 5.0, **kwargs: object) -> Run:
    start = datetime.combine(TODAY - timedelta(days=back), time(7), UTC)
    return Run(
        id=kwargs.pop("run_id", f"r{back}-{km}"),  # type: ignore[arg-type]
        start=start,
        distance_km=km,
        **kwargs,  # type: ignore[arg-type]
    )


def test_cutoff_and_when_archiving_is_due() -> None:
    assert archive_cutoff(TODAY) == TODAY.toordinal() - ARCHIVE_AFTER_DAYS
    assert not archiving_due([], UTC, TODAY)
    assert not archiving_due([run(ARCHIVE_AFTER_DAYS + ARCHIVE_SLACK_DAYS)], UTC, TODAY)
    assert archiving_due([run(ARCHIVE_AFTER_DAYS + ARCHIVE_SLACK_DAYS + 1)], UTC, TODAY)


def test_summary_round_trips_through_json() -> None:
    runs = [
        run(900, 10.1, shoe_id="a", surface=Surface.TRAIL),
        run(900, 3.3, run_id="second", duration_minutes=20, rpe=4),
        run(500, 7.77, shoe_id="b", surface=Surface.TRACK),
    ]
    summary = ArchiveSummary(
        tz_name(UTC), ArchivedLoad.from_runs(runs, UTC, archive_cutoff(TODAY))
    )
    assert summary.runs == 3
    assert summary.before == archive_cutoff(TODAY)
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["shoe_ids"] == ["a", "b"]
    assert ArchiveSummary.from_dict(data) == summary
    assert archive_from_dict(json.loads(json.dumps(archive_to_dict(runs)))) == runs
    assert archive_from_dict(None) == []


def test_change_archive_splits_dedupes_and_totals() -> None:
    old = [run(back, km=4 + back % 5) for back in range(1000, 400, -3)]
    recent = [run(back, km=3 + back % 4) for back in range(400, 0, -2)]
    # first split: everything was recent
    first = change_archive(None, [*old, *recent], lambda r, a: len(a), UTC, TODAY)
    assert first.result == 0
    assert first.summary is not None
    assert first.summary.runs == len(old)
    assert first.recent == recent
    assert archive_from_dict(first.archive) == old
    # an archive that still holds a recent run (written before the records were)
    stored = archive_to_dict([*old, recent[0]])
    again = change_archive(stored, list(recent), lambda r, a: len(a), UTC, TODAY)
    assert again.result == len(old)
    assert again.summary == first.summary
    # the history of the split gives the figures of every run
    full = LoadHistory(UTC)
    full.rebuild([*old, *recent])
    for method in AcwrMethod:
        for basis in LoadBasis:
            settings = Settings(acwr_method=method, load_basis=basis)
            assert again.history.snapshot(TODAY, settings) == full.snapshot(
                TODAY, settings
            )
    # removing every archived run leaves no summary
    empty = change_archive(stored, list(recent), lambda r, a: a.clear(), UTC, TODAY)
    assert empty.summary is None
    assert empty.archive == {"runs": []}


def test_summary_keeps_the_local_days_of_its_time_zone() -> None:
    summary = ArchiveSummary(
        "UTC", ArchivedLoad.from_runs([run(800)], UTC, archive_cutoff(TODAY))
    )
    assert summary.tz == tz_name(UTC)
    with pytest.raises(ValueError, match="before the cutoff"):
        ArchivedLoad.from_runs([run(10)], UTC, archive_cutoff(TODAY))
