"""Read Garmin FIT activity files with `fitdecode`.

Each `session` message is one activity: its sport decides whether it is a run
(`running`), its sub-sport the surface (`trail`, `track`, `treadmill`; indoor and
virtual running count as treadmill), and its start time, total distance and timer
time (elapsed time when there is no timer time) give the run; `total_elapsed_time`
(the wall-clock span, pauses included) gives `elapsed_minutes`.

Damaged files. Watches and apps write files that break the format in ways a
lenient reader steps over, so the file is decoded leniently
(`ErrorHandling.IGNORE`, `CrcCheck.READONLY`) and what was read is judged:

- decoding stops part-way (a truncated file, a header that claims more bytes than
  the file holds, as Strava's Android app writes, a broken record): the messages
  read before the stop are kept, and the sessions among them that are complete (a
  usable start time, and a total distance or time) import with the warning
  `partly_read`;
- a header or file CRC that does not match (the `FitHeader.crc_matched` and
  `FitCRC.matched` the reader computes) with the file otherwise read whole:
  `bad_crc`, again only for complete sessions;
- a field whose size is not a multiple of its base type's size (Coros), which
  fitdecode reads as plain bytes (and the processor here leaves alone, even in a
  time field, where fitdecode's own would stop on them): `read_leniently`. It is
  found by reading the field definitions in the raw bytes of each definition
  message (`keep_raw_chunks`) and applying fitdecode's own test; other liberties
  the reader takes silently (undeclared developer fields, unknown base types) are
  not flagged.

One warning per file, the gravest first: `partly_read`, `bad_crc`,
`read_leniently`. A damaged file (stopped or bad CRC) without a complete session
is `corrupt`, as before. fitdecode's lenient modes report through Python
`warnings` only in their `WARN` variants; `IGNORE` and `READONLY` warn nothing, so
no `warnings.catch_warnings` (process-global, not thread-safe) is needed: the
reader runs in an executor thread and everything is read off the frames.

Device-relative times. FIT `date_time` values below 0x10000000 are seconds since
the device powered up ("system time"); older Garmin devices (Forerunner 70) store
`start_time` so. fitdecode leaves such a value an `int` (it converts only larger
ones to a `datetime`); a `datetime` before 1998-07-03 21:24:16 UTC (the FIT
epoch plus 0x10000000 s) is read as such a count too. A relative start is placed, by the
anchor nearest to it in system time, with:

1. a `timestamp_correlation` message: its `system_timestamp` (or its `timestamp`
   when that is relative) is the same moment as its `timestamp` in UTC, else as
   its `local_timestamp`, a wall-clock time read in the runner's `time_zone`;
2. else an `activity` message whose `timestamp` is relative and whose
   `local_timestamp` (wall-clock, in `time_zone`) is absolute.

(The FIT profile has no `local_system_timestamp` field: the local time of a
correlation shares its `system_timestamp`.) A session whose relative start
nothing places is dropped, never read as a date near 1990 (a device up for years
would even give a date after 1991 that the importer would keep): a file with no
other session is `not_an_activity`, or `corrupt` if it is also damaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
import io
import struct
from typing import Any

import fitdecode  # type: ignore[import-untyped]

from ..records import Surface
from .base import FileRejectedError, ParsedActivity, Reason, WarningReason, as_utc

_SUB_SPORT_SURFACES: dict[str, Surface] = {
    "trail": Surface.TRAIL,
    "track": Surface.TRACK,
    "treadmill": Surface.TREADMILL,
    "indoor_running": Surface.TREADMILL,
    "virtual_activity": Surface.TREADMILL,
}

_MAGIC = b".FIT"

_FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_SYSTEM_TIME_LIMIT = 0x10000000
"""FIT date_time values below this are seconds since the device powered up."""
_SYSTEM_TIME_END = _FIT_EPOCH + timedelta(seconds=_SYSTEM_TIME_LIMIT)

# Errors fitdecode (or the struct and text decoding under it) raises on bad bytes.
_DECODE_ERRORS = (
    fitdecode.FitError,
    struct.error,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    UnicodeError,
    ArithmeticError,
    AssertionError,
)

# A definition message's raw bytes: record header, reserved, architecture, global
# message number (2), number of fields; then three bytes per field.
_FIELD_COUNT_AT = 5
_FIELDS_AT = 6


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


def _system_seconds(value: object) -> int | None:
    """Return a date_time value's seconds since power-up, if it is relative."""
    if isinstance(value, datetime):
        moment = as_utc(value)
        if _FIT_EPOCH <= moment < _SYSTEM_TIME_END:
            return (moment - _FIT_EPOCH) // timedelta(seconds=1)
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value < _SYSTEM_TIME_LIMIT else None
    return None


