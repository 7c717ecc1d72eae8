"""Read GPX tracks with `gpxpy`.

Each track with timed points is one activity. Its `<type>` says whether it is a run:
`running`/`run`, Strava's `9`, and trail, treadmill, virtual and track running
variants are runs; any other type is not. A track WITHOUT a type is assumed to be a
run on the road: most GPS apps and watches write no type, and the runner chose to
import the file into a running tracker. Distance is the horizontal (2-D) length of
the track; duration is the time spanned by each segment's timed points, added up,
so the gaps between segments (pauses) do not count. Tracks without times (planned
routes) are ignored; a file with no timed track is `not_an_activity`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import gpxpy
import gpxpy.gpx

from ..records import Surface
from .base import (
    FileRejectedError,
    ParsedActivity,
    Reason,
    as_utc,
    clean_text,
    root_name,
    xml_text,
)

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


def surface_for(track_type: str | None) -> Surface | None:
    """Return the surface for a GPX track type, or None if it is not a run."""
    if track_type is None or not track_type.strip():
        return Surface.ROAD
    key = " ".join(track_type.replace("_", " ").replace("-", " ").lower().split())
    return RUN_TYPES.get(key)


def _track_activity(
    track: gpxpy.gpx.GPXTrack, file_name: str | None
) -> ParsedActivity | None:
    start: datetime | None = None
    elapsed = timedelta()
    for segment in track.segments:
        times = [as_utc(point.time) for point in segment.points if point.time]
        if not times:
            continue
        first, last = min(times), max(times)
        elapsed += last - first
        start = first if start is None else min(start, first)
    if start is None:
        return None
    seconds = elapsed.total_seconds()
    return ParsedActivity(
        start=start,
        distance_km=track.length_2d() / 1000,
        duration_minutes=seconds / 60 if seconds else None,
        surface=surface_for(track.type),
        note=clean_text(track.name) or file_name,
    )


def parse_gpx(data: bytes) -> list[ParsedActivity]:
    """Read every timed track of a GPX file; raise `FileRejectedError` if it is unusable.

    Content that is not XML, or XML whose root is not `<gpx>`, is `unsupported`;
    malformed XML or values is `corrupt`; a GPX file without a timed track is
    `not_an_activity`.
    """
    text = xml_text(data)
    if root_name(text) != "gpx":
        raise FileRejectedError(Reason.UNSUPPORTED)
    try:
        document = gpxpy.parse(text)
        file_name = clean_text(document.name)
        activities = [
            activity
            for track in document.tracks
            if (activity := _track_activity(track, file_name)) is not None
        ]
    except (gpxpy.gpx.GPXException, ValueError, TypeError) as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    if not activities:
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    return activities


__all__ = ["RUN_TYPES", "parse_gpx", "surface_for"]
