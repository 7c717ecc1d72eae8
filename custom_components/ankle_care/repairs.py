"""Repair issues that make a red flag or a see-a-professional state visible anywhere.

They show under Settings → Repairs without any dashboard and are removed as soon as
the condition no longer holds.
"""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .domain.recovery import RecoveryPhase
from .domain.snapshot import Snapshot


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
