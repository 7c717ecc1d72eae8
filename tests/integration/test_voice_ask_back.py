"""The ice-off reminder asks back on a satellite that can: "Did you finish icing?".

A fake satellite stands in for a real one: an `assist_satellite` entity state with
its supported features and the `assist_satellite.ask_question` action (Home
Assistant 2025.7 and newer) answering as the runner would, or not at all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant, ServiceCall, SupportsResponse
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.ankle_care.domain.records import TreatmentKind

from .helpers import advance, call_action

ASKS = "assist_satellite.hallway"  # announces and starts conversations
ANNOUNCES = "assist_satellite.kitchen"  # announces only
ICE_OFF = "Alex, time to take the ice off."
QUESTION = f"{ICE_OFF} Did you finish icing?"

pytestmark = pytest.mark.freeze_time("2026-11-20 17:00:00+00:00")


@pytest.fixture
def entry_options() -> dict[str, Any]:
    """Deliver the reminders to two satellites."""
    return {"assist_satellites": [ASKS, ANNOUNCES]}


class FakeSatellite:
    """The satellites' states and actions; `answer` is what the runner says."""

    def __init__(self, hass: HomeAssistant, *, can_ask: bool = True) -> None:
        """Register the satellites, announce, and ask_question when it can."""
        hass.states.async_set(ASKS, "idle", {ATTR_SUPPORTED_FEATURES: 3})
        hass.states.async_set(ANNOUNCES, "idle", {ATTR_SUPPORTED_FEATURES: 1})
        self.announced = async_mock_service(hass, "assist_satellite", "announce")
        self.asked: list[ServiceCall] = []
        self.answer: str | None = "yes"
        if can_ask:
            hass.services.async_register(
                "assist_satellite",
                "ask_question",
                self._ask,
                supports_response=SupportsResponse.ONLY,
            )

    async def _ask(self, call: ServiceCall) -> dict[str, Any]:
        self.asked.append(call)
        if self.answer is None:  # silence
            raise HomeAssistantError("No answer")
        return {"id": self.answer, "sentence": self.answer, "slots": {}}


async def _ice_session(
    hass: HomeAssistant, entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Log a flare-up (the first ice session starts) and let the ice time run out."""
    await call_action(hass, entry.entry_id, "log_soreness", severity=5)
    await advance(hass, freezer, timedelta(minutes=20))
    await hass.async_block_till_done(wait_background_tasks=True)  # the answer


def _ice(entry: MockConfigEntry) -> list[tuple[Any, ...]]:
    return [
        (t.time, t.duration_minutes)
        for t in entry.runtime_data.coordinator.records.treatments
        if t.treatment is TreatmentKind.ICE
    ]


async def test_yes_logs_the_session(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    satellite = FakeSatellite(hass)
    flare_up = dt_util.utcnow()
    await _ice_session(hass, init_integration, freezer)
    [asked] = satellite.asked
    assert asked.data["entity_id"] == ASKS
    assert asked.data["question"] == QUESTION
    assert [a["id"] for a in asked.data["answers"]] == ["yes", "no"]
    # the other satellite only announces it, the asking one is not announced to
    assert [c.data for c in satellite.announced if ICE_OFF in c.data["message"]] == [
        {"entity_id": [ANNOUNCES], "message": ICE_OFF}
    ]
    # the session's ice: from the flare-up, 20 minutes
    assert _ice(init_integration) == [(flare_up, 20)]


@pytest.mark.parametrize("answer", ["no", None, "unknown"])
async def test_no_or_silence_logs_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    answer: str | None,
) -> None:
    satellite = FakeSatellite(hass)
    satellite.answer = answer
    await _ice_session(hass, init_integration, freezer)
    assert len(satellite.asked) == 1
    assert _ice(init_integration) == []


async def test_ice_logged_already_is_not_logged_again(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    satellite = FakeSatellite(hass)
    await call_action(hass, init_integration.entry_id, "log_soreness", severity=5)
    await call_action(hass, init_integration.entry_id, "log_treatment", treatment="ice")
    logged = dt_util.utcnow()
    await advance(hass, freezer, timedelta(minutes=20))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(satellite.asked) == 1
    assert _ice(init_integration) == [(logged, None)]


async def test_without_ask_question_every_satellite_announces(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    # Home Assistant before 2025.7 has no ask_question action
    satellite = FakeSatellite(hass, can_ask=False)
    await _ice_session(hass, init_integration, freezer)
    assert satellite.asked == []
    assert [c.data for c in satellite.announced if ICE_OFF in c.data["message"]] == [
        {"entity_id": [ASKS, ANNOUNCES], "message": ICE_OFF}
    ]
    assert _ice(init_integration) == []


@pytest.mark.parametrize(
    "entry_options", [{"assist_satellites": [ANNOUNCES]}], ids=["announce-only"]
)
async def test_a_satellite_that_cannot_ask_announces(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    satellite = FakeSatellite(hass)
    await _ice_session(hass, init_integration, freezer)
    assert satellite.asked == []
    assert [c.data for c in satellite.announced if ICE_OFF in c.data["message"]] == [
        {"entity_id": [ANNOUNCES], "message": ICE_OFF}
    ]


async def test_only_the_ice_off_reminder_asks(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    satellite = FakeSatellite(hass)
    await call_action(hass, init_integration.entry_id, "log_soreness", severity=5)
    await hass.async_block_till_done()
    # the session's start is announced on both satellites, nothing is asked
    assert satellite.asked == []
    assert satellite.announced[0].data["entity_id"] == [ASKS, ANNOUNCES]


async def test_a_refused_ice_is_logged_as_a_warning(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    FakeSatellite(hass)
    door = init_integration.runtime_data.door

    async def refuse(**_: Any) -> None:
        raise HomeAssistantError("closing")

    monkeypatch.setattr(door, "async_log_treatment", refuse)
    await _ice_session(hass, init_integration, freezer)
    assert "was not logged: closing" in caplog.text
    assert _ice(init_integration) == []
