"""Reminders delivered on time to phones, speakers and satellites, as events too."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, ServiceCall, callback
from homeassistant.helpers.event import (
    EventStateChangedData,
    async_track_state_change_event,
)
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.ankle_care.const import DOMAIN

from .helpers import entity_states

PACIFIC = ZoneInfo("US/Pacific")
# A flare-up logged at 09:00 local time (US/Pacific in tests).
START = "2026-11-20 17:00:00+00:00"
OPTIONS = {
    "notify_services": ["mobile_app_pixel"],
    "notify_entities": ["notify.kitchen_display"],
    "tts_entity": "tts.piper",
    "media_players": ["media_player.kitchen"],
    "assist_satellites": ["assist_satellite.hallway"],
}
EVENT = "event.alex_reminder"
NOTE = "Not medical advice."
# The start of an ice session: ice, elevation and compression check in one message.
ICE_SESSION = (
    "Alex, time to ice your ankle for 20 minutes. Raise it above the level of your"
    " heart and check the wrap: snug, with no numbness or tingling."
)
ICE_OFF = "Alex, time to take the ice off."
URGENT = (
    "Alex, you logged a red flag. Please see a medical professional now, and keep"
    " weight off the ankle."
)
RED_FLAG_REPEAT = "Alex, you logged a red flag. Please see a medical professional."

pytestmark = pytest.mark.freeze_time(START)


@pytest.fixture
def entry_options() -> dict[str, Any]:
    """Deliver to a phone, a notify entity, a speaker and a satellite."""
    return dict(OPTIONS)


@pytest.fixture
def calls(hass: HomeAssistant) -> dict[str, list[ServiceCall]]:
    """Register the delivery targets as test services and collect their calls."""
    return {
        "phone": async_mock_service(hass, "notify", "mobile_app_pixel"),
        "notify": async_mock_service(hass, "notify", "send_message"),
        "tts": async_mock_service(hass, "tts", "speak"),
        "satellite": async_mock_service(hass, "assist_satellite", "announce"),
    }


async def _flare_up(
    hass: HomeAssistant, entry: MockConfigEntry, severity: int = 5
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": entry.entry_id, "severity": severity},
        blocking=True,
    )
    await hass.async_block_till_done()


async def _run(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, hours: float, step: int = 5
) -> None:
    """Let the clock run in steps of `step` minutes."""
    for _ in range(int(hours * 60 / step)):
        freezer.tick(timedelta(minutes=step))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


def _ice_starts(phone: list[ServiceCall]) -> list[datetime]:
    """Return when the phone was told to ice (from the reminder ids' buttons)."""
    return [
        call.data["_sent_at"] for call in phone if "time to ice" in call.data["message"]
    ]


@pytest.fixture
def stamp_calls(
    calls: dict[str, list[ServiceCall]], hass: HomeAssistant
) -> dict[str, list[ServiceCall]]:
    """Remember when each phone notification arrived."""
    phone = calls["phone"]

    class Stamped(list[ServiceCall]):
        def append(self, call: ServiceCall) -> None:
            call.data = {**call.data, "_sent_at": dt_util.now()}  # type: ignore[misc]
            super().append(call)

    stamped = Stamped()
    phone.clear()
    hass.services.async_remove("notify", "mobile_app_pixel")
    hass.services.async_register(
        "notify", "mobile_app_pixel", lambda call: stamped.append(call)
    )
    calls["phone"] = stamped
    return calls


async def test_full_72_hour_ice_plan(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    stamp_calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    await _run(hass, freezer, 74, step=10)
    starts = [
        moment.astimezone(PACIFIC) for moment in _ice_starts(stamp_calls["phone"])
    ]
    # Every 3 hours from 09:00, never between 22:00 and 07:00: 09, 12, 15, 18, 21,
    # then 07:00 (moved out of quiet hours), 10, 13, 16, 19, then 07:00 ... until
    # the acute window ends 72 hours after the flare-up.
    hours = [(moment.day, moment.hour) for moment in starts]
    assert hours == [
        (20, 9), (20, 12), (20, 15), (20, 18), (20, 21),
        (21, 7), (21, 10), (21, 13), (21, 16), (21, 19),
        (22, 7), (22, 10), (22, 13), (22, 16), (22, 19),
        (23, 7),
    ]  # fmt: skip
    for earlier, later in pairwise(starts):
        assert later - earlier >= timedelta(hours=3) - timedelta(minutes=10)
    assert not any(moment.hour >= 22 or moment.hour < 7 for moment in starts)
    messages = [call.data["message"] for call in stamp_calls["phone"]]
    # each session: one message for ice, elevation and compression check; 20
    # minutes later ice off
    assert messages.count(f"{ICE_SESSION} {NOTE}") == len(starts)
    assert messages.count(f"{ICE_OFF} {NOTE}") == len(starts)
    # nothing else, apart from seeing a professional once the window is over
    care = [m for m in messages if "medical professional" not in m]
    assert len(care) == 2 * len(starts)


async def test_delivery_to_every_target(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    # ice, elevation and compression check: one message, one call per target
    assert [len(calls[target]) for target in calls] == [1, 1, 1, 1]
    # written with the not-medical-advice note, spoken without it
    message = f"{ICE_SESSION} {NOTE}"
    phone = next(c for c in calls["phone"] if c.data["message"] == message)
    assert phone.data["title"] == "Ankle Care"
    actions = phone.data["data"]["actions"]
    assert [a["title"] for a in actions] == ["Done", "Snooze 15 min", "Skip"]
    assert len({a["action"] for a in actions}) == 3
    assert all(init_integration.entry_id in a["action"] for a in actions)
    assert any(
        c.data
        == {
            "entity_id": "notify.kitchen_display",
            "message": message,
            "title": "Ankle Care",
        }
        for c in calls["notify"]
    )
    assert any(
        c.data
        == {
            "entity_id": "tts.piper",
            "media_player_entity_id": ["media_player.kitchen"],
            "message": ICE_SESSION,
        }
        for c in calls["tts"]
    )
    assert any(
        c.data == {"entity_id": ["assist_satellite.hallway"], "message": ICE_SESSION}
        for c in calls["satellite"]
    )
    state = hass.states.get(EVENT)
    assert state.attributes["event_type"] in {
        "ice_start",
        "elevation",
        "compression_check",
    }
    assert state.attributes["runner"] == "Alex"
    assert state.attributes["message"].endswith(f". {NOTE}")
    assert hass.states.get("binary_sensor.alex_ice_session_active").state == "on"


async def test_done_button_logs_ice_and_snooze_moves_the_reminder(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    first = next(c for c in calls["phone"] if "time to ice" in c.data["message"])
    done, snooze, _skip = (a["action"] for a in first.data["data"]["actions"])
    hass.bus.async_fire("mobile_app_notification_action", {"action": done})
    await hass.async_block_till_done()
    # one Done for the session's one notification logs all three treatments
    treatments = init_integration.runtime_data.coordinator.records.treatments
    assert [t.treatment.value for t in treatments] == [
        "ice",
        "elevation",
        "compression",
    ]

    # the next session: snooze its ice reminder by 15 minutes
    await _run(hass, freezer, 3)
    second = [c for c in calls["phone"] if "time to ice" in c.data["message"]][-1]
    assert second is not first
    snooze = second.data["data"]["actions"][1]["action"]
    count = len(calls["phone"])
    hass.bus.async_fire("mobile_app_notification_action", {"action": snooze})
    await hass.async_block_till_done()
    await _run(hass, freezer, 0.2)  # 10 minutes: nothing yet
    assert not any("time to ice" in c.data["message"] for c in calls["phone"][count:])
    await _run(hass, freezer, 0.1)  # 15 minutes: again
    assert any("time to ice" in c.data["message"] for c in calls["phone"][count:])


async def test_restart_neither_repeats_nor_bursts(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    delivered = len(calls["phone"])
    assert delivered == 1  # ice, elevation, compression in one notification
    await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert len(calls["phone"]) == delivered  # nothing delivered twice

    # Home Assistant is down for 7 hours (two sessions missed): one catch-up at most
    await hass.config_entries.async_unload(init_integration.entry_id)
    freezer.tick(timedelta(hours=7))
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    caught_up = [c.data["message"] for c in calls["phone"][delivered:]]
    # the 12:00 session is long over; the 15:00 one is still on: one catch-up of
    # it (ice, elevation, compression in one notification), no burst of the
    # missed ones
    assert caught_up == [f"{ICE_SESSION} {NOTE}"]


async def test_failing_target_is_logged_once_and_others_still_get_it(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass.services.async_remove("tts", "speak")  # the speaker integration is gone
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await _flare_up(hass, mock_config_entry)
    await _run(hass, freezer, 3.5, step=10)
    assert caplog.text.count("could not deliver a reminder to tts.piper") == 1
    assert len([c for c in calls["phone"] if "time to ice" in c.data["message"]]) == 2
    assert len(calls["satellite"]) >= 2


async def test_switch_off_stops_delivery(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    assert hass.states.get("switch.alex_reminders").state == "off"
    await _flare_up(hass, init_integration)
    assert calls["phone"] == []
    assert calls["tts"] == []
    assert hass.states.get(EVENT).state == "unknown"
    # the plan goes on: the calendar still shows the sessions
    assert hass.states.get("calendar.alex_care_plan").state == "on"


async def test_snooze_reminders_action(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    response = await hass.services.async_call(
        DOMAIN,
        "snooze_reminders",
        {"config_entry_id": init_integration.entry_id, "minutes": 30},
        blocking=True,
        return_response=True,
    )
    assert response == {"snoozed_until": "2026-11-20T17:30:00+00:00"}
    await _flare_up(hass, init_integration)
    assert calls["phone"] == []
    await _run(hass, freezer, 0.5)
    assert any("time to ice" in c.data["message"] for c in calls["phone"])


async def test_red_flag_is_never_snoozed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "snooze_reminders",
        {"config_entry_id": init_integration.entry_id, "minutes": 120},
        blocking=True,
    )
    await _flare_up(hass, init_integration, severity=9)
    assert [c.data["message"] for c in calls["phone"]] == [f"{URGENT} {NOTE}"]
    # the urgent reminder is spoken with the note too
    assert [c.data["message"] for c in calls["tts"]] == [f"{URGENT} {NOTE}"]
    assert [c.data["message"] for c in calls["satellite"]] == [f"{URGENT} {NOTE}"]


async def test_calendar_and_next_reminder(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"entity_id": "calendar.alex_care_plan", "duration": {"hours": 24}},
        blocking=True,
        return_response=True,
    )
    events = response["calendar.alex_care_plan"]["events"]  # type: ignore[index]
    assert events[0]["summary"] == "Ice the ankle (20 min), raise it, check the wrap"
    assert events[0]["start"] == "2026-11-20T09:00:00-08:00"
    assert events[0]["end"] == "2026-11-20T09:20:00-08:00"
    assert [e["start"][11:16] for e in events] == [
        "09:00",
        "12:00",
        "15:00",
        "18:00",
        "21:00",
        "07:00",
    ]
    next_reminder = hass.states.get("sensor.alex_next_reminder")
    assert next_reminder.state == "2026-11-20T17:20:00+00:00"
    assert next_reminder.attributes["kind"] == "ice_end"


async def test_dst_change_neither_skips_nor_doubles(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    stamp_calls: dict[str, list[ServiceCall]],
) -> None:
    mock_config_entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex", "unit": "km"},
        options={**OPTIONS, "ice_interval_hours": 2},
    )
    await hass.config.async_set_time_zone("Europe/Amsterdam")
    # Saturday 24 October 2026, 12:00 local; clocks go back on Sunday 03:00 -> 02:00
    freezer.move_to("2026-10-24 10:00:00+00:00")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await _flare_up(hass, mock_config_entry)
    await _run(hass, freezer, 30, step=10)
    starts = _ice_starts(stamp_calls["phone"])
    gaps = {later - earlier for earlier, later in pairwise(starts)}
    # two-hourly by the clock on the wall, except across the night's quiet hours
    assert min(gaps) >= timedelta(hours=2) - timedelta(minutes=10)
    local = [dt_util.as_local(moment) for moment in starts]
    assert len(local) == len({(m.day, m.hour) for m in local})  # none doubled
    assert next(m.hour for m in local if m.day == 25) == 7


async def test_buttons_skip_acknowledge_and_foreign_actions(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    coordinator = init_integration.runtime_data.coordinator
    first = next(c for c in calls["phone"] if "time to ice" in c.data["message"])
    _done, _snooze, skip = (a["action"] for a in first.data["data"]["actions"])
    before = coordinator.reminder_state
    for action in (
        "SOMETHING_ELSE",
        skip.replace(init_integration.entry_id, "01JOTHERRUNNER000000000000"),
        skip.replace("|SKIP|", "|DANCE|"),
        skip.rsplit("|", 1)[0] + "|no-such-reminder",
    ):
        hass.bus.async_fire("mobile_app_notification_action", {"action": action})
        await hass.async_block_till_done()
    assert coordinator.reminder_state == before

    hass.bus.async_fire("mobile_app_notification_action", {"action": skip})
    await hass.async_block_till_done()
    # the notification's ice, elevation and compression reminders are all skipped
    reminder_ids = skip.rsplit("|", 1)[1].split(",")
    assert [reminder_id.split("-", 1)[0] for reminder_id in reminder_ids] == [
        "ice_start",
        "elevation",
        "compression_check",
    ]
    assert set(reminder_ids) <= set(coordinator.reminder_state.skipped)

    # the ice-off reminder of a session: Done just marks it done
    await _run(hass, freezer, 3.4)
    ice_off = next(
        c for c in calls["phone"] if c.data["message"] == f"{ICE_OFF} {NOTE}"
    )
    done = ice_off.data["data"]["actions"][0]["action"]
    hass.bus.async_fire("mobile_app_notification_action", {"action": done})
    await hass.async_block_till_done()
    assert done.rsplit("|", 1)[1] in coordinator.reminder_state.done

    # a red flag: Done on the see-a-professional reminder acknowledges it
    await _flare_up(hass, init_integration, severity=9)
    urgent = calls["phone"][-1]
    assert "medical professional now" in urgent.data["message"]
    hass.bus.async_fire(
        "mobile_app_notification_action",
        {"action": urgent.data["data"]["actions"][0]["action"]},
    )
    await hass.async_block_till_done()
    assert coordinator.reminder_state.acknowledged_at is not None
    count = len(calls["phone"])
    await _run(hass, freezer, 25, step=30)
    assert not any(
        "medical professional" in c.data["message"] for c in calls["phone"][count:]
    )


async def test_target_back_after_failing_and_switch_back_on(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass.services.async_remove("tts", "speak")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await _flare_up(hass, mock_config_entry)
    assert "could not deliver a reminder to tts.piper" in caplog.text
    speak = async_mock_service(hass, "tts", "speak")
    await _run(hass, freezer, 3)
    assert speak
    assert "delivers reminders to tts.piper again" in caplog.text

    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    assert hass.states.get("switch.alex_reminders").state == "on"


async def test_reminder_entities_snapshot(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    snapshot: SnapshotAssertion,
) -> None:
    await _flare_up(hass, init_integration)
    for domain in ("event", "calendar", "switch"):
        assert entity_states(hass, init_integration.entry_id, domain) == snapshot(
            name=domain
        )
    sensors = entity_states(hass, init_integration.entry_id, "sensor")
    assert sensors["sensor.alex_next_reminder"] == snapshot(name="next_reminder")
    binary = entity_states(hass, init_integration.entry_id, "binary_sensor")
    assert binary["binary_sensor.alex_ice_session_active"] == snapshot(
        name="ice_session_active"
    )


async def test_exercise_reminder_opens_the_todo_list(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    # no soreness: the daily exercise reminder at 18:00 local time, not before
    await _run(hass, freezer, 8.5, step=30)
    assert not any("exercises" in c.data["message"] for c in calls["phone"])
    await _run(hass, freezer, 0.5, step=30)
    exercise = next(
        c for c in calls["phone"] if "today's ankle exercises" in c.data["message"]
    )
    assert (
        exercise.data["data"]["url"] == "/todo?entity_id=todo.alex_prevention_exercises"
    )
    assert dt_util.now().hour == 18


@pytest.fixture
def fired(hass: HomeAssistant) -> list[dict[str, Any]]:
    """Collect the attributes of every event the reminder event entity fires."""
    events: list[dict[str, Any]] = []

    @callback
    def _collect(event: Event[EventStateChangedData]) -> None:
        state = event.data["new_state"]
        if state is not None and state.state not in ("unknown", "unavailable"):
            events.append(dict(state.attributes))

    async_track_state_change_event(hass, EVENT, _collect)
    return events


async def test_session_start_is_one_notification_with_one_event_per_kind(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
    fired: list[dict[str, Any]],
) -> None:
    await _flare_up(hass, init_integration)
    (push,) = calls["phone"]
    assert push.data["message"] == f"{ICE_SESSION} {NOTE}"
    assert push.data["data"]["tag"] == f"{DOMAIN}_{init_integration.entry_id}_ice_start"
    done, snooze, skip = (a["action"] for a in push.data["data"]["actions"])
    stamp = "2026-11-20T17:00:00Z"
    ids = f"ice_start-{stamp}-1,elevation-{stamp}-1,compression_check-{stamp}-1"
    assert done == f"ANKLE_CARE|DONE|{init_integration.entry_id}|{ids}"
    assert len({done, snooze, skip}) == 3
    # the event entity still fires one event per reminder, each with its own text
    assert [(e["event_type"], e["message"]) for e in fired] == [
        ("ice_start", f"Alex, time to ice your ankle for 20 minutes. {NOTE}"),
        ("elevation", f"Alex, raise your ankle above the level of your heart. {NOTE}"),
        (
            "compression_check",
            f"Alex, check the wrap: snug, with no numbness or tingling. {NOTE}",
        ),
    ]
    assert [e["reminder_id"] for e in fired] == ids.split(",")
    assert {(e["side"], e["reason"]) for e in fired} == {(None, None)}

    # Snooze on the next session's notification snoozes all three: they come
    # back together, as one notification again
    await _run(hass, freezer, 3)
    second = calls["phone"][-1]
    assert second.data["message"] == f"{ICE_SESSION} {NOTE}"
    snooze = second.data["data"]["actions"][1]["action"]
    hass.bus.async_fire("mobile_app_notification_action", {"action": snooze})
    await hass.async_block_till_done()
    state = init_integration.runtime_data.coordinator.reminder_state
    second_ids = snooze.rsplit("|", 1)[1].split(",")
    assert len(second_ids) == 3
    assert set(second_ids) <= set(state.snoozed)
    count = len(calls["phone"])
    await _run(hass, freezer, 0.25)
    assert [c.data["message"] for c in calls["phone"][count:]] == [
        f"{ICE_SESSION} {NOTE}"
    ]

    # Done logs the ice, the elevation and the compression
    done = calls["phone"][-1].data["data"]["actions"][0]["action"]
    hass.bus.async_fire("mobile_app_notification_action", {"action": done})
    await hass.async_block_till_done()
    treatments = init_integration.runtime_data.coordinator.records.treatments
    assert [t.treatment.value for t in treatments] == [
        "ice",
        "elevation",
        "compression",
    ]
    statuses = {
        r.id: r.status
        for r in init_integration.runtime_data.coordinator.data.plan.reminders
    }
    assert {statuses[reminder_id] for reminder_id in second_ids} == {"done"}


async def test_see_professional_names_the_reason(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    fired: list[dict[str, Any]],
) -> None:
    # a possible stress reaction: a painful spot on the bone that keeps aching
    await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {
            "config_entry_id": init_integration.entry_id,
            "severity": 5,
            "location": "bone_spot",
            "persistent_ache": True,
        },
        blocking=True,
    )
    await hass.async_block_till_done()
    stress = (
        "Alex, your ankle may have a stress reaction. Please see a medical"
        " professional."
    )
    # first aid still applies while waiting to be seen
    assert [c.data["message"] for c in calls["phone"]] == [
        f"{ICE_SESSION} {NOTE}",
        f"{stress} {NOTE}",
    ]
    # not urgent: spoken without the note
    assert [c.data["message"] for c in calls["tts"]] == [ICE_SESSION, stress]
    assert [c.data["message"] for c in calls["satellite"]] == [ICE_SESSION, stress]
    assert not any("not improving" in c.data["message"] for c in calls["phone"])
    assert (fired[-1]["event_type"], fired[-1]["reason"]) == (
        "see_professional",
        "stress_reaction",
    )
    # the event carries the written text and the text to speak (no note: not urgent)
    assert fired[-1]["message"] == f"{stress} {NOTE}"
    assert fired[-1]["spoken_message"] == stress


async def test_red_flag_keeps_first_aid_and_names_the_red_flag(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration, severity=9)
    # the ice session and the urgent reminder, each its own notification
    assert [c.data["message"] for c in calls["phone"]] == [
        f"{ICE_SESSION} {NOTE}",
        f"{URGENT} {NOTE}",
    ]
    # the urgent reminder is spoken with the note, the ice session without
    assert [c.data["message"] for c in calls["tts"]] == [
        ICE_SESSION,
        f"{URGENT} {NOTE}",
    ]
    count = len(calls["phone"])
    await _run(hass, freezer, 24, step=30)
    messages = [c.data["message"] for c in calls["phone"][count:]]
    # the ice plan goes on in urgent care: 12, 15, 18, 21, 07:00 (quiet hours)
    assert messages.count(f"{ICE_SESSION} {NOTE}") == 5
    # the daily repeat names the red flag, never "not improving"
    assert messages[-1] == f"{RED_FLAG_REPEAT} {NOTE}"
    assert calls["tts"][-1].data["message"] == RED_FLAG_REPEAT
    assert not any("not improving" in message for message in messages)


async def test_no_burst_of_catch_ups_after_days_down(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration, severity=9)
    assert f"{URGENT} {NOTE}" in [c.data["message"] for c in calls["phone"]]
    # Home Assistant is down for three days in urgent care
    await hass.config_entries.async_unload(init_integration.entry_id)
    count = len(calls["phone"])
    freezer.tick(timedelta(days=3, hours=1))
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    # every new snapshot checks what is due: here the runner logs rest every five
    # minutes for half an hour
    for _ in range(6):
        await _run(hass, freezer, 5 / 60)
        await hass.services.async_call(
            DOMAIN,
            "log_treatment",
            {"config_entry_id": init_integration.entry_id, "treatment": "rest"},
            blocking=True,
        )
        await hass.async_block_till_done()
    # one catch-up of the daily reminder, not one for every missed day five
    # minutes apart (the acute window, and so the ice plan, is over)
    caught_up = [c.data["message"] for c in calls["phone"][count:]]
    assert caught_up == [f"{RED_FLAG_REPEAT} {NOTE}"]


async def test_each_ankle_its_own_notifications(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    fired: list[dict[str, Any]],
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": init_integration.entry_id, "severity": 5, "side": "left"},
        blocking=True,
    )
    await hass.async_block_till_done()
    (push,) = calls["phone"]
    entry_id = init_integration.entry_id
    assert push.data["data"]["tag"] == f"{DOMAIN}_{entry_id}_ice_start_left"
    stamp = "2026-11-20T17:00:00Z"
    assert push.data["data"]["actions"][0]["action"] == (
        f"ANKLE_CARE|DONE|{entry_id}|ice_start-left-{stamp}-1,"
        f"elevation-left-{stamp}-1,compression_check-left-{stamp}-1"
    )
    assert {e["side"] for e in fired} == {"left"}
    # the text names the ankle, so two ankles on their own schedules are told apart
    assert push.data["message"] == f"Left ankle: {ICE_SESSION} {NOTE}"
    assert calls["tts"][0].data["message"] == f"Left ankle: {ICE_SESSION}"
