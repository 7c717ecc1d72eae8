"""Reminders, the care-plan calendar and the to-do list in Home Assistant's language.

The texts Ankle Care writes itself follow `hass.config.language`: set before the
runner is set up, changed while it runs (through Home Assistant's own
`core/config` update), or not loaded yet, when the English text stands in and
never a key. Expected texts come from the translation files.
"""

from __future__ import annotations

from datetime import timedelta
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er, translation
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.program import ExerciseKey
from tests.domain.en import ROOT

from .helpers import advance

# A flare-up logged at 09:00 local time (US/Pacific in tests).
START = "2026-11-20 17:00:00+00:00"
OPTIONS = {
    "notify_services": ["mobile_app_pixel"],
    "notify_entities": ["notify.kitchen_display"],
    "tts_entity": "tts.piper",
    "media_players": ["media_player.kitchen"],
}

pytestmark = pytest.mark.freeze_time(START)


def strings(language: str) -> dict[str, Any]:
    """Return a translation file."""
    path = ROOT / "translations" / f"{language}.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def common(language: str) -> dict[str, str]:
    """Return a language's `common` texts, English where one is missing."""
    return {**strings("en")["common"], **strings(language)["common"]}


@pytest.fixture
def entry_options() -> dict[str, Any]:
    """Deliver to a phone, a notify entity and a speaker."""
    return dict(OPTIONS)


@pytest.fixture
def calls(hass: HomeAssistant) -> dict[str, list[ServiceCall]]:
    """Register the delivery targets as test services and collect their calls."""
    return {
        "phone": async_mock_service(hass, "notify", "mobile_app_pixel"),
        "notify": async_mock_service(hass, "notify", "send_message"),
        "tts": async_mock_service(hass, "tts", "speak"),
    }


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def _flare_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": entry.entry_id, "severity": 5},
        blocking=True,
    )
    await hass.async_block_till_done()


def _entity_id(hass: HomeAssistant, domain: str) -> str:
    """Return the runner's entity of a platform (its id follows the language)."""
    [entry] = [
        entry
        for entry in er.async_get(hass).entities.values()
        if entry.platform == DOMAIN and entry.domain == domain
    ]
    return entry.entity_id


async def _calendar(hass: HomeAssistant) -> list[str]:
    calendar = _entity_id(hass, "calendar")
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"entity_id": calendar, "duration": {"hours": 4}},
        blocking=True,
        return_response=True,
    )
    events = response[calendar]["events"]  # type: ignore[index]
    return [event["summary"] for event in events]


async def _todo(hass: HomeAssistant) -> list[tuple[str, str]]:
    todo = _entity_id(hass, "todo")
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {},
        target={"entity_id": todo},
        blocking=True,
        return_response=True,
    )
    items = response[todo]["items"]  # type: ignore[index]
    return [(item["summary"], item["description"]) for item in items]


def _exercise_items(language: str, keys: list[str]) -> list[tuple[str, str]]:
    names = strings(language)["selector"]["exercise"]["options"]
    texts = common(language)
    return [(names[key], texts[f"exercise_how_{key}"]) for key in keys]


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
async def test_reminders_in_home_assistants_language(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    language: str,
) -> None:
    hass.config.language = language
    await _set_up(hass, mock_config_entry)
    texts = common(language)
    # the to-do list before any soreness: the exercises and how to do them
    items = await _todo(hass)
    assert items
    assert set(items) <= set(_exercise_items(language, [k.value for k in ExerciseKey]))

    await _flare_up(hass, mock_config_entry)
    spoken = texts["reminder_message_ice_session"].format(runner="Alex", minutes=20)
    written = f"{spoken} {texts['reminder_not_medical_advice']}"
    [phone] = calls["phone"]
    assert phone.data["message"] == written
    assert phone.data["title"] == texts["reminder_title"]
    assert [a["title"] for a in phone.data["data"]["actions"]] == [
        texts["reminder_button_done"],
        texts["reminder_button_snooze"],
        texts["reminder_button_skip"],
    ]
    [notify] = calls["notify"]
    assert notify.data["message"] == written
    [tts] = calls["tts"]
    assert tts.data["message"] == spoken
    # the event fires once per reminder, each with its own text
    event = hass.states.get(_entity_id(hass, "event"))
    assert event is not None
    kind = event.attributes["event_type"]
    assert event.attributes["message"] == (
        f"{texts[f'reminder_message_{kind}'].format(runner='Alex', minutes=20)}"
        f" {texts['reminder_not_medical_advice']}"
    )
    assert (await _calendar(hass))[0] == texts["reminder_calendar_ice_start"].format(
        minutes=20
    )


async def test_a_changed_language_shows_in_the_next_reminder(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    hass.config.language = "de"
    await _set_up(hass, mock_config_entry)
    await _flare_up(hass, mock_config_entry)
    german = common("de")
    assert calls["phone"][0].data["title"] == german["reminder_title"]
    assert (
        calls["phone"][0]
        .data["message"]
        .startswith(
            german["reminder_message_ice_session"].format(runner="Alex", minutes=20)
        )
    )

    # the household switches Home Assistant to French (Settings, System, General)
    await hass.config.async_update(language="fr")
    await hass.async_block_till_done()
    french = common("fr")
    await advance(hass, freezer, timedelta(minutes=20))
    ice_off = french["reminder_message_ice_end"].format(runner="Alex")
    assert calls["phone"][-1].data["message"] == (
        f"{ice_off} {french['reminder_not_medical_advice']}"
    )
    assert calls["tts"][-1].data["message"] == ice_off
    assert (await _calendar(hass))[0] == french["reminder_calendar_ice_start"].format(
        minutes=20
    )


@pytest.mark.usefixtures("disable_translations_once")
async def test_texts_not_loaded_yet_are_english_never_keys(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    calls: dict[str, list[ServiceCall]],
    freezer: FrozenDateTimeFactory,
) -> None:
    """A language whose texts are not loaded (yet) reads English, then its own.

    The test harness shares loaded translations across tests; with
    `disable_translations_once` this test starts a translation cache of its own,
    as the harness does for every new Home Assistant, so Dutch is really not
    loaded here.
    """
    hass.data[translation.TRANSLATION_FLATTEN_CACHE] = translation._TranslationCache(
        hass
    )
    await _set_up(hass, mock_config_entry)
    await _flare_up(hass, mock_config_entry)
    # the language set without Home Assistant's update event: Dutch is not loaded
    hass.config.language = "nl"
    await advance(hass, freezer, timedelta(minutes=20))
    english = strings("en")["common"]
    message = calls["phone"][-1].data["message"]
    assert message == (
        f"{english['reminder_message_ice_end'].format(runner='Alex')}"
        f" {english['reminder_not_medical_advice']}"
    )
    assert "reminder_" not in message
    assert "reminder_" not in calls["phone"][-1].data["title"]
    for summary in await _calendar(hass):
        assert not summary.startswith("reminder_"), summary
    for name, how in await _todo(hass):
        assert "exercise_how_" not in how
        assert name not in {key.value for key in ExerciseKey}
    # once the update arrives, the Dutch texts are loaded and used
    await hass.config.async_update(language="nl")
    await hass.async_block_till_done()
    dutch = common("nl")
    assert (await _calendar(hass))[0] == dutch["reminder_calendar_ice_start"].format(
        minutes=20
    )
