"""Persistent storage of one runner's records."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .const import DOMAIN, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .domain.records import RunnerRecords

type StoredData = dict[str, Any]


def storage_key(entry_id: str) -> str:
    """Return the storage key (file name in .storage) of one runner."""
    return f"{DOMAIN}.{entry_id}"


class AnkleCareStore(Store[StoredData]):
    """Versioned store holding every record of one runner."""

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
        return RunnerRecords.from_dict(old_data).to_dict()

    async def async_load_records(self) -> RunnerRecords:
        """Load the runner's records, or empty collections for a new runner."""
        data = await self.async_load()
        if data is None:
            return RunnerRecords()
        return RunnerRecords.from_dict(data)
