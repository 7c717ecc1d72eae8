"""When two runs are one, and what the merged run keeps.

The same run reaches Ankle Care from several sources: Strava's CSV row, the watch's
FIT file, a TCX or GPX export of it. They never agree exactly: distances differ by
a few metres to a few percent, and starts by seconds (a TCX start is cut to the
minute). So runs are matched by time and distance, not by equal values:

* their time spans overlap by more than half of the shorter span, or, when a span
  is unknown, their starts are within `START_WINDOW`;
* and their distances differ by at most `DISTANCE_SHARE` of the longer one.

A span is the start plus the elapsed time where known, else the moving time.

A matched pair is one run. Its start, distance and duration come from the most
faithful source (`SOURCE_RANK`: a device's FIT file over TCX over GPX over a
CSV row); a run logged by hand or captured from a sensor is never replaced. The
CSV row's shoe, name and Strava id are kept whichever source gives the numbers.
A run's `source` names where its numbers come from, its `source_id` is Strava's
activity id when one is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from ..records import Run, Surface
from .base import ImportedRun

START_WINDOW = timedelta(minutes=2)
"""Starts this close are one run when a span is unknown."""

OVERLAP_SHARE = 0.5
"""Spans overlapping by more than this share of the shorter one are one run."""

DISTANCE_SHARE = 0.05
"""Distances this close (a share of the longer) may be one run."""

STRAVA = "strava"
"""The source of a run read from Strava's `activities.csv`."""

SOURCE_RANK: dict[str, int] = {STRAVA: 1, "gpx": 2, "tcx": 3, "fit": 4}
"""How faithful each imported source's numbers are; others are never replaced."""


class MatchOutcome(StrEnum):
    """What an incoming run is to the runs already there."""

    NEW = "new"
    MERGED = "merged"
    """The same run from another source: folded into the one already there."""
    DUPLICATE = "duplicate"
    """The same run from the same kind of source (or the same Strava id)."""


class RunLike(Protocol):
    """What matching reads of a run: stored (`Run`) or imported (`ImportedRun`)."""

    @property
    def start(self) -> datetime:
        """The start, timezone-aware."""

    @property
    def distance_km(self) -> float:
        """The distance in kilometres."""

    @property
    def duration_minutes(self) -> float | None:
        """The moving time."""

    @property
    def source(self) -> str:
        """Where the numbers come from."""

    @property
    def source_id(self) -> str | None:
        """Strava's activity id (or a sensor's entity id)."""

    @property
    def surface(self) -> Surface:
        """The surface run on."""

    @property
    def note(self) -> str | None:
        """The activity's name or note."""


def elapsed_of(run: RunLike) -> float | None:
    """Return a run's span in minutes: elapsed time where known, else moving time."""
    elapsed: float | None = getattr(run, "elapsed_minutes", None)
    span = elapsed or run.duration_minutes
    return span if span and span > 0 else None


def same_run(a: RunLike, b: RunLike) -> bool:
    """Return whether two runs are one (see the module docstring)."""
    longer = max(a.distance_km, b.distance_km)
    if abs(a.distance_km - b.distance_km) > DISTANCE_SHARE * longer:
        return False
    span_a, span_b = elapsed_of(a), elapsed_of(b)
    if span_a is None or span_b is None:
        return abs(a.start - b.start) <= START_WINDOW
    end_a = a.start + timedelta(minutes=span_a)
    end_b = b.start + timedelta(minutes=span_b)
    overlap = (min(end_a, end_b) - max(a.start, b.start)).total_seconds() / 60
    return overlap > OVERLAP_SHARE * min(span_a, span_b)


def strava_id(run: RunLike) -> str | None:
    """Return the Strava activity id a run carries (None for hand-logged ones)."""
    return run.source_id if run.source in SOURCE_RANK else None


def outcome(existing: RunLike, incoming: RunLike) -> MatchOutcome:
    """Return what a matched incoming run is: a duplicate or a merge."""
    known = strava_id(existing)
    if existing.source == incoming.source or (
        known is not None and known == strava_id(incoming)
    ):
        return MatchOutcome.DUPLICATE
    return MatchOutcome.MERGED


def takes_numbers(existing: RunLike, incoming: RunLike) -> bool:
    """Return whether the merged run takes the incoming run's start and distance."""
    rank = SOURCE_RANK.get(existing.source)
    return rank is not None and SOURCE_RANK.get(incoming.source, 0) > rank


