"""Reminder delivery: turns the plan into timers, notifications, speech and events.

The plan itself (`domain/plan.py`) says what is due when. This module keeps one timer
for the next due moment, delivers what is due to the targets chosen in the options
(notify entities, phones with Done/Snooze/Skip buttons, TTS on speakers, voice
satellites), fires the `reminder` event entity, and handles the phone buttons. What
was delivered is stored, so a restart neither repeats nor loses a reminder.

Reminders that `plan.delivery_groups` puts together (the start of one ankle's ice
session: ice, elevation and compression check) go out as one message: one call per
target, one phone notification whose buttons act on every reminder of the group
(Done logs each treatment). The `reminder` event entity still fires one event per
reminder. Written messages (notify entities, phones, the event) end with a short
not-medical-advice note; spoken ones (TTS, satellites) only for the urgent reminder.
The texts are the `common` translations in Home Assistant's language (`texts.py`):
`reminder_message_<kind>`, `reminder_title`, `reminder_button_<action>`, ...

Ask back: where a satellite can ask a question (`assist_satellite.ask_question`,
Home Assistant 2025.7 and newer, a satellite that supports starting a conversation),
the first such satellite asks "Did you finish icing?" after the ice-off reminder
instead of only announcing it. A yes logs the session's ice through the door (unless
it was logged already); a no or silence logs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import ATTR_SUPPORTED_FEATURES
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER
from .coordinator import AnkleCareCoordinator
from .domain.plan import (
    Reminder,
    ReminderKind,
    ReminderStatus,
    delivery_groups,
    due_reminders,
    next_due,
)
from .domain.records import Side, TreatmentKind
from .door import RunnerDoor
from .sentences import ANSWER_YES, answer_sentences
from .texts import cached_texts

# The phone app sends this event when a notification button is pressed.
EVENT_NOTIFICATION_ACTION = "mobile_app_notification_action"
ACTION_PREFIX = "ANKLE_CARE"
ACTION_DONE = "DONE"
ACTION_SNOOZE = "SNOOZE"
ACTION_SKIP = "SKIP"
# Separates the reminder ids of a group in a button's action id.
ID_SEPARATOR = ","
SNOOZE_BUTTON = timedelta(minutes=15)
# Delivered/done/skipped ids older than this are forgotten (never planned again).
STATE_RETENTION = timedelta(days=30)
# Treatments that a Done button logs.
DONE_LOGS = {
    ReminderKind.ICE_START: TreatmentKind.ICE,
    ReminderKind.ELEVATION: TreatmentKind.ELEVATION,
    ReminderKind.COMPRESSION_CHECK: TreatmentKind.COMPRESSION,
}
# Asking back after the ice-off reminder (Home Assistant 2025.7 and newer).
SATELLITE_DOMAIN = "assist_satellite"
ASK_QUESTION = "ask_question"
# AssistSatelliteEntityFeature.START_CONVERSATION: the satellite can ask and listen.
SATELLITE_STARTS_CONVERSATION = 2
# Groups with a message of their own; other groups join their reminders' messages.
GROUP_MESSAGES = {
    frozenset(
        {
            ReminderKind.ICE_START,
            ReminderKind.ELEVATION,
            ReminderKind.COMPRESSION_CHECK,
        }
    ): "ice_session",
    frozenset(
        {ReminderKind.ELEVATION, ReminderKind.COMPRESSION_CHECK}
    ): "elevation_and_compression_check",
}


def reminder_signal(entry_id: str) -> str:
    """Return the dispatcher signal on which a runner's reminders are announced."""
    return f"{DOMAIN}_{entry_id}_reminder"


@dataclass(frozen=True, slots=True)
class Announcement:
    """A reminder as it is announced: the event entity's event data."""

    reminder: Reminder
    message: str
    title: str
    spoken_message: str

    def event_data(self, runner: str) -> dict[str, Any]:
        """Return the attributes of the fired event."""
        return {
            "message": self.message,
            "spoken_message": self.spoken_message,
            "title": self.title,
            "reminder_id": self.reminder.id,
            "runner": runner,
            "due": self.reminder.due.isoformat(),
            "urgent": self.reminder.urgent,
            "side": self.reminder.side.value if self.reminder.side else None,
            "reason": self.reminder.reason,
        }


