"""Prevention program: the daily exercises, their progression, adherence and streak.

The article's long-term prevention program has three parts: mobility (the "Ankle
Alphabet"), strengthening (a resistance band pushing the foot outward, inward, upward
and downward; calf raises on a step with a slow eccentric lowering) and balance
(single-leg stands, first on a stable and then on an unstable surface, and small
side-to-side hops on one leg), plus "a proper warm-up before running". Every exercise
has a stable `ExerciseKey` and a `Dosage` in `EXERCISES`; its name and how to do it
are translations, which the Home Assistant layer looks up by key.

Days
    Everything is bucketed by the runner's local calendar day:
    ``exercise.time.astimezone(tz).date()``. An item of a day's program is done when an
    `Exercise` with exactly that key was logged on that local day (logging the unstable
    stand does not tick off the stable one). Logs are expected in time order, as
    `RunnerRecords` keeps them; only their tail is read, from the end, so years of
    history cost nothing. Entries after the last day asked about are skipped.

Daily program by recovery phase (`program_items`), in `ExerciseKey` order:

* `ready`, `return_to_running` (pain-free): the full program: ankle alphabet, the four
  band directions, eccentric calf raises, the balance stage earned by consistency
  (see below) and the warm-up. Reason "full_program".
* `monitoring` (mild soreness): the full program without hops and without the unstable
  surface, which the issue keeps for pain-free days: the stable single-leg stand
  whatever stage was earned. Reason "mild_soreness_no_hops".
* `recovering`: ankle alphabet and the four band directions. Reason
  "mobility_and_bands".
* `acute_care`: the ankle alphabet only (gentle mobility). Reason
  "gentle_mobility_only".
* `see_professional`: nothing; a professional should say which exercises are safe
  first (a suspected stress reaction is among the causes). Reason
  "see_professional_first".
* `urgent_care`: nothing. Reason "red_flag_rest".

The warm-up is an item on every day of the phases in which the runner may run without
further condition (`ready`, `monitoring`, `return_to_running`). It is not counted in
adherence or the streak (`NOT_COUNTED`): it belongs to a run, and a rest day without a
run must not lower the figures or break the streak.

Balance progression (`DailyProgram.stage`), read from the log of the days before the day
in question (never that day itself, so the list does not change while it is being
ticked off). A "balance day" is a day with either single-leg stand logged.

* `unstable`: at least `UNSTABLE_AFTER_DAYS` (10) balance days in the last
  `PROGRESSION_WINDOW_DAYS` (14) days, or the unstable stand logged on at least
  `MIN_WEEKLY_SESSIONS` (3) of the last `CONSISTENCY_WINDOW_DAYS` (7) days (keeping
  it up keeps the stage). The unstable stand then replaces the stable one.
* `hops`: the `unstable` stage, and the unstable stand logged on at least
  `HOPS_AFTER_UNSTABLE_DAYS` (6) of the last 14 days. Hops join the unstable stand.
* `stable` otherwise. Regression follows from the same rules: with fewer than 3
  balance days in the last 7 days neither `unstable` rule can hold (10 of 14 needs at
  least 3 in the last 7), so the program falls back to the stable stand; hops go when
  the unstable stand falls below 6 days in 14.

The stage is reported as earned; only `ready` and `return_to_running` use it.

Adherence (`exercise_adherence`)
    Planned (counted) items done / planned items, in percent, over the
    `ADHERENCE_DAYS` (7) days ending today when today's program is complete, else
    ending yesterday (the same rule as the streak, so a day in progress never lowers
    the figure). Days with nothing planned do not count; None when nothing was
    planned. Unrounded.

Streak (`exercise_streak`)
    The number of consecutive planned days with the whole program done, walking back
    from today when today's program is complete, else from yesterday. Days with
    nothing planned (and days the caller did not pass) are skipped: they neither
    break nor extend the streak. The streak reaches back at most to the earliest day
    the caller passes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from .recovery import RecoveryPhase

if TYPE_CHECKING:
    from datetime import tzinfo

    from .records import Exercise

PROGRESSION_WINDOW_DAYS = 14
"""Days looked back over to judge consistency for the balance progression."""

UNSTABLE_AFTER_DAYS = 10
"""Balance days within the progression window that earn the unstable surface."""

CONSISTENCY_WINDOW_DAYS = 7
"""The short window in which consistency keeps a stage."""

MIN_WEEKLY_SESSIONS = 3
"""Unstable-stand days within the last 7 that keep the unstable stage."""

HOPS_AFTER_UNSTABLE_DAYS = 6
"""Unstable-stand days within the progression window that add the hops."""

ADHERENCE_DAYS = 7
"""Days over which adherence is computed."""


class ExerciseKey(StrEnum):
    """Stable keys of the prevention exercises, in program order."""

    ANKLE_ALPHABET = "ankle_alphabet"
    BAND_EVERSION = "band_eversion"
    BAND_INVERSION = "band_inversion"
    BAND_DORSIFLEXION = "band_dorsiflexion"
    BAND_PLANTARFLEXION = "band_plantarflexion"
    ECCENTRIC_CALF_RAISE = "eccentric_calf_raise"
    SINGLE_LEG_STAND = "single_leg_stand"
    SINGLE_LEG_STAND_UNSTABLE = "single_leg_stand_unstable"
    SINGLE_LEG_SIDE_HOPS = "single_leg_side_hops"
    WARM_UP = "warm_up"


class Category(StrEnum):
    """The parts of the article's program."""

    MOBILITY = "mobility"
    STRENGTH = "strength"
    BALANCE = "balance"
    WARM_UP = "warm_up"


