"""Import runs from activity files: a Strava export, FIT, GPX and TCX files.

`import_activities(path)` is synchronous and pure (it only reads the path); the
Home Assistant side runs it in an executor, gives the runs ids, maps shoe names to
shoes and merges runs it already stores (`matching.py`: the same run from another
source is one run). The path may be:

- a Strava bulk-export `.zip`: its `activities.csv` and every activity file in it;
- a folder (not searched recursively, except for the `activities/` folder of an
  unpacked Strava export): its `activities.csv` and activity files;
- a Strava `activities.csv` (any name ending in `.csv`) on its own;
- one `.fit`, `.gpx` or `.tcx` file, each optionally gzipped (`.fit.gz`...).

A run listed in `activities.csv` is taken from the CSV; the activity file its
`Filename` names is not read again unless the row gives no distance, in which case
the distance (and a missing duration) comes from that file. Activity files that no
CSV row names are read on their own. Only runs are imported; other activities are
counted in `non_runs_skipped`. A run found twice in one import is one run
(`matching.py`): from another kind of source it is merged (`merged`), from the same
kind (one file under two names) dropped (`duplicates_skipped`). Runs of 0 km, dated
before 1991 or after the import are left out with a warning (`warnings`), as are
files read with a caveat (a FIT file decoded part-way or with a bad checksum).

A file that cannot be used adds a `FileError` with a stable reason key (see
`Reason`) and contributes nothing, while the other files still import. Inside an
archive or folder, files of other kinds (photos, other CSVs, hidden files) are
ignored silently. When the given path itself is missing, unreadable, of an unknown
kind, damaged, or holds nothing to import, the result is that one error and no runs.

An import never leaves the folder it was given: a symbolic link in it (to a file
or to the `activities/` folder) that points outside is not followed and is
reported as `outside_folder`; pipes, sockets and devices are never opened
(`special_file`). Files are opened without following links and without blocking,
so a file swapped for a link or a pipe after the scan is refused too. A run with
an impossible distance (negative, infinite, over `ImportLimits.max_run_km`) or a
start before 1990 is left out and its file reported as `out_of_range`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
import errno
import math
import os
from pathlib import Path, PurePosixPath
import stat
from typing import Protocol
import zipfile
import zlib

from .base import (
    DEFAULT_LIMITS,
    IMPORT_EARLIEST,
    FileError,
    FileRejectedError,
    ImportedRun,
    ImportLimits,
    ImportResult,
    ParsedActivity,
    Reason,
    WarningReason,
    gunzip,
)
from .fit import parse_fit
from .gpx import parse_gpx
from .matching import MatchOutcome, RunIndex, merge_imported, outcome
from .strava import StravaExport, StravaRun, parse_activities_csv
from .tcx import parse_tcx

_PARSERS: dict[str, Callable[[bytes, tzinfo], list[ParsedActivity]]] = {
    ".fit": lambda data, time_zone: parse_fit(data, time_zone=time_zone),
    ".gpx": lambda data, _: parse_gpx(data),
    ".tcx": lambda data, _: parse_tcx(data),
}

CSV_NAME = "activities.csv"


def activity_format(name: str) -> str | None:
    """Return "fit", "gpx" or "tcx" for an activity file name, or None."""
    lower = name.lower().removesuffix(".gz")
    for suffix in _PARSERS:
        if lower.endswith(suffix):
            return suffix[1:]
    return None


def parse_activity_file(
    name: str, data: bytes, limit: int, *, time_zone: tzinfo = UTC
) -> list[ParsedActivity]:
    """Parse one activity file's bytes, gunzipping `.gz`; raise `FileRejectedError`.

    `time_zone` is the runner's: a FIT file that only knows local time is placed in it.
    """
    kind = activity_format(name)
    if kind is None:
        raise FileRejectedError(Reason.UNSUPPORTED)
    if name.lower().endswith(".gz"):
        data = gunzip(data, limit)
    if not data or data.isspace():  # without copying a large file
        raise FileRejectedError(Reason.EMPTY)
    return _PARSERS["." + kind](data, time_zone)


def _read_limited(path: Path, limit: int, *, follow: bool = True) -> bytes:
    """Read at most `limit` bytes of a regular file.

    Opened without blocking (a pipe never hangs the import) and, unless `follow`,
    without following a symbolic link; anything but a regular file is refused.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError as err:
        raise FileRejectedError(Reason.NOT_FOUND) from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise FileRejectedError(Reason.OUTSIDE_FOLDER) from err
        raise FileRejectedError(Reason.UNREADABLE) from err
    try:
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise FileRejectedError(Reason.SPECIAL_FILE)
            # sized by the file (not the limit: that buffer would be reserved whole)
            data = stream.read(min(limit, status.st_size) + 1)
            if len(data) > status.st_size:  # it grew while being read
                data += stream.read(limit + 1 - len(data))
    except OSError as err:
        raise FileRejectedError(Reason.UNREADABLE) from err
    if len(data) > limit:
        raise FileRejectedError(Reason.TOO_LARGE)
    return data


