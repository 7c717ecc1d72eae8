"""Tests for the reminder plan: ice sessions, quiet hours, snoozes and delivery."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from itertools import pairwise
import json
from zoneinfo import ZoneInfo

import pytest

from custom_components.ankle_care.domain.plan import (
    DEFAULT_HORIZON,
    EXERCISE_CATCH_UP,
    EXERCISE_PHASES,
    PROFESSIONAL_PHASES,
    SEE_PROFESSIONAL_REPEAT,
    SESSION_START_KINDS,
    Plan,
    QuietHours,
    Reminder,
    ReminderKind,
    ReminderState,
    ReminderStatus,
    delivery_groups,
    due_reminders,
    next_due,
    plan_reminders,
)
from custom_components.ankle_care.domain.records import (
    Exercise,
    Side,
    Treatment,
    TreatmentKind,
)
from custom_components.ankle_care.domain.recovery import (
    PhaseStatus,
    RecoveryPhase,
    Referral,
)
from custom_components.ankle_care.domain.settings import Settings

AMS = ZoneInfo("Europe/Amsterdam")
PACIFIC = ZoneInfo("US/Pacific")
K = ReminderKind
S = ReminderStatus
P = RecoveryPhase
EMPTY = ReminderState()
NO_QUIET = Settings(quiet_start=time(0), quiet_end=time(0))

# 2026-05-05 10:00 CEST is 08:00 UTC.
FLARE = datetime(2026, 5, 5, 10, 0, tzinfo=AMS)
STAMP = "2026-05-05T08:00:00Z"


def at(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    """A wall-clock time in Amsterdam in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


def acute(start: datetime = FLARE, hours: float | None = 72) -> PhaseStatus:
    return PhaseStatus(
        phase=P.ACUTE_CARE,
        since=start,
        episode_start=start,
        next_step="rice",
        may_run=False,
        acute_window_ends=None
        if hours is None
        else start.astimezone(UTC) + timedelta(hours=hours),
    )


def status(
    phase: RecoveryPhase,
    since: datetime | None,
    episode_start: datetime | None = None,
) -> PhaseStatus:
    return PhaseStatus(
        phase=phase,
        since=since,
        episode_start=episode_start,
        next_step="x",
        may_run=False,
    )


def treat(
    moment: datetime,
    kind: TreatmentKind = TreatmentKind.ICE,
    duration: float | None = None,
) -> Treatment:
    return Treatment(
        id=f"{kind}-{moment.isoformat()}",
        time=moment,
        treatment=kind,
        duration_minutes=duration,
    )


def make(
    phase: PhaseStatus,
    now: datetime,
    *,
    treatments: Sequence[Treatment] = (),
    settings: Settings | None = None,
    state: ReminderState = EMPTY,
    tz: tzinfo = AMS,
    horizon: timedelta = DEFAULT_HORIZON,
    exercises: Sequence[Exercise] = (),
) -> Plan:
    return plan_reminders(
        phase,
        treatments,
        settings or Settings(),
        tz,
        now,
        state,
        horizon,
        exercises=exercises,
    )


def of(plan: Plan, kind: ReminderKind) -> list[Reminder]:
    return [reminder for reminder in plan.reminders if reminder.kind is kind]


def walls(moments: Sequence[datetime], tz: tzinfo = AMS) -> list[str]:
    return [moment.astimezone(tz).strftime("%m-%d %H:%M") for moment in moments]


def dues(reminders: Sequence[Reminder], tz: tzinfo = AMS) -> list[str]:
    return walls([reminder.due for reminder in reminders], tz)


def ids(reminders: Sequence[Reminder]) -> list[str]:
    return [reminder.id for reminder in reminders]


def rid(kind: ReminderKind, number: int, stamp: str = STAMP) -> str:
    return f"{kind}-{stamp}-{number}"


def by_id(plan: Plan, reminder_id: str) -> Reminder:
    (reminder,) = (r for r in plan.reminders if r.id == reminder_id)
    return reminder


def session(number: int) -> list[str]:
    return [
        rid(K.ICE_START, number),
        rid(K.ELEVATION, number),
        rid(K.COMPRESSION_CHECK, number),
    ]


FULL_72 = [
    "05-05 10:00",
    "05-05 13:00",
    "05-05 16:00",
    "05-05 19:00",
    "05-06 07:00",
    "05-06 10:00",
    "05-06 13:00",
    "05-06 16:00",
    "05-06 19:00",
    "05-07 07:00",
    "05-07 10:00",
    "05-07 13:00",
    "05-07 16:00",
    "05-07 19:00",
    "05-08 07:00",
]


# --- the ice plan ---------------------------------------------------------------


def test_full_72_hour_plan_with_default_settings() -> None:
    plan = make(acute(), FLARE)
    starts = of(plan, K.ICE_START)
    assert dues(starts) == FULL_72
    assert ids(starts) == [rid(K.ICE_START, n) for n in range(1, 16)]
    assert [r.session for r in starts] == list(range(1, 16))
    assert len(plan.reminders) == 60
    # 22:00 would be inside quiet hours: moved to 07:00, next ones from there.
    gaps = [(b.due - a.due) / timedelta(hours=1) for a, b in pairwise(starts)]
    assert gaps == [3, 3, 3, 12, 3, 3, 3, 3, 12, 3, 3, 3, 3, 12]
    assert min(gaps) >= Settings().ice_interval_hours
    assert not any(plan.quiet.contains(r.due) for r in plan.reminders)
    assert dues(of(plan, K.ELEVATION)) == FULL_72
    assert dues(of(plan, K.COMPRESSION_CHECK)) == FULL_72
    assert dues(of(plan, K.ICE_END)) == [w[:-2] + "20" for w in FULL_72]
    first = starts[0]
    assert first == Reminder(
        id=rid(K.ICE_START, 1),
        kind=K.ICE_START,
        due=datetime(2026, 5, 5, 8, 0, tzinfo=UTC),
        status=S.PLANNED,
        planned=datetime(2026, 5, 5, 8, 0, tzinfo=UTC),
        expires=datetime(2026, 5, 5, 9, 30, tzinfo=UTC),
        session=1,
        session_start=datetime(2026, 5, 5, 8, 0, tzinfo=UTC),
        session_end=datetime(2026, 5, 5, 8, 20, tzinfo=UTC),
    )
    assert first.due.tzinfo is UTC
    end = by_id(plan, rid(K.ICE_END, 15))
    assert end.expires == at(8, 7, 40)
    assert (end.session_start, end.session_end) == (at(8, 7), at(8, 7, 20))
    assert {r.status for r in plan.reminders} == {S.PLANNED}
    # Sorted by due time, the session's reminders in kind order.
    assert ids(plan.reminders[:5]) == [
        *session(1),
        rid(K.ICE_END, 1),
        rid(K.ICE_START, 2),
    ]
    assert ids(due_reminders(plan, FLARE, EMPTY)) == session(1)


def test_48_hour_window() -> None:
    plan = make(acute(hours=48), FLARE, settings=Settings(acute_window_hours=48))
    assert dues(of(plan, K.ICE_START)) == FULL_72[:10]


def test_window_end_from_settings_when_status_has_none() -> None:
    plan = make(acute(hours=None), FLARE, settings=Settings(acute_window_hours=48))
    assert dues(of(plan, K.ICE_START)) == FULL_72[:10]


def test_2_hour_interval() -> None:
    plan = make(acute(), FLARE, settings=Settings(ice_interval_hours=2, ice_minutes=15))
    day = ["07:00", "09:00", "11:00", "13:00", "15:00", "17:00", "19:00", "21:00"]
    first_day = ["10:00", "12:00", "14:00", "16:00", "18:00", "20:00"]
    assert dues(of(plan, K.ICE_START)) == [
        *(f"05-05 {w}" for w in first_day),
        *(f"05-06 {w}" for w in day),
        *(f"05-07 {w}" for w in day),
        "05-08 07:00",
        "05-08 09:00",
    ]
    assert len(of(plan, K.ICE_START)) == 24
    assert dues(of(plan, K.ICE_END))[:2] == ["05-05 10:15", "05-05 12:15"]
    assert by_id(plan, rid(K.ICE_START, 1)).expires == at(5, 11)


