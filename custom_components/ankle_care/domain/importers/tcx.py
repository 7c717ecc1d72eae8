"""Read Garmin Training Center (TCX) files, streaming the XML (`xml_stream`).

Each `<Activity>` is one activity and a run when `Sport="Running"` (TCX has no
sub-sport, so the surface is road). The start is the activity `<Id>` (a time), or
the first lap's `StartTime`; the distance is the sum of the laps' `DistanceMeters`
(or the largest trackpoint's cumulative distance when laps carry none), and the
duration the sum of the laps' `TotalTimeSeconds`.

When the laps and the track disagree, by more than `LAPS_TRACK_TOLERANCE` of the
larger distance, the track is taken: its last trackpoint's cumulative
`DistanceMeters`, and the time from its first to its last trackpoint `Time` (when
they give one). Some exporters (Suunto's Movescount) write laps that cover only
part of the activity; the track is what was recorded. A track whose last distance
is 0 (an indoor run without GPS), or has a distance that is not a number, is not
taken over the laps.

The elapsed time, pauses included, runs from the first lap's start (or the
activity's) to the last trackpoint's time, or is the laps' time when no trackpoint
has one. A trackpoint time that cannot be read is left out; a lap or trackpoint
value that is needed and is not a number makes the file `corrupt`.

`defusedxml` is not part of Home Assistant's environment, so the standard parser is
used: the expat it is built on (2.4 and later) limits entity expansion, external
entities are never fetched, and the importer caps the size of what it parses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..records import Surface
from .base import (
    FileRejectedError,
    ParsedActivity,
    Reason,
    clean_text,
    parse_time,
)
from .xml_stream import xml_events

LAPS_TRACK_TOLERANCE = 0.03
"""The laps' distance is replaced by the track's when they differ by more than this
share of the larger of the two."""

_ACTIVITY = "TrainingCenterDatabase/Activities/Activity"
_ID = f"{_ACTIVITY}/Id"
_NOTES = f"{_ACTIVITY}/Notes"
_LAP = f"{_ACTIVITY}/Lap"
_LAP_METRES = f"{_LAP}/DistanceMeters"
_LAP_SECONDS = f"{_LAP}/TotalTimeSeconds"
_POINT = f"{_LAP}/Track/Trackpoint"
_POINT_TIME = f"{_POINT}/Time"
_POINT_METRES = f"{_POINT}/DistanceMeters"
_PATHS = frozenset(
    {
        _ACTIVITY,
        _ID,
        _NOTES,
        _LAP,
        _LAP_METRES,
        _LAP_SECONDS,
        _POINT,
        _POINT_TIME,
        _POINT_METRES,
    }
)


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


def _lenient_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_time(value)
    except FileRejectedError:
        return None


def _disagree(laps: float, track: float) -> bool:
    return abs(track - laps) > LAPS_TRACK_TOLERANCE * max(track, laps)


@dataclass(slots=True)
class _Activity:
    """What is gathered of one `<Activity>` while its trackpoints stream past.

    Only the first `<Id>` and `<Notes>` of the activity, and the first of each value
    of a lap or a trackpoint, count: those a whole-tree `findtext` would take.
    """

    sport: str
    id_text: str | None = None
    notes: str | None = None
    read: set[str] = field(default_factory=set)  # paths read in the current element
    laps: int = 0
    first_lap_start: str | None = None
    lap_metres: float = 0.0
    lap_seconds: float = 0.0
    bad_lap_value: bool = False
    track_max: float | None = None
    track_last: float | None = None
    bad_track_value: bool = False
    first_time: datetime | None = None
    last_time: datetime | None = None

    def first(self, path: str) -> bool:
        """Return whether `path` is read for the first time in its parent."""
        if path in self.read:
            return False
        self.read.add(path)
        return True

    def start_lap(self, start_time: str | None) -> None:
        if not self.laps:
            self.first_lap_start = start_time
        self.laps += 1
        self.read.difference_update((_LAP_METRES, _LAP_SECONDS))

    def start_point(self) -> None:
        self.read.difference_update((_POINT_TIME, _POINT_METRES))

    def child(self, path: str, text: str | None) -> None:
        """Read the activity's `<Id>` or `<Notes>`."""
        if path == _ID:
            self.id_text = text
        else:
            self.notes = text

    def lap_value(self, path: str, text: str | None) -> None:
        try:
            value = _float(text)
        except FileRejectedError:
            self.bad_lap_value = True  # corrupt, if the activity has a start
            return
        if value is None:
            return
        if path == _LAP_METRES:
            self.lap_metres += value
        else:
            self.lap_seconds += value

    def point_time(self, text: str | None) -> None:
        if (time := _lenient_time(text)) is not None:
            self.first_time = self.first_time or time
            self.last_time = time

    def point_metres(self, text: str | None) -> None:
        try:
            value = _float(text)
        except FileRejectedError:
            self.bad_track_value = True  # corrupt, if the laps have no distance
            return
        if value is None:
            return
        if self.track_max is None or value > self.track_max:  # as max()
            self.track_max = value
        self.track_last = value

    def _start(self) -> datetime | None:
        id_text = clean_text(self.id_text)
        if id_text:
            return parse_time(id_text)
        if self.first_lap_start:
            return parse_time(self.first_lap_start)
        return None

    def _takes_track(self, metres: float) -> bool:
        last = self.track_last
        return (
            not self.bad_track_value
            and last is not None
            and last > 0
            and _disagree(metres, last)
        )

    def activity(self) -> ParsedActivity | None:
        start = self._start()
        if start is None:
            return None
        if self.bad_lap_value:
            raise FileRejectedError(Reason.CORRUPT)
        metres, seconds = self.lap_metres, self.lap_seconds
        first, last = self.first_time, self.last_time
        if not metres:
            if self.bad_track_value:
                raise FileRejectedError(Reason.CORRUPT)
            metres = self.track_max or 0.0
        elif self._takes_track(metres):
            metres = self.track_last or 0.0
            if first is not None and last is not None and last > first:
                seconds = (last - first).total_seconds()
        elapsed = self.lap_seconds
        if last is not None:
            begin = _lenient_time(self.first_lap_start) or start
            elapsed = max((last - begin).total_seconds(), 0.0)
        return ParsedActivity(
            start=start,
            distance_km=metres / 1000,
            duration_minutes=seconds / 60 if seconds else None,
            surface=Surface.ROAD if self.sport == "running" else None,
            note=clean_text(self.notes),
            elapsed_minutes=elapsed / 60 if elapsed else None,
        )


