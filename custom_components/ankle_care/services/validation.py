"""Checks of an action call: the runner named, choices, permissions."""

from __future__ import annotations

from enum import StrEnum

from homeassistant.auth.permissions.const import POLICY_CONTROL
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import ServiceCall
from homeassistant.exceptions import Unauthorized, UnknownUser

from ..const import DOMAIN
from ..door import invalid_input
from ..runtime import AnkleCareConfigEntry, AnkleCareData
from .fields import CONFIG_ENTRY_ID


def loaded_entry(call: ServiceCall) -> AnkleCareConfigEntry:
    """Return the loaded config entry an action names, or raise a translated error."""
    entry_id: str = call.data[CONFIG_ENTRY_ID]
    entry: AnkleCareConfigEntry | None = call.hass.config_entries.async_get_entry(
        entry_id
    )
    if entry is None or entry.domain != DOMAIN:
        raise invalid_input("entry_not_found", entry_id=entry_id)
    if entry.state is not ConfigEntryState.LOADED:
        raise invalid_input("entry_not_loaded", runner=entry.title)
    return entry


def runtime(call: ServiceCall) -> AnkleCareData:
    """Return the runtime of the loaded runner an action names."""
    return loaded_entry(call).runtime_data


def choice[E: StrEnum](enum: type[E], value: str, error: str) -> E:
    """Return the enum member named by `value`, or raise a translated error."""
    try:
        return enum(value)
    except ValueError:
        raise invalid_input(
            error, value=value, allowed=", ".join(item.value for item in enum)
        ) from None


def optional_choice[E: StrEnum](
    enum: type[E], value: str | None, error: str
) -> E | None:
    """Return the enum member named by an optional field, None when it is absent."""
    return None if value is None else choice(enum, value, error)


async def require_admin(call: ServiceCall) -> None:
    """Allow the call only to administrators (automations run without a user)."""
    user_id = call.context.user_id
    if user_id is None:
        return
    user = await call.hass.auth.async_get_user(user_id)
    if user is None:
        raise UnknownUser(
            context=call.context, permission=POLICY_CONTROL, user_id=user_id
        )
    if not user.is_admin:
        raise Unauthorized(
            context=call.context, permission=POLICY_CONTROL, user_id=user_id
        )
