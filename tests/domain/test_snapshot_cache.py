"""The snapshot's caches give the same answers as computing from scratch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from custom_components.ankle_care.domain.load import LoadHistory
from custom_components.ankle_care.domain.plan import ReminderState
from custom_components.ankle_care.domain.records import (
    Exercise,
    ProfessionalVisit,
    RunnerRecords,
    Side,
    Soreness,
    pop_by_id,
)
from custom_components.ankle_care.domain.recovery import RecoveryPhase
from custom_components.ankle_care.domain.settings import Settings
from custom_components.ankle_care.domain.snapshot import (
    Snapshot,
    SnapshotCache,
    compute_snapshot,
)

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def _fresh(records: RunnerRecords) -> Snapshot:
    history = LoadHistory(UTC)
    history.rebuild(records.runs, None)
    return compute_snapshot(
        records, Settings(), NOW, history, SnapshotCache(), ReminderState()
    )


def test_cached_snapshots_follow_every_kind_of_change() -> None:
    records = RunnerRecords()
    for back in range(40):
        records.add_exercise(
            Exercise(
                id=f"e{back}",
                time=NOW - timedelta(days=back),
                exercise="ankle_alphabet",
            )
        )
    records.add_soreness(
        Soreness(id="old", time=NOW - timedelta(days=30), severity=2, side=Side.LEFT)
    )
    history = LoadHistory(UTC)
    history.rebuild(records.runs, None)
    cache = SnapshotCache()

    def cached() -> Snapshot:
        return compute_snapshot(
            records, Settings(), NOW, history, cache, ReminderState()
        )

    assert cached() == _fresh(records)
    # logged now: no past day changes
    records.add_soreness(Soreness(id="now", time=NOW, severity=1, side=Side.LEFT))
    assert cached() == _fresh(records)
    # logged late, ten days back, with a red flag: those days change
    late = Soreness(
        id="late", time=NOW - timedelta(days=10), severity=9, side=Side.RIGHT
    )
    records.add_soreness(late)
    result = cached()
    assert result == _fresh(records)
    assert result.phase.phase is RecoveryPhase.URGENT_CARE
    assert result.program.today.phase is RecoveryPhase.URGENT_CARE
    # a visit five days back, then the late entry deleted again
    records.add_visit(
        ProfessionalVisit(id="v", time=NOW - timedelta(days=5), side=Side.RIGHT)
    )
    assert cached() == _fresh(records)
    assert pop_by_id(records.soreness, "late") is late
    assert cached() == _fresh(records)
