"""Tests for the prevention program: daily lists, progression, adherence and streak."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import overload
from zoneinfo import ZoneInfo

import pytest

from custom_components.ankle_care.domain.program import (
    ADHERENCE_DAYS,
    CONSISTENCY_WINDOW_DAYS,
    EXERCISES,
    HOPS_AFTER_UNSTABLE_DAYS,
    MIN_WEEKLY_SESSIONS,
    NOT_COUNTED,
    PROGRESSION_WINDOW_DAYS,
    UNSTABLE_AFTER_DAYS,
    BalanceStage,
    Category,
    DailyProgram,
    Dosage,
    ExerciseKey,
    Per,
    exercise_adherence,
    exercise_streak,
    exercises_done_on,
    program_checklist,
    program_history,
    program_items,
)
from custom_components.ankle_care.domain.records import Exercise
from custom_components.ankle_care.domain.recovery import RecoveryPhase

from .en import COMMON, STRINGS

# What the to-do list shows: the `exercise` selector's options name the items, the
# `common` texts say how to do them, the list's `reason` attribute is translated.
NAMES: dict[str, str] = STRINGS["selector"]["exercise"]["options"]
REASONS: dict[str, str] = STRINGS["entity"]["todo"]["prevention_exercises"][
    "state_attributes"
]["reason"]["state"]


def daily_program(
    phase: RecoveryPhase, day: date, exercises: Sequence[Exercise], tz: tzinfo
) -> DailyProgram:
    """Return one day's program, as the snapshot gets it from `program_history`."""
    return program_history({day: phase}, exercises, tz)[0]


def balance_stage(exercises: Sequence[Exercise], day: date, tz: tzinfo) -> BalanceStage:
    """Return the balance stage the days before `day` earned."""
    return daily_program(RecoveryPhase.READY, day, exercises, tz).stage


def how(key: ExerciseKey) -> str:
    """Return how to do an exercise, as the to-do item describes it."""
    return COMMON[f"exercise_how_{key}"]


NY = ZoneInfo("America/New_York")
TODAY = date(2025, 6, 16)
K = ExerciseKey
P = RecoveryPhase
S = BalanceStage

ALPHABET = (K.ANKLE_ALPHABET,)
BANDS = (
    K.BAND_EVERSION,
    K.BAND_INVERSION,
    K.BAND_DORSIFLEXION,
    K.BAND_PLANTARFLEXION,
)
CORE = (*ALPHABET, *BANDS, K.ECCENTRIC_CALF_RAISE)
FULL_STABLE = (*CORE, K.SINGLE_LEG_STAND, K.WARM_UP)
FULL_UNSTABLE = (*CORE, K.SINGLE_LEG_STAND_UNSTABLE, K.WARM_UP)
FULL_HOPS = (
    *CORE,
    K.SINGLE_LEG_STAND_UNSTABLE,
    K.SINGLE_LEG_SIDE_HOPS,
    K.WARM_UP,
)


def day(offset: int) -> date:
    """Return the local date `offset` days after TODAY (negative: before)."""
    return TODAY + timedelta(days=offset)


def ex(key: str, when: date, at: time = time(18, 0), tz: ZoneInfo = NY) -> Exercise:
    moment = datetime.combine(when, at, tzinfo=tz)
    return Exercise(id=f"{key}-{moment.isoformat()}", time=moment, exercise=key, sets=3)


def log(*entries: Exercise) -> list[Exercise]:
    return sorted(entries, key=lambda entry: entry.time)


def on_days(key: str, offsets: Collection[int]) -> list[Exercise]:
    return [ex(key, day(offset)) for offset in offsets]


def all_done(items: Collection[str], when: date) -> list[Exercise]:
    return [ex(item, when) for item in items]


class CountingLog(Sequence[Exercise]):
    """A log that counts how many entries are read."""

    def __init__(self, entries: list[Exercise]) -> None:
        self._entries = entries
        self.reads = 0

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> Exercise: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Exercise]: ...

    def __getitem__(self, index: int | slice) -> Exercise | Sequence[Exercise]:
        if isinstance(index, slice):
            raise TypeError("no slicing expected")
        self.reads += 1
        return self._entries[index]

    def __iter__(self) -> Iterator[Exercise]:
        raise AssertionError("the log must be read from the end")