def test_half_hour_interval_step() -> None:
    plan = make(
        acute(hours=48),
        FLARE,
        settings=Settings(ice_interval_hours=2.5, acute_window_hours=48),
    )
    assert dues(of(plan, K.ICE_START)) == [
        "05-05 10:00",
        "05-05 12:30",
        "05-05 15:00",
        "05-05 17:30",
        "05-05 20:00",
        "05-06 07:00",
        "05-06 09:30",
        "05-06 12:00",
        "05-06 14:30",
        "05-06 17:00",
        "05-06 19:30",
        "05-07 07:00",
        "05-07 09:30",
    ]


def test_first_session_of_a_flare_up_in_quiet_hours_is_delivered_at_once() -> None:
    # The runner just logged the flare-up: they are awake. Later sessions keep
    # quiet hours: 01:30 moves to 07:00.
    flare = at(5, 22, 30)
    stamp = "2026-05-05T20:30:00Z"
    plan = make(acute(flare), flare)
    starts = of(plan, K.ICE_START)
    assert dues(starts)[:3] == ["05-05 22:30", "05-06 07:00", "05-06 10:00"]
    assert plan.quiet.contains(starts[0].due)
    assert not any(plan.quiet.contains(r.due) for r in starts[1:])
    first = [
        rid(K.ICE_START, 1, stamp),
        rid(K.ELEVATION, 1, stamp),
        rid(K.COMPRESSION_CHECK, 1, stamp),
    ]
    assert ids(due_reminders(plan, flare, EMPTY)) == first
    state = EMPTY.deliver(first, flare)
    # Its ice comes off in quiet hours as always; then nothing until 07:00.
    assert next_due(plan, flare, state) == at(5, 22, 50)
    state = state.deliver([rid(K.ICE_END, 1, stamp)], at(5, 22, 50))
    assert next_due(plan, at(5, 22, 50), state) == at(6, 7)
    # Window ends 05-08 22:30; 22:00 that day moves to 05-09 07:00, past it.
    assert dues(starts)[-1] == "05-08 19:00"
    assert len(starts) == 16


def test_first_session_in_quiet_hours_is_relevant_for_half_an_interval() -> None:
    flare = at(5, 23, 30)
    stamp = "2026-05-05T21:30:00Z"
    plan = make(acute(flare), flare)
    # Home Assistant was down: still delivered at 00:45, in quiet hours.
    assert ids(due_reminders(plan, at(6, 0, 45), EMPTY)) == [
        rid(K.ICE_START, 1, stamp),
        rid(K.ELEVATION, 1, stamp),
        rid(K.COMPRESSION_CHECK, 1, stamp),
    ]
    # A flare-up logged hours after its time: its first session is missed.
    late = make(acute(flare), at(6, 1, 30))
    assert by_id(late, rid(K.ICE_START, 1, stamp)).status is S.MISSED
    assert due_reminders(late, at(6, 1, 30), EMPTY) == ()
    assert next_due(late, at(6, 1, 30), EMPTY) == at(6, 7)


def test_first_session_snoozed_into_quiet_hours_waits_for_their_end() -> None:
    flare = at(5, 21, 50)
    stamp = "2026-05-05T19:50:00Z"
    start = rid(K.ICE_START, 1, stamp)
    state = EMPTY.deliver([start], flare).snooze(start, at(5, 22, 5))
    plan = make(acute(flare), at(5, 21, 55), state=state)
    assert by_id(plan, start).due == at(6, 7)
    global_snooze = EMPTY.snooze_all(at(5, 21), at(5, 22, 15))
    plan = make(acute(flare), flare, state=global_snooze)
    assert by_id(plan, start).due == at(6, 7)
    assert due_reminders(plan, at(5, 22, 15), global_snooze) == ()


def test_ice_off_inside_quiet_hours_is_still_delivered() -> None:
    flare = at(5, 21, 50)
    plan = make(acute(flare), flare)
    assert dues(of(plan, K.ICE_START))[:2] == ["05-05 21:50", "05-06 07:00"]
    end = by_id(plan, rid(K.ICE_END, 1, "2026-05-05T19:50:00Z"))
    assert end.due == at(5, 22, 10)
    assert plan.quiet.contains(end.due)
    state = EMPTY.deliver(ids(due_reminders(plan, flare, EMPTY)), flare)
    assert next_due(plan, flare, state) == at(5, 22, 10)
    assert ids(due_reminders(plan, at(5, 22, 10), state)) == [end.id]
    state = state.deliver([end.id], at(5, 22, 10))
    assert next_due(plan, at(5, 22, 10), state) == at(6, 7)


def test_horizon_limits_the_plan() -> None:
    plan = make(acute(), FLARE, horizon=timedelta(hours=5))
    assert dues(of(plan, K.ICE_START)) == ["05-05 10:00", "05-05 13:00"]
    assert len(plan.reminders) == 8


def test_no_ice_plan_without_an_episode_start() -> None:
    phase = status(P.ACUTE_CARE, FLARE)
    assert make(phase, FLARE).reminders == ()


ICE_KINDS = {K.ICE_START, K.ICE_END, K.ELEVATION, K.COMPRESSION_CHECK}


@pytest.mark.parametrize(
    "phase", [P.RECOVERING, P.READY, P.MONITORING, P.PROFESSIONAL_CARE]
)
def test_leaving_the_ice_phases_cancels_the_ice_plan(phase: RecoveryPhase) -> None:
    since = FLARE + timedelta(hours=30)
    plan = make(status(phase, since, FLARE), since, treatments=[treat(FLARE)])
    assert {r.kind for r in plan.reminders}.isdisjoint(ICE_KINDS)


@pytest.mark.parametrize("phase", sorted(PROFESSIONAL_PHASES))
def test_first_aid_still_applies_while_waiting_to_be_seen(
    phase: RecoveryPhase,
) -> None:
    # The same sessions, with the same ids, as in acute care until the window ends.
    since = FLARE + timedelta(hours=30)
    waiting = replace(acute(), phase=phase, since=since)
    plan = make(waiting, since, treatments=[treat(FLARE)])
    assert of(plan, K.ICE_START) == of(
        make(acute(), since, treatments=[treat(FLARE)]), K.ICE_START
    )
    assert dues(of(plan, K.ICE_START)) == FULL_72
    assert by_id(plan, rid(K.ICE_START, 1)).status is S.DONE
    assert len(of(plan, K.SEE_PROFESSIONAL)) == 4
    # The acute window is over: no more ice, only the professional.
    after = make(waiting, FLARE + timedelta(hours=72))
    assert {r.kind for r in after.reminders} == {K.SEE_PROFESSIONAL}


def test_no_reminder_at_all_in_professional_care() -> None:
    since = FLARE + timedelta(hours=5)
    seen = replace(acute(), phase=P.PROFESSIONAL_CARE, since=since)
    assert make(seen, since).reminders == ()
    assert make(status(P.PROFESSIONAL_CARE, since), since).reminders == ()
    # One ankle under a professional's care holds back the exercise reminder.
    both = replace(
        status(P.READY, None),
        ankles=(
            replace(status(P.PROFESSIONAL_CARE, since), side=Side.LEFT),
            replace(status(P.READY, None), side=Side.RIGHT),
        ),
    )
    assert make(both, since).reminders == ()


# --- logging ----------------------------------------------------------------------


