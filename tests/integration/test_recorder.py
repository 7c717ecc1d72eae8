"""What the recorder keeps of Ankle Care's entities."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.history import get_significant_states
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from .helpers import call_action

PHASE = "sensor.alex_recovery_phase"
CAUSE = "sensor.alex_likely_cause"
RISK = "sensor.alex_injury_risk"
RED_FLAG = "binary_sensor.alex_red_flag"
SEE_PRO = "binary_sensor.alex_see_a_professional"

pytestmark = pytest.mark.freeze_time("2026-11-20 08:00:00+00:00")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_db_url: str, enable_custom_integrations: None
) -> None:
    """Load Ankle Care; the recorder's database is prepared before Home Assistant."""


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> dict[str, Any]:
    return await call_action(hass, entry.entry_id, service, **data)


async def test_explanation_lists_stay_out_of_the_history(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
) -> None:
    """Every ankle, every risk factor and the article's sentences are not recorded.

    They change with every entry and are read from the current state; the recorder
    keeps the states and the short values (keys) beside them.
    """
    start = dt_util.utcnow() - timedelta(minutes=1)
    await _call(
        hass,
        init_integration,
        "log_soreness",
        severity=9,
        location="back_of_ankle",
        side="left",
        morning_stiffness=True,
    )
    await _call(hass, init_integration, "log_run", distance=5)
    unrecorded = {
        CAUSE: {"article"},
        PHASE: {"ankles"},
        RISK: {"factors"},
        RED_FLAG: {"ankles"},
        SEE_PRO: {"ankles"},
    }
    for entity_id, attributes in unrecorded.items():
        assert attributes <= set(hass.states.get(entity_id).attributes), entity_id
    await async_wait_recording_done(hass)
    history = await hass.async_add_executor_job(
        get_significant_states, hass, start, None, list(unrecorded)
    )
    assert set(history) == set(unrecorded)
    for entity_id, attributes in unrecorded.items():
        for state in history[entity_id]:
            assert not attributes & set(state.attributes), entity_id
            assert state.attributes["disclaimer"] == "not_medical_advice"
    assert history[CAUSE][-1].attributes["reasons"] == [
        "back_of_ankle",
        "morning_stiffness",
    ]
