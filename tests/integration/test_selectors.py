"""Selector translations are for selectors only: of the actions and of the flows.

Texts that are not a selector's options (reminders, to-do items, responses) are
`common` texts; this walks the forms Home Assistant really shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import section
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol
import yaml

from custom_components.ankle_care.const import DOMAIN

ROOT = Path(__file__).parent.parent.parent / "custom_components" / "ankle_care"


def _translation_keys(schema: vol.Schema) -> set[str]:
    """Return the translation keys of every selector in a form, sections included."""
    keys: set[str] = set()
    for value in schema.schema.values():
        if isinstance(value, section):
            keys |= _translation_keys(value.schema)
        elif (key := getattr(value, "config", {}).get("translation_key")) is not None:
            keys.add(key)
    return keys


def _action_keys() -> set[str]:
    services = yaml.safe_load((ROOT / "services.yaml").read_text())
    return {
        field["selector"]["select"]["translation_key"]
        for service in services.values()
        for field in (service.get("fields") or {}).values()
        if "translation_key" in (field.get("selector") or {}).get("select", {})
    }


async def test_every_selector_translation_is_for_a_real_selector(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    forms: list[Any] = [
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        ),
        await init_integration.start_reconfigure_flow(hass),
    ]
    for step in ("settings", "add_shoe"):
        menu = await hass.config_entries.options.async_init(init_integration.entry_id)
        forms.append(
            await hass.config_entries.options.async_configure(
                menu["flow_id"], {"next_step_id": step}
            )
        )
    used = _action_keys()
    for form in forms:
        used |= _translation_keys(form["data_schema"])
    assert {"unit", "acwr_method", "load_basis", "exercise"} <= used
    strings = json.loads((ROOT / "translations" / "en.json").read_text())
    assert set(strings["selector"]) == used
