"""The one door through which a runner's records and state change.

Every change, from an action, the options flow (shoes), the distance sensor, a
reminder button, the to-do list, and later voice and the dashboard card, is a typed
method of `RunnerDoor`: it validates (raising a translated `ServiceValidationError`),
changes the book, schedules the save and pushes the new snapshot to the coordinator.
No other module writes to `RunnerRecords` or `RunnerState`; `tests/test_layering.py`
checks it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
import math
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.json import json_dumps
from homeassistant.util import dt as dt_util
from homeassistant.util.json import json_loads_object

from .const import DOMAIN, LOGGER, SAVE_DELAY_SECONDS
from .coordinator import AnkleCareCoordinator
from .domain.archive import (
    ArchiveChange,
    archive_from_dict,
    archive_to_dict,
    archiving_due,
    change_archive,
)
from .domain.book import RunnerBook
from .domain.capture import CaptureResult, CaptureState, with_open_run
from .domain.export import (
    RUNS,
    DataMerge,
    ExportBounds,
    ExportDocumentError,
    build_export,
    deleted_types,
    merge_export,
    parse_export,
    split_for_deletion,
)
from .domain.import_merge import ImportMerge, merge_import
from .domain.importers import ImportResult
from .domain.plan import ReminderState
from .domain.program import EXERCISES, ExerciseKey
from .domain.records import (
    Exercise,
    Location,
    ProfessionalVisit,
    Run,
    RunnerRecords,
    Shoe,
    Side,
    Soreness,
    Surface,
    Treatment,
    TreatmentKind,
    new_id,
    pop_by_id,
)
from .limits import (
    EARLIEST_TIME,
    EXPORT_FUTURE,
    FUTURE_TOLERANCE,
    MAX_DISTANCE_KM,
    MAX_NAME_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_REPS,
    MAX_RUN_MINUTES,
    MAX_SECONDS,
    MAX_SETS,
    MAX_TREATMENT_MINUTES,
    MIN_RUN_MINUTES,
    RPE_RANGE,
    SEVERITY_RANGE,
)
from .store import AnkleCareStore, ArchiveStore, StoredData, records_to_dict

# A change of the archive is prepared in the executor and given up when the recent
# runs changed meanwhile; it is tried again this many times in all.
ARCHIVE_ATTEMPTS = 5


def invalid_input(key: str, **placeholders: object) -> ServiceValidationError:
    """Return a translated error for bad input."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={
            name: str(value) for name, value in placeholders.items()
        },
    )


def shown_number(value: object) -> str:
    """Return a number as an error message shows it, whatever its size."""
    try:
        return f"{value:g}"
    except (OverflowError, TypeError, ValueError):
        return str(value)[:20]


def _finite(value: float) -> bool:
    """Return whether a number is a real, finite number (not NaN, inf, too big)."""
    try:
        return math.isfinite(value)
    except (OverflowError, TypeError):
        return False


def _check_range(
    value: float | None,
    limits: tuple[float, float],
    error: str,
    *,
    exclusive_min: bool = False,
) -> None:
    """Raise a translated error when a number is outside its range (or not finite)."""
    if value is None:
        return
    minimum, maximum = limits
    inside = _finite(value) and (
        minimum < value <= maximum if exclusive_min else minimum <= value <= maximum
    )
    if not inside:
        raise invalid_input(
            error,
            value=shown_number(value),
            minimum=f"{minimum:g}",
            maximum=f"{maximum:g}",
        )


def _whole(value: float | None, maximum: int, field: str) -> int | None:
    """Return a positive whole count up to `maximum`, or raise a translated error."""
    if value is None:
        return None
    if not (_finite(value) and float(value).is_integer() and 0 < value <= maximum):
        raise invalid_input(
            "count_out_of_range",
            field=field,
            value=shown_number(value),
            maximum=maximum,
        )
    return int(value)


