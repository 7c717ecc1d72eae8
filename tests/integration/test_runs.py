"""Runs through real actions: logging, deleting, the load sensors and risk."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import Shoe

from .helpers import call_action, entity_states

NOW = "2026-11-20 18:00:00+00:00"  # 10:00 local (US/Pacific in tests)
RISK = "sensor.alex_injury_risk"
RATIO = "sensor.alex_acute_chronic_workload_ratio"
WEEKLY = "sensor.alex_distance_last_7_days"
CHANGE = "sensor.alex_weekly_distance_change"
SAFE = "sensor.alex_safe_distance_today"

pytestmark = pytest.mark.freeze_time(NOW)


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> dict[str, Any]:
    return await call_action(hass, entry.entry_id, service, **data)


async def _log_days(
    hass: HomeAssistant, entry: MockConfigEntry, days: range, km: float
) -> None:
    now = datetime.fromisoformat(NOW)
    for back in days:
        await _call(
            hass,
            entry,
            "log_run",
            distance=km,
            start=(now - timedelta(days=back)).isoformat(),
        )


async def test_log_run_updates_load_and_risk(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    # four steady weeks of 5 km a day, then today 5 km more
    await _log_days(hass, init_integration, range(34, 6, -1), 5)
    response = await _call(
        hass,
        init_integration,
        "log_run",
        distance=5,
        duration_minutes=30,
        rpe=4,
        surface="trail",
        note="easy",
    )
    assert len(response["run_id"]) == 32
    assert response["unit"] == "km"
    assert response["weekly_distance"] == 5.0
    # the 7 days before had 35 km, this week 5 km: the ratio falls, the week did not jump
    assert response["weekly_distance_change"] == pytest.approx(-85.71, abs=0.01)
    assert response["injury_risk"] == "low"
    factors = {factor["factor"]: factor for factor in response["factors"]}
    assert set(factors) >= {"load_ratio", "weekly_change", "shoe_wear", "soreness"}
    assert "not medical advice" in response["disclaimer"]
    common = await async_get_translations(hass, "en", "common", {DOMAIN})
    assert (
        response["disclaimer"]
        == common[f"component.{DOMAIN}.common.not_medical_advice"]
    )
    # the sensor shows the same factors, their values rounded to 2 digits
    shown = hass.states.get(RISK).attributes["factors"]
    assert [factor["factor"] for factor in shown] == list(factors)
    for factor in shown:
        answered = factors[factor["factor"]]
        assert factor["threshold"] == answered["threshold"]
        assert factor["level"] == answered["level"]
        value = answered["value"]
        assert factor["value"] == (None if value is None else round(value, 2))
    assert any(
        factor["value"] is not None and factor["value"] != round(factor["value"], 2)
        for factor in response["factors"]
    )

    assert hass.states.get(WEEKLY).state == "5.0"
    assert hass.states.get(WEEKLY).attributes["unit_of_measurement"] == "km"
    assert float(hass.states.get(RATIO).state) < 0.8
    run = init_integration.runtime_data.coordinator.records.runs[-1]
    assert run.surface == "trail"
    assert run.rpe == 4
    assert run.note == "easy"


async def test_too_much_too_soon_raises_the_risk(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _log_days(hass, init_integration, range(13, 6, -1), 5)  # 35 km
    response = await _call(hass, init_integration, "log_run", distance=20)
    await _log_days(hass, init_integration, range(6, 0, -1), 5)
    response = await _call(hass, init_integration, "get_assessment")
    state = hass.states.get(RISK)
    # 20 + 30 = 50 km against 35 km: +42.9 %, above the 30 % high threshold
    assert state.state == "high"
    weekly = next(
        factor
        for factor in state.attributes["factors"]
        if factor["factor"] == "weekly_change"
    )
    assert weekly == {
        "factor": "weekly_change",
        "value": pytest.approx(42.86, abs=0.01),
        "threshold": 30,
        "level": "high",
    }
    assert hass.states.get(CHANGE).state == "42.9"
    assert response["recovery_phase"] == "ready"


async def test_soreness_raises_the_injury_risk(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert hass.states.get(RISK).state == "low"
    await _call(hass, init_integration, "log_soreness", severity=5)
    state = hass.states.get(RISK)
    assert state.state == "high"
    soreness = next(f for f in state.attributes["factors"] if f["factor"] == "soreness")
    assert soreness["value"] == 5
    # and the phase says not to run: the safe distance is 0
    assert hass.states.get(SAFE).state == "0.0"


async def test_miles_runner(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Mia",
        unique_id="mia",
        data={"name": "Mia", "unit": "mi"},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    response = await _call(hass, entry, "log_run", distance=5)
    assert entry.runtime_data.coordinator.records.runs[0].distance_km == pytest.approx(
        8.04672
    )
    assert response["weekly_distance"] == 5.0
    state = hass.states.get("sensor.mia_distance_last_7_days")
    assert state.state == "5.0"
    assert state.attributes["unit_of_measurement"] == "mi"
    await _call(hass, entry, "log_run", distance=5, unit="km")
    state = hass.states.get("sensor.mia_distance_last_7_days")
    assert float(state.state) == pytest.approx(8.1069, abs=1e-3)

    # the runner switches to km: the distance sensors follow
    result = await entry.start_reconfigure_flow(hass)
    await hass.config_entries.flow.async_configure(
        result["flow_id"], {"name": "Mia", "unit": "km"}
    )
    await hass.async_block_till_done()
    state = hass.states.get("sensor.mia_distance_last_7_days")
    assert state.attributes["unit_of_measurement"] == "km"
    assert float(state.state) == pytest.approx(13.0467, abs=1e-3)


async def test_delete_run(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    logged = await _call(hass, init_integration, "log_run", distance=12)
    assert hass.states.get(WEEKLY).state == "12.0"
    response = await _call(
        hass, init_integration, "delete_run", run_id=logged["run_id"]
    )
    assert response["weekly_distance"] == 0
    assert hass.states.get(WEEKLY).state == "0.0"
    assert init_integration.runtime_data.coordinator.records.runs == []


async def test_shoe_entities_and_wear(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    await init_integration.runtime_data.door.async_save_shoe(
        Shoe(
            id="pegasus",
            name="Pegasus",
            added=datetime.fromisoformat(NOW),
            max_km=300,
        ),
        default=True,
    )
    await hass.async_block_till_done()
    distance = "sensor.alex_pegasus_distance"
    worn = "binary_sensor.alex_pegasus_worn_out"
    assert hass.states.get(distance).state == "0.0"
    assert hass.states.get(worn).state == "off"

    await _call(hass, init_integration, "log_run", distance=299.5)  # default shoe
    assert hass.states.get(distance).state == "299.5"
    assert hass.states.get(worn).state == "off"
    await _call(hass, init_integration, "log_run", distance=0.5, shoe="PEGASUS")
    assert hass.states.get(worn).state == "on"
    shoe_wear = next(
        f
        for f in hass.states.get(RISK).attributes["factors"]
        if f["factor"] == "shoe_wear"
    )
    assert shoe_wear["level"] == "moderate"
    assert entity_states(hass, init_integration.entry_id, "sensor") == snapshot(
        name="sensors"
    )
    assert entity_states(hass, init_integration.entry_id, "binary_sensor") == snapshot(
        name="binary_sensors"
    )


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        ("log_run", {"distance": 0}, "distance_out_of_range"),
        ("log_run", {"distance": -3}, "distance_out_of_range"),
        ("log_run", {"distance": 5, "unit": "furlong"}, "unknown_unit"),
        ("log_run", {"distance": 5, "rpe": 11}, "rpe_out_of_range"),
        ("log_run", {"distance": 5, "rpe": 0}, "rpe_out_of_range"),
        ("log_run", {"distance": 5, "duration_minutes": 0}, "duration_out_of_range"),
        ("log_run", {"distance": 5, "duration_minutes": 2000}, "duration_out_of_range"),
        ("log_run", {"distance": 5, "surface": "ice"}, "unknown_surface"),
        ("log_run", {"distance": 5, "shoe": "Clogs"}, "unknown_shoe"),
        (
            "log_run",
            {"distance": 5, "start": "2026-11-21T08:00:00+00:00"},
            "time_in_future",
        ),
        ("delete_run", {"run_id": "nope"}, "run_not_found"),
    ],
)
async def test_bad_run_input_raises_translated_error_and_stores_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service: str,
    data: dict[str, Any],
    key: str,
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, init_integration, service, **data)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert init_integration.runtime_data.coordinator.records.runs == []