class BalanceStage(StrEnum):
    """How far the balance training has progressed."""

    STABLE = "stable"
    UNSTABLE = "unstable"
    HOPS = "hops"


class Per(StrEnum):
    """What a dosage is repeated for."""

    FOOT = "foot"
    LEG = "leg"


@dataclass(frozen=True, slots=True, kw_only=True)
class Dosage:
    """How much of an exercise makes one day's dose.

    Attributes:
        sets: Number of sets.
        reps: Repetitions per set (letters for the ankle alphabet), if counted.
        seconds: Duration of a set (the minimum when `max_seconds` is set), if timed.
        max_seconds: Upper end of a duration range (the warm-up's 5-10 minutes).
        lowering_seconds: Duration of the slow eccentric lowering of each rep.
        per: Repeat the dose for each foot or each leg; None for once.

    """

    sets: int
    reps: int | None = None
    seconds: int | None = None
    max_seconds: int | None = None
    lowering_seconds: int | None = None
    per: Per | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseSpec:
    """One exercise of the program.

    Its name and how to do it are translations (the `exercise` selector's option
    and `common.exercise_how_<key>`), shown in Home Assistant's language.

    Attributes:
        key: The stable key (also the translation key).
        category: The part of the program it belongs to.
        dosage: The daily dose.
        quote: The article's sentence behind it: the source of the exercise and its
            dose, kept with the rule (not shown).

    """

    key: ExerciseKey
    category: Category
    dosage: Dosage
    quote: str


_BAND_QUOTE = (
    "Resistance band exercises, such as pushing the foot outward, inward, upward, and "
    "downward against the band\u2019s tension, isolate the muscles responsible for "
    "dynamic stability."
)
_STAND_QUOTE = (
    "Single-leg stands, performed first on a stable surface and then progressing to "
    "an unstable surface like a foam pad or wobble board, challenge the small "
    "stabilizing muscles of the foot and ankle."
)
_BAND_DOSAGE = Dosage(sets=3, reps=15, per=Per.FOOT)
_STAND_DOSAGE = Dosage(sets=3, seconds=30, per=Per.LEG)


def _band(key: ExerciseKey) -> ExerciseSpec:
    return ExerciseSpec(
        key=key,
        category=Category.STRENGTH,
        dosage=_BAND_DOSAGE,
        quote=_BAND_QUOTE,
    )


