"""The prevention program: to-do list, check-off logging, adherence and streak."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.ankle_care.const import DOMAIN

from .helpers import entity_states

TODO = "todo.alex_prevention_exercises"
ADHERENCE = "sensor.alex_exercise_adherence"
STREAK = "sensor.alex_exercise_streak"
FULL = [
    "Ankle alphabet",
    "Band: foot outward",
    "Band: foot inward",
    "Band: foot upward",
    "Band: foot downward",
    "Eccentric calf raise",
    "Single-leg stand",
    "Warm-up before running",
]
COUNTED = [
    "ankle_alphabet",
    "band_eversion",
    "band_inversion",
    "band_dorsiflexion",
    "band_plantarflexion",
    "eccentric_calf_raise",
    "single_leg_stand",
]

# 10:00 local time in the tests' US/Pacific zone
pytestmark = pytest.mark.freeze_time("2026-11-20 18:00:00+00:00")


async def _items(hass: HomeAssistant) -> list[dict[str, Any]]:
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {},
        target={"entity_id": TODO},
        blocking=True,
        return_response=True,
    )
    return response[TODO]["items"]  # type: ignore[index,return-value]


async def _log(hass: HomeAssistant, entry: MockConfigEntry, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        "log_exercise",
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=True,
    )


async def _next_day(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    freezer.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_full_program_when_ready(
    hass: HomeAssistant, init_integration: MockConfigEntry, snapshot: SnapshotAssertion
) -> None:
    items = await _items(hass)
    assert [item["summary"] for item in items] == FULL
    assert all(item["status"] == "needs_action" for item in items)
    assert "15" in items[1]["description"]
    state = hass.states.get(TODO)
    assert state.state == "8"
    assert state.attributes["reason"] == "full_program"
    assert entity_states(hass, init_integration.entry_id, "todo") == snapshot(
        name="todo"
    )


async def test_checking_off_logs_the_exercise(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    items = await _items(hass)
    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": items[5]["uid"], "status": "completed"},
        target={"entity_id": TODO},
        blocking=True,
    )
    exercises = init_integration.runtime_data.coordinator.records.exercises
    assert [e.exercise for e in exercises] == ["eccentric_calf_raise"]
    assert (exercises[0].sets, exercises[0].reps) == (3, 15)
    assert hass.states.get(TODO).state == "7"
    # unchecking removes today's log again
    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": items[5]["uid"], "status": "needs_action"},
        target={"entity_id": TODO},
        blocking=True,
    )
    assert init_integration.runtime_data.coordinator.records.exercises == []
    assert hass.states.get(TODO).state == "8"


async def test_list_follows_the_recovery_phase(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    async def soreness(**data: Any) -> None:
        await hass.services.async_call(
            DOMAIN,
            "log_soreness",
            {"config_entry_id": init_integration.entry_id, **data},
            blocking=True,
        )

    await soreness(severity=5)  # a flare-up: acute care
    assert [item["summary"] for item in await _items(hass)] == ["Ankle alphabet"]
    assert hass.states.get(TODO).attributes["reason"] == "gentle_mobility_only"
    await soreness(severity=9)  # a red flag: nothing, with the reason
    assert await _items(hass) == []
    assert hass.states.get(TODO).attributes["reason"] == "red_flag_rest"


async def test_refill_across_midnight_streak_and_adherence(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    # day 1: everything done
    for key in COUNTED:
        await _log(hass, init_integration, exercise=key)
    assert hass.states.get(STREAK).state == "1"
    assert hass.states.get(ADHERENCE).state == "100.0"
    assert all(item["status"] == "completed" for item in (await _items(hass))[:7])

    # day 2: a fresh list; the streak still counts yesterday
    await _next_day(hass, freezer)
    items = await _items(hass)
    assert all(item["status"] == "needs_action" for item in items)
    assert items[0]["uid"].startswith("2026-11-21")
    assert hass.states.get(STREAK).state == "1"
    response = await _log(hass, init_integration, exercise="ankle_alphabet")
    assert response["remaining_today"][0] == "band_eversion"
    assert response["streak"] == 1

    # day 3: day 2 was 1 of 7: adherence over both days 8 / 14
    await _next_day(hass, freezer)
    assert hass.states.get(STREAK).state == "0"
    assert float(hass.states.get(ADHERENCE).state) == pytest.approx(57.1, abs=0.1)


async def test_progression_to_the_unstable_surface(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    for _ in range(10):
        await _log(hass, init_integration, exercise="single_leg_stand", sets=3)
        await _next_day(hass, freezer)
    summaries = [item["summary"] for item in await _items(hass)]
    assert "Single-leg stand on an unstable surface" in summaries
    assert "Single-leg stand" not in summaries
    assert hass.states.get(TODO).attributes["balance_stage"] == "unstable"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"exercise": "burpees"}, "unknown_exercise"),
        ({"exercise": "warm_up", "sets": 0}, "count_out_of_range"),
        ({"exercise": "warm_up", "reps": -2}, "count_out_of_range"),
        ({"exercise": "warm_up", "seconds": 1.5}, "count_out_of_range"),
        (
            {"exercise": "warm_up", "time": "2026-11-21T18:00:00+00:00"},
            "time_in_future",
        ),
    ],
)
async def test_bad_exercise_input(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    data: dict[str, Any],
    key: str,
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _log(hass, init_integration, **data)
    assert err.value.translation_key == key
    assert init_integration.runtime_data.coordinator.records.exercises == []
