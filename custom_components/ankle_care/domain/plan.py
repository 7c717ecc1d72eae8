"""Reminder plan: settings, the log and the clock in, reminders out.

Nothing here sends anything or keeps a timer. `plan_reminders` turns the recovery phase,
the treatment log and the settings into a `Plan`; `due_reminders` says what to deliver
at a given moment, `delivery_groups` which of those go out as one message, and
`next_due` when to look again. What has been delivered, done,
skipped or snoozed lives in a `ReminderState` that the caller persists (as
`RunnerRecords.reminder_state`) and updates with the state's methods. The same inputs
always give the same plan with the same ids, so a restart neither loses nor repeats a
reminder. Every time a plan returns is in UTC.

Rules, with the article's numbers ("Apply ice for 15 to 20 minutes at a time, repeated
every two to three hours during the first 48 to 72 hours"):

* One plan per ankle: ice sessions and see-a-professional reminders are planned for
  every ankle of `PhaseStatus.per_ankle` from that ankle's own status (phase, since,
  episode_start, acute_window_ends, referral, side). Treatments carry no side, so
  every ankle's plan reads every logged treatment.
* Ice sessions run for an ankle whose phase is one of `ICE_PHASES` (acute_care,
  see_professional, urgent_care: first aid still applies while waiting to be seen)
  while its acute window is open. Session 1 is planned at the latest flare-up
  (`PhaseStatus.episode_start`; a new flare-up restarts the series), each next one
  `ice_interval_hours` after the previous one, as long as it starts before
  `acute_window_ends` (or `acute_window_hours` after the flare-up when the status
  has no window end). Once the window is over, or the ankle leaves those phases,
  every ice reminder of it is cancelled, past ones included. `professional_care`
  (the runner saw a professional) has no reminders at all: the professional's plan
  applies.
* Quiet hours run from `quiet_start` (inclusive) to `quiet_end` (exclusive) in local
  time and may wrap midnight; equal times mean no quiet hours. A session that would
  start inside them is moved to their end (never dropped, unless the move takes it
  past the acute window) and the next session is planned from the moved one, so
  sessions are never closer than the interval. Session 1 is the exception: it is
  due at the flare-up itself and delivered at once even in quiet hours (the runner
  just logged it, so is awake), with its `elevation` and `compression_check`,
  unless a snooze moved it; it stays relevant for half an interval like any session
  (a flare-up logged hours after its time misses it). A flare-up at 22:30 with quiet
  hours 22:00-07:00 and a 3 h interval: session 1 at 22:30, session 2 at 07:00.
* Each session has four reminders: `ice_start` at its planned time, `elevation`
  ("raise the ankle above the level of the heart") and `compression_check` ("snug,
  no numbness or tingling") at the session's start (no offset), and `ice_end` when its
  `ice_minutes` are up. A session that starts before quiet hours keeps its `ice_end`
  even when that falls inside them: the ice-off reminder is delivered in quiet hours.
  The reminders of a session's start due at the same moment are delivered as one
  message (`delivery_groups`).
* The session start is the logged ice time when the session was logged, otherwise
  the time `ice_start` was delivered (or is due); so snoozing `ice_start` moves the
  whole session, and `ice_end` comes `ice_minutes` after `ice_start` was actually
  delivered (never before it). `elevation`, `compression_check` and `ice_end` are
  missed when their `ice_start` is missed; `ice_end` is also skipped with it (no ice,
  no ice-off), the other two are not.
* Logging counts (only entries timed from half an interval before the flare-up up
  to now are read): an ice treatment logged from half an interval before a session's
  planned time to half an interval after it (e.g. 1.5 h either side at 3 h) marks
  that session's `ice_start` done (never delivered) and the plan continues from the
  logged time: the next session is `ice_interval_hours` after it (quiet hours moved
  as above). Each log counts for one session; an ice logged between sessions (outside
  every window) re-plans the next session from it. An ice log with a duration says the
  session is over, so its `ice_end` is done too; without one, `ice_end` is due
  `ice_minutes` after the logged time; `elevation` and `compression_check` are due at
  the logged time. An elevation or compression logged inside a session's window
  marks that session's `elevation` or `compression_check` done.
* The interval is absolute time (UTC), so a daylight-saving change neither skips nor
  doubles a session. Quiet hours and the exercise time are local wall-clock times:
  an ambiguous local time (the repeated hour in autumn) means its first occurrence, a
  nonexistent one (the skipped hour in spring) the instant the clock would show had
  it not jumped (02:30 in a 02:00-03:00 gap is 03:30 summer time). A quiet period
  ends at the first instant after the moment with the local `quiet_end` time.
* Exercise: one reminder a day at `exercise_reminder_time` (moved to the end of quiet
  hours when inside them) while the runner's phase and every ankle's phase are among
  the phases of the prevention program, `EXERCISE_PHASES` (ready, monitoring,
  recovering, return_to_running). Gentle mobility is allowed in `acute_care`, but
  the reminder is not sent there, nor in the professional phases nor in
  `professional_care`. Only days since the runner's phase began count; an exercise
  logged on the reminder's local day marks it done.
* See a professional: for an ankle in `see_professional` or `urgent_care`
  (`PROFESSIONAL_PHASES`), once when its phase began (`PhaseStatus.since`), then
  every `SEE_PROFESSIONAL_REPEAT` (24 h) after the previous one, each moved out of
  quiet hours, until acknowledged (`ReminderState.acknowledge`) at or after the phase
  began. Each carries the ankle's referral as `Reminder.reason` (red_flag,
  stress_reaction, not_improving, numbness_or_tingling; an `urgent_care` status
  without one counts as a red flag, the only way into urgent care; otherwise None).
  Acknowledging marks the reminders of every phase that began by then done and stops
  their next ones. In `urgent_care` the first reminder is urgent: due at once even
  inside quiet hours and never held back by a global snooze (a red flag must never
  be under-reacted to); its repeats keep quiet hours. A new phase start (an
  escalation to `urgent_care`) starts a new series.
* Snooze: `snoozed_until` (with the moment it was set) postpones every non-urgent
  reminder due inside the snooze to its end; there the latest one of each kind is
  delivered once. A per-reminder snooze moves one reminder to a given time and makes a
  delivered one due again. Skip marks one reminder skipped.
* Delivery: a reminder is due once its time has come and it is neither delivered,
  done nor skipped. Outside the exempt ones (`ice_end`, the urgent reminder and the
  first session of a flare-up) nothing is delivered inside quiet hours. After a gap
  (Home Assistant down, a snooze) at most one reminder of each kind per ankle is
  delivered: the latest one. An overdue reminder is missed as soon as a later
  reminder of the same kind and ankle is due, whatever that one's status, so once
  the latest was delivered the older ones never follow. A reminder is relevant only
  for a while after it was due, after which it is missed: `ice_start`, `elevation`
  and `compression_check` for half an interval (the logging window), `ice_end` for
  `ice_minutes`, exercise for `EXERCISE_CATCH_UP` (6 h), each counted from its time
  after snoozes; a see-a-professional reminder stays relevant until acknowledged. A
  reminder snoozed into quiet hours moves to their end.

Ids are `"{kind}-{anchor}-{n}"` for an unspecified ankle and
`"{kind}-{side}-{anchor}-{n}"` for a left or right one, with the anchor (the flare-up for session reminders, the
phase start for see-a-professional) in UTC ISO form and n counting from 1, and
`"exercise-{local date}"`. They do not depend on snoozes or on when a session was
actually iced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Self

from .phase import (
    ICE_PHASES,
    PROFESSIONAL_PHASES,
    PhaseStatus,
    RecoveryPhase,
    Referral,
)
from .records import Exercise, Side, Treatment, TreatmentKind
from .settings import Settings

DEFAULT_HORIZON = timedelta(days=3)
"""How far ahead (and, for daily reminders, back) a plan reaches by default."""

SEE_PROFESSIONAL_REPEAT = timedelta(hours=24)
"""Time between see-a-professional reminders until one is acknowledged."""

EXERCISE_CATCH_UP = timedelta(hours=6)
"""How long after its time a missed exercise reminder is still delivered."""

EXERCISE_PHASES = frozenset(
    {
        RecoveryPhase.READY,
        RecoveryPhase.MONITORING,
        RecoveryPhase.RECOVERING,
        RecoveryPhase.RETURN_TO_RUNNING,
    }
)
"""Phases in which the daily prevention-exercise reminder is planned."""


class ReminderKind(StrEnum):
    """What a reminder asks the runner to do."""

    ICE_START = "ice_start"
    ICE_END = "ice_end"
    ELEVATION = "elevation"
    COMPRESSION_CHECK = "compression_check"
    EXERCISE = "exercise"
    SEE_PROFESSIONAL = "see_professional"


class ReminderStatus(StrEnum):
    """Where a reminder stands at the plan's clock."""

    PLANNED = "planned"
    DELIVERED = "delivered"
    DONE = "done"
    SKIPPED = "skipped"
    MISSED = "missed"