EXERCISES: Mapping[ExerciseKey, ExerciseSpec] = MappingProxyType(
    {
        ExerciseKey.ANKLE_ALPHABET: ExerciseSpec(
            key=ExerciseKey.ANKLE_ALPHABET,
            category=Category.MOBILITY,
            dosage=Dosage(sets=1, reps=26, per=Per.FOOT),
            quote=(
                "Simple exercises like drawing the \u201cAnkle Alphabet,\u201d where "
                "the foot traces each letter of the alphabet in the air, help gently "
                "move the joint in all directions, increasing flexibility and "
                "circulation."
            ),
        ),
        ExerciseKey.BAND_EVERSION: _band(ExerciseKey.BAND_EVERSION),
        ExerciseKey.BAND_INVERSION: _band(ExerciseKey.BAND_INVERSION),
        ExerciseKey.BAND_DORSIFLEXION: _band(ExerciseKey.BAND_DORSIFLEXION),
        ExerciseKey.BAND_PLANTARFLEXION: _band(ExerciseKey.BAND_PLANTARFLEXION),
        ExerciseKey.ECCENTRIC_CALF_RAISE: ExerciseSpec(
            key=ExerciseKey.ECCENTRIC_CALF_RAISE,
            category=Category.STRENGTH,
            dosage=Dosage(sets=3, reps=15, lowering_seconds=3),
            quote=(
                "Calf raises, performed on a step to allow the heel to drop below the "
                "level of the step, particularly the eccentric phase where the heel "
                "slowly lowers, build strength in the calf and Achilles tendon, "
                "improving their ability to absorb impact."
            ),
        ),
        ExerciseKey.SINGLE_LEG_STAND: ExerciseSpec(
            key=ExerciseKey.SINGLE_LEG_STAND,
            category=Category.BALANCE,
            dosage=_STAND_DOSAGE,
            quote=_STAND_QUOTE,
        ),
        ExerciseKey.SINGLE_LEG_STAND_UNSTABLE: ExerciseSpec(
            key=ExerciseKey.SINGLE_LEG_STAND_UNSTABLE,
            category=Category.BALANCE,
            dosage=_STAND_DOSAGE,
            quote=_STAND_QUOTE,
        ),
        ExerciseKey.SINGLE_LEG_SIDE_HOPS: ExerciseSpec(
            key=ExerciseKey.SINGLE_LEG_SIDE_HOPS,
            category=Category.BALANCE,
            dosage=Dosage(sets=3, seconds=20, per=Per.LEG),
            quote=(
                "Incorporating small, controlled side-to-side hops on a single leg "
                "further enhances the ankle\u2019s ability to maintain equilibrium "
                "and absorb landing forces."
            ),
        ),
        ExerciseKey.WARM_UP: ExerciseSpec(
            key=ExerciseKey.WARM_UP,
            category=Category.WARM_UP,
            dosage=Dosage(sets=1, seconds=300, max_seconds=600),
            quote=(
                "Consistency in performing these exercises is paramount, along with a "
                "proper warm-up before running and a commitment to only gradually "
                "increasing training volume to allow the body time to adapt."
            ),
        ),
    }
)
"""Every exercise with its dosage, in program order."""

NOT_COUNTED: frozenset[str] = frozenset({ExerciseKey.WARM_UP})
"""Items listed in the program but left out of adherence and streak."""

_PHASE_REASONS: Mapping[RecoveryPhase, str] = MappingProxyType(
    {
        RecoveryPhase.READY: "full_program",
        RecoveryPhase.RETURN_TO_RUNNING: "full_program",
        RecoveryPhase.MONITORING: "mild_soreness_no_hops",
        RecoveryPhase.RECOVERING: "mobility_and_bands",
        RecoveryPhase.ACUTE_CARE: "gentle_mobility_only",
        RecoveryPhase.SEE_PROFESSIONAL: "see_professional_first",
        RecoveryPhase.URGENT_CARE: "red_flag_rest",
        RecoveryPhase.PROFESSIONAL_CARE: "professional_plan",
    }
)

_PAIN_FREE_PHASES = frozenset({RecoveryPhase.READY, RecoveryPhase.RETURN_TO_RUNNING})
_WARM_UP_PHASES = _PAIN_FREE_PHASES | {RecoveryPhase.MONITORING}
_MOBILITY = (ExerciseKey.ANKLE_ALPHABET,)
_BANDS = (
    ExerciseKey.BAND_EVERSION,
    ExerciseKey.BAND_INVERSION,
    ExerciseKey.BAND_DORSIFLEXION,
    ExerciseKey.BAND_PLANTARFLEXION,
)
_BALANCE: Mapping[BalanceStage, tuple[ExerciseKey, ...]] = MappingProxyType(
    {
        BalanceStage.STABLE: (ExerciseKey.SINGLE_LEG_STAND,),
        BalanceStage.UNSTABLE: (ExerciseKey.SINGLE_LEG_STAND_UNSTABLE,),
        BalanceStage.HOPS: (
            ExerciseKey.SINGLE_LEG_STAND_UNSTABLE,
            ExerciseKey.SINGLE_LEG_SIDE_HOPS,
        ),
    }
)
_STANDS: frozenset[str] = frozenset(
    {ExerciseKey.SINGLE_LEG_STAND, ExerciseKey.SINGLE_LEG_STAND_UNSTABLE}
)
_UNSTABLE: frozenset[str] = frozenset({ExerciseKey.SINGLE_LEG_STAND_UNSTABLE})

