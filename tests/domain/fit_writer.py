"""Write small FIT files, broken ones too, for tests/domain/test_import_fit.py.

It builds on the fixture encoder of `tests/fixtures/activities/make_samples.py`
(its CRC-16 and FIT time) and adds what that encoder cannot write: fields of any
size holding any bytes (a size that is not a multiple of the base type's, as Coros
watches write), device-relative times ("system time", as older Garmin devices
store), the `activity` and `timestamp_correlation` messages, and headers that
claim a body size other than the one written. Everything is little-endian.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
import struct

from tests.fixtures.activities.make_samples import (
    ENUM,
    FILE_ACTIVITY,
    SPORT_RUNNING,
    SUB_GENERIC,
    UINT16,
    UINT32,
    UINT32Z,
    fit_crc,
    fit_time,
)

BYTE = 0x0D
INVALID_UINT32 = 0xFFFFFFFF
SYSTEM_TIME_LIMIT = 0x10000000
"""FIT date_time values below this are seconds since the device powered up."""

FILE_ID, SESSION, ACTIVITY, TIMESTAMP_CORRELATION = 0, 18, 34, 162


@dataclass(frozen=True)
class Field:
    """One field: its number, base type and raw bytes (their length is its size)."""

    number: int
    base_type: int
    raw: bytes


def enum(number: int, value: int) -> Field:
    return Field(number, ENUM, struct.pack("<B", value))


def uint16(number: int, value: int) -> Field:
    return Field(number, UINT16, struct.pack("<H", value))


def uint32(number: int, value: int) -> Field:
    return Field(number, UINT32, struct.pack("<I", value))


def time_field(number: int, value: datetime | int | None) -> Field:
    """A date_time field: a date, a device-relative count of seconds, or invalid."""
    if isinstance(value, datetime):
        value = fit_time(value)
    return uint32(number, INVALID_UINT32 if value is None else value)


def message(local: int, global_num: int, fields: list[Field]) -> bytes:
    """Return a definition message and one data message using it."""
    definition = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    for field in fields:
        definition += struct.pack("<BBB", field.number, len(field.raw), field.base_type)
    return definition + struct.pack("<B", local) + b"".join(f.raw for f in fields)


def file_id(file_type: int = FILE_ACTIVITY, *extra: Field) -> bytes:
    return message(
        0,
        FILE_ID,
        [
            enum(0, file_type),
            uint16(1, 1),  # garmin
            uint16(2, 1),
            Field(3, UINT32Z, struct.pack("<I", 1234567)),
            *extra,
        ],
    )


def session(
    start: datetime | int | None,
    *,
    metres: float | None = 5000.0,
    timer_seconds: float | None = 1500.0,
    elapsed_seconds: float | None = 1600.0,
    sport: int = SPORT_RUNNING,
    sub_sport: int = SUB_GENERIC,
    end: datetime | int | None = None,
    extra: tuple[Field, ...] = (),
) -> bytes:
    """Return a session message; None writes FIT's invalid value.

    `end` is the session's `timestamp` (left out when None), `extra` more fields.
    """

    def scaled(value: float | None, scale: int) -> int:
        return INVALID_UINT32 if value is None else round(value * scale)

    return message(
        1,
        SESSION,
        [
            time_field(2, start),
            uint32(7, scaled(elapsed_seconds, 1000)),
            uint32(8, scaled(timer_seconds, 1000)),
            uint32(9, scaled(metres, 100)),
            enum(5, sport),
            enum(6, sub_sport),
            *([] if end is None else [time_field(253, end)]),
            *extra,
        ],
    )


def activity(timestamp: datetime | int | None, local_timestamp: int | None) -> bytes:
    """Return an `activity` message; `local_timestamp` is raw local seconds."""
    fields = [time_field(253, timestamp), uint16(1, 1)]
    if local_timestamp is not None:
        fields.append(uint32(5, local_timestamp))
    return message(2, ACTIVITY, fields)


def timestamp_correlation(
    timestamp: datetime | int | None,
    system_timestamp: int | None,
    local_timestamp: int | None = None,
) -> bytes:
    """Return a `timestamp_correlation` message (None leaves a field out)."""
    fields = [time_field(253, timestamp)]
    if system_timestamp is not None:
        fields.append(time_field(1, system_timestamp))
    if local_timestamp is not None:
        fields.append(uint32(3, local_timestamp))
    return message(3, TIMESTAMP_CORRELATION, fields)


def local_seconds(moment: datetime) -> int:
    """Return FIT local_date_time seconds: the wall-clock time of `moment` in its zone."""
    return fit_time(moment.replace(tzinfo=UTC))


def fit_bytes(
    records: bytes,
    *,
    body_size: int | None = None,
    crc: bool = True,
    header_crc: int | None = None,
) -> bytes:
    """Return a 14-byte header, the records and (if `crc`) the file CRC.

    `body_size` is what the header claims (the records' length by default);
    `header_crc` overrides the header's CRC.
    """
    claimed = len(records) if body_size is None else body_size
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, claimed, b".FIT")
    header += struct.pack("<H", fit_crc(header) if header_crc is None else header_crc)
    body = header + records
    return body + struct.pack("<H", fit_crc(body)) if crc else body


def flip_last_byte(data: bytes) -> bytes:
    """Return the data with its last byte (half the file CRC) inverted."""
    return data[:-1] + bytes([data[-1] ^ 0xFF])
