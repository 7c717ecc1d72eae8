"""One runtime object per runner, built completely before any platform is set up."""

from __future__ import annotations

from dataclasses import dataclass, replace

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .coordinator import AnkleCareCoordinator
from .domain.archive import archive_from_dict, tz_name
from .domain.book import RunnerBook
from .domain.load import LoadHistory
from .door import RunnerDoor
from .reminders import ReminderManager
from .store import AnkleCareStore, ArchiveStore


@dataclass(frozen=True, slots=True)
class AnkleCareData:
    """What one runner's config entry holds while it is loaded.

    Attributes:
        coordinator: Recomputes the snapshot every entity shows (reads the book).
        door: The one way the runner's records and state change.
        reminders: Delivers the reminders of the plan on time.

    """

    coordinator: AnkleCareCoordinator
    door: RunnerDoor
    reminders: ReminderManager


type AnkleCareConfigEntry = ConfigEntry[AnkleCareData]


async def _async_load_book(
    hass: HomeAssistant, store: AnkleCareStore, archive_store: ArchiveStore
) -> RunnerBook:
    """Read the runner's book.

    Archived runs stay on disk: the records hold their daily totals. Only when the
    time zone changed (the totals are per local day) are they read back, to be
    split again in the background.
    """
    records, state, archive = await store.async_load_records()
    tz = dt_util.get_default_time_zone()
    if archive is not None and archive.tz != tz_name(tz):
        archived = await hass.async_add_executor_job(
            archive_from_dict, await archive_store.async_load()
        )
        known = {run.id for run in records.runs}
        every_run = [*records.runs, *(run for run in archived if run.id not in known)]
        records = replace(records, runs=sorted(every_run, key=lambda run: run.start))
        archive = None
    history = LoadHistory(tz)
    history.rebuild(records.runs, archive.load if archive else None)
    return RunnerBook(records=records, state=state, history=history, archive=archive)


async def async_create_runtime(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> AnkleCareData:
    """Load one runner and build their coordinator, door and reminder manager."""
    store = AnkleCareStore(hass, entry.entry_id)
    archive_store = ArchiveStore(hass, entry.entry_id)
    book = await _async_load_book(hass, store, archive_store)
    coordinator = AnkleCareCoordinator(hass, entry, book)
    door = RunnerDoor(hass, entry, book, coordinator, store, archive_store)
    reminders = ReminderManager(hass, entry, coordinator, door)
    await coordinator.async_config_entry_first_refresh()
    return AnkleCareData(coordinator=coordinator, door=door, reminders=reminders)
