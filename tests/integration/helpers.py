"""Test helpers shared by the Home Assistant tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_FINAL_WRITE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import async_fire_time_changed


def entity_states(hass: HomeAssistant, entry_id: str, domain: str) -> dict[str, Any]:
    """Return what the runner's entities of one platform show, for snapshots.

    Only fields that mean the same on every supported Home Assistant release are
    kept, so one snapshot serves all test environments.
    """
    registry = er.async_get(hass)
    result: dict[str, Any] = {}
    for entry in sorted(
        er.async_entries_for_config_entry(registry, entry_id),
        key=lambda item: item.entity_id,
    ):
        if entry.domain != domain:
            continue
        state = hass.states.get(entry.entity_id)
        assert state is not None, entry.entity_id
        result[entry.entity_id] = {
            "unique_id": entry.unique_id,
            "translation_key": entry.translation_key,
            "device_class": entry.original_device_class,
            "state": state.state,
            "attributes": dict(state.attributes),
        }
    return result


async def call_action(
    hass: HomeAssistant, config_entry_id: str, service: str, /, **data: Any
) -> dict[str, Any]:
    """Call an Ankle Care action for a runner and return its response."""
    response = await hass.services.async_call(
        "ankle_care",
        service,
        {"config_entry_id": config_entry_id, **data},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


async def advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Move the clock on and let Home Assistant's timers run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def write_pending(hass: HomeAssistant) -> None:
    """Write every pending delayed save now, as Home Assistant does when it stops."""
    hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
    await hass.async_block_till_done()
