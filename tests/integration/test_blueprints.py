"""The automation blueprints load in Home Assistant and make working automations.

The blueprints are copied into the `blueprints/automation/ankle_care/` folder of
a temporary configuration directory, as a user's import would place them, and
used from `automation:`. The runner's reminder event entity is a plain state
written by the tests, so the tests do not depend on the integration's entity.
"""

from __future__ import annotations

from collections.abc import Generator
import logging
from pathlib import Path
import shutil
from typing import Any

from homeassistant.components.automation import async_get_blueprints
from homeassistant.components.automation.config import AUTOMATION_BLUEPRINT_SCHEMA
from homeassistant.components.blueprint.models import Blueprint
from homeassistant.const import STATE_ON, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from homeassistant.util import yaml as yaml_util
import pytest
from pytest_homeassistant_custom_component.common import async_mock_service

SOURCE = Path(__file__).parents[2] / "blueprints" / "automation" / "ankle_care"
ICE = "ice_time_flash_light_and_notify.yaml"
ANNOUNCE = "announce_reminders.yaml"
REMINDER = "event.alex_reminder"
EVENT_TYPES = [
    "ice_start",
    "ice_end",
    "elevation",
    "compression_check",
    "exercise",
    "see_professional",
]
ICE_MESSAGE = "Alex, time to ice your ankle for 20 minutes."
NOTE = " Not medical advice."  # written reminders end with it, spoken ones do not
FIRST_FIRE = "2026-11-20T08:00:00.000+00:00"
SECOND_FIRE = "2026-11-20T10:00:00.000+00:00"


@pytest.fixture(autouse=True)
def blueprint_folder(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Copy the blueprints where Home Assistant looks for a user's blueprints.

    The harness's configuration directory is shared by all tests, so the tests
    use a temporary one instead.
    """
    hass.config.config_dir = str(tmp_path)
    folder = tmp_path / "blueprints" / "automation" / "ankle_care"
    folder.mkdir(parents=True)
    for name in (ICE, ANNOUNCE):
        shutil.copy(SOURCE / name, folder / name)
    return folder


@pytest.fixture(autouse=True)
def no_warnings(caplog: pytest.LogCaptureFixture) -> Generator[None]:
    """Fail a test whose automations log a warning or an error.

    Tests that expect one check it and clear the log.
    """
    yield
    assert [
        record.getMessage()
        for record in caplog.get_records("call")
        if record.levelno >= logging.WARNING and record.name != "homeassistant.loader"
    ] == []


@pytest.fixture
def reminder(hass: HomeAssistant) -> None:
    """Write the reminder event entity of Alex as it is before it first fires."""
    hass.states.async_set(
        REMINDER,
        STATE_UNKNOWN,
        {"event_types": EVENT_TYPES, "event_type": None, "friendly_name": "Alex"},
    )


def _fire(
    hass: HomeAssistant,
    event_type: str,
    when: str = FIRST_FIRE,
    message: str = ICE_MESSAGE,
) -> None:
    """Write the state the reminder event entity has when a reminder fires."""
    hass.states.async_set(
        REMINDER,
        when,
        {
            "event_types": EVENT_TYPES,
            "event_type": event_type,
            "message": message + NOTE,
            "spoken_message": message,
            "title": "Ankle Care",
            "reminder_id": f"{event_type}-1",
            "runner": "Alex",
            "due": when,
            "urgent": event_type == "see_professional",
            "friendly_name": "Alex",
        },
    )


async def _use_blueprint(
    hass: HomeAssistant, name: str, path: str, inputs: dict[str, Any]
) -> None:
    """Set up one automation from a blueprint and check that it is on."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "id": name,
                    "alias": name,
                    "use_blueprint": {"path": f"ankle_care/{path}", "input": inputs},
                }
            ]
        },
    )
    await hass.async_block_till_done()
    state = hass.states.get(f"automation.{name}")
    assert state is not None
    assert state.state == STATE_ON


def _calls(*logs: list[ServiceCall]) -> list[tuple[str, str, dict[str, Any]]]:
    """Return the service calls of the logs as (domain, service, data)."""
    return [
        (call.domain, call.service, dict(call.data)) for log in logs for call in log
    ]


# --- the blueprints themselves -------------------------------------------------


def _selectors(name: str) -> dict[str, dict[str, Any]]:
    """Return the selectors of a blueprint's inputs as written in the file.

    The blueprint schema normalises selectors differently on each release.
    """
    inputs = yaml_util.load_yaml_dict(SOURCE / name)["blueprint"]["input"]
    return {key: value["selector"] for key, value in inputs.items()}


