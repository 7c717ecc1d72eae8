"""Switch `reminders`: turns the delivery of a runner's reminders on and off."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import AnkleCareCoordinator
from .door import RunnerDoor
from .entity import AnkleCareEntity
from .runtime import AnkleCareConfigEntry

PARALLEL_UPDATES = 0

DESCRIPTION = SwitchEntityDescription(
    key="reminders", translation_key="reminders", entity_category=EntityCategory.CONFIG
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's reminders switch."""
    runtime = entry.runtime_data
    async_add_entities(
        [RemindersSwitch(runtime.coordinator, DESCRIPTION, runtime.door)]
    )


class RemindersSwitch(AnkleCareEntity, SwitchEntity):
    """On: reminders reach phones, speakers and satellites and fire the event."""

    def __init__(
        self,
        coordinator: AnkleCareCoordinator,
        description: SwitchEntityDescription,
        door: RunnerDoor,
    ) -> None:
        """Initialise with the door that turns delivery on and off."""
        super().__init__(coordinator, description)
        self._door = door

    @property
    def is_on(self) -> bool:
        """Return whether reminders are delivered."""
        return self.coordinator.reminders_enabled

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Deliver reminders again (missed ones are not sent all at once)."""
        await self._door.async_enable_reminders(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop delivering reminders; the plan and calendar carry on."""
        await self._door.async_enable_reminders(False)
