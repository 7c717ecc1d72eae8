"""Record runs from a distance sensor chosen in the options (`distance_source`).

The rules (resets, outages, unit changes, one run per session) live in
`domain/capture.py`; this module feeds it the sensor's states.
"""

from __future__ import annotations

from dataclasses import replace

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

from .coordinator import AnkleCareConfigEntry, AnkleCareCoordinator
from .domain.capture import CaptureState, capture, with_open_run
from .domain.records import Run, new_id

SOURCE_KEY = "entity_id"


def _load_state(coordinator: AnkleCareCoordinator, entity_id: str) -> CaptureState:
    stored = coordinator.records.capture_state
    if stored.get(SOURCE_KEY) != entity_id:
        return CaptureState()  # another sensor: start from its next reading
    return CaptureState.from_dict(stored)


@callback
def _async_reading(
    coordinator: AnkleCareCoordinator, entity_id: str, state: State
) -> None:
    before = _load_state(coordinator, entity_id)
    now = dt_util.utcnow()
    result = capture(
        before, state.state, state.attributes.get(ATTR_UNIT_OF_MEASUREMENT), now
    )
    after = result.state
    if result.run_km is not None:
        records = coordinator.records
        if result.extends_run_id is not None:
            run = next(
                (run for run in records.runs if run.id == result.extends_run_id), None
            )
        else:
            run = None
        if run is None:
            run = Run(
                id=new_id(),
                start=now,
                distance_km=round(result.run_km, 3),
                shoe_id=records.default_shoe_id,
                source="sensor",
                source_id=entity_id,
            )
            after = with_open_run(after, run.id)
        else:
            run = replace(run, distance_km=round(result.run_km, 3))
        coordinator.async_replace_run(run)
    if after != before or not coordinator.records.capture_state:
        coordinator.records.capture_state = {**after.to_dict(), SOURCE_KEY: entity_id}
        coordinator.async_commit()


@callback
def async_track_distance_source(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> None:
    """Follow the configured distance sensor for as long as the entry is loaded."""
    coordinator = entry.runtime_data
    entity_id = coordinator.settings.distance_source
    if entity_id is None:
        return

    @callback
    def _on_change(event: Event[EventStateChangedData]) -> None:
        if (new_state := event.data["new_state"]) is not None:
            _async_reading(coordinator, entity_id, new_state)

    if (state := hass.states.get(entity_id)) is not None:
        _async_reading(coordinator, entity_id, state)
    entry.async_on_unload(async_track_state_change_event(hass, [entity_id], _on_change))
