"""One runtime object per runner, built completely before any platform is set up."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .coordinator import AnkleCareCoordinator
from .domain.book import RunnerBook
from .domain.load import LoadHistory
from .door import RunnerDoor
from .reminders import ReminderManager
from .repairs import async_store_restored, async_store_unreadable
from .store import (
    AnkleCareStore,
    ArchiveStore,
    Restored,
    StoreUnreadableError,
    async_keep_daily_backup,
    async_take_back_archive,
)


@dataclass(frozen=True, slots=True)
class AnkleCareData:
    """What one runner's config entry holds while it is loaded.

    Attributes:
        coordinator: Recomputes the snapshot every entity shows (reads the book).
        door: The one way the runner's records and state change.
        reminders: Delivers the reminders of the plan on time.
        restored: Set when the records file could not be used and the runner
            started from the backup (its shoes' entities are then kept).

    """

    coordinator: AnkleCareCoordinator
    door: RunnerDoor
    reminders: ReminderManager
    restored: Restored | None = None


type AnkleCareConfigEntry = ConfigEntry[AnkleCareData]


async def _async_load_book(
    hass: HomeAssistant, store: AnkleCareStore, archive_store: ArchiveStore
) -> tuple[RunnerBook, Restored | None]:
    """Read the runner's book, and whether it was restored from the backup.

    Archived runs stay on disk: the records hold their daily totals. Only when
    those cannot be trusted (see `store.async_take_back_archive`) are they read
    back, to be split again in the background.
    """
    tz = dt_util.get_default_time_zone()
    stored = await async_take_back_archive(
        hass, store, archive_store, await store.async_load_records(), tz
    )
    history = LoadHistory(tz)
    history.rebuild(
        stored.records.runs, stored.archive.load if stored.archive else None
    )
    book = RunnerBook(
        records=stored.records,
        state=stored.state,
        history=history,
        archive=stored.archive,
    )
    return book, stored.restored


async def async_create_runtime(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> AnkleCareData:
    """Load one runner and build their coordinator, door and reminder manager."""
    store = AnkleCareStore(hass, entry.entry_id)
    archive_store = ArchiveStore(hass, entry.entry_id)
    try:
        book, restored = await _async_load_book(hass, store, archive_store)
    except StoreUnreadableError as err:
        raise async_store_unreadable(hass, entry, err) from err
    async_store_restored(hass, entry, restored)
    coordinator = AnkleCareCoordinator(hass, entry, book)
    door = RunnerDoor(hass, entry, book, coordinator, store, archive_store)
    reminders = ReminderManager(hass, entry, coordinator, door)
    entry.async_on_unload(
        async_keep_daily_backup(hass, store.backup, door.data_to_back_up)
    )
    await coordinator.async_config_entry_first_refresh()
    return AnkleCareData(
        coordinator=coordinator, door=door, reminders=reminders, restored=restored
    )