@pytest.mark.parametrize("name", [ICE, ANNOUNCE])
def test_blueprint_schema_and_metadata(name: str) -> None:
    """The file passes the automation blueprint schema and our platform rules."""
    blueprint = Blueprint(
        yaml_util.load_yaml_dict(SOURCE / name),
        expected_domain="automation",
        path=name,
        schema=AUTOMATION_BLUEPRINT_SCHEMA,
    )
    assert blueprint.validate() is None  # this release meets min_version
    metadata = blueprint.metadata
    assert metadata["name"].startswith("Ankle Care: ")
    assert metadata["author"] == "Ankle Care"
    assert metadata["homeassistant"] == {"min_version": "2025.4.0"}
    assert metadata["source_url"] == (
        "https://github.com/ankle-care/ankle_care/blob/main/"
        f"blueprints/automation/ankle_care/{name}"
    )
    assert "not medical advice" in metadata["description"]
    for key, value in blueprint.inputs.items():
        assert set(value) <= {"name", "description", "default", "selector"}, key
    selectors = _selectors(name)
    for key, selector in selectors.items():
        if "target" in selector:
            assert "device" not in (selector["target"] or {}), key
    assert selectors["reminder_entity"] == {
        "entity": {"filter": [{"integration": "ankle_care", "domain": "event"}]}
    }
    options = selectors["event_types"]["select"]["options"]
    assert [option["value"] for option in options] == EVENT_TYPES


def test_blueprint_inputs() -> None:
    """The inputs, their defaults and the entity domains they accept."""
    ice = Blueprint(
        yaml_util.load_yaml_dict(SOURCE / ICE), schema=AUTOMATION_BLUEPRINT_SCHEMA
    )
    assert set(ice.inputs) == {
        "reminder_entity",
        "light",
        "flash",
        "notify_entity",
        "event_types",
    }
    assert ice.inputs["event_types"]["default"] == ["ice_start"]
    assert ice.inputs["flash"]["default"] == "short"
    assert ice.inputs["notify_entity"]["default"] == ""
    assert "default" not in ice.inputs["light"]
    assert _selectors(ICE)["light"] == {"target": {"entity": [{"domain": "light"}]}}
    announce = Blueprint(
        yaml_util.load_yaml_dict(SOURCE / ANNOUNCE), schema=AUTOMATION_BLUEPRINT_SCHEMA
    )
    assert set(announce.inputs) == {
        "reminder_entity",
        "event_types",
        "satellites",
        "tts_entity",
        "media_players",
    }
    assert announce.inputs["event_types"]["default"] == EVENT_TYPES
    assert announce.inputs["satellites"]["default"] == []
    assert announce.inputs["tts_entity"]["default"] == ""
    assert announce.inputs["media_players"]["default"] == []
    selectors = _selectors(ANNOUNCE)
    assert selectors["satellites"]["entity"]["filter"] == [
        {"domain": "assist_satellite"}
    ]
    assert selectors["satellites"]["entity"]["multiple"] is True
    assert selectors["media_players"]["entity"]["multiple"] is True
    assert selectors["tts_entity"]["entity"]["filter"] == [{"domain": "tts"}]
    assert selectors["media_players"]["entity"]["filter"] == [
        {"domain": "media_player"}
    ]


async def test_blueprints_load_from_the_config_folder(hass: HomeAssistant) -> None:
    """Home Assistant's blueprint component finds and loads both files."""
    assert await async_setup_component(hass, "blueprint", {})
    loaded = await async_get_blueprints(hass).async_get_blueprints()
    assert set(loaded) == {f"ankle_care/{ICE}", f"ankle_care/{ANNOUNCE}"}
    for path, blueprint in loaded.items():
        assert isinstance(blueprint, Blueprint), (path, blueprint)
        assert blueprint.domain == "automation"


# --- flash a light and notify ---------------------------------------------------


@pytest.fixture
def ice_calls(hass: HomeAssistant) -> dict[str, list[ServiceCall]]:
    return {
        "light": async_mock_service(hass, "light", "turn_on"),
        "notify": async_mock_service(hass, "notify", "send_message"),
    }


