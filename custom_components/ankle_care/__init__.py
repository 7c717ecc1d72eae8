"""Ankle Care: help runners prevent and recover from ankle soreness."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN, LOGGER
from .distance_source import async_track_distance_source
from .domain.settings import migrate_options_to_1_2
from .entity import async_remove_retired_shoe_entities
from .frontend_card import async_register_card
from .repairs import (
    async_remove_issues,
    async_remove_store_issue,
    async_update_issues,
)
from .runtime import AnkleCareConfigEntry, async_create_runtime
from .services import async_setup_services
from .store import AnkleCareStore, ArchiveStore
from .texts import async_setup_texts
from .voice import async_setup_sentences

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TODO,
]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and Assist sentences once, and serve the dashboard card.

    The texts follow Home Assistant's language from here on (`texts.py`).
    """
    await async_setup_texts(hass)
    async_setup_services(hass)
    async_setup_sentences(hass)
    await async_register_card(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: AnkleCareConfigEntry) -> bool:
    """Bring a runner's config entry from an older version to the current one.

    1.2: the severe-pain threshold is 7 by default and may be set from 6 to 8; a
    stored 8 (the old default) becomes 7, a stored 9 or 10 becomes 8.
    """
    if entry.version > 1:
        # Written by a newer release of Ankle Care: this one cannot read it.
        return False
    if entry.minor_version < 2:
        hass.config_entries.async_update_entry(
            entry, options=migrate_options_to_1_2(entry.options), minor_version=2
        )
        LOGGER.debug(
            "Migrated config entry %s to version %s.%s",
            entry.entry_id,
            entry.version,
            entry.minor_version,
        )
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AnkleCareConfigEntry) -> bool:
    """Load one runner, build everything they need, then set up their entities."""
    runtime = entry.runtime_data = await async_create_runtime(hass, entry)
    coordinator, door = runtime.coordinator, runtime.door

    if runtime.restored is None:  # else shoes added since the backup keep theirs
        async_remove_retired_shoe_entities(hass, entry)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(coordinator.async_add_listener(door.async_keep_checkpoint))
    door.async_keep_checkpoint()
    async_update_issues(hass, entry, coordinator.data)
    entry.async_on_unload(
        coordinator.async_add_listener(
            lambda: async_update_issues(hass, entry, coordinator.data)
        )
    )
    entry.async_on_unload(lambda: async_remove_issues(hass, entry.entry_id))
    async_track_distance_source(hass, entry)
    runtime.reminders.async_start()
    # The day's program, streak and windows move on at local midnight; now and
    # then old runs move into the archive.
    entry.async_on_unload(
        async_track_time_change(
            hass, coordinator.async_recompute, hour=0, minute=0, second=1
        )
    )
    entry.async_on_unload(
        async_track_time_change(
            hass, door.async_schedule_archiving, hour=3, minute=30, second=0
        )
    )
    door.async_schedule_archiving()
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    return True


async def _async_options_updated(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> None:
    """Apply changed settings or a renamed runner without a restart."""
    hass.config_entries.async_schedule_reload(entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: AnkleCareConfigEntry) -> bool:
    """Unload a runner, writing pending records first."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.door.async_close()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: AnkleCareConfigEntry) -> None:
    """Delete the runner's stored records, archive and backup when it is removed."""
    store = AnkleCareStore(hass, entry.entry_id)
    await store.async_remove()
    await store.backup.async_remove()
    await ArchiveStore(hass, entry.entry_id).async_remove()
    async_remove_store_issue(hass, entry.entry_id)