# --- catalogue ---------------------------------------------------------------


def test_exercise_keys_are_exact() -> None:
    assert [key.value for key in ExerciseKey] == [
        "ankle_alphabet",
        "band_eversion",
        "band_inversion",
        "band_dorsiflexion",
        "band_plantarflexion",
        "eccentric_calf_raise",
        "single_leg_stand",
        "single_leg_stand_unstable",
        "single_leg_side_hops",
        "warm_up",
    ]


def test_every_key_has_dosage_and_texts() -> None:
    assert list(EXERCISES) == list(ExerciseKey)
    for key, spec in EXERCISES.items():
        assert spec.key is key
        assert spec.dosage.sets >= 1
        assert spec.dosage.reps is not None or spec.dosage.seconds is not None
        for text in (NAMES[key], how(key), spec.quote):
            assert text.strip()
            assert text == text.strip()
        assert spec.quote.endswith(".")


@pytest.mark.parametrize(
    ("key", "category", "dosage", "dosage_text"),
    [
        (
            K.ANKLE_ALPHABET,
            Category.MOBILITY,
            Dosage(sets=1, reps=26, per=Per.FOOT),
            "Each foot: 1 round of the alphabet, A to Z.",
        ),
        (
            K.BAND_EVERSION,
            Category.STRENGTH,
            Dosage(sets=3, reps=15, per=Per.FOOT),
            "3 sets of 15, each foot.",
        ),
        (
            K.BAND_INVERSION,
            Category.STRENGTH,
            Dosage(sets=3, reps=15, per=Per.FOOT),
            "3 sets of 15, each foot.",
        ),
        (
            K.BAND_DORSIFLEXION,
            Category.STRENGTH,
            Dosage(sets=3, reps=15, per=Per.FOOT),
            "3 sets of 15, each foot.",
        ),
        (
            K.BAND_PLANTARFLEXION,
            Category.STRENGTH,
            Dosage(sets=3, reps=15, per=Per.FOOT),
            "3 sets of 15, each foot.",
        ),
        (
            K.ECCENTRIC_CALF_RAISE,
            Category.STRENGTH,
            Dosage(sets=3, reps=15, lowering_seconds=3),
            "3 sets of 15, lowering the heel slowly over 3 seconds.",
        ),
        (
            K.SINGLE_LEG_STAND,
            Category.BALANCE,
            Dosage(sets=3, seconds=30, per=Per.LEG),
            "3 sets of 30 seconds on each leg.",
        ),
        (
            K.SINGLE_LEG_STAND_UNSTABLE,
            Category.BALANCE,
            Dosage(sets=3, seconds=30, per=Per.LEG),
            "3 sets of 30 seconds on each leg.",
        ),
        (
            K.SINGLE_LEG_SIDE_HOPS,
            Category.BALANCE,
            Dosage(sets=3, seconds=20, per=Per.LEG),
            "3 sets of 20 seconds on each leg.",
        ),
        (
            K.WARM_UP,
            Category.WARM_UP,
            Dosage(sets=1, seconds=300, max_seconds=600),
            "5 to 10 minutes before each run.",
        ),
    ],
)
def test_dosages(
    key: ExerciseKey, category: Category, dosage: Dosage, dosage_text: str
) -> None:
    spec = EXERCISES[key]
    assert spec.category is category
    assert spec.dosage == dosage
    assert how(key).startswith(f"{dosage_text} ")


def test_texts_follow_the_article() -> None:
    assert "Ankle Alphabet" in EXERCISES[K.ANKLE_ALPHABET].quote
    for key, direction in zip(
        BANDS, ("outward", "inward", "upward", "downward"), strict=True
    ):
        assert direction in how(key)
        assert "outward, inward, upward, and downward" in EXERCISES[key].quote
    calf = EXERCISES[K.ECCENTRIC_CALF_RAISE]
    assert "below the level of the step" in how(K.ECCENTRIC_CALF_RAISE)
    assert "eccentric phase where the heel slowly lowers" in calf.quote
    assert "foam pad or a wobble board" in how(K.SINGLE_LEG_STAND_UNSTABLE)
    assert "side-to-side hops" in EXERCISES[K.SINGLE_LEG_SIDE_HOPS].quote
    assert "warm-up before running" in EXERCISES[K.WARM_UP].quote