def test_logged_ice_counts_as_done_and_rebases_the_plan() -> None:
    now = at(5, 12, 45)
    plan = make(acute(), now, treatments=[treat(at(5, 12, 40))])
    start = by_id(plan, rid(K.ICE_START, 2))
    assert (start.status, start.due) == (S.DONE, at(5, 13))
    assert (start.session_start, start.session_end) == (at(5, 12, 40), at(5, 13))
    assert by_id(plan, rid(K.ICE_END, 2)).due == at(5, 13)
    assert by_id(plan, rid(K.ICE_END, 2)).status is S.PLANNED
    assert by_id(plan, rid(K.ELEVATION, 2)).due == at(5, 12, 40)
    # The next session is an interval after the logged ice, not the planned one.
    assert dues(of(plan, K.ICE_START))[:7] == [
        "05-05 10:00",
        "05-05 13:00",
        "05-05 15:40",
        "05-05 18:40",
        "05-05 21:40",
        "05-06 07:00",
        "05-06 10:00",
    ]
    assert by_id(plan, rid(K.ICE_START, 1)).status is S.MISSED
    assert by_id(plan, rid(K.ICE_END, 1)).status is S.MISSED
    # The ice is on: raise the ankle and check the wrap now, the ice comes off at 13:00.
    due = due_reminders(plan, now, EMPTY)
    assert ids(due) == [rid(K.ELEVATION, 2), rid(K.COMPRESSION_CHECK, 2)]
    state = EMPTY.deliver(ids(due), now)
    assert next_due(plan, now, state) == at(5, 13)


def test_early_ice_counts_from_half_an_interval_before() -> None:
    now = at(5, 11, 45)
    plan = make(acute(), now, treatments=[treat(at(5, 11, 30))])
    assert by_id(plan, rid(K.ICE_START, 2)).status is S.DONE
    assert dues(of(plan, K.ICE_START))[2] == "05-05 14:30"


def test_late_ice_counts_for_the_session_before() -> None:
    now = at(5, 11, 45)
    # Session 1's window is 08:30-11:30 and session 2's starts at 11:30.
    plan = make(acute(), now, treatments=[treat(at(5, 11, 29))])
    assert by_id(plan, rid(K.ICE_START, 1)).status is S.DONE
    assert by_id(plan, rid(K.ICE_START, 2)).due == at(5, 14, 29)


def test_ice_logged_with_a_duration_finishes_the_session() -> None:
    now = at(5, 13, 30)
    plan = make(acute(), now, treatments=[treat(at(5, 13, 5), duration=15)])
    end = by_id(plan, rid(K.ICE_END, 2))
    assert (end.status, end.session_end) == (S.DONE, at(5, 13, 20))
    assert by_id(plan, rid(K.ICE_START, 3)).due == at(5, 16, 5)


def test_each_ice_log_counts_once_and_the_latest_rebases() -> None:
    now = at(5, 13, 30)
    logs = [treat(at(5, 13, 10)), treat(at(5, 12, 40))]
    plan = make(acute(), now, treatments=logs)
    assert by_id(plan, rid(K.ICE_START, 2)).session_start == at(5, 12, 40)
    # The 13:10 ice (a second log in the same window) re-plans session 3.
    assert dues(of(plan, K.ICE_START))[2] == "05-05 16:10"


def test_ice_between_sessions_rebases_the_next_one() -> None:
    flare = at(5, 19)
    now = at(6, 5)
    plan = make(acute(flare), now, treatments=[treat(at(6, 4, 30))])
    starts = of(plan, K.ICE_START)
    assert dues(starts)[:3] == ["05-05 19:00", "05-06 07:30", "05-06 10:30"]
    assert [r.status for r in starts[:2]] == [S.MISSED, S.PLANNED]


def test_logs_before_the_episode_or_in_the_future_are_ignored() -> None:
    now = at(5, 12)
    logs = [treat(at(5, 8, 29)), treat(at(5, 12, 30))]
    plan = make(acute(), now, treatments=logs)
    assert [r.status for r in of(plan, K.ICE_START)[:2]] == [S.MISSED, S.PLANNED]
    assert dues(of(plan, K.ICE_START))[:2] == ["05-05 10:00", "05-05 13:00"]


def test_logged_elevation_and_compression_mark_their_reminders_done() -> None:
    now = at(5, 13, 30)
    logs = [
        treat(at(5, 9), TreatmentKind.COMPRESSION),
        treat(at(5, 13, 5), TreatmentKind.ELEVATION),
        treat(at(5, 13, 6), TreatmentKind.REST),
    ]
    plan = make(acute(), now, treatments=logs)
    assert by_id(plan, rid(K.COMPRESSION_CHECK, 1)).status is S.DONE
    assert by_id(plan, rid(K.ELEVATION, 1)).status is S.MISSED
    assert by_id(plan, rid(K.ELEVATION, 2)).status is S.DONE
    assert by_id(plan, rid(K.COMPRESSION_CHECK, 2)).status is S.PLANNED


# --- exercise ---------------------------------------------------------------------


@pytest.mark.parametrize("phase", sorted(EXERCISE_PHASES))
def test_exercise_reminder_daily_in_prevention_phases(phase: RecoveryPhase) -> None:
    now = at(5, 12)
    plan = make(status(phase, None), now)
    assert ids(plan.reminders) == [f"exercise-2026-05-0{day}" for day in range(2, 8)]
    assert dues(plan.reminders) == [f"05-0{day} 18:00" for day in range(2, 8)]
    assert [r.status for r in plan.reminders] == [S.MISSED] * 3 + [S.PLANNED] * 3
    assert plan.reminders[0].expires == at(3, 0)
    assert timedelta(hours=6) == EXERCISE_CATCH_UP


@pytest.mark.parametrize("phase", [P.ACUTE_CARE, *sorted(PROFESSIONAL_PHASES)])
def test_no_exercise_reminder_in_care_phases(phase: RecoveryPhase) -> None:
    plan = make(status(phase, at(5, 9), at(5, 9)), at(5, 12))
    assert of(plan, K.EXERCISE) == []


def test_exercise_only_since_the_phase_began() -> None:
    plan = make(status(P.RECOVERING, at(5, 10), FLARE), at(5, 12))
    assert dues(plan.reminders) == ["05-05 18:00", "05-06 18:00", "05-07 18:00"]


def test_exercise_inside_quiet_hours_moves_to_quiet_end() -> None:
    now = at(5, 12)
    settings = Settings(exercise_reminder_time=time(23))
    plan = make(status(P.READY, now), now, settings=settings)
    assert ids(plan.reminders) == [
        "exercise-2026-05-05",
        "exercise-2026-05-06",
        "exercise-2026-05-07",
    ]
    assert dues(plan.reminders) == ["05-06 07:00", "05-07 07:00", "05-08 07:00"]


def test_logged_exercise_marks_the_day_done() -> None:
    now = at(6, 12)
    done = [
        Exercise(id="e1", time=at(6, 8), exercise="calf_raises"),
        Exercise(id="e2", time=at(7, 8), exercise="calf_raises"),
    ]
    plan = make(status(P.READY, now), now, exercises=done)
    assert [(r.id, r.status) for r in plan.reminders] == [
        ("exercise-2026-05-06", S.DONE),
        ("exercise-2026-05-07", S.PLANNED),
        ("exercise-2026-05-08", S.PLANNED),
    ]


def test_missed_exercise_caught_up_only_outside_quiet_hours_and_while_relevant() -> (
    None
):
    phase = status(P.READY, at(5, 12))
    plan = make(phase, at(5, 12))
    exercise = "exercise-2026-05-05"
    assert ids(due_reminders(plan, at(5, 21), EMPTY)) == [exercise]
    assert due_reminders(plan, at(5, 22, 30), EMPTY) == ()
    # At 07:00 the 18:00 reminder is no longer relevant: wait for tonight's.
    assert next_due(plan, at(5, 22, 30), EMPTY) == at(6, 18)
    later = make(phase, at(6, 7))
    assert by_id(later, exercise).status is S.MISSED
    assert due_reminders(later, at(6, 7), EMPTY) == ()


