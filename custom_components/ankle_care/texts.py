"""Texts Ankle Care writes itself, from its translations in Home Assistant's language.

Entity states and attributes hold keys, and the frontend shows their translations
(`entity` in `translations/en.json`, such as the `disclaimer` attribute's value
`not_medical_advice`). The texts Ankle Care writes itself leave Home Assistant's
frontend behind: action responses, reminders sent to phones, speakers and the event
entity, calendar events and to-do items. They come from the flat `common` category
of the translations, as in core's `media_source`, which titles its browser with
`common.sources_default` in Home Assistant's language. An exercise is named by the
option of the `exercise` selector that the `log_exercise` action shows.

Home Assistant loads an integration's translations before setting it up and loads
them again when its language changes, so callbacks read them from the cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)

from .const import DOMAIN

COMMON = "common"
SELECTOR = "selector"

NOT_MEDICAL_ADVICE = "not_medical_advice"
"""The value of every `disclaimer` attribute, and the key of the responses' note."""


@dataclass(frozen=True, slots=True)
class Texts:
    """Ankle Care's `common` texts in one language, looked up by key."""

    strings: Mapping[str, str]

    def __call__(self, key: str, /, **placeholders: object) -> str:
        """Return one text with its placeholders filled in (the key when missing)."""
        template = self.strings.get(f"component.{DOMAIN}.{COMMON}.{key}", key)
        return template.format(**placeholders)


async def async_get_texts(hass: HomeAssistant) -> Texts:
    """Return the texts in Home Assistant's language, loading them if needed."""
    return Texts(
        await async_get_translations(hass, hass.config.language, COMMON, {DOMAIN})
    )


@callback
def cached_texts(hass: HomeAssistant) -> Texts:
    """Return the texts in Home Assistant's language, as loaded for the setup."""
    return Texts(
        async_get_cached_translations(hass, hass.config.language, COMMON, DOMAIN)
    )


@callback
def exercise_name(hass: HomeAssistant, key: str) -> str:
    """Return an exercise's name: its option of the `exercise` selector."""
    strings = async_get_cached_translations(
        hass, hass.config.language, SELECTOR, DOMAIN
    )
    return strings.get(f"component.{DOMAIN}.{SELECTOR}.exercise.options.{key}", key)