def test_not_counted_is_the_warm_up() -> None:
    assert frozenset({"warm_up"}) == NOT_COUNTED


def test_constants() -> None:
    assert PROGRESSION_WINDOW_DAYS == 14
    assert UNSTABLE_AFTER_DAYS == 10
    assert CONSISTENCY_WINDOW_DAYS == 7
    assert MIN_WEEKLY_SESSIONS == 3
    assert HOPS_AFTER_UNSTABLE_DAYS == 6
    assert ADHERENCE_DAYS == 7


# --- daily program per phase -------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "stage", "items"),
    [
        (P.READY, S.STABLE, FULL_STABLE),
        (P.READY, S.UNSTABLE, FULL_UNSTABLE),
        (P.READY, S.HOPS, FULL_HOPS),
        (P.RETURN_TO_RUNNING, S.STABLE, FULL_STABLE),
        (P.RETURN_TO_RUNNING, S.UNSTABLE, FULL_UNSTABLE),
        (P.RETURN_TO_RUNNING, S.HOPS, FULL_HOPS),
        (P.MONITORING, S.STABLE, FULL_STABLE),
        (P.MONITORING, S.UNSTABLE, FULL_STABLE),
        (P.MONITORING, S.HOPS, FULL_STABLE),
        (P.RECOVERING, S.HOPS, (*ALPHABET, *BANDS)),
        (P.RECOVERING, S.STABLE, (*ALPHABET, *BANDS)),
        (P.ACUTE_CARE, S.HOPS, ALPHABET),
        (P.ACUTE_CARE, S.STABLE, ALPHABET),
        (P.SEE_PROFESSIONAL, S.HOPS, ()),
        (P.SEE_PROFESSIONAL, S.STABLE, ()),
        (P.URGENT_CARE, S.HOPS, ()),
        (P.URGENT_CARE, S.STABLE, ()),
    ],
)
def test_program_items(
    phase: RecoveryPhase, stage: BalanceStage, items: tuple[ExerciseKey, ...]
) -> None:
    assert program_items(phase, stage) == items


@pytest.mark.parametrize(
    ("phase", "items", "reason"),
    [
        (P.READY, FULL_STABLE, "full_program"),
        (P.RETURN_TO_RUNNING, FULL_STABLE, "full_program"),
        (P.MONITORING, FULL_STABLE, "mild_soreness_no_hops"),
        (P.RECOVERING, (*ALPHABET, *BANDS), "mobility_and_bands"),
        (P.ACUTE_CARE, ALPHABET, "gentle_mobility_only"),
        (P.SEE_PROFESSIONAL, (), "see_professional_first"),
        (P.URGENT_CARE, (), "red_flag_rest"),
    ],
)
def test_daily_program_per_phase_without_history(
    phase: RecoveryPhase, items: tuple[ExerciseKey, ...], reason: str
) -> None:
    program = daily_program(phase, TODAY, [], NY)
    assert program == DailyProgram(
        day=TODAY, phase=phase, items=items, reason=reason, stage=S.STABLE
    )
    assert program.planned == (TODAY, items)
    assert reason in REASONS


def test_every_reason_has_text() -> None:
    reasons = {daily_program(phase, TODAY, [], NY).reason for phase in P}
    assert reasons == set(REASONS)
    assert all(text.strip() for text in REASONS.values())


def test_warm_up_only_in_phases_that_may_run() -> None:
    with_warm_up = {phase for phase in P if K.WARM_UP in program_items(phase, S.HOPS)}
    assert with_warm_up == {P.READY, P.MONITORING, P.RETURN_TO_RUNNING}


def test_hops_and_unstable_only_when_pain_free() -> None:
    for phase in P:
        items = program_items(phase, S.HOPS)
        pain_free = phase in (P.READY, P.RETURN_TO_RUNNING)
        assert (K.SINGLE_LEG_SIDE_HOPS in items) is pain_free
        assert (K.SINGLE_LEG_STAND_UNSTABLE in items) is pain_free


# --- progression -------------------------------------------------------------


def test_stage_starts_stable() -> None:
    assert balance_stage([], TODAY, NY) is S.STABLE


