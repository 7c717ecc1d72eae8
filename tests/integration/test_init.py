"""Setup, unload, removal, the runner's device and storage across restarts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
)

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.book import RunnerState
from custom_components.ankle_care.domain.records import (
    Location,
    Run,
    Side,
    Soreness,
    Surface,
)
from custom_components.ankle_care.runtime import AnkleCareData
from custom_components.ankle_care.store import storage_key

RUN = Run(
    id="run1",
    start=datetime(2026, 11, 20, 7, 30, tzinfo=UTC),
    distance_km=8.2,
    duration_minutes=45,
    rpe=6,
    surface=Surface.TRAIL,
    note="hilly",
)
SORENESS = Soreness(
    id="sore1",
    time=datetime(2026, 11, 21, 8, 0, tzinfo=UTC),
    severity=3,
    location=Location.BACK_OF_ANKLE,
    side=Side.LEFT,
    symptoms=frozenset({"morning_stiffness"}),
)


def _log(runtime: AnkleCareData) -> None:
    """Put a run and a soreness entry in the book as if logged (through the door)."""
    runtime.door.book.records.add_soreness(SORENESS)
    runtime.door._async_add_runs([RUN])


async def test_setup_creates_runner_device(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    assert init_integration.state is ConfigEntryState.LOADED
    devices = dr.async_entries_for_config_entry(
        device_registry, init_integration.entry_id
    )
    assert len(devices) == 1
    device = devices[0]
    assert device.identifiers == {(DOMAIN, init_integration.entry_id)}
    assert device.name == "Alex"
    assert device.entry_type is dr.DeviceEntryType.SERVICE


async def test_unload_flushes_pending_records(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    _log(init_integration.runtime_data)
    key = storage_key(init_integration.entry_id)
    assert key not in hass_storage  # the save is delayed

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    stored = hass_storage[key]
    assert stored["version"] == 1
    assert stored["minor_version"] == 1
    assert [run["id"] for run in stored["data"]["runs"]] == ["run1"]

    assert await hass.config_entries.async_setup(init_integration.entry_id)
    records = init_integration.runtime_data.coordinator.records
    assert records.runs == [RUN]
    assert records.soreness == [SORENESS]


async def test_delayed_save_writes_after_delay(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    _log(init_integration.runtime_data)
    async_fire_time_changed(hass, datetime.now(UTC).replace(year=2100))
    await hass.async_block_till_done()
    assert hass_storage[storage_key(init_integration.entry_id)]["data"]["soreness"][0][
        "symptoms"
    ] == ["morning_stiffness"]


async def test_remove_entry_deletes_storage(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    _log(init_integration.runtime_data)
    await hass.config_entries.async_unload(init_integration.entry_id)
    key = storage_key(init_integration.entry_id)
    assert key in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert key not in hass_storage


async def test_old_minor_version_is_migrated(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    hass_storage[storage_key(mock_config_entry.entry_id)] = {
        "version": 1,
        "minor_version": 0,
        "key": storage_key(mock_config_entry.entry_id),
        "data": {"runs": [RUN.to_dict()]},
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    book = mock_config_entry.runtime_data.door.book
    assert book.records.runs == [RUN]
    assert book.records.shoes == []
    assert book.state == RunnerState()


async def test_records_survive_a_restart(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Log with one Home Assistant, stop it, start another: nothing is lost."""
    entry_data: dict[str, Any] = {
        "domain": DOMAIN,
        "title": "Robin",
        "unique_id": "robin",
        "data": {"name": "Robin", "unit": "km"},
        "entry_id": "01JROBINRUNNER000000000000",
    }
    config_dir = hass.config.config_dir

    async with async_test_home_assistant(config_dir=config_dir) as first:
        first.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        entry = MockConfigEntry(**entry_data)
        entry.add_to_hass(first)
        assert await first.config_entries.async_setup(entry.entry_id)
        await first.async_block_till_done()
        _log(entry.runtime_data)
        # stopping writes the delayed save (nothing was unloaded or flushed by hand)
        await first.async_stop(force=True)
        assert storage_key(entry_data["entry_id"]) in hass_storage
        assert await first.config_entries.async_unload(entry.entry_id)

    assert storage_key(entry_data["entry_id"]) in hass_storage

    async with async_test_home_assistant(config_dir=config_dir) as second:
        second.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        entry = MockConfigEntry(**entry_data)
        entry.add_to_hass(second)
        assert await second.config_entries.async_setup(entry.entry_id)
        await second.async_block_till_done()
        records = entry.runtime_data.coordinator.records
        assert records.runs == [RUN]
        assert records.soreness == [SORENESS]
        assert await second.config_entries.async_unload(entry.entry_id)
        await second.async_stop(force=True)