class ReminderManager:
    """Delivers one runner's reminders on time."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        coordinator: AnkleCareCoordinator,
        door: RunnerDoor,
    ) -> None:
        """Create the manager; `async_start` begins delivering."""
        self.hass = hass
        self.entry = entry
        self.coordinator = coordinator
        self.door = door
        self._cancel_timer: CALLBACK_TYPE | None = None
        self._timer_at: datetime | None = None
        self._failing: set[str] = set()
        self._checking = False
        self._last_checked: tuple[object, ...] = ()

    @callback
    def async_start(self) -> None:
        """Deliver what is due (one catch-up at most), follow changes, set the timer."""
        entry = self.entry
        entry.async_on_unload(self._async_cancel_timer)
        # Every new snapshot (a log entry, a setting, the clock) may make something due.
        entry.async_on_unload(self.coordinator.async_add_listener(self._async_check))
        entry.async_on_unload(
            self.hass.bus.async_listen(EVENT_NOTIFICATION_ACTION, self._async_on_action)
        )
        self._async_check()

    def text(self, key: str, **placeholders: object) -> str:
        """Return a reminder text in Home Assistant's language."""
        return cached_texts(self.hass)(f"reminder_{key}", **placeholders)

    # Timers

    @callback
    def _async_cancel_timer(self) -> None:
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None
            self._timer_at = None

    @callback
    def _async_schedule(self) -> None:
        """Set the timer to the next moment something becomes due."""
        coordinator = self.coordinator
        now = dt_util.utcnow()
        when = next_due(coordinator.data.plan, now, coordinator.reminder_state)
        if when == self._timer_at:
            return
        self._async_cancel_timer()
        if when is not None:
            self._timer_at = when
            self._cancel_timer = async_track_point_in_utc_time(
                self.hass, self._async_on_timer, when
            )

    @callback
    def _async_on_timer(self, _now: datetime) -> None:
        self._cancel_timer = None
        self._timer_at = None
        self.coordinator.async_recompute()  # runs the check through the listener

    @callback
    def _async_check(self) -> None:
        """Deliver everything due now, remember it, and set the timer."""
        if self._checking:
            return  # storing the new state below updates the snapshot again
        coordinator = self.coordinator
        now = dt_util.utcnow()
        state = coordinator.reminder_state
        checked = (coordinator.data.plan, state)
        if (
            checked == self._last_checked
            and self._timer_at is not None
            and now < self._timer_at
        ):
            return  # the same plan and state as before the timer: nothing new is due
        self._last_checked = checked
        self._checking = True
        try:
            due = due_reminders(coordinator.data.plan, now, state)
            if due:
                if coordinator.reminders_enabled:
                    for group in delivery_groups(due):
                        self._async_deliver(group)
                state = state.deliver([reminder.id for reminder in due], now)
                self.door.async_set_reminder_state(state.prune(now - STATE_RETENTION))
            self._async_schedule()
        finally:
            self._checking = False

    # Delivery

    def _named(self, text: str, side: Side | None) -> str:
        """Return a text with the ankle it is about, when the side is known."""
        if side is None:
            return text
        return f"{self.text(f'ankle_{side}')} {text}"

    def message(self, reminder: Reminder) -> str:
        """Return the plain text of one reminder (no not-medical-advice note)."""
        key = reminder.kind.value
        if reminder.kind is ReminderKind.SEE_PROFESSIONAL:
            if reminder.urgent:
                key = "see_professional_urgent"
            elif reminder.reason is not None:
                key = f"see_professional_{reminder.reason}"
        return self._named(
            self.text(
                f"message_{key}",
                runner=self.entry.title,
                minutes=self.coordinator.settings.ice_minutes,
            ),
            reminder.side,
        )

    def group_message(self, group: Sequence[Reminder]) -> str:
        """Return the plain text of reminders delivered together."""
        key = GROUP_MESSAGES.get(frozenset(reminder.kind for reminder in group))
        if key is None or len(group) < 2:
            return " ".join(self.message(reminder) for reminder in group)
        return self._named(
            self.text(
                f"message_{key}",
                runner=self.entry.title,
                minutes=self.coordinator.settings.ice_minutes,
            ),
            group[0].side,
        )

    def written(self, text: str) -> str:
        """Return a text as it is written: with the not-medical-advice note."""
        return f"{text} {self.text('not_medical_advice')}"

    def spoken(self, text: str, urgent: bool) -> str:
        """Return a text as it is spoken: the note only for the urgent reminder."""
        return self.written(text) if urgent else text

    def announcement(self, reminder: Reminder) -> Announcement:
        """Return the texts of a reminder as its event carries them."""
        text = self.message(reminder)
        return Announcement(
            reminder=reminder,
            message=self.written(text),
            title=self.text("title"),
            spoken_message=self.spoken(text, reminder.urgent),
        )

    @callback
    def _async_deliver(self, group: Sequence[Reminder]) -> None:
        """Deliver reminders due together as one message to every target."""
        for reminder in group:
            async_dispatcher_send(
                self.hass,
                reminder_signal(self.entry.entry_id),
                self.announcement(reminder),
            )
        text = self.group_message(group)
        spoken = self.spoken(text, any(reminder.urgent for reminder in group))
        ice_end = next((r for r in group if r.kind is ReminderKind.ICE_END), None)
        asking = self._asking_satellite() if ice_end is not None else None
        calls = [
            *self._written_calls(group, self.written(text)),
            *self._spoken_calls(spoken, asking),
        ]
        for target, domain, service, data in calls:
            self.entry.async_create_task(
                self.hass,
                self._async_call(target, domain, service, data),
                f"{DOMAIN} reminder to {target}",
            )
        if asking is not None and ice_end is not None:
            # waits for the runner's answer: never holds up a restart or reload
            self.entry.async_create_background_task(
                self.hass,
                self._async_ask_ice_done(asking, spoken, ice_end),
                f"{DOMAIN} ask {asking} whether the icing is done",
            )

    def _written_calls(
        self, group: Sequence[Reminder], message: str
    ) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Return the calls to notify entities and phones (with their buttons)."""
        settings = self.coordinator.settings
        title = self.text("title")
        calls: list[tuple[str, str, str, dict[str, Any]]] = [
            (
                entity_id,
                "notify",
                "send_message",
                {"entity_id": entity_id, "message": message, "title": title},
            )
            for entity_id in settings.notify_entities
        ]
        leader = group[0]
        tag = f"{DOMAIN}_{self.entry.entry_id}_{leader.kind}"
        if leader.side is not None:
            tag += f"_{leader.side}"
        phone_data: dict[str, Any] = {"tag": tag, "actions": self._buttons(group)}
        if leader.kind is ReminderKind.EXERCISE and (todo := self._todo_entity()):
            # Tapping the exercise reminder opens the day's to-do list.
            phone_data["url"] = phone_data["clickAction"] = f"/todo?entity_id={todo}"
        calls.extend(
            (
                f"notify.{service}",
                "notify",
                service,
                {"message": message, "title": title, "data": phone_data},
            )
            for service in settings.notify_services
        )
        return calls

    def _spoken_calls(
        self, spoken: str, asking: str | None = None
    ) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Return the calls to speakers (TTS) and the satellites that do not ask."""
        settings = self.coordinator.settings
        calls: list[tuple[str, str, str, dict[str, Any]]] = []
        if settings.tts_entity and settings.media_players:
            calls.append(
                (
                    settings.tts_entity,
                    "tts",
                    "speak",
                    {
                        "entity_id": settings.tts_entity,
                        "media_player_entity_id": list(settings.media_players),
                        "message": spoken,
                    },
                )
            )
        if satellites := [s for s in settings.assist_satellites if s != asking]:
            calls.append(
                (
                    ",".join(satellites),
                    SATELLITE_DOMAIN,
                    "announce",
                    {"entity_id": satellites, "message": spoken},
                )
            )
        return calls

    def _asking_satellite(self) -> str | None:
        """Return the first satellite that can ask a question, if Home Assistant can."""
        if not self.hass.services.has_service(SATELLITE_DOMAIN, ASK_QUESTION):
            return None  # before 2025.7
        for entity_id in self.coordinator.settings.assist_satellites:
            state = self.hass.states.get(entity_id)
            features = state.attributes.get(ATTR_SUPPORTED_FEATURES, 0) if state else 0
            if int(features) & SATELLITE_STARTS_CONVERSATION:
                return entity_id
        return None

    async def _async_ask_ice_done(
        self, satellite: str, spoken: str, ice_end: Reminder
    ) -> None:
        """Say the ice-off reminder, ask whether the icing is done; a yes logs it."""
        try:
            answer = await self.hass.services.async_call(
                SATELLITE_DOMAIN,
                ASK_QUESTION,
                {
                    "entity_id": satellite,
                    "question": f"{spoken} {self.text('question_ice_done')}",
                    "answers": answer_sentences(self.hass.config.language),
                },
                blocking=True,
                return_response=True,
            )
        except (HomeAssistantError, ValueError) as err:  # silence, or no satellite
            LOGGER.debug("No answer from %s about the icing: %s", satellite, err)
            return
        if not isinstance(answer, dict) or answer.get("id") != ANSWER_YES:
            return
        if self._ice_logged(ice_end):
            return
        # the reminder's session; a session of the usual length otherwise
        usual = timedelta(minutes=self.coordinator.settings.ice_minutes)
        start = ice_end.session_start or dt_util.utcnow() - usual
        end = ice_end.session_end or start + usual
        try:
            await self.door.async_log_treatment(
                treatment=TreatmentKind.ICE,
                time=start,
                duration_minutes=(end - start).total_seconds() / 60,
            )
        except HomeAssistantError as err:
            LOGGER.warning("The ice %s confirmed was not logged: %s", satellite, err)

    def _ice_logged(self, ice_end: Reminder) -> bool:
        """Return whether the ice of this reminder's session is logged already."""
        return any(
            reminder.kind is ReminderKind.ICE_START
            and reminder.side == ice_end.side
            and reminder.session == ice_end.session
            and reminder.session_start == ice_end.session_start
            and reminder.status is ReminderStatus.DONE
            for reminder in self.coordinator.data.plan.reminders
        )

    def _todo_entity(self) -> str | None:
        """Return the entity id of the runner's prevention to-do list."""
        return er.async_get(self.hass).async_get_entity_id(
            "todo", DOMAIN, f"{self.entry.entry_id}_prevention_exercises"
        )

    def _buttons(self, group: Sequence[Reminder]) -> list[dict[str, str]]:
        """Return the phone notification buttons, with ids unique to the group.

        An action id is `ANKLE_CARE|<action>|<entry id>|<reminder ids>`, the ids of
        the group's reminders joined by `ID_SEPARATOR`.
        """
        ids = ID_SEPARATOR.join(reminder.id for reminder in group)
        return [
            {
                "action": f"{ACTION_PREFIX}|{action}|{self.entry.entry_id}|{ids}",
                "title": self.text(f"button_{action.lower()}"),
            }
            for action in (ACTION_DONE, ACTION_SNOOZE, ACTION_SKIP)
        ]

    async def _async_call(
        self, target: str, domain: str, service: str, data: dict[str, Any]
    ) -> None:
        """Call one target; a failing target is logged once and stops nothing."""
        try:
            await self.hass.services.async_call(domain, service, data, blocking=True)
        except (HomeAssistantError, ValueError) as err:
            if target not in self._failing:
                self._failing.add(target)
                LOGGER.warning(
                    "Ankle Care could not deliver a reminder to %s: %s", target, err
                )
        else:
            if target in self._failing:
                self._failing.discard(target)
                LOGGER.info("Ankle Care delivers reminders to %s again", target)

    # Phone buttons and actions

    @callback
    def _async_on_action(self, event: Event[dict[str, Any]]) -> None:
        parts = str(event.data.get("action", "")).split("|", 3)
        if len(parts) != 4 or parts[0] != ACTION_PREFIX:
            return
        _, action, entry_id, reminder_ids = parts
        if entry_id != self.entry.entry_id:
            return
        self.async_handle_action(action, reminder_ids.split(ID_SEPARATOR))

    @callback
    def async_handle_action(self, action: str, reminder_ids: Iterable[str]) -> None:
        """Apply a Done, Snooze or Skip to the reminders of one notification.

        Done logs the treatment of every ice, elevation and compression reminder
        (which marks it done in the plan), acknowledges a see-a-professional one
        and marks any other one done. Unknown ids are ignored.
        """
        if action not in (ACTION_DONE, ACTION_SNOOZE, ACTION_SKIP):
            return
        coordinator = self.coordinator
        wanted = set(reminder_ids)
        group = [r for r in coordinator.data.plan.reminders if r.id in wanted]
        if not group:
            return
        now = dt_util.utcnow()
        state = coordinator.reminder_state
        logged: dict[TreatmentKind, None] = {}
        for reminder in group:
            if action == ACTION_SNOOZE:
                state = state.snooze(reminder.id, now + SNOOZE_BUTTON)
            elif action == ACTION_SKIP:
                state = state.skip(reminder.id, now)
            elif (kind := DONE_LOGS.get(reminder.kind)) is not None:
                # Logging the treatment is what marks the reminder done in the plan.
                logged[kind] = None
            elif reminder.kind is ReminderKind.SEE_PROFESSIONAL:
                state = state.acknowledge(now)
            else:
                state = state.mark_done(reminder.id, now)
        self.door.async_complete_reminders(logged, state)

    @callback
    def async_snooze_all(self, minutes: float) -> datetime:
        """Postpone every reminder (urgent ones excepted) by `minutes`."""
        now = dt_util.utcnow()
        until = now + timedelta(minutes=minutes)
        state = self.coordinator.reminder_state.snooze_all(now, until)
        self.door.async_set_reminder_state(state)
        return until
