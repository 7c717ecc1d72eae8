"""Repair issues that make a red flag or a see-a-professional state visible anywhere.

They show under Settings → Repairs without any dashboard and are removed as soon as
the condition no longer holds. One more says that a runner's records file could not
be used: what was wrong, from when the backup restored them and where the bad file
is; it stays (across restarts) until it is dismissed or the runner is removed.
"""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .domain.recovery import RecoveryPhase
from .domain.snapshot import Snapshot
from .store import Restored, StoreUnreadableError


def red_flag_issue_id(entry_id: str) -> str:
    """Return the repair issue id for a runner's red flag."""
    return f"red_flag_{entry_id}"


def see_professional_issue_id(entry_id: str) -> str:
    """Return the repair issue id for a runner who should see a professional."""
    return f"see_professional_{entry_id}"


@callback
def async_update_issues(
    hass: HomeAssistant, entry: ConfigEntry, snapshot: Snapshot
) -> None:
    """Create or remove the runner's repair issues to match the snapshot."""
    entry_id, runner = entry.entry_id, entry.title
    phases = {ankle.phase for ankle in snapshot.phase.per_ankle}
    issues = {
        red_flag_issue_id(entry_id): (
            snapshot.phase.has_red_flag,
            ir.IssueSeverity.CRITICAL,
            "red_flag",
        ),
        see_professional_issue_id(entry_id): (
            RecoveryPhase.SEE_PROFESSIONAL in phases,
            ir.IssueSeverity.WARNING,
            "see_professional",
        ),
    }
    for issue_id, (holds, severity, translation_key) in issues.items():
        if holds:
            ir.async_create_issue(
                hass,
                DOMAIN,
                issue_id,
                is_fixable=False,
                is_persistent=False,
                severity=severity,
                translation_key=translation_key,
                translation_placeholders={"runner": runner},
            )
        else:
            ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_remove_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Remove a runner's repair issues (the runner was removed)."""
    ir.async_delete_issue(hass, DOMAIN, red_flag_issue_id(entry_id))
    ir.async_delete_issue(hass, DOMAIN, see_professional_issue_id(entry_id))


def store_issue_id(entry_id: str) -> str:
    """Return the repair issue id for a runner whose records file was unusable."""
    return f"store_{entry_id}"


@callback
def async_store_restored(
    hass: HomeAssistant, entry: ConfigEntry, restored: Restored | None
) -> None:
    """Say that the runner started from the backup, when it did."""
    if restored is None:
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        store_issue_id(entry.entry_id),
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.ERROR,
        translation_key=f"store_restored_{restored.fault}",
        translation_placeholders={
            "runner": entry.title,
            "as_of": dt_util.as_local(restored.as_of).strftime("%Y-%m-%d %H:%M"),
            "kept_as": restored.kept_as,
            "version": str(restored.version),
        },
    )


@callback
def async_store_unreadable(
    hass: HomeAssistant, entry: ConfigEntry, err: StoreUnreadableError
) -> ConfigEntryError:
    """Say that the runner cannot start; return the error refusing setup."""
    placeholders = {
        "runner": entry.title,
        "path": err.path,
        "version": str(err.version),
    }
    key = f"store_unreadable_{err.fault}"
    ir.async_create_issue(
        hass,
        DOMAIN,
        store_issue_id(entry.entry_id),
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.CRITICAL,
        translation_key=key,
        translation_placeholders=placeholders,
    )
    return ConfigEntryError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


@callback
def async_remove_store_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Remove the records-file issue (the runner was removed)."""
    ir.async_delete_issue(hass, DOMAIN, store_issue_id(entry_id))
