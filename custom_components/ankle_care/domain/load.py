"""Training load from runs: workload ratio, weekly change, monotony, shoes and risk.

The article names three external triggers of ankle soreness: "too much, too soon"
(a sudden increase in training volume), worn-out shoes, and hard or uneven surfaces.
This module turns the runner's runs into figures for each of them and a risk level
that always comes with the factors behind it.

Daily load series
    One value per local calendar day of the runner (``run.start.astimezone(tz)``);
    days without a run are rest days with load 0. With ``LoadBasis.DISTANCE`` a day's
    load is its distance in km. With ``LoadBasis.SESSION_RPE`` a run's load is
    duration in minutes x RPE (Foster et al. 2001, arbitrary units, AU). A run
    without a positive duration or without a positive RPE falls back to its distance
    scaled by ``FALLBACK_LOAD_PER_KM`` = 30 AU per km: 6 minutes per km (an easy
    pace) at RPE 5 (the middle of the 1-10 scale). The scaling keeps such runs in the
    same units as the others, so mixing them does not distort the ratio.

Acute:chronic workload ratio (ACWR), 7 and 28 days
    ``ewma`` (default, Williams et al. 2017): lambda = 2 / (N + 1) with N = 7 and 28,
    ``EWMA_today = lambda * load_today + (1 - lambda) * EWMA_yesterday``; both
    averages are seeded with the load of the first day of history (the local day of
    the earliest run). ``rolling_coupled`` (Gabbett 2016): mean of the last 7 days /
    mean of the last 28 days. ``rolling_uncoupled`` (Lolli et al. 2019): mean of the
    last 7 days / mean of the 21 days before them. "Last 7 days" is today and the 6
    days before. The ratio is ``None`` until 28 days of history exist (first run's
    day to today inclusive, imported runs count) and when the chronic load is 0.
    Acute and chronic loads are reported from the first day of history on (for the
    rolling methods they are the daily means of the windows, days before the first
    run counting as 0). Runs dated after ``today`` are left out of every window.

Week-on-week change, monotony and strain
    Distance of the last 7 days against the 7 days before, in percent (``None`` when
    the earlier week is 0). Monotony (Foster 1998) is the mean daily load of the last
    7 days divided by their sample standard deviation (computed directly, as ``statistics.stdev`` would); strain
    is the week's load x monotony; both are ``None`` when the deviation is 0 (no
    runs at all, or the same load every day).

Shoes and surfaces
    Distance per ``run.shoe_id`` over all runs (runs without a shoe are not given to
    any shoe; the default shoe is stored on the run when it is logged). Shares of the
    last 7 days' distance run on hard (road, track) and uneven (trail) surfaces.

Safe distance today
    The longest additional run today (km, >= 0) that keeps the ratio of the selected
    method at or below ``SAFE_RATIO_MAX`` (1.3) and the last 7 days' distance within
    ``weekly_increase_warning`` percent of the 7 days before. Each rule only applies
    when it has a basis: the weekly rule needs a non-zero earlier week; the ratio
    rule needs a defined ratio (28 days of history and a non-zero chronic load).
    With one rule the limit is that rule's; with neither the result is ``None`` (no
    basis to give a number). It is 0 when the caller says the runner may not run.
    With session-RPE the added run is converted to load at the runner's own load per
    km over the last 28 days (``FALLBACK_LOAD_PER_KM`` when there is none), and the
    ratio rule is solved in load and converted back to km. Adding ``a`` load today
    raises the acute load by ``alpha * a`` and the chronic load by ``gamma * a``
    (EWMA: alpha = 2/8, gamma = 2/29; coupled: 1/7 and 1/28; uncoupled: 1/7 and 0),
    so the largest ``a`` is ``(1.3 * chronic - acute) / (alpha - 1.3 * gamma)``.

Risk
    Every factor is returned with its value, the threshold it was compared against
    and its level; the overall level is the highest factor level. The ratio is
    context, not a diagnosis (Impellizzeri et al. 2020): the levels are prompts to
    look at the week, and an undefined figure never raises the level.

Performance
    ``LoadHistory`` keeps daily totals in dicts keyed by the day's ordinal and per-shoe
    totals as integers (exact, so removing a run restores the figures bit for bit).
    The EWMA values are cached per day and per basis, and a change on a day only
    drops the cached values from that day on, so logging a run today recomputes one
    day whatever the length of the history. ``snapshot()`` reads at most 28 days plus
    any uncached EWMA days.

Archived days
    Runs older than a cutoff day can be kept elsewhere (the archive) and given to
    ``rebuild`` as ``ArchivedLoad``: fixed per-day totals (columnar) with the shoe
    totals and the run count, without ``Run`` objects. Those days count for every
    figure exactly as if their runs were loaded (the EWMA still starts on the first
    day of history); they are only replaced as a whole by another ``rebuild``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
import math
from types import MappingProxyType
from typing import TYPE_CHECKING

from .records import Surface
from .settings import AcwrMethod, LoadBasis

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import tzinfo

    from .records import Run, Shoe
    from .settings import Settings

# Acute and chronic windows in days: 1 week and 4 weeks (Gabbett 2016).
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
# The ratio is only reported once a full chronic window of history exists.
MIN_HISTORY_DAYS = CHRONIC_DAYS
# Impellizzeri et al. 2020: the ratio is context, not a diagnosis; the levels below
# are prompts to look at the training week, never a verdict on an injury.
# Monotony and strain (Foster 1998) are reported over the acute week, no thresholds.
# EWMA decay lambda = 2 / (N + 1) (Williams et al. 2017).
EWMA_ACUTE_LAMBDA = 2 / (ACUTE_DAYS + 1)
EWMA_CHRONIC_LAMBDA = 2 / (CHRONIC_DAYS + 1)
# Gabbett 2016: ratio 0.8-1.3 is the "sweet spot" ...
SWEET_SPOT_LOW = 0.8
SWEET_SPOT_HIGH = 1.3
# ... and above 1.5 the "danger zone" (Gabbett 2016).
DANGER_ZONE = 1.5
# Above twice the chronic load: very high. A project level, not a published cut-off;
# in Gabbett 2016 the risk keeps rising past the 1.5 danger zone.
VERY_HIGH_RATIO = 2.0
# Safe distance keeps the ratio at or below the top of the sweet spot (Gabbett 2016).
SAFE_RATIO_MAX = SWEET_SPOT_HIGH
# Session-RPE fallback (Foster et al. 2001 load = minutes x RPE): a run without
# duration or RPE counts as 6 min/km at RPE 5 (mid-scale), i.e. 30 AU per km.
FALLBACK_MINUTES_PER_KM = 6.0
FALLBACK_RPE = 5
FALLBACK_LOAD_PER_KM = FALLBACK_MINUTES_PER_KM * FALLBACK_RPE
# Surfaces named by the article: hard surfaces raise impact forces, uneven trails
# raise the risk of a sprain. Treadmill, grass and mixed count as neither.
HARD_SURFACES = frozenset({Surface.ROAD, Surface.TRACK})
UNEVEN_SURFACES = frozenset({Surface.TRAIL})
# Current soreness, 0-10 numeric rating scale, common pain bands: 1-3 mild,
# 4-6 moderate, 7-10 severe, mapped to moderate / high / very high risk.
SORENESS_MODERATE_FROM = 1
SORENESS_HIGH_FROM = 4
SORENESS_VERY_HIGH_FROM = 7
SORENESS_MAX = 10

_MM_PER_KM = 1_000_000  # shoe totals are kept in whole millimetres, exactly


class RiskLevel(StrEnum):
    """How strongly the figures suggest easing off, lowest first."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


