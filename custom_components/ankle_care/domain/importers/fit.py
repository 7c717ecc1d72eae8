"""Read Garmin FIT activity files with `fitdecode`.

Each `session` message is one activity: its sport decides whether it is a run
(`running`), its sub-sport the surface (`trail`, `track`, `treadmill`; indoor and
virtual running count as treadmill), and its start time, total distance and timer
time (elapsed time when there is no timer time) give the run. The file's CRCs are
checked: a truncated or damaged file is rejected whole.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
import io
import struct
from typing import Any

import fitdecode  # type: ignore[import-untyped]

from ..records import Surface
from .base import FileRejectedError, ParsedActivity, Reason, as_utc

_SUB_SPORT_SURFACES: dict[str, Surface] = {
    "trail": Surface.TRAIL,
    "track": Surface.TRACK,
    "treadmill": Surface.TREADMILL,
    "indoor_running": Surface.TREADMILL,
    "virtual_activity": Surface.TREADMILL,
}

_MAGIC = b".FIT"


def surface_for(sport: object, sub_sport: object) -> Surface | None:
    """Return the surface of a FIT sport and sub-sport, or None if not a run."""
    if sport != "running":
        return None
    if isinstance(sub_sport, str):
        return _SUB_SPORT_SURFACES.get(sub_sport, Surface.ROAD)
    return Surface.ROAD


def _value(message: Any, name: str) -> object:
    value: object = message.get_value(name, fallback=None)
    return value


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _read_messages(data: bytes) -> tuple[object, object, list[Any]]:
    """Return the file type, the last `sport` message's sport, and the sessions."""
    file_type: object = None
    sport: object = None
    sessions: list[Any] = []
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "file_id" and file_type is None:
                    file_type = _value(frame, "type")
                elif frame.name == "sport":
                    sport = _value(frame, "sport")
                elif frame.name == "session":
                    sessions.append(frame)
    except (
        fitdecode.FitError,
        struct.error,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        UnicodeError,
    ) as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    return file_type, sport, sessions


def parse_fit(data: bytes, *, time_zone: tzinfo = UTC) -> list[ParsedActivity]:
    """Read every session of a FIT file; raise `FileRejectedError` if it is unusable.

    Bytes without the FIT signature are `unsupported`; a FIT file that fails to
    decode is `corrupt`; a FIT file that is not an activity (settings, a course) or
    has no session with a start time is `not_an_activity`.
    """
    if len(data) < 12 or data[8:12] != _MAGIC:
        raise FileRejectedError(Reason.UNSUPPORTED)
    file_type, file_sport, sessions = _read_messages(data)
    if file_type not in (None, "activity"):
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    activities: list[ParsedActivity] = []
    for session in sessions:
        start = _value(session, "start_time")
        if not isinstance(start, datetime):
            continue
        sport = _value(session, "sport")
        seconds = _number(_value(session, "total_timer_time")) or _number(
            _value(session, "total_elapsed_time")
        )
        metres = _number(_value(session, "total_distance"))
        activities.append(
            ParsedActivity(
                start=as_utc(start),
                distance_km=(metres or 0.0) / 1000,
                duration_minutes=seconds / 60 if seconds else None,
                surface=surface_for(
                    sport if sport is not None else file_sport,
                    _value(session, "sub_sport"),
                ),
            )
        )
    if not activities:
        raise FileRejectedError(Reason.NOT_AN_ACTIVITY)
    return activities


__all__ = ["parse_fit", "surface_for"]