def test_unstable_after_ten_balance_days_in_fourteen() -> None:
    nine = on_days(K.SINGLE_LEG_STAND, range(-14, -5))
    assert balance_stage(nine, TODAY, NY) is S.STABLE
    ten = log(*nine, ex(K.SINGLE_LEG_STAND, day(-1)))
    assert balance_stage(ten, TODAY, NY) is S.UNSTABLE
    program = daily_program(P.READY, TODAY, ten, NY)
    assert program.stage is S.UNSTABLE
    assert program.items == FULL_UNSTABLE


def test_days_outside_the_window_do_not_count() -> None:
    # Ten days, but the oldest is 15 days ago.
    entries = on_days(K.SINGLE_LEG_STAND, [-15, *range(-9, 0)])
    assert balance_stage(entries, TODAY, NY) is S.STABLE


def test_several_logs_on_one_day_count_once() -> None:
    entries = log(
        *on_days(K.SINGLE_LEG_STAND, range(-9, 0)),
        ex(K.SINGLE_LEG_STAND, day(-1), time(7, 0)),
        ex(K.SINGLE_LEG_STAND, day(-1), time(8, 0)),
    )
    assert balance_stage(entries, TODAY, NY) is S.STABLE


def test_either_stand_counts_as_a_balance_day() -> None:
    entries = log(
        *on_days(K.SINGLE_LEG_STAND, range(-14, -6)),
        *on_days(K.SINGLE_LEG_STAND_UNSTABLE, [-6, -1]),
    )
    assert balance_stage(entries, TODAY, NY) is S.UNSTABLE


def test_todays_log_does_not_change_todays_program() -> None:
    entries = log(
        *on_days(K.SINGLE_LEG_STAND, range(-9, 0)),
        ex(K.SINGLE_LEG_STAND, TODAY),
    )
    assert daily_program(P.READY, TODAY, entries, NY).items == FULL_STABLE
    assert daily_program(P.READY, day(1), entries, NY).items == FULL_UNSTABLE


def test_unstable_stage_kept_by_three_sessions_a_week() -> None:
    # Promoted long ago; now only the unstable stand on 3 of the last 7 days.
    entries = on_days(K.SINGLE_LEG_STAND_UNSTABLE, [-6, -4, -2])
    assert balance_stage(entries, TODAY, NY) is S.UNSTABLE


def test_regression_when_consistency_drops() -> None:
    entries = log(
        *on_days(K.SINGLE_LEG_STAND, range(-14, -8)),
        *on_days(K.SINGLE_LEG_STAND_UNSTABLE, range(-8, -4)),
    )
    # 10 balance days in the 14 before TODAY: unstable.
    assert balance_stage(entries, TODAY, NY) is S.UNSTABLE
    # The next day: 9 in 14, and the unstable stand on only 2 of the last 7.
    assert balance_stage(entries, day(1), NY) is S.STABLE
    assert daily_program(P.READY, day(1), entries, NY).items == FULL_STABLE
    # Keeping up 3 unstable sessions in the last 7 would have kept the stage.
    kept = log(*entries, ex(K.SINGLE_LEG_STAND_UNSTABLE, TODAY))
    assert balance_stage(kept, day(1), NY) is S.UNSTABLE


def test_hops_after_six_unstable_days() -> None:
    five = on_days(K.SINGLE_LEG_STAND_UNSTABLE, range(-5, 0))
    assert balance_stage(five, TODAY, NY) is S.UNSTABLE
    six = on_days(K.SINGLE_LEG_STAND_UNSTABLE, range(-6, 0))
    assert balance_stage(six, TODAY, NY) is S.HOPS
    assert daily_program(P.READY, TODAY, six, NY).items == FULL_HOPS
    assert daily_program(P.RETURN_TO_RUNNING, TODAY, six, NY).items == FULL_HOPS


def test_hops_need_the_unstable_stage() -> None:
    # Six unstable days in 14 but only 2 in the last 7 and fewer than 10 balance
    # days: back to stable, hops gone.
    entries = on_days(K.SINGLE_LEG_STAND_UNSTABLE, [-14, -13, -12, -11, -3, -1])
    assert balance_stage(entries, TODAY, NY) is S.STABLE