def parse_tcx(data: bytes) -> list[ParsedActivity]:
    """Read every activity of a TCX file; raise `FileRejectedError` if it is unusable.

    Content that is not XML, or XML whose root is not `<TrainingCenterDatabase>`,
    is `unsupported`; malformed XML or values is `corrupt`; a TCX file without an
    activity that has a start time (a course, a workout) is `not_an_activity`.
    """
    activities: list[ParsedActivity] = []
    current = _Activity(sport="")
    events = xml_events(data, "TrainingCenterDatabase", _PATHS, any_namespace=True)
    for start, path, attrib, text in events:
        if start:
            if path == _POINT:
                current.start_point()
            elif path == _LAP:
                current.start_lap(attrib.get("StartTime"))
            elif path == _ACTIVITY:
                sport = (attrib.get("Sport") or "").strip().lower()
                current = _Activity(sport=sport)
        elif path == _ACTIVITY:
            if (activity := current.activity()) is not None:
                activities.append(activity)
        elif path in (_POINT, _LAP) or not current.first(path):
            continue
        elif path == _POINT_TIME:
            current.point_time(text)
        elif path == _POINT_METRES:
            current.point_metres(text)
        elif path in (_LAP_METRES, _LAP_SECONDS):
            current.lap_value(path, text)
        else:
            current.child(path, text)
    if not activities:
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    return activities


__all__ = ["LAPS_TRACK_TOLERANCE", "parse_tcx"]
