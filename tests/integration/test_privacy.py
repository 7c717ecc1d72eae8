"""Privacy: health data never leaves the machine, diagnostics and logs hold none of it."""

from __future__ import annotations

import ast
import json
import logging
from pathlib import Path
import socket

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from pytest_socket import SocketBlockedError

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import Shoe

from .helpers import call_action

PACKAGE = Path(__file__).parents[2] / "custom_components" / "ankle_care"
NETWORK_MODULES = (
    "aiohttp",
    "requests",
    "httpx",
    "urllib.request",
    "urllib3",
    "http.client",
    "socket",
    "ssl",
    "smtplib",
    "ftplib",
    "websockets",
    "homeassistant.helpers.aiohttp_client",
    "homeassistant.helpers.httpx_client",
)
NETWORK_NAMES = ("ClientSession", "async_get_clientsession", "get_async_client")

NAME = "Quokka Zelda"
SHOE = "Glimmerfoot Nine"
NOTE = "NOTE-7f3a private ache"
DISTANCE = 12.3457
DURATION = 47.77
ICE_MINUTES = 17.25


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_integration_imports_no_network_client() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    for path in modules:
        for name in _imports(path):
            assert not any(
                name == banned or name.startswith(f"{banned}.")
                for banned in NETWORK_MODULES
            ), f"{path.relative_to(PACKAGE)} imports {name}"
        text = path.read_text()
        for name in NETWORK_NAMES:
            assert name not in text, f"{path.relative_to(PACKAGE)} uses {name}"
    manifest = json.loads((PACKAGE / "manifest.json").read_text())
    assert manifest["iot_class"] == "calculated"
    assert not any(
        requirement.split("=")[0].strip().lower()
        in {"aiohttp", "requests", "httpx", "urllib3"}
        for requirement in manifest["requirements"]
    )


def test_the_suite_runs_with_sockets_blocked() -> None:
    """pytest-socket (active in the Home Assistant test plugin) refuses the network."""
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """A runner whose name is unmistakable in any output."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=NAME,
        unique_id=NAME.casefold(),
        data={"name": NAME, "unit": "km"},
        entry_id="01JQUOKKARUNNER00000000000",
    )


async def test_diagnostics_and_logs_hold_no_names_notes_or_health_values(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    entry_id = init_integration.entry_id
    door = init_integration.runtime_data.door
    await door.async_save_shoe(
        Shoe(id="shoe1", name=SHOE, added=dt_util.utcnow()), default=True
    )
    await call_action(
        hass,
        entry_id,
        "log_run",
        distance=DISTANCE,
        duration_minutes=DURATION,
        rpe=7,
        note=NOTE,
    )
    await call_action(
        hass,
        entry_id,
        "log_soreness",
        severity=9,
        side="left",
        swelling=True,
        note=NOTE,
    )
    await call_action(
        hass,
        entry_id,
        "log_treatment",
        treatment="ice",
        duration_minutes=ICE_MINUTES,
        note=NOTE,
    )
    await call_action(hass, entry_id, "log_professional_visit", side="left", note=NOTE)
    with pytest.raises(ServiceValidationError):  # refused, and not logged either
        await call_action(hass, entry_id, "log_run", distance=5, note=NOTE + "\ud800")
    await hass.async_block_till_done()

    diagnostics = json.dumps(
        await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    )
    for secret in (NAME, NAME.casefold(), SHOE, NOTE, str(DISTANCE), str(DURATION)):
        assert secret not in diagnostics, secret
    assert str(ICE_MINUTES) not in diagnostics
    assert "swelling" not in diagnostics
    assert '"severity"' not in diagnostics

    # notes and health values never reach the log, from any logger
    for secret in (NOTE, str(DISTANCE), str(DURATION), str(ICE_MINUTES)):
        assert secret not in caplog.text, secret
    # the integration's own log lines name no runner or shoe
    own = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("custom_components.ankle_care")
    )
    assert NAME not in own
    assert SHOE not in own
