"""One computed picture of a runner: what every entity shows at a moment.

`compute_snapshot` is the single place where records, settings and the clock
become figures. Home Assistant glue calls it after every change and on a timer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from .load import LoadHistory, LoadSnapshot
from .plan import (
    Plan,
    Reminder,
    ReminderKind,
    ReminderState,
    ReminderStatus,
    plan_reminders,
)
from .program import (
    DailyProgram,
    ExerciseKey,
    exercise_adherence,
    exercise_streak,
    program_checklist,
    program_history,
)
from .records import RunnerRecords, Soreness
from .recovery import (
    PhaseStatus,
    RecoveryCheckpoint,
    RecoveryMemo,
    RecoveryPhase,
    advance_checkpoint,
    log_marks,
    recovery_status,
    recovery_timeline,
)
from .settings import Settings
from .triage import Assessment

# How far back the exercise streak is counted.
STREAK_DAYS = 60
# How much of the treatment and exercise logs the reminder plan reads: an acute
# window (72 h at most) plus the plan's horizon, with room to spare.
PLAN_LOOKBACK = timedelta(days=7)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgramStatus:
    """Today's prevention program, what is done, adherence and streak."""

    today: DailyProgram
    done: Mapping[ExerciseKey, bool]
    adherence: float | None
    streak: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything derived from the records at one moment."""

    computed_at: datetime = field(compare=False)
    latest_soreness: Soreness | None
    assessment: Assessment
    phase: PhaseStatus
    load: LoadSnapshot
    program: ProgramStatus
    plan: Plan

    @property
    def next_reminder(self) -> Reminder | None:
        """Return the next reminder still to come."""
        return next(
            (
                reminder
                for reminder in self.plan.reminders
                if reminder.status is ReminderStatus.PLANNED
                and reminder.due > self.computed_at
            ),
            None,
        )

    @property
    def ice_session(self) -> Reminder | None:
        """Return the ice session going on now (its `ice_start`), if any."""
        now = self.computed_at
        for reminder in self.plan.reminders:
            if (
                reminder.kind is ReminderKind.ICE_START
                and reminder.status in (ReminderStatus.DELIVERED, ReminderStatus.DONE)
                and reminder.session_start is not None
                and reminder.session_end is not None
                and reminder.session_start <= now < reminder.session_end
            ):
                return reminder
        return None


def _recent[T](
    items: list[T], since: datetime, key: Callable[[T], datetime]
) -> list[T]:
    """Return the tail of a time-ordered log from `since` on."""
    return items[bisect_left(items, since, key=key) :]


def _end_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tz) - timedelta(
        microseconds=1
    )


@dataclass(slots=True)
class SnapshotCache:
    """What a snapshot can reuse from the previous one.

    The phase at the end of a past day only changes with the care log up to that day
    (soreness, treatments, visits: `recovery.log_marks`), so an entry logged today
    replays no past day; the program's status only changes with the day, the phases
    and the exercise log. Logging a run changes none of them.
    """

    care_log_key: tuple[object, ...] = ()
    recovery: RecoveryCheckpoint | None = None
    recovery_memo: RecoveryMemo = field(default_factory=RecoveryMemo)
    # day -> (the logs' marks at the end of the day, the phase then)
    past_phases: dict[date, tuple[list[object], RecoveryPhase]] = field(
        default_factory=dict
    )
    past_key: tuple[object, ...] = ()
    past: tuple[RecoveryPhase, ...] = ()
    program_key: tuple[object, ...] = ()
    program: ProgramStatus | None = None
    plan_key: tuple[object, ...] = ()
    plan: Plan | None = None

    def follow(self, records: RunnerRecords) -> None:
        """Drop what depends on a care log that has changed since."""
        key = (
            len(records.soreness),
            records.soreness[-1].id if records.soreness else None,
            len(records.treatments),
            records.treatments[-1].id if records.treatments else None,
            len(records.visits),
            records.visits[-1].id if records.visits else None,
        )
        if key != self.care_log_key:
            self.care_log_key = key
            self.past_key = ()  # the past days' phases are checked again


def _past_days(today: date) -> list[date]:
    """Return the `STREAK_DAYS` days before `today`, oldest first."""
    return [today - timedelta(days=back) for back in range(STREAK_DAYS, 0, -1)]


def _program_status(
    records: RunnerRecords,
    settings: Settings,
    today: date,
    tz: tzinfo,
    phase: RecoveryPhase,
    cache: SnapshotCache,
) -> ProgramStatus:
    """Return the program's status, reusing the last one when nothing it reads moved."""
    past_key = (today, cache.care_log_key)
    if cache.past_key != past_key:
        cache.past_key = past_key
        cache.past = _past_phases(records, settings, _past_days(today), tz, cache)
    exercises = records.exercises
    key = (
        today,
        phase,
        cache.past,
        len(exercises),
        exercises[-1].id if exercises else None,
    )
    if cache.program is None or cache.program_key != key:
        cache.program_key = key
        phases = dict(zip(_past_days(today), cache.past, strict=True))
        phases[today] = phase
        cache.program = _compute_program_status(records, today, tz, phases)
    return cache.program


