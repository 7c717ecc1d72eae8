"""Action `log_exercise`: record a prevention exercise."""

from __future__ import annotations

from homeassistant.core import ServiceCall, ServiceResponse

from ..domain.program import ExerciseKey
from ..door import invalid_input
from ..limits import MAX_REPS, MAX_SECONDS, MAX_SETS
from . import fields
from .validation import choice, runtime


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


async def async_log_exercise(call: ServiceCall) -> ServiceResponse:
    """Record a prevention exercise; respond with today's progress."""
    data = runtime(call)
    key = choice(ExerciseKey, call.data[fields.EXERCISE], "unknown_exercise")
    record = await data.door.async_log_exercise(
        key,
        time=call.data.get(fields.TIME),
        sets=_whole(call, fields.SETS, MAX_SETS),
        reps=_whole(call, fields.REPS, MAX_REPS),
        seconds=_whole(call, fields.SECONDS, MAX_SECONDS),
    )
    program = data.coordinator.data.program
    return {
        "exercise_id": record.id,
        "done_today": [key for key, done in program.done.items() if done],
        "remaining_today": [key for key, done in program.done.items() if not done],
        "adherence": program.adherence,
        "streak": program.streak,
    }