_ORDER = {kind: index for index, kind in enumerate(ReminderKind)}

SESSION_START_KINDS = frozenset(
    {ReminderKind.ICE_START, ReminderKind.ELEVATION, ReminderKind.COMPRESSION_CHECK}
)
"""The reminders due together at the start of an ice session (one message)."""


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC)


def _optional_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else _utc(moment)


def _at_local(day: date, wall: time, tz: tzinfo, fold: int = 0) -> datetime:
    """Return the instant (UTC) a local wall-clock time names on a local date."""
    local = datetime.combine(day, wall.replace(tzinfo=None, fold=fold), tzinfo=tz)
    return local.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local quiet hours from `start` (inclusive) to `end` (exclusive) in `tz`.

    The period may wrap midnight (22:00-07:00); equal times mean no quiet hours.
    """

    start: time
    end: time
    tz: tzinfo

    @classmethod
    def from_settings(cls, settings: Settings, tz: tzinfo) -> QuietHours:
        """Read the quiet hours from the settings, in the runner's time zone."""
        return cls(settings.quiet_start, settings.quiet_end, tz)

    def contains(self, moment: datetime) -> bool:
        """Return whether the timezone-aware `moment` falls inside quiet hours."""
        if self.start == self.end:
            return False
        wall = _utc(moment).astimezone(self.tz).time()
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end

    def shift(self, moment: datetime) -> datetime:
        """Return `moment` (in UTC), or the end of the quiet period it falls in."""
        moment = _utc(moment)
        if not self.contains(moment):
            return moment
        local = moment.astimezone(self.tz)
        day = local.date()
        if local.time() >= self.end:
            day += timedelta(days=1)
        first = _at_local(day, self.end, self.tz)
        # In the repeated autumn hour the first occurrence may lie behind us.
        return first if first > moment else _at_local(day, self.end, self.tz, fold=1)


