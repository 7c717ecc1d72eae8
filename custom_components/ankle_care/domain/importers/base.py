"""Shared types of the activity importers: results, error reasons, limits, helpers.

The format modules (`strava`, `fit`, `gpx`, `tcx`) turn one file's bytes into
`ParsedActivity` items or raise `FileRejectedError` with a stable `Reason`; the package
entry point walks paths, archives and folders and builds the `ImportResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
import gzip
import io
import math
import re
import zlib

from ..records import MAX_RUN_KM, Run, Surface


class Reason(StrEnum):
    """Why a file imported nothing; each value doubles as a translation key."""

    CORRUPT = "corrupt"
    """The file claims a known format but cannot be read (truncated, bad CRC...)."""
    UNSUPPORTED = "unsupported"
    """The file is not of a format the importer reads (or not what its name says)."""
    NOT_AN_ACTIVITY = "not_an_activity"
    """The file is well formed but holds no recorded activity (a route, settings)."""
    EMPTY = "empty"
    """The file, archive or folder holds nothing at all (no bytes, no rows)."""
    TOO_LARGE = "too_large"
    """The file, once decompressed, is over the size limits."""
    NOT_FOUND = "not_found"
    """The path does not exist."""
    UNREADABLE = "unreadable"
    """The path exists but the operating system refused to read it."""
    OUTSIDE_FOLDER = "outside_folder"
    """A link in the folder points outside it; it is not followed."""
    SPECIAL_FILE = "special_file"
    """A pipe, socket or device in the folder; it is never opened."""
    OUT_OF_RANGE = "out_of_range"
    """A run with an impossible distance or date (negative, over the cap, pre-1990)."""


class WarningReason(StrEnum):
    """Why a file's activity was kept with a caveat, or left out without an error.

    Each value doubles as a translation key; a warning never stops the other files.
    """

    PARTLY_READ = "partly_read"
    """Decoding stopped part-way; the activity was read whole before it stopped."""
    READ_LENIENTLY = "read_leniently"
    """The file breaks its format's rules in a way the reader could step over."""
    BAD_CRC = "bad_crc"
    """The file's checksum is wrong; its activity was read whole nonetheless."""
    NO_DISTANCE = "no_distance"
    """A run of 0 km (an empty leg, a row without a distance): not imported."""
    TOO_EARLY = "too_early"
    """An activity dated before `IMPORT_EARLIEST` (a misread device time): not imported."""
    IN_FUTURE = "in_future"
    """An activity dated after the import (a wrong clock): not imported."""


IMPORT_EARLIEST = datetime(1991, 1, 1, tzinfo=UTC)
"""Activities dated earlier are not imported: a FIT device-relative time read as a
date lands in 1990, and no GPS watch recorded runs before 1991."""


