"""Config, reconfigure and options flows."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.util.unit_system import US_CUSTOMARY_SYSTEM
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.ankle_care.const import DOMAIN

CARE = {
    "ice_minutes": 15,
    "ice_interval_hours": 2.5,
    "acute_window_hours": 48,
    "professional_after_days": 5,
    "severe_pain_threshold": 7,
}
TRAINING = {
    "weekly_increase_warning": 15,
    "weekly_increase_high": 40,
    "shoe_max_km": 800,
    "acwr_method": "rolling_uncoupled",
    "load_basis": "session_rpe",
}
REMINDERS = {
    "quiet_start": "21:30:00",
    "quiet_end": "06:45:00",
    "exercise_reminder_time": "19:00:00",
    "notify_entities": [],
    "media_players": [],
    "assist_satellites": [],
    "notify_services": [],
}


async def _open_settings(hass: HomeAssistant, entry_id: str) -> Any:
    """Open the options flow and choose the settings from its menu."""
    result = await hass.config_entries.options.async_init(entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )


def _defaults(result: Any) -> dict[str, dict[str, Any]]:
    """Return the values the options form shows, per section."""
    schema = result["data_schema"].schema
    return {name: schema[name].schema({}) for name in ("care", "training", "reminders")}


def _options_input(**overrides: dict[str, Any]) -> dict[str, Any]:
    sections = {"care": CARE, "training": TRAINING, "reminders": REMINDERS}
    return {
        name: {**fields, **overrides.get(name, {})} for name, fields in sections.items()
    }


async def test_user_flow_creates_runner(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    schema = result["data_schema"]({"name": "x"})
    assert schema["unit"] == "km"  # metric Home Assistant defaults to km

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "  Sam Runner ", "unit": "mi"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Sam Runner"
    assert result["data"] == {"name": "Sam Runner", "unit": "mi"}
    assert result["result"].unique_id == "sam runner"
    await hass.async_block_till_done()


async def test_user_flow_defaults_to_miles_on_us_units(hass: HomeAssistant) -> None:
    hass.config.units = US_CUSTOMARY_SYSTEM
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["data_schema"]({"name": "x"})["unit"] == "mi"


async def test_user_flow_blank_name(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "   ", "unit": "km"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"name": "name_required"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "Kim", "unit": "km"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()


async def test_user_flow_same_name_aborts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "ALEX", "unit": "km"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reconfigure_renames_and_changes_unit(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    entry = init_integration
    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    defaults = result["data_schema"]({})
    assert defaults == {"name": "Alex", "unit": "km"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "Alexandra", "unit": "mi"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.title == "Alexandra"
    assert entry.unique_id == "alexandra"
    assert entry.data == {"name": "Alexandra", "unit": "mi"}
    # the entry was reloaded and runs with the new unit
    assert entry.runtime_data.coordinator.unit == "mi"


async def test_reconfigure_to_taken_name_aborts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    other = MockConfigEntry(
        domain=DOMAIN, title="Bo", unique_id="bo", data={"name": "Bo", "unit": "km"}
    )
    other.add_to_hass(hass)
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "bo", "unit": "km"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert init_integration.title == "Alex"


async def test_reconfigure_keeps_own_name_and_rejects_blank(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_RECONFIGURE, "entry_id": init_integration.entry_id},
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": " ", "unit": "km"}
    )
    assert result["errors"] == {"name": "name_required"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "alex", "unit": "mi"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert init_integration.data["unit"] == "mi"


async def test_options_flow_defaults(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await _open_settings(hass, init_integration.entry_id)
    assert result["type"] is FlowResultType.FORM
    defaults = _defaults(result)
    assert defaults["care"] == {
        "ice_minutes": 20,
        "ice_interval_hours": 3,
        "acute_window_hours": 72,
        "professional_after_days": 3,
        "severe_pain_threshold": 7,
    }
    assert defaults["training"] == {
        "weekly_increase_warning": 10,
        "weekly_increase_high": 30,
        "shoe_max_km": 650,
        "acwr_method": "ewma",
        "load_basis": "distance",
    }
    assert defaults["reminders"] == {
        "quiet_start": "22:00:00",
        "quiet_end": "07:00:00",
        "exercise_reminder_time": "18:00:00",
        "notify_entities": [],
        "media_players": [],
        "assist_satellites": [],
        "notify_services": [],
    }


async def test_options_flow_stores_flat_and_applies_without_restart(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.services.async_register("notify", "mobile_app_pixel", lambda call: None)
    hass.states.async_set("tts.piper", "unknown")
    hass.states.async_set("media_player.kitchen", "idle")
    hass.states.async_set(
        "sensor.watch_distance",
        "12.5",
        {"device_class": "distance", "unit_of_measurement": "km"},
    )
    result = await _open_settings(hass, init_integration.entry_id)
    user_input = _options_input(
        reminders={
            "notify_services": ["mobile_app_pixel"],
            "media_players": ["media_player.kitchen"],
            "tts_entity": "tts.piper",
        },
        training={"distance_source": "sensor.watch_distance"},
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], user_input
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    expected = {
        **CARE,
        **TRAINING,
        **REMINDERS,
        "notify_services": ["mobile_app_pixel"],
        "media_players": ["media_player.kitchen"],
        "tts_entity": "tts.piper",
        "distance_source": "sensor.watch_distance",
    }
    assert init_integration.options == expected
    assert isinstance(init_integration.options["ice_minutes"], int)
    settings = init_integration.runtime_data.coordinator.settings
    assert settings.ice_minutes == 15
    assert settings.ice_interval_hours == 2.5
    assert settings.acwr_method == "rolling_uncoupled"
    assert settings.quiet_start.hour == 21


async def test_options_update_from_code_applies(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.config_entries.async_update_entry(
        init_integration, options={"ice_interval_hours": 2, "acute_window_hours": 48}
    )
    await hass.async_block_till_done()
    settings = init_integration.runtime_data.coordinator.settings
    assert settings.ice_interval_hours == 2
    assert settings.acute_window_hours == 48


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"training": {"weekly_increase_high": 15}}, "high_not_above_warning"),
        (
            {"reminders": {"media_players": ["media_player.kitchen"]}},
            "tts_entity_required",
        ),
        (
            {"reminders": {"notify_services": ["mobile_app_nothing"]}},
            "unknown_notify_service",
        ),
    ],
)
async def test_options_flow_cross_field_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    overrides: dict[str, dict[str, Any]],
    error: str,
) -> None:
    result = await _open_settings(hass, init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], _options_input(**overrides)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": error}
    assert init_integration.options == {}


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("care", "ice_minutes", 25),
        ("care", "ice_minutes", 10),
        ("care", "ice_interval_hours", 4),
        ("care", "acute_window_hours", 96),
        ("care", "professional_after_days", 1),
        ("care", "severe_pain_threshold", 11),
        ("training", "weekly_increase_warning", 60),
        ("training", "shoe_max_km", 200),
    ],
)
async def test_options_flow_rejects_values_outside_the_article_ranges(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    section: str,
    key: str,
    value: float,
) -> None:
    result = await _open_settings(hass, init_integration.entry_id)
    with pytest.raises((InvalidData, vol.Invalid)):
        await hass.config_entries.options.async_configure(
            result["flow_id"], _options_input(**{section: {key: value}})
        )
    assert init_integration.options == {}


async def test_options_flow_shoe_limit_in_miles(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Mia",
        unique_id="mia",
        data={"name": "Mia", "unit": "mi"},
        options={"shoe_max_km": 650},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    result = await _open_settings(hass, entry.entry_id)
    assert _defaults(result)["training"]["shoe_max_km"] == 404  # 650 km

    # unchanged miles keep the exact stored kilometres
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], _options_input(training={"shoe_max_km": 404})
    )
    await hass.async_block_till_done()
    assert entry.options["shoe_max_km"] == 650

    # a new value in miles is stored in km
    result = await _open_settings(hass, entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], _options_input(training={"shoe_max_km": 500})
    )
    await hass.async_block_till_done()
    assert entry.options["shoe_max_km"] == 805
    result = await _open_settings(hass, entry.entry_id)
    with pytest.raises((InvalidData, vol.Invalid)):
        await hass.config_entries.options.async_configure(
            result["flow_id"], _options_input(training={"shoe_max_km": 950})
        )


async def test_options_flow_offers_phone_notify_services(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    def _noop(call: ServiceCall) -> None:
        return None

    hass.services.async_register("notify", "mobile_app_pixel", _noop)
    hass.services.async_register("notify", "send_message", _noop)
    result = await _open_settings(hass, init_integration.entry_id)
    reminders = result["data_schema"].schema["reminders"].schema.schema
    selector = next(
        value for key, value in reminders.items() if key == "notify_services"
    )
    assert selector.config["options"] == ["mobile_app_pixel"]


async def test_reconfigure_name_only_keeps_the_unit(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "Lex", "unit": "km"}
    )
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert (init_integration.title, init_integration.data["unit"]) == ("Lex", "km")
    state = hass.states.get("sensor.alex_distance_last_7_days")
    assert state.attributes["unit_of_measurement"] == "km"


async def test_options_of_an_unloaded_runner_offer_settings_only(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["settings"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], _options_input()
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert mock_config_entry.options["ice_interval_hours"] == 2.5
