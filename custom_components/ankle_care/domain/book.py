"""Everything kept of one runner: the records, the typed state beside them, the load.

`RunnerBook` is what the snapshot reads and what the Home Assistant side's one door
(`door.py`) changes; nothing else writes to it. `RunnerState` is the typed state that
is not a record: what happened to the reminders, whether they are delivered, what the
distance-sensor capture remembers, and the recovery replay's checkpoint. The store
keeps the file format of earlier versions (`reminder_state`, `capture_state` and
`recovery_checkpoint` beside the records), so no migration is needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Self

from .archive import ArchiveSummary
from .capture import CaptureState
from .load import LoadHistory
from .plan import ReminderState
from .records import RunnerRecords
from .recovery import RecoveryCheckpoint

# Keys of the stored state, as earlier versions wrote them.
_REMINDER_STATE = "reminder_state"
_PLAN = "plan"
_ENABLED = "enabled"
_CAPTURE_STATE = "capture_state"
_CAPTURE_SOURCE = "entity_id"
_CHECKPOINT = "recovery_checkpoint"


@dataclass(slots=True, kw_only=True)
class RunnerState:
    """The typed state kept with a runner's records.

    Attributes:
        reminders: What was delivered, done, skipped, snoozed or acknowledged.
        reminders_enabled: Whether reminders are delivered (the `reminders` switch).
        capture: What the distance-sensor capture remembers between readings.
        capture_source: The sensor `capture` belongs to; another sensor starts anew.
        recovery_checkpoint: Where the recovery replay starts (see `recovery`).

    """

    reminders: ReminderState = field(default_factory=ReminderState)
    reminders_enabled: bool = True
    capture: CaptureState = field(default_factory=CaptureState)
    capture_source: str | None = None
    recovery_checkpoint: RecoveryCheckpoint | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise in the stored layout of earlier versions."""
        capture: dict[str, Any] = {}
        if self.capture_source is not None:
            capture = {**self.capture.to_dict(), _CAPTURE_SOURCE: self.capture_source}
        checkpoint = self.recovery_checkpoint
        return {
            _REMINDER_STATE: {
                _PLAN: self.reminders.to_dict(),
                _ENABLED: self.reminders_enabled,
            },
            _CAPTURE_STATE: capture,
            _CHECKPOINT: checkpoint.to_dict() if checkpoint is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read the stored state; missing parts give their defaults."""
        reminder_state = data.get(_REMINDER_STATE) or {}
        capture = data.get(_CAPTURE_STATE) or {}
        source = capture.get(_CAPTURE_SOURCE)
        return cls(
            reminders=ReminderState.from_dict(reminder_state.get(_PLAN) or {}),
            reminders_enabled=bool(reminder_state.get(_ENABLED, True)),
            capture=CaptureState.from_dict(capture) if source else CaptureState(),
            capture_source=source,
            recovery_checkpoint=RecoveryCheckpoint.from_dict(data.get(_CHECKPOINT)),
        )


@dataclass(slots=True, kw_only=True)
class RunnerBook:
    """One runner's records, state, archive summary and load history.

    `history` holds the recent runs plus the archive's daily totals and is kept in
    step with `records.runs` by whoever changes them (the door), so that a new run
    does not recompute years of history. `archive_pending` is true while a change
    of the archive may be half written (the records are saved with it first).
    """

    records: RunnerRecords
    state: RunnerState
    history: LoadHistory
    archive: ArchiveSummary | None = None
    archive_pending: bool = False


__all__ = ["RunnerBook", "RunnerState"]
