"""Logging prevention exercises: the action `log_exercise` and the to-do check marks."""

from __future__ import annotations

from datetime import datetime

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, callback
from homeassistant.util import dt as dt_util

from .coordinator import AnkleCareCoordinator
from .domain.program import EXERCISES, ExerciseKey
from .domain.records import Exercise, new_id
from .validation import choice, event_time, invalid_input, loaded_entry

MAX_SETS = 100
MAX_REPS = 1000
MAX_SECONDS = 24 * 3600


@callback
def async_log_exercise(
    coordinator: AnkleCareCoordinator,
    key: ExerciseKey,
    *,
    time: datetime | None = None,
    sets: int | None = None,
    reps: int | None = None,
    seconds: int | None = None,
) -> Exercise:
    """Record an exercise (the program's dose when none is given)."""
    dosage = EXERCISES[key].dosage
    if sets is None and reps is None and seconds is None:
        sets, reps, seconds = dosage.sets, dosage.reps, dosage.seconds
    record = Exercise(
        id=new_id(),
        time=time or dt_util.utcnow(),
        exercise=key.value,
        sets=sets,
        reps=reps,
        seconds=seconds,
    )
    coordinator.records.add_exercise(record)
    coordinator.async_commit()
    return record


@callback
def async_unlog_exercise_today(
    coordinator: AnkleCareCoordinator, key: ExerciseKey
) -> None:
    """Remove what was logged for an exercise today (an item was unchecked)."""
    today = dt_util.now().date()
    coordinator.records.exercises = [
        exercise
        for exercise in coordinator.records.exercises
        if not (
            exercise.exercise == key and dt_util.as_local(exercise.time).date() == today
        )
    ]
    coordinator.async_commit()


def _whole(call: ServiceCall, field: str, maximum: int) -> int | None:
    """Return a positive whole number field, or raise a translated error."""
    value: float | None = call.data.get(field)
    if value is None:
        return None
    if not float(value).is_integer() or not 0 < value <= maximum:
        raise invalid_input(
            "count_out_of_range", field=field, value=f"{value:g}", maximum=maximum
        )
    return int(value)


def log_exercise(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record a prevention exercise; respond with today's progress."""
    coordinator = loaded_entry(hass, call).runtime_data
    key = choice(ExerciseKey, call.data["exercise"], "unknown_exercise")
    sets = _whole(call, "sets", MAX_SETS)
    reps = _whole(call, "reps", MAX_REPS)
    seconds = _whole(call, "seconds", MAX_SECONDS)
    record = async_log_exercise(
        coordinator,
        key,
        time=event_time(call),
        sets=sets,
        reps=reps,
        seconds=seconds,
    )
    program = coordinator.data.program
    return {
        "exercise_id": record.id,
        "done_today": [key for key, done in program.done.items() if done],
        "remaining_today": [key for key, done in program.done.items() if not done],
        "adherence": program.adherence,
        "streak": program.streak,
    }
