"""Read Garmin Training Center (TCX) files with the standard library's XML parser.

Each `<Activity>` is one activity and a run when `Sport="Running"` (TCX has no
sub-sport, so the surface is road). The start is the activity `<Id>` (a time), or
the first lap's `StartTime`; the distance is the sum of the laps' `DistanceMeters`
(or the last trackpoint's cumulative distance when laps carry none), and the
duration the sum of the laps' `TotalTimeSeconds`.

`defusedxml` is not part of Home Assistant's environment, so the standard parser is
used: the expat it is built on (2.4 and later) limits entity expansion, external
entities are never fetched, and the importer caps the size of what it parses.
"""

from __future__ import annotations

from datetime import datetime
import xml.etree.ElementTree as ET

from ..records import Surface
from .base import (
    FileRejectedError,
    ParsedActivity,
    Reason,
    clean_text,
    parse_time,
    root_name,
    xml_text,
)


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


def _activity(element: ET.Element) -> ParsedActivity | None:
    laps = element.findall("{*}Lap")
    start: datetime | None = None
    id_text = clean_text(element.findtext("{*}Id"))
    if id_text:
        start = parse_time(id_text)
    elif laps and (lap_start := laps[0].get("StartTime")):
        start = parse_time(lap_start)
    if start is None:
        return None
    lap_metres = [_float(lap.findtext("{*}DistanceMeters")) for lap in laps]
    metres = sum(value for value in lap_metres if value is not None)
    if not metres:
        track_metres = [
            value
            for point in element.iterfind("{*}Lap/{*}Track/{*}Trackpoint")
            if (value := _float(point.findtext("{*}DistanceMeters"))) is not None
        ]
        metres = max(track_metres, default=0.0)
    seconds = sum(
        value
        for lap in laps
        if (value := _float(lap.findtext("{*}TotalTimeSeconds"))) is not None
    )
    sport = (element.get("Sport") or "").strip().lower()
    return ParsedActivity(
        start=start,
        distance_km=metres / 1000,
        duration_minutes=seconds / 60 if seconds else None,
        surface=Surface.ROAD if sport == "running" else None,
        note=clean_text(element.findtext("{*}Notes")),
    )


def parse_tcx(data: bytes) -> list[ParsedActivity]:
    """Read every activity of a TCX file; raise `FileRejectedError` if it is unusable.

    Content that is not XML, or XML whose root is not `<TrainingCenterDatabase>`,
    is `unsupported`; malformed XML or values is `corrupt`; a TCX file without an
    activity that has a start time (a course, a workout) is `not_an_activity`.
    """
    text = xml_text(data)
    if root_name(text) != "TrainingCenterDatabase":
        raise FileRejectedError(Reason.UNSUPPORTED)
    try:
        # Not defusedxml (absent from Home Assistant): see the module docstring.
        root = ET.fromstring(text)  # noqa: S314
    except ET.ParseError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    activities = [
        activity
        for element in root.iterfind("{*}Activities/{*}Activity")
        if (activity := _activity(element)) is not None
    ]
    if not activities:
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    return activities


__all__ = ["parse_tcx"]
