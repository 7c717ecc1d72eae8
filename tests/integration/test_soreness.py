"""Soreness, treatments, likely cause and recovery phase through real actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.ankle_care import texts
from custom_components.ankle_care.const import DOMAIN

from .helpers import advance, call_action, entity_states

NOW = "2026-11-20 08:00:00+00:00"
PHASE = "sensor.alex_recovery_phase"
CAUSE = "sensor.alex_likely_cause"
SORENESS = "sensor.alex_soreness"
RED_FLAG = "binary_sensor.alex_red_flag"
SEE_PRO = "binary_sensor.alex_see_a_professional"

pytestmark = pytest.mark.freeze_time(NOW)


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> dict[str, Any]:
    return await call_action(hass, entry.entry_id, service, **data)


async def test_entities_without_any_log(
    hass: HomeAssistant, init_integration: MockConfigEntry, snapshot: SnapshotAssertion
) -> None:
    assert hass.states.get(PHASE).state == "ready"
    assert hass.states.get(CAUSE).state == "none"
    assert hass.states.get(SORENESS).state == "unknown"
    assert hass.states.get(RED_FLAG).state == "off"
    assert hass.states.get(SEE_PRO).state == "off"
    assert entity_states(hass, init_integration.entry_id, "sensor") == snapshot(
        name="sensors"
    )
    assert entity_states(hass, init_integration.entry_id, "binary_sensor") == snapshot(
        name="binary_sensors"
    )


async def test_achilles_flare_up_goes_to_acute_care(
    hass: HomeAssistant, init_integration: MockConfigEntry, snapshot: SnapshotAssertion
) -> None:
    response = await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=5,
        location="back_of_ankle",
        side="left",
        morning_stiffness=True,
        pain_on_push_off=True,
        note="first steps hurt",
    )
    assert response["likely_cause"] == "achilles_tendinopathy"
    assert response["recovery_phase"] == "acute_care"
    assert response["next_step"] == "rice"
    assert response["may_run"] is False
    assert response["red_flags"] == []
    assert "not medical advice" in response["disclaimer"]
    assert any("back of the ankle" in quote for quote in response["article"])
    assert len(response["entry_id"]) == 32
    # the texts are the translations, in Home Assistant's language
    common = await async_get_translations(hass, "en", "common", {DOMAIN})
    text = {key.rsplit(".", 1)[1]: value for key, value in common.items()}
    assert response["disclaimer"] == text["not_medical_advice"]
    assert response["article"] == [
        text["article_achilles"],
        text["article_achilles_signs"],
    ]
    assert response["next_step_text"] == text["next_step_rice"]
    assert response["next_step_article"] == text["article_rice"]
    assert "RICE protocol" in response["next_step_article"]
    # the sensor keeps the keys of the same sentences, translated by the frontend
    assert hass.states.get(CAUSE).attributes["article"] == [
        "achilles",
        "achilles_signs",
    ]

    assert hass.states.get(SORENESS).state == "5"
    assert hass.states.get(CAUSE).state == "achilles_tendinopathy"
    phase = hass.states.get(PHASE)
    assert phase.state == "acute_care"
    assert phase.attributes["day_of_care"] == 1
    assert phase.attributes["acute_window_ends"] == "2026-11-23T00:00:00-08:00"
    assert entity_states(hass, init_integration.entry_id, "sensor") == snapshot(
        name="sensors"
    )
    records = init_integration.runtime_data.coordinator.records
    assert records.soreness[0].note == "first steps hurt"


@pytest.mark.parametrize(
    ("answers", "flag"),
    [
        ({"severity": 8}, "severe_pain"),
        ({"severity": 2, "visible_deformity": True}, "visible_deformity"),
        ({"severity": 2, "cannot_bear_weight": True}, "cannot_bear_weight"),
    ],
)
async def test_each_red_flag_alone_escalates_at_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    answers: dict[str, Any],
    flag: str,
    freezer: FrozenDateTimeFactory,
) -> None:
    response = await _call(
        hass, init_integration, "log_soreness", location="outer_ankle", **answers
    )
    assert response["red_flags"] == [flag]
    assert response["recovery_phase"] == "urgent_care"
    assert response["next_step"] == "see_professional_now"
    assert hass.states.get(RED_FLAG).state == "on"
    assert hass.states.get(SEE_PRO).state == "on"
    assert hass.states.get(PHASE).state == "urgent_care"
    issue = issue_registry.async_get_issue(
        DOMAIN, f"red_flag_{init_integration.entry_id}"
    )
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.CRITICAL
    assert issue.translation_placeholders == {"runner": "Alex"}

    # a later entry without the red flag does not clear it (safety rule 2) ...
    await _call(hass, init_integration, "log_soreness", severity=3)
    assert hass.states.get(RED_FLAG).state == "on"
    issue_id = f"red_flag_{init_integration.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    # ... a logged professional visit does, and the repair issue goes with it (a
    # minute later: at the very moment of an entry, a visit counts before it)
    await advance(hass, freezer, timedelta(minutes=1))
    response = await _call(hass, init_integration, "log_professional_visit")
    assert response["recovery_phase"] == "professional_care"
    assert hass.states.get(RED_FLAG).state == "off"
    assert hass.states.get(SEE_PRO).state == "off"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


@pytest.mark.parametrize("entry_options", [{"severe_pain_threshold": 6}])
async def test_severe_pain_threshold_follows_the_option(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    response = await _call(hass, init_integration, "log_soreness", severity=6)
    assert response["red_flags"] == ["severe_pain"]


async def test_stress_reaction_means_see_a_professional(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    response = await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=4,
        location="bone_spot",
        persistent_ache=True,
        worse_after_running=True,
    )
    assert response["likely_cause"] == "stress_reaction"
    assert response["recovery_phase"] == "see_professional"
    assert response["may_run"] is False
    assert hass.states.get(SEE_PRO).state == "on"
    assert hass.states.get(RED_FLAG).state == "off"
    issue = issue_registry.async_get_issue(
        DOMAIN, f"see_professional_{init_integration.entry_id}"
    )
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.WARNING


@pytest.mark.parametrize("entry_options", [{"professional_after_days": 2}])
async def test_phase_changes_over_days(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Acute care, then no improvement after 2 days, then improvement, then pain-free."""
    await _call(
        hass, init_integration, "log_soreness", severity=5, location="outer_ankle"
    )
    assert hass.states.get(PHASE).state == "acute_care"

    await advance(hass, freezer, timedelta(days=1))
    await _call(hass, init_integration, "log_soreness", severity=5)
    assert hass.states.get(PHASE).state == "acute_care"
    assert hass.states.get(PHASE).attributes["day_of_care"] == 2

    # two days of care without improvement: the clock alone escalates
    await advance(hass, freezer, timedelta(days=1, minutes=10))
    assert hass.states.get(PHASE).state == "see_professional"
    assert issue_registry.async_get_issue(
        DOMAIN, f"see_professional_{init_integration.entry_id}"
    )

    # clear improvement de-escalates
    await _call(hass, init_integration, "log_soreness", severity=2)
    assert hass.states.get(PHASE).state in {"acute_care", "recovering"}
    assert hass.states.get(SEE_PRO).state == "off"
    assert not issue_registry.async_get_issue(
        DOMAIN, f"see_professional_{init_integration.entry_id}"
    )

    # pain-free for a while: return to running
    await advance(hass, freezer, timedelta(days=1))
    await _call(hass, init_integration, "log_soreness", severity=0)
    await advance(hass, freezer, timedelta(hours=49))
    assert hass.states.get(PHASE).state == "return_to_running"
    assert hass.states.get(PHASE).attributes["may_run"] is True

    # soreness returns: back to care
    await _call(hass, init_integration, "log_soreness", severity=6)
    assert hass.states.get(PHASE).state == "acute_care"