# --- see a professional -----------------------------------------------------------


def test_see_professional_once_then_daily_until_acknowledged() -> None:
    since = at(5, 10)
    phase = status(P.SEE_PROFESSIONAL, since, at(2, 10))
    plan = make(phase, since)
    reminders = of(plan, K.SEE_PROFESSIONAL)
    assert ids(reminders) == [rid(K.SEE_PROFESSIONAL, n) for n in range(1, 5)]
    assert dues(reminders) == [
        "05-05 10:00",
        "05-06 10:00",
        "05-07 10:00",
        "05-08 10:00",
    ]
    assert [r.expires for r in reminders] == [None] * 4
    assert not any(r.urgent for r in reminders)
    assert timedelta(hours=24) == SEE_PROFESSIONAL_REPEAT
    assert ids(due_reminders(plan, since, EMPTY)) == [rid(K.SEE_PROFESSIONAL, 1)]
    state = EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 1)], since)
    assert next_due(plan, since, state) == at(6, 10)
    assert ids(due_reminders(plan, at(6, 10), state)) == [rid(K.SEE_PROFESSIONAL, 2)]
    state = state.deliver([rid(K.SEE_PROFESSIONAL, 2)], at(6, 10))
    acknowledged = state.acknowledge(at(6, 12))
    after = make(phase, at(6, 12), state=acknowledged)
    assert [(r.id, r.status) for r in after.reminders] == [
        (rid(K.SEE_PROFESSIONAL, 1), S.DONE),
        (rid(K.SEE_PROFESSIONAL, 2), S.DONE),
    ]
    assert next_due(after, at(6, 12), acknowledged) is None
    # The plan kept from before the acknowledgement honours it too.
    assert due_reminders(plan, at(7, 10), acknowledged) == ()


def test_acknowledgement_before_the_phase_does_not_count() -> None:
    since = at(5, 10)
    state = EMPTY.acknowledge(at(5, 9))
    plan = make(status(P.SEE_PROFESSIONAL, since), since, state=state)
    assert len(of(plan, K.SEE_PROFESSIONAL)) == 4
    assert ids(due_reminders(plan, since, state)) == [rid(K.SEE_PROFESSIONAL, 1)]


def test_see_professional_keeps_quiet_hours() -> None:
    since = at(5, 23, 30)
    plan = make(status(P.SEE_PROFESSIONAL, since), since)
    stamp = "2026-05-05T21:30:00Z"
    assert ids(plan.reminders)[0] == rid(K.SEE_PROFESSIONAL, 1, stamp)
    assert dues(plan.reminders) == ["05-06 07:00", "05-07 07:00", "05-08 07:00"]
    assert due_reminders(plan, since, EMPTY) == ()


def test_urgent_first_reminder_is_immediate_even_in_quiet_hours() -> None:
    since = at(5, 23, 30)
    phase = status(P.URGENT_CARE, since, at(5, 9))
    state = EMPTY.snooze_all(at(5, 23), at(6, 8))
    plan = make(phase, since, state=state)
    stamp = "2026-05-05T21:30:00Z"
    reminders = of(plan, K.SEE_PROFESSIONAL)
    assert [(r.id, r.urgent) for r in reminders] == [
        (rid(K.SEE_PROFESSIONAL, 1, stamp), True),
        (rid(K.SEE_PROFESSIONAL, 2, stamp), False),
        (rid(K.SEE_PROFESSIONAL, 3, stamp), False),
    ]
    # Repeats keep quiet hours: 05-06 23:30 moves to 05-07 07:00.
    assert dues(reminders) == ["05-05 23:30", "05-07 07:00", "05-08 07:00"]
    assert plan.quiet.contains(since)
    assert ids(due_reminders(plan, since, state)) == [rid(K.SEE_PROFESSIONAL, 1, stamp)]
    # Not delivered hours later (Home Assistant was down): still due, never expires.
    assert ids(due_reminders(plan, at(6, 2), state)) == [
        rid(K.SEE_PROFESSIONAL, 1, stamp)
    ]


def test_escalation_to_urgent_care_starts_a_new_series() -> None:
    first = status(P.SEE_PROFESSIONAL, at(5, 10))
    urgent = status(P.URGENT_CARE, at(5, 15))
    state = EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 1)], at(5, 10)).acknowledge(
        at(5, 11)
    )
    assert (
        of(make(first, at(5, 11), state=state), K.SEE_PROFESSIONAL)[0].status is S.DONE
    )
    plan = make(urgent, at(5, 15), state=state)
    assert ids(due_reminders(plan, at(5, 15), state)) == [
        rid(K.SEE_PROFESSIONAL, 1, "2026-05-05T13:00:00Z")
    ]


def test_long_running_phase_plans_only_within_the_horizon() -> None:
    since = at(25, 10, month=4)
    plan = make(status(P.SEE_PROFESSIONAL, since), at(5, 10))
    stamp = "2026-04-25T08:00:00Z"
    assert ids(plan.reminders) == [
        rid(K.SEE_PROFESSIONAL, n, stamp) for n in range(8, 15)
    ]
    assert [r.status for r in plan.reminders] == [S.MISSED] * 3 + [S.PLANNED] * 4
    assert ids(due_reminders(plan, at(5, 10), EMPTY)) == [
        rid(K.SEE_PROFESSIONAL, 11, stamp)
    ]


def test_see_professional_anchor_falls_back_to_episode_then_today() -> None:
    plan = make(status(P.SEE_PROFESSIONAL, None, at(4, 10)), at(5, 12))
    assert ids(of(plan, K.SEE_PROFESSIONAL))[0] == rid(
        K.SEE_PROFESSIONAL, 1, "2026-05-04T08:00:00Z"
    )
    plan = make(status(P.SEE_PROFESSIONAL, None), at(5, 12))
    # Today's local midnight (05-04 22:00 UTC), moved out of quiet hours.
    assert ids(plan.reminders)[0] == rid(K.SEE_PROFESSIONAL, 1, "2026-05-04T22:00:00Z")
    assert dues(plan.reminders)[0] == "05-05 07:00"


# --- snooze and skip --------------------------------------------------------------


def _delivered_session_one() -> ReminderState:
    return EMPTY.deliver(session(1), FLARE).deliver([rid(K.ICE_END, 1)], at(5, 10, 20))


def test_global_snooze_collapses_to_one_delivery_at_its_end() -> None:
    state = _delivered_session_one().snooze_all(at(5, 12), at(5, 17, 30))
    plan = make(acute(), at(5, 12), state=state)
    assert dues([by_id(plan, rid(K.ICE_START, n)) for n in (1, 2, 3, 4)]) == [
        "05-05 10:00",
        "05-05 17:30",
        "05-05 17:30",
        "05-05 19:00",
    ]
    assert next_due(plan, at(5, 12), state) == at(5, 17, 30)
    assert due_reminders(plan, at(5, 17, 29), state) == ()
    due = due_reminders(plan, at(5, 17, 30), state)
    assert ids(due) == session(3)
    later = make(acute(), at(5, 17, 30), state=state)
    assert by_id(later, rid(K.ICE_START, 2)).status is S.MISSED
    assert by_id(later, rid(K.ELEVATION, 2)).status is S.MISSED
    assert by_id(later, rid(K.ICE_END, 2)).status is S.MISSED
    assert by_id(later, rid(K.ICE_END, 3)).due == at(5, 17, 50)
    delivered = state.deliver(ids(due), at(5, 17, 30))
    assert next_due(later, at(5, 17, 30), delivered) == at(5, 17, 50)


