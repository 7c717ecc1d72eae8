"""Action `snooze_reminders`: postpone a runner's reminders for a while."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse

from .validation import in_range, invalid_input, loaded_entry

MAX_SNOOZE_MINUTES = 24 * 60


def snooze_reminders(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Postpone every reminder except an urgent one; respond with the end."""
    coordinator = loaded_entry(hass, call).runtime_data
    minutes: float = call.data["minutes"]
    in_range(minutes, 0, MAX_SNOOZE_MINUTES, "minutes_out_of_range", exclusive_min=True)
    if (manager := coordinator.reminders) is None:
        raise invalid_input("entry_not_loaded", runner=coordinator.config_entry.title)
    until = manager.async_snooze_all(minutes)
    return {"snoozed_until": until.isoformat()}
