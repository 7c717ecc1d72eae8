"""Reminders delivered on time to phones, speakers and satellites, as events too."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
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
    # each session: ice, elevation, compression check; 20 minutes later ice off
    assert messages.count("Alex, time to take the ice off.") == len(starts)
    assert messages.count(
        "Alex, raise your ankle above the level of your heart."
    ) == len(starts)
    assert messages.count(
        "Alex, check the wrap: snug, with no numbness or tingling."
    ) == len(starts)


async def test_delivery_to_every_target(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
) -> None:
    await _flare_up(hass, init_integration)
    message = "Alex, time to ice your ankle for 20 minutes."
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
            "message": message,
        }
        for c in calls["tts"]
    )
    assert any(
        c.data == {"entity_id": ["assist_satellite.hallway"], "message": message}
        for c in calls["satellite"]
    )
    state = hass.states.get(EVENT)
    assert state.attributes["event_type"] in {
        "ice_start",
        "elevation",
        "compression_check",
    }
    assert state.attributes["runner"] == "Alex"
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
    treatments = init_integration.runtime_data.records.treatments
    assert [t.treatment.value for t in treatments] == ["ice"]

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
    assert delivered == 3  # ice, elevation, compression
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
    # it (ice, elevation, compression), no burst of the missed ones
    assert caught_up.count("Alex, time to ice your ankle for 20 minutes.") == 1
    assert len(caught_up) == 3


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
    assert [c.data["message"] for c in calls["phone"]] == [
        "Alex, please see a medical professional now, and keep weight off the ankle."
    ]


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
    coordinator = init_integration.runtime_data
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
    reminder_id = skip.rsplit("|", 1)[1]
    assert reminder_id in coordinator.reminder_state.skipped

    # the ice-off reminder of a session: Done just marks it done
    await _run(hass, freezer, 3.4)
    ice_off = next(
        c
        for c in calls["phone"]
        if c.data["message"] == "Alex, time to take the ice off."
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