def check_text(value: str | None, field: str, maximum: int) -> None:
    """Refuse text that is too long or is not valid Unicode (a lone surrogate)."""
    if value is None:
        return
    if len(value) > maximum:
        raise invalid_input(
            "text_too_long", field=field, length=len(value), maximum=maximum
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid_input("text_invalid", field=field) from None


def _shown_time(value: datetime) -> str:
    """Return a moment as an error message shows it, even at the ends of time."""
    try:
        return dt_util.as_local(value).isoformat(timespec="minutes")
    except (OverflowError, ValueError):
        return value.isoformat(timespec="minutes")


def past_time(value: datetime | None) -> datetime:
    """Return a moment in UTC (now when None; local time when naive), not in the future.

    Records keep UTC, so that adding hours to a timestamp is absolute time even
    across a daylight-saving change. Nothing before `EARLIEST_TIME` is accepted.
    """
    now = dt_util.utcnow()
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt_util.get_default_time_zone())
    if value > now + FUTURE_TOLERANCE:
        raise invalid_input("time_in_future", time=_shown_time(value))
    if value < EARLIEST_TIME:
        raise invalid_input(
            "time_too_early",
            time=_shown_time(value),
            earliest=EARLIEST_TIME.date().isoformat(),
        )
    return dt_util.as_utc(value)


def check_storable[R: Exercise | ProfessionalVisit | Run | Shoe | Soreness | Treatment](
    record: R,
) -> R:
    """Return the record if the store would read it back unchanged, else refuse it.

    The last guard of "a record that cannot be saved is never accepted": it goes
    through the same JSON encoder as the store (orjson, which writes NaN as null
    and refuses lone surrogates) and is read back as at the next start.
    """
    try:
        data = json_loads_object(json_dumps(record.to_dict()))
        again = type(record).from_dict(data)
    except (TypeError, ValueError, OverflowError, KeyError):
        again = None
    if again != record:
        raise invalid_input("record_not_storable")
    return record


def _side_names(sides: Iterable[Side | None]) -> str:
    return ", ".join(side.value for side in sides if side is not None)


