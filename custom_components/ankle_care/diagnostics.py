"""Diagnostics: record counts and settings, never names, notes or health values."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .coordinator import AnkleCareConfigEntry

TO_REDACT = {CONF_NAME, "title", "unique_id"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> dict[str, Any]:
    """Return the shape of one runner's data for a bug report."""
    coordinator = entry.runtime_data
    records = coordinator.records
    return {
        "entry": async_redact_data(
            {
                "title": entry.title,
                "unique_id": entry.unique_id,
                "version": f"{entry.version}.{entry.minor_version}",
                "data": dict(entry.data),
            },
            TO_REDACT,
        ),
        "options": dict(entry.options),
        # runs: recent and archived; archived_runs: of which in the archive
        "records": coordinator.record_counts(),
        "default_shoe_set": records.default_shoe_id is not None,
        "last_update_success": coordinator.last_update_success,
    }
