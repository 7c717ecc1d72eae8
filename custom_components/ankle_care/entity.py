"""Base entity: every Ankle Care entity belongs to its runner's device."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, MANUFACTURER, MODEL
from .coordinator import AnkleCareConfigEntry, AnkleCareCoordinator


def runner_device_info(entry: AnkleCareConfigEntry) -> DeviceInfo:
    """Return the device that stands for one runner."""
    return DeviceInfo(
        identifiers={(DOMAIN, entry.entry_id)},
        name=entry.title,
        entry_type=DeviceEntryType.SERVICE,
        manufacturer=MANUFACTURER,
        model=MODEL,
    )


class AnkleCareEntity(CoordinatorEntity[AnkleCareCoordinator]):
    """An entity of one runner, named by its translation key."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: AnkleCareCoordinator, description: EntityDescription
    ) -> None:
        """Initialise from an entity description."""
        super().__init__(coordinator)
        self.entity_description = description
        entry = coordinator.config_entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = runner_device_info(entry)
