"""Runs captured automatically from a distance sensor chosen in the options."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

SOURCE = "sensor.watch_distance"
KM = {"unit_of_measurement": "km", "device_class": "distance"}

pytestmark = [
    pytest.mark.freeze_time("2026-11-20 15:00:00+00:00"),
    pytest.mark.parametrize("entry_options", [{"distance_source": SOURCE}]),
]


async def test_increases_become_one_run_per_session(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    hass.states.async_set(SOURCE, "100.0", KM)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    records = mock_config_entry.runtime_data.coordinator.records
    assert records.runs == []  # the first reading is a baseline

    for value in ("102.0", "104.5", "107.0"):
        freezer.tick(timedelta(minutes=10))
        hass.states.async_set(SOURCE, value, KM)
        await hass.async_block_till_done()
    assert len(records.runs) == 1
    assert records.runs[0].distance_km == pytest.approx(7.0)
    assert records.runs[0].source == "sensor"
    assert hass.states.get("sensor.alex_distance_last_7_days").state == "7.0"

    # unavailable, then a reset to 0 (a daily total at midnight): no bogus run
    hass.states.async_set(SOURCE, "unavailable", KM)
    await hass.async_block_till_done()
    hass.states.async_set(SOURCE, "107.0", KM)
    await hass.async_block_till_done()
    freezer.tick(timedelta(hours=5))
    hass.states.async_set(SOURCE, "0", KM)
    await hass.async_block_till_done()
    assert len(records.runs) == 1

    # a unit change rebases too
    hass.states.async_set(SOURCE, "0", {**KM, "unit_of_measurement": "mi"})
    await hass.async_block_till_done()
    assert len(records.runs) == 1

    # the next day's run is a new run, in miles
    freezer.tick(timedelta(hours=12))
    hass.states.async_set(SOURCE, "3.1", {**KM, "unit_of_measurement": "mi"})
    await hass.async_block_till_done()
    assert len(records.runs) == 2
    assert records.runs[1].distance_km == pytest.approx(3.1 * 1.609344, abs=1e-3)


async def test_capture_state_survives_a_reload(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    hass.states.async_set(SOURCE, "50", KM)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    # the same value after the restart adds nothing
    assert mock_config_entry.runtime_data.coordinator.records.runs == []
    hass.states.async_set(SOURCE, "55", KM)
    await hass.async_block_till_done()
    assert len(mock_config_entry.runtime_data.coordinator.records.runs) == 1
