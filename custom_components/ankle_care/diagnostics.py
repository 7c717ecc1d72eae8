"""Diagnostics: record counts and settings, never names, notes or health values."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .const import (
    CONF_ASSIST_SATELLITES,
    CONF_DISTANCE_SOURCE,
    CONF_MEDIA_PLAYERS,
    CONF_NOTIFY_ENTITIES,
    CONF_NOTIFY_SERVICES,
    CONF_TTS_ENTITY,
)
from .runtime import AnkleCareConfigEntry

TO_REDACT = {CONF_NAME, "title", "unique_id"}
# Reminder targets and the distance sensor are often named after a person
# (notify.mobile_app_alex_phone): diagnostics say how many there are, not which.
TARGETS = (
    CONF_NOTIFY_ENTITIES,
    CONF_NOTIFY_SERVICES,
    CONF_MEDIA_PLAYERS,
    CONF_ASSIST_SATELLITES,
    CONF_TTS_ENTITY,
    CONF_DISTANCE_SOURCE,
)


def _options(options: dict[str, Any]) -> dict[str, Any]:
    """Return the settings with reminder targets replaced by their number."""
    shown = {key: value for key, value in options.items() if key not in TARGETS}
    for key in TARGETS:
        value = options.get(key)
        if isinstance(value, list):
            shown[key] = len(value)
        else:
            shown[key] = 1 if value else 0
    return shown


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> dict[str, Any]:
    """Return the shape of one runner's data for a bug report."""
    coordinator = entry.runtime_data.coordinator
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
        "options": _options(dict(entry.options)),
        # runs: recent and archived; archived_runs: of which in the archive
        "records": coordinator.record_counts(),
        "default_shoe_set": records.default_shoe_id is not None,
        "last_update_success": coordinator.last_update_success,
    }
