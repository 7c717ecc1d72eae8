"""Read the `activities.csv` of a Strava bulk export.

The file has duplicated column names, so it is read with `csv.reader` and columns
are found by position: the first `Distance` is in kilometres (possibly with thousands
commas), the second in metres; `Elapsed Time` also appears twice. Dates look like
`Oct 6, 2022, 11:19:20 PM` (newer exports put a narrow no-break space before the
AM/PM) and are in UTC.

Only `Run`, `Trail Run` and `Virtual Run` rows are read in full; other rows are
counted and their `Filename` remembered so that the export's activity files they
point to are not imported a second time.
"""

from __future__ import annotations

from collections.abc import Iterator
import csv
from dataclasses import dataclass
from datetime import UTC, datetime
import io
import math
import re

from ..records import Surface
from .base import FileRejectedError, Reason, as_utc, clean_text

RUN_TYPES: dict[str, Surface] = {
    "run": Surface.ROAD,
    "trail run": Surface.TRAIL,
    "virtual run": Surface.TREADMILL,
}
"""Strava activity types imported as runs (case-insensitive), with their surface."""

_REQUIRED = ("Activity ID", "Activity Date", "Activity Type")

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
        ),
        start=1,
    )
}
_DATE_RE = re.compile(
    r"\s*([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?\s*"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class StravaRun:
    """One run row of the CSV; `distance_km` is None when the row gives none."""

    activity_id: str | None
    start: datetime
    distance_km: float | None
    duration_minutes: float | None
    surface: Surface
    name: str | None
    gear: str | None
    filename: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StravaExport:
    """The runs of a CSV, how many other activities it lists and every file named."""

    runs: list[StravaRun]
    non_runs: int
    filenames: frozenset[str]


def parse_date(value: str) -> datetime:
    """Parse Strava's `Oct 6, 2022, 11:19:20 PM` (UTC); ISO 8601 is accepted too."""
    match = _DATE_RE.fullmatch(value)
    if match is None:
        try:
            return as_utc(datetime.fromisoformat(value.strip()))
        except ValueError as err:
            raise FileRejectedError(Reason.CORRUPT) from err
    month_name, day, year, hour, minute, second, meridiem = match.groups()
    month = _MONTHS.get(month_name.lower())
    hour_12 = int(hour)
    if month is None or not 1 <= hour_12 <= 12:
        raise FileRejectedError(Reason.CORRUPT)
    hour_24 = hour_12 % 12 + (12 if meridiem in "Pp" else 0)
    try:
        return datetime(
            int(year),
            month,
            int(day),
            hour_24,
            int(minute),
            int(second or 0),
            tzinfo=UTC,
        )
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


def parse_number(value: str) -> float | None:
    """Parse a CSV number such as `10.02`, `1,234.5` or `3600.0`; blank is None.

    Infinity and NaN are `corrupt`, like any other unreadable number.
    """
    value = value.strip().replace(",", "")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    if not math.isfinite(number):  # "inf", "nan": not a number a file means
        raise FileRejectedError(Reason.CORRUPT)
    return number


def _positions(header: list[str]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        positions.setdefault(name.strip(), []).append(index)
    return positions


def _column(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Columns:
    """Where each column the importer reads is, by position (None when missing).

    `km` is the first `Distance` (kilometres), `metres` the second; `elapsed` and
    `elapsed_2` the two `Elapsed Time` columns.
    """

    activity_id: int | None
    date: int | None
    type: int | None
    name: int | None
    gear: int | None
    file: int | None
    km: int | None
    metres: int | None
    elapsed: int | None
    elapsed_2: int | None
    moving: int | None

    @classmethod
    def from_header(cls, header: list[str] | None) -> _Columns:
        """Find the columns; raise `empty` without a header, `unsupported` if foreign."""
        if header is None or not any(cell.strip() for cell in header):
            raise FileRejectedError(Reason.EMPTY)
        positions = _positions(header)
        if any(name not in positions for name in _REQUIRED):
            raise FileRejectedError(Reason.UNSUPPORTED)

        def first(name: str) -> int | None:
            found = positions.get(name)
            return found[0] if found else None

        def second(name: str) -> int | None:
            found = positions.get(name)
            return found[1] if found and len(found) > 1 else None

        return cls(
            activity_id=first("Activity ID"),
            date=first("Activity Date"),
            type=first("Activity Type"),
            name=first("Activity Name"),
            gear=first("Activity Gear"),
            file=first("Filename"),
            km=first("Distance"),
            metres=second("Distance"),
            elapsed=first("Elapsed Time"),
            elapsed_2=second("Elapsed Time"),
            moving=first("Moving Time"),
        )

    def run(self, row: list[str], surface: Surface, filename: str | None) -> StravaRun:
        """Read one run row; raise `corrupt` if its date or numbers are unreadable."""
        metres = parse_number(_column(row, self.metres))
        distance = (
            metres / 1000 if metres is not None else parse_number(_column(row, self.km))
        )
        seconds = (
            parse_number(_column(row, self.moving))
            or parse_number(_column(row, self.elapsed_2))
            or parse_number(_column(row, self.elapsed))
        )
        return StravaRun(
            activity_id=clean_text(_column(row, self.activity_id)),
            start=parse_date(_column(row, self.date)),
            distance_km=distance or None,
            duration_minutes=seconds / 60 if seconds else None,
            surface=surface,
            name=clean_text(_column(row, self.name)),
            gear=clean_text(_column(row, self.gear)),
            filename=filename,
        )


def _read_rows(reader: Iterator[list[str]], columns: _Columns) -> StravaExport:
    """Read the data rows; raise `empty` when there are none."""
    runs: list[StravaRun] = []
    non_runs = 0
    filenames: set[str] = set()
    rows = 0
    for row in reader:
        if not any(row):
            continue
        rows += 1
        filename = clean_text(_column(row, columns.file))
        if filename:
            filenames.add(filename)
        surface = RUN_TYPES.get(_column(row, columns.type).strip().lower())
        if surface is None:
            non_runs += 1
            continue
        runs.append(columns.run(row, surface, filename))
    if rows == 0:
        raise FileRejectedError(Reason.EMPTY)
    return StravaExport(runs=runs, non_runs=non_runs, filenames=frozenset(filenames))


def parse_activities_csv(data: bytes) -> StravaExport:
    """Read a Strava `activities.csv`; raise `FileRejectedError` if it is unusable.

    A file with no bytes or no data rows is `empty`, one without Strava's columns
    `unsupported`, and one with a run row whose date or numbers cannot be read
    `corrupt` (then none of its rows are used).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        columns = _Columns.from_header(next(reader, None))
        return _read_rows(reader, columns)
    except csv.Error as err:
        raise FileRejectedError(Reason.CORRUPT) from err


__all__ = [
    "RUN_TYPES",
    "StravaExport",
    "StravaRun",
    "parse_activities_csv",
    "parse_date",
    "parse_number",
]
