"""Record runs from a distance sensor chosen in the options (`distance_source`).

The rules (resets, outages, unit changes, one run per session) live in
`domain/capture.py`; this module feeds it the sensor's states.
"""

from __future__ import annotations

from homeassistant.const import ATTR_UNIT_OF_MEASUREMENT
from homeassistant.core import (
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from .domain.capture import capture
from .door import RunnerDoor
from .runtime import AnkleCareConfigEntry


@callback
def _async_reading(door: RunnerDoor, entity_id: str, state: State) -> None:
    now = dt_util.utcnow()
    result = capture(
        door.capture_state(entity_id),
        state.state,
        state.attributes.get(ATTR_UNIT_OF_MEASUREMENT),
        now,
    )
    door.async_capture(result, entity_id, now)


@callback
def async_track_distance_source(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> None:
    """Follow the configured distance sensor for as long as the entry is loaded."""
    runtime = entry.runtime_data
    entity_id = runtime.coordinator.settings.distance_source
    if entity_id is None:
        return
    door = runtime.door

    @callback
    def _on_change(event: Event[EventStateChangedData]) -> None:
        if (new_state := event.data["new_state"]) is not None:
            _async_reading(door, entity_id, new_state)

    if (state := hass.states.get(entity_id)) is not None:
        _async_reading(door, entity_id, state)
    entry.async_on_unload(async_track_state_change_event(hass, [entity_id], _on_change))
