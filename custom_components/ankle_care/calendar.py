"""Calendar `care_plan`: the planned and past ice sessions and other reminders.

Home Assistant's calendar trigger works on it, so automations can start before or
at a session.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import AnkleCareCoordinator
from .domain.plan import Reminder, ReminderKind, ReminderStatus
from .entity import AnkleCareEntity
from .reminders import ReminderManager
from .runtime import AnkleCareConfigEntry
from .texts import async_on_texts_loaded

PARALLEL_UPDATES = 0

DESCRIPTION = EntityDescription(key="care_plan", translation_key="care_plan")
# Reminders that are not an ice session get a short slot in the calendar.
SHORT_EVENT = timedelta(minutes=15)
# Parts of an ice session that are shown within the session's own event.
PART_OF_SESSION = {
    ReminderKind.ICE_END,
    ReminderKind.ELEVATION,
    ReminderKind.COMPRESSION_CHECK,
}


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's care-plan calendar."""
    runtime = entry.runtime_data
    async_add_entities(
        [CarePlanCalendar(runtime.coordinator, DESCRIPTION, runtime.reminders)]
    )


class CarePlanCalendar(AnkleCareEntity, CalendarEntity):
    """Ice sessions, exercise and see-a-professional reminders as events."""

    _reminders: tuple[Reminder, ...] | None = None
    _language: str | None = None
    _plan_events: list[CalendarEvent] = []  # noqa: RUF012 - replaced, never mutated

    def __init__(
        self,
        coordinator: AnkleCareCoordinator,
        description: EntityDescription,
        manager: ReminderManager,
    ) -> None:
        """Initialise with the manager whose texts name the events."""
        super().__init__(coordinator, description)
        self._manager = manager

    async def async_added_to_hass(self) -> None:
        """Name the events anew in a new language."""
        await super().async_added_to_hass()
        self.async_on_remove(async_on_texts_loaded(self.hass, self._texts_loaded))

    @callback
    def _texts_loaded(self) -> None:
        self._reminders = None
        self.async_write_ha_state()

    def _events(self) -> list[CalendarEvent]:
        """Return the plan's events, built again when the plan or language changed."""
        reminders = self.coordinator.data.plan.reminders
        language = self.hass.config.language
        if reminders != self._reminders or language != self._language:
            self._reminders, self._language = reminders, language
            self._plan_events = self._build_events()
        return self._plan_events

    def shown(self) -> object:
        """Return the current or next event, to skip unchanged writes."""
        event = self.event
        return (event.uid, event.start, event.end) if event else ()

    def _build_events(self) -> list[CalendarEvent]:
        coordinator = self.coordinator
        manager = self._manager
        events = []
        for reminder in coordinator.data.plan.reminders:
            if reminder.kind in PART_OF_SESSION:
                continue
            if reminder.status in (ReminderStatus.SKIPPED, ReminderStatus.MISSED):
                continue
            start = reminder.session_start or reminder.due
            end = reminder.session_end or start + SHORT_EVENT
            summary = manager.text(
                f"calendar_{reminder.kind.value}",
                minutes=coordinator.settings.ice_minutes,
            )
            events.append(
                CalendarEvent(
                    start=dt_util.as_local(start),
                    end=dt_util.as_local(end),
                    summary=summary,
                    description=manager.message(reminder),
                    uid=reminder.id,
                )
            )
        return events

    @property
    def event(self) -> CalendarEvent | None:
        """Return the current or next event."""
        now = dt_util.now()
        return next((event for event in self._events() if event.end > now), None)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the events between two moments."""
        return [
            event
            for event in self._events()
            if event.end > start_date and event.start < end_date
        ]