def test_hops_regress_to_unstable() -> None:
    entries = on_days(K.SINGLE_LEG_STAND_UNSTABLE, [-13, -11, -9, -5, -3, -1])
    # 6 unstable days in the 14 before TODAY, 3 of them in the last 7: hops.
    assert balance_stage(entries, TODAY, NY) is S.HOPS
    assert balance_stage(entries, day(1), NY) is S.HOPS
    # Two days later -13 leaves the window: 5 in 14, still 3 in the last 7.
    assert balance_stage(entries, day(2), NY) is S.UNSTABLE
    assert daily_program(P.READY, day(2), entries, NY).items == FULL_UNSTABLE


def test_monitoring_holds_back_the_earned_stage() -> None:
    six = on_days(K.SINGLE_LEG_STAND_UNSTABLE, range(-6, 0))
    program = daily_program(P.MONITORING, TODAY, six, NY)
    assert program.stage is S.HOPS
    assert program.items == FULL_STABLE
    assert daily_program(P.URGENT_CARE, TODAY, six, NY).items == ()


def test_program_history_matches_daily_program() -> None:
    entries = log(
        *on_days(K.SINGLE_LEG_STAND, range(-20, -10)),
        *on_days(K.SINGLE_LEG_STAND_UNSTABLE, range(-10, 0)),
    )
    phases = {
        day(0): P.READY,
        day(-12): P.ACUTE_CARE,
        day(-5): P.MONITORING,
        day(-8): P.READY,
    }
    history = program_history(phases, entries, NY)
    assert [program.day for program in history] == sorted(phases)
    assert history == [
        daily_program(phases[when], when, entries, NY) for when in sorted(phases)
    ]
    assert program_history({}, entries, NY) == []


# --- local days and check marks ----------------------------------------------


def test_local_day_bucketing_across_time_zone() -> None:
    late = ex(K.ANKLE_ALPHABET, day(-1), time(23, 30))
    assert late.time.astimezone(UTC).date() == TODAY
    early = ex(K.BAND_EVERSION, TODAY, time(0, 15))
    assert early.time.astimezone(UTC).date() == TODAY
    entries = log(late, early)
    assert exercises_done_on(entries, day(-1), NY) == {"ankle_alphabet"}
    assert exercises_done_on(entries, TODAY, NY) == {"band_eversion"}
    assert exercises_done_on(entries, TODAY, UTC) == {
        "ankle_alphabet",
        "band_eversion",
    }
    assert exercises_done_on(entries, day(1), NY) == frozenset()


def test_done_on_reads_only_the_tail() -> None:
    start = datetime(2022, 1, 1, 18, 0, tzinfo=NY)
    entries = CountingLog(
        [
            Exercise(
                id=str(index),
                time=start + timedelta(days=index),
                exercise=K.ANKLE_ALPHABET,
            )
            for index in range(1200)
        ]
    )
    last = entries[len(entries) - 1].time.date()
    entries.reads = 0
    assert exercises_done_on(entries, last - timedelta(days=2), NY) == {
        "ankle_alphabet"
    }
    assert entries.reads == 4
    entries.reads = 0
    daily_program(P.READY, last, entries, NY)
    assert entries.reads <= PROGRESSION_WINDOW_DAYS + 2


def test_checklist_marks_done_items() -> None:
    program = daily_program(P.RECOVERING, TODAY, [], NY)
    entries = log(
        ex(K.ANKLE_ALPHABET, TODAY, time(7, 0)),
        ex(K.BAND_INVERSION, TODAY, time(23, 30)),
        ex(K.BAND_EVERSION, day(-1), time(23, 30)),
        ex(K.BAND_DORSIFLEXION, day(1), time(0, 5)),
        ex("unknown_exercise", TODAY),
    )
    checklist = program_checklist(program, entries, NY)
    assert list(checklist) == [*ALPHABET, *BANDS]
    assert checklist == {
        K.ANKLE_ALPHABET: True,
        K.BAND_EVERSION: False,
        K.BAND_INVERSION: True,
        K.BAND_DORSIFLEXION: False,
        K.BAND_PLANTARFLEXION: False,
    }
    assert "unknown_exercise" in exercises_done_on(entries, TODAY, NY)


def test_unstable_stand_does_not_tick_the_stable_one() -> None:
    program = daily_program(P.READY, TODAY, [], NY)
    checklist = program_checklist(program, [ex(K.SINGLE_LEG_STAND_UNSTABLE, TODAY)], NY)
    assert checklist[K.SINGLE_LEG_STAND] is False