class RunnerDoor:
    """Changes one runner's book; the only writer of their records and state."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        book: RunnerBook,
        coordinator: AnkleCareCoordinator,
        store: AnkleCareStore,
        archive_store: ArchiveStore,
    ) -> None:
        """Create the door for one runner."""
        self.hass = hass
        self.entry = entry
        self.book = book
        self.coordinator = coordinator
        self.store = store
        self.archive_store = archive_store
        # Counts changes to the run list (an archive change checks none came between).
        self.runs_version = 0
        # Changes of the archive run one at a time.
        self._archive_lock = asyncio.Lock()
        self._closed = False
        self._dirty = False
        self._saved_checkpoint = book.state.recovery_checkpoint

    # Saving and pushing

    @callback
    def _async_commit(self) -> None:
        """Save the book (delayed) and push a new snapshot."""
        self._async_schedule_save()
        self.coordinator.async_recompute()

    @callback
    def _async_schedule_save(self) -> None:
        self._dirty = True
        self.store.async_delay_save(self._data_to_save, SAVE_DELAY_SECONDS)

    @callback
    def async_keep_checkpoint(self) -> None:
        """Save a recovery checkpoint the snapshot made or moved forward.

        The next start then replays only the entries after it. A pending save
        writes it too, and one without ankles saves no replay.
        """
        checkpoint = self.coordinator.cache.recovery
        if checkpoint is self._saved_checkpoint:
            return
        self._saved_checkpoint = checkpoint
        if not self._dirty and checkpoint is not None and checkpoint.ankles:
            self._async_schedule_save()

    @callback
    def _data_to_save(self) -> StoredData:
        self._dirty = False
        book = self.book
        book.state.recovery_checkpoint = self.coordinator.cache.recovery
        return self.data_to_back_up()

    @callback
    def data_to_back_up(self) -> StoredData:
        """Return the records as they are saved (for the daily backup too)."""
        book = self.book
        return records_to_dict(
            book.records,
            book.state,
            book.archive,
            archive_pending=book.archive_pending,
        )

    async def _async_save_now(self) -> None:
        if self._dirty:
            await self.store.async_save(self._data_to_save())

    async def _async_set_archive_pending(self, pending: bool) -> None:
        """Write whether a change of the archive may be half written.

        Set before the archive store is written, cleared with the records written
        after it: a crash in between leaves it set, and the next start reads the
        archive back instead of trusting the records' summary of it.
        """
        if self.book.archive_pending != pending:
            self.book.archive_pending = pending
            self._dirty = True
            await self._async_save_now()

    async def async_close(self) -> None:
        """Write pending changes on unload, before a reload re-reads them.

        A change of the archive in progress is finished first; none starts after.
        """
        async with self._archive_lock:
            self._closed = True
            await self._async_save_now()

    # Runs

    def _find_shoe(self, value: str) -> Shoe:
        """Return the shoe named by id or (case-insensitive) name."""
        shoes = self.book.records.shoes
        wanted = value.strip().casefold()
        for shoe in shoes:
            if shoe.id == value or shoe.name.casefold() == wanted:
                return shoe
        raise invalid_input(
            "unknown_shoe",
            shoe=value,
            shoes=", ".join(shoe.name for shoe in shoes) or "-",
        )

    async def async_log_run(
        self,
        *,
        distance_km: float,
        distance_shown: float,
        unit: str,
        start: datetime | None = None,
        duration_minutes: float | None = None,
        rpe: float | None = None,
        surface: Surface = Surface.ROAD,
        shoe: str | None = None,
        note: str | None = None,
    ) -> Run:
        """Record a run; one that started before the archive's cutoff is archived.

        `distance_shown` and `unit` are what the runner gave, for the error text.
        """
        if not (_finite(distance_km) and 0 < distance_km <= MAX_DISTANCE_KM):
            raise invalid_input(
                "distance_out_of_range", value=shown_number(distance_shown), unit=unit
            )
        _check_range(
            duration_minutes,
            (MIN_RUN_MINUTES, MAX_RUN_MINUTES),
            "duration_out_of_range",
        )
        if rpe is not None and not (
            _finite(rpe) and float(rpe).is_integer() and _within(rpe, RPE_RANGE)
        ):
            raise invalid_input("rpe_out_of_range", value=shown_number(rpe))
        check_text(note, "note", MAX_NOTE_LENGTH)
        run = Run(
            id=new_id(),
            start=past_time(start),
            distance_km=distance_km,
            duration_minutes=duration_minutes,
            rpe=int(rpe) if rpe is not None else None,
            surface=surface,
            shoe_id=self._find_shoe(shoe).id
            if shoe is not None
            else self.book.records.default_shoe_id,
            note=note,
        )
        check_storable(run)
        if self.coordinator.is_archived(run.start):
            await self.async_change_archive(
                lambda recent, archived: archived.append(run)
            )
        else:
            self._async_add_runs([run])
        return run

    @callback
    def _async_add_runs(self, runs: Iterable[Run]) -> None:
        self.runs_version += 1
        book = self.book
        for run in runs:
            book.records.add_run(run)
            book.history.add(run)
        self._async_commit()

    async def async_delete_run(self, run_id: str) -> None:
        """Delete a run, looking in the archive when it is not a recent one."""
        run = self.coordinator.find_run(run_id)
        if run is not None:
            self.runs_version += 1
            self.book.records.runs.remove(run)
            self.book.history.remove(run)
            self._async_commit()
            return
        if self.book.archive is None or not await self.async_change_archive(
            lambda recent, archived: pop_by_id(archived, run_id) is not None
        ):
            raise invalid_input("run_not_found", run_id=run_id)

    async def async_import_runs(self, result: ImportResult) -> ImportMerge:
        """Add the runs an import read that are new, and the shoes they name.

        Matched against every run, archived ones too (a run found again from a more
        faithful source takes its numbers, `domain/import_merge.py`), and split at
        the archive's cutoff in the executor; prepared again should a run be
        logged meanwhile.
        """
        records = self.book.records
        shoes = list(records.shoes)
        now = dt_util.utcnow()

        def merge_runs(recent: list[Run], archived: list[Run]) -> ImportMerge:
            merge = merge_import(result, [*archived, *recent], shoes, now)
            changed = {run.id: run for run in merge.changed_runs}
            for runs in (recent, archived):  # a merged run keeps its id and place
                runs[:] = [changed.get(run.id, run) for run in runs]
            recent.extend(merge.new_runs)  # the split sends old ones to the archive
            return merge

        def add_shoes(merge: ImportMerge) -> None:
            records.shoes.extend(merge.new_shoes)

        return await self.async_change_archive(merge_runs, add_shoes)

    @callback
    def async_capture(self, result: CaptureResult, source: str, now: datetime) -> None:
        """Record a distance-sensor reading: the run it makes or extends, the state."""
        state = self.book.state
        before = state.capture if state.capture_source == source else CaptureState()
        after = result.state
        if result.run_km is not None:
            run = (
                self.coordinator.find_run(result.extends_run_id)
                if result.extends_run_id is not None
                else None
            )
            if run is None:
                run = Run(
                    id=new_id(),
                    start=now,
                    distance_km=round(result.run_km, 3),
                    shoe_id=self.book.records.default_shoe_id,
                    source="sensor",
                    source_id=source,
                )
                after = with_open_run(after, run.id)
            else:
                self.runs_version += 1
                pop_by_id(self.book.records.runs, run.id)
                self.book.history.remove(run)
                run = replace(run, distance_km=round(result.run_km, 3))
            state.capture, state.capture_source = after, source
            self._async_add_runs([run])
            return
        if after != before or state.capture_source != source:
            state.capture, state.capture_source = after, source
            self._async_commit()

    def capture_state(self, source: str) -> CaptureState:
        """Return what the capture remembers of this sensor (nothing for another)."""
        state = self.book.state
        return state.capture if state.capture_source == source else CaptureState()

    # Soreness, treatments and professional visits

    def _entry_side(self, side: Side | None, at: datetime) -> Side | None:
        """Return the ankle an entry belongs to; refuse when two episodes are open.

        An entry without a side belongs to the only ankle with an open episode, so
        the resolved side is stored with it.
        """
        if side is not None:
            return side
        open_ankles = self.coordinator.open_ankles(at)
        if len(open_ankles) > 1:
            raise invalid_input("side_required", ankles=_side_names(open_ankles))
        return open_ankles[0] if open_ankles else None

    async def async_log_soreness(
        self,
        *,
        severity: float,
        time: datetime | None = None,
        location: Location | None = None,
        side: Side | None = None,
        symptoms: frozenset[str] = frozenset(),
        note: str | None = None,
    ) -> Soreness:
        """Record how an ankle feels."""
        if not (
            _finite(severity)
            and float(severity).is_integer()
            and _within(severity, SEVERITY_RANGE)
        ):
            raise invalid_input(
                "severity_out_of_range", severity=shown_number(severity)
            )
        check_text(note, "note", MAX_NOTE_LENGTH)
        at = past_time(time)
        record = check_storable(
            Soreness(
                id=new_id(),
                time=at,
                severity=int(severity),
                location=location,
                side=self._entry_side(side, at),
                symptoms=symptoms,
                note=note,
            )
        )
        self.book.records.add_soreness(record)
        self._async_commit()
        return record

    async def async_delete_soreness(self, entry_id: str) -> None:
        """Delete a soreness entry logged by mistake."""
        if pop_by_id(self.book.records.soreness, entry_id) is None:
            raise invalid_input("soreness_not_found", entry_id=entry_id)
        self._async_commit()

    async def async_log_treatment(
        self,
        *,
        treatment: TreatmentKind,
        time: datetime | None = None,
        duration_minutes: float | None = None,
        numbness_or_tingling: bool | None = None,
        note: str | None = None,
    ) -> Treatment:
        """Record rest, ice, compression or elevation."""
        _check_range(
            duration_minutes,
            (0, MAX_TREATMENT_MINUTES),
            "duration_out_of_range",
            exclusive_min=True,
        )
        if (
            numbness_or_tingling is not None
            and treatment is not TreatmentKind.COMPRESSION
        ):
            raise invalid_input(
                "numbness_only_for_compression", treatment=treatment.value
            )
        check_text(note, "note", MAX_NOTE_LENGTH)
        record = check_storable(
            Treatment(
                id=new_id(),
                time=past_time(time),
                treatment=treatment,
                duration_minutes=duration_minutes,
                numbness_or_tingling=numbness_or_tingling,
                note=note,
            )
        )
        self.book.records.add_treatment(record)
        self._async_commit()
        return record

    async def async_log_visit(
        self,
        *,
        time: datetime | None = None,
        side: Side | None = None,
        cleared_to_run: bool = False,
        note: str | None = None,
    ) -> ProfessionalVisit:
        """Record a visit to a medical professional for one ankle.

        Without a side it applies to the only ankle with an open episode.
        """
        check_text(note, "note", MAX_NOTE_LENGTH)
        at = past_time(time)
        open_ankles = self.coordinator.open_ankles(at)
        if side is not None and side not in open_ankles and None in open_ankles:
            # The open episode was logged without a side; the visit may be about
            # another ankle, so it must be logged without one to clear it.
            raise invalid_input("visit_ankle_without_side", side=side.value)
        if side is None:
            if not open_ankles:
                raise invalid_input("visit_no_open_ankle")
            if len(open_ankles) > 1:
                raise invalid_input(
                    "visit_side_required", ankles=_side_names(open_ankles)
                )
            side = open_ankles[0]
        record = check_storable(
            ProfessionalVisit(
                id=new_id(),
                time=at,
                side=side,
                cleared_to_run=cleared_to_run,
                note=note,
            )
        )
        self.book.records.add_visit(record)
        self._async_commit()
        return record

    async def async_delete_visit(self, visit_id: str) -> None:
        """Delete a professional visit logged by mistake."""
        if pop_by_id(self.book.records.visits, visit_id) is None:
            raise invalid_input("visit_not_found", visit_id=visit_id)
        self._async_commit()

    # Prevention exercises

    async def async_log_exercise(
        self,
        key: ExerciseKey,
        *,
        time: datetime | None = None,
        sets: float | None = None,
        reps: float | None = None,
        seconds: float | None = None,
    ) -> Exercise:
        """Record an exercise (the program's dose when none is given).

        Counts are whole numbers from 1 to their limit (`limits.py`).
        """
        counts = (
            _whole(sets, MAX_SETS, "sets"),
            _whole(reps, MAX_REPS, "reps"),
            _whole(seconds, MAX_SECONDS, "seconds"),
        )
        if counts == (None, None, None):
            dosage = EXERCISES[key].dosage
            counts = (dosage.sets, dosage.reps, dosage.seconds)
        record = check_storable(
            Exercise(
                id=new_id(),
                time=past_time(time),
                exercise=key.value,
                sets=counts[0],
                reps=counts[1],
                seconds=counts[2],
            )
        )
        self.book.records.add_exercise(record)
        self._async_commit()
        return record

    async def async_unlog_exercise_today(self, key: ExerciseKey) -> None:
        """Remove what was logged for an exercise today (an item was unchecked)."""
        today = dt_util.now().date()
        records = self.book.records
        records.exercises = [
            exercise
            for exercise in records.exercises
            if not (
                exercise.exercise == key
                and dt_util.as_local(exercise.time).date() == today
            )
        ]
        self._async_commit()

    # Shoes

    async def async_save_shoe(self, shoe: Shoe, *, default: bool) -> None:
        """Add a pair of shoes, or replace the one with the same id."""
        check_text(shoe.name, "name", MAX_NAME_LENGTH)
        if shoe.max_km is not None and not _finite(shoe.max_km):
            raise invalid_input("record_not_storable")
        check_storable(shoe)
        records = self.book.records
        for index, old in enumerate(records.shoes):
            if old.id == shoe.id:
                records.shoes[index] = shoe
                break
        else:
            records.shoes.append(shoe)
        if default and not shoe.retired:
            records.default_shoe_id = shoe.id
        elif records.default_shoe_id == shoe.id:
            records.default_shoe_id = None
        self._async_commit()

    # Reminders

    @callback
    def async_set_reminder_state(self, state: ReminderState) -> None:
        """Store what happened to the reminders."""
        self.book.state.reminders = state
        self._async_commit()

    @callback
    def async_complete_reminders(
        self, treatments: Iterable[TreatmentKind], state: ReminderState
    ) -> None:
        """Log the treatments a reminder's Done button stands for, with its state."""
        now = dt_util.utcnow()
        for kind in treatments:
            self.book.records.add_treatment(
                Treatment(id=new_id(), time=now, treatment=kind)
            )
        self.async_set_reminder_state(state)

    async def async_enable_reminders(self, enabled: bool) -> None:
        """Turn delivery of reminders on or off."""
        self.book.state.reminders_enabled = enabled
        self._async_commit()

    # The archive

    @callback
    def async_schedule_archiving(self, *_: object) -> None:
        """Move old runs into the archive in the background, when it is due."""
        book = self.book
        if archiving_due(
            book.records.runs, book.history.tz, dt_util.now(book.history.tz).date()
        ):
            self.entry.async_create_background_task(
                self.hass,
                self._async_archive_old_runs(),
                f"{DOMAIN} archive old runs of {self.entry.title}",
            )

    async def _async_archive_old_runs(self) -> None:
        try:
            await self.async_change_archive(lambda recent, archived: None)
        except HomeAssistantError as err:
            LOGGER.warning("Old runs were not archived: %s", err)

    async def _async_try_archive_change[T](
        self, stored: StoredData | None, change: Callable[[list[Run], list[Run]], T]
    ) -> tuple[ArchiveChange[T] | None, bool]:
        """Prepare a change in the executor, write the archive and swap the runs in.

        Returns the change once it was swapped in (None when the recent runs changed
        meanwhile) and whether the archive store was written.
        """
        book = self.book
        version = self.runs_version
        prepared: ArchiveChange[T] = await self.hass.async_add_executor_job(
            change_archive,
            stored,
            list(book.records.runs),
            change,
            book.history.tz,
            dt_util.now(book.history.tz).date(),
        )
        if self.runs_version != version:
            return None, False
        written = False
        if prepared.summary is not None or book.archive is not None:
            await self._async_set_archive_pending(True)
            await self.archive_store.async_save(prepared.archive)
            written = True
        if self.runs_version != version or self._closed:
            return None, written  # prepared again from the archive as it was read
        self.runs_version += 1
        book.records.runs = prepared.recent
        book.archive = prepared.summary
        book.history = prepared.history
        book.archive_pending = False  # the records are saved right after
        return prepared, written

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
                if self.book.archive is not None and not self._closed
                else None
            )
            saved = False
            for _ in range(ARCHIVE_ATTEMPTS):
                if self._closed:
                    break
                done, written = await self._async_try_archive_change(stored, change)
                saved = saved or written
                if done is not None:
                    if apply is not None:
                        apply(done.result)
                    self._async_commit()
                    await self._async_save_now()
                    return done.result
            if saved:  # put the archive back as the records describe it
                await self.archive_store.async_save(stored or archive_to_dict([]))
            await self._async_set_archive_pending(False)
        if self._closed:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="entry_not_loaded",
                translation_placeholders={"runner": self.entry.title},
            )
        raise HomeAssistantError(
            translation_domain=DOMAIN, translation_key="archive_busy"
        )

    # Data ownership: export, import and delete

    async def async_all_runs(self) -> list[Run]:
        """Return every run, archived ones too, in time order (changes nothing)."""
        async with self._archive_lock:
            recent = list(self.book.records.runs)
            if self.book.archive is None:
                return recent
            stored = await self.archive_store.async_load()
        archived = await self.hass.async_add_executor_job(archive_from_dict, stored)
        ids = {run.id for run in recent}
        every = [*recent, *(run for run in archived if run.id not in ids)]
        return sorted(every, key=lambda run: run.start)

    async def async_export(self) -> dict[str, Any]:
        """Return every record, shoe and setting of the runner (`domain/export.py`)."""
        runs = await self.async_all_runs()
        return build_export(
            runner={"name": self.entry.title, "unit": self.coordinator.unit},
            settings=self.entry.options,
            records=self.book.records,
            runs=runs,
            reminders_enabled=self.book.state.reminders_enabled,
            exported_at=dt_util.utcnow(),
        )

    async def async_import_data(self, data: Any) -> dict[str, Any]:
        """Merge an export into this runner and apply its settings.

        The document is checked whole first (a bad one changes nothing); records
        and shoes merge by id and by content, so importing it again adds nothing.
        Changed settings update the entry's options, which reloads the runner.
        """
        bounds = ExportBounds(
            earliest=EARLIEST_TIME,
            latest=dt_util.utcnow() + EXPORT_FUTURE,
            max_distance_km=MAX_DISTANCE_KM,
            max_text=MAX_NOTE_LENGTH,
            max_name=MAX_NAME_LENGTH,
        )
        try:
            document = await self.hass.async_add_executor_job(
                parse_export, data, bounds
            )
        except ExportDocumentError as err:
            raise invalid_input(
                "import_data_invalid", reason=err.reason, where=err.where
            ) from None
        records = self.book.records
        known = RunnerRecords(
            soreness=list(records.soreness),
            treatments=list(records.treatments),
            visits=list(records.visits),
            exercises=list(records.exercises),
            shoes=list(records.shoes),
            default_shoe_id=records.default_shoe_id,
        )

        def merge_runs(recent: list[Run], archived: list[Run]) -> DataMerge:
            merge = merge_export(document, [*archived, *recent], known)
            recent.extend(merge.runs)  # the split sends old ones to the archive
            return merge

        def add_records(merge: DataMerge) -> None:
            records.shoes.extend(merge.shoes)
            if records.default_shoe_id is None and merge.default_shoe_id:
                records.default_shoe_id = merge.default_shoe_id
            for soreness in merge.soreness:
                records.add_soreness(soreness)
            for treatment in merge.treatments:
                records.add_treatment(treatment)
            for visit in merge.visits:
                records.add_visit(visit)
            for exercise in merge.exercises:
                records.add_exercise(exercise)
            if document.reminders_enabled is not None:
                self.book.state.reminders_enabled = document.reminders_enabled

        merge = await self.async_change_archive(merge_runs, add_records)
        settings_changed = document.settings != dict(self.entry.options)
        if settings_changed:  # the entry's update listener reloads the runner
            self.hass.config_entries.async_update_entry(
                self.entry, options=document.settings
            )
        return {"imported": merge.counts(), "settings_changed": settings_changed}

    async def async_delete_data(
        self,
        record_type: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> dict[str, int]:
        """Delete records of one type or all, in an inclusive time range or all.

        Each record is judged by its own time (a run by its start, a shoe by when
        it was added); archived runs too. With no type and no range every record,
        shoe and the reminder state go; the settings stay. Returns the counts.
        """
        if start is not None and end is not None and start > end:
            raise invalid_input(
                "delete_range_reversed", start=start.isoformat(), end=end.isoformat()
            )
        types = deleted_types(record_type)
        deleted = dict.fromkeys(types, 0)
        if RUNS in types:

            def remove_runs(recent: list[Run], archived: list[Run]) -> int:
                count = 0
                for runs in (recent, archived):
                    kept, gone = split_for_deletion(runs, start, end)
                    runs[:] = kept
                    count += len(gone)
                return count

            deleted[RUNS] = await self.async_change_archive(remove_runs)
        records = self.book.records
        for name in types:
            if name == RUNS:
                continue
            kept, gone = split_for_deletion(getattr(records, name), start, end)
            setattr(records, name, kept)
            deleted[name] = len(gone)
            if name == "shoes" and records.default_shoe_id in {s.id for s in gone}:
                records.default_shoe_id = None
        if record_type is None and start is None and end is None:
            state = self.book.state
            state.reminders = ReminderState()
            state.capture, state.capture_source = CaptureState(), None
        self._async_commit()
        await self._async_save_now()
        if deleted.get("shoes"):
            # Entity names carry the shoes: reload (once saved) to remove them.
            self.hass.config_entries.async_schedule_reload(self.entry.entry_id)
        return deleted


def _within(value: float, limits: tuple[float, float]) -> bool:
    return limits[0] <= value <= limits[1]


__all__ = ["RunnerDoor", "invalid_input", "past_time"]
