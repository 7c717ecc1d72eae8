"""One computed picture of a runner: what every entity shows at a moment.

`compute_snapshot` is the single place where records, settings and the clock
become figures. Home Assistant glue calls it after every change and on a timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .records import RunnerRecords
from .settings import Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything derived from the records at one moment."""

    computed_at: datetime
    counts: dict[str, int]


def compute_snapshot(
    records: RunnerRecords, settings: Settings, now: datetime
) -> Snapshot:
    """Compute the runner's snapshot at `now`."""
    del settings  # used by the figures added on top of the foundation
    return Snapshot(computed_at=now, counts=records.counts())