def test_checklist_of_an_empty_program() -> None:
    program = daily_program(P.URGENT_CARE, TODAY, [], NY)
    assert program_checklist(program, [ex(K.ANKLE_ALPHABET, TODAY)], NY) == {}


# --- adherence ---------------------------------------------------------------

TWO = (K.ANKLE_ALPHABET, K.BAND_EVERSION)


def test_adherence_ten_of_fourteen() -> None:
    planned = [(day(offset), TWO) for offset in range(-7, 1)]
    # Today is incomplete, so the window is -7..-1: 7 days x 2 = 14 planned.
    # Done: both items on -7, -6, -5 and -4 (8), none on -3, one on -2 and one
    # on -1 (2): 10 of 14.
    entries = log(
        *[entry for offset in range(-7, -3) for entry in all_done(TWO, day(offset))],
        ex(K.ANKLE_ALPHABET, day(-2)),
        ex(K.BAND_EVERSION, day(-1)),
        ex(K.ANKLE_ALPHABET, TODAY),
    )
    adherence = exercise_adherence(planned, entries, NY, TODAY)
    assert adherence == pytest.approx(10 / 14 * 100)
    assert round(adherence or 0, 1) == 71.4


def test_adherence_includes_today_once_complete() -> None:
    planned = [(day(offset), TWO) for offset in range(-7, 1)]
    entries = log(
        *all_done(TWO, day(-7)),
        *all_done(TWO, TODAY),
    )
    # Window -6..0: 7 days x 2 = 14 planned, only today's 2 done.
    assert exercise_adherence(planned, entries, NY, TODAY) == pytest.approx(
        2 / 14 * 100
    )
    # Without today's completion the window is -7..-1: 2 of 14.
    assert exercise_adherence(
        planned, all_done(TWO, day(-7)), NY, TODAY
    ) == pytest.approx(2 / 14 * 100)
    # Today only half done: window -7..-1, day -7 counted.
    half = log(*all_done(TWO, day(-7)), ex(K.ANKLE_ALPHABET, TODAY))
    assert exercise_adherence(planned, half, NY, TODAY) == pytest.approx(2 / 14 * 100)


def test_adherence_mixed_phases_and_empty_days() -> None:
    full = program_items(P.READY, S.STABLE)  # 7 counted + warm-up
    planned = [
        (day(-6), full),
        (day(-5), ()),  # urgent care: nothing planned
        (day(-4), ALPHABET),  # acute care
        (day(-3), (*ALPHABET, *BANDS)),  # recovering
        (day(-2), ()),
        (day(-1), (*ALPHABET, *BANDS)),
        (day(3), full),  # future: ignored
    ]
    entries = log(
        *all_done([item for item in full if item is not K.WARM_UP], day(-6)),
        ex(K.ANKLE_ALPHABET, day(-5)),  # not planned that day: ignored
        ex(K.ANKLE_ALPHABET, day(-4)),
        *all_done(BANDS, day(-3)),
        ex(K.SINGLE_LEG_SIDE_HOPS, day(-1)),  # not planned: ignored
    )
    # Planned: 7 + 1 + 5 + 5 = 18; done: 7 + 1 + 4 + 0 = 12.
    assert exercise_adherence(planned, entries, NY, TODAY) == pytest.approx(
        12 / 18 * 100
    )


def test_adherence_ignores_warm_up_and_duplicates() -> None:
    planned = [(day(-1), (K.ANKLE_ALPHABET, K.ANKLE_ALPHABET, K.WARM_UP))]
    entries = [ex(K.ANKLE_ALPHABET, day(-1))]
    assert exercise_adherence(planned, entries, NY, TODAY) == 100.0


def test_adherence_none_without_plan() -> None:
    assert exercise_adherence([], [], NY, TODAY) is None
    nothing = [(day(offset), ()) for offset in range(-6, 1)]
    assert exercise_adherence(nothing, [], NY, TODAY) is None
    warm_up_only = [(day(-1), (K.WARM_UP,))]
    assert exercise_adherence(warm_up_only, [], NY, TODAY) is None
    too_old = [(day(-10), TWO)]
    assert exercise_adherence(too_old, [], NY, TODAY) is None


