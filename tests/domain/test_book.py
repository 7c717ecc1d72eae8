"""The typed runner state keeps the stored layout of earlier versions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from custom_components.ankle_care.domain.book import RunnerState
from custom_components.ankle_care.domain.capture import CaptureState
from custom_components.ankle_care.domain.plan import ReminderState
from custom_components.ankle_care.domain.recovery import advance_checkpoint
from custom_components.ankle_care.domain.settings import Settings

T0 = datetime(2026, 11, 1, 7, tzinfo=UTC)


def test_state_reads_the_layout_earlier_versions_wrote() -> None:
    stored = {
        "reminder_state": {
            "plan": {"acknowledged_at": T0.isoformat()},
            "enabled": False,
        },
        "capture_state": {"baseline_km": 12.5, "unit": "km", "entity_id": "sensor.w"},
    }
    state = RunnerState.from_dict(stored)
    assert state.reminders.acknowledged_at == T0
    assert state.reminders_enabled is False
    assert state.capture == CaptureState(baseline_km=12.5, unit="km")
    assert state.capture_source == "sensor.w"
    assert state.recovery_checkpoint is None
    assert RunnerState.from_dict(state.to_dict()) == state


def test_empty_state_and_round_trip_with_a_checkpoint() -> None:
    assert RunnerState.from_dict({}) == RunnerState()
    assert RunnerState().to_dict()["capture_state"] == {}
    checkpoint = advance_checkpoint(
        None, [], [], [], T0 + timedelta(days=200), Settings()
    )
    state = RunnerState(
        reminders=ReminderState(snoozed_until=T0),
        recovery_checkpoint=checkpoint,
    )
    assert RunnerState.from_dict(state.to_dict()) == state