def test_global_snooze_without_a_start_covers_everything_before_its_end() -> None:
    state = ReminderState(snoozed_until=at(5, 10, 30))
    plan = make(acute(), at(5, 10, 5), state=state)
    assert due_reminders(plan, at(5, 10, 5), state) == ()
    assert ids(due_reminders(plan, at(5, 10, 30), state)) == session(1)


def test_global_snooze_does_not_move_reminders_due_before_it_was_set() -> None:
    state = EMPTY.snooze_all(at(5, 10, 5), at(5, 11))
    plan = make(acute(), at(5, 10, 5), state=state)
    assert ids(due_reminders(plan, at(5, 10, 5), state)) == session(1)
    assert by_id(plan, rid(K.ICE_START, 2)).due == at(5, 13)


def test_global_snooze_ending_in_quiet_hours_delivers_at_quiet_end() -> None:
    state = EMPTY.snooze_all(at(5, 17), at(5, 22, 30))
    plan = make(status(P.READY, at(5, 12)), at(5, 17), state=state)
    exercise = by_id(plan, "exercise-2026-05-05")
    assert (exercise.due, exercise.expires) == (at(6, 7), at(6, 13))
    assert ids(due_reminders(plan, at(6, 7), state)) == ["exercise-2026-05-05"]


def test_ending_the_global_snooze() -> None:
    state = EMPTY.snooze_all(at(5, 9), at(5, 12)).snooze_all(at(5, 10), None)
    assert (state.snoozed_from, state.snoozed_until) == (None, None)


def test_snoozing_one_reminder_moves_it_and_its_session() -> None:
    state = EMPTY.deliver(session(1), FLARE).snooze(rid(K.ICE_START, 1), at(5, 10, 15))
    assert rid(K.ICE_START, 1) not in state.delivered
    plan = make(acute(), FLARE, state=state)
    start = by_id(plan, rid(K.ICE_START, 1))
    assert (start.status, start.due, start.planned) == (
        S.PLANNED,
        at(5, 10, 15),
        at(5, 10),
    )
    assert by_id(plan, rid(K.ICE_END, 1)).due == at(5, 10, 35)
    assert by_id(plan, rid(K.ELEVATION, 1)).status is S.DELIVERED
    assert next_due(plan, FLARE, state) == at(5, 10, 15)
    assert ids(due_reminders(plan, at(5, 10, 15), state)) == [rid(K.ICE_START, 1)]
    state = state.deliver([rid(K.ICE_START, 1)], at(5, 10, 15))
    assert next_due(plan, at(5, 10, 15), state) == at(5, 10, 35)


def test_snoozing_an_ice_end_and_a_snooze_in_the_past() -> None:
    state = EMPTY.deliver(session(1), FLARE).snooze(rid(K.ICE_END, 1), at(5, 10, 30))
    state = state.snooze(rid(K.ICE_START, 2), at(5, 12))
    plan = make(acute(), FLARE, state=state)
    assert by_id(plan, rid(K.ICE_END, 1)).due == at(5, 10, 30)
    assert by_id(plan, rid(K.ICE_START, 2)).due == at(5, 13)


def test_snooze_into_quiet_hours_moves_to_quiet_end() -> None:
    state = EMPTY.snooze(rid(K.ICE_START, 4), at(5, 22, 5))
    plan = make(acute(), FLARE, state=state)
    assert by_id(plan, rid(K.ICE_START, 4)).due == at(6, 7)
    assert by_id(plan, rid(K.ICE_END, 4)).due == at(6, 7, 20)


def test_skip_one_reminder_skips_its_ice_off_too() -> None:
    state = _delivered_session_one().skip(rid(K.ICE_START, 2), at(5, 12))
    plan = make(acute(), at(5, 12), state=state)
    assert by_id(plan, rid(K.ICE_START, 2)).status is S.SKIPPED
    assert by_id(plan, rid(K.ICE_END, 2)).status is S.SKIPPED
    assert by_id(plan, rid(K.ELEVATION, 2)).status is S.PLANNED
    assert ids(due_reminders(plan, at(5, 13), state)) == session(2)[1:]
    # The plan is not re-based by a skip.
    assert by_id(plan, rid(K.ICE_START, 3)).due == at(5, 16)


def test_mark_done_by_hand() -> None:
    state = _delivered_session_one().mark_done(rid(K.ICE_START, 2), at(5, 12, 50))
    plan = make(acute(), at(5, 12, 50), state=state)
    assert by_id(plan, rid(K.ICE_START, 2)).status is S.DONE
    assert by_id(plan, rid(K.ICE_END, 2)).due == at(5, 13, 20)
    assert ids(due_reminders(plan, at(5, 13), state)) == session(2)[1:]


# --- restarts and catch-up --------------------------------------------------------


def test_restart_gives_the_same_ids_and_does_not_repeat_deliveries() -> None:
    first = make(acute(), FLARE)
    again = make(acute(), at(5, 10, 10))
    assert ids(first.reminders) == ids(again.reminders)
    state = EMPTY.deliver(ids(due_reminders(first, FLARE, EMPTY)), FLARE)
    stored = ReminderState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert stored == state
    restarted = make(acute(), at(5, 10, 10), state=stored)
    assert due_reminders(restarted, at(5, 10, 10), stored) == ()
    assert [r.status for r in restarted.reminders[:3]] == [S.DELIVERED] * 3
    assert next_due(restarted, at(5, 10, 10), stored) == at(5, 10, 20)
    assert ids(due_reminders(restarted, at(5, 10, 20), stored)) == [rid(K.ICE_END, 1)]


def test_at_most_one_catch_up_per_kind_after_downtime() -> None:
    now = at(6, 10, 30)
    state = _delivered_session_one()
    plan = make(acute(), now, state=state)
    assert ids(due_reminders(plan, now, state)) == session(6)
    assert [by_id(plan, rid(K.ICE_START, n)).status for n in range(1, 7)] == [
        S.DELIVERED,
        S.MISSED,
        S.MISSED,
        S.MISSED,
        S.MISSED,
        S.PLANNED,
    ]
    assert [by_id(plan, rid(K.ICE_END, n)).status for n in range(2, 6)] == [
        S.MISSED
    ] * 4
    # The ice comes off 20 minutes after the catch-up, not after the planned 10:00.
    assert by_id(plan, rid(K.ICE_END, 6)).due == at(6, 10, 50)
    assert next_due(plan, now, state) == at(6, 13)


def test_at_most_one_see_professional_catch_up() -> None:
    since = at(5, 10)
    state = EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 1)], since)
    plan = make(status(P.SEE_PROFESSIONAL, since), at(8, 11), state=state)
    assert ids(due_reminders(plan, at(8, 11), state)) == [rid(K.SEE_PROFESSIONAL, 4)]
    # The first one is older than the horizon and no longer planned.
    assert [(r.id, r.status) for r in plan.reminders[:3]] == [
        (rid(K.SEE_PROFESSIONAL, 2), S.MISSED),
        (rid(K.SEE_PROFESSIONAL, 3), S.MISSED),
        (rid(K.SEE_PROFESSIONAL, 4), S.PLANNED),
    ]


def test_catch_up_waits_for_the_end_of_quiet_hours() -> None:
    since = at(5, 10)
    state = EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 1)], since)
    plan = make(status(P.SEE_PROFESSIONAL, since), at(6, 23), state=state)
    assert due_reminders(plan, at(6, 23), state) == ()
    assert next_due(plan, at(6, 23), state) == at(7, 7)
    assert ids(due_reminders(plan, at(7, 7), state)) == [rid(K.SEE_PROFESSIONAL, 2)]


