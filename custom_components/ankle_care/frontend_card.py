"""The dashboard card: serve its built file and load it with the frontend.

The card (`custom:ankle-care-card`) is built from `frontend/src` into the one file
`frontend/ankle-care-card.js`, which is served at `CARD_URL` and added to every
page of the frontend as an extra module. The URL carries a hash of the file, so a
browser fetches a new version once and then caches it for as long as it likes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

CARD_FILE = Path(__file__).parent / "frontend" / "ankle-care-card.js"
CARD_URL = f"/{DOMAIN}/ankle-care-card.js"


def card_version(path: Path = CARD_FILE) -> str:
    """Return the version query of the card: the start of its content's hash."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and load it on every dashboard (once per start).

    Without the frontend there is no dashboard to show it on: nothing is done.
    """
    if "frontend" not in hass.config.components:
        LOGGER.debug("The frontend is not loaded: the dashboard card is not served")
        return
    version = await hass.async_add_executor_job(card_version)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={version}")