class _Budget:
    """Counts bytes read and decompressed against the per-import limit.

    It also carries the runner's time zone to the readers.
    """

    def __init__(self, limits: ImportLimits, time_zone: tzinfo) -> None:
        self.limits = limits
        self.left = limits.max_total_bytes
        self.time_zone = time_zone

    @property
    def file_limit(self) -> int:
        """Return the most the next file may take (never more than is left)."""
        return max(0, min(self.limits.max_file_bytes, self.left))

    def spend(self, data: bytes) -> bytes:
        """Count data read under `file_limit` and hand it back."""
        self.left -= len(data)
        return data


class _Container(Protocol):
    """An archive or folder: file names relative to it, and a way to read them."""

    def names(self) -> list[str]:
        """Return the file names, `/`-separated, in a stable order."""

    def has(self, name: str) -> bool:
        """Return whether the container holds a file of that name."""

    def read(self, name: str, limit: int) -> bytes:
        """Return at most `limit` bytes of a file or raise `FileRejectedError`."""

    @property
    def refused(self) -> list[tuple[str, Reason]]:
        """Return the entries that were not read, with the reason."""


def _visible(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return not any(part.startswith(".") or part == "__MACOSX" for part in parts)


class _ZipContainer:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self._names = sorted(
            info.filename
            for info in archive.infolist()
            if not info.is_dir() and _visible(info.filename)
        )
        self._known = set(self._names)
        self.refused: list[tuple[str, Reason]] = []

    def names(self) -> list[str]:
        return self._names

    def has(self, name: str) -> bool:
        return name in self._known

    def read(self, name: str, limit: int) -> bytes:
        info = self.archive.getinfo(name)
        if info.file_size > limit:
            raise FileRejectedError(Reason.TOO_LARGE)
        try:
            with self.archive.open(info) as stream:
                data = stream.read(limit + 1)
        except NotImplementedError as err:
            raise FileRejectedError(Reason.UNSUPPORTED) from err
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            RuntimeError,
            ValueError,
        ) as err:
            raise FileRejectedError(Reason.CORRUPT) from err
        if len(data) > limit:
            raise FileRejectedError(Reason.TOO_LARGE)
        return data


def _inside(path: Path, root: Path) -> bool:
    """Return whether a link's target, fully resolved, lies within `root`."""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


class _FolderContainer:
    """A folder's regular files, and the entries it refused (links out, pipes)."""

    def __init__(self) -> None:
        self.files: dict[str, Path] = {}
        self.refused: list[tuple[str, Reason]] = []

    @classmethod
    def scan(cls, root: Path) -> _FolderContainer:
        """List the folder and its `activities/` subfolder without leaving them."""
        container = cls()
        try:
            real_root = root.resolve(strict=True)
            subfolder = container.add_entries(root, real_root, "")
            if subfolder is not None:
                container.add_entries(subfolder, real_root, "activities/")
        except OSError as err:
            raise FileRejectedError(Reason.UNREADABLE) from err
        return container

    def add_entries(self, folder: Path, real_root: Path, prefix: str) -> Path | None:
        """Sort one folder's entries; return the `activities/` folder to list next."""
        subfolder: Path | None = None
        with os.scandir(folder) as entries:
            for entry in entries:
                name, path = prefix + entry.name, Path(entry.path)
                if not _visible(name):
                    continue
                if entry.is_symlink():
                    if not _inside(path, real_root):
                        self.refused.append((name, Reason.OUTSIDE_FOLDER))
                        continue
                    path = path.resolve()
                mode = path.stat().st_mode
                if stat.S_ISDIR(mode):
                    if not prefix and entry.name == "activities":
                        subfolder = path
                elif stat.S_ISREG(mode):
                    self.files[name] = path
                else:
                    self.refused.append((name, Reason.SPECIAL_FILE))
        return subfolder

    def names(self) -> list[str]:
        return sorted(self.files)

    def has(self, name: str) -> bool:
        return name in self.files

    def read(self, name: str, limit: int) -> bytes:
        return _read_limited(self.files[name], limit, follow=False)


