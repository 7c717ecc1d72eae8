"""Read GPX tracks, streaming the XML (`xml_stream`) so a large file stays small.

Each track with timed points is one activity. Its `<type>` (read in GPX 1.0 files
too) says whether it is a run: `running`/`run`, Strava's `9`, and trail, treadmill,
virtual and track running variants are runs; any other type is not. A track WITHOUT
a type is assumed to be a run on the road: most GPS apps and watches write no type,
and the runner chose to import the file into a running tracker; unless it moves
faster than a person runs (a car trip): when the median speed from point to point
(steps that take no time left out) is over `MAX_RUNNING_SPEED_KMH`, the untyped
track is not a run. A track typed as a run is taken at its word, whatever its speed.

Distance is the horizontal (2-D) length of the track, point to point, with the
formula of `gpxpy` (`gpxpy.geo.distance`: a flat-earth approximation for points
close together, haversine otherwise), so it is what `length_2d()` gave. Duration is
the time spanned by each segment's timed points, added up, so the gaps between
segments (pauses) do not count; the elapsed time runs from the track's earliest to
its latest timed point, pauses included. The start is the earliest timed point and
the note the track's name, or the file's (`<metadata><name>`, GPX 1.0's `<name>`).
Tracks without times (planned routes) are ignored; a file with no timed track is
`not_an_activity`.

Times are read as `gpxpy` reads them (`YYYY-MM-DDThh:mm:ss`, an optional fraction
and offset; naive means UTC), blanks around them aside; a time that cannot be read
leaves its point untimed.
A track point whose `lat` or `lon` is missing or not a number makes the file
`corrupt`; other point values (elevation, extensions) are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
import re

from gpxpy.geo import distance

from ..records import Surface
from .base import (
    FileRejectedError,
    ParsedActivity,
    Reason,
    as_utc,
    clean_text,
)
from .xml_stream import xml_events

RUN_TYPES: dict[str, Surface] = {
    "run": Surface.ROAD,
    "running": Surface.ROAD,
    "9": Surface.ROAD,
    "street running": Surface.ROAD,
    "road running": Surface.ROAD,
    "trail run": Surface.TRAIL,
    "trail running": Surface.TRAIL,
    "trailrun": Surface.TRAIL,
    "virtual run": Surface.TREADMILL,
    "virtualrun": Surface.TREADMILL,
    "treadmill": Surface.TREADMILL,
    "treadmill running": Surface.TREADMILL,
    "indoor running": Surface.TREADMILL,
    "track running": Surface.TRACK,
}
"""GPX `<type>` values read as runs (case-insensitive; `_` and `-` read as spaces)."""

MAX_RUNNING_SPEED_KMH = 25.0
"""An untyped track whose median point-to-point speed is over this is not a run.

Faster than any runner's pace over a whole track (the marathon world record is
about 21 km/h), slower than a car trip's median; a slow bike ride can stay under it.
"""

_TRACK = "gpx/trk"
_TRACK_NAME = "gpx/trk/name"
_TRACK_TYPE = "gpx/trk/type"
_SEGMENT = "gpx/trk/trkseg"
_POINT = "gpx/trk/trkseg/trkpt"
_POINT_TIME = "gpx/trk/trkseg/trkpt/time"
_FILE_NAMES = ("gpx/metadata/name", "gpx/name")  # GPX 1.1, GPX 1.0
_PATHS = frozenset(
    {_TRACK, _TRACK_NAME, _TRACK_TYPE, _SEGMENT, _POINT, _POINT_TIME, *_FILE_NAMES}
)

# gpxpy's timestamp (gpxpy.gpxfield.RE_TIMESTAMP), its offset sign read as + or -.
_TIME = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[T ]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})"
    r"(\.[0-9]{1,15})?(Z|[+\-\u2212][0-9]{2}:?(?:[0-9]{2})?)?"
)
_ZONES: dict[str, timezone | None] = {}


def surface_for(track_type: str | None) -> Surface | None:
    """Return the surface for a GPX track type, or None if it is not a run."""
    if track_type is None or not track_type.strip():
        return Surface.ROAD
    key = " ".join(track_type.replace("_", " ").replace("-", " ").lower().split())
    return RUN_TYPES.get(key)


def _zone(offset: str) -> timezone | None:
    """Return the time zone of a `Z`/`+hh:mm` suffix, or None if impossible."""
    if offset not in _ZONES:
        minutes = 0
        if len(offset) >= 3:
            minutes = int(offset[1:3]) * 60
            if len(offset) >= 5:
                minutes += int(offset[-2:])
            if offset[0] != "+":
                minutes = -minutes
        try:
            _ZONES[offset] = timezone(timedelta(minutes=minutes))
        except ValueError:  # a day or more
            _ZONES[offset] = None
    return _ZONES[offset]


def gpx_time(text: str | None) -> datetime | None:
    """Return a GPX point's time in UTC, or None when it is missing or unreadable."""
    if not text or (match := _TIME.fullmatch(text.strip())) is None:
        return None
    year, month, day, hour, minute, second = map(int, match.group(1, 2, 3, 4, 5, 6))
    fraction, offset = match.group(7, 8)
    micro = int(fraction[1:7].ljust(6, "0")) if fraction else 0
    zone = _zone(offset) if offset else None
    if offset and zone is None:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:  # month 13, hour 25...
        return None
    return as_utc(moment)