@dataclass(frozen=True, slots=True, kw_only=True)
class Merged:
    """The fields a merge changes on the run already there (None: keep them)."""

    start: datetime
    distance_km: float
    duration_minutes: float | None
    elapsed_minutes: float | None
    surface: Surface
    source: str
    source_id: str | None
    note: str | None

    def apply[T: (Run, ImportedRun)](self, run: T) -> T:
        """Return `run` with the merged start, numbers, surface, source and name."""
        return replace(
            run,
            start=self.start,
            distance_km=self.distance_km,
            duration_minutes=self.duration_minutes,
            surface=self.surface,
            source=self.source,
            source_id=self.source_id,
            note=self.note,
        )


def merged_fields(existing: RunLike, incoming: RunLike) -> Merged | None:
    """Return the merged run's fields, or None when the run already there stays.

    A hand-logged (or sensor) run stays as it is. Otherwise the more faithful
    source gives start, distance and times (`SOURCE_RANK`); a more specific
    surface (trail, track, treadmill over road) is kept from either; the CSV row's
    name and Strava id are kept. The shoe is the caller's to merge (a stored run
    names a shoe by id, an imported one by name).
    """
    if existing.source not in SOURCE_RANK:
        return None
    numbers = incoming if takes_numbers(existing, incoming) else existing
    surface = existing.surface
    if surface is Surface.ROAD and incoming.surface is not Surface.ROAD:
        surface = incoming.surface
    note = existing.note
    if (incoming.source == STRAVA and incoming.note) or note is None:
        note = incoming.note or note
    return Merged(
        start=numbers.start,
        distance_km=numbers.distance_km,
        duration_minutes=numbers.duration_minutes,
        elapsed_minutes=getattr(numbers, "elapsed_minutes", None),
        surface=surface,
        source=numbers.source,
        source_id=strava_id(existing) or strava_id(incoming),
        note=note,
    )


def merge_imported(existing: ImportedRun, incoming: ImportedRun) -> ImportedRun:
    """Return two imported runs found to be one as one (`merged_fields`).

    The CSV row's shoe is kept; otherwise the shoe either names.
    """
    fields = merged_fields(existing, incoming)
    if fields is None:
        return existing
    shoe = existing.shoe_name or incoming.shoe_name
    if incoming.source == STRAVA and incoming.shoe_name:
        shoe = incoming.shoe_name
    return replace(
        fields.apply(existing), elapsed_minutes=fields.elapsed_minutes, shoe_name=shoe
    )


def _day(start: datetime) -> date:
    """Return the UTC day a run starts on."""
    return start.astimezone(UTC).date()


class RunIndex[R: RunLike]:
    """Runs looked up by the day they start, to find the one an incoming run is.

    A run is searched among the runs starting the day before, the same day and the
    day after, so spans up to a day are matched.
    """

    def __init__(self) -> None:
        """Start empty."""
        self._days: dict[date, list[R]] = {}
        self._ids: dict[str, R] = {}

    def add(self, run: R) -> None:
        """Add a run."""
        self._days.setdefault(_day(run.start), []).append(run)
        if (known := strava_id(run)) is not None:
            self._ids[known] = run

    def replace(self, old: R, new: R) -> None:
        """Put `new` where `old` was."""
        day = self._days[_day(old.start)]
        day.remove(old)
        if not day:
            del self._days[_day(old.start)]
        if (known := strava_id(old)) is not None and self._ids.get(known) is old:
            del self._ids[known]
        self.add(new)

    def __iter__(self) -> Iterator[R]:
        """Return every run in the index."""
        for runs in self._days.values():
            yield from runs

    def _near(self, start: datetime) -> Iterator[R]:
        day = _day(start)
        for offset in (-1, 0, 1):
            yield from self._days.get(day + timedelta(days=offset), ())

    def find(self, incoming: RunLike) -> R | None:
        """Return the run `incoming` is (same Strava id, or `same_run`), if any."""
        if (known := strava_id(incoming)) is not None and known in self._ids:
            return self._ids[known]
        for run in self._near(incoming.start):
            if same_run(run, incoming):
                return run
        return None


__all__ = [
    "DISTANCE_SHARE",
    "OVERLAP_SHARE",
    "SOURCE_RANK",
    "START_WINDOW",
    "STRAVA",
    "MatchOutcome",
    "Merged",
    "RunIndex",
    "RunLike",
    "elapsed_of",
    "merge_imported",
    "merged_fields",
    "outcome",
    "same_run",
    "strava_id",
    "takes_numbers",
]
