"""The snapshot coordinator: recomputes one runner's snapshot and notifies entities.

It reads the runner's book (records, state, load history) and never changes it;
changes come through the one door (`door.py`), which pushes the new snapshot here.
The timer refreshes the figures that depend on the clock (phase, windows).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import CONF_UNIT, DOMAIN, LOGGER, UNIT_KM
from .domain.book import RunnerBook
from .domain.plan import ReminderState
from .domain.records import Run, RunnerRecords, Side
from .domain.recovery import open_ankles
from .domain.settings import Settings
from .domain.snapshot import Snapshot, SnapshotCache, compute_snapshot

# Figures that depend on the clock (phase, windows) are refreshed this often even
# when nothing is logged.
REFRESH_INTERVAL = timedelta(minutes=5)


class AnkleCareCoordinator(DataUpdateCoordinator[Snapshot]):
    """Recomputes one runner's snapshot from their book, settings and the clock."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, book: RunnerBook
    ) -> None:
        """Create the coordinator for one runner."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.entry_id}",  # logged: the id, not a name
            update_interval=REFRESH_INTERVAL,
            always_update=False,
        )
        self.entry = entry
        self.book = book
        self.settings = Settings.from_options(entry.options)
        # The recovery replay starts from the stored checkpoint (domain/recovery).
        self.cache = SnapshotCache(recovery=book.state.recovery_checkpoint)

    @property
    def records(self) -> RunnerRecords:
        """Return the runner's records (read them; change them through the door)."""
        return self.book.records

    @property
    def reminder_state(self) -> ReminderState:
        """Return what was delivered, done, skipped or snoozed."""
        return self.book.state.reminders

    @property
    def reminders_enabled(self) -> bool:
        """Return whether reminders are delivered (the `reminders` switch)."""
        return self.book.state.reminders_enabled

    @property
    def unit(self) -> str:
        """Return the runner's distance unit, `km` or `mi`."""
        return str(self.entry.data.get(CONF_UNIT, UNIT_KM))

    def compute(self) -> Snapshot:
        """Compute the snapshot for the current book, settings and clock."""
        book = self.book
        return compute_snapshot(
            book.records,
            self.settings,
            dt_util.now(),
            book.history,
            self.cache,
            book.state.reminders,
        )

    @callback
    def async_recompute(self, *_: object) -> None:
        """Push a fresh snapshot (a change was made, or the clock moved on)."""
        self.async_set_updated_data(self.compute())

    async def _async_update_data(self) -> Snapshot:
        """Recompute on the timer; nothing is fetched."""
        return self.compute()

    def open_ankles(self, at: datetime) -> list[Side | None]:
        """Return the ankles with an open care episode at `at`."""
        records = self.book.records
        return open_ankles(
            records.soreness,
            records.treatments,
            at,
            self.settings,
            visits=records.visits,
            checkpoint=self.cache.recovery,
        )

    @property
    def archived_run_count(self) -> int:
        """Return how many runs the archive holds."""
        archive = self.book.archive
        return archive.runs if archive is not None else 0

    def record_counts(self) -> dict[str, int]:
        """Return how many records each collection holds, archived runs included."""
        counts = self.book.records.counts()
        counts["runs"] += self.archived_run_count
        counts["archived_runs"] = self.archived_run_count
        return counts

    def is_archived(self, start: datetime) -> bool:
        """Return whether a run starting at `start` belongs in the archive."""
        archive = self.book.archive
        return (
            archive is not None
            and start.astimezone(self.book.history.tz).toordinal() < archive.before
        )

    def find_run(self, run_id: str) -> Run | None:
        """Return the recent run with this id (archived runs are not searched)."""
        return next((run for run in self.book.records.runs if run.id == run_id), None)