@pytest.mark.usefixtures("reminder")
async def test_ice_start_flashes_the_light_and_notifies(
    hass: HomeAssistant, ice_calls: dict[str, list[ServiceCall]]
) -> None:
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {
            "reminder_entity": REMINDER,
            "light": {"entity_id": "light.kitchen"},
            "notify_entity": "notify.alex_phone",
        },
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert _calls(ice_calls["light"], ice_calls["notify"]) == [
        ("light", "turn_on", {"entity_id": ["light.kitchen"], "flash": "short"}),
        (
            "notify",
            "send_message",
            {
                "entity_id": ["notify.alex_phone"],
                "message": ICE_MESSAGE + NOTE,
                "title": "Ankle Care",
            },
        ),
    ]

    # The next reminder fires again; other reminders do not.
    for call_log in ice_calls.values():
        call_log.clear()
    _fire(hass, "ice_end", SECOND_FIRE, "Alex, you can stop icing now.")
    await hass.async_block_till_done()
    assert _calls(*ice_calls.values()) == []
    _fire(hass, "ice_start", "2026-11-20T12:00:00.000+00:00", "Alex, ice again.")
    await hass.async_block_till_done()
    assert [call.data["message"] for call in ice_calls["notify"]] == [
        "Alex, ice again." + NOTE
    ]
    assert len(ice_calls["light"]) == 1


@pytest.mark.usefixtures("reminder")
@pytest.mark.parametrize("event_type", EVENT_TYPES[1:])
async def test_ice_ignores_reminders_not_chosen(
    hass: HomeAssistant,
    ice_calls: dict[str, list[ServiceCall]],
    event_type: str,
) -> None:
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {
            "reminder_entity": REMINDER,
            "light": {"entity_id": "light.kitchen"},
            "notify_entity": "notify.alex_phone",
        },
    )
    _fire(hass, event_type)
    await hass.async_block_till_done()
    assert _calls(*ice_calls.values()) == []


@pytest.mark.usefixtures("reminder")
async def test_ice_without_notify_entity_only_flashes(
    hass: HomeAssistant, ice_calls: dict[str, list[ServiceCall]]
) -> None:
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {"reminder_entity": REMINDER, "light": {"entity_id": "light.kitchen"}},
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert _calls(ice_calls["light"], ice_calls["notify"]) == [
        ("light", "turn_on", {"entity_id": ["light.kitchen"], "flash": "short"}),
    ]


@pytest.mark.usefixtures("reminder")
async def test_ice_chosen_types_long_flash_and_areas(
    hass: HomeAssistant, ice_calls: dict[str, list[ServiceCall]]
) -> None:
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {
            "reminder_entity": REMINDER,
            "light": {"area_id": "living_room", "entity_id": ["light.desk"]},
            "flash": "long",
            "notify_entity": "",
            "event_types": ["ice_end", "see_professional"],
        },
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert _calls(*ice_calls.values()) == []
    _fire(hass, "see_professional", SECOND_FIRE, "Alex, please see a professional.")
    await hass.async_block_till_done()
    assert _calls(ice_calls["light"], ice_calls["notify"]) == [
        (
            "light",
            "turn_on",
            {"area_id": ["living_room"], "entity_id": ["light.desk"], "flash": "long"},
        ),
    ]


