"""Persistent storage of one runner's records, their run archive and their backup.

Faults never cost a runner their records (see README, "Data and privacy"):

- Every file is written atomically (a temporary file, then a rename), so a crash
  mid-write leaves the old or the new file, never a broken one.
- Before anything reads the records file, it is checked in the executor: a file
  that is not JSON (truncated, garbage), has the wrong shape, or carries a newer
  major version than this code knows is never migrated nor written over. It is
  renamed aside (``<file>.damaged-<UTC time>`` or ``<file>.v<version>-<UTC time>``)
  and the runner starts from the backup, which becomes the records file again.
  Without a readable backup the file is left where it is and setup is refused.
- The backup (``ankle_care.<entry_id>.backup``) holds the last records known to be
  good: written at most once a day from what was loaded or is in memory, and
  before every migration (then with the old version, so that an older Ankle Care
  can still read it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
import os
from pathlib import Path
from typing import Any, Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from homeassistant.util.json import json_loads

from .const import DOMAIN, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .domain.archive import ArchiveSummary, archive_from_dict, tz_name
from .domain.book import RunnerState
from .domain.records import RunnerRecords

type StoredData = dict[str, Any]

# The records' key holding the summary of the archive (absent: no archive).
ARCHIVE_SUMMARY = "archive"
# Present (true) while a change of the archive may be half written: written before
# the archive store, removed with the records written after it.
ARCHIVE_PENDING = "archive_pending"
ARCHIVE_STORAGE_VERSION = 1
ARCHIVE_STORAGE_MINOR_VERSION = 1

# The backup is written at most this often (and before every migration).
BACKUP_EVERY: Final = timedelta(days=1)
# How often a running Home Assistant checks whether the backup is due.
BACKUP_CHECK_EVERY: Final = timedelta(hours=1)
# The backup's key holding when it was written (UTC, ISO 8601).
BACKED_UP_AT = "backed_up_at"


def storage_key(entry_id: str) -> str:
    """Return the storage key (file name in .storage) of one runner."""
    return f"{DOMAIN}.{entry_id}"


def archive_storage_key(entry_id: str) -> str:
    """Return the storage key of one runner's run archive."""
    return f"{DOMAIN}.{entry_id}.archive"


def backup_storage_key(entry_id: str) -> str:
    """Return the storage key of the backup of one runner's records."""
    return f"{DOMAIN}.{entry_id}.backup"


def records_to_dict(
    records: RunnerRecords,
    state: RunnerState,
    summary: ArchiveSummary | None,
    *,
    archive_pending: bool = False,
) -> StoredData:
    """Return the records store's data: records, state and the archive's summary."""
    return {
        **records.to_dict(),
        **state.to_dict(),
        ARCHIVE_SUMMARY: summary.to_dict() if summary is not None else None,
        **({ARCHIVE_PENDING: True} if archive_pending else {}),
    }


class StoreFault(StrEnum):
    """Why a records file could not be used."""

    NOT_JSON = "not_json"
    WRONG_SCHEMA = "wrong_schema"
    NEWER_VERSION = "newer_version"


class NewerVersionError(Exception):
    """The file was written by a newer Ankle Care (a newer major version)."""

    def __init__(self, version: int) -> None:
        """Remember the version found."""
        super().__init__(f"storage version {version} is newer than {STORAGE_VERSION}")
        self.version = version


class StoreUnreadableError(Exception):
    """The records file cannot be used and there is no good copy to start from."""

    def __init__(self, fault: StoreFault, path: str, version: int | None) -> None:
        """Remember what is wrong and where the file was left."""
        super().__init__(f"{path}: {fault}")
        self.fault, self.path, self.version = fault, path, version


@dataclass(frozen=True, slots=True, kw_only=True)
class Restored:
    """What happened when a runner started from the backup."""

    fault: StoreFault
    version: int | None
    as_of: datetime
    kept_as: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredBook:
    """What was read of a runner: records, state, archive summary and how."""

    records: RunnerRecords
    state: RunnerState
    archive: ArchiveSummary | None = None
    archive_pending: bool = False
    restored: Restored | None = None


def migrate_data(old_data: Mapping[str, Any]) -> StoredData:
    """Bring records written by an older minor version up to date.

    Every collection missing from an older minor version is filled with an empty
    one, so new code reads old files.
    """
    return {
        **RunnerRecords.from_dict(old_data).to_dict(),
        **RunnerState.from_dict(old_data).to_dict(),
        ARCHIVE_SUMMARY: old_data.get(ARCHIVE_SUMMARY),
        **({ARCHIVE_PENDING: True} if old_data.get(ARCHIVE_PENDING) else {}),
    }


# The records' collections (each a list; an older file may lack some).
_COLLECTIONS = ("runs", "soreness", "treatments", "exercises", "shoes", "visits")