def test_latest_due_wins_when_a_snooze_reorders_a_kind() -> None:
    state = EMPTY.deliver(session(1), FLARE).snooze(rid(K.ICE_START, 1), at(5, 14))
    plan = make(acute(), at(5, 14), state=state)
    assert ids(due_reminders(plan, at(5, 14), state)) == [rid(K.ICE_START, 1)]
    assert by_id(plan, rid(K.ICE_START, 2)).status is S.MISSED
    # A session's elevation and compression check are missed with its ice.
    assert by_id(plan, rid(K.ELEVATION, 2)).status is S.MISSED


def test_next_due_is_none_when_nothing_is_left() -> None:
    plan = make(status(P.READY, None), at(5, 12), horizon=timedelta(hours=1))
    assert plan.reminders == ()
    assert next_due(plan, at(5, 12), EMPTY) is None


# --- daylight saving time ---------------------------------------------------------


def _offsets(reminders: Sequence[Reminder], tz: tzinfo) -> list[str]:
    return [r.due.astimezone(tz).strftime("%m-%d %H:%M%z") for r in reminders]


def test_dst_spring_forward_keeps_the_absolute_interval() -> None:
    flare = datetime(2026, 3, 28, 21, 0, tzinfo=AMS)
    plan = make(acute(flare), flare, settings=NO_QUIET)
    starts = of(plan, K.ICE_START)
    assert _offsets(starts[:5], AMS) == [
        "03-28 21:00+0100",
        "03-29 00:00+0100",
        "03-29 04:00+0200",
        "03-29 07:00+0200",
        "03-29 10:00+0200",
    ]
    assert len(starts) == 24
    assert {b.due - a.due for a, b in pairwise(starts)} == {timedelta(hours=3)}


def test_dst_fall_back_keeps_the_absolute_interval() -> None:
    flare = datetime(2026, 10, 24, 21, 0, tzinfo=AMS)
    plan = make(acute(flare), flare, settings=NO_QUIET)
    starts = of(plan, K.ICE_START)
    assert _offsets(starts[:5], AMS) == [
        "10-24 21:00+0200",
        "10-25 00:00+0200",
        "10-25 02:00+0100",
        "10-25 05:00+0100",
        "10-25 08:00+0100",
    ]
    assert starts[2].due == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert len(starts) == 24
    assert {b.due - a.due for a, b in pairwise(starts)} == {timedelta(hours=3)}


def test_dst_quiet_end_is_local_time() -> None:
    spring = datetime(2026, 3, 28, 12, 0, tzinfo=AMS)
    starts = of(make(acute(spring), spring), K.ICE_START)
    assert _offsets(starts[3:6], AMS) == [
        "03-28 21:00+0100",
        "03-29 07:00+0200",
        "03-29 10:00+0200",
    ]
    assert starts[4].due - starts[3].due == timedelta(hours=9)
    autumn = datetime(2026, 10, 24, 12, 0, tzinfo=AMS)
    starts = of(make(acute(autumn), autumn), K.ICE_START)
    assert _offsets(starts[3:5], AMS) == ["10-24 21:00+0200", "10-25 07:00+0100"]
    assert starts[4].due - starts[3].due == timedelta(hours=11)


def test_dst_exercise_time_in_the_skipped_and_repeated_hour() -> None:
    settings = Settings(
        exercise_reminder_time=time(2, 30), quiet_start=time(0), quiet_end=time(0)
    )
    spring = datetime(2026, 3, 29, 12, 0, tzinfo=AMS)
    plan = make(status(P.READY, None), spring, settings=settings)
    assert [(r.id, r.due) for r in plan.reminders[1:4]] == [
        ("exercise-2026-03-28", datetime(2026, 3, 28, 1, 30, tzinfo=UTC)),
        # 02:30 does not exist that day: the clock would have shown 03:30.
        ("exercise-2026-03-29", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        ("exercise-2026-03-30", datetime(2026, 3, 30, 0, 30, tzinfo=UTC)),
    ]
    autumn = datetime(2026, 10, 25, 12, 0, tzinfo=AMS)
    plan = make(status(P.READY, None), autumn, settings=settings)
    assert [(r.id, r.due) for r in plan.reminders[1:4]] == [
        ("exercise-2026-10-24", datetime(2026, 10, 24, 0, 30, tzinfo=UTC)),
        # 02:30 happens twice that day: the first one.
        ("exercise-2026-10-25", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("exercise-2026-10-26", datetime(2026, 10, 26, 1, 30, tzinfo=UTC)),
    ]


def test_dst_us_pacific() -> None:
    flare = datetime(2026, 3, 7, 20, 0, tzinfo=PACIFIC)
    starts = of(make(acute(flare), flare, tz=PACIFIC), K.ICE_START)
    assert _offsets(starts[:3], PACIFIC) == [
        "03-07 20:00-0800",
        "03-08 07:00-0700",
        "03-08 10:00-0700",
    ]
    assert starts[1].due == datetime(2026, 3, 8, 14, 0, tzinfo=UTC)
    no_quiet = of(make(acute(flare), flare, tz=PACIFIC, settings=NO_QUIET), K.ICE_START)
    assert _offsets(no_quiet[:4], PACIFIC) == [
        "03-07 20:00-0800",
        "03-07 23:00-0800",
        "03-08 03:00-0700",
        "03-08 06:00-0700",
    ]
    now = datetime(2026, 10, 31, 12, 0, tzinfo=PACIFIC)
    plan = make(status(P.READY, now), now, tz=PACIFIC)
    assert [r.due for r in plan.reminders] == [
        datetime(2026, 11, 1, 1, 0, tzinfo=UTC),
        datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
        datetime(2026, 11, 3, 2, 0, tzinfo=UTC),
    ]
    assert ids(plan.reminders)[:2] == ["exercise-2026-10-31", "exercise-2026-11-01"]


# --- quiet hours ------------------------------------------------------------------


def test_quiet_hours_wrapping_midnight() -> None:
    quiet = QuietHours.from_settings(Settings(), AMS)
    assert [
        quiet.contains(at(5, h, m)) for h, m in ((21, 59), (22, 0), (6, 59), (7, 0))
    ] == [
        False,
        True,
        True,
        False,
    ]
    assert quiet.shift(at(5, 23)) == at(6, 7)
    assert quiet.shift(at(6, 3)) == at(6, 7)
    assert quiet.shift(at(6, 7)) == at(6, 7)
    assert quiet.shift(at(6, 7)).tzinfo is UTC


def test_quiet_hours_within_one_day_and_none() -> None:
    quiet = QuietHours(time(13), time(14), AMS)
    assert [quiet.contains(at(5, h, m)) for h, m in ((12, 59), (13, 0), (14, 0))] == [
        False,
        True,
        False,
    ]
    assert quiet.shift(at(5, 13, 30)) == at(5, 14)
    assert not QuietHours(time(7), time(7), AMS).contains(at(5, 7))


def test_quiet_end_in_the_repeated_and_the_skipped_hour() -> None:
    quiet = QuietHours(time(1), time(2, 30), AMS)
    # 02:10 summer time (first pass) ends at 02:30 summer time.
    assert quiet.shift(datetime(2026, 10, 25, 0, 10, tzinfo=UTC)) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )
    # 02:10 winter time (second pass) ends at the second 02:30.
    assert quiet.shift(datetime(2026, 10, 25, 1, 10, tzinfo=UTC)) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC
    )
    # In spring 02:30 does not exist: the period ends at 03:30 summer time.
    assert quiet.shift(datetime(2026, 3, 29, 0, 30, tzinfo=UTC)) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )


# --- reminder state ---------------------------------------------------------------