def _past_phases(
    records: RunnerRecords,
    settings: Settings,
    days: list[date],
    tz: tzinfo,
    cache: SnapshotCache,
) -> tuple[RecoveryPhase, ...]:
    """Return the phase at the end of each past day, replaying only changed days.

    When the logs up to the end of the last past day are as before (an entry was
    logged today), no past day changed and none is looked at again.
    """
    ends = [_end_of_day(day, tz) for day in days]
    known = cache.past_phases
    last = log_marks(records.soreness, records.visits, records.treatments, ends[-1])
    if all(day in known for day in days) and known[days[-1]][0] == last:
        return tuple(known[day][1] for day in days)
    marks = [
        log_marks(records.soreness, records.visits, records.treatments, end)
        for end in ends[:-1]
    ]
    marks.append(last)
    missing = [
        index
        for index, day in enumerate(days)
        if day not in known or known[day][0] != marks[index]
    ]
    if missing:
        found = recovery_timeline(
            records.soreness,
            records.treatments,
            [ends[index] for index in missing],
            settings,
            visits=records.visits,
            checkpoint=cache.recovery,
        )
        for index, phase in zip(missing, found, strict=True):
            known[days[index]] = (marks[index], phase)
    for day in [day for day in known if day < days[0]]:
        del known[day]
    return tuple(known[day][1] for day in days)


def _compute_program_status(
    records: RunnerRecords,
    today: date,
    tz: tzinfo,
    phases: Mapping[date, RecoveryPhase],
) -> ProgramStatus:
    """Follow the program over the last `STREAK_DAYS` days and today.

    Adherence is None until the first exercise is logged. A past day's program
    follows the phase at the end of that day (`phases`).
    """
    history = program_history(phases, records.exercises, tz)
    # Adherence and streak count from the first day an exercise was logged: days
    # before the runner started the program are not missed days.
    started = (
        records.exercises[0].time.astimezone(tz).date() if records.exercises else today
    )
    planned = [program.planned for program in history if program.day >= started]
    return ProgramStatus(
        today=history[-1],
        done=program_checklist(history[-1], records.exercises, tz),
        adherence=exercise_adherence(planned, records.exercises, tz, today)
        if records.exercises
        else None,
        streak=exercise_streak(planned, records.exercises, tz, today),
    )


def _worst_current(phase: PhaseStatus) -> int | None:
    """Return the highest current soreness of any ankle."""
    severities = [
        ankle.current.severity for ankle in phase.per_ankle if ankle.current is not None
    ]
    return max(severities, default=None)


def _plan(
    records: RunnerRecords,
    settings: Settings,
    now: datetime,
    tz: tzinfo,
    phase: PhaseStatus,
    reminder_state: ReminderState,
    cache: SnapshotCache,
) -> Plan:
    """Return the reminder plan, reusing the last one when nothing it reads moved.

    The plan reads the phase, the care and exercise logs, the reminder state and
    the clock (to the minute: what is due is decided again at delivery).
    """
    exercises = records.exercises
    plan_key = (
        phase,
        cache.care_log_key,
        len(exercises),
        exercises[-1].id if exercises else None,
        reminder_state,
        now.replace(second=0, microsecond=0),
    )
    if cache.plan is None or plan_key != cache.plan_key:
        since = now - PLAN_LOOKBACK
        cache.plan_key = plan_key
        cache.plan = plan_reminders(
            phase,
            _recent(records.treatments, since, lambda entry: entry.time),
            settings,
            tz,
            now,
            reminder_state,
            exercises=_recent(exercises, since, lambda entry: entry.time),
        )
    return cache.plan


def compute_snapshot(
    records: RunnerRecords,
    settings: Settings,
    now: datetime,
    history: LoadHistory,
    cache: SnapshotCache,
    reminder_state: ReminderState,
) -> Snapshot:
    """Compute the runner's snapshot at `now`.

    `history` must hold the runs of `records` plus the archive's daily totals (the
    coordinator keeps it in step incrementally, so a new run does not recompute
    years of history), and
    `cache` keeps what earlier snapshots computed from logs that did not change.
    """
    cache.follow(records)
    cache.recovery = advance_checkpoint(
        cache.recovery,
        records.soreness,
        records.visits,
        records.treatments,
        now,
        settings,
    )
    phase = recovery_status(
        records.soreness,
        records.treatments,
        now,
        settings,
        visits=records.visits,
        checkpoint=cache.recovery,
        memo=cache.recovery_memo,
    )
    today = now.astimezone(history.tz).date()
    load = history.snapshot(
        today,
        settings,
        shoes=records.shoes,
        default_shoe_id=records.default_shoe_id,
        soreness=_worst_current(phase),
        may_run=phase.may_run,
    )
    plan = _plan(records, settings, now, history.tz, phase, reminder_state, cache)
    return Snapshot(
        computed_at=now,
        latest_soreness=records.soreness[-1] if records.soreness else None,
        assessment=phase.assessment,
        phase=phase,
        load=load,
        program=_program_status(
            records, settings, today, history.tz, phase.phase, cache
        ),
        plan=plan,
    )