async def test_get_assessment_and_delete(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    logged = await _call(
        hass, init_integration, "log_soreness", severity=9, cannot_bear_weight=True
    )
    assessment = await _call(hass, init_integration, "get_assessment")
    assert assessment["recovery_phase"] == "urgent_care"
    assert assessment["red_flags"] == ["severe_pain", "cannot_bear_weight"]
    assert assessment["severity"] == 9

    deleted = await _call(
        hass, init_integration, "delete_soreness", entry_id=logged["entry_id"]
    )
    assert deleted["recovery_phase"] == "ready"
    assert init_integration.runtime_data.coordinator.records.soreness == []
    assert hass.states.get(RED_FLAG).state == "off"


async def test_log_treatment_and_compression_advice(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=5)
    ice = await _call(
        hass, init_integration, "log_treatment", treatment="ice", duration_minutes=20
    )
    assert ice["advice"] is None
    wrap = await _call(
        hass,
        init_integration,
        "log_treatment",
        treatment="compression",
        numbness_or_tingling=True,
    )
    assert wrap["advice"] == "loosen_wrap"
    assert "loosen_wrap" in wrap["phase_reasons"]
    treatments = init_integration.runtime_data.coordinator.records.treatments
    assert [t.treatment.value for t in treatments] == ["ice", "compression"]
    assert treatments[0].duration_minutes == 20


async def test_log_in_the_past_keeps_time_order(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _call(hass, init_integration, "log_soreness", severity=2)
    await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=4,
        time="2026-11-19T20:00:00+00:00",
    )
    entries = init_integration.runtime_data.coordinator.records.soreness
    assert [entry.severity for entry in entries] == [4, 2]
    assert hass.states.get(SORENESS).state == "2"


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        ("log_soreness", {"severity": 11}, "severity_out_of_range"),
        ("log_soreness", {"severity": -1}, "severity_out_of_range"),
        ("log_soreness", {"severity": 2.5}, "severity_out_of_range"),
        ("log_soreness", {"severity": 3, "location": "knee"}, "unknown_location"),
        ("log_soreness", {"severity": 3, "side": "both"}, "unknown_side"),
        (
            "log_soreness",
            {"severity": 3, "time": "2026-11-21T08:00:00+00:00"},
            "time_in_future",
        ),
        ("log_treatment", {"treatment": "heat"}, "unknown_treatment"),
        (
            "log_treatment",
            {"treatment": "ice", "duration_minutes": 0},
            "duration_out_of_range",
        ),
        (
            "log_treatment",
            {"treatment": "ice", "numbness_or_tingling": True},
            "numbness_only_for_compression",
        ),
        (
            "log_treatment",
            {"treatment": "ice", "time": "2026-11-20T09:00:00+00:00"},
            "time_in_future",
        ),
        ("delete_soreness", {"entry_id": "nope"}, "soreness_not_found"),
        ("log_professional_visit", {"side": "middle"}, "unknown_side"),
        (
            "log_professional_visit",
            {"side": "left", "time": "2026-11-20T09:00:00+00:00"},
            "time_in_future",
        ),
    ],
)
async def test_bad_input_raises_translated_error_and_stores_nothing(
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
    assert init_integration.runtime_data.coordinator.records.counts() == {
        "runs": 0,
        "soreness": 0,
        "treatments": 0,
        "exercises": 0,
        "shoes": 0,
        "visits": 0,
    }


async def test_unknown_or_unloaded_runner(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "get_assessment",
            {"config_entry_id": "missing"},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == "entry_not_found"

    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, init_integration, "log_soreness", severity=2)
    assert err.value.translation_key == "entry_not_loaded"
    assert err.value.translation_placeholders == {"runner": "Alex"}


async def test_logging_without_response(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": init_integration.entry_id, "severity": 1},
        blocking=True,
    )
    assert result is None
    assert hass.states.get(SORENESS).state == "1"
    assert hass.states.get(PHASE).state == "monitoring"


async def test_response_texts_follow_the_language(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An action answers in the language Home Assistant is set to."""
    asked: list[tuple[str, str, set[str]]] = []
    prefix = f"component.{DOMAIN}.common."

    async def translations(
        hass: HomeAssistant, language: str, category: str, integrations: Any
    ) -> dict[str, str]:
        asked.append((language, category, set(integrations)))
        return {
            f"{prefix}not_medical_advice": "Keine medizinische Beratung.",
            f"{prefix}next_step_prevention": "Weiter mit den Übungen.",
            f"{prefix}article_prevention": "Vorbeugung.",
        }

    monkeypatch.setattr(texts, "async_get_translations", translations)
    hass.config.language = "de"
    response = await _call(hass, init_integration, "get_assessment")
    assert asked == [("de", "common", {DOMAIN})]
    assert response["disclaimer"] == "Keine medizinische Beratung."
    assert response["next_step_text"] == "Weiter mit den Übungen."
    assert response["next_step_article"] == "Vorbeugung."
