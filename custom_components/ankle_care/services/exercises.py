"""Action `log_exercise`: record a prevention exercise."""

from __future__ import annotations

from homeassistant.core import ServiceCall, ServiceResponse

from ..domain.program import ExerciseKey
from . import fields
from .validation import choice, runtime


async def async_log_exercise(call: ServiceCall) -> ServiceResponse:
    """Record a prevention exercise; respond with today's progress."""
    data = runtime(call)
    key = choice(ExerciseKey, call.data[fields.EXERCISE], "unknown_exercise")
    record = await data.door.async_log_exercise(
        key,
        time=call.data.get(fields.TIME),
        sets=call.data.get(fields.SETS),
        reps=call.data.get(fields.REPS),
        seconds=call.data.get(fields.SECONDS),
    )
    program = data.coordinator.data.program
    return {
        "exercise_id": record.id,
        "done_today": [key for key, done in program.done.items() if done],
        "remaining_today": [key for key, done in program.done.items() if not done],
        "adherence": program.adherence,
        "streak": program.streak,
    }
