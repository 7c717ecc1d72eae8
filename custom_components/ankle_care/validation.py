"""Checks shared by every action: the runner named, choices, times, permissions."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from homeassistant.auth.permissions.const import POLICY_CONTROL
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError, Unauthorized, UnknownUser
from homeassistant.util import dt as dt_util

from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN
from .coordinator import AnkleCareConfigEntry

ATTR_TIME = "time"

# A clock a little ahead on the caller's side is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=2)


def invalid_input(key: str, **placeholders: object) -> ServiceValidationError:
    """Return a translated error for bad input."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={
            name: str(value) for name, value in placeholders.items()
        },
    )


def loaded_entry(hass: HomeAssistant, call: ServiceCall) -> AnkleCareConfigEntry:
    """Return the loaded config entry an action names, or raise a translated error."""
    entry_id: str = call.data[ATTR_CONFIG_ENTRY_ID]
    entry: AnkleCareConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise invalid_input("entry_not_found", entry_id=entry_id)
    if entry.state is not ConfigEntryState.LOADED:
        raise invalid_input("entry_not_loaded", runner=entry.title)
    return entry


def optional_choice[E: StrEnum](
    enum: type[E], value: str | None, error: str
) -> E | None:
    """Return the enum member named by an optional field, None when it is absent."""
    return None if value is None else choice(enum, value, error)


def choice[E: StrEnum](enum: type[E], value: str, error: str) -> E:
    """Return the enum member named by `value`, or raise a translated error."""
    try:
        return enum(value)
    except ValueError:
        raise invalid_input(
            error, value=value, allowed=", ".join(item.value for item in enum)
        ) from None


def event_time(call: ServiceCall, field: str = ATTR_TIME) -> datetime:
    """Return the call's time field (local time when naive), never in the future.

    Records keep UTC, so that adding hours to a timestamp is absolute time even
    across a daylight-saving change.
    """
    now = dt_util.utcnow()
    value: datetime | None = call.data.get(field)
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt_util.get_default_time_zone())
    if value > now + FUTURE_TOLERANCE:
        raise invalid_input(
            "time_in_future",
            time=dt_util.as_local(value).isoformat(timespec="minutes"),
        )
    return dt_util.as_utc(value)


def in_range(
    value: float | None,
    minimum: float,
    maximum: float,
    error: str,
    *,
    exclusive_min: bool = False,
) -> None:
    """Raise a translated error when a number is outside its allowed range."""
    if value is None:
        return
    too_small = value <= minimum if exclusive_min else value < minimum
    if too_small or value > maximum:
        raise invalid_input(
            error, value=f"{value:g}", minimum=f"{minimum:g}", maximum=f"{maximum:g}"
        )


async def require_admin(hass: HomeAssistant, call: ServiceCall) -> None:
    """Allow the call only to administrators (automations run without a user)."""
    user_id = call.context.user_id
    if user_id is None:
        return
    user = await hass.auth.async_get_user(user_id)
    if user is None:
        raise UnknownUser(
            context=call.context, permission=POLICY_CONTROL, user_id=user_id
        )
    if not user.is_admin:
        raise Unauthorized(
            context=call.context, permission=POLICY_CONTROL, user_id=user_id
        )
