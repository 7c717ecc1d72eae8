"""The runner's settings: every option, its default and its allowed range.

The ranges come from the article where it gives one (ice 15-20 minutes every 2-3 hours
during the first 48-72 hours; see a professional after 2-5 days without improvement).
The config flow builds its form from these limits, and the domain modules read a
`Settings` instance, so one table holds the numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from typing import Any, Self


class AcwrMethod(StrEnum):
    """How the acute:chronic workload ratio is computed."""

    EWMA = "ewma"
    ROLLING_COUPLED = "rolling_coupled"
    ROLLING_UNCOUPLED = "rolling_uncoupled"


class LoadBasis(StrEnum):
    """What one day's training load is measured in."""

    DISTANCE = "distance"
    SESSION_RPE = "session_rpe"


@dataclass(frozen=True, slots=True)
class Limit:
    """Allowed range of a numeric option."""

    minimum: float
    maximum: float
    step: float = 1


# option key -> (default, limit); all numeric options
NUMERIC_OPTIONS: dict[str, tuple[float, Limit]] = {
    # "Apply ice for 15 to 20 minutes at a time"
    "ice_minutes": (20, Limit(15, 20)),
    # "repeated every two to three hours"
    "ice_interval_hours": (3, Limit(2, 3, 0.5)),
    # "during the first 48 to 72 hours"
    "acute_window_hours": (72, Limit(48, 72)),
    # "If pain or swelling does not improve after two to five days"
    "professional_after_days": (3, Limit(2, 5)),
    # "Immediate consultation is necessary if the pain is severe" (0-10 scale;
    # 7-10 is severe, as in the load factor's soreness bands)
    "severe_pain_threshold": (7, Limit(6, 8)),
    # "too much, too soon": week-on-week distance increase, percent
    "weekly_increase_warning": (10, Limit(5, 50)),
    "weekly_increase_high": (30, Limit(10, 100)),
    # "worn-out footwear": distance after which a shoe counts as worn out, km
    "shoe_max_km": (650, Limit(300, 1500, 10)),
}

TIME_OPTIONS: dict[str, time] = {
    "quiet_start": time(22, 0),
    "quiet_end": time(7, 0),
    "exercise_reminder_time": time(18, 0),
}


def _time(value: Any, default: time) -> time:
    if value is None:
        return default
    if isinstance(value, time):
        return value
    return time.fromisoformat(str(value))


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """One runner's settings, read from the config entry options."""

    ice_minutes: int = 20
    ice_interval_hours: float = 3
    acute_window_hours: int = 72
    professional_after_days: int = 3
    severe_pain_threshold: int = 7
    weekly_increase_warning: float = 10
    weekly_increase_high: float = 30
    shoe_max_km: float = 650
    quiet_start: time = time(22, 0)
    quiet_end: time = time(7, 0)
    exercise_reminder_time: time = time(18, 0)
    acwr_method: AcwrMethod = AcwrMethod.EWMA
    load_basis: LoadBasis = LoadBasis.DISTANCE
    notify_entities: tuple[str, ...] = ()
    notify_services: tuple[str, ...] = ()
    tts_entity: str | None = None
    media_players: tuple[str, ...] = ()
    assist_satellites: tuple[str, ...] = ()
    distance_source: str | None = None

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Self:
        """Build settings from stored options, falling back to defaults."""
        numeric: dict[str, Any] = {}
        for key, (default, limit) in NUMERIC_OPTIONS.items():
            value = float(options.get(key, default))
            value = min(max(value, limit.minimum), limit.maximum)
            numeric[key] = (
                int(value) if limit.step == 1 and value.is_integer() else value
            )
        return cls(
            **numeric,
            quiet_start=_time(options.get("quiet_start"), TIME_OPTIONS["quiet_start"]),
            quiet_end=_time(options.get("quiet_end"), TIME_OPTIONS["quiet_end"]),
            exercise_reminder_time=_time(
                options.get("exercise_reminder_time"),
                TIME_OPTIONS["exercise_reminder_time"],
            ),
            acwr_method=AcwrMethod(options.get("acwr_method", AcwrMethod.EWMA)),
            load_basis=LoadBasis(options.get("load_basis", LoadBasis.DISTANCE)),
            notify_entities=tuple(options.get("notify_entities", ())),
            notify_services=tuple(options.get("notify_services", ())),
            tts_entity=options.get("tts_entity") or None,
            media_players=tuple(options.get("media_players", ())),
            assist_satellites=tuple(options.get("assist_satellites", ())),
            distance_source=options.get("distance_source") or None,
        )


def migrate_options_to_1_2(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return options stored before version 1.2 with the severe-pain threshold in 6-8.

    Up to 1.1 the threshold defaulted to 8 and could be set to 10, so pain of 7
    (severe on the 0-10 scale) was no red flag. A stored 8 (the old default)
    becomes 7, and 9 or 10 become 8; 6 and 7 stay, and options without the key
    keep without it, so the default of 7 applies.
    """
    key = "severe_pain_threshold"
    value = options.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return dict(options)
    if value == 8:
        return {**options, key: 7}
    if value > 8:
        return {**options, key: 8}
    return dict(options)
