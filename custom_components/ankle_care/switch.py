"""Switch `reminders`: turns the delivery of a runner's reminders on and off."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .coordinator import AnkleCareConfigEntry
from .entity import AnkleCareEntity

PARALLEL_UPDATES = 0

DESCRIPTION = SwitchEntityDescription(
    key="reminders", translation_key="reminders", entity_category=EntityCategory.CONFIG
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the runner's reminders switch."""
    async_add_entities([RemindersSwitch(entry.runtime_data, DESCRIPTION)])


class RemindersSwitch(AnkleCareEntity, SwitchEntity):
    """On: reminders reach phones, speakers and satellites and fire the event."""

    @property
    def is_on(self) -> bool:
        """Return whether reminders are delivered."""
        return self.coordinator.reminders_enabled

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Deliver reminders again (missed ones are not sent all at once)."""
        self.coordinator.async_enable_reminders(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop delivering reminders; the plan and calendar carry on."""
        self.coordinator.async_enable_reminders(False)
