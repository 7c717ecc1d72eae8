"""Texts Ankle Care writes itself, from its translations in Home Assistant's language.

Entity states and attributes hold keys, and the frontend shows their translations
(`entity` in `translations/en.json`, such as the `disclaimer` attribute's value
`not_medical_advice`). The texts Ankle Care writes itself leave Home Assistant's
frontend behind: action responses, reminders sent to phones, speakers and the event
entity, calendar events and to-do items. They come from the flat `common` category
of the translations, as in core's `media_source`, which titles its browser with
`common.sources_default` in Home Assistant's language. An exercise is named by the
option of the `exercise` selector that the `log_exercise` action shows.

The language is Home Assistant's (`hass.config.language`), read at every text, so a
changed language shows in the next reminder, calendar event and to-do item; Assist
answers in its pipeline's language instead (`intent.py`). A language with a region
reads its base language's file ("de-CH" reads `de.json`, `text_language`), one
without texts reads English. Home Assistant loads an integration's translations in
its language before setting it up; when the language changes, its own reload goes
to a cache of its own on 2025.4 through 2026.2, so `async_setup_texts` loads the
new language itself. A text missing in a language (or not loaded yet, or with
placeholders that do not fit) is the English one: a person never sees a key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.dispatcher import (
    async_dispatcher_connect,
    async_dispatcher_send,
)
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)

from .const import DOMAIN

COMMON = "common"
SELECTOR = "selector"
ENGLISH: Final = "en"
TEXT_LANGUAGES: Final = ("en", "de", "es", "fr", "nl")
"""The languages Ankle Care has texts in: `translations/<language>.json`."""
SIGNAL_TEXTS_LOADED: Final = f"{DOMAIN}_texts_loaded"
"""Sent once the texts of a new language are loaded (entities that keep texts)."""

NOT_MEDICAL_ADVICE = "not_medical_advice"
"""The value of every `disclaimer` attribute, and the key of the responses' note."""


def text_language(language: str | None) -> str:
    """Return the language of the texts for a language.

    The language itself when Ankle Care has its texts, else its base language
    ("de-CH", "es-419", "nl_BE"), else English.
    """
    if not language:
        return ENGLISH
    if language in TEXT_LANGUAGES:
        return language
    base = language.replace("_", "-").split("-")[0].casefold()
    return base if base in TEXT_LANGUAGES else ENGLISH


@dataclass(frozen=True, slots=True)
class Texts:
    """Ankle Care's `common` texts in one language, looked up by key.

    `fallback` holds the English texts, for a key the language lacks.
    """

    strings: Mapping[str, str]
    fallback: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, key: str, /, **placeholders: object) -> str:
        """Return one text with its placeholders filled in.

        The English text when the language lacks the key or its text does not take
        these placeholders; the key only when English lacks it too (a bug the tests
        rule out).
        """
        name = f"component.{DOMAIN}.{COMMON}.{key}"
        for strings in (self.strings, self.fallback):
            if (template := strings.get(name)) is not None:
                try:
                    return template.format(**placeholders)
                except (KeyError, IndexError, ValueError):
                    continue
        return key


async def async_get_texts(hass: HomeAssistant) -> Texts:
    """Return the texts in Home Assistant's language, loading them if needed."""
    return await async_texts_in(hass, hass.config.language)


async def async_texts_in(hass: HomeAssistant, language: str | None) -> Texts:
    """Return the texts in a language (English where one is missing)."""
    return Texts(
        await async_get_translations(hass, text_language(language), COMMON, {DOMAIN})
    )


@callback
def cached_texts(hass: HomeAssistant) -> Texts:
    """Return the texts in Home Assistant's language, as loaded, English as fallback."""
    return Texts(
        async_get_cached_translations(
            hass, text_language(hass.config.language), COMMON, DOMAIN
        ),
        async_get_cached_translations(hass, ENGLISH, COMMON, DOMAIN),
    )


@callback
def exercise_name(hass: HomeAssistant, key: str) -> str:
    """Return an exercise's name: its option of the `exercise` selector."""
    name = f"component.{DOMAIN}.{SELECTOR}.exercise.options.{key}"
    for language in (text_language(hass.config.language), ENGLISH):
        strings = async_get_cached_translations(hass, language, SELECTOR, DOMAIN)
        if text := strings.get(name):
            return text
    return key


async def async_load_texts(hass: HomeAssistant) -> None:
    """Load the texts of Home Assistant's language into the cache."""
    await async_get_translations(
        hass, text_language(hass.config.language), COMMON, {DOMAIN}
    )


async def async_setup_texts(hass: HomeAssistant) -> CALLBACK_TYPE:
    """Load the texts of Home Assistant's language now and whenever it changes."""
    await async_load_texts(hass)

    async def _async_reload() -> None:
        await async_load_texts(hass)
        async_dispatcher_send(hass, SIGNAL_TEXTS_LOADED)

    @callback
    def _language_changed(event: Event[dict[str, Any]]) -> None:
        hass.async_create_task(_async_reload(), f"{DOMAIN} load texts")

    @callback
    def _is_language(event_data: dict[str, Any]) -> bool:
        return "language" in event_data

    return hass.bus.async_listen(
        EVENT_CORE_CONFIG_UPDATE, _language_changed, event_filter=_is_language
    )


@callback
def async_on_texts_loaded(
    hass: HomeAssistant, action: Callable[[], None]
) -> CALLBACK_TYPE:
    """Call `action` whenever the texts of a new language are loaded."""
    return async_dispatcher_connect(hass, SIGNAL_TEXTS_LOADED, action)
