"""The care-plan calendar names its events from the start, also after a restart."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN

CALENDAR = "calendar.alex_care_plan"
ICE_SESSION = "Ice the ankle (20 min), raise it, check the wrap"

pytestmark = pytest.mark.freeze_time("2026-11-20 17:00:00+00:00")


async def _events(hass: HomeAssistant) -> list[dict[str, Any]]:
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"entity_id": CALENDAR, "duration": {"hours": 24}},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events: list[dict[str, Any]] = response[CALENDAR]["events"]  # type: ignore[assignment]
    return events


async def test_calendar_titles_survive_a_restart_during_a_flare_up(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": init_integration.entry_id, "severity": 5},
        blocking=True,
    )
    before = await _events(hass)
    assert before[0]["summary"] == ICE_SESSION
    # the reported defect: after a reload every title read "ice_start"
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    after = await _events(hass)
    assert [event["summary"] for event in after] == [
        event["summary"] for event in before
    ]
    assert after[0]["summary"] == ICE_SESSION
    assert all(event["description"] for event in after)
