"""Load: a thousand concurrent logging calls across two runners, then a restart.

Every record is there once, the delayed saves that fired in between lost nothing,
and the figures after the restart (a fresh set-up from the store) equal those
computed while logging, and the 7-day distances equal the sum of what was logged.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.ankle_care.const import DOMAIN, SAVE_DELAY_SECONDS
from custom_components.ankle_care.domain.program import ExerciseKey

from .helpers import entity_states

NOW = "2026-11-20 18:00:00+00:00"
pytestmark = pytest.mark.freeze_time(NOW)
CALLS = 1000
KINDS = ("log_run", "log_soreness", "log_treatment", "log_exercise")
ID_FIELDS = {
    "log_run": ("run_id", "runs"),
    "log_soreness": ("entry_id", "soreness"),
    "log_treatment": ("treatment_id", "treatments"),
    "log_exercise": ("exercise_id", "exercises"),
}
EXERCISES = list(ExerciseKey)


def _data(number: int) -> tuple[str, dict[str, Any]]:
    """Return call `number`: its action and fields, spread over the last six days."""
    kind = KINDS[number % 4]
    at = (datetime.fromisoformat(NOW) - timedelta(minutes=5 + 8 * number)).isoformat()
    if kind == "log_run":
        return kind, {"distance": 1 + number % 7, "start": at, "note": f"n{number}"}
    if kind == "log_soreness":
        return kind, {"severity": number % 4, "side": "left", "time": at}
    if kind == "log_treatment":
        return kind, {"treatment": "ice", "duration_minutes": 15, "time": at}
    return kind, {"exercise": EXERCISES[number % len(EXERCISES)], "time": at}


def _figures(hass: HomeAssistant, entries: list[MockConfigEntry]) -> dict[str, Any]:
    return {
        entry.entry_id: {
            domain: entity_states(hass, entry.entry_id, domain)
            for domain in ("sensor", "binary_sensor")
        }
        for entry in entries
    }


def _held(entry: MockConfigEntry) -> dict[str, list[str]]:
    records = entry.runtime_data.door.book.records
    return {
        name: [record.id for record in getattr(records, name)]
        for _, name in ID_FIELDS.values()
    }


async def test_a_thousand_concurrent_calls_then_a_restart(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    second = MockConfigEntry(
        domain=DOMAIN,
        title="Sam",
        unique_id="sam",
        data={"name": "Sam", "unit": "km"},
        entry_id="01JSAMRUNNER00000000000000",
    )
    entries = [mock_config_entry, second]
    for entry in entries:
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    async def logged(number: int) -> tuple[str, str, str]:
        entry = entries[number % 2]
        kind, data = _data(number // 2)
        response = await hass.services.async_call(
            DOMAIN,
            kind,
            {"config_entry_id": entry.entry_id, **data},
            blocking=True,
            return_response=True,
        )
        assert isinstance(response, dict)
        return entry.entry_id, ID_FIELDS[kind][1], response[ID_FIELDS[kind][0]]

    saves = 0

    async def fire_saves() -> None:
        """Let the delayed saves fire while the calls are under way."""
        nonlocal saves
        for _ in range(4):
            await asyncio.sleep(0)
            freezer.tick(timedelta(seconds=SAVE_DELAY_SECONDS + 1))
            async_fire_time_changed(hass)
            saves += 1

    results: list[tuple[str, str, str]] = []
    for batch in (range(CALLS // 2), range(CALLS // 2, CALLS)):
        done = await asyncio.gather(*(logged(number) for number in batch), fire_saves())
        results.extend(item for item in done if item is not None)
        await hass.async_block_till_done()
    assert len(results) == CALLS
    assert saves == 8

    expected: dict[str, dict[str, set[str]]] = {
        entry.entry_id: {name: set() for _, name in ID_FIELDS.values()}
        for entry in entries
    }
    for entry_id, collection, record_id in results:
        expected[entry_id][collection].add(record_id)
    before = _figures(hass, entries)
    for entry in entries:
        held = _held(entry)
        for collection, ids in held.items():
            assert len(ids) == len(set(ids))  # once each
            assert set(ids) == expected[entry.entry_id][collection]
    # the 7-day distance is the sum of the runs logged (every one in the last 6 days)
    for entry in entries:
        runs = entry.runtime_data.door.book.records.runs
        state = hass.states.get(f"sensor.{entry.title.lower()}_distance_last_7_days")
        assert state is not None
        assert float(state.state) == pytest.approx(
            sum(run.distance_km for run in runs), abs=0.05
        )

    # a restart: unload (pending saves written), set up again from the store
    for entry in entries:
        assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    for entry in entries:
        stored = hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"]
        for collection, ids in expected[entry.entry_id].items():
            assert sorted(item["id"] for item in stored[collection]) == sorted(ids)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    for entry in entries:
        held = _held(entry)
        for collection, ids in held.items():
            assert len(ids) == len(set(ids))
            assert set(ids) == expected[entry.entry_id][collection]
    assert _figures(hass, entries) == before
