"""Runtime data of one runner: records, settings and the computed snapshot."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import CONF_UNIT, DOMAIN, LOGGER, SAVE_DELAY_SECONDS, UNIT_KM
from .domain.archive import (
    ArchiveChange,
    ArchiveSummary,
    archive_to_dict,
    archiving_due,
    change_archive,
)
from .domain.load import LoadHistory
from .domain.plan import ReminderState
from .domain.records import Run, RunnerRecords, Side, pop_by_id
from .domain.recovery import RecoveryCheckpoint, open_ankles
from .domain.settings import Settings
from .domain.snapshot import Snapshot, SnapshotCache, compute_snapshot
from .repairs import async_update_issues
from .store import AnkleCareStore, ArchiveStore, StoredData, records_to_dict

if TYPE_CHECKING:
    from .reminders import ReminderManager

# Keys in the stored reminder state.
PLAN_STATE = "plan"
REMINDERS_ENABLED = "enabled"

# Figures that depend on the clock (phase, windows) are refreshed this often even
# when nothing is logged.
REFRESH_INTERVAL = timedelta(minutes=5)

# A change of the archive is prepared in the executor and given up when the recent
# runs changed meanwhile; it is tried again this many times in all.
ARCHIVE_ATTEMPTS = 5

type AnkleCareConfigEntry = ConfigEntry[AnkleCareCoordinator]


class AnkleCareCoordinator(DataUpdateCoordinator[Snapshot]):
    """Holds one runner's records and recomputes the snapshot when they change.

    Every write goes through `async_commit`, which schedules a delayed save and
    pushes a fresh snapshot to the entities.
    """

    config_entry: AnkleCareConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: AnkleCareConfigEntry,
        store: AnkleCareStore,
        records: RunnerRecords,
        archive_store: ArchiveStore,
        archive: ArchiveSummary | None = None,
    ) -> None:
        """Create the coordinator for one runner."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=REFRESH_INTERVAL,
            always_update=False,
        )
        self.store = store
        self.records = records
        self.archive_store = archive_store
        # What the records keep of the archived runs (None: no archive).
        self.archive = archive
        self.settings = Settings.from_options(entry.options)
        self.history = LoadHistory(dt_util.get_default_time_zone())
        self.history.rebuild(records.runs, archive.load if archive else None)
        # Changes of the archive run one at a time.
        self._archive_lock = asyncio.Lock()
        self._closed = False
        # The recovery replay starts from the stored checkpoint (see domain/recovery).
        self._cache = SnapshotCache(
            recovery=RecoveryCheckpoint.from_dict(records.recovery_checkpoint)
        )
        self._saved_checkpoint = self._cache.recovery
        # Counts changes to the run list (an import checks nothing changed meanwhile).
        self.runs_version = 0
        self._reminder_state: ReminderState | None = None
        self._dirty = False
        # Set by the reminder manager once it runs.
        self.reminders: ReminderManager | None = None

    @property
    def unit(self) -> str:
        """Return the runner's distance unit, `km` or `mi`."""
        return str(self.config_entry.data.get(CONF_UNIT, UNIT_KM))

    def compute(self) -> Snapshot:
        """Compute the snapshot for the current records, settings and clock.

        A recovery checkpoint made or moved forward here is saved with the records,
        so the next start replays only the entries after it.
        """
        snapshot = compute_snapshot(
            self.records,
            self.settings,
            dt_util.now(),
            self.history,
            self._cache,
            self.reminder_state,
        )
        checkpoint = self._cache.recovery
        if checkpoint is not self._saved_checkpoint:
            self._saved_checkpoint = checkpoint
            # A pending save writes it too; one without ankles saves no replay.
            if not self._dirty and checkpoint is not None and checkpoint.ankles:
                self._async_schedule_save()
        return snapshot

    def open_ankles(self, at: datetime) -> list[Side | None]:
        """Return the ankles with an open care episode at `at`."""
        records = self.records
        return open_ankles(
            records.soreness,
            records.treatments,
            at,
            self.settings,
            visits=records.visits,
            checkpoint=self._cache.recovery,
        )

    @property
    def reminder_state(self) -> ReminderState:
        """Return what was delivered, done, skipped or snoozed."""
        if self._reminder_state is None:
            self._reminder_state = ReminderState.from_dict(
                self.records.reminder_state.get(PLAN_STATE, {})
            )
        return self._reminder_state

    @callback
    def async_set_reminder_state(self, state: ReminderState) -> None:
        """Store a new reminder state and push the snapshot."""
        self._reminder_state = state
        self.records.reminder_state[PLAN_STATE] = state.to_dict()
        self.async_commit()

    @property
    def reminders_enabled(self) -> bool:
        """Return whether reminders are delivered (the `reminders` switch)."""
        return bool(self.records.reminder_state.get(REMINDERS_ENABLED, True))

    @callback
    def async_enable_reminders(self, enabled: bool) -> None:
        """Turn delivery of reminders on or off."""
        self.records.reminder_state[REMINDERS_ENABLED] = enabled
        self.async_commit()

    @callback
    def async_recompute(self, *_: object) -> None:
        """Push a fresh snapshot (the clock moved on, e.g. at midnight)."""
        self.async_set_updated_data(self.compute())

    @property
    def archived_run_count(self) -> int:
        """Return how many runs the archive holds."""
        return self.archive.runs if self.archive is not None else 0

    def record_counts(self) -> dict[str, int]:
        """Return how many records each collection holds, archived runs included."""
        counts = self.records.counts()
        counts["runs"] += self.archived_run_count
        counts["archived_runs"] = self.archived_run_count
        return counts

    def is_archived(self, start: datetime) -> bool:
        """Return whether a run starting at `start` belongs in the archive."""
        return (
            self.archive is not None
            and start.astimezone(self.history.tz).toordinal() < self.archive.before
        )

    def find_run(self, run_id: str) -> Run | None:
        """Return the recent run with this id (archived runs are not searched)."""
        return next((run for run in self.records.runs if run.id == run_id), None)

    @callback
    def async_add_runs(self, runs: list[Run]) -> None:
        """Record new recent runs and push the snapshot."""
        self.runs_version += 1
        for run in runs:
            self.records.add_run(run)
            self.history.add(run)
        self.async_commit()

    @callback
    def async_replace_run(self, run: Run) -> None:
        """Replace the stored run with the same id (a run that grew) or add it."""
        pop_by_id(self.records.runs, run.id)
        self.async_add_runs([run])

    @callback
    def async_remove_run(self, run: Run) -> None:
        """Delete a recent run and push the snapshot."""
        self.runs_version += 1
        self.records.runs.remove(run)
        self.history.remove(run)
        self.async_commit()

    async def async_add_archived_run(self, run: Run) -> None:
        """Record a run that started before the archive's cutoff."""

        def change(recent: list[Run], archived: list[Run]) -> None:
            archived.append(run)

        await self.async_change_archive(change)

    async def async_remove_archived_run(self, run_id: str) -> bool:
        """Delete an archived run; return whether the archive held it."""

        def change(recent: list[Run], archived: list[Run]) -> bool:
            return pop_by_id(archived, run_id) is not None

        return await self.async_change_archive(change)

    @callback
    def async_schedule_archiving(self, *_: object) -> None:
        """Move old runs into the archive in the background, when it is due."""
        if archiving_due(
            self.records.runs, self.history.tz, dt_util.now(self.history.tz).date()
        ):
            self.config_entry.async_create_background_task(
                self.hass,
                self._async_archive_old_runs(),
                f"{DOMAIN} archive old runs of {self.config_entry.title}",
            )

    async def _async_archive_old_runs(self) -> None:
        try:
            await self.async_change_archive(lambda recent, archived: None)
        except HomeAssistantError as err:
            LOGGER.warning("Old runs were not archived: %s", err)

    async def async_change_archive[T](
        self,
        change: Callable[[list[Run], list[Run]], T],
        apply: Callable[[T], None] | None = None,
    ) -> T:
        """Change the archived (and recent) runs and split them again at the cutoff.

        The archive is read once; it is changed, totalled and serialised in the
        executor (`domain/archive.change_archive`) from copies; the archive store
        is written, then the new runs, summary and load history are swapped in
        and the records are written at once. When the recent runs change
        meanwhile, the change is prepared again from the archive as read (so it
        applies once); after `ARCHIVE_ATTEMPTS` it is given up and the archive
        written back as read. `apply(result)` runs just before the swap is
        committed (e.g. to add the shoes an import names).
        """
        async with self._archive_lock:
            stored = (
                await self.archive_store.async_load()
                if self.archive is not None and not self._closed
                else None
            )
            saved = False
            for _ in range(ARCHIVE_ATTEMPTS):
                if self._closed:
                    break
                version = self.runs_version
                prepared: ArchiveChange[T] = await self.hass.async_add_executor_job(
                    change_archive,
                    stored,
                    list(self.records.runs),
                    change,
                    self.history.tz,
                    dt_util.now(self.history.tz).date(),
                )
                if self.runs_version != version:
                    continue
                if prepared.summary is not None or self.archive is not None:
                    await self.archive_store.async_save(prepared.archive)
                    saved = True
                if self.runs_version != version or self._closed:
                    continue  # prepared again from the archive as it was read
                self.runs_version += 1
                self.records.runs = prepared.recent
                self.archive = prepared.summary
                self.history = prepared.history
                if apply is not None:
                    apply(prepared.result)
                self.async_commit()
                await self._async_save_now()
                return prepared.result
            if saved:  # put the archive back as the records describe it
                await self.archive_store.async_save(stored or archive_to_dict([]))
        if self._closed:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="entry_not_loaded",
                translation_placeholders={"runner": self.config_entry.title},
            )
        raise HomeAssistantError(
            translation_domain=DOMAIN, translation_key="archive_busy"
        )

    @callback
    def async_update_issues(self) -> None:
        """Keep the runner's repair issues in line with the snapshot."""
        entry = self.config_entry
        async_update_issues(self.hass, entry.entry_id, entry.title, self.data)

    async def _async_update_data(self) -> Snapshot:
        """Recompute on the timer; nothing is fetched."""
        return self.compute()

    @callback
    def async_commit(self) -> None:
        """Persist the records (delayed) and push a new snapshot."""
        self._async_schedule_save()
        self.async_set_updated_data(self.compute())

    @callback
    def _async_schedule_save(self) -> None:
        self._dirty = True
        self.store.async_delay_save(self._data_to_save, SAVE_DELAY_SECONDS)

    @callback
    def _data_to_save(self) -> StoredData:
        self._dirty = False
        checkpoint = self._cache.recovery
        self.records.recovery_checkpoint = (
            checkpoint.to_dict() if checkpoint is not None else None
        )
        return records_to_dict(self.records, self.archive)

    async def _async_save_now(self) -> None:
        if self._dirty:
            await self.store.async_save(self._data_to_save())

    async def async_flush(self) -> None:
        """Write pending changes of the records now."""
        await self._async_save_now()

    async def async_close(self) -> None:
        """Write pending changes on unload, before a reload re-reads them.

        A change of the archive in progress is finished first; none starts after.
        """
        async with self._archive_lock:
            self._closed = True
            await self._async_save_now()
