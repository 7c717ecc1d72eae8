"""Shoes managed in the options flow: add, rename, own limit, default, retire."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN


async def _menu(hass: HomeAssistant, entry: MockConfigEntry, step: str) -> Any:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )


async def _add(hass: HomeAssistant, entry: MockConfigEntry, **data: Any) -> Any:
    result = await _menu(hass, entry, "add_shoe")
    assert result["step_id"] == "add_shoe"
    result = await hass.config_entries.options.async_configure(result["flow_id"], data)
    await hass.async_block_till_done()
    return result


async def test_add_edit_and_retire_a_shoe(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["menu_options"] == ["settings", "add_shoe"]

    result = await _add(
        hass, init_integration, name="Pegasus", max_distance=500, default=True
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    records = init_integration.runtime_data.coordinator.records
    shoe = records.shoes[0]
    assert (shoe.name, shoe.max_km, shoe.retired) == ("Pegasus", 500, False)
    assert records.default_shoe_id == shoe.id
    assert hass.states.get("sensor.alex_pegasus_distance") is not None
    assert hass.states.get("binary_sensor.alex_pegasus_worn_out").state == "off"

    # the same name again is refused
    result = await _add(hass, init_integration, name="pegasus ", default=False)
    assert result["errors"] == {"name": "shoe_exists"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"name": "  ", "default": False}
    )
    assert result["errors"] == {"name": "name_required"}

    # rename, remove the own limit, keep it default
    result = await _menu(hass, init_integration, "select_shoe")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"shoe": shoe.id}
    )
    assert result["step_id"] == "edit_shoe"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"name": "Pegasus 41", "default": True, "retired": False}
    )
    await hass.async_block_till_done()
    records = init_integration.runtime_data.coordinator.records  # reloaded
    shoe = records.shoes[0]
    assert (shoe.name, shoe.max_km) == ("Pegasus 41", None)
    registry = er.async_get(hass)
    entity_id = registry.async_get_entity_id(
        "sensor", DOMAIN, f"{init_integration.entry_id}_shoe_{shoe.id}_shoe_distance"
    )
    assert hass.states.get(entity_id).name == "Alex Pegasus 41 distance"

    # retire: the shoe keeps its runs, its entities go, it is no longer default
    result = await _menu(hass, init_integration, "select_shoe")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"shoe": shoe.id}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"name": "Pegasus 41", "default": True, "retired": True}
    )
    await hass.async_block_till_done()
    records = init_integration.runtime_data.coordinator.records
    assert records.shoes[0].retired is True
    assert records.default_shoe_id is None
    assert registry.async_get(entity_id) is None


async def test_shoe_limit_in_miles(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN, title="Mia", unique_id="mia", data={"name": "Mia", "unit": "mi"}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await _add(hass, entry, name="Trail", max_distance=400, default=False)
    shoe = entry.runtime_data.coordinator.records.shoes[0]
    assert shoe.max_km == 644
    assert entry.runtime_data.coordinator.records.default_shoe_id is None
    # the edit form shows the limit in miles again
    result = await _menu(hass, entry, "select_shoe")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"shoe": shoe.id}
    )
    schema = result["data_schema"].schema
    limit = next(key for key in schema if key == "max_distance")
    assert limit.description == {"suggested_value": 400}
