"""Limits of what a runner can log, each a named constant used by the door."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

FUTURE_TOLERANCE: Final = timedelta(minutes=2)
"""A clock a little ahead on the caller's side is not "the future"."""

MAX_DISTANCE_KM: Final = 500
"""Longer than any ultra: a typo, not a run."""

MIN_RUN_MINUTES: Final = 1
MAX_RUN_MINUTES: Final = 24 * 60
"""A run's duration, from a minute to a day."""

RPE_RANGE: Final = (1, 10)
"""Rating of perceived exertion, whole numbers."""

SEVERITY_RANGE: Final = (0, 10)
"""Soreness from 0 (pain-free) to 10, whole numbers."""

MAX_TREATMENT_MINUTES: Final = 24 * 60
"""A treatment lasts more than nothing and at most a day."""

MAX_SETS: Final = 100
MAX_REPS: Final = 1000
MAX_SECONDS: Final = 24 * 3600
"""Largest whole counts of a logged exercise."""

MAX_SNOOZE_MINUTES: Final = 24 * 60
"""Reminders can be snoozed for up to a day."""