def test_state_round_trip_in_utc() -> None:
    state = (
        EMPTY.deliver(["b", "a"], at(5, 10))
        .mark_done("c", at(5, 11))
        .skip("d", at(5, 12))
        .snooze("a", at(5, 10, 15))
        .snooze_all(at(5, 12), at(5, 13))
        .acknowledge(at(5, 14))
    )
    data = state.to_dict()
    assert data == {
        "delivered": {"b": "2026-05-05T08:00:00+00:00"},
        "done": {"c": "2026-05-05T09:00:00+00:00"},
        "skipped": {"d": "2026-05-05T10:00:00+00:00"},
        "snoozed": {"a": "2026-05-05T08:15:00+00:00"},
        "snoozed_from": "2026-05-05T10:00:00+00:00",
        "snoozed_until": "2026-05-05T11:00:00+00:00",
        "acknowledged_at": "2026-05-05T12:00:00+00:00",
    }
    assert ReminderState.from_dict(json.loads(json.dumps(data))) == state
    assert ReminderState.from_dict({}) == EMPTY
    assert EMPTY.to_dict()["delivered"] == {}
    assert state.delivered["b"].tzinfo is UTC
    assert state.acknowledged_at is not None
    assert state.acknowledged_at.tzinfo is UTC


def test_state_of_earlier_versions_reads_without_last_delivery() -> None:
    # Earlier versions stored when reminders were last delivered; nothing read it.
    stored = {
        "delivered": {"b": "2026-05-05T08:00:00+00:00"},
        "last_delivery": "2026-05-05T08:00:00+00:00",
    }
    state = ReminderState.from_dict(stored)
    assert state == EMPTY.deliver(["b"], at(5, 10))
    assert "last_delivery" not in state.to_dict()


def test_state_mappings_are_read_only() -> None:
    state = EMPTY.deliver(["a"], FLARE)
    with pytest.raises(TypeError):
        state.delivered["b"] = FLARE  # type: ignore[index]


def test_state_prune() -> None:
    state = (
        EMPTY.deliver(["old"], at(1, 10))
        .deliver(["new"], at(5, 10))
        .mark_done("old-done", at(1, 10))
        .skip("new-skip", at(5, 10))
        .snooze("old-snooze", at(1, 11))
        .snooze_all(at(1, 9), at(1, 12))
    )
    pruned = state.prune(at(3, 0))
    assert set(pruned.delivered) == {"new"}
    assert (dict(pruned.done), set(pruned.skipped), dict(pruned.snoozed)) == (
        {},
        {"new-skip"},
        {},
    )
    assert (pruned.snoozed_from, pruned.snoozed_until) == (None, None)
    kept = EMPTY.snooze_all(at(4, 9), at(6, 12)).prune(at(5, 0))
    assert kept.snoozed_until == at(6, 12)
    assert EMPTY.prune(at(5, 0)) == EMPTY


def test_naive_times_are_rejected() -> None:
    naive = datetime(2026, 5, 5, 10, 0)  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        make(acute(), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        EMPTY.deliver(["a"], naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        QuietHours.from_settings(Settings(), AMS).contains(naive)


# --- one catch-up per kind and ankle ------------------------------------------------


def _checks(
    plan: Plan, state: ReminderState, start: datetime, hours: float, step: int = 5
) -> tuple[list[str], ReminderState]:
    """Deliver what is due every `step` minutes, as the reminder manager does."""
    delivered: list[str] = []
    moment = start
    while moment <= start + timedelta(hours=hours):
        due = ids(due_reminders(plan, moment, state))
        delivered += due
        if due:
            state = state.deliver(due, moment)
        moment += timedelta(minutes=step)
    return delivered, state


@pytest.mark.parametrize("phase", sorted(PROFESSIONAL_PHASES))
def test_no_burst_of_older_catch_ups_after_the_latest_was_delivered(
    phase: RecoveryPhase,
) -> None:
    # Home Assistant was down three days: the latest reminder is delivered once,
    # and the older ones do not follow one by one at the next checks.
    since = at(5, 10)
    state = EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 1)], since)
    back = at(8, 10, 30)
    plan = make(status(phase, since), back, state=state)
    delivered, state = _checks(plan, state, back, hours=2)
    assert delivered == [rid(K.SEE_PROFESSIONAL, 4)]
    later = make(status(phase, since), at(8, 12, 30), state=state)
    # (The first one is older than the horizon and no longer planned.)
    assert [(r.id, r.status) for r in of(later, K.SEE_PROFESSIONAL)[:3]] == [
        (rid(K.SEE_PROFESSIONAL, 2), S.MISSED),
        (rid(K.SEE_PROFESSIONAL, 3), S.MISSED),
        (rid(K.SEE_PROFESSIONAL, 4), S.DELIVERED),
    ]
    assert next_due(later, at(8, 12, 30), state) == at(9, 10)


def test_an_older_reminder_is_missed_once_a_later_one_is_due_whatever_its_status() -> (
    None
):
    since = at(5, 10)
    plan = make(status(P.SEE_PROFESSIONAL, since), since)
    for state in (
        EMPTY.deliver([rid(K.SEE_PROFESSIONAL, 2)], at(6, 10)),
        EMPTY.skip(rid(K.SEE_PROFESSIONAL, 2), at(6, 10)),
        EMPTY.mark_done(rid(K.SEE_PROFESSIONAL, 2), at(6, 10)),
    ):
        assert due_reminders(plan, at(6, 10, 5), state) == ()
        resolved = make(status(P.SEE_PROFESSIONAL, since), at(6, 10, 5), state=state)
        assert by_id(resolved, rid(K.SEE_PROFESSIONAL, 1)).status is S.MISSED
    # Before the later one is due, the older one is still delivered.
    assert ids(due_reminders(plan, at(6, 9), EMPTY)) == [rid(K.SEE_PROFESSIONAL, 1)]


def test_no_burst_of_exercise_or_ice_reminders_either() -> None:
    state = _delivered_session_one()
    back = at(6, 10, 30)
    plan = make(acute(), back, state=state)
    delivered, _ = _checks(plan, state, back, hours=2)
    assert delivered == [*session(6), rid(K.ICE_END, 6)]
    ready = status(P.READY, at(1, 12))
    plan = make(ready, at(7, 19))
    delivered, _ = _checks(plan, EMPTY, at(7, 19), hours=3)
    assert delivered == ["exercise-2026-05-07"]


# --- one plan per ankle -------------------------------------------------------------

LEFT_FLARE = at(5, 10)
RIGHT_FLARE = at(5, 11)
LEFT_STAMP = "2026-05-05T08:00:00Z"
RIGHT_STAMP = "2026-05-05T09:00:00Z"


def sided(kind: ReminderKind, side: Side, number: int, stamp: str) -> str:
    return f"{kind}-{side}-{stamp}-{number}"


def ankle(status_: PhaseStatus, side: Side | None, **changes: object) -> PhaseStatus:
    return replace(status_, side=side, **changes)  # type: ignore[arg-type]


def two_ankles(*ankles: PhaseStatus) -> PhaseStatus:
    """The overall status: the first ankle is taken as the most urgent."""
    return replace(ankles[0], ankles=ankles)


