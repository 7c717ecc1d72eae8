"""Action `snooze_reminders`: postpone a runner's reminders for a while."""

from __future__ import annotations

from homeassistant.core import ServiceCall, ServiceResponse

from ..door import invalid_input
from ..limits import MAX_SNOOZE_MINUTES
from . import fields
from .validation import runtime


async def async_snooze_reminders(call: ServiceCall) -> ServiceResponse:
    """Postpone every reminder except an urgent one; respond with the end."""
    data = runtime(call)
    minutes: float = call.data[fields.MINUTES]
    if not 0 < minutes <= MAX_SNOOZE_MINUTES:
        raise invalid_input(
            "minutes_out_of_range",
            value=f"{minutes:g}",
            minimum="0",
            maximum=f"{MAX_SNOOZE_MINUTES:g}",
        )
    until = data.reminders.async_snooze_all(minutes)
    return {"snoozed_until": until.isoformat()}