@pytest.mark.usefixtures("reminder")
async def test_ice_notifies_when_the_light_fails(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    light = async_mock_service(
        hass, "light", "turn_on", raise_exception=HomeAssistantError("unreachable")
    )
    notify = async_mock_service(hass, "notify", "send_message")
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {
            "reminder_entity": REMINDER,
            "light": {"entity_id": "light.kitchen"},
            "notify_entity": "notify.alex_phone",
        },
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert len(light) == 1
    assert [call.data["message"] for call in notify] == [ICE_MESSAGE + NOTE]
    assert "unreachable" in caplog.text
    caplog.clear()


async def test_restored_or_unchanged_reminders_do_not_fire(
    hass: HomeAssistant, ice_calls: dict[str, list[ServiceCall]]
) -> None:
    """Only a new fire counts: not a restore, an outage or an attribute update."""
    _fire(hass, "ice_start")
    await _use_blueprint(
        hass,
        "ice_light",
        ICE,
        {
            "reminder_entity": REMINDER,
            "light": {"entity_id": "light.kitchen"},
            "notify_entity": "notify.alex_phone",
        },
    )
    # Reloading the integration: unavailable, then the last fire is restored.
    hass.states.async_set(REMINDER, STATE_UNAVAILABLE, {"restored": True})
    await hass.async_block_till_done()
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    # Removed and added again (a restart of the integration's entities).
    hass.states.async_remove(REMINDER)
    await hass.async_block_till_done()
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    # An attribute changes without a new fire.
    hass.states.async_set(
        REMINDER,
        FIRST_FIRE,
        {**hass.states.get(REMINDER).attributes, "friendly_name": "Alex (left)"},
    )
    await hass.async_block_till_done()
    assert _calls(*ice_calls.values()) == []
    # A new fire still works afterwards.
    _fire(hass, "ice_start", SECOND_FIRE)
    await hass.async_block_till_done()
    assert len(ice_calls["light"]) == 1
    assert len(ice_calls["notify"]) == 1


# --- announce on satellites and speakers -----------------------------------------


@pytest.fixture
def announce_calls(hass: HomeAssistant) -> dict[str, list[ServiceCall]]:
    return {
        "satellite": async_mock_service(hass, "assist_satellite", "announce"),
        "tts": async_mock_service(hass, "tts", "speak"),
    }


SATELLITE_CALL = (
    "assist_satellite",
    "announce",
    {"entity_id": ["assist_satellite.kitchen"], "message": ICE_MESSAGE},
)
TTS_CALL = (
    "tts",
    "speak",
    {
        "entity_id": ["tts.piper"],
        "media_player_entity_id": ["media_player.bedroom", "media_player.hall"],
        "message": ICE_MESSAGE,
    },
)


@pytest.mark.usefixtures("reminder")
@pytest.mark.parametrize("event_type", EVENT_TYPES)
async def test_announce_every_reminder_by_default(
    hass: HomeAssistant,
    announce_calls: dict[str, list[ServiceCall]],
    event_type: str,
) -> None:
    await _use_blueprint(
        hass,
        "announce",
        ANNOUNCE,
        {
            "reminder_entity": REMINDER,
            "satellites": ["assist_satellite.kitchen"],
            "tts_entity": "tts.piper",
            "media_players": ["media_player.bedroom", "media_player.hall"],
        },
    )
    _fire(hass, event_type)
    await hass.async_block_till_done()
    assert _calls(announce_calls["satellite"], announce_calls["tts"]) == [
        SATELLITE_CALL,
        TTS_CALL,
    ]


@pytest.mark.usefixtures("reminder")
async def test_announce_ignores_reminders_not_chosen(
    hass: HomeAssistant, announce_calls: dict[str, list[ServiceCall]]
) -> None:
    await _use_blueprint(
        hass,
        "announce",
        ANNOUNCE,
        {
            "reminder_entity": REMINDER,
            "event_types": ["see_professional"],
            "satellites": ["assist_satellite.kitchen"],
            "tts_entity": "tts.piper",
            "media_players": ["media_player.bedroom", "media_player.hall"],
        },
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert _calls(*announce_calls.values()) == []
    _fire(hass, "see_professional", SECOND_FIRE)
    await hass.async_block_till_done()
    assert _calls(announce_calls["satellite"], announce_calls["tts"]) == [
        SATELLITE_CALL,
        TTS_CALL,
    ]


@pytest.mark.usefixtures("reminder")
@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        pytest.param(
            {"satellites": ["assist_satellite.kitchen"]},
            [SATELLITE_CALL],
            id="satellites_only",
        ),
        pytest.param(
            {
                "tts_entity": "tts.piper",
                "media_players": ["media_player.bedroom", "media_player.hall"],
            },
            [TTS_CALL],
            id="speakers_only",
        ),
        pytest.param(
            {
                "satellites": ["assist_satellite.kitchen"],
                "tts_entity": "tts.piper",
                "media_players": [],
            },
            [SATELLITE_CALL],
            id="tts_without_media_players",
        ),
        pytest.param(
            {
                "satellites": [],
                "tts_entity": "",
                "media_players": ["media_player.bedroom", "media_player.hall"],
            },
            [],
            id="media_players_without_tts",
        ),
        pytest.param({}, [], id="nothing_chosen"),
    ],
)
async def test_announce_skips_what_is_not_chosen(
    hass: HomeAssistant,
    announce_calls: dict[str, list[ServiceCall]],
    inputs: dict[str, Any],
    expected: list[tuple[str, str, dict[str, Any]]],
) -> None:
    await _use_blueprint(
        hass, "announce", ANNOUNCE, {"reminder_entity": REMINDER, **inputs}
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert _calls(announce_calls["satellite"], announce_calls["tts"]) == expected


@pytest.mark.usefixtures("reminder")
async def test_announce_speaks_when_a_satellite_fails(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    satellite = async_mock_service(
        hass,
        "assist_satellite",
        "announce",
        raise_exception=HomeAssistantError("offline"),
    )
    tts = async_mock_service(hass, "tts", "speak")
    await _use_blueprint(
        hass,
        "announce",
        ANNOUNCE,
        {
            "reminder_entity": REMINDER,
            "satellites": ["assist_satellite.kitchen"],
            "tts_entity": "tts.piper",
            "media_players": ["media_player.bedroom", "media_player.hall"],
        },
    )
    _fire(hass, "ice_start")
    await hass.async_block_till_done()
    assert len(satellite) == 1
    assert _calls(tts) == [TTS_CALL]
    assert "offline" in caplog.text
    caplog.clear()