def _absolute(value: object) -> datetime | None:
    """Return a date_time value as an aware datetime, if it is a date.

    fitdecode gives `local_date_time` values labelled UTC; they stay so labelled
    here (the caller reads them in the runner's zone).
    """
    if isinstance(value, datetime):
        moment = as_utc(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        moment = _FIT_EPOCH + timedelta(seconds=value)
    else:
        return None
    return moment if moment >= _SYSTEM_TIME_END else None


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A moment known both in system time and as a date."""

    system: int
    moment: datetime
    local: bool  # `moment` is a wall-clock time (labelled UTC), not a UTC time

    def place(self, system: int, time_zone: tzinfo) -> datetime:
        """Return the UTC time of a system time, reading local times in `time_zone`."""
        moment = self.moment + timedelta(seconds=system - self.system)
        if self.local:
            return moment.replace(tzinfo=time_zone).astimezone(UTC)
        return moment


def _anchor(message: Any) -> _Anchor | None:
    """Return the anchor of a `timestamp_correlation` or `activity` message."""
    timestamp = _value(message, "timestamp")
    system: int | None = None
    utc: datetime | None = None
    if message.name == "timestamp_correlation":
        utc = _absolute(timestamp)
        system = _system_seconds(_value(message, "system_timestamp"))
    if system is None:
        system = _system_seconds(timestamp)
    if system is None:
        return None
    if utc is not None:
        return _Anchor(system, utc, local=False)
    wall = _absolute(_value(message, "local_timestamp"))
    return None if wall is None else _Anchor(system, wall, local=True)


@dataclass(slots=True)
class _Read:
    """What decoding a FIT file gave, and how it went."""

    file_type: object = None
    sport: object = None
    sessions: list[Any] = field(default_factory=list)
    correlations: list[_Anchor] = field(default_factory=list)
    activities: list[_Anchor] = field(default_factory=list)
    stopped: bool = False
    bad_crc: bool = False
    lenient: bool = False

    def take(self, frame: Any) -> None:
        if isinstance(frame, fitdecode.FitDataMessage):
            self._take_data(frame)
        elif isinstance(frame, fitdecode.FitDefinitionMessage):
            self.lenient = self.lenient or _misaligned(frame)
        elif isinstance(frame, fitdecode.FitHeader):
            self.bad_crc = self.bad_crc or frame.crc_matched is False
        elif isinstance(frame, fitdecode.FitCRC):
            self.bad_crc = self.bad_crc or not frame.matched

    def _take_data(self, frame: Any) -> None:
        name = frame.name
        if name == "file_id" and self.file_type is None:
            self.file_type = _value(frame, "type")
        elif name == "sport":
            self.sport = _value(frame, "sport")
        elif name == "session":
            self.sessions.append(frame)
        elif name in ("timestamp_correlation", "activity"):
            anchor = _anchor(frame)
            if anchor is not None:
                target = self.correlations if name != "activity" else self.activities
                target.append(anchor)

    @property
    def damaged(self) -> bool:
        return self.stopped or self.bad_crc

    @property
    def warning(self) -> WarningReason | None:
        if self.stopped:
            return WarningReason.PARTLY_READ
        if self.bad_crc:
            return WarningReason.BAD_CRC
        if self.lenient:
            return WarningReason.READ_LENIENTLY
        return None

    def place(self, system: int, time_zone: tzinfo) -> datetime | None:
        """Return the UTC time of a system time, or None if nothing places it."""
        for anchors in (
            [anchor for anchor in self.correlations if not anchor.local],
            self.correlations,
            self.activities,
        ):
            if anchors:
                nearest = min(anchors, key=lambda anchor: abs(system - anchor.system))
                return nearest.place(system, time_zone)
        return None


class _Processor(fitdecode.DefaultDataProcessor):  # type: ignore[misc]
    """fitdecode's processor, leaving time fields read as bytes alone.

    A misaligned time field reaches the processor as a tuple of bytes, which the
    default processor compares with a number (a `TypeError` that would stop
    decoding); such a value is left as it is and never used as a time.
    """

    def process_type_date_time(self, reader: Any, field_data: Any) -> None:
        if isinstance(field_data.value, int):
            super().process_type_date_time(reader, field_data)

    def process_type_local_date_time(self, reader: Any, field_data: Any) -> None:
        if isinstance(field_data.value, int):
            super().process_type_local_date_time(reader, field_data)

    def process_type_localtime_into_day(self, reader: Any, field_data: Any) -> None:
        if isinstance(field_data.value, int):
            super().process_type_localtime_into_day(reader, field_data)


def _misaligned(definition: Any) -> bool:
    """Return whether a definition message has a field fitdecode read as bytes.

    Applies fitdecode's test (a size that is not a multiple of the base type's)
    to the field definitions in the message's raw bytes.
    """
    raw: bytes = definition.chunk.bytes
    count = raw[_FIELD_COUNT_AT]
    for offset in range(_FIELDS_AT, _FIELDS_AT + 3 * count, 3):
        size, base_number = raw[offset + 1], raw[offset + 2]
        base_type = fitdecode.types.BASE_TYPES.get(base_number)
        if base_type is not None and size % base_type.size:
            return True
    return False


def _read_messages(data: bytes) -> _Read:
    """Decode leniently; keep what was read before decoding stopped, if it did."""
    read = _Read()
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            processor=_Processor(),
            check_crc=fitdecode.CrcCheck.READONLY,
            error_handling=fitdecode.ErrorHandling.IGNORE,
            keep_raw_chunks=True,
        ) as reader:
            for frame in reader:
                read.take(frame)
    except _DECODE_ERRORS:
        read.stopped = True
    return read


def _start(session: Any, read: _Read, time_zone: tzinfo) -> datetime | None:
    value = _value(session, "start_time")
    start = _absolute(value)
    if start is not None:
        return start
    system = _system_seconds(value)
    return None if system is None else read.place(system, time_zone)


def _activities(read: _Read, time_zone: tzinfo) -> Iterable[ParsedActivity]:
    warning = read.warning
    for session in read.sessions:
        start = _start(session, read, time_zone)
        if start is None:
            continue
        timer = _number(_value(session, "total_timer_time"))
        elapsed = _number(_value(session, "total_elapsed_time"))
        metres = _number(_value(session, "total_distance"))
        if read.damaged and metres is None and timer is None and elapsed is None:
            continue  # not a complete session: the damage may have cost its totals
        seconds = timer or elapsed
        sport = _value(session, "sport")
        yield ParsedActivity(
            start=start,
            distance_km=(metres or 0.0) / 1000,
            duration_minutes=seconds / 60 if seconds else None,
            surface=surface_for(
                sport if sport is not None else read.sport,
                _value(session, "sub_sport"),
            ),
            elapsed_minutes=elapsed / 60 if elapsed else None,
            warning=warning,
        )


def parse_fit(data: bytes, *, time_zone: tzinfo = UTC) -> list[ParsedActivity]:
    """Read every session of a FIT file; raise `FileRejectedError` if it is unusable.

    Bytes without the FIT signature are `unsupported`; a FIT file that is not an
    activity (settings, a course) or has no session with a start time that can be
    placed is `not_an_activity`, or `corrupt` when it is also damaged (decoding
    stopped or a CRC is wrong). `time_zone` is the runner's: local wall-clock
    times in the file (used only to place device-relative start times) are read in
    it.
    """
    if len(data) < 12 or data[8:12] != _MAGIC:
        raise FileRejectedError(Reason.UNSUPPORTED)
    read = _read_messages(data)
    failure = Reason.CORRUPT if read.damaged else Reason.NOT_AN_ACTIVITY
    if read.file_type not in (None, "activity"):
        raise FileRejectedError(failure)
    activities = list(_activities(read, time_zone))
    if not activities:
        raise FileRejectedError(failure)
    return activities


__all__ = ["parse_fit", "surface_for"]
