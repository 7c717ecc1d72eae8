"""Persistent storage of one runner's records and of their run archive."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .const import DOMAIN, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .domain.archive import ArchiveSummary
from .domain.book import RunnerState
from .domain.records import RunnerRecords

type StoredData = dict[str, Any]

# The records' key holding the summary of the archive (absent: no archive).
ARCHIVE_SUMMARY = "archive"
ARCHIVE_STORAGE_VERSION = 1
ARCHIVE_STORAGE_MINOR_VERSION = 1


def storage_key(entry_id: str) -> str:
    """Return the storage key (file name in .storage) of one runner."""
    return f"{DOMAIN}.{entry_id}"


def archive_storage_key(entry_id: str) -> str:
    """Return the storage key of one runner's run archive."""
    return f"{DOMAIN}.{entry_id}.archive"


def records_to_dict(
    records: RunnerRecords, state: RunnerState, summary: ArchiveSummary | None
) -> StoredData:
    """Return the records store's data: records, state and the archive's summary."""
    return {
        **records.to_dict(),
        **state.to_dict(),
        ARCHIVE_SUMMARY: summary.to_dict() if summary is not None else None,
    }


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

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: StoredData
    ) -> StoredData:
        """Bring data written by an older version up to date.

        Version 1.1 is the first; every collection missing from an older minor
        version is filled with an empty one, so new code reads old files.
        A newer major version on disk is refused by Home Assistant itself.
        """
        return {
            **RunnerRecords.from_dict(old_data).to_dict(),
            **RunnerState.from_dict(old_data).to_dict(),
            ARCHIVE_SUMMARY: old_data.get(ARCHIVE_SUMMARY),
        }

    async def async_load_records(
        self,
    ) -> tuple[RunnerRecords, RunnerState, ArchiveSummary | None]:
        """Load records, state and the archive's summary (empty for a new runner)."""
        data = await self.async_load()
        if data is None:
            return RunnerRecords(), RunnerState(), None
        summary = data.get(ARCHIVE_SUMMARY)
        return (
            RunnerRecords.from_dict(data),
            RunnerState.from_dict(data),
            ArchiveSummary.from_dict(summary) if summary else None,
        )


class ArchiveStore(Store[StoredData]):
    """Versioned store holding one runner's archived runs: `{"runs": [...]}`.

    Only read when an action needs the archived runs, never at setup.
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
