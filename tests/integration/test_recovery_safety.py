"""The recovery safety rules through real actions, entities, storage and the clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.store import storage_key

from .helpers import advance, call_action, write_pending

NOW = "2026-11-20 08:00:00+00:00"
PHASE = "sensor.alex_recovery_phase"
RED_FLAG = "binary_sensor.alex_red_flag"
SEE_PRO = "binary_sensor.alex_see_a_professional"
SAFE = "sensor.alex_safe_distance_today"
TODO = "todo.alex_prevention_exercises"

pytestmark = pytest.mark.freeze_time(NOW)


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> dict[str, Any]:
    return await call_action(hass, entry.entry_id, service, **data)


async def _reload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()


async def _log_steady_weeks(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    now = dt_util.utcnow()
    for back in range(35, 0, -1):
        await _call(
            hass,
            entry,
            "log_run",
            distance=6,
            start=(now - timedelta(days=back)).isoformat(),
        )


async def test_red_flag_holds_through_later_entries_time_and_a_restart(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    await _log_steady_weeks(hass, init_integration)
    assert float(hass.states.get(SAFE).state) > 0
    await _call(hass, init_integration, "log_soreness", severity=9)
    await advance(hass, freezer, timedelta(hours=1))
    response = await _call(hass, init_integration, "log_soreness", severity=7)
    assert response["recovery_phase"] == "urgent_care"
    assert response["may_run"] is False
    await _call(hass, init_integration, "log_soreness", severity=0)
    await advance(hass, freezer, timedelta(days=40))
    await _reload(hass, init_integration)
    phase = hass.states.get(PHASE)
    assert phase.state == "urgent_care"
    assert phase.attributes["may_run"] is False
    assert phase.attributes["referral"] == "red_flag"
    assert hass.states.get(SAFE).state == "0.0"
    assert hass.states.get(RED_FLAG).state == "on"
    # the note is a value the frontend shows in Home Assistant's language
    assert hass.states.get(RED_FLAG).attributes["disclaimer"] == "not_medical_advice"
    strings = await async_get_translations(hass, "en", "entity", {DOMAIN})
    note = strings[
        f"component.{DOMAIN}.entity.binary_sensor.red_flag"
        ".state_attributes.disclaimer.state.not_medical_advice"
    ]
    assert "not medical advice" in note
    issue_id = f"red_flag_{init_integration.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None


async def test_each_ankle_has_its_own_phase(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=4,
        side="left",
        visible_deformity=True,
    )
    await _call(hass, init_integration, "log_soreness", severity=0, side="right")
    phase = hass.states.get(PHASE)
    assert phase.state == "urgent_care"
    ankles = {ankle["side"]: ankle for ankle in phase.attributes["ankles"]}
    assert ankles["left"]["phase"] == "urgent_care"
    assert ankles["left"]["referral"] == "red_flag"
    assert ankles["right"]["phase"] == "ready"
    assert ankles["right"]["may_run"] is True
    assert phase.attributes["may_run"] is False
    flagged = hass.states.get(RED_FLAG).attributes["ankles"]
    assert [ankle["side"] for ankle in flagged] == ["left"]


async def test_an_entry_without_side_joins_the_only_open_ankle(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=6, side="right")
    response = await _call(hass, init_integration, "log_soreness", severity=5)
    assert response["side"] == "right"
    records = init_integration.runtime_data.coordinator.records
    assert records.soreness[-1].side is not None
    assert records.soreness[-1].side.value == "right"
    assert [ankle["side"] for ankle in response["ankles"]] == ["right"]


async def test_an_entry_without_side_is_refused_with_two_open_ankles(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=6, side="right")
    await _call(hass, init_integration, "log_soreness", severity=5, side="left")
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, init_integration, "log_soreness", severity=2)
    assert err.value.translation_key == "side_required"
    assert err.value.translation_placeholders == {"ankles": "left, right"}
    assert len(init_integration.runtime_data.coordinator.records.soreness) == 2


async def test_a_late_logged_red_flag_escalates_at_once(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=5)
    earlier = (dt_util.utcnow() - timedelta(hours=3)).isoformat()
    response = await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=5,
        cannot_bear_weight=True,
        time=earlier,
    )
    assert response["recovery_phase"] == "urgent_care"
    assert hass.states.get(RED_FLAG).state == "on"


async def test_professional_visit_not_cleared_then_cleared(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    await _log_steady_weeks(hass, init_integration)
    await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=3,
        location="bone_spot",
        persistent_ache=True,
        eases_when_warmed_up=True,
    )
    assert hass.states.get(PHASE).state == "see_professional"
    assert hass.states.get(SEE_PRO).state == "on"
    issue_id = f"see_professional_{init_integration.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    await advance(hass, freezer, timedelta(days=1))
    response = await _call(
        hass, init_integration, "log_professional_visit", note="X-ray booked"
    )
    assert len(response["visit_id"]) == 32
    assert response["recovery_phase"] == "professional_care"
    assert response["next_step"] == "professional_plan"
    assert response["may_run"] is False
    assert hass.states.get(SEE_PRO).state == "off"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(SAFE).state == "0.0"
    todo = hass.states.get(TODO)
    assert todo.state == "0"
    assert todo.attributes["reason"] == "professional_plan"

    # a pain-free week does not end the professional's plan ...
    await _call(hass, init_integration, "log_soreness", severity=0)
    await advance(hass, freezer, timedelta(days=7))
    assert hass.states.get(PHASE).state == "professional_care"
    # ... a visit that clears the runner does
    response = await _call(
        hass, init_integration, "log_professional_visit", cleared_to_run=True
    )
    assert response["recovery_phase"] == "return_to_running"
    assert response["may_run"] is True
    assert float(hass.states.get(SAFE).state) > 0
    visits = init_integration.runtime_data.coordinator.records.visits
    assert [visit.cleared_to_run for visit in visits] == [False, True]
    assert visits[0].note == "X-ray booked"


@pytest.mark.parametrize(
    ("logs", "key", "placeholders"),
    [
        ([], "visit_no_open_ankle", {}),
        (
            [{"severity": 9, "side": "left"}, {"severity": 9, "side": "right"}],
            "visit_side_required",
            {"ankles": "left, right"},
        ),
    ],
)
async def test_a_visit_without_side_needs_exactly_one_open_ankle(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    logs: list[dict[str, Any]],
    key: str,
    placeholders: dict[str, str],
) -> None:
    for data in logs:
        await _call(hass, init_integration, "log_soreness", **data)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, init_integration, "log_professional_visit")
    assert err.value.translation_key == key
    assert err.value.translation_placeholders == placeholders
    assert init_integration.runtime_data.coordinator.records.visits == []
    response = await _call(
        hass, init_integration, "log_professional_visit", side="left"
    )
    assert response["visit_id"]


async def test_recovery_checkpoint_is_stored_and_read_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    old = (dt_util.utcnow() - timedelta(days=200)).isoformat()
    await _call(hass, init_integration, "log_soreness", severity=9, time=old)
    await write_pending(hass)
    stored = hass_storage[storage_key(init_integration.entry_id)]
    checkpoint = stored["data"]["recovery_checkpoint"]
    assert checkpoint is not None
    assert checkpoint["ankles"][0]["red_flags"] == ["severe_pain"]
    await _reload(hass, init_integration)
    assert hass.states.get(PHASE).state == "urgent_care"
    assert (
        init_integration.runtime_data.coordinator.cache.recovery.to_dict() == checkpoint
    )


async def test_a_visit_logged_by_mistake_can_be_deleted(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=8)
    # a minute later: at the very moment of an entry, a visit counts before it
    await advance(hass, freezer, timedelta(minutes=1))
    response = await _call(
        hass, init_integration, "log_professional_visit", cleared_to_run=True
    )
    assert response["recovery_phase"] == "return_to_running"
    response = await _call(
        hass,
        init_integration,
        "delete_professional_visit",
        visit_id=response["visit_id"],
    )
    assert response["recovery_phase"] == "urgent_care"
    assert hass.states.get(RED_FLAG).state == "on"
    assert init_integration.runtime_data.coordinator.records.visits == []
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, init_integration, "delete_professional_visit", visit_id="x")
    assert err.value.translation_key == "visit_not_found"


async def test_a_checkpoint_made_at_setup_is_saved_without_any_change(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    # a store from before checkpoints: a red flag 200 days ago and nothing since
    old = dt_util.utcnow() - timedelta(days=200)
    flag = {"id": "f", "time": old.isoformat(), "severity": 9, "symptoms": []}
    hass_storage[storage_key(mock_config_entry.entry_id)] = {
        "version": 1,
        "minor_version": 1,
        "key": storage_key(mock_config_entry.entry_id),
        "data": {"soreness": [flag]},
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(PHASE).state == "urgent_care"
    await write_pending(hass)
    stored = hass_storage[storage_key(mock_config_entry.entry_id)]["data"]
    assert stored["recovery_checkpoint"]["ankles"][0]["red_flags"] == ["severe_pain"]


async def test_a_sided_visit_is_refused_while_the_open_episode_has_no_side(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=9)
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            init_integration,
            "log_professional_visit",
            side="left",
            cleared_to_run=True,
        )
    assert err.value.translation_key == "visit_ankle_without_side"
    assert init_integration.runtime_data.coordinator.records.visits == []
    assert hass.states.get(RED_FLAG).state == "on"
