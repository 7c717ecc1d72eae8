"""Ankle Care: help runners prevent and recover from ankle soreness."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.typing import ConfigType
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER
from .coordinator import AnkleCareConfigEntry, AnkleCareCoordinator
from .distance_source import async_track_distance_source
from .domain.archive import archive_from_dict, tz_name
from .domain.settings import migrate_options_to_1_2
from .entity import async_remove_retired_shoe_entities
from .reminders import ReminderManager
from .repairs import async_remove_issues
from .services import async_setup_services
from .store import AnkleCareStore, ArchiveStore

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
    """Register the actions once for every runner."""
    async_setup_services(hass)
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
    """Load one runner's records and set up their entities.

    Archived runs stay on disk: the records hold their daily totals. Only when
    the time zone changed (the totals are per local day) are they read back, to
    be split again in the background.
    """
    store = AnkleCareStore(hass, entry.entry_id)
    archive_store = ArchiveStore(hass, entry.entry_id)
    records, archive = await store.async_load_records()
    if archive is not None and archive.tz != tz_name(dt_util.get_default_time_zone()):
        archived = await hass.async_add_executor_job(
            archive_from_dict, await archive_store.async_load()
        )
        known = {run.id for run in records.runs}
        records.runs = sorted(
            [*records.runs, *(run for run in archived if run.id not in known)],
            key=lambda run: run.start,
        )
        archive = None
    coordinator = AnkleCareCoordinator(
        hass, entry, store, records, archive_store, archive
    )
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator

    async_remove_retired_shoe_entities(hass, entry)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    coordinator.async_update_issues()
    async_track_distance_source(hass, entry)
    coordinator.reminders = ReminderManager(hass, entry)
    await coordinator.reminders.async_start()
    # The day's program, streak and windows move on at local midnight; now and
    # then old runs move into the archive.
    entry.async_on_unload(
        async_track_time_change(
            hass, coordinator.async_recompute, hour=0, minute=0, second=1
        )
    )
    entry.async_on_unload(
        async_track_time_change(
            hass, coordinator.async_schedule_archiving, hour=3, minute=30, second=0
        )
    )
    coordinator.async_schedule_archiving()
    entry.async_on_unload(
        coordinator.async_add_listener(coordinator.async_update_issues)
    )
    entry.async_on_unload(lambda: async_remove_issues(hass, entry.entry_id))
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
        await entry.runtime_data.async_close()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: AnkleCareConfigEntry) -> None:
    """Delete the runner's stored records and run archive when the entry is removed."""
    await AnkleCareStore(hass, entry.entry_id).async_remove()
    await ArchiveStore(hass, entry.entry_id).async_remove()
