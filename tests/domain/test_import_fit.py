"""FIT import fidelity on damaged and older files (issue 12).

The files are written here (see `fit_writer.py`), shaped as the real ones that
failed: a bad CRC, a header claiming more bytes than the file holds (Strava's
Android app), field sizes that are not a multiple of their base type's (Coros),
and start times counted from the device's power-up (older Garmins such as the
Forerunner 70).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
import warnings
from zoneinfo import ZoneInfo

import pytest

from custom_components.ankle_care.domain.importers import (
    FileError,
    WarningReason,
    fit,
    import_activities,
)
from custom_components.ankle_care.domain.importers.base import (
    FileRejectedError,
    ParsedActivity,
    Reason,
)
from custom_components.ankle_care.domain.importers.fit import parse_fit
from custom_components.ankle_care.domain.records import Surface
from tests.fixtures.activities.make_samples import (
    FILE_ACTIVITY,
    FILE_SETTINGS,
    SUB_TRAIL,
    UINT16,
    UINT32,
    fit_samples,
)

from .fit_writer import (
    BYTE,
    SESSION,
    Field,
    activity,
    file_id,
    fit_bytes,
    flip_last_byte,
    local_seconds,
    message,
    session,
    timestamp_correlation,
    uint32,
)

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "activities"
BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2024, 5, 4, 7, 30, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def rejected(data: bytes, **kwargs: object) -> Reason:
    with pytest.raises(FileRejectedError) as err:
        parse_fit(data, **kwargs)  # type: ignore[arg-type]
    return err.value.reason


def one(data: bytes, **kwargs: object) -> ParsedActivity:
    activities = parse_fit(data, **kwargs)  # type: ignore[arg-type]
    assert len(activities) == 1
    return activities[0]


def a_run(*, start: datetime | int = START, extra: tuple[Field, ...] = ()) -> bytes:
    """Return the records of a whole 5 km run (1500 s moving, 1600 s elapsed)."""
    return file_id() + session(start, extra=extra)


# --- (a) bad CRC -------------------------------------------------------------------


def test_a_bad_file_crc_with_a_whole_session_imports_with_a_warning() -> None:
    data = fit_samples()["bad_crc.fit"]  # the fixture: the file CRC's last byte flipped
    run = one(data)
    assert run.warning is WarningReason.BAD_CRC
    assert run.start == utc(2024, 5, 4, 7, 30)
    assert run.distance_km == pytest.approx(12.345)
    assert run.duration_minutes == 75.0
    assert run.surface is Surface.TRAIL


def test_a_bad_header_crc_with_a_whole_session_imports_with_a_warning() -> None:
    run = one(fit_bytes(a_run(), header_crc=0x1234))
    assert run.warning is WarningReason.BAD_CRC
    assert run.start == START
    assert run.distance_km == 5.0


def test_a_bad_crc_imports_through_import_activities(tmp_path: Path) -> None:
    path = tmp_path / "run.fit"
    path.write_bytes(flip_last_byte(fit_bytes(a_run())))
    result = import_activities(path, now=utc(2025, 1, 1))
    assert [(run.start, run.distance_km) for run in result.runs] == [(START, 5.0)]
    assert result.errors == []
    assert result.warnings == [FileError("run.fit", "bad_crc")]


def test_a_whole_file_has_no_warning() -> None:
    assert one(fit_bytes(a_run())).warning is None
    assert one(fit_samples()["run_trail.fit"]).warning is None


def test_a_bad_crc_without_a_complete_session_is_still_corrupt() -> None:
    # A session with a start but neither a distance nor a time is not complete.
    empty = session(START, metres=None, timer_seconds=None, elapsed_seconds=None)
    assert rejected(flip_last_byte(fit_bytes(file_id() + empty))) is Reason.CORRUPT
    # A settings file with a bad CRC holds no session at all.
    assert rejected(flip_last_byte(fit_bytes(file_id(FILE_SETTINGS)))) is (
        Reason.CORRUPT
    )


# --- (b) partly read ---------------------------------------------------------------


def test_a_header_claiming_three_more_bytes_after_the_session_is_partly_read() -> None:
    records = a_run()
    # Strava's Android app: the header counts three bytes the file does not hold, so
    # the file CRC is read as the start of a record and decoding stops there.
    data = fit_bytes(records, body_size=len(records) + 3)
    run = one(data)
    assert run.warning is WarningReason.PARTLY_READ
    assert (run.start, run.distance_km, run.duration_minutes) == (START, 5.0, 25.0)


def test_a_file_cut_after_its_session_is_partly_read() -> None:
    records = a_run()
    no_crc = fit_bytes(records, body_size=len(records) + 3, crc=False)
    assert one(no_crc).warning is WarningReason.PARTLY_READ
    # The body is whole but the file CRC is missing.
    assert one(fit_bytes(records, crc=False)).warning is WarningReason.PARTLY_READ


def test_decoding_that_stops_after_the_session_keeps_the_run() -> None:
    # As in the Strava-app file, the session comes early and decoding fails a little
    # further on: a data record for a local message that was never defined.
    records = a_run() + bytes([0x0F, 1, 2, 3]) + file_id()
    run = one(fit_bytes(records))
    assert run.warning is WarningReason.PARTLY_READ
    assert run.start == START


def test_a_partly_read_run_imports_through_import_activities(tmp_path: Path) -> None:
    records = a_run()
    path = tmp_path / "strava-app.fit"
    path.write_bytes(fit_bytes(records, body_size=len(records) + 3))
    result = import_activities(path, now=utc(2025, 1, 1))
    assert [(run.start, run.distance_km) for run in result.runs] == [(START, 5.0)]
    assert result.errors == []
    assert result.warnings == [FileError("strava-app.fit", "partly_read")]


# --- (c) still corrupt -------------------------------------------------------------


@pytest.mark.parametrize("cut", [1, 5, 12, 20])
def test_a_file_cut_inside_its_session_is_corrupt(cut: int) -> None:
    records = a_run()[:-cut]
    claimed = len(records) + cut + 3
    assert rejected(fit_bytes(records, body_size=claimed, crc=False)) is (
        Reason.CORRUPT
    )
    assert rejected(fit_bytes(a_run())[: -cut - 2]) is Reason.CORRUPT


def test_the_truncated_fixture_is_still_corrupt() -> None:
    assert rejected(fit_samples()["truncated.fit"]) is Reason.CORRUPT


def test_decoding_that_stops_before_the_session_is_corrupt() -> None:
    records = file_id() + bytes([0x0F, 1, 2, 3]) + session(START)
    assert rejected(fit_bytes(records)) is Reason.CORRUPT


# --- (d) misaligned field sizes ----------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        Field(11, UINT16, b"\x10\x00\x00"),  # total_calories, uint16 of 3 bytes
        Field(20, UINT16, b"\x01\x02\x03\x04\x05"),  # an array of uint16, 5 bytes
        Field(110, UINT32, b"Coros\x00"),  # a name written as "uint32" of 6 bytes
    ],
)
def test_a_misaligned_field_size_is_read_leniently(field: Field) -> None:
    run = one(fit_bytes(a_run(extra=(field,))))
    assert run.warning is WarningReason.READ_LENIENTLY
    assert (run.start, run.distance_km, run.duration_minutes) == (START, 5.0, 25.0)


def test_a_misaligned_time_field_does_not_stop_decoding() -> None:
    # The session's end time as a "uint32" of 5 bytes: read as bytes, not as a time.
    end = Field(253, UINT32, b"\x01\x02\x03\x04\x05")
    run = one(fit_bytes(a_run(extra=(end,))))
    assert run.warning is WarningReason.READ_LENIENTLY
    assert run.start == START
    # A misaligned start time is no start time: the session cannot be placed.
    start = Field(2, UINT32, b"\x01\x02\x03\x04\x05")
    records = file_id() + message(1, SESSION, [start, uint32(9, 500_000)])
    assert rejected(fit_bytes(records)) is Reason.NOT_AN_ACTIVITY


def test_a_misaligned_field_imports_through_import_activities(tmp_path: Path) -> None:
    path = tmp_path / "coros.fit"
    path.write_bytes(fit_bytes(a_run(extra=(Field(11, UINT16, b"\x10\x00\x00"),))))
    result = import_activities(path, now=utc(2025, 1, 1))
    assert [(run.start, run.distance_km) for run in result.runs] == [(START, 5.0)]
    assert result.warnings == [FileError("coros.fit", "read_leniently")]


def test_a_misaligned_field_in_the_file_id_is_read_leniently() -> None:
    records = file_id(FILE_ACTIVITY, Field(8, UINT32, b"abcdefg")) + session(START)
    assert one(fit_bytes(records)).warning is WarningReason.READ_LENIENTLY


@pytest.mark.parametrize(
    "field",
    [
        Field(20, UINT16, b"\x01\x02\x03\x04"),  # a proper array of two uint16
        Field(21, BYTE, b"\x01\x02\x03"),  # bytes may be of any size
    ],
)
def test_aligned_fields_are_not_flagged(field: Field) -> None:
    assert one(fit_bytes(a_run(extra=(field,)))).warning is None


def test_a_bad_crc_outranks_a_misaligned_field() -> None:
    data = fit_bytes(a_run(extra=(Field(11, UINT16, b"\x10\x00\x00"),)))
    assert one(flip_last_byte(data)).warning is WarningReason.BAD_CRC


def test_lenient_reading_emits_no_python_warnings() -> None:
    misaligned = a_run(extra=(Field(11, UINT16, b"\x10\x00\x00"),))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        one(fit_bytes(misaligned))
        one(flip_last_byte(fit_bytes(misaligned)))
        one(fit_bytes(a_run(), header_crc=0x1234))
        one(fit_bytes(misaligned, body_size=len(misaligned) + 3))


# --- (e) device-relative start, timestamp_correlation -------------------------------

POWER_ON_SECONDS = 1_000_000  # the device's clock when the correlation was written
CORRELATED = utc(2011, 3, 5, 8, 0)


def test_a_relative_start_is_placed_by_the_timestamp_correlation() -> None:
    records = (
        file_id()
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
        + session(POWER_ON_SECONDS + 600, end=POWER_ON_SECONDS + 2200)
    )
    run = one(fit_bytes(records))
    assert run.start == utc(2011, 3, 5, 8, 10)
    assert (run.distance_km, run.duration_minutes) == (5.0, 25.0)
    assert run.warning is None
    # The correlation is in UTC: the runner's time zone does not move the run.
    assert one(fit_bytes(records), time_zone=BERLIN).start == utc(2011, 3, 5, 8, 10)


def test_a_correlation_after_the_session_places_it_too() -> None:
    records = (
        file_id()
        + session(POWER_ON_SECONDS - 3600)
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
    )
    assert one(fit_bytes(records)).start == utc(2011, 3, 5, 7, 0)


def test_the_nearest_correlation_places_each_session() -> None:
    # The device re-synced its clock: the second correlation is 7 s off the first.
    records = (
        file_id()
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
        + timestamp_correlation(
            CORRELATED + timedelta(days=1, seconds=7), POWER_ON_SECONDS + 86_400
        )
        + session(POWER_ON_SECONDS + 120)
        + session(POWER_ON_SECONDS + 86_400 + 120)
    )
    assert [run.start for run in parse_fit(fit_bytes(records))] == [
        utc(2011, 3, 5, 8, 2),
        utc(2011, 3, 6, 8, 2, 7),
    ]


def test_a_local_only_correlation_is_read_in_the_runners_time_zone() -> None:
    local = local_seconds(datetime(2011, 7, 5, 10, 0, tzinfo=BERLIN))
    records = (
        file_id()
        + timestamp_correlation(None, POWER_ON_SECONDS, local_timestamp=local)
        + session(POWER_ON_SECONDS + 600)
    )
    run = one(fit_bytes(records), time_zone=BERLIN)
    assert run.start == utc(2011, 7, 5, 8, 10)  # 10:10 in Berlin, summer time


def test_a_placed_relative_start_imports_through_import_activities(
    tmp_path: Path,
) -> None:
    path = tmp_path / "forerunner70.fit"
    path.write_bytes(
        fit_bytes(
            file_id()
            + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
            + session(POWER_ON_SECONDS + 600)
        )
    )
    result = import_activities(path, now=utc(2025, 1, 1))
    assert [(run.start, run.source) for run in result.runs] == [
        (utc(2011, 3, 5, 8, 10), "fit")
    ]
    assert result.errors == []
    assert result.warnings == []


# --- (f) device-relative start, activity message ------------------------------------


@pytest.mark.parametrize(
    ("finish_in_berlin", "start_utc"),
    [
        (datetime(2009, 7, 15, 19, 50, tzinfo=BERLIN), utc(2009, 7, 15, 17, 0)),
        (datetime(2010, 1, 20, 19, 50, tzinfo=BERLIN), utc(2010, 1, 20, 18, 0)),
    ],
    ids=["summer", "winter"],
)
def test_a_relative_start_is_placed_by_the_activity_local_time(
    finish_in_berlin: datetime, start_utc: datetime
) -> None:
    start = 50_000
    records = (
        file_id()
        + session(start, end=start + 3000)
        + activity(start + 3000, local_seconds(finish_in_berlin))
    )
    run = one(fit_bytes(records), time_zone=BERLIN)
    assert run.start == start_utc
    assert run.warning is None
    # Without the runner's zone the local wall-clock time is taken as UTC.
    offset = finish_in_berlin.utcoffset()
    assert offset is not None
    assert one(fit_bytes(records)).start == start_utc + offset


def test_the_activity_local_time_through_import_activities(tmp_path: Path) -> None:
    path = tmp_path / "forerunner70.fit"
    finish = datetime(2009, 7, 15, 19, 50, tzinfo=BERLIN)
    path.write_bytes(
        fit_bytes(file_id() + session(50_000) + activity(53_000, local_seconds(finish)))
    )
    result = import_activities(path, time_zone=BERLIN, now=utc(2025, 1, 1))
    assert [run.start for run in result.runs] == [utc(2009, 7, 15, 17, 0)]


def test_the_correlation_outranks_the_activity_message() -> None:
    finish = datetime(2011, 3, 5, 20, 0, tzinfo=BERLIN)
    records = (
        file_id()
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
        + session(POWER_ON_SECONDS + 600)
        + activity(POWER_ON_SECONDS + 2200, local_seconds(finish))
    )
    assert one(fit_bytes(records), time_zone=BERLIN).start == utc(2011, 3, 5, 8, 10)


# --- (g) device-relative start that nothing places ----------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        b"",
        activity(53_000, None),  # no local time
        activity(53_000, 40_000),  # a local time that is itself relative
        activity(utc(2011, 3, 5, 9), None),  # an absolute time, no relative one
        timestamp_correlation(1_000, 50_000),  # a correlation of two relative times
    ],
    ids=["nothing", "no-local", "relative-local", "absolute-only", "relative-pair"],
)
def test_a_relative_start_nothing_places_is_not_an_activity(extra: bytes) -> None:
    records = file_id() + session(50_000, end=53_000) + extra
    assert rejected(fit_bytes(records)) is Reason.NOT_AN_ACTIVITY


def test_a_long_device_uptime_never_becomes_a_date(tmp_path: Path) -> None:
    # Read as a date this count would be mid-1998, after IMPORT_EARLIEST.
    uptime = 0x0FF0_0000
    path = tmp_path / "forerunner70.fit"
    path.write_bytes(fit_bytes(file_id() + session(uptime, end=uptime + 1600)))
    result = import_activities(path, now=utc(2025, 1, 1))
    assert result.runs == []
    assert result.errors == [FileError("forerunner70.fit", "not_an_activity")]


def test_a_placed_session_is_kept_beside_an_unplaced_one() -> None:
    records = (
        file_id()
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
        + session(POWER_ON_SECONDS + 600)
        + session(START)
    )
    assert [run.start for run in parse_fit(fit_bytes(records))] == [
        utc(2011, 3, 5, 8, 10),
        START,
    ]


# --- (h) elapsed time --------------------------------------------------------------


def test_elapsed_minutes_come_from_total_elapsed_time() -> None:
    run = one(fit_samples()["run_trail.fit"])
    assert run.duration_minutes == 75.0  # timer time
    assert run.elapsed_minutes == 80.0  # wall-clock span, pauses included
    brick = parse_fit(fit_samples()["brick.fit"])
    assert [(r.duration_minutes, r.elapsed_minutes) for r in brick] == [
        (40.0, 40.0),
        (22.0, 22.0),  # no timer time: the duration is the elapsed time
    ]


def test_elapsed_minutes_reach_the_imported_run() -> None:
    result = import_activities(SAMPLES / "run_trail.fit")
    assert [(r.duration_minutes, r.elapsed_minutes) for r in result.runs] == [
        (75.0, 80.0)
    ]


def test_no_elapsed_time_leaves_elapsed_minutes_empty() -> None:
    records = file_id() + session(START, elapsed_seconds=None, sub_sport=SUB_TRAIL)
    run = one(fit_bytes(records))
    assert (run.duration_minutes, run.elapsed_minutes) == (25.0, None)


# --- robustness --------------------------------------------------------------------


def test_cut_or_flipped_bytes_only_ever_reject_the_file() -> None:
    data = fit_bytes(
        file_id()
        + timestamp_correlation(CORRELATED, POWER_ON_SECONDS)
        + session(POWER_ON_SECONDS + 600, extra=(Field(11, UINT16, b"\x10\x00\x00"),))
        + activity(POWER_ON_SECONDS + 2200, local_seconds(utc(2011, 3, 5, 9)))
    )
    variants = [data[:size] for size in range(len(data))]
    for index in range(12, len(data)):
        for mask in (0x01, 0x80, 0xFF):
            flipped = bytearray(data)
            flipped[index] ^= mask
            variants.append(bytes(flipped))
    for variant in variants:
        try:
            activities = parse_fit(variant, time_zone=BERLIN)
        except FileRejectedError:
            continue
        for run in activities:
            assert run.start.tzinfo is not None


def test_relative_times_are_recognised_as_int_or_as_datetime() -> None:
    # fitdecode gives an int below 0x10000000; another processor might give a date.
    epoch = utc(1989, 12, 31)
    assert fit._system_seconds(86_400) == 86_400
    assert fit._system_seconds(epoch + timedelta(days=1)) == 86_400
    assert fit._system_seconds(utc(2024, 5, 4)) is None
    assert fit._system_seconds(True) is None
    assert fit._absolute(epoch + timedelta(days=1)) is None
    assert fit._absolute(0x10000000) == utc(1998, 7, 3, 21, 24, 16)
    assert fit._absolute(utc(2024, 5, 4)) == utc(2024, 5, 4)
    assert fit._absolute((1, 2, 3)) is None


def test_time_values_read_as_bytes_are_left_alone() -> None:
    class FieldValue:
        value = (1, 2, 3)

    processor = fit._Processor()
    for method in (
        processor.process_type_date_time,
        processor.process_type_local_date_time,
        processor.process_type_localtime_into_day,
    ):
        field_value = FieldValue()
        method(None, field_value)
        assert field_value.value == (1, 2, 3)
