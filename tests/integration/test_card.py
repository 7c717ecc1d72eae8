"""The dashboard card: served by the integration and loaded by the frontend.

The frontend itself (its package, `home-assistant-frontend`) is not installed in the
test environments: its list of extra modules stands in for it. The browser test
(`tests/browser`) loads the card in the real frontend.
"""

from __future__ import annotations

from http import HTTPStatus
import json
from pathlib import Path

from homeassistant.components import websocket_api
from homeassistant.components.frontend import (
    DATA_EXTRA_MODULE_URL,
    UrlManager,
    websocket_get_translations,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.frontend_card import (
    CARD_FILE,
    CARD_URL,
    card_version,
)


@pytest.fixture
async def extra_modules(hass: HomeAssistant) -> list[tuple[str, str]]:
    """Stand in for the frontend (with its http): record the extra modules of pages."""
    assert await async_setup_component(hass, "http", {})
    changes: list[tuple[str, str]] = []
    hass.data[DATA_EXTRA_MODULE_URL] = UrlManager(
        lambda change, url: changes.append((change, url)), []
    )
    hass.config.components.add("frontend")
    return changes


async def test_card_is_served_and_loaded_with_a_version(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    extra_modules: list[tuple[str, str]],
    init_integration: MockConfigEntry,
) -> None:
    """The built card is served, and loaded once under a URL that names its content."""
    version = card_version()
    assert extra_modules == [("added", f"{CARD_URL}?v={version}")]
    assert hass.data[DATA_EXTRA_MODULE_URL].urls == {f"{CARD_URL}?v={version}"}

    client = await hass_client()
    response = await client.get(f"{CARD_URL}?v={version}")
    assert response.status == HTTPStatus.OK
    assert await response.read() == CARD_FILE.read_bytes()
    assert "javascript" in response.headers["Content-Type"]
    # A new version gets a new URL, so the browser may keep this one for long.
    assert "max-age" in response.headers["Cache-Control"]
    # Only the built file is served, never its sources.
    response = await client.get(f"/{DOMAIN}/src/card.ts")
    assert response.status == HTTPStatus.NOT_FOUND


async def test_no_frontend_no_card(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Without the frontend (no dashboards) the runner is set up all the same."""
    assert "frontend" not in hass.config.components
    assert DATA_EXTRA_MODULE_URL not in hass.data
    assert init_integration.state is ConfigEntryState.LOADED


def test_version_follows_the_content(tmp_path: Path) -> None:
    """Another build of the card gets another version, the same build the same."""
    first, second = tmp_path / "a.js", tmp_path / "b.js"
    first.write_text("console.log(1);")
    second.write_text("console.log(2);")
    assert card_version(first) != card_version(second)
    assert card_version(first) == card_version(first)
    assert len(card_version()) == 12


def test_built_card_defines_its_elements_after_the_frontend() -> None:
    """The shipped file is the bundled card, guarded against the frontend's load order.

    Its elements are defined only once `home-assistant` is (the browser test proves
    this by holding the frontend's bundle back); the card announces itself to the
    card picker and fetches nothing from the network.
    """
    text = CARD_FILE.read_text(encoding="utf-8")
    assert text.startswith("/* Ankle Care card ")
    assert 'customElements.whenDefined("home-assistant")' in text
    assert "customCards" in text
    for name in (
        "ankle-care-card",
        "ankle-care-card-editor",
        "ankle-care-card-actions",
    ):
        assert f'"{name}"' in text
    assert "http://" not in text.replace("http://www.w3.org/", "")
    assert "https://" not in text.replace(
        "https://github.com/ankle-care/ankle_care#dashboard-card", ""
    )


async def test_the_card_gets_its_words_in_the_users_language(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
) -> None:
    """`frontend/get_translations` hands the card its words (`common.card_*`).

    The card asks in the frontend's language, as for the integration's other texts:
    German gets the German words; a language without Ankle Care's texts (Italian)
    gets English, never a key.
    """
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, "websocket_api", {})
    websocket_api.async_register_command(hass, websocket_get_translations)
    client = await hass_ws_client(hass)
    prefix = f"component.{DOMAIN}.common."

    def card_words(language: str) -> dict[str, str]:
        path = CARD_FILE.parent.parent / "translations" / f"{language}.json"
        common = json.loads(path.read_text("utf-8"))["common"]
        return {prefix + k: v for k, v in common.items() if k.startswith("card_")}

    german, english = card_words("de"), card_words("en")
    assert (
        german[f"{prefix}card_may_run_question"]
        != english[f"{prefix}card_may_run_question"]
    )
    for language, expected in (("de", german), ("it", english)):
        await client.send_json_auto_id(
            {
                "type": "frontend/get_translations",
                "language": language,
                "category": "common",
                "integration": [DOMAIN],
            }
        )
        message = await client.receive_json()
        assert message["success"], message
        resources = message["result"]["resources"]
        shown = {k: v for k, v in resources.items() if k.startswith(f"{prefix}card_")}
        assert shown == expected, language