def test_adherence_zero() -> None:
    planned = [(day(-1), TWO)]
    assert exercise_adherence(planned, [], NY, TODAY) == 0.0


def test_adherence_with_program_history() -> None:
    phases = {day(offset): P.RECOVERING for offset in range(-6, 1)}
    programs = program_history(phases, [], NY)
    entries = [
        entry for offset in range(-6, 1) for entry in all_done(ALPHABET, day(offset))
    ]
    # Window -6..-1 (today incomplete): 6 days x 5 items = 30, 6 done.
    assert exercise_adherence(
        [program.planned for program in programs], entries, NY, TODAY
    ) == pytest.approx(20.0)


# --- streak ------------------------------------------------------------------


def test_streak_complete_days_ending_yesterday() -> None:
    planned = [(day(offset), TWO) for offset in range(-5, 1)]
    entries = [entry for offset in range(-3, 0) for entry in all_done(TWO, day(offset))]
    # -3, -2, -1 complete; -4 not done; today incomplete (does not break).
    assert exercise_streak(planned, entries, NY, TODAY) == 3


def test_streak_includes_today_when_complete() -> None:
    planned = [(day(offset), TWO) for offset in range(-5, 1)]
    entries = [entry for offset in range(-3, 1) for entry in all_done(TWO, day(offset))]
    assert exercise_streak(planned, entries, NY, TODAY) == 4


def test_streak_broken_by_a_gap() -> None:
    planned = [(day(offset), TWO) for offset in range(-6, 1)]
    entries = log(
        *all_done(TWO, day(-6)),
        *all_done(TWO, day(-5)),
        ex(K.ANKLE_ALPHABET, day(-4)),  # incomplete: breaks
        *all_done(TWO, day(-3)),
        *all_done(TWO, day(-2)),
        *all_done(TWO, day(-1)),
    )
    assert exercise_streak(planned, entries, NY, TODAY) == 3
    # Yesterday incomplete: no streak even though earlier days were complete.
    partial = [entry for entry in entries if entry.time.date() != day(-1)]
    assert exercise_streak(planned, partial, NY, TODAY) == 0


def test_streak_skips_days_without_plan() -> None:
    planned = [
        (day(-5), TWO),
        (day(-4), ()),  # see_professional: neither breaks nor extends
        (day(-3), TWO),
        (day(-2), (K.WARM_UP,)),  # only the warm-up: not counted
        (day(-1), TWO),
        (TODAY, ()),
    ]
    entries = log(
        *all_done(TWO, day(-5)),
        *all_done(TWO, day(-3)),
        *all_done(TWO, day(-1)),
    )
    # Day -6 and earlier were not passed: the streak stops at the earliest day.
    assert exercise_streak(planned, entries, NY, TODAY) == 3


def test_streak_today_nothing_planned_counts_from_yesterday() -> None:
    planned = [(day(-1), TWO), (TODAY, ())]
    assert exercise_streak(planned, all_done(TWO, day(-1)), NY, TODAY) == 1


def test_streak_zero_without_plan_or_done() -> None:
    assert exercise_streak([], [], NY, TODAY) == 0
    assert exercise_streak([(day(-1), TWO)], [], NY, TODAY) == 0


def test_streak_ignores_the_warm_up_and_future_days() -> None:
    full = program_items(P.READY, S.STABLE)
    planned = [(day(-1), full), (day(1), full)]
    entries = all_done([item for item in full if item is not K.WARM_UP], day(-1))
    assert exercise_streak(planned, entries, NY, TODAY) == 1


def test_streak_uses_local_days() -> None:
    planned = [(day(-1), ALPHABET), (TODAY, ALPHABET)]
    # 23:30 New York yesterday is already today in UTC.
    entries = [ex(K.ANKLE_ALPHABET, day(-1), time(23, 30))]
    assert exercise_streak(planned, entries, NY, TODAY) == 1
    assert exercise_streak(planned, entries, UTC, TODAY) == 1
    # In UTC today is complete: the window -6..0 holds yesterday (missed) and today.
    assert exercise_adherence(planned, entries, UTC, TODAY) == 50.0
    assert exercise_adherence(planned, entries, NY, TODAY) == 100.0