_RISK_RANK: dict[RiskLevel, int] = {level: rank for rank, level in enumerate(RiskLevel)}


@dataclass(frozen=True, slots=True)
class RiskFactor:
    """One reason behind the risk level: a figure, what it was compared to, a level.

    ``value`` is ``None`` when the figure is undefined (then the level is low).
    ``threshold`` is the limit that decided the level (for a low level, the limit
    that would raise it), or ``None`` for an informational factor.
    """

    key: str
    value: float | None
    threshold: float | None
    level: RiskLevel


@dataclass(frozen=True, slots=True)
class ShoeWear:
    """Distance on one shoe against the distance after which it counts as worn out.

    The limit comes from ``shoe_limit_km``; ``worn_out`` is the one rule of a worn-out
    shoe, read by the risk factor and by the shoe entities alike.
    """

    shoe_id: str
    km: float
    limit_km: float

    @property
    def worn_out(self) -> bool:
        """Return whether the shoe has reached its wear limit."""
        return self.km >= self.limit_km


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadSnapshot:
    """Every load figure for one local day; ``None`` marks an undefined figure."""

    acwr_method: AcwrMethod
    history_days: int
    acute_load: float | None
    chronic_load: float | None
    load_ratio: float | None
    weekly_distance_km: float
    previous_week_distance_km: float
    weekly_change_pct: float | None
    monotony: float | None
    strain: float | None
    shoe_km: Mapping[str, float] = field(hash=False)
    safe_distance_today_km: float | None
    risk: RiskLevel
    risk_factors: tuple[RiskFactor, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchivedLoad:
    """Fixed daily totals of runs kept out of memory, as ``LoadHistory`` holds them.

    ``days`` are the sorted local days (ordinals) with runs, all before ``before``;
    ``km``, ``rpe_load`` (session-RPE basis), ``hard_km`` and ``uneven_km`` are
    parallel to ``days``. ``shoe_mm`` and ``shoe_runs`` are the per-shoe totals
    (whole millimetres, run counts) and ``runs`` the number of runs.
    """

    before: int
    runs: int = 0
    days: Sequence[int] = ()
    km: Sequence[float] = ()
    rpe_load: Sequence[float] = ()
    hard_km: Sequence[float] = ()
    uneven_km: Sequence[float] = ()
    shoe_mm: Mapping[str, int] = field(default_factory=dict)
    shoe_runs: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Reject columns of different lengths and days on or after ``before``."""
        columns = (self.km, self.rpe_load, self.hard_km, self.uneven_km)
        if any(len(column) != len(self.days) for column in columns):
            raise ValueError("archived columns must have one value per day")
        if self.days and self.days[-1] >= self.before:
            raise ValueError("archived days must lie before the cutoff")
        if set(self.shoe_mm) != set(self.shoe_runs):
            raise ValueError("archived shoe totals must name the same shoes")

    @classmethod
    def from_runs(cls, runs: Iterable[Run], tz: tzinfo, before: int) -> ArchivedLoad:
        """Total runs (in time order) that all started before the day ``before``.

        The totals are computed as ``LoadHistory.rebuild`` computes them, so a
        history seeded with them holds the same figures as one with the runs.
        """
        history = LoadHistory(tz)
        history.rebuild(runs)
        days = history._ordinals  # noqa: SLF001 - the same module's internals
        return cls(
            before=before,
            runs=history.run_count,
            days=list(days),
            km=[history._km[day] for day in days],  # noqa: SLF001
            rpe_load=[history._rpe_load[day] for day in days],  # noqa: SLF001
            hard_km=[history._hard_km[day] for day in days],  # noqa: SLF001
            uneven_km=[history._uneven_km[day] for day in days],  # noqa: SLF001
            shoe_mm=dict(history._shoe_mm),  # noqa: SLF001
            shoe_runs=dict(history._shoe_runs),  # noqa: SLF001
        )


def run_load(run: Run, basis: LoadBasis) -> float:
    """Return one run's training load in the given basis.

    Distance: km. Session-RPE: minutes x RPE (Foster et al. 2001), or km x
    ``FALLBACK_LOAD_PER_KM`` when the duration or the RPE is missing or not positive.
    """
    if basis is LoadBasis.SESSION_RPE:
        minutes = run.duration_minutes
        rpe = run.rpe
        if minutes is not None and rpe is not None and minutes > 0 and rpe > 0:
            return minutes * rpe
        return run.distance_km * FALLBACK_LOAD_PER_KM
    return run.distance_km


def weekly_change_pct(weekly_km: float, previous_week_km: float) -> float | None:
    """Return the week-on-week distance change in percent, ``None`` without a basis."""
    if previous_week_km == 0:
        return None
    return (weekly_km - previous_week_km) * 100 / previous_week_km


def monotony_and_strain(loads: Sequence[float]) -> tuple[float | None, float | None]:
    """Return training monotony and strain of daily loads (Foster 1998).

    Monotony = mean / sample standard deviation; strain = total load x monotony.
    Both are ``None`` when the deviation is 0.
    """
    # The sample standard deviation, computed directly: statistics.stdev works in
    # exact fractions and costs more than the rest of a snapshot.
    if len(loads) < 2 or max(loads) == min(loads):
        return None, None
    total = math.fsum(loads)
    mean = total / len(loads)
    deviation = math.sqrt(
        math.fsum((load - mean) ** 2 for load in loads) / (len(loads) - 1)
    )
    monotony = mean / deviation
    return monotony, total * monotony


def shoe_limit_km(shoe: Shoe | None, settings: Settings) -> float:
    """Return the distance after which a shoe counts as worn out, km.

    The shoe's own ``max_km`` when set (and not 0), else the runner's
    ``settings.shoe_max_km`` (also for a shoe that is not on the list, ``None``).
    """
    if shoe is not None and shoe.max_km:
        return shoe.max_km
    return settings.shoe_max_km


def wear_of_shoe(
    shoe_id: str,
    shoe_km: Mapping[str, float],
    shoes: Iterable[Shoe],
    settings: Settings,
) -> ShoeWear:
    """Return one shoe's distance (0 without runs) against its wear limit."""
    shoe = next((shoe for shoe in shoes if shoe.id == shoe_id), None)
    return ShoeWear(shoe_id, shoe_km.get(shoe_id, 0.0), shoe_limit_km(shoe, settings))


def shoe_wear(
    shoe_km: Mapping[str, float],
    shoes: Iterable[Shoe],
    default_shoe_id: str | None,
    settings: Settings,
) -> tuple[ShoeWear, ...]:
    """Return the wear of every shoe in use, most worn (share of its limit) first.

    In use: every shoe that is not retired, plus the default shoe even when retired
    or unknown (new runs without a shoe will be logged on it). Each limit is
    ``shoe_limit_km``'s.
    """
    limits: dict[str, float] = {}
    for shoe in shoes:
        if not shoe.retired or shoe.id == default_shoe_id:
            limits[shoe.id] = shoe_limit_km(shoe, settings)
    if default_shoe_id is not None and default_shoe_id not in limits:
        limits[default_shoe_id] = shoe_limit_km(None, settings)
    wear = [
        ShoeWear(shoe_id, shoe_km.get(shoe_id, 0.0), limit)
        for shoe_id, limit in limits.items()
    ]
    wear.sort(key=lambda item: item.km / item.limit_km, reverse=True)
    return tuple(wear)


def _ratio_factor(ratio: float | None, jumped: bool) -> RiskFactor:
    level = RiskLevel.LOW
    threshold = SWEET_SPOT_HIGH
    if ratio is None:
        pass
    elif ratio > VERY_HIGH_RATIO:
        level, threshold = RiskLevel.VERY_HIGH, VERY_HIGH_RATIO
    elif ratio > DANGER_ZONE:
        level, threshold = RiskLevel.HIGH, DANGER_ZONE
    elif ratio > SWEET_SPOT_HIGH:
        level = RiskLevel.MODERATE
    elif ratio < SWEET_SPOT_LOW:
        # Below the sweet spot after a layoff: only a jump in the week makes it risky.
        threshold = SWEET_SPOT_LOW
        level = RiskLevel.MODERATE if jumped else RiskLevel.LOW
    return RiskFactor("load_ratio", ratio, threshold, level)


def _weekly_factor(change: float | None, settings: Settings) -> RiskFactor:
    warning = settings.weekly_increase_warning
    high = settings.weekly_increase_high
    if change is not None and change > high:
        return RiskFactor("weekly_change", change, high, RiskLevel.HIGH)
    if change is not None and change > warning:
        return RiskFactor("weekly_change", change, warning, RiskLevel.MODERATE)
    return RiskFactor("weekly_change", change, warning, RiskLevel.LOW)


def _shoe_factor(worst_shoe: ShoeWear | None, settings: Settings) -> RiskFactor:
    if worst_shoe is None:
        return RiskFactor("shoe_wear", None, settings.shoe_max_km, RiskLevel.LOW)
    level = RiskLevel.MODERATE if worst_shoe.worn_out else RiskLevel.LOW
    return RiskFactor("shoe_wear", worst_shoe.km, worst_shoe.limit_km, level)


def _soreness_factor(soreness: int | None) -> RiskFactor:
    if soreness is None or soreness < SORENESS_MODERATE_FROM:
        level, threshold = RiskLevel.LOW, SORENESS_MODERATE_FROM
    elif soreness >= SORENESS_VERY_HIGH_FROM:
        level, threshold = RiskLevel.VERY_HIGH, SORENESS_VERY_HIGH_FROM
    elif soreness >= SORENESS_HIGH_FROM:
        level, threshold = RiskLevel.HIGH, SORENESS_HIGH_FROM
    else:
        level, threshold = RiskLevel.MODERATE, SORENESS_MODERATE_FROM
    value = None if soreness is None else float(soreness)
    return RiskFactor("soreness", value, float(threshold), level)


def assess_risk(
    settings: Settings,
    *,
    load_ratio: float | None,
    weekly_distance_km: float,
    previous_week_distance_km: float,
    worst_shoe: ShoeWear | None,
    soreness: int | None,
    hard_surface_pct: float | None,
    uneven_surface_pct: float | None,
) -> tuple[RiskLevel, tuple[RiskFactor, ...]]:
    """Return the overall risk level and every factor behind it.

    - ``load_ratio``: sweet spot 0.8-1.3 low, above 1.3 moderate, above 1.5 high,
      above 2.0 very high; below 0.8 moderate only when the week jumped (weekly
      change above the warning, or a week with distance after an empty one),
      otherwise low. Undefined: low.
    - ``weekly_change``: above ``weekly_increase_warning`` moderate, above
      ``weekly_increase_high`` high; undefined: low.
    - ``shoe_wear``: the most worn shoe in use; moderate once worn out.
    - ``soreness`` (0-10): 1-3 moderate, 4-6 high, 7-10 very high.
    - ``hard_surface`` / ``uneven_surface``: informational shares, always low (the
      article names no amount; flagging every road runner would hide load spikes).

    The overall level is the highest factor level.
    """
    if soreness is not None and not 0 <= soreness <= SORENESS_MAX:
        raise ValueError("soreness must be between 0 and 10")
    change = weekly_change_pct(weekly_distance_km, previous_week_distance_km)
    jumped = (change is not None and change > settings.weekly_increase_warning) or (
        previous_week_distance_km == 0 and weekly_distance_km > 0
    )
    factors = (
        _ratio_factor(load_ratio, jumped),
        _weekly_factor(change, settings),
        _shoe_factor(worst_shoe, settings),
        _soreness_factor(soreness),
        RiskFactor("hard_surface", hard_surface_pct, None, RiskLevel.LOW),
        RiskFactor("uneven_surface", uneven_surface_pct, None, RiskLevel.LOW),
    )
    overall = max((factor.level for factor in factors), key=_RISK_RANK.__getitem__)
    return overall, factors


def _share_pct(part: float, whole: float) -> float | None:
    return None if whole == 0 else part / whole * 100


def _total(totals: Mapping[int, float], start: int, stop: int) -> float:
    """Return the sum of daily totals from day ``start`` up to, not with, ``stop``."""
    return sum(totals.get(day, 0.0) for day in range(start, stop))


@dataclass(frozen=True, slots=True)
class _WorkloadRatio:
    """Acute and chronic load, their ratio and the distance it leaves today (km)."""

    acute: float | None = None
    chronic: float | None = None
    ratio: float | None = None
    room_km: float | None = None


def _safe_distance_km(
    weekly_km: float,
    previous_km: float,
    ratio_room_km: float | None,
    settings: Settings,
    *,
    may_run: bool,
) -> float | None:
    """Return the safe distance today: the tightest rule that applies (see above)."""
    if not may_run:
        return 0.0
    limits: list[float] = []
    if previous_km > 0:
        allowed = previous_km * (1 + settings.weekly_increase_warning / 100)
        limits.append(max(allowed - weekly_km, 0.0))
    if ratio_room_km is not None:
        limits.append(ratio_room_km)
    return min(limits) if limits else None


class LoadHistory:
    """Daily load totals of one runner, kept up to date run by run.

    ``add``, ``remove`` and ``rebuild`` change the runs; ``snapshot`` reads the
    figures for a day. ``rebuild`` may also seed archived days (``ArchivedLoad``);
    runs on those days cannot be added or removed one by one. Both bases are kept,
    so a change of ``load_basis`` in the settings needs no rebuild. A change of time
    zone does: build a new history.
    """

    def __init__(self, tz: tzinfo) -> None:
        """Start an empty history bucketed in the runner's time zone ``tz``."""
        self._tz = tz
        self._runs: dict[str, Run] = {}
        self._day_runs: dict[int, dict[str, Run]] = {}
        self._ordinals: list[int] = []  # sorted days (ordinals) that have runs
        self._km: dict[int, float] = {}
        self._rpe_load: dict[int, float] = {}
        self._hard_km: dict[int, float] = {}
        self._uneven_km: dict[int, float] = {}
        self._shoe_mm: dict[str, int] = {}
        self._shoe_runs: dict[str, int] = {}
        self._archived: ArchivedLoad | None = None
        # basis -> (acute, chronic) EWMA per day from the first day of history
        self._ewma: dict[LoadBasis, tuple[list[float], list[float]]] = {}

    @property
    def tz(self) -> tzinfo:
        """Return the time zone the days are bucketed in."""
        return self._tz

    @property
    def run_count(self) -> int:
        """Return how many runs the history holds, archived ones included."""
        archived = self._archived.runs if self._archived is not None else 0
        return len(self._runs) + archived

    def _check_not_archived(self, ordinal: int) -> None:
        if self._archived is not None and ordinal < self._archived.before:
            raise ValueError("a run on an archived day cannot be added")

    def _ordinal(self, run: Run) -> int:
        return run.start.astimezone(self._tz).toordinal()

    def add(self, run: Run) -> None:
        """Add a run; a run with the id of a stored one replaces it."""
        if run.id in self._runs:
            self.remove(run.id)
        ordinal = self._ordinal(run)
        self._check_not_archived(ordinal)
        self._runs[run.id] = run
        day = self._day_runs.get(ordinal)
        if day is None:
            first_before = self._ordinals[0] if self._ordinals else None
            self._day_runs[ordinal] = {run.id: run}
            bisect.insort(self._ordinals, ordinal)
            if self._ordinals[0] != first_before:
                self._ewma.clear()  # the series starts on another day now
        else:
            day[run.id] = run
        self._invalidate_from(ordinal)
        self._total_day(ordinal)
        self._count_shoe(run, 1)

    def remove(self, run: Run | str) -> bool:
        """Remove a run (or a run id); return whether it was there."""
        run_id = run if isinstance(run, str) else run.id
        stored = self._runs.pop(run_id, None)
        if stored is None:
            return False
        ordinal = self._ordinal(stored)
        day = self._day_runs[ordinal]
        del day[run_id]
        self._invalidate_from(ordinal)
        if not day:
            del self._day_runs[ordinal]
            index = bisect.bisect_left(self._ordinals, ordinal)
            del self._ordinals[index]
            if index == 0:
                self._ewma.clear()  # the first day of history moved
        self._total_day(ordinal)
        self._count_shoe(stored, -1)
        return True

    def rebuild(
        self, runs: Iterable[Run], archived: ArchivedLoad | None = None
    ) -> None:
        """Replace every run (on setup or import); later duplicates of an id win.

        ``archived`` seeds the days before ``archived.before`` with fixed totals;
        every run must then start on or after that day.
        """
        by_id = {run.id: run for run in runs}
        tz = self._tz
        day_runs: dict[int, dict[str, Run]] = {}
        shoe_mm: dict[str, int] = {}
        shoe_runs: dict[str, int] = {}
        if archived is not None:
            shoe_mm.update(archived.shoe_mm)
            shoe_runs.update(archived.shoe_runs)
        first_recent = archived.before if archived is not None else None
        for run_id, run in by_id.items():
            ordinal = run.start.astimezone(tz).toordinal()
            if first_recent is not None and ordinal < first_recent:
                raise ValueError("a run on an archived day cannot be added")
            day = day_runs.get(ordinal)
            if day is None:
                day_runs[ordinal] = {run_id: run}
            else:
                day[run_id] = run
            shoe_id = run.shoe_id
            if shoe_id is not None:
                shoe_mm[shoe_id] = shoe_mm.get(shoe_id, 0) + _mm(run.distance_km)
                shoe_runs[shoe_id] = shoe_runs.get(shoe_id, 0) + 1
        self._runs = by_id
        self._day_runs = day_runs
        recent_days = sorted(day_runs)
        self._archived = archived
        if archived is None:
            self._ordinals = recent_days
            self._km = {}
            self._rpe_load = {}
            self._hard_km = {}
            self._uneven_km = {}
        else:
            days = archived.days
            self._ordinals = [*days, *recent_days]
            self._km = dict(zip(days, archived.km, strict=True))
            self._rpe_load = dict(zip(days, archived.rpe_load, strict=True))
            self._hard_km = dict(zip(days, archived.hard_km, strict=True))
            self._uneven_km = dict(zip(days, archived.uneven_km, strict=True))
        for ordinal in recent_days:
            self._total_day(ordinal)
        self._shoe_mm = shoe_mm
        self._shoe_runs = shoe_runs
        self._ewma.clear()

    def _invalidate_from(self, ordinal: int) -> None:
        """Drop the cached EWMA values from ``ordinal`` on (the first day is set)."""
        index = ordinal - self._ordinals[0]
        for acute, chronic in self._ewma.values():
            del acute[index:]
            del chronic[index:]

    def _total_day(self, ordinal: int) -> None:
        runs = self._day_runs.get(ordinal)
        if not runs:
            for totals in (self._km, self._rpe_load, self._hard_km, self._uneven_km):
                totals.pop(ordinal, None)
            return
        km = rpe_load = hard = uneven = 0.0
        for run in runs.values():
            distance = run.distance_km
            km += distance
            rpe_load += run_load(run, LoadBasis.SESSION_RPE)
            if run.surface in HARD_SURFACES:
                hard += distance
            elif run.surface in UNEVEN_SURFACES:
                uneven += distance
        self._km[ordinal] = km
        self._rpe_load[ordinal] = rpe_load
        self._hard_km[ordinal] = hard
        self._uneven_km[ordinal] = uneven

    def _count_shoe(self, run: Run, sign: int) -> None:
        shoe_id = run.shoe_id
        if shoe_id is None:
            return
        runs = self._shoe_runs.get(shoe_id, 0) + sign
        if runs:
            self._shoe_runs[shoe_id] = runs
            self._shoe_mm[shoe_id] = self._shoe_mm.get(shoe_id, 0) + sign * _mm(
                run.distance_km
            )
        else:
            del self._shoe_runs[shoe_id]
            del self._shoe_mm[shoe_id]

    def _loads(self, basis: LoadBasis) -> dict[int, float]:
        return self._rpe_load if basis is LoadBasis.SESSION_RPE else self._km

    def shoe_km(self) -> dict[str, float]:
        """Return the distance run in each shoe, km (runs with a shoe only)."""
        return {shoe_id: mm / _MM_PER_KM for shoe_id, mm in self._shoe_mm.items()}

    def _ewma_at(self, basis: LoadBasis, index: int) -> tuple[float, float]:
        """Return (acute, chronic) EWMA on day ``index`` of history, caching."""
        acute, chronic = self._ewma.setdefault(basis, ([], []))
        done = len(acute)
        if index >= done:
            loads = self._loads(basis)
            first = self._ordinals[0]
            if not done:
                seed = loads[first]
                acute.append(seed)
                chronic.append(seed)
            acute_value = acute[-1]
            chronic_value = chronic[-1]
            acute_decay = EWMA_ACUTE_LAMBDA
            chronic_decay = EWMA_CHRONIC_LAMBDA
            acute_keep = 1 - acute_decay
            chronic_keep = 1 - chronic_decay
            get = loads.get
            for ordinal in range(first + len(acute), first + index + 1):
                load = get(ordinal, 0.0)
                acute_value = acute_decay * load + acute_keep * acute_value
                chronic_value = chronic_decay * load + chronic_keep * chronic_value
                acute.append(acute_value)
                chronic.append(chronic_value)
        return acute[index], chronic[index]

    def snapshot(
        self,
        today: date,
        settings: Settings,
        *,
        shoes: Iterable[Shoe] = (),
        default_shoe_id: str | None = None,
        soreness: int | None = None,
        may_run: bool = True,
    ) -> LoadSnapshot:
        """Return every figure for the local day ``today``.

        ``soreness`` is the current severity (0-10) or ``None``; ``may_run`` is
        ``False`` when the recovery phase says not to run (safe distance 0).
        """
        loads = self._loads(settings.load_basis)
        end = today.toordinal() + 1
        window = [loads.get(day, 0.0) for day in range(end - CHRONIC_DAYS, end)]
        week = window[-ACUTE_DAYS:]
        weekly_km = _total(self._km, end - ACUTE_DAYS, end)
        previous_km = _total(self._km, end - 14, end - 7)
        history_days = end - self._ordinals[0] if self._ordinals else 0
        history_days = max(history_days, 0)
        ratio = self._workload_ratio(settings, window, history_days, end)
        wear = shoe_wear(self.shoe_km(), shoes, default_shoe_id, settings)
        monotony, strain = monotony_and_strain(week)
        risk, factors = assess_risk(
            settings,
            load_ratio=ratio.ratio,
            weekly_distance_km=weekly_km,
            previous_week_distance_km=previous_km,
            worst_shoe=wear[0] if wear else None,
            soreness=soreness,
            hard_surface_pct=_share_pct(
                _total(self._hard_km, end - ACUTE_DAYS, end), weekly_km
            ),
            uneven_surface_pct=_share_pct(
                _total(self._uneven_km, end - ACUTE_DAYS, end), weekly_km
            ),
        )
        return LoadSnapshot(
            acwr_method=settings.acwr_method,
            history_days=history_days,
            acute_load=ratio.acute,
            chronic_load=ratio.chronic,
            load_ratio=ratio.ratio,
            weekly_distance_km=weekly_km,
            previous_week_distance_km=previous_km,
            weekly_change_pct=weekly_change_pct(weekly_km, previous_km),
            monotony=monotony,
            strain=strain,
            shoe_km=MappingProxyType(self.shoe_km()),
            safe_distance_today_km=_safe_distance_km(
                weekly_km, previous_km, ratio.room_km, settings, may_run=may_run
            ),
            risk=risk,
            risk_factors=factors,
        )

    def _workload_ratio(
        self, settings: Settings, window: list[float], history_days: int, end: int
    ) -> _WorkloadRatio:
        """Return the acute and chronic loads of the last 28 days (``window``).

        With 28 days of history and a chronic load, also their ratio and the
        distance today that keeps it at ``SAFE_RATIO_MAX``.
        """
        if not history_days:
            return _WorkloadRatio()
        basis = settings.load_basis
        method = settings.acwr_method
        week = window[-ACUTE_DAYS:]
        # alpha, gamma: how much of a load added today reaches acute, chronic
        if method is AcwrMethod.EWMA:
            acute, chronic = self._ewma_at(basis, history_days - 1)
            alpha, gamma = EWMA_ACUTE_LAMBDA, EWMA_CHRONIC_LAMBDA
        elif method is AcwrMethod.ROLLING_COUPLED:
            acute = sum(week) / ACUTE_DAYS
            chronic = sum(window) / CHRONIC_DAYS
            alpha, gamma = 1 / ACUTE_DAYS, 1 / CHRONIC_DAYS
        else:
            acute = sum(week) / ACUTE_DAYS
            chronic = sum(window[:-ACUTE_DAYS]) / (CHRONIC_DAYS - ACUTE_DAYS)
            alpha, gamma = 1 / ACUTE_DAYS, 0.0
        if history_days < MIN_HISTORY_DAYS or chronic <= 0:
            return _WorkloadRatio(acute, chronic)
        room = (SAFE_RATIO_MAX * chronic - acute) / (alpha - SAFE_RATIO_MAX * gamma)
        room_km = max(room / self._load_per_km(basis, end), 0.0)
        return _WorkloadRatio(acute, chronic, acute / chronic, room_km)

    def _load_per_km(self, basis: LoadBasis, end: int) -> float:
        """Return the load of one km: 1 for distance, else the last 28 days' rate."""
        if basis is LoadBasis.DISTANCE:
            return 1.0
        days = range(end - CHRONIC_DAYS, end)
        load = sum(self._rpe_load.get(day, 0.0) for day in days)
        km = sum(self._km.get(day, 0.0) for day in days)
        if load > 0 and km > 0:
            return load / km
        return FALLBACK_LOAD_PER_KM


def _mm(km: float) -> int:
    return round(km * _MM_PER_KM)


__all__ = [
    "ACUTE_DAYS",
    "CHRONIC_DAYS",
    "DANGER_ZONE",
    "EWMA_ACUTE_LAMBDA",
    "EWMA_CHRONIC_LAMBDA",
    "FALLBACK_LOAD_PER_KM",
    "FALLBACK_MINUTES_PER_KM",
    "FALLBACK_RPE",
    "HARD_SURFACES",
    "MIN_HISTORY_DAYS",
    "SAFE_RATIO_MAX",
    "SORENESS_HIGH_FROM",
    "SORENESS_MAX",
    "SORENESS_MODERATE_FROM",
    "SORENESS_VERY_HIGH_FROM",
    "SWEET_SPOT_HIGH",
    "SWEET_SPOT_LOW",
    "UNEVEN_SURFACES",
    "VERY_HIGH_RATIO",
    "ArchivedLoad",
    "LoadHistory",
    "LoadSnapshot",
    "RiskFactor",
    "RiskLevel",
    "ShoeWear",
    "assess_risk",
    "monotony_and_strain",
    "run_load",
    "shoe_limit_km",
    "shoe_wear",
    "wear_of_shoe",
    "weekly_change_pct",
]
