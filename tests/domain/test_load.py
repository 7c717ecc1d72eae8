"""Tests of the training-load figures, with expected values worked out by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
import math
import random

import pytest

from custom_components.ankle_care.domain.load import (
    EWMA_ACUTE_LAMBDA,
    EWMA_CHRONIC_LAMBDA,
    FALLBACK_LOAD_PER_KM,
    ArchivedLoad,
    LoadHistory,
    RiskFactor,
    RiskLevel,
    ShoeWear,
    assess_risk,
    monotony_and_strain,
    run_load,
    shoe_limit_km,
    shoe_wear,
    wear_of_shoe,
    weekly_change_pct,
)
from custom_components.ankle_care.domain.records import Run, Shoe, Surface
from custom_components.ankle_care.domain.settings import (
    AcwrMethod,
    LoadBasis,
    Settings,
)

D0 = date(2024, 1, 1)
ADDED = datetime(2023, 1, 1, tzinfo=UTC)
# Denominators of the ratio rule for a run added today (alpha - 1.3 * gamma).
EWMA_DENOMINATOR = 0.25 - 1.3 * 2 / 29  # = 4.65 / 29
COUPLED_DENOMINATOR = 1 / 7 - 1.3 / 28  # = 2.7 / 28
UNCOUPLED_DENOMINATOR = 1 / 7


def make_run(
    day: date,
    km: float,
    *,
    run_id: str | None = None,
    at: time = time(12, 0),
    tz: timezone = UTC,
    minutes: float | None = None,
    rpe: int | None = None,
    surface: Surface = Surface.ROAD,
    shoe_id: str | None = None,
) -> Run:
    return Run(
        id=run_id or f"{day.isoformat()}-{at.isoformat()}-{km}",
        start=datetime.combine(day, at, tzinfo=tz),
        distance_km=km,
        duration_minutes=minutes,
        rpe=rpe,
        surface=surface,
        shoe_id=shoe_id,
    )


def daily(start: date, kms: Sequence[float], **kwargs: object) -> list[Run]:
    """One run per day from `start`, skipping zeros (rest days)."""
    return [
        make_run(start + timedelta(days=offset), km, **kwargs)  # type: ignore[arg-type]
        for offset, km in enumerate(kms)
        if km
    ]


def history(runs: list[Run], tz: timezone = UTC) -> LoadHistory:
    load_history = LoadHistory(tz)
    load_history.rebuild(runs)
    return load_history


def day(offset: int) -> date:
    return D0 + timedelta(days=offset)


# --- series and formulas ------------------------------------------------------------


def test_ewma_lambdas_are_two_over_n_plus_one() -> None:
    assert EWMA_ACUTE_LAMBDA == 2 / 8 == 0.25
    assert EWMA_CHRONIC_LAMBDA == 2 / 29


def reference_ewma(loads: Sequence[float], days: int) -> float:
    """Williams et al. 2017 written out plainly: seeded with day 0, 2 / (N + 1)."""
    decay = 2 / (days + 1)
    value = loads[0]
    for load in loads[1:]:
        value = decay * load + (1 - decay) * value
    return value


def test_history_ewma_with_a_rest_day_and_no_ratio_before_28_days() -> None:
    # day 0: 10 km, day 1: rest (load 0), day 2: 4 km, day 3: rest
    load_history = history([make_run(day(0), 10), make_run(day(2), 4)])
    # acute, lambda 0.25: 10 -> 0.25*0 + 0.75*10 = 7.5
    # -> 0.25*4 + 0.75*7.5 = 1 + 5.625 = 6.625 -> 0.75*6.625
    # chronic, lambda 2/29: 10 -> 27/29*10 = 270/29 -> (2*4 + 27*270/29)/29 = 7522/841
    expected = [
        (10, 10),
        (7.5, 270 / 29),
        (6.625, 7522 / 841),
        (0.75 * 6.625, 27 / 29 * 7522 / 841),
    ]
    for offset, (acute, chronic) in enumerate(expected):
        snap = load_history.snapshot(day(offset), Settings())
        assert snap.history_days == offset + 1
        assert snap.acute_load == pytest.approx(acute)
        assert snap.chronic_load == pytest.approx(chronic)
        assert snap.load_ratio is None


@pytest.mark.parametrize("method", list(AcwrMethod))
def test_ratio_undefined_until_28_days_of_history(method: AcwrMethod) -> None:
    settings = Settings(acwr_method=method)
    load_history = history(daily(day(0), [10] * 27))
    snap = load_history.snapshot(day(26), settings)
    assert snap.history_days == 27
    assert snap.load_ratio is None
    assert snap.acute_load is not None
    load_history.add(make_run(day(27), 10))
    snap = load_history.snapshot(day(27), settings)
    assert snap.history_days == 28
    # the same 10 km every day: acute = chronic = 10, ratio 1
    assert snap.acute_load == pytest.approx(10)
    assert snap.chronic_load == pytest.approx(10)
    assert snap.load_ratio == pytest.approx(1.0)


def test_history_counts_days_not_runs() -> None:
    # A single imported run 27 days ago is 28 days of history (rest days are 0).
    load_history = history([make_run(day(0), 10)])
    assert load_history.snapshot(day(26), Settings()).load_ratio is None
    snap = load_history.snapshot(day(27), Settings())
    assert snap.history_days == 28
    # acute = 10 * 0.75**27, chronic = 10 * (27/29)**27
    assert snap.acute_load == pytest.approx(10 * 0.75**27)
    assert snap.chronic_load == pytest.approx(10 * (27 / 29) ** 27)
    assert snap.load_ratio == pytest.approx((0.75 / (27 / 29)) ** 27)


def test_rolling_coupled_and_uncoupled() -> None:
    # 21 days of 5 km, then 7 days of 10 km
    runs = daily(day(0), [5] * 21 + [10] * 7)
    load_history = history(runs)
    coupled = load_history.snapshot(
        day(27), Settings(acwr_method=AcwrMethod.ROLLING_COUPLED)
    )
    # acute 70/7 = 10; chronic (105 + 70)/28 = 6.25; ratio 1.6
    assert coupled.acute_load == 10
    assert coupled.chronic_load == 6.25
    assert coupled.load_ratio == 1.6
    uncoupled = load_history.snapshot(
        day(27), Settings(acwr_method=AcwrMethod.ROLLING_UNCOUPLED)
    )
    # chronic = 105/21 = 5 (the 21 days before the acute week); ratio 2.0
    assert uncoupled.acute_load == 10
    assert uncoupled.chronic_load == 5
    assert uncoupled.load_ratio == 2.0


def test_zero_chronic_load_gives_no_ratio() -> None:
    load_history = history([make_run(day(0), 5)])
    snap = load_history.snapshot(
        day(40), Settings(acwr_method=AcwrMethod.ROLLING_COUPLED)
    )
    assert snap.history_days == 41
    assert snap.acute_load == 0
    assert snap.chronic_load == 0
    assert snap.load_ratio is None


def test_no_history_before_the_first_run() -> None:
    load_history = history([make_run(day(10), 5)])
    snap = load_history.snapshot(day(3), Settings())
    assert snap.history_days == 0
    assert snap.acute_load is None
    assert snap.chronic_load is None
    assert snap.load_ratio is None
    empty = LoadHistory(UTC).snapshot(day(3), Settings())
    assert empty.history_days == 0
    assert empty.weekly_distance_km == 0
    assert empty.safe_distance_today_km is None
    assert empty.monotony is None
    assert empty.risk is RiskLevel.LOW


def test_future_runs_are_outside_the_windows() -> None:
    load_history = history([make_run(day(0), 5), make_run(day(9), 7, shoe_id="a")])
    snap = load_history.snapshot(day(3), Settings())
    assert snap.weekly_distance_km == 5
    assert snap.acute_load == pytest.approx(5 * 0.75**3)
    assert snap.shoe_km == {"a": 7}  # shoes count every stored run


# --- session RPE --------------------------------------------------------------------


def test_run_load_session_rpe_and_fallback() -> None:
    full = make_run(day(0), 8, minutes=30, rpe=6)
    assert run_load(full, LoadBasis.DISTANCE) == 8
    assert run_load(full, LoadBasis.SESSION_RPE) == 180  # 30 min x RPE 6
    # without RPE or duration: km x 30 AU (6 min/km at RPE 5)
    assert FALLBACK_LOAD_PER_KM == 30
    assert run_load(make_run(day(0), 5, minutes=30), LoadBasis.SESSION_RPE) == 150
    assert run_load(make_run(day(0), 2, rpe=7), LoadBasis.SESSION_RPE) == 60
    assert run_load(make_run(day(0), 2, minutes=0, rpe=7), LoadBasis.SESSION_RPE) == 60


def test_session_rpe_daily_load_mixes_runs_and_fallback() -> None:
    runs = [
        make_run(day(0), 8, minutes=30, rpe=6, run_id="a"),  # 180
        make_run(day(0), 5, run_id="b", at=time(18)),  # fallback 150
    ]
    load_history = history(runs)
    settings = Settings(load_basis=LoadBasis.SESSION_RPE)
    snap = load_history.snapshot(day(0), settings)
    assert snap.weekly_distance_km == 13
    assert snap.acute_load == 330  # seeded with the first day's load
    # the same history read by distance, without a rebuild
    assert load_history.snapshot(day(0), Settings()).acute_load == 13


# --- weekly change, monotony and strain --------------------------------------------


def test_weekly_change_pct() -> None:
    assert weekly_change_pct(25, 20) == 25.0
    assert weekly_change_pct(15, 20) == -25.0
    assert weekly_change_pct(10, 0) is None


def test_weekly_change_in_snapshot() -> None:
    # previous week (days 0-6): 20 km; this week (days 7-13): 25 km
    runs = [make_run(day(0), 20), make_run(day(13), 25)]
    snap = history(runs).snapshot(day(13), Settings())
    assert snap.previous_week_distance_km == 20
    assert snap.weekly_distance_km == 25
    assert snap.weekly_change_pct == 25.0
    first_week = history([make_run(day(0), 20)]).snapshot(day(6), Settings())
    assert first_week.previous_week_distance_km == 0
    assert first_week.weekly_change_pct is None


def test_monotony_and_strain_with_sample_stdev() -> None:
    # loads 1..7: mean 4, sample variance (9+4+1+0+1+4+9)/6 = 14/3
    monotony, strain = monotony_and_strain([1, 2, 3, 4, 5, 6, 7])
    assert monotony == pytest.approx(4 / math.sqrt(14 / 3))  # 1.8516
    assert strain == pytest.approx(28 * 4 / math.sqrt(14 / 3))  # 51.85
    assert monotony_and_strain([5] * 7) == (None, None)


def test_monotony_in_snapshot_counts_rest_days() -> None:
    # 7 km on day 0 and 7 km on day 6, rest between: loads 7,0,0,0,0,0,7
    # mean 2; deviations 5,-2 x5,5: variance (25*2 + 4*5)/6 = 70/6
    snap = history([make_run(day(0), 7), make_run(day(6), 7)]).snapshot(
        day(6), Settings()
    )
    assert snap.weekly_distance_km == 14
    assert snap.monotony == pytest.approx(2 / math.sqrt(70 / 6))
    assert snap.strain == pytest.approx(14 * 2 / math.sqrt(70 / 6))
    steady = history(daily(day(0), [5] * 7)).snapshot(day(6), Settings())
    assert steady.monotony is None
    assert steady.strain is None


# --- surfaces and shoes --------------------------------------------------------------


def test_surface_shares_of_the_last_seven_days() -> None:
    runs = [
        make_run(day(0), 50, surface=Surface.ROAD),  # outside the week
        make_run(day(7), 4, surface=Surface.ROAD),
        make_run(day(8), 2, surface=Surface.TRACK),
        make_run(day(9), 3, surface=Surface.TRAIL),
        make_run(day(10), 1, surface=Surface.GRASS),
    ]
    snap = history(runs).snapshot(day(13), Settings())
    assert snap.weekly_distance_km == 10
    factors = {factor.key: factor for factor in snap.risk_factors}
    # hard: (4 + 2) / 10, uneven: 3 / 10
    assert factors["hard_surface"] == RiskFactor(
        "hard_surface", 60.0, None, RiskLevel.LOW
    )
    assert factors["uneven_surface"] == RiskFactor(
        "uneven_surface", 30.0, None, RiskLevel.LOW
    )
    rest_week = history(runs).snapshot(day(30), Settings())
    factors = {factor.key: factor for factor in rest_week.risk_factors}
    assert factors["hard_surface"].value is None
    assert factors["uneven_surface"].value is None


def test_shoe_wear_with_override_retired_and_default() -> None:
    settings = Settings(shoe_max_km=650)
    shoes = [
        Shoe(id="a", name="A", added=ADDED),  # 700 of 650: worn out
        Shoe(id="b", name="B", added=ADDED, max_km=300),  # 310 of 300: worn out
        Shoe(id="c", name="C", added=ADDED, max_km=1000),  # 700 of 1000
        Shoe(id="d", name="D", added=ADDED, retired=True),  # retired: ignored
        Shoe(id="e", name="E", added=ADDED, retired=True),  # retired default
    ]
    km = {"a": 700.0, "b": 310.0, "c": 700.0, "d": 900.0, "e": 100.0}
    wear = shoe_wear(km, shoes, "e", settings)
    # most worn first: 700/650 = 1.077, 310/300 = 1.033, 0.7, 100/650 = 0.154
    assert wear == (
        ShoeWear("a", 700.0, 650),
        ShoeWear("b", 310.0, 300),
        ShoeWear("c", 700.0, 1000),
        ShoeWear("e", 100.0, 650),
    )
    assert [item.worn_out for item in wear] == [True, True, False, False]
    # a default shoe missing from the list uses the runner's limit
    assert shoe_wear({"x": 650.0}, [], "x", settings) == (ShoeWear("x", 650.0, 650),)
    assert ShoeWear("x", 650.0, 650).worn_out  # at the limit counts as worn out
    assert shoe_wear({}, [], None, settings) == ()


def test_wear_of_one_shoe_follows_the_same_rule() -> None:
    settings = Settings(shoe_max_km=650)
    shoes = [
        Shoe(id="a", name="A", added=ADDED),
        Shoe(id="b", name="B", added=ADDED, max_km=300),
        Shoe(id="z", name="Z", added=ADDED, max_km=0),  # 0: no limit of its own
    ]
    assert shoe_limit_km(shoes[0], settings) == 650
    assert shoe_limit_km(shoes[1], settings) == 300
    assert shoe_limit_km(shoes[2], settings) == 650
    assert shoe_limit_km(None, settings) == 650
    km = {"a": 649.9, "b": 300.0}
    assert wear_of_shoe("a", km, shoes, settings) == ShoeWear("a", 649.9, 650)
    assert not wear_of_shoe("a", km, shoes, settings).worn_out
    assert wear_of_shoe("b", km, shoes, settings).worn_out  # its own limit reached
    # a shoe without runs, and one that is not on the list
    assert wear_of_shoe("z", km, shoes, settings) == ShoeWear("z", 0.0, 650)
    assert wear_of_shoe("gone", {"gone": 700.0}, shoes, settings).worn_out


def test_shoe_km_in_snapshot_and_wear_factor() -> None:
    shoes = [
        Shoe(id="old", name="Old", added=ADDED, max_km=20),
        Shoe(id="new", name="New", added=ADDED),
    ]
    runs = [
        make_run(day(0), 12.5, shoe_id="old"),
        make_run(day(1), 7.5, shoe_id="old"),
        make_run(day(2), 3, shoe_id="new"),
        make_run(day(3), 4),  # no shoe
    ]
    load_history = history(runs)
    snap = load_history.snapshot(day(3), Settings(), shoes=shoes)
    assert snap.shoe_km == {"old": 20, "new": 3}
    assert wear_of_shoe("old", snap.shoe_km, shoes, Settings()).worn_out
    assert not wear_of_shoe("new", snap.shoe_km, shoes, Settings()).worn_out
    factors = {factor.key: factor for factor in snap.risk_factors}
    assert factors["shoe_wear"] == RiskFactor("shoe_wear", 20, 20, RiskLevel.MODERATE)
    assert snap.risk is RiskLevel.MODERATE
    assert load_history.remove("1970-01-01") is False
    load_history.remove(runs[1])
    snap = load_history.snapshot(day(3), Settings(), shoes=shoes)
    assert snap.shoe_km == {"old": 12.5, "new": 3}
    assert not wear_of_shoe("old", snap.shoe_km, shoes, Settings()).worn_out
    load_history.remove(runs[2])
    assert load_history.shoe_km() == {"old": 12.5}


# --- safe distance -------------------------------------------------------------------


def test_safe_distance_ratio_limited() -> None:
    # 28 days of 10 km: acute = chronic = 10, previous week 70, this week 70.
    # weekly rule at 50 %: 105 - 70 = 35 km; ratio rule (EWMA):
    # (1.3*10 - 10) / (0.25 - 1.3*2/29) = 3 / (4.65/29) = 18.71 km
    load_history = history(daily(day(0), [10] * 28))
    snap = load_history.snapshot(day(27), Settings(weekly_increase_warning=50))
    assert snap.safe_distance_today_km == pytest.approx(87 / 4.65)
    assert snap.safe_distance_today_km == pytest.approx(3 / EWMA_DENOMINATOR)
    coupled = load_history.snapshot(
        day(27),
        Settings(weekly_increase_warning=50, acwr_method=AcwrMethod.ROLLING_COUPLED),
    )
    # 3 / (2.7/28) = 31.11 km (< 35)
    assert coupled.safe_distance_today_km == pytest.approx(3 / COUPLED_DENOMINATOR)
    assert coupled.safe_distance_today_km == pytest.approx(84 / 2.7)
    uncoupled = load_history.snapshot(
        day(27),
        Settings(weekly_increase_warning=50, acwr_method=AcwrMethod.ROLLING_UNCOUPLED),
    )
    # 3 / (1/7) = 21 km
    assert uncoupled.safe_distance_today_km == pytest.approx(21)


def test_safe_distance_weekly_limited() -> None:
    # same history, warning 10 %: 77 - 70 = 7 km, below the ratio rule's 18.71
    snap = history(daily(day(0), [10] * 28)).snapshot(day(27), Settings())
    assert snap.safe_distance_today_km == pytest.approx(7)


def test_safe_distance_under_28_days_uses_the_weekly_rule() -> None:
    # 14 days of 10 km: ratio undefined, weekly rule 70 * 1.1 - 70 = 7
    snap = history(daily(day(0), [10] * 14)).snapshot(day(13), Settings())
    assert snap.load_ratio is None
    assert snap.safe_distance_today_km == pytest.approx(7)
    # after a bigger week than allowed, nothing more today
    runs = [*daily(day(0), [10] * 14), make_run(day(13), 20, run_id="long")]
    snap = history(runs).snapshot(day(13), Settings())
    assert snap.safe_distance_today_km == 0


def test_safe_distance_without_any_basis_is_none() -> None:
    snap = history(daily(day(0), [5] * 3)).snapshot(day(2), Settings())
    assert snap.previous_week_distance_km == 0
    assert snap.safe_distance_today_km is None


def test_safe_distance_may_run_false_is_zero() -> None:
    load_history = history(daily(day(0), [10] * 28))
    snap = load_history.snapshot(day(27), Settings(), may_run=False)
    assert snap.safe_distance_today_km == 0
    empty = LoadHistory(UTC).snapshot(day(0), Settings(), may_run=False)
    assert empty.safe_distance_today_km == 0


def test_safe_distance_ratio_only_after_an_empty_week() -> None:
    # 14 days of 10 km then two empty weeks; uncoupled on day 27:
    # acute 0, chronic = 140/21 (days 0-20), previous week (14-20) = 0.
    # ratio rule only: (1.3 * 140/21 - 0) / (1/7) = 60.67 km
    settings = Settings(acwr_method=AcwrMethod.ROLLING_UNCOUPLED)
    snap = history(daily(day(0), [10] * 14)).snapshot(day(27), settings)
    assert snap.previous_week_distance_km == 0
    assert snap.load_ratio == 0
    assert snap.safe_distance_today_km == pytest.approx(1.3 * 140 / 21 * 7)
    # ratio 0 with an empty week before and after: not a jump, so low
    assert snap.risk_factors[0] == RiskFactor("load_ratio", 0, 0.8, RiskLevel.LOW)


def test_safe_distance_zero_when_the_ratio_is_already_high() -> None:
    # uncoupled ratio 2.0 (see test_rolling_coupled_and_uncoupled)
    runs = daily(day(0), [5] * 21 + [10] * 7)
    settings = Settings(
        acwr_method=AcwrMethod.ROLLING_UNCOUPLED, weekly_increase_warning=50
    )
    assert history(runs).snapshot(day(27), settings).safe_distance_today_km == 0


def test_safe_distance_session_rpe_uses_the_runners_load_per_km() -> None:
    # 28 days of 10 km in 60 min at RPE 4 = 240 AU/day, 24 AU per km.
    # ratio room in load: (1.3*240 - 240) / (4.65/29) = 72 / (4.65/29) = 449.03 AU
    # -> 449.03 / 24 = 18.71 km; weekly rule at 50 %: 35 km
    settings = Settings(load_basis=LoadBasis.SESSION_RPE, weekly_increase_warning=50)
    runs = daily(day(0), [10] * 28, minutes=60, rpe=4)
    snap = history(runs).snapshot(day(27), settings)
    assert snap.acute_load == pytest.approx(240)
    assert snap.safe_distance_today_km == pytest.approx(72 / EWMA_DENOMINATOR / 24)


def test_safe_distance_session_rpe_without_distance_uses_the_fallback_rate() -> None:
    # 28 days of 0 km treadmill sessions, 60 min at RPE 5 = 300 AU: no km to
    # learn a rate from, so 30 AU per km: (1.3*300 - 300) / (4.65/29) / 30 km
    settings = Settings(load_basis=LoadBasis.SESSION_RPE)
    runs = [
        make_run(day(offset), 0, minutes=60, rpe=5, run_id=f"t{offset}")
        for offset in range(28)
    ]
    snap = history(runs).snapshot(day(27), settings)
    assert snap.previous_week_distance_km == 0
    assert snap.safe_distance_today_km == pytest.approx(90 / EWMA_DENOMINATOR / 30)


# --- risk ----------------------------------------------------------------------------


def risk(**kwargs: object) -> tuple[RiskLevel, dict[str, RiskFactor]]:
    arguments: dict[str, object] = {
        "load_ratio": None,
        "weekly_distance_km": 0.0,
        "previous_week_distance_km": 0.0,
        "worst_shoe": None,
        "soreness": None,
        "hard_surface_pct": None,
        "uneven_surface_pct": None,
    }
    arguments.update(kwargs)
    overall, factors = assess_risk(Settings(), **arguments)  # type: ignore[arg-type]
    assert [factor.key for factor in factors] == [
        "load_ratio",
        "weekly_change",
        "shoe_wear",
        "soreness",
        "hard_surface",
        "uneven_surface",
    ]
    return overall, {factor.key: factor for factor in factors}


@pytest.mark.parametrize(
    ("ratio", "threshold", "level"),
    [
        (None, 1.3, RiskLevel.LOW),
        (0.8, 1.3, RiskLevel.LOW),
        (1.0, 1.3, RiskLevel.LOW),
        (1.3, 1.3, RiskLevel.LOW),
        (1.31, 1.3, RiskLevel.MODERATE),
        (1.5, 1.3, RiskLevel.MODERATE),
        (1.51, 1.5, RiskLevel.HIGH),
        (2.0, 1.5, RiskLevel.HIGH),
        (2.01, 2.0, RiskLevel.VERY_HIGH),
        (0.5, 0.8, RiskLevel.LOW),  # below the sweet spot without a jump
    ],
)
def test_ratio_factor(ratio: float | None, threshold: float, level: RiskLevel) -> None:
    # steady weeks: 20 km after 20 km
    overall, factors = risk(
        load_ratio=ratio, weekly_distance_km=20.0, previous_week_distance_km=20.0
    )
    assert factors["load_ratio"] == RiskFactor("load_ratio", ratio, threshold, level)
    assert overall is level


def test_low_ratio_after_a_layoff_is_moderate_when_the_week_jumps() -> None:
    # 0.5 and +20 % (above the 10 % warning): moderate
    _, factors = risk(
        load_ratio=0.5, weekly_distance_km=24.0, previous_week_distance_km=20.0
    )
    assert factors["load_ratio"].level is RiskLevel.MODERATE
    assert factors["load_ratio"].threshold == 0.8
    # 0.5 and distance after an empty week (no percentage): moderate
    _, factors = risk(
        load_ratio=0.5, weekly_distance_km=10.0, previous_week_distance_km=0.0
    )
    assert factors["load_ratio"].level is RiskLevel.MODERATE
    assert factors["weekly_change"] == RiskFactor(
        "weekly_change", None, 10, RiskLevel.LOW
    )
    # 0.5 and +10 % (not above the warning): low
    _, factors = risk(
        load_ratio=0.5, weekly_distance_km=22.0, previous_week_distance_km=20.0
    )
    assert factors["load_ratio"].level is RiskLevel.LOW


@pytest.mark.parametrize(
    ("week", "change", "threshold", "level"),
    [
        (22.0, 10.0, 10, RiskLevel.LOW),
        (16.0, -20.0, 10, RiskLevel.LOW),
        (22.2, 11.0, 10, RiskLevel.MODERATE),
        (26.0, 30.0, 10, RiskLevel.MODERATE),
        (26.2, 31.0, 30, RiskLevel.HIGH),
    ],
)
def test_weekly_change_factor(
    week: float, change: float, threshold: float, level: RiskLevel
) -> None:
    overall, factors = risk(weekly_distance_km=week, previous_week_distance_km=20.0)
    factor = factors["weekly_change"]
    assert factor.value == pytest.approx(change)
    assert (factor.threshold, factor.level) == (threshold, level)
    assert overall is level


@pytest.mark.parametrize(
    ("severity", "threshold", "level"),
    [
        (None, 1, RiskLevel.LOW),
        (0, 1, RiskLevel.LOW),
        (1, 1, RiskLevel.MODERATE),
        (3, 1, RiskLevel.MODERATE),
        (4, 4, RiskLevel.HIGH),
        (6, 4, RiskLevel.HIGH),
        (7, 7, RiskLevel.VERY_HIGH),
        (10, 7, RiskLevel.VERY_HIGH),
    ],
)
def test_soreness_factor(
    severity: int | None, threshold: float, level: RiskLevel
) -> None:
    overall, factors = risk(soreness=severity)
    value = None if severity is None else float(severity)
    assert factors["soreness"] == RiskFactor("soreness", value, threshold, level)
    assert overall is level


@pytest.mark.parametrize("severity", [-1, 11])
def test_soreness_out_of_range(severity: int) -> None:
    with pytest.raises(ValueError, match="between 0 and 10"):
        risk(soreness=severity)


def test_shoe_factor() -> None:
    _, factors = risk()
    assert factors["shoe_wear"] == RiskFactor("shoe_wear", None, 650, RiskLevel.LOW)
    _, factors = risk(worst_shoe=ShoeWear("a", 100.0, 650))
    assert factors["shoe_wear"] == RiskFactor("shoe_wear", 100.0, 650, RiskLevel.LOW)
    overall, factors = risk(worst_shoe=ShoeWear("a", 650.0, 650))
    assert factors["shoe_wear"].level is RiskLevel.MODERATE
    assert overall is RiskLevel.MODERATE


def test_surfaces_are_informational() -> None:
    overall, factors = risk(hard_surface_pct=100.0, uneven_surface_pct=100.0)
    assert factors["hard_surface"] == RiskFactor(
        "hard_surface", 100.0, None, RiskLevel.LOW
    )
    assert factors["uneven_surface"] == RiskFactor(
        "uneven_surface", 100.0, None, RiskLevel.LOW
    )
    assert overall is RiskLevel.LOW


def test_overall_is_the_highest_factor() -> None:
    overall, factors = risk(
        load_ratio=1.4,  # moderate
        weekly_distance_km=26.2,  # +31 %: high
        previous_week_distance_km=20.0,
        worst_shoe=ShoeWear("a", 700.0, 650),  # moderate
        soreness=2,  # moderate
    )
    assert overall is RiskLevel.HIGH
    assert sorted(
        list(RiskLevel).index(factor.level) for factor in factors.values()
    ) == [0, 0, 1, 1, 1, 2]
    overall, _ = risk(load_ratio=1.4, soreness=8)
    assert overall is RiskLevel.VERY_HIGH
    # the levels are declared lowest first: that order decides the overall level
    assert list(RiskLevel) == [
        RiskLevel.LOW,
        RiskLevel.MODERATE,
        RiskLevel.HIGH,
        RiskLevel.VERY_HIGH,
    ]


def test_snapshot_risk_uses_soreness_and_ratio() -> None:
    runs = daily(day(0), [5] * 21 + [10] * 7)
    settings = Settings(acwr_method=AcwrMethod.ROLLING_COUPLED)
    snap = history(runs).snapshot(day(27), settings, soreness=2)
    factors = {factor.key: factor for factor in snap.risk_factors}
    # ratio 1.6 (> 1.5): high; week 70 after 35: +100 %: high; soreness 2: moderate
    assert factors["load_ratio"].level is RiskLevel.HIGH
    assert factors["weekly_change"].value == 100
    assert factors["weekly_change"].level is RiskLevel.HIGH
    assert factors["soreness"].level is RiskLevel.MODERATE
    assert snap.risk is RiskLevel.HIGH


# --- incremental history -------------------------------------------------------------


def test_remove_restores_every_figure() -> None:
    shoes = [Shoe(id="s", name="S", added=ADDED)]
    runs = daily(day(0), [5, 0, 7.3, 6.1, 0, 9.9] * 6, shoe_id="s", minutes=40, rpe=5)
    load_history = history(runs)
    settings = Settings(load_basis=LoadBasis.SESSION_RPE)
    before = load_history.snapshot(day(35), settings, shoes=shoes)
    extra_today = make_run(day(35), 3.3, run_id="x1", shoe_id="s", at=time(20))
    extra_old = make_run(day(3), 1.7, run_id="x2", shoe_id="s", at=time(20))
    extra_new_shoe = make_run(day(10), 2.9, run_id="x3", shoe_id="t")
    for extra in (extra_today, extra_old, extra_new_shoe):
        load_history.add(extra)
    changed = load_history.snapshot(day(35), settings, shoes=shoes)
    assert changed != before
    assert load_history.remove(extra_old) is True
    assert load_history.remove("x1") is True
    assert load_history.remove(extra_new_shoe) is True
    assert load_history.remove("x1") is False
    assert load_history.snapshot(day(35), settings, shoes=shoes) == before
    assert hash(before) == hash(load_history.snapshot(day(35), settings, shoes=shoes))


def test_remove_the_first_and_only_runs() -> None:
    load_history = history([make_run(day(0), 10, run_id="a"), make_run(day(2), 4)])
    load_history.snapshot(day(2), Settings())
    assert load_history.remove("a")
    snap = load_history.snapshot(day(2), Settings())
    assert snap.history_days == 1  # the first day of history is day 2 now
    assert snap.acute_load == 4  # re-seeded with the new first day


def test_rebuild_with_nothing_empties_the_history() -> None:
    load_history = history([make_run(day(0), 10, run_id="a")])
    assert load_history.run_count == 1
    load_history.rebuild([])
    assert load_history.run_count == 0
    assert load_history.snapshot(day(2), Settings()).history_days == 0
    load_history.add(make_run(day(1), 3, run_id="b"))
    assert load_history.remove("b")
    snap = load_history.snapshot(day(2), Settings())
    assert (snap.history_days, snap.acute_load) == (0, None)


def test_add_with_a_known_id_replaces_the_run() -> None:
    load_history = LoadHistory(UTC)
    load_history.add(make_run(day(0), 10, run_id="a", shoe_id="s"))
    load_history.add(make_run(day(1), 4, run_id="a", shoe_id="s"))
    assert load_history.run_count == 1
    assert load_history.shoe_km() == {"s": 4}
    snap = load_history.snapshot(day(1), Settings())
    assert snap.weekly_distance_km == 4
    assert snap.history_days == 1  # day 0 has no run left


def test_add_before_the_first_day_reseeds() -> None:
    load_history = history([make_run(day(5), 4)])
    assert load_history.snapshot(day(5), Settings()).acute_load == 4
    load_history.add(make_run(day(3), 8))
    # 8, 0, 4 -> 8, 6, 0.25*4 + 0.75*6 = 5.5
    assert load_history.snapshot(day(5), Settings()).acute_load == 5.5
    assert load_history.snapshot(day(5), Settings()).history_days == 3


def test_rebuild_keeps_the_last_run_of_an_id_and_several_runs_a_day() -> None:
    runs = [
        make_run(day(0), 3, run_id="a", shoe_id="s"),
        make_run(day(0), 2, run_id="b", at=time(18), shoe_id="s"),
        make_run(day(0), 9, run_id="a", shoe_id="s"),  # replaces the first "a"
    ]
    load_history = history(runs)
    assert load_history.run_count == 2
    assert load_history.snapshot(day(0), Settings()).weekly_distance_km == 11
    assert load_history.shoe_km() == {"s": 11}


def test_local_day_bucketing_across_a_time_zone() -> None:
    plus_one = timezone(timedelta(hours=1))
    late = make_run(date(2024, 3, 5), 6, at=time(23, 30), tz=plus_one)
    early = make_run(date(2024, 3, 6), 4, at=time(0, 30), tz=plus_one)
    # 23:30 at UTC+1 is 22:30 UTC the same day; 00:30 is 23:30 UTC the day before
    assert late.start.astimezone(UTC).date() == date(2024, 3, 5)
    assert early.start.astimezone(UTC).date() == date(2024, 3, 5)

    def week_km(load_history: LoadHistory, when: date) -> float:
        return load_history.snapshot(when, Settings()).weekly_distance_km

    load_history = history([late, early], tz=plus_one)
    assert load_history.tz is plus_one
    # the week up to 4 March has no run, up to the 5th the late one, up to the 6th both
    assert [
        week_km(load_history, date(2024, 3, 4)),
        week_km(load_history, date(2024, 3, 5)),
        week_km(load_history, date(2024, 3, 6)),
    ] == [0, 6, 10]
    # the same runs bucketed in UTC fall on one day
    in_utc = history([late, early])
    assert [week_km(in_utc, date(2024, 3, 4)), week_km(in_utc, date(2024, 3, 5))] == [
        0,
        10,
    ]
    # a UTC-stamped run at 23:30 UTC is the next local day at UTC+1
    utc_late = history([make_run(date(2024, 3, 6), 5, at=time(23, 30))], plus_one)
    assert week_km(utc_late, date(2024, 3, 6)) == 0
    assert week_km(utc_late, date(2024, 3, 7)) == 5


class CountingList(list[float]):
    """A cache column that counts the values appended to it (EWMA day-steps)."""

    def __init__(self) -> None:
        super().__init__()
        self.appended = 0

    def append(self, value: float) -> None:
        self.appended += 1
        super().append(value)


def test_incremental_ewma_touches_only_the_changed_days() -> None:
    years = 20
    first = date(2004, 1, 1)
    days = 365 * years + 5
    runs = [
        make_run(first + timedelta(days=offset), 5 + offset % 7, run_id=f"r{offset}")
        for offset in range(days)
    ]
    load_history = history(runs)
    today = first + timedelta(days=days - 1)
    settings = Settings()
    # The cache holds an acute and a chronic column per basis: count the day-steps
    # computed into the acute one.
    acute = CountingList()
    load_history._ewma[LoadBasis.DISTANCE] = (acute, [])

    def computed() -> int:
        return acute.appended

    load_history.snapshot(today, settings)
    assert computed() == days  # the cold cache, once

    # a warm snapshot computes nothing
    count = computed()
    load_history.snapshot(today, settings)
    assert computed() == count

    # logging a run today recomputes today only
    load_history.add(make_run(today, 3, run_id="today", at=time(19)))
    load_history.snapshot(today, settings)
    assert computed() - count <= 2

    # the next day adds one day
    count = computed()
    load_history.snapshot(today + timedelta(days=1), settings)
    assert computed() - count == 1

    # a run three years back recomputes from that day on
    count = computed()
    load_history.add(make_run(today - timedelta(days=3 * 365), 2, run_id="old"))
    load_history.snapshot(today + timedelta(days=1), settings)
    assert computed() - count == 3 * 365 + 2


def test_incremental_ewma_equals_the_reference() -> None:
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not security
    load_history = LoadHistory(UTC)
    today = day(120)
    settings = Settings()
    added: list[Run] = []
    for step in range(200):
        if added and rng.random() < 0.3:
            load_history.remove(added.pop(rng.randrange(len(added))))
        else:
            run = make_run(
                day(rng.randrange(1, 121)),
                round(rng.uniform(1, 20), 2),
                run_id=f"r{step}",
                at=time(rng.randrange(24)),
            )
            load_history.add(run)
            added.append(run)
        snap = load_history.snapshot(today, settings)
        if not added:
            assert snap.acute_load is None
            continue
        # the daily series from the first run's day to today, rest days as 0
        totals: dict[date, float] = {}
        for each in added:
            start = each.start.date()
            totals[start] = totals.get(start, 0.0) + each.distance_km
        first = min(totals)
        series = [
            totals.get(first + timedelta(days=offset), 0.0)
            for offset in range((today - first).days + 1)
        ]
        assert snap.history_days == len(series)
        assert snap.acute_load == pytest.approx(reference_ewma(series, 7), rel=1e-12)
        assert snap.chronic_load == pytest.approx(reference_ewma(series, 28), rel=1e-12)


# --- archived days -------------------------------------------------------------------


def _mixed_runs(days: int) -> list[Run]:
    rng = random.Random(11)  # noqa: S311 - reproducible test data, not security
    return [
        make_run(
            day(offset),
            round(rng.uniform(2, 18), 2),
            run_id=f"m{offset}-{index}",
            at=time(6 + index * 10, rng.randrange(60)),
            minutes=rng.choice((None, 25.0, 48.5, 70.0)),
            rpe=rng.choice((None, 3, 6, 9)),
            surface=rng.choice(list(Surface)),
            shoe_id=rng.choice((None, "s1", "s2")),
        )
        for offset in range(days)
        for index in range(rng.choice((0, 1, 1, 2)))
    ]


@pytest.mark.parametrize("cutoff", [0, 1, 150, 299, 300])
def test_archived_days_give_every_figure_of_the_full_history(cutoff: int) -> None:
    runs = _mixed_runs(300)
    full = history(runs)
    before = day(cutoff).toordinal()
    old = [run for run in runs if run.start.toordinal() < before]
    recent = [run for run in runs if run.start.toordinal() >= before]
    seeded = LoadHistory(UTC)
    seeded.rebuild(recent, ArchivedLoad.from_runs(old, UTC, before))
    assert seeded.run_count == full.run_count == len(runs)
    assert seeded.shoe_km() == full.shoe_km()
    shoes = [Shoe(id="s1", name="One", added=ADDED, max_km=300)]
    for method in AcwrMethod:
        for basis in LoadBasis:
            settings = Settings(acwr_method=method, load_basis=basis)
            for today in (day(0), day(40), day(cutoff), day(299), day(320)):
                assert seeded.snapshot(today, settings, shoes=shoes) == full.snapshot(
                    today, settings, shoes=shoes
                ), (method, basis, today)
    # every day's figures, for the day-by-day rolling windows of both bases
    for basis in LoadBasis:
        settings = Settings(acwr_method=AcwrMethod.ROLLING_COUPLED, load_basis=basis)
        for offset in range(300):
            assert seeded.snapshot(day(offset), settings) == full.snapshot(
                day(offset), settings
            ), (basis, offset)
    # recent runs still come and go one by one, exactly
    last_day = day(max(cutoff, 299))
    extra = make_run(last_day, 4.4, run_id="extra", shoe_id="s1", at=time(22))
    for each in (seeded, full):
        each.add(extra)
    assert seeded.snapshot(last_day, Settings()) == full.snapshot(last_day, Settings())
    for each in (seeded, full):
        assert each.remove("extra")
        last = recent[-1] if recent else None
        if last is not None:
            assert each.remove(last)
    assert seeded.snapshot(last_day, Settings()) == full.snapshot(last_day, Settings())
    assert seeded.shoe_km() == full.shoe_km()


def test_runs_on_archived_days_are_refused() -> None:
    old = [make_run(day(0), 5, run_id="a", shoe_id="s")]
    archived = ArchivedLoad.from_runs(old, UTC, day(10).toordinal())
    seeded = LoadHistory(UTC)
    with pytest.raises(ValueError, match="archived day"):
        seeded.rebuild([make_run(day(9), 3)], archived)
    seeded.rebuild([], archived)
    assert seeded.run_count == 1  # the archived run counts
    assert seeded.shoe_km() == {"s": 5}
    with pytest.raises(ValueError, match="archived day"):
        seeded.add(make_run(day(9), 3))
    assert seeded.remove("a") is False  # archived runs are not held one by one
    seeded.add(make_run(day(10), 3, run_id="b", shoe_id="s"))
    assert seeded.run_count == 2
    assert seeded.shoe_km() == {"s": 8}
    assert seeded.remove("b")
    assert seeded.shoe_km() == {"s": 5}  # the archived part of the shoe stays
    assert seeded.snapshot(day(10), Settings()).history_days == 11  # from day 0


def test_archived_load_is_validated() -> None:
    with pytest.raises(ValueError, match="one value per day"):
        ArchivedLoad(before=10, days=[1, 2], km=[1.0])
    with pytest.raises(ValueError, match="before the cutoff"):
        ArchivedLoad(
            before=2, days=[2], km=[1.0], rpe_load=[30.0], hard_km=[1.0], uneven_km=[0]
        )
    with pytest.raises(ValueError, match="same shoes"):
        ArchivedLoad(before=2, shoe_mm={"s": 1})