def _positive(minutes: float | None) -> float | None:
    """Return a time in minutes if it is a positive number, else None."""
    if minutes is not None and math.isfinite(minutes) and minutes > 0:
        return minutes
    return None


class _Collector:
    """Gathers runs, skipped counts, errors and warnings; one run found twice is one.

    A run read twice in one import (a CSV row and the watch's file of it, a file
    under two names) is merged or dropped as `matching` says.
    """

    def __init__(self, limits: ImportLimits, now: datetime) -> None:
        self.limits = limits
        self.now = now
        self.index: RunIndex[ImportedRun] = RunIndex()
        self.non_runs = 0
        self.duplicates = 0
        self.merged = 0
        self.errors: list[FileError] = []
        self.warnings: list[FileError] = []

    def _left_out(self, run: ImportedRun, file: str) -> bool:
        """Return whether a run is impossible or implausible, reporting why."""
        if not self.limits.accepts(run.distance_km):
            if FileError(file, Reason.OUT_OF_RANGE.value) not in self.errors:
                self.error(file, Reason.OUT_OF_RANGE)
            return True
        if run.start < self.limits.earliest_start:
            self.warn(file, WarningReason.TOO_EARLY)
        elif run.start > self.now + self.limits.future_tolerance:
            self.warn(file, WarningReason.IN_FUTURE)
        elif run.distance_km <= 0:
            self.warn(file, WarningReason.NO_DISTANCE)
        else:
            return False
        return True

    def add_run(self, run: ImportedRun, file: str) -> bool:
        """Add a run unless left out; return whether it was kept (new or merged)."""
        if self._left_out(run, file):
            return False
        run = replace(
            run,
            duration_minutes=_positive(run.duration_minutes),
            elapsed_minutes=_positive(run.elapsed_minutes),
        )
        existing = self.index.find(run)
        if existing is None:
            self.index.add(run)
            return True
        if outcome(existing, run) is MatchOutcome.DUPLICATE:
            self.duplicates += 1
            return False
        self.merged += 1
        self.index.replace(existing, merge_imported(existing, run))
        return True

    def add_file(self, file: str, activities: list[ParsedActivity]) -> None:
        kind = activity_format(file) or ""
        for activity in activities:
            if activity.surface is None:
                self.non_runs += 1
                continue
            run = ImportedRun(
                start=activity.start,
                distance_km=activity.distance_km,
                duration_minutes=activity.duration_minutes,
                elapsed_minutes=activity.elapsed_minutes,
                surface=activity.surface,
                note=activity.note,
                source=kind,
            )
            if self.add_run(run, file) and activity.warning is not None:
                self.warn(file, activity.warning)

    def error(self, name: str, reason: Reason) -> None:
        self.errors.append(FileError(name, reason.value))

    def warn(self, name: str, warning: WarningReason) -> None:
        note = FileError(name, warning.value)
        if note not in self.warnings:
            self.warnings.append(note)

    def result(self) -> ImportResult:
        return ImportResult(
            runs=sorted(self.index, key=lambda run: run.start),
            non_runs_skipped=self.non_runs,
            duplicates_skipped=self.duplicates,
            merged=self.merged,
            errors=self.errors,
            warnings=self.warnings,
        )


def _read_activity(
    container: _Container, name: str, budget: _Budget
) -> list[ParsedActivity]:
    data = budget.spend(container.read(name, budget.file_limit))
    if name.lower().endswith(".gz"):
        data = budget.spend(gunzip(data, budget.file_limit))
        name = name[: -len(".gz")]
    return parse_activity_file(
        name, data, budget.file_limit, time_zone=budget.time_zone
    )


def _strava_run(
    row: StravaRun,
    container: _Container | None,
    prefix: str,
    budget: _Budget,
    collector: _Collector,
) -> ImportedRun:
    distance = row.distance_km
    duration = row.duration_minutes
    elapsed = row.elapsed_minutes
    if distance is None and container is not None and row.filename:
        member = prefix + row.filename
        if container.has(member):
            try:
                activities = _read_activity(container, member, budget)
            except FileRejectedError as problem:
                collector.error(member, problem.reason)
            else:
                distance = activities[0].distance_km
                duration = duration or activities[0].duration_minutes
                elapsed = elapsed or activities[0].elapsed_minutes
    return ImportedRun(
        start=row.start,
        distance_km=distance or 0.0,
        duration_minutes=duration,
        elapsed_minutes=elapsed,
        surface=row.surface,
        shoe_name=row.gear,
        note=row.name,
        source="strava",
        source_id=row.activity_id,
    )