def test_each_ankle_has_its_own_ice_plan_and_ids() -> None:
    phase = two_ankles(
        ankle(acute(LEFT_FLARE), Side.LEFT), ankle(acute(RIGHT_FLARE), Side.RIGHT)
    )
    plan = make(phase, RIGHT_FLARE)
    starts = of(plan, K.ICE_START)
    left = [r for r in starts if r.side is Side.LEFT]
    right = [r for r in starts if r.side is Side.RIGHT]
    assert len(starts) == len(left) + len(right)
    assert ids(left)[:2] == [
        sided(K.ICE_START, Side.LEFT, 1, LEFT_STAMP),
        sided(K.ICE_START, Side.LEFT, 2, LEFT_STAMP),
    ]
    assert ids(right)[:2] == [
        sided(K.ICE_START, Side.RIGHT, 1, RIGHT_STAMP),
        sided(K.ICE_START, Side.RIGHT, 2, RIGHT_STAMP),
    ]
    assert dues(left)[:3] == ["05-05 10:00", "05-05 13:00", "05-05 16:00"]
    assert dues(right)[:3] == ["05-05 11:00", "05-05 14:00", "05-05 17:00"]
    assert {r.side for r in plan.reminders} == {Side.LEFT, Side.RIGHT}
    assert all(r.id.split("-")[1] == r.side for r in plan.reminders)
    # At 11:00 left's first session is still relevant (for half an interval).
    assert ids(due_reminders(plan, RIGHT_FLARE, EMPTY)) == [
        sided(K.ICE_START, Side.LEFT, 1, LEFT_STAMP),
        sided(K.ELEVATION, Side.LEFT, 1, LEFT_STAMP),
        sided(K.COMPRESSION_CHECK, Side.LEFT, 1, LEFT_STAMP),
        sided(K.ICE_START, Side.RIGHT, 1, RIGHT_STAMP),
        sided(K.ELEVATION, Side.RIGHT, 1, RIGHT_STAMP),
        sided(K.COMPRESSION_CHECK, Side.RIGHT, 1, RIGHT_STAMP),
    ]


def test_unspecified_ankle_keeps_the_ids_without_a_side() -> None:
    phase = two_ankles(ankle(acute(), None), ankle(status(P.READY, None), Side.LEFT))
    plan = make(phase, FLARE)
    assert ids(of(plan, K.ICE_START)) == ids(of(make(acute(), FLARE), K.ICE_START))
    assert {r.side for r in plan.reminders} == {None}


def test_a_new_flare_up_restarts_that_ankle_only() -> None:
    # Right flares up again at 15:00 (inside its episode): a new series for it.
    again = at(5, 15)
    phase = two_ankles(
        ankle(acute(LEFT_FLARE), Side.LEFT), ankle(acute(again), Side.RIGHT)
    )
    plan = make(phase, again)
    right = [r for r in of(plan, K.ICE_START) if r.side is Side.RIGHT]
    assert ids(right)[0] == sided(K.ICE_START, Side.RIGHT, 1, "2026-05-05T13:00:00Z")
    assert dues(right)[:2] == ["05-05 15:00", "05-05 18:00"]
    left = [r for r in of(plan, K.ICE_START) if r.side is Side.LEFT]
    assert dues(left)[:3] == ["05-05 10:00", "05-05 13:00", "05-05 16:00"]


def test_ice_runs_for_an_ankle_in_urgent_care_within_its_window_only() -> None:
    # Left: a red flag on day 1 (ice goes on); right: its window is over.
    left = ankle(
        acute(LEFT_FLARE),
        Side.LEFT,
        phase=P.URGENT_CARE,
        since=at(5, 12),
        referral=Referral.RED_FLAG,
    )
    right = ankle(
        acute(at(1, 10)),
        Side.RIGHT,
        phase=P.SEE_PROFESSIONAL,
        since=at(4, 10),
        referral=Referral.NOT_IMPROVING,
    )
    plan = make(two_ankles(left, right), at(5, 12))
    assert {r.side for r in plan.reminders if r.kind in ICE_KINDS} == {Side.LEFT}
    assert {r.side for r in of(plan, K.SEE_PROFESSIONAL)} == {Side.LEFT, Side.RIGHT}


def test_see_professional_per_ankle_with_its_reason() -> None:
    left = ankle(
        status(P.URGENT_CARE, at(5, 10)), Side.LEFT, referral=Referral.RED_FLAG
    )
    right = ankle(
        status(P.SEE_PROFESSIONAL, at(5, 12)),
        Side.RIGHT,
        referral=Referral.STRESS_REACTION,
    )
    plan = make(two_ankles(left, right), at(5, 12))
    reminders = of(plan, K.SEE_PROFESSIONAL)
    assert [(r.id, r.side, r.reason, r.urgent) for r in reminders[:3]] == [
        (
            sided(K.SEE_PROFESSIONAL, Side.LEFT, 1, LEFT_STAMP),
            Side.LEFT,
            "red_flag",
            True,
        ),
        (
            sided(K.SEE_PROFESSIONAL, Side.RIGHT, 1, "2026-05-05T10:00:00Z"),
            Side.RIGHT,
            "stress_reaction",
            False,
        ),
        (
            sided(K.SEE_PROFESSIONAL, Side.LEFT, 2, LEFT_STAMP),
            Side.LEFT,
            "red_flag",
            False,
        ),
    ]
    # Both are due at 12:00: one of each ankle, not one of the kind.
    assert ids(due_reminders(plan, at(5, 12), EMPTY)) == [
        sided(K.SEE_PROFESSIONAL, Side.LEFT, 1, LEFT_STAMP),
        sided(K.SEE_PROFESSIONAL, Side.RIGHT, 1, "2026-05-05T10:00:00Z"),
    ]


@pytest.mark.parametrize("referral", list(Referral))
def test_see_professional_reminder_carries_the_referral(referral: Referral) -> None:
    phase = replace(status(P.SEE_PROFESSIONAL, at(5, 10)), referral=referral)
    plan = make(phase, at(5, 10))
    assert {r.reason for r in of(plan, K.SEE_PROFESSIONAL)} == {referral.value}
    assert rid(K.SEE_PROFESSIONAL, 1) == ids(plan.reminders)[0]


def test_see_professional_reason_unknown_or_implied_by_urgent_care() -> None:
    plan = make(status(P.SEE_PROFESSIONAL, at(5, 10)), at(5, 10))
    assert {r.reason for r in plan.reminders} == {None}
    plan = make(status(P.URGENT_CARE, at(5, 10)), at(5, 10))
    assert {r.reason for r in plan.reminders} == {"red_flag"}
    assert {r.reason for r in make(acute(), FLARE).reminders} == {None}


# --- delivery groups ----------------------------------------------------------------


def test_session_start_reminders_of_one_ankle_are_delivered_together() -> None:
    phase = two_ankles(
        ankle(acute(LEFT_FLARE), Side.LEFT), ankle(acute(LEFT_FLARE), Side.RIGHT)
    )
    plan = make(phase, LEFT_FLARE)
    due = due_reminders(plan, LEFT_FLARE, EMPTY)
    groups = delivery_groups(due)
    assert [[(r.kind, r.side) for r in group] for group in groups] == [
        [
            (K.ICE_START, Side.LEFT),
            (K.ELEVATION, Side.LEFT),
            (K.COMPRESSION_CHECK, Side.LEFT),
        ],
        [
            (K.ICE_START, Side.RIGHT),
            (K.ELEVATION, Side.RIGHT),
            (K.COMPRESSION_CHECK, Side.RIGHT),
        ],
    ]
    assert {K.ICE_START, K.ELEVATION, K.COMPRESSION_CHECK} == SESSION_START_KINDS


def test_other_reminders_are_delivered_alone() -> None:
    # A red flag at the flare-up: the ice session together, the professional alone.
    urgent = replace(acute(), phase=P.URGENT_CARE, referral=Referral.RED_FLAG)
    plan = make(urgent, FLARE)
    groups = delivery_groups(due_reminders(plan, FLARE, EMPTY))
    assert [[r.kind for r in group] for group in groups] == [
        [K.ICE_START, K.ELEVATION, K.COMPRESSION_CHECK],
        [K.SEE_PROFESSIONAL],
    ]
    # An ice log marked the ice done: elevation and compression still together.
    now = at(5, 12, 45)
    plan = make(acute(), now, treatments=[treat(at(5, 12, 40))])
    groups = delivery_groups(due_reminders(plan, now, EMPTY))
    assert [ids(group) for group in groups] == [session(2)[1:]]
    ice_end = by_id(plan, rid(K.ICE_END, 2))
    assert delivery_groups([ice_end]) == ((ice_end,),)