def read_stored(data: object) -> StoredBook:
    """Read the records store's data (None: a new runner).

    Raises ValueError (or the error of the part that does not fit) on a wrong schema.
    """
    if data is None:
        return StoredBook(records=RunnerRecords(), state=RunnerState())
    if not isinstance(data, Mapping) or any(
        not isinstance(data.get(key, []), list) for key in _COLLECTIONS
    ):
        raise TypeError("not the records of a runner")
    summary = data.get(ARCHIVE_SUMMARY)
    return StoredBook(
        records=RunnerRecords.from_dict(data),
        state=RunnerState.from_dict(data),
        archive=ArchiveSummary.from_dict(summary) if summary else None,
        archive_pending=bool(data.get(ARCHIVE_PENDING)),
    )


# Errors a stored file of the wrong shape raises while it is read.
_SCHEMA_ERRORS = (
    AttributeError,
    HomeAssistantError,
    LookupError,
    OverflowError,
    TypeError,
    ValueError,
)


@dataclass(frozen=True, slots=True)
class _Probe:
    exists: bool
    fault: StoreFault | None = None
    version: int | None = None


def _probe(path: str) -> _Probe:
    """Check a store file before Home Assistant reads it (in the executor)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return _Probe(exists=False)
    try:
        envelope = json_loads(raw)
    except ValueError:  # JSONDecodeError, invalid UTF-8
        return _Probe(exists=True, fault=StoreFault.NOT_JSON)
    if not isinstance(envelope, dict) or not isinstance(envelope.get("data"), dict):
        return _Probe(exists=True, fault=StoreFault.WRONG_SCHEMA)
    version = envelope.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return _Probe(exists=True, fault=StoreFault.WRONG_SCHEMA)
    if version > STORAGE_VERSION:
        return _Probe(exists=True, fault=StoreFault.NEWER_VERSION, version=version)
    return _Probe(exists=True, version=version)


def _set_aside(path: str, fault: StoreFault, version: int | None) -> str:
    """Rename a bad file out of the way; return its new path (in the executor)."""
    stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
    label = f"v{version}" if fault is StoreFault.NEWER_VERSION else "damaged"
    aside = f"{path}.{label}-{stamp}"
    try:
        os.replace(path, aside)
    except FileNotFoundError:  # nothing on disk (storage mocked in tests)
        return path
    return aside


def _modified(path: str) -> datetime | None:
    try:
        return dt_util.utc_from_timestamp(os.path.getmtime(path))
    except OSError:
        return None


class _BackupStore(Store[StoredData]):
    """The store of a runner's backup: records plus when they were backed up."""

    def __init__(
        self, hass: HomeAssistant, key: str, version: int, minor_version: int
    ) -> None:
        super().__init__(
            hass,
            version,
            key,
            minor_version=minor_version,
            private=True,
            atomic_writes=True,
        )

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredData
    ) -> StoredData:
        if old_major_version > STORAGE_VERSION:
            raise NewerVersionError(old_major_version)
        return {**migrate_data(old_data), BACKED_UP_AT: old_data.get(BACKED_UP_AT)}


class RunnerBackup:
    """The last good copy of one runner's records."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the backup of one config entry (nothing is read yet)."""
        self.hass = hass
        self.key = backup_storage_key(entry_id)
        self._store = _BackupStore(
            hass, self.key, STORAGE_VERSION, STORAGE_MINOR_VERSION
        )
        self.written_at: datetime | None = None
        self._checked = False

    @property
    def path(self) -> str:
        """Return the backup file's path."""
        path: str = self._store.path
        return path

    async def async_write(
        self,
        data: Mapping[str, Any],
        *,
        version: int = STORAGE_VERSION,
        minor_version: int = STORAGE_MINOR_VERSION,
    ) -> None:
        """Write the backup now (atomically), in the given version's format."""
        store = self._store
        if (version, minor_version) != (STORAGE_VERSION, STORAGE_MINOR_VERSION):
            store = _BackupStore(self.hass, self.key, version, minor_version)
        now = dt_util.utcnow()
        await store.async_save({**data, BACKED_UP_AT: now.isoformat()})
        self.written_at, self._checked = now, True

    async def async_write_if_due(self, data: Mapping[str, Any]) -> None:
        """Write the backup unless it was written within the last day."""
        if not self._checked:
            self.written_at = await self.hass.async_add_executor_job(
                _modified, self.path
            )
            self._checked = True
        if self.written_at is None or dt_util.utcnow() - self.written_at >= (
            BACKUP_EVERY
        ):
            await self.async_write(data)

    async def async_load(self) -> tuple[StoredBook, StoredData, datetime] | None:
        """Return the backup when it can be read, with its data and time."""
        probe = await self.hass.async_add_executor_job(_probe, self.path)
        if probe.fault is not None:
            return None
        try:
            data = await self._store.async_load()
            if data is None:
                return None
            data = dict(data)
            backed_up_at = data.pop(BACKED_UP_AT, None)
            book = read_stored(data)
        except (NewerVersionError, *_SCHEMA_ERRORS):
            return None
        as_of = dt_util.parse_datetime(backed_up_at) if backed_up_at else None
        if as_of is None:
            as_of = await self.hass.async_add_executor_job(_modified, self.path)
        return book, data, as_of or dt_util.utcnow()

    async def async_remove(self) -> None:
        """Delete the backup (the runner was removed)."""
        await self._store.async_remove()


