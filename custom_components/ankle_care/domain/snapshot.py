"""One computed picture of a runner: what every entity shows at a moment.

`compute_snapshot` is the single place where records, settings and the clock
become figures. Home Assistant glue calls it after every change and on a timer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .load import LoadHistory, LoadSnapshot
from .records import RunnerRecords, Soreness
from .recovery import PhaseStatus, recovery_status
from .settings import Settings
from .triage import Assessment, assess


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything derived from the records at one moment."""

    computed_at: datetime = field(compare=False)
    latest_soreness: Soreness | None
    assessment: Assessment
    phase: PhaseStatus
    load: LoadSnapshot


def compute_snapshot(
    records: RunnerRecords,
    settings: Settings,
    now: datetime,
    history: LoadHistory,
) -> Snapshot:
    """Compute the runner's snapshot at `now`.

    `history` must hold the same runs as `records` (the coordinator keeps it in
    step incrementally, so a new run does not recompute years of history).
    """
    phase = recovery_status(records.soreness, records.treatments, now, settings)
    current = phase.current
    load = history.snapshot(
        now.astimezone(history.tz).date(),
        settings,
        shoes=records.shoes,
        default_shoe_id=records.default_shoe_id,
        soreness=current.severity if current else None,
        may_run=phase.may_run,
    )
    return Snapshot(
        computed_at=now,
        latest_soreness=records.soreness[-1] if records.soreness else None,
        assessment=assess(current, settings),
        phase=phase,
        load=load,
    )