def _add_export(
    export: StravaExport,
    container: _Container | None,
    csv_name: str,
    budget: _Budget,
    collector: _Collector,
) -> None:
    collector.non_runs += export.non_runs
    prefix = csv_name[: -len(CSV_NAME)] if container is not None else ""
    for row in export.runs:
        run = _strava_run(row, container, prefix, budget, collector)
        collector.add_run(run, csv_name)


def _find_csv(names: list[str]) -> str | None:
    found = [name for name in names if PurePosixPath(name).name.lower() == CSV_NAME]
    return min(found, key=lambda name: (name.count("/"), name), default=None)


def _import_container(
    container: _Container, budget: _Budget, collector: _Collector
) -> None:
    for name, reason in container.refused:
        collector.error(name, reason)
    names = container.names()
    csv_name = _find_csv(names)
    files = [name for name in names if activity_format(name) is not None]
    if csv_name is None and not files:
        raise FileRejectedError(Reason.EMPTY)
    if len(files) > budget.limits.max_files:
        raise FileRejectedError(Reason.TOO_LARGE)
    referenced: set[str] = set()
    if csv_name is not None:
        prefix = csv_name[: -len(CSV_NAME)]
        try:
            data = budget.spend(container.read(csv_name, budget.file_limit))
            export = parse_activities_csv(data)
        except FileRejectedError as problem:
            collector.error(csv_name, problem.reason)
        else:
            referenced = {prefix + filename for filename in export.filenames}
            _add_export(export, container, csv_name, budget, collector)
    for name in files:
        if name in referenced:
            continue
        try:
            activities = _read_activity(container, name, budget)
        except FileRejectedError as problem:
            collector.error(name, problem.reason)
        else:
            collector.add_file(name, activities)


def _import_path(target: Path, budget: _Budget, collector: _Collector) -> None:
    if target.is_dir():
        _import_container(_FolderContainer.scan(target), budget, collector)
        return
    if not target.exists():
        raise FileRejectedError(Reason.NOT_FOUND)
    if not target.is_file():
        raise FileRejectedError(Reason.UNSUPPORTED)  # a pipe or device, never read
    lower = target.name.lower()
    if lower.endswith(".zip"):
        try:
            with zipfile.ZipFile(target) as archive:
                _import_container(_ZipContainer(archive), budget, collector)
        except (zipfile.BadZipFile, zlib.error, EOFError) as err:
            raise FileRejectedError(Reason.CORRUPT) from err
        except OSError as err:
            raise FileRejectedError(Reason.UNREADABLE) from err
        return
    kind = activity_format(lower)
    if kind is None and not lower.endswith(".csv"):
        raise FileRejectedError(Reason.UNSUPPORTED)
    data = budget.spend(_read_limited(target, budget.file_limit))
    if kind is None:
        _add_export(parse_activities_csv(data), None, target.name, budget, collector)
    else:
        activities = parse_activity_file(
            lower, data, budget.file_limit, time_zone=budget.time_zone
        )
        collector.add_file(target.name, activities)


def import_activities(
    path: str | os.PathLike[str],
    *,
    limits: ImportLimits = DEFAULT_LIMITS,
    time_zone: tzinfo = UTC,
    now: datetime | None = None,
) -> ImportResult:
    """Read the runs in a Strava export, a folder or one activity file.

    `time_zone` is the runner's (for files that only know local time) and `now`
    the moment of the import (activities after it are left out with a warning).

    Blocking (file I/O and parsing): call it from an executor. Never raises for bad
    input: problems are reported in `ImportResult.errors` (a path the system cannot
    even look up, such as a name too long, is `unreadable`).
    """
    target = Path(path)
    collector = _Collector(limits, now or datetime.now(UTC))
    try:
        try:
            _import_path(target, _Budget(limits, time_zone), collector)
        except (OSError, ValueError) as err:
            raise FileRejectedError(Reason.UNREADABLE) from err
    except FileRejectedError as problem:
        name = target.name or str(target)
        return ImportResult(
            runs=[],
            errors=[*collector.errors, FileError(name, problem.reason.value)],
        )
    return collector.result()


__all__ = [
    "DEFAULT_LIMITS",
    "IMPORT_EARLIEST",
    "FileError",
    "ImportLimits",
    "ImportResult",
    "ImportedRun",
    "Reason",
    "WarningReason",
    "activity_format",
    "import_activities",
    "parse_activity_file",
]
