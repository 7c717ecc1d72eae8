"""Base entities: every Ankle Care entity belongs to its runner's device."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, MANUFACTURER, MODEL
from .coordinator import AnkleCareCoordinator
from .domain.load import ShoeWear, wear_of_shoe
from .domain.records import Shoe
from .runtime import AnkleCareConfigEntry


def runner_device_info(entry: ConfigEntry) -> DeviceInfo:
    """Return the device that stands for one runner."""
    return DeviceInfo(
        identifiers={(DOMAIN, entry.entry_id)},
        name=entry.title,
        entry_type=DeviceEntryType.SERVICE,
        manufacturer=MANUFACTURER,
        model=MODEL,
    )


class SkipUnchangedWrites(CoordinatorEntity[AnkleCareCoordinator]):
    """Write the state only when what the entity shows has changed.

    A new snapshot after every log entry touches every entity; most show the
    same as before (a run does not change the recovery phase), and skipping those
    writes keeps logging fast.
    """

    _last_shown: object = None

    def shown(self) -> object:
        """Return what the entity shows, to compare; None means always write.

        State and extra attributes by default; entities whose other attributes
        or items change without their state override it.
        """
        return (self.state, self.extra_state_attributes)

    @callback
    def _handle_coordinator_update(self) -> None:
        shown = (self.coordinator.last_update_success, self.shown())
        if shown[1] is not None and shown == self._last_shown:
            return
        self._last_shown = shown
        super()._handle_coordinator_update()


class AnkleCareEntity(SkipUnchangedWrites):
    """An entity of one runner, named by its translation key."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: AnkleCareCoordinator, description: EntityDescription
    ) -> None:
        """Initialise from an entity description."""
        super().__init__(coordinator)
        self.entity_description = description
        entry = coordinator.entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = runner_device_info(entry)


def shoe_unique_id(entry_id: str, shoe_id: str, key: str) -> str:
    """Return the unique id of one shoe's entity."""
    return f"{entry_id}_shoe_{shoe_id}_{key}"


class AnkleCareShoeEntity(SkipUnchangedWrites):
    """An entity about one pair of the runner's shoes."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: AnkleCareCoordinator, shoe: Shoe, key: str) -> None:
        """Initialise for one shoe; its name goes into the entity name."""
        super().__init__(coordinator)
        entry = coordinator.entry
        self.shoe_id = shoe.id
        self._attr_unique_id = shoe_unique_id(entry.entry_id, shoe.id, key)
        self._attr_translation_placeholders = {"shoe": shoe.name}
        self._attr_device_info = runner_device_info(entry)

    _wear: ShoeWear | None = None
    _wear_of: object = None

    @property
    def wear(self) -> ShoeWear:
        """Return the shoe's distance against its wear limit (the domain's rule).

        Worked out once per snapshot: state and attributes read it several times.
        """
        coordinator = self.coordinator
        snapshot = coordinator.data
        if self._wear is None or self._wear_of is not snapshot:
            self._wear_of = snapshot
            self._wear = wear_of_shoe(
                self.shoe_id,
                snapshot.load.shoe_km,
                coordinator.records.shoes,
                coordinator.settings,
            )
        return self._wear

    @property
    def shoe_km(self) -> float:
        """Return the distance run in this shoe, in km."""
        return self.wear.km

    @property
    def limit_km(self) -> float:
        """Return the shoe's wear limit in km (its own, else the runner's)."""
        return self.wear.limit_km

    @property
    def worn_out(self) -> bool:
        """Return whether the shoe has reached its wear limit."""
        return self.wear.worn_out


@callback
def async_add_shoe_entities(
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    factory: Callable[[AnkleCareCoordinator, Shoe], Entity],
) -> None:
    """Add one entity per active shoe now and for every shoe added later."""
    coordinator = entry.runtime_data.coordinator
    known: set[str] = set()

    @callback
    def _add_new_shoes() -> None:
        new = [
            shoe
            for shoe in coordinator.records.shoes
            if not shoe.retired and shoe.id not in known
        ]
        if new:
            known.update(shoe.id for shoe in new)
            async_add_entities(factory(coordinator, shoe) for shoe in new)

    _add_new_shoes()
    entry.async_on_unload(coordinator.async_add_listener(_add_new_shoes))


@callback
def async_remove_retired_shoe_entities(
    hass: HomeAssistant, entry: AnkleCareConfigEntry
) -> None:
    """Remove the entities of shoes that were retired or deleted."""
    active = {
        shoe.id
        for shoe in entry.runtime_data.coordinator.records.shoes
        if not shoe.retired
    }
    registry = er.async_get(hass)
    prefix = f"{entry.entry_id}_shoe_"
    for entity in er.async_entries_for_config_entry(registry, entry.entry_id):
        if not entity.unique_id.startswith(prefix):
            continue
        shoe_id = entity.unique_id.removeprefix(prefix).split("_", 1)[0]
        if shoe_id not in active:
            registry.async_remove(entity.entity_id)


@callback
def async_show_distances_in(
    hass: HomeAssistant, entry: AnkleCareConfigEntry, unit: str
) -> None:
    """Show the runner's distance sensors in a new unit (after a reconfigure)."""
    registry = er.async_get(hass)
    for entity in er.async_entries_for_config_entry(registry, entry.entry_id):
        if entity.original_device_class != "distance":
            continue
        options = dict(entity.options.get("sensor", {}))
        options["unit_of_measurement"] = unit
        registry.async_update_entity_options(entity.entity_id, "sensor", options)
