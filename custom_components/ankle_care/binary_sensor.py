"""Problem binary sensors: a red flag, seeing a professional, worn-out shoes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import AnkleCareCoordinator
from .domain.records import Shoe
from .domain.snapshot import Snapshot
from .entity import AnkleCareEntity, AnkleCareShoeEntity, async_add_shoe_entities
from .responses import ankle_summaries
from .runtime import AnkleCareConfigEntry
from .texts import NOT_MEDICAL_ADVICE

PARALLEL_UPDATES = 0


def _care_attributes(snapshot: Snapshot) -> Mapping[str, Any]:
    """Return which ankles are concerned, with the not-medical-advice note."""
    return {
        "ankles": [
            ankle for ankle in ankle_summaries(snapshot.phase) if ankle["referral"]
        ],
        "disclaimer": NOT_MEDICAL_ADVICE,
    }


@dataclass(frozen=True, kw_only=True)
class AnkleCareBinarySensorDescription(BinarySensorEntityDescription):
    """Describes one Ankle Care binary sensor."""

    is_on_fn: Callable[[Snapshot], bool]
    attributes_fn: Callable[[Snapshot], Mapping[str, Any]] | None = None


BINARY_SENSORS: tuple[AnkleCareBinarySensorDescription, ...] = (
    AnkleCareBinarySensorDescription(
        key="ice_session_active",
        translation_key="ice_session_active",
        is_on_fn=lambda snapshot: snapshot.ice_session is not None,
    ),
    AnkleCareBinarySensorDescription(
        key="red_flag",
        translation_key="red_flag",
        device_class=BinarySensorDeviceClass.PROBLEM,
        is_on_fn=lambda snapshot: snapshot.phase.has_red_flag,
        attributes_fn=_care_attributes,
    ),
    AnkleCareBinarySensorDescription(
        key="see_professional",
        translation_key="see_professional",
        device_class=BinarySensorDeviceClass.PROBLEM,
        is_on_fn=lambda snapshot: snapshot.phase.needs_professional,
        attributes_fn=_care_attributes,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's problem binary sensors."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(
        AnkleCareBinarySensor(coordinator, description)
        for description in BINARY_SENSORS
    )
    async_add_shoe_entities(entry, async_add_entities, ShoeWornOutBinarySensor)


class AnkleCareBinarySensor(AnkleCareEntity, BinarySensorEntity):
    """On while the problem holds."""

    # The concerned ankles change with each entry: shown, but not recorded.
    _unrecorded_attributes = frozenset({"ankles"})
    entity_description: AnkleCareBinarySensorDescription

    @property
    def is_on(self) -> bool:
        """Return whether the problem holds."""
        return self.entity_description.is_on_fn(self.coordinator.data)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the concerned ankles and the note, where the description has them."""
        attributes_fn = self.entity_description.attributes_fn
        return attributes_fn(self.coordinator.data) if attributes_fn else None


class ShoeWornOutBinarySensor(AnkleCareShoeEntity, BinarySensorEntity):
    """On when a pair of shoes has reached its wear limit ("worn-out footwear")."""

    _attr_device_class = BinarySensorDeviceClass.PROBLEM
    _attr_translation_key = "shoe_worn_out"

    def __init__(self, coordinator: AnkleCareCoordinator, shoe: Shoe) -> None:
        """Initialise for one shoe."""
        super().__init__(coordinator, shoe, "shoe_worn_out")

    @property
    def is_on(self) -> bool:
        """Return whether the shoe is worn out."""
        return self.worn_out

    @property
    def extra_state_attributes(self) -> Mapping[str, Any]:
        """Return the distance and the limit in km."""
        return {"distance_km": round(self.shoe_km, 1), "limit_km": self.limit_km}
