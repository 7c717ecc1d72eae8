"""Event entity `reminder`: fires for every reminder, for automations and blueprints."""

from __future__ import annotations

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .domain.plan import ReminderKind
from .entity import AnkleCareEntity
from .reminders import Announcement, reminder_signal
from .runtime import AnkleCareConfigEntry

PARALLEL_UPDATES = 0

DESCRIPTION = EventEntityDescription(
    key="reminder",
    translation_key="reminder",
    event_types=[kind.value for kind in ReminderKind],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's reminder event entity."""
    async_add_entities([ReminderEvent(entry.runtime_data.coordinator, DESCRIPTION)])


class ReminderEvent(AnkleCareEntity, EventEntity):
    """Fires `ice_start`, `ice_end`, `elevation`, `compression_check`, ... events."""

    async def async_added_to_hass(self) -> None:
        """Listen for the runner's reminders."""
        await super().async_added_to_hass()
        entry = self.coordinator.entry
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass, reminder_signal(entry.entry_id), self._async_announce
            )
        )

    @callback
    def _async_announce(self, announcement: Announcement) -> None:
        self._trigger_event(
            announcement.reminder.kind.value,
            announcement.event_data(self.coordinator.entry.title),
        )
        self.async_write_ha_state()

    @callback
    def _handle_coordinator_update(self) -> None:
        """Only reminders change this entity, not every new snapshot."""