def async_keep_daily_backup(
    hass: HomeAssistant, backup: RunnerBackup, data: Callable[[], StoredData]
) -> CALLBACK_TYPE:
    """Write the backup from the records in memory once a day while running."""

    async def _async_check(_now: datetime) -> None:
        await backup.async_write_if_due(data())

    return async_track_time_interval(hass, _async_check, BACKUP_CHECK_EVERY)


class AnkleCareStore(Store[StoredData]):
    """Versioned store holding the records of one runner (recent runs only).

    Runs older than the archive's cutoff live in `ArchiveStore`; this store keeps
    their daily totals under `archive` (see `domain/archive.py`). The key is
    optional within version 1.1: a file without it (every file written before
    the archive existed) simply has no archive yet.
    """

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the store for one config entry."""
        super().__init__(
            hass,
            STORAGE_VERSION,
            storage_key(entry_id),
            minor_version=STORAGE_MINOR_VERSION,
            private=True,
            atomic_writes=True,
        )
        self.backup = RunnerBackup(hass, entry_id)

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredData
    ) -> StoredData:
        """Bring data written by an older version up to date, backed up first.

        A newer major version is refused (never migrated, never written over):
        Home Assistant refuses it itself only from 2026.3.
        """
        if old_major_version > STORAGE_VERSION:
            raise NewerVersionError(old_major_version)
        await self.backup.async_write(
            old_data, version=old_major_version, minor_version=old_minor_version
        )
        return migrate_data(old_data)

    async def async_load_records(self) -> StoredBook:
        """Load records, state and the archive's summary (empty for a new runner).

        A file that cannot be used is set aside and the backup restored (see the
        module's docstring); raises `StoreUnreadableError` without a good backup.
        """
        probe = await self.hass.async_add_executor_job(_probe, self.path)
        fault, version = probe.fault, probe.version
        if fault is None:
            try:
                data = await self.async_load()
                book = read_stored(data)
            except NewerVersionError as err:
                fault, version = StoreFault.NEWER_VERSION, err.version
            except _SCHEMA_ERRORS as err:
                newer = type(err).__name__ == "UnsupportedStorageVersionError"
                fault = StoreFault.NEWER_VERSION if newer else StoreFault.WRONG_SCHEMA
            else:
                if data is not None:
                    await self.backup.async_write_if_due(data)
                return book
        return await self._async_restore(fault, version)

    async def _async_restore(
        self, fault: StoreFault, version: int | None
    ) -> StoredBook:
        """Set the bad file aside and make the backup the records file again."""
        backup = await self.backup.async_load()
        if backup is None:
            raise StoreUnreadableError(fault, self.path, version)
        book, data, as_of = backup
        kept_as = await self.hass.async_add_executor_job(
            _set_aside, self.path, fault, version
        )
        # The archive may have changed since: its runs are taken back (pending).
        await self.async_save({**data, ARCHIVE_PENDING: True})
        return replace(
            book,
            archive_pending=True,
            restored=Restored(
                fault=fault, version=version, as_of=as_of, kept_as=kept_as
            ),
        )


class ArchiveStore(Store[StoredData]):
    """Versioned store holding one runner's archived runs: `{"runs": [...]}`.

    Only read when an action needs the archived runs, or at setup when the
    records' summary of it cannot be trusted (`async_take_back_archive`).
    """

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the archive store for one config entry."""
        super().__init__(
            hass,
            ARCHIVE_STORAGE_VERSION,
            archive_storage_key(entry_id),
            minor_version=ARCHIVE_STORAGE_MINOR_VERSION,
            private=True,
            atomic_writes=True,
        )


async def async_take_back_archive(
    hass: HomeAssistant,
    store: AnkleCareStore,
    archive_store: ArchiveStore,
    book: StoredBook,
    tz: tzinfo,
) -> StoredBook:
    """Return the book with the archived runs back among the records when needed.

    The summary is trusted when it is there, in this time zone, and no change of
    the archive was left half written. Otherwise (a crash between writing the
    archive and the records, a restored backup, a time zone change, or records
    without a summary beside an archive file, as an older Ankle Care that knows no
    archive leaves them) every archived run is read back; a run also among the
    recent ones is kept once. The records are written with every run before the
    archive store is removed, so a crash in between loses nothing and a run
    deleted afterwards cannot come back from a stale archive. The runs are split
    again in the background.
    """
    summary = book.archive
    if summary is not None and not book.archive_pending and summary.tz == tz_name(tz):
        return book
    stored = await archive_store.async_load()
    if stored is None and summary is None and not book.archive_pending:
        return book
    archived = await hass.async_add_executor_job(archive_from_dict, stored)
    known = {run.id for run in book.records.runs}
    runs = [*book.records.runs, *(run for run in archived if run.id not in known)]
    records = replace(book.records, runs=sorted(runs, key=lambda run: run.start))
    taken = replace(book, records=records, archive=None, archive_pending=False)
    await store.async_save(records_to_dict(records, book.state, None))
    if stored is not None:
        await archive_store.async_remove()
    return taken