type PlannedDays = Iterable[tuple[date, Collection[str]]]
"""The items planned per local day, e.g. ``[p.planned for p in programs]``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyProgram:
    """The to-do list of one local day.

    Attributes:
        day: The runner's local date.
        phase: The recovery phase the list follows.
        items: The exercises to do, in program order (may be empty).
        reason: Key of why the list holds what it holds (translated by the glue).
        stage: The balance stage earned by consistency (only pain-free phases use
            it in full; see the module docstring).

    """

    day: date
    phase: RecoveryPhase
    items: tuple[ExerciseKey, ...]
    reason: str
    stage: BalanceStage

    @property
    def planned(self) -> tuple[date, tuple[ExerciseKey, ...]]:
        """Return ``(day, items)`` as adherence and streak take it."""
        return self.day, self.items


def program_items(phase: RecoveryPhase, stage: BalanceStage) -> tuple[ExerciseKey, ...]:
    """Return the exercises of a day in this phase at this balance stage.

    Args:
        phase: The recovery phase of the day.
        stage: The balance stage earned; used only in pain-free phases.

    Returns:
        The items in program order; empty in `see_professional`, `urgent_care`
        and `professional_care`.

    """
    if phase is RecoveryPhase.ACUTE_CARE:
        return _MOBILITY
    if phase is RecoveryPhase.RECOVERING:
        return _MOBILITY + _BANDS
    if phase not in _WARM_UP_PHASES:
        return ()
    balance = _BALANCE[stage if phase in _PAIN_FREE_PHASES else BalanceStage.STABLE]
    return (
        _MOBILITY
        + _BANDS
        + (ExerciseKey.ECCENTRIC_CALF_RAISE,)
        + balance
        + (ExerciseKey.WARM_UP,)
    )


def _done_by_day(
    exercises: Sequence[Exercise], tz: tzinfo, first: date, last: date
) -> dict[date, set[str]]:
    """Return the keys logged per local day in [first, last], reading from the end."""
    done: dict[date, set[str]] = {}
    for entry in reversed(exercises):
        day = entry.time.astimezone(tz).date()
        if day > last:
            continue
        if day < first:
            break
        done.setdefault(day, set()).add(entry.exercise)
    return done


def _days_with(
    done: Mapping[date, Collection[str]],
    day: date,
    window: int,
    keys: frozenset[str],
) -> int:
    """Count the days in the `window` days before `day` with any of `keys` logged."""
    days = (day - timedelta(days=offset) for offset in range(1, window + 1))
    return len([past for past in days if not keys.isdisjoint(done.get(past, ()))])


def _stage(done: Mapping[date, Collection[str]], day: date) -> BalanceStage:
    balance_days = _days_with(done, day, PROGRESSION_WINDOW_DAYS, _STANDS)
    recent_unstable = _days_with(done, day, CONSISTENCY_WINDOW_DAYS, _UNSTABLE)
    if balance_days < UNSTABLE_AFTER_DAYS and recent_unstable < MIN_WEEKLY_SESSIONS:
        return BalanceStage.STABLE
    unstable_days = _days_with(done, day, PROGRESSION_WINDOW_DAYS, _UNSTABLE)
    if unstable_days >= HOPS_AFTER_UNSTABLE_DAYS:
        return BalanceStage.HOPS
    return BalanceStage.UNSTABLE


def _lookback_start(day: date) -> date:
    return day - timedelta(days=PROGRESSION_WINDOW_DAYS)


def _program(
    phase: RecoveryPhase, day: date, done: Mapping[date, Collection[str]]
) -> DailyProgram:
    stage = _stage(done, day)
    return DailyProgram(
        day=day,
        phase=phase,
        items=program_items(phase, stage),
        reason=_PHASE_REASONS[phase],
        stage=stage,
    )


def program_history(
    phases: Mapping[date, RecoveryPhase], exercises: Sequence[Exercise], tz: tzinfo
) -> list[DailyProgram]:
    """Return the program of every day in `phases`, oldest first, in one log pass.

    Args:
        phases: The recovery phase of each local day (e.g. the phase at the end of
            each past day and now for today).
        exercises: The exercise log in time order (only its tail is read).
        tz: The runner's time zone.

    Returns:
        One `DailyProgram` per day, sorted by day; empty without days.

    """
    if not phases:
        return []
    days = sorted(phases)
    done = _done_by_day(exercises, tz, _lookback_start(days[0]), days[-1])
    return [_program(phases[day], day, done) for day in days]


def exercises_done_on(
    exercises: Sequence[Exercise], day: date, tz: tzinfo
) -> frozenset[str]:
    """Return every exercise key logged on a local day (unknown keys included)."""
    return frozenset(_done_by_day(exercises, tz, day, day).get(day, ()))


def program_checklist(
    program: DailyProgram, exercises: Sequence[Exercise], tz: tzinfo
) -> dict[ExerciseKey, bool]:
    """Return each item of a day's program and whether it was done that local day.

    Args:
        program: The day's program.
        exercises: The exercise log in time order (only its tail is read).
        tz: The runner's time zone.

    Returns:
        Item to done flag, in program order (the to-do entity's check marks).

    """
    done = exercises_done_on(exercises, program.day, tz)
    return {item: item in done for item in program.items}


def _counted(items: Collection[str]) -> set[str]:
    return set(items).difference(NOT_COUNTED)


def _scored_days(
    planned: PlannedDays, exercises: Sequence[Exercise], tz: tzinfo, today: date
) -> tuple[dict[date, set[str]], dict[date, set[str]], date]:
    """Return the counted plan per day, what was done and the last day to score."""
    plans = {day: _counted(items) for day, items in planned if day <= today}
    plans = {day: items for day, items in plans.items() if items}
    if not plans:
        return plans, {}, today
    done = _done_by_day(exercises, tz, min(plans), today)
    today_plan = plans.get(today)
    complete = today_plan is not None and today_plan <= done.get(today, set())
    end = today if complete else today - timedelta(days=1)
    return plans, done, end


def exercise_adherence(
    planned: PlannedDays, exercises: Sequence[Exercise], tz: tzinfo, today: date
) -> float | None:
    """Return the percentage of planned items done over the last `ADHERENCE_DAYS`.

    Args:
        planned: ``(local day, planned keys)`` pairs; keys in `NOT_COUNTED` and
            duplicates are ignored, days after `today` too.
        exercises: The exercise log in time order (only its tail is read).
        tz: The runner's time zone.
        today: The runner's local date.

    Returns:
        Done / planned x 100 over the 7 days ending today when today's program is
        complete, else ending yesterday; None when nothing was planned in them.

    """
    plans, done, end = _scored_days(planned, exercises, tz, today)
    start = end - timedelta(days=ADHERENCE_DAYS - 1)
    total = 0
    hits = 0
    for day, items in plans.items():
        if start <= day <= end:
            total += len(items)
            hits += len(items.intersection(done.get(day, ())))
    if total == 0:
        return None
    return hits * 100 / total


def exercise_streak(
    planned: PlannedDays, exercises: Sequence[Exercise], tz: tzinfo, today: date
) -> int:
    """Return the number of consecutive planned days with the whole program done.

    Args:
        planned: ``(local day, planned keys)`` pairs, as for `exercise_adherence`;
            the streak reaches back at most to the earliest of them.
        exercises: The exercise log in time order (only its tail is read).
        tz: The runner's time zone.
        today: The runner's local date.

    Returns:
        The streak ending today when today's program is complete, else ending
        yesterday; days with nothing planned neither break nor extend it.

    """
    plans, done, end = _scored_days(planned, exercises, tz, today)
    streak = 0
    for day in sorted((day for day in plans if day <= end), reverse=True):
        if not plans[day] <= done.get(day, set()):
            break
        streak += 1
    return streak


__all__ = [
    "ADHERENCE_DAYS",
    "CONSISTENCY_WINDOW_DAYS",
    "EXERCISES",
    "HOPS_AFTER_UNSTABLE_DAYS",
    "MIN_WEEKLY_SESSIONS",
    "NOT_COUNTED",
    "PROGRESSION_WINDOW_DAYS",
    "UNSTABLE_AFTER_DAYS",
    "BalanceStage",
    "Category",
    "DailyProgram",
    "Dosage",
    "ExerciseKey",
    "ExerciseSpec",
    "Per",
    "PlannedDays",
    "exercise_adherence",
    "exercise_streak",
    "exercises_done_on",
    "program_checklist",
    "program_history",
    "program_items",
]
