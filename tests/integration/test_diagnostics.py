"""Diagnostics show shapes and settings, never names, notes or health values."""

from __future__ import annotations

import json

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from .test_init import _log


@pytest.mark.parametrize(
    "entry_options",
    [
        {
            "ice_minutes": 15,
            "notify_services": ["mobile_app_alex_phone"],
            "media_players": ["media_player.alex_bedroom"],
            "tts_entity": "tts.piper",
        }
    ],
)
async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    _log(init_integration.runtime_data)
    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )
    assert diagnostics == snapshot
    text = json.dumps(diagnostics)
    assert "alex" not in text.lower()  # not in names, notify targets or speakers
    assert "hilly" not in text  # a run's note
    assert "morning_stiffness" not in text
    assert "8.2" not in text  # a run's distance
    assert diagnostics["records"]["runs"] == 1
