"""Limits of what a runner can log, each a named constant used by the door."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from .domain.records import EARLIEST_RECORD_TIME, MAX_RUN_KM

FUTURE_TOLERANCE: Final = timedelta(minutes=2)
"""A clock a little ahead on the caller's side is not "the future"."""

EARLIEST_TIME: Final = EARLIEST_RECORD_TIME
"""Nothing is logged before 1990-01-01 (UTC): an earlier date is a typo."""

MAX_NOTE_LENGTH: Final = 2000
"""Characters of a note; longer text is refused, not cut."""

MAX_NAME_LENGTH: Final = 100
"""Characters of a name: a runner, a shoe, and the choices an action looks up."""

MAX_PATH_LENGTH: Final = 4096
"""Characters of a path given to `import_activities` (Linux's PATH_MAX)."""

MAX_DISTANCE_KM: Final = MAX_RUN_KM
"""Longer than any ultra: a typo, not a run (the importers use the same cap)."""

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

EXPORT_FUTURE: Final = timedelta(days=1)
"""A record in an imported export is from `EARLIEST_TIME` to a day ahead of now."""