def _coordinate(value: str | None) -> float:
    if value is None:
        raise FileRejectedError(Reason.CORRUPT)
    try:
        return float(value.strip())
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


@dataclass(slots=True)
class _Track:
    """What is gathered of one `<trk>` while its points stream past."""

    name: str | None = None
    type: str | None = None
    named: bool = False
    typed: bool = False
    metres: float = 0.0
    moving: timedelta = timedelta()
    start: datetime | None = None
    end: datetime | None = None
    steps: int = 0
    fast_steps: int = 0
    # the current segment
    segment_metres: float = 0.0
    segment_first: datetime | None = None
    segment_last: datetime | None = None
    latitude: float | None = None
    longitude: float | None = None
    reference: datetime | None = None  # the last timed point speeds run from
    since_reference: float = 0.0  # metres since it

    def start_segment(self) -> None:
        self.segment_metres = 0.0
        self.segment_first = self.segment_last = None
        self.latitude = self.longitude = self.reference = None
        self.since_reference = 0.0

    def add_point(
        self, latitude: float, longitude: float, time: datetime | None
    ) -> None:
        if self.latitude is not None and self.longitude is not None:
            # As gpxpy's length_2d: this point's distance to the previous one.
            step = distance(
                latitude, longitude, None, self.latitude, self.longitude, None
            )
            if step:
                self.segment_metres += step
                self.since_reference += step
        self.latitude, self.longitude = latitude, longitude
        if time is None:
            return
        if self.segment_first is None or time < self.segment_first:
            self.segment_first = time
        if self.segment_last is None or time > self.segment_last:
            self.segment_last = time
        self._speed_step(time)

    def _speed_step(self, time: datetime) -> None:
        """Count a step from the last timed point: a zero-time step adds on."""
        if self.reference is not None:
            seconds = (time - self.reference).total_seconds()
            if seconds == 0:
                return
            if seconds > 0:
                self.steps += 1
                if self.since_reference / seconds * 3.6 > MAX_RUNNING_SPEED_KMH:
                    self.fast_steps += 1
        self.reference = time
        self.since_reference = 0.0

    def end_segment(self) -> None:
        if self.segment_metres:
            self.metres += self.segment_metres
        first, last = self.segment_first, self.segment_last
        if first is None or last is None:
            return
        self.moving += last - first
        self.start = first if self.start is None else min(self.start, first)
        self.end = last if self.end is None else max(self.end, last)

    @property
    def too_fast(self) -> bool:
        """Return whether the median step speed is over `MAX_RUNNING_SPEED_KMH`.

        More than half of the steps faster is the same as the median (the lower
        of the two middle speeds, for an even count) faster.
        """
        return self.fast_steps * 2 > self.steps

    def activity(self, file_name: str | None) -> ParsedActivity | None:
        if self.start is None or self.end is None:
            return None
        moving = self.moving.total_seconds()
        elapsed = (self.end - self.start).total_seconds()
        surface = surface_for(self.type)
        if clean_text(self.type) is None and self.too_fast:
            surface = None
        return ParsedActivity(
            start=self.start,
            distance_km=self.metres / 1000,
            duration_minutes=moving / 60 if moving else None,
            surface=surface,
            note=clean_text(self.name) or file_name,
            elapsed_minutes=elapsed / 60 if elapsed else None,
        )


def parse_gpx(data: bytes) -> list[ParsedActivity]:
    """Read every timed track of a GPX file; raise `FileRejectedError` if it is unusable.

    Content that is not XML, or XML whose root is not `<gpx>`, is `unsupported`;
    malformed XML or values is `corrupt`; a GPX file without a timed track is
    `not_an_activity`.
    """
    tracks: list[_Track] = []
    track = _Track()
    file_names: dict[str, str | None] = {}
    latitude = longitude = 0.0
    time: datetime | None = None
    timed = False
    for start, path, attrib, text in xml_events(data, "gpx", _PATHS):
        if start:
            if path == _POINT:
                latitude = _coordinate(attrib.get("lat"))
                longitude = _coordinate(attrib.get("lon"))
                time, timed = None, False
            elif path == _SEGMENT:
                track.start_segment()
            elif path == _TRACK:
                track = _Track()
        elif path == _POINT_TIME:
            if not timed:  # as gpxpy, the first <time> only
                time, timed = gpx_time(text), True
        elif path == _POINT:
            track.add_point(latitude, longitude, time)
        elif path == _SEGMENT:
            track.end_segment()
        elif path == _TRACK:
            tracks.append(track)
        elif path == _TRACK_NAME:
            if not track.named:
                track.name, track.named = text, True
        elif path == _TRACK_TYPE:
            if not track.typed:
                track.type, track.typed = text, True
        else:  # a file name
            file_names.setdefault(path, clean_text(text))
    file_name = next(
        (name for path in _FILE_NAMES if (name := file_names.get(path))), None
    )
    activities = [
        activity
        for done in tracks
        if (activity := done.activity(file_name)) is not None
    ]
    if not activities:
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    return activities


__all__ = ["MAX_RUNNING_SPEED_KMH", "RUN_TYPES", "gpx_time", "parse_gpx", "surface_for"]
