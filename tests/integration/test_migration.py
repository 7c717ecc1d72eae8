"""Severe pain from 7 by default (6-8): the options form and the entry migration."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.ankle_care.config_flow import AnkleCareConfigFlow
from custom_components.ankle_care.const import DOMAIN

from .helpers import call_action

KEY = "severe_pain_threshold"
OTHER_OPTIONS = {"ice_minutes": 15, "quiet_start": "21:30:00"}


def _entry(options: dict[str, Any], *, version: int = 1, minor: int = 1) -> Any:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex", "unit": "km"},
        options=options,
        version=version,
        minor_version=minor,
    )


async def _open_settings(hass: HomeAssistant, entry_id: str) -> Any:
    result = await hass.config_entries.options.async_init(entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )


def _care_field(result: Any) -> tuple[Any, Any]:
    """Return the form's severe-pain marker and selector."""
    care = result["data_schema"].schema["care"].schema.schema
    return next((marker, value) for marker, value in care.items() if marker == KEY)


def test_new_entries_are_created_at_minor_version_2() -> None:
    assert (AnkleCareConfigFlow.VERSION, AnkleCareConfigFlow.MINOR_VERSION) == (1, 2)


async def test_pain_7_is_a_red_flag_by_default(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert init_integration.runtime_data.coordinator.settings.severe_pain_threshold == 7
    response = await call_action(
        hass, init_integration.entry_id, "log_soreness", severity=7
    )
    assert response["red_flags"] == ["severe_pain"]


async def test_options_form_offers_6_to_8_with_7_as_default(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await _open_settings(hass, init_integration.entry_id)
    marker, selector = _care_field(result)
    assert marker.default() == 7
    assert (selector.config["min"], selector.config["max"]) == (6, 8)


@pytest.mark.parametrize("value", [9, 10, 5])
async def test_options_form_refuses_a_threshold_outside_6_to_8(
    hass: HomeAssistant, init_integration: MockConfigEntry, value: int
) -> None:
    result = await _open_settings(hass, init_integration.entry_id)
    care = {
        "ice_minutes": 20,
        "ice_interval_hours": 3,
        "acute_window_hours": 72,
        "professional_after_days": 3,
        KEY: value,
    }
    training = {
        "weekly_increase_warning": 10,
        "weekly_increase_high": 30,
        "shoe_max_km": 650,
        "acwr_method": "ewma",
        "load_basis": "distance",
    }
    reminders = {
        "quiet_start": "22:00:00",
        "quiet_end": "07:00:00",
        "exercise_reminder_time": "18:00:00",
    }
    with pytest.raises((InvalidData, vol.Invalid)):
        await hass.config_entries.options.async_configure(
            result["flow_id"],
            {"care": care, "training": training, "reminders": reminders},
        )
    assert init_integration.options == {}


@pytest.mark.parametrize(
    ("stored", "migrated"),
    [(8, 7), (9, 8), (10, 8), (6, 6), (7, 7)],
)
async def test_stored_threshold_is_migrated(
    hass: HomeAssistant, stored: int, migrated: int
) -> None:
    entry = _entry({**OTHER_OPTIONS, KEY: stored})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (1, 2)
    assert entry.options == {**OTHER_OPTIONS, KEY: migrated}
    assert entry.runtime_data.coordinator.settings.severe_pain_threshold == migrated


async def test_entry_without_the_option_keeps_the_default(
    hass: HomeAssistant,
) -> None:
    entry = _entry(dict(OTHER_OPTIONS))
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (1, 2)
    assert entry.options == OTHER_OPTIONS
    assert entry.runtime_data.coordinator.settings.severe_pain_threshold == 7


async def test_entry_at_the_current_version_is_not_migrated_again(
    hass: HomeAssistant,
) -> None:
    entry = _entry({KEY: 8}, minor=2)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.options == {KEY: 8}
    assert entry.runtime_data.coordinator.settings.severe_pain_threshold == 8


async def test_entry_from_a_newer_major_version_is_not_set_up(
    hass: HomeAssistant,
) -> None:
    entry = _entry({KEY: 10}, version=2, minor=1)
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.MIGRATION_ERROR
    assert (entry.version, entry.minor_version) == (2, 1)
    assert entry.options == {KEY: 10}
