"""Runtime data of one runner: records, settings and the computed snapshot."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import CONF_UNIT, DOMAIN, LOGGER, SAVE_DELAY_SECONDS, UNIT_KM
from .domain.load import LoadHistory
from .domain.plan import ReminderState
from .domain.records import Run, RunnerRecords, pop_by_id
from .domain.settings import Settings
from .domain.snapshot import Snapshot, SnapshotCache, compute_snapshot
from .repairs import async_update_issues
from .store import AnkleCareStore, StoredData

if TYPE_CHECKING:
    from .reminders import ReminderManager

# Keys in the stored reminder state.
PLAN_STATE = "plan"
REMINDERS_ENABLED = "enabled"

# Figures that depend on the clock (phase, windows) are refreshed this often even
# when nothing is logged.
REFRESH_INTERVAL = timedelta(minutes=5)

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
        self.settings = Settings.from_options(entry.options)
        self.history = LoadHistory(dt_util.get_default_time_zone())
        self.history.rebuild(records.runs)
        self._cache = SnapshotCache()
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
        """Compute the snapshot for the current records, settings and clock."""
        return compute_snapshot(
            self.records,
            self.settings,
            dt_util.now(),
            self.history,
            self._cache,
            self.reminder_state,
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

    @callback
    def async_add_runs(self, runs: list[Run]) -> None:
        """Record new runs and push the snapshot."""
        self.runs_version += 1
        for run in runs:
            self.records.add_run(run)
            self.history.add(run)
        self.async_commit()

    @callback
    def async_replace_all_runs(self, runs: list[Run], history: LoadHistory) -> None:
        """Swap in a run list (in time order) with its load history, built elsewhere."""
        self.runs_version += 1
        self.records.runs = runs
        self.history = history
        self.async_commit()

    @callback
    def async_replace_run(self, run: Run) -> None:
        """Replace the stored run with the same id (a run that grew) or add it."""
        pop_by_id(self.records.runs, run.id)
        self.async_add_runs([run])

    @callback
    def async_remove_run(self, run: Run) -> None:
        """Delete a run and push the snapshot."""
        self.runs_version += 1
        self.records.runs.remove(run)
        self.history.remove(run)
        self.async_commit()

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
        self._dirty = True
        self.store.async_delay_save(self._data_to_save, SAVE_DELAY_SECONDS)
        self.async_set_updated_data(self.compute())

    @callback
    def _data_to_save(self) -> StoredData:
        self._dirty = False
        return self.records.to_dict()

    async def async_flush(self) -> None:
        """Write pending changes now (on unload, before a reload re-reads them)."""
        if self._dirty:
            await self.store.async_save(self._data_to_save())