def _load_times(value: Any) -> dict[str, datetime]:
    return {
        str(key): datetime.fromisoformat(text) for key, text in (value or {}).items()
    }


def _load_time(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _dump_times(values: Mapping[str, datetime]) -> dict[str, str]:
    return {key: values[key].isoformat() for key in sorted(values)}


def _dump_time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _since(values: Mapping[str, datetime], before: datetime) -> dict[str, datetime]:
    return {key: moment for key, moment in values.items() if moment >= before}


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderState:
    """What happened to the reminders: persisted by the caller, read by the planner.

    Attributes:
        delivered: Reminder id -> when it was (last) delivered.
        done: Reminder id -> when it was marked done by hand.
        skipped: Reminder id -> when it was skipped.
        snoozed: Reminder id -> the time that one reminder is snoozed until.
        snoozed_from: When the global snooze was set; None means it covers every
            reminder due before `snoozed_until`.
        snoozed_until: End of the global snooze, or None.
        acknowledged_at: When the runner last acknowledged a see-a-professional
            reminder.

    Every time is stored in UTC; the mappings are read-only. Stored data of earlier
    versions may hold a `last_delivery` key: nothing reads it, `from_dict` ignores
    it and `to_dict` no longer writes it.

    """

    delivered: Mapping[str, datetime] = field(default_factory=dict)
    done: Mapping[str, datetime] = field(default_factory=dict)
    skipped: Mapping[str, datetime] = field(default_factory=dict)
    snoozed: Mapping[str, datetime] = field(default_factory=dict)
    snoozed_from: datetime | None = None
    snoozed_until: datetime | None = None
    acknowledged_at: datetime | None = None

    def __post_init__(self) -> None:
        """Store every time in UTC, rejecting naive ones, behind read-only mappings."""
        for name in ("delivered", "done", "skipped", "snoozed"):
            values: Mapping[str, datetime] = getattr(self, name)
            utc = {key: _utc(moment) for key, moment in values.items()}
            object.__setattr__(self, name, MappingProxyType(utc))
        for name in ("snoozed_from", "snoozed_until", "acknowledged_at"):
            object.__setattr__(self, name, _optional_utc(getattr(self, name)))

    def to_dict(self) -> dict[str, Any]:
        """Serialise to JSON-compatible data for the store."""
        return {
            "delivered": _dump_times(self.delivered),
            "done": _dump_times(self.done),
            "skipped": _dump_times(self.skipped),
            "snoozed": _dump_times(self.snoozed),
            "snoozed_from": _dump_time(self.snoozed_from),
            "snoozed_until": _dump_time(self.snoozed_until),
            "acknowledged_at": _dump_time(self.acknowledged_at),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read stored data; missing keys (an empty dict) give the empty state."""
        return cls(
            delivered=_load_times(data.get("delivered")),
            done=_load_times(data.get("done")),
            skipped=_load_times(data.get("skipped")),
            snoozed=_load_times(data.get("snoozed")),
            snoozed_from=_load_time(data.get("snoozed_from")),
            snoozed_until=_load_time(data.get("snoozed_until")),
            acknowledged_at=_load_time(data.get("acknowledged_at")),
        )

    def deliver(self, ids: Iterable[str], at: datetime) -> Self:
        """Return the state after delivering the reminders with these ids at `at`."""
        at = _utc(at)
        delivered = dict(self.delivered)
        delivered.update(dict.fromkeys(ids, at))
        return replace(self, delivered=delivered)

    def mark_done(self, reminder_id: str, at: datetime) -> Self:
        """Return the state with one reminder marked done by hand."""
        return replace(self, done={**self.done, reminder_id: at})

    def skip(self, reminder_id: str, at: datetime) -> Self:
        """Return the state with one reminder skipped (an `ice_start` skips its session)."""
        return replace(self, skipped={**self.skipped, reminder_id: at})

    def snooze(self, reminder_id: str, until: datetime) -> Self:
        """Return the state with one reminder moved to `until` and due again then."""
        delivered = {
            key: moment for key, moment in self.delivered.items() if key != reminder_id
        }
        return replace(
            self, delivered=delivered, snoozed={**self.snoozed, reminder_id: until}
        )

    def snooze_all(self, at: datetime, until: datetime | None) -> Self:
        """Return the state with every reminder snoozed from `at` to `until` (None ends it)."""
        if until is None:
            return replace(self, snoozed_from=None, snoozed_until=None)
        return replace(self, snoozed_from=at, snoozed_until=until)

    def acknowledge(self, at: datetime) -> Self:
        """Return the state with the see-a-professional reminders acknowledged at `at`."""
        return replace(self, acknowledged_at=at)

    def prune(self, before: datetime) -> Self:
        """Return the state without entries recorded (or snoozes ending) before `before`.

        Reminders are planned at most a horizon back, so pruning at a month
        (`recovery.LOOKBACK_DAYS`) before now never brings a reminder back.
        """
        before = _utc(before)
        until = self.snoozed_until
        ended = until is not None and until < before
        return replace(
            self,
            delivered=_since(self.delivered, before),
            done=_since(self.done, before),
            skipped=_since(self.skipped, before),
            snoozed=_since(self.snoozed, before),
            snoozed_from=None if ended else self.snoozed_from,
            snoozed_until=None if ended else until,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Reminder:
    """One planned reminder.

    Attributes:
        id: Stable id (see the module docstring).
        kind: What the reminder asks for.
        due: When it is (or was) to be delivered: the planned time with snoozes and
            quiet hours applied.
        status: Where it stands at the clock it was resolved with.
        planned: The plan's own time for it, before snoozes.
        expires: After this a reminder not yet delivered is missed; None for never.
        urgent: Delivered even inside quiet hours and during a global snooze.
        session: 1-based ice session number, for the session's four reminders.
        session_start: When the ice session starts (logged, delivered or due).
        session_end: When its ice comes off.
        side: The ankle it is for; None for an unspecified ankle and for the
            exercise reminder.
        reason: Why to see a professional (a `recovery.Referral` value), for a
            see-a-professional reminder whose reason is known; None otherwise.

    """

    id: str
    kind: ReminderKind
    due: datetime
    status: ReminderStatus
    planned: datetime
    expires: datetime | None = None
    urgent: bool = False
    session: int | None = None
    session_start: datetime | None = None
    session_end: datetime | None = None
    side: Side | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Slot:
    """A reminder as planned from the log, before the reminder state is applied."""

    id: str
    kind: ReminderKind
    planned: datetime
    lifetime: timedelta | None
    session: int | None = None
    follows: str | None = None
    length: timedelta = timedelta(0)
    start: datetime | None = None
    done: bool = False
    urgent: bool = False
    awake: bool = False
    anchor: datetime | None = None
    side: Side | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """The current reminder plan.

    Attributes:
        reminders: Every reminder of the plan, past and future within the horizon,
            in due order, resolved with the clock and state it was built with.
        quiet: The quiet hours it was planned with.
        schedule: The plan before the reminder state is applied; `due_reminders`
            and `next_due` resolve it again with their own clock and state.

    """

    reminders: tuple[Reminder, ...]
    quiet: QuietHours
    schedule: tuple[_Slot, ...] = field(default=(), repr=False)


@dataclass(slots=True)
class _Cursor:
    """Walks a time-ordered log so that each entry counts once."""

    items: list[tuple[datetime, Treatment]]
    index: int = 0

    def skip_before(self, moment: datetime) -> datetime | None:
        """Pass the entries before `moment`; return the latest one's time."""
        latest: datetime | None = None
        while self.index < len(self.items) and self.items[self.index][0] < moment:
            latest = self.items[self.index][0]
            self.index += 1
        return latest

    def take_before(self, moment: datetime) -> tuple[datetime, Treatment] | None:
        """Take the next entry if it is before `moment`."""
        if self.index < len(self.items) and self.items[self.index][0] < moment:
            self.index += 1
            return self.items[self.index - 1]
        return None


def _reminder_id(kind: ReminderKind, side: Side | None, stamp: str, n: int) -> str:
    """Return a session or see-a-professional reminder's id (see the docstring)."""
    if side is None:
        return f"{kind}-{stamp}-{n}"
    return f"{kind}-{side}-{stamp}-{n}"


@dataclass(slots=True)
class _IceLogs:
    """The ice, elevation and compression entries one ankle's sessions read."""

    ices: _Cursor
    raised: _Cursor
    wrapped: _Cursor

    @classmethod
    def read(
        cls, treatments: Sequence[Treatment], since: datetime, now: datetime
    ) -> _IceLogs:
        """Read the entries timed from `since` up to `now`, in time order."""
        logs = sorted(
            (
                (moment, entry)
                for entry in treatments
                if since <= (moment := _utc(entry.time)) <= now
            ),
            key=lambda item: item[0],
        )

        def cursor(kind: TreatmentKind) -> _Cursor:
            return _Cursor([item for item in logs if item[1].treatment is kind])

        return cls(
            ices=cursor(TreatmentKind.ICE),
            raised=cursor(TreatmentKind.ELEVATION),
            wrapped=cursor(TreatmentKind.COMPRESSION),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class _IceSeries:
    """What every ice session of one ankle's flare-up shares."""

    side: Side | None
    stamp: str
    interval: timedelta
    minutes: timedelta

    @property
    def half(self) -> timedelta:
        """Return half an interval: how long a session's reminders stay relevant."""
        return self.interval / 2

    def session(
        self,
        number: int,
        planned: datetime,
        ice: tuple[datetime, Treatment] | None,
        *,
        awake: bool,
        raised: bool,
        wrapped: bool,
    ) -> list[_Slot]:
        """Return the four reminders of session `number` (see the module docstring).

        `ice` is the ice logged for the session, if any; `raised` and `wrapped` say
        whether an elevation and a compression were logged in its window.
        """
        start_id = _reminder_id(ReminderKind.ICE_START, self.side, self.stamp, number)
        start = ice[0] if ice is not None else None
        # An ice log with a duration says the session is over.
        logged = ice[1].duration_minutes if ice is not None else None
        finished = logged is not None
        length = self.minutes if logged is None else timedelta(minutes=logged)

        def follow_up(
            kind: ReminderKind, at: datetime, lifetime: timedelta, *, done: bool
        ) -> _Slot:
            return _Slot(
                id=_reminder_id(kind, self.side, self.stamp, number),
                kind=kind,
                planned=at,
                lifetime=lifetime,
                session=number,
                follows=start_id,
                length=length,
                done=done,
                awake=awake and kind is not ReminderKind.ICE_END,  # exempt anyway
                side=self.side,
            )

        return [
            _Slot(
                id=start_id,
                kind=ReminderKind.ICE_START,
                planned=planned,
                lifetime=self.half,
                session=number,
                length=length,
                start=start,
                done=start is not None,
                awake=awake,
                side=self.side,
            ),
            follow_up(ReminderKind.ELEVATION, planned, self.half, done=raised),
            follow_up(ReminderKind.COMPRESSION_CHECK, planned, self.half, done=wrapped),
            follow_up(
                ReminderKind.ICE_END, planned + length, self.minutes, done=finished
            ),
        ]


def _ice_window_end(
    ankle: PhaseStatus, episode: datetime, settings: Settings
) -> datetime:
    """Return when the ankle's acute window closes (the status's, else the setting)."""
    if ankle.acute_window_ends is not None:
        return _utc(ankle.acute_window_ends)
    return episode + timedelta(hours=settings.acute_window_hours)


def _ice_slots(
    ankle: PhaseStatus,
    treatments: Sequence[Treatment],
    settings: Settings,
    quiet: QuietHours,
    now: datetime,
    end: datetime,
) -> list[_Slot]:
    """Plan one ankle's ice sessions while its acute window is open."""
    if ankle.phase not in ICE_PHASES or ankle.episode_start is None:
        return []
    episode = _utc(ankle.episode_start)
    window_end = _ice_window_end(ankle, episode, settings)
    if now >= window_end:
        return []
    series = _IceSeries(
        side=ankle.side,
        stamp=_stamp(episode),
        interval=timedelta(hours=settings.ice_interval_hours),
        minutes=timedelta(minutes=settings.ice_minutes),
    )
    half = series.half
    logs = _IceLogs.read(treatments, episode - half, now)
    slots: list[_Slot] = []
    candidate = episode
    number = 0
    while True:
        # The first session is at the flare-up itself: the runner is awake.
        awake = number == 0 and candidate == episode
        planned = candidate if awake else quiet.shift(candidate)
        if planned >= window_end or planned > end:
            return slots
        extra = logs.ices.skip_before(planned - half)
        if extra is not None:
            candidate = extra + series.interval
            continue
        ice = logs.ices.take_before(planned + half)
        logs.raised.skip_before(planned - half)
        logs.wrapped.skip_before(planned - half)
        number += 1
        slots += series.session(
            number,
            planned,
            ice,
            awake=awake,
            raised=logs.raised.take_before(planned + half) is not None,
            wrapped=logs.wrapped.take_before(planned + half) is not None,
        )
        candidate = (planned if ice is None else ice[0]) + series.interval


def _exercise_slots(
    phase: PhaseStatus,
    exercises: Sequence[Exercise],
    settings: Settings,
    quiet: QuietHours,
    now: datetime,
    horizon: timedelta,
) -> list[_Slot]:
    if not all(ankle.phase in EXERCISE_PHASES for ankle in (phase, *phase.ankles)):
        return []
    tz = quiet.tz
    end = now + horizon
    lower = now - horizon
    if phase.since is not None:
        lower = max(lower, _utc(phase.since))
    done_days = {
        entry.time.astimezone(tz).date()
        for entry in exercises
        if _utc(entry.time) <= now
    }
    slots: list[_Slot] = []
    # Start a day early: that day's reminder may be moved past quiet hours into range.
    day = lower.astimezone(tz).date() - timedelta(days=1)
    while day <= end.astimezone(tz).date():
        planned = quiet.shift(_at_local(day, settings.exercise_reminder_time, tz))
        if lower <= planned <= end:
            slots.append(
                _Slot(
                    id=f"{ReminderKind.EXERCISE}-{day.isoformat()}",
                    kind=ReminderKind.EXERCISE,
                    planned=planned,
                    lifetime=EXERCISE_CATCH_UP,
                    done=day in done_days,
                )
            )
        day += timedelta(days=1)
    return slots


def _referral(ankle: PhaseStatus) -> str | None:
    """Return why this ankle should see a professional, when that is known."""
    if ankle.referral is not None:
        return ankle.referral.value
    # Urgent care always means a red flag.
    if ankle.phase is RecoveryPhase.URGENT_CARE:
        return Referral.RED_FLAG.value
    return None


def _professional_slots(
    ankle: PhaseStatus, quiet: QuietHours, now: datetime, horizon: timedelta
) -> list[_Slot]:
    """Plan one ankle's see-a-professional reminders."""
    if ankle.phase not in PROFESSIONAL_PHASES:
        return []
    began = ankle.since or ankle.episode_start
    # recovery_status always sets `since`; otherwise anchor at today's local midnight
    # so that a status without one still gives one stable series a day.
    anchor = (
        _utc(began)
        if began is not None
        else _at_local(now.astimezone(quiet.tz).date(), time(0), quiet.tz)
    )
    urgent = ankle.phase is RecoveryPhase.URGENT_CARE
    reason = _referral(ankle)
    stamp = _stamp(anchor)
    slots: list[_Slot] = []
    planned = anchor if urgent else quiet.shift(anchor)
    number = 1
    while planned <= now + horizon:
        if planned >= now - horizon:
            slots.append(
                _Slot(
                    id=_reminder_id(
                        ReminderKind.SEE_PROFESSIONAL, ankle.side, stamp, number
                    ),
                    kind=ReminderKind.SEE_PROFESSIONAL,
                    planned=planned,
                    lifetime=None,
                    urgent=urgent and number == 1,
                    anchor=anchor,
                    side=ankle.side,
                    reason=reason,
                )
            )
        planned = quiet.shift(planned + SEE_PROFESSIONAL_REPEAT)
        number += 1
    return slots


def _exempt(slot: _Slot, due: datetime, base: datetime) -> bool:
    """Return whether a reminder due at `due` may be delivered inside quiet hours.

    `base` is its time before snoozes: the first session of a flare-up is exempt
    only while no snooze moved it.
    """
    return (
        slot.urgent or slot.kind is ReminderKind.ICE_END or (slot.awake and due == base)
    )


def _effective_due(
    slot: _Slot, base: datetime, state: ReminderState, quiet: QuietHours
) -> datetime:
    due = base
    snoozed = state.snoozed.get(slot.id)
    if snoozed is not None and snoozed > due:
        due = snoozed
    until = state.snoozed_until
    if (
        not slot.urgent
        and until is not None
        and due < until
        and (state.snoozed_from is None or due >= state.snoozed_from)
    ):
        due = until
    return due if _exempt(slot, due, base) else quiet.shift(due)


def _status(
    slot: _Slot,
    expires: datetime | None,
    now: datetime,
    state: ReminderState,
    inherited: ReminderStatus | None = None,
) -> ReminderStatus:
    if slot.done or slot.id in state.done:
        return ReminderStatus.DONE
    if slot.id in state.skipped:
        return ReminderStatus.SKIPPED
    if slot.id in state.delivered:
        return ReminderStatus.DELIVERED
    if inherited is not None:
        return inherited
    if expires is not None and now >= expires:
        return ReminderStatus.MISSED
    return ReminderStatus.PLANNED


def _resolve_one(
    slot: _Slot,
    base: datetime,
    now: datetime,
    state: ReminderState,
    quiet: QuietHours,
    inherited: ReminderStatus | None = None,
) -> Reminder:
    due = _effective_due(slot, base, state, quiet)
    expires = None if slot.lifetime is None else due + slot.lifetime
    return Reminder(
        id=slot.id,
        kind=slot.kind,
        due=due,
        status=_status(slot, expires, now, state, inherited),
        planned=base,
        expires=expires,
        urgent=slot.urgent,
        session=slot.session,
        side=slot.side,
        reason=slot.reason,
    )


def _supersede(
    pairs: list[tuple[_Slot, Reminder]], now: datetime
) -> list[tuple[_Slot, Reminder]]:
    """Keep at most one catch-up of each kind per ankle; older ones are missed.

    An overdue reminder still planned is missed as soon as a later reminder of the
    same kind and ankle is due, whatever that one's status: once the latest one was
    delivered, the next-older one never becomes the latest.
    """
    latest: dict[tuple[ReminderKind, Side | None], tuple[datetime, datetime, str]] = {}
    for slot, reminder in pairs:
        if reminder.due <= now:
            key = (reminder.kind, reminder.side)
            mark = (reminder.due, slot.planned, reminder.id)
            if key not in latest or mark > latest[key]:
                latest[key] = mark
    keep = {mark[2] for mark in latest.values()}
    return [
        (
            slot,
            replace(reminder, status=ReminderStatus.MISSED)
            if reminder.status is ReminderStatus.PLANNED
            and reminder.due <= now
            and reminder.id not in keep
            else reminder,
        )
        for slot, reminder in pairs
    ]


def _session_start(slot: _Slot, reminder: Reminder, state: ReminderState) -> datetime:
    if slot.start is not None:
        return slot.start
    delivered = state.delivered.get(slot.id)
    if delivered is not None:
        return delivered
    return reminder.due


def _resolve(
    schedule: Sequence[_Slot], now: datetime, state: ReminderState, quiet: QuietHours
) -> list[tuple[_Slot, Reminder]]:
    """Apply the reminder state and the clock to the schedule."""
    leaders: list[tuple[_Slot, Reminder]] = []
    acknowledged = state.acknowledged_at
    for planned in schedule:
        if planned.follows is not None:
            continue
        slot = planned
        if (
            slot.anchor is not None
            and acknowledged is not None
            and acknowledged >= slot.anchor
        ):
            if slot.planned > acknowledged:
                continue
            slot = replace(slot, done=True)
        leaders.append((slot, _resolve_one(slot, slot.planned, now, state, quiet)))
    resolved: list[tuple[_Slot, Reminder]] = []
    sessions: dict[str, tuple[datetime, Reminder]] = {}
    for slot, leader in _supersede(leaders, now):
        reminder = leader
        if slot.session is not None:
            start = _session_start(slot, reminder, state)
            reminder = replace(
                reminder, session_start=start, session_end=start + slot.length
            )
            sessions[slot.id] = (start, reminder)
        resolved.append((slot, reminder))
    followers: list[tuple[_Slot, Reminder]] = []
    for slot in schedule:
        if slot.follows is None:
            continue
        start, parent = sessions[slot.follows]
        inherited: ReminderStatus | None = None
        if parent.status is ReminderStatus.MISSED:
            inherited = parent.status
        base = start
        if slot.kind is ReminderKind.ICE_END:
            if parent.status is ReminderStatus.SKIPPED:
                inherited = parent.status
            # Not delivered yet: the ice goes on when it is, at the earliest now.
            if parent.status is ReminderStatus.PLANNED:
                base = max(base, now)
            base += slot.length
        reminder = _resolve_one(slot, base, now, state, quiet, inherited)
        followers.append(
            (
                slot,
                replace(reminder, session_start=start, session_end=start + slot.length),
            )
        )
    resolved += _supersede(followers, now)
    return resolved


def _sorted(pairs: Iterable[tuple[_Slot, Reminder]]) -> list[tuple[_Slot, Reminder]]:
    return sorted(
        pairs, key=lambda pair: (pair[1].due, _ORDER[pair[1].kind], pair[1].id)
    )


def plan_reminders(
    phase: PhaseStatus,
    treatments: Sequence[Treatment],
    settings: Settings,
    tz: tzinfo,
    now: datetime,
    state: ReminderState,
    horizon: timedelta = DEFAULT_HORIZON,
    *,
    exercises: Sequence[Exercise] = (),
) -> Plan:
    """Plan the reminders for the current phase.

    Args:
        phase: The recovery status at `now` (see `recovery.recovery_status`).
        treatments: Logged treatments (ice, elevation and compression count).
        settings: Ice interval and minutes, acute window, quiet hours, exercise time.
        tz: The runner's time zone for quiet hours and the exercise time.
        now: The timezone-aware clock.
        state: What was delivered, done, skipped, snoozed or acknowledged.
        horizon: How far ahead to plan; daily reminders also reach this far back.
        exercises: Logged exercises; one on a reminder's day marks it done.

    Returns:
        The plan, with every reminder's status at `now`.

    Raises:
        ValueError: If `now` or a timestamp in the phase is naive.

    """
    now = _utc(now)
    quiet = QuietHours.from_settings(settings, tz)
    schedule = (
        *(
            slot
            for ankle in phase.per_ankle
            for slot in _ice_slots(
                ankle, treatments, settings, quiet, now, now + horizon
            )
        ),
        *_exercise_slots(phase, exercises, settings, quiet, now, horizon),
        *(
            slot
            for ankle in phase.per_ankle
            for slot in _professional_slots(ankle, quiet, now, horizon)
        ),
    )
    pairs = _sorted(_resolve(schedule, now, state, quiet))
    return Plan(
        reminders=tuple(reminder for _, reminder in pairs),
        quiet=quiet,
        schedule=schedule,
    )


def _deliverable(
    slot: _Slot, reminder: Reminder, now: datetime, quiet: QuietHours
) -> bool:
    return _exempt(slot, reminder.due, reminder.planned) or not quiet.contains(now)


def due_reminders(
    plan: Plan, now: datetime, state: ReminderState
) -> tuple[Reminder, ...]:
    """Return the reminders to deliver at `now`, at most one of each kind per ankle.

    The plan is resolved again with this clock and state, so a plan can be kept
    between timer calls as long as the log and settings are unchanged. Record the
    returned ids with `ReminderState.deliver`.
    """
    now = _utc(now)
    return tuple(
        reminder
        for slot, reminder in _sorted(_resolve(plan.schedule, now, state, plan.quiet))
        if reminder.status is ReminderStatus.PLANNED
        and reminder.due <= now
        and _deliverable(slot, reminder, now, plan.quiet)
    )


def next_due(plan: Plan, now: datetime, state: ReminderState) -> datetime | None:
    """Return the first moment after `now` at which a reminder becomes due.

    Reminders already due at `now` (see `due_reminders`) are not counted: deliver
    them first. A reminder that follows an `ice_start` not yet delivered is timed
    from that delivery, so only the `ice_start` counts until then. None when
    nothing more is planned.
    """
    now = _utc(now)
    resolved = _resolve(plan.schedule, now, state, plan.quiet)
    statuses = {reminder.id: reminder.status for _, reminder in resolved}
    best: datetime | None = None
    for slot, reminder in resolved:
        if reminder.status is not ReminderStatus.PLANNED:
            continue
        if (
            slot.follows is not None
            and statuses[slot.follows] is ReminderStatus.PLANNED
        ):
            continue
        moment = reminder.due
        if moment <= now:
            if _deliverable(slot, reminder, now, plan.quiet):
                continue
            moment = plan.quiet.shift(now)
            if reminder.expires is not None and moment >= reminder.expires:
                continue
        if best is None or moment < best:
            best = moment
    return best


def delivery_groups(
    reminders: Iterable[Reminder],
) -> tuple[tuple[Reminder, ...], ...]:
    """Group reminders that are delivered as one message.

    The `ice_start`, `elevation` and `compression_check` of one ice session (one
    ankle) due at the same moment form one group; every other reminder is a group
    of its own. Groups keep the order of their first reminder, and reminders their
    order within a group.
    """
    groups: dict[tuple[object, ...], list[Reminder]] = {}
    for reminder in reminders:
        key: tuple[object, ...] = (
            ("session", reminder.side, reminder.session, reminder.due)
            if reminder.kind in SESSION_START_KINDS and reminder.session is not None
            else ("alone", reminder.id)
        )
        groups.setdefault(key, []).append(reminder)
    return tuple(tuple(group) for group in groups.values())


__all__ = [
    "DEFAULT_HORIZON",
    "EXERCISE_CATCH_UP",
    "EXERCISE_PHASES",
    "PROFESSIONAL_PHASES",
    "SEE_PROFESSIONAL_REPEAT",
    "SESSION_START_KINDS",
    "Plan",
    "QuietHours",
    "Reminder",
    "ReminderKind",
    "ReminderState",
    "ReminderStatus",
    "delivery_groups",
    "due_reminders",
    "next_due",
    "plan_reminders",
]