class FileRejectedError(Exception):
    """Raised by the format readers when a whole file must be rejected."""

    def __init__(self, reason: Reason) -> None:
        """Keep the stable reason key."""
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportLimits:
    """Caps that keep a hostile or huge archive from exhausting memory or time.

    `max_file_bytes` bounds one file after decompression (a zip member, a gunzipped
    file or a plain file); the reader stops at the cap rather than trusting sizes
    declared in archive headers. `max_total_bytes` bounds everything decompressed in
    one import, and `max_files` the number of activity files in one archive or folder.
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    max_files: int = 50_000
    max_run_km: float = MAX_RUN_KM
    earliest_start: datetime = IMPORT_EARLIEST  # later than EARLIEST_RECORD_TIME
    future_tolerance: timedelta = timedelta(minutes=2)

    def accepts(self, distance_km: float) -> bool:
        """Return whether a run's distance is possible (as log_run's)."""
        return math.isfinite(distance_km) and 0 <= distance_km <= self.max_run_km


DEFAULT_LIMITS = ImportLimits()


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedActivity:
    """One activity read from a file; `surface` is None when it is not a run.

    `duration_minutes` is the moving (timer) time, `elapsed_minutes` the wall-clock
    time from start to finish, pauses included, when the file gives it; `warning`
    says the file was read with a caveat (the activity is still imported).
    """

    start: datetime
    distance_km: float
    duration_minutes: float | None
    surface: Surface | None
    note: str | None = None
    elapsed_minutes: float | None = None
    warning: WarningReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedRun:
    """A run found by an importer, before the caller gives it an id and a shoe.

    `note` carries the activity's name (Strava's "Activity Name", a GPX track name,
    TCX notes); `shoe_name` is Strava's "Activity Gear", for the caller to match to
    a shoe. `source` is "strava", "fit", "gpx" or "tcx"; `source_id` is Strava's
    activity id for CSV rows and None for runs read from activity files.
    """

    start: datetime
    distance_km: float
    duration_minutes: float | None = None
    surface: Surface = Surface.ROAD
    shoe_name: str | None = None
    note: str | None = None
    source: str
    source_id: str | None = None
    elapsed_minutes: float | None = None

    def __post_init__(self) -> None:
        """Reject naive timestamps."""
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ValueError("timestamps must be timezone-aware")

    def to_run(self, run_id: str, *, shoe_id: str | None = None) -> Run:
        """Return the stored record for this run under the caller's id and shoe."""
        return Run(
            id=run_id,
            start=self.start,
            distance_km=self.distance_km,
            duration_minutes=self.duration_minutes,
            surface=self.surface,
            shoe_id=shoe_id,
            note=self.note,
            source=self.source,
            source_id=self.source_id,
        )


@dataclass(frozen=True, slots=True)
class FileError:
    """A file and a reason key: an error (it imported nothing) or a warning.

    Errors carry a `Reason`, warnings an `WarningReason`.
    """

    file: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What one import found: runs in start order, skipped counts, errors, warnings.

    `merged` counts the runs found twice in the import from different sources
    (a CSV row and its watch file) and folded into one; `duplicates_skipped` the
    runs found twice from the same kind of source.
    """

    runs: list[ImportedRun]
    non_runs_skipped: int = 0
    duplicates_skipped: int = 0
    merged: int = 0
    errors: list[FileError]
    warnings: list[FileError] = field(default_factory=list)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, reading at most `limit` bytes of output."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    if len(out) > limit:
        raise FileRejectedError(Reason.TOO_LARGE)
    return out


_ENCODING_RE = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_BOM = b"\xef\xbb\xbf"


def xml_text(data: bytes) -> str:
    """Decode an XML document, dropping a BOM and leading whitespace.

    Strava's bulk export writes TCX files with blanks before the XML declaration,
    which XML parsers reject; those are stripped. Content that does not start with
    `<` is not XML at all and is reported as unsupported.
    """
    body = data.removeprefix(_BOM).lstrip()
    if not body.startswith(b"<"):
        raise FileRejectedError(Reason.UNSUPPORTED)
    match = _ENCODING_RE.match(body)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError) as err:
        raise FileRejectedError(Reason.CORRUPT) from err


_ROOT_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")
_PROLOG_RE = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s+", re.DOTALL)


def root_name(text: str) -> str | None:
    """Return the local name of an XML document's root element, if there is one."""
    position = 0
    while match := _PROLOG_RE.match(text, position):
        position = match.end()
    root = _ROOT_RE.match(text, position)
    if root is None:
        return None
    return root.group(1).rpartition(":")[2]


def parse_time(value: str) -> datetime:
    """Parse an ISO 8601 time as written in GPX and TCX; naive means UTC."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    return as_utc(moment)


def as_utc(moment: datetime) -> datetime:
    """Return an aware UTC datetime, reading a naive one as UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def clean_text(value: str | None) -> str | None:
    """Return stripped text, or None for missing or blank text."""
    if value is None:
        return None
    value = value.strip()
    return value or None


__all__ = [
    "DEFAULT_LIMITS",
    "IMPORT_EARLIEST",
    "FileError",
    "FileRejectedError",
    "ImportLimits",
    "ImportResult",
    "ImportedRun",
    "ParsedActivity",
    "Reason",
    "WarningReason",
    "as_utc",
    "clean_text",
    "gunzip",
    "parse_time",
    "root_name",
    "xml_text",
]
