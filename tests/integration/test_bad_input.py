"""Bad input that got through (issue 11): each reproducer, refused and nothing stored.

Every case fails on the code before the fix: it stored the value, raised an
untranslated exception (OverflowError, ValueError, OSError, zlib.error) or broke the
next save or start.
"""

from __future__ import annotations

import os
from pathlib import Path
import shutil
from typing import Any
import zipfile

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.program import ExerciseKey
from custom_components.ankle_care.domain.records import TreatmentKind
from custom_components.ankle_care.limits import MAX_NAME_LENGTH, MAX_NOTE_LENGTH
from custom_components.ankle_care.store import storage_key

from .helpers import call_action, write_pending

NOW = "2026-11-20 18:00:00+00:00"
pytestmark = pytest.mark.freeze_time(NOW)
SAMPLES = Path(__file__).parent.parent / "fixtures" / "activities"

REQUIRED: dict[str, dict[str, Any]] = {
    "log_run": {"distance": 5},
    "log_soreness": {"severity": 3, "side": "left"},
    "log_treatment": {"treatment": "ice"},
    "log_professional_visit": {"side": "left"},
    "log_exercise": {"exercise": "warm_up"},
    "snooze_reminders": {"minutes": 30},
}
NUMBERS = [
    ("log_run", "distance"),
    ("log_run", "duration_minutes"),
    ("log_run", "rpe"),
    ("log_soreness", "severity"),
    ("log_treatment", "duration_minutes"),
    ("log_exercise", "sets"),
    ("log_exercise", "reps"),
    ("log_exercise", "seconds"),
    ("snooze_reminders", "minutes"),
]
TIMES = [
    ("log_run", "start"),
    ("log_soreness", "time"),
    ("log_treatment", "time"),
    ("log_professional_visit", "time"),
    ("log_exercise", "time"),
]
NOTES = ["log_run", "log_soreness", "log_treatment", "log_professional_visit"]


def stored(entry: MockConfigEntry) -> dict[str, Any]:
    """Return everything the runner's door holds, as the store would write it."""
    book = entry.runtime_data.door.book
    return {"records": book.records.to_dict(), "reminders": book.state.reminders}


async def refused(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> Exception:
    """Call an action that must fail cleanly; return the error, nothing changed."""
    before = stored(entry)
    with pytest.raises((ServiceValidationError, vol.Invalid)) as caught:
        await call_action(hass, entry.entry_id, service, **data)
    if isinstance(caught.value, ServiceValidationError):
        assert caught.value.translation_domain == DOMAIN
        assert caught.value.translation_key
    assert stored(entry) == before
    return caught.value


@pytest.mark.parametrize(("service", "field"), NUMBERS)
@pytest.mark.parametrize("value", [10**309, float("nan"), float("inf"), "-inf"])
async def test_numbers_too_big_or_not_finite(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service: str,
    field: str,
    value: object,
) -> None:
    """`10**309` raised OverflowError, NaN durations were stored (null after a start)."""
    data = {**REQUIRED[service], field: value}
    error = await refused(hass, init_integration, service, **data)
    assert isinstance(error, vol.Invalid)  # the schema's finite-float check


async def test_door_refuses_nan_and_huge_numbers_for_voice(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Voice intents call the door directly: it checks on its own."""
    door = init_integration.runtime_data.door
    before = stored(init_integration)
    calls = [
        door.async_log_treatment(
            treatment=TreatmentKind.ICE, duration_minutes=float("nan")
        ),
        door.async_log_run(distance_km=float("nan"), distance_shown=0, unit="km"),
        door.async_log_run(
            distance_km=5, distance_shown=5, unit="km", duration_minutes=float("inf")
        ),
        door.async_log_run(distance_km=5, distance_shown=5, unit="km", rpe=10**400),
        door.async_log_soreness(severity=10**400),
        door.async_log_exercise(ExerciseKey.WARM_UP, sets=float("nan")),
    ]
    keys = []
    for call in calls:
        with pytest.raises(ServiceValidationError) as caught:
            await call
        keys.append(caught.value.translation_key)
    assert keys == [
        "duration_out_of_range",
        "distance_out_of_range",
        "duration_out_of_range",
        "rpe_out_of_range",
        "severity_out_of_range",
        "count_out_of_range",
    ]
    assert stored(init_integration) == before


@pytest.mark.parametrize(("service", "field"), TIMES)
@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("0001-01-01", "time_too_early"),
        ("0001-01-01T00:00:00+14:00", "time_too_early"),
        ("1989-12-31T23:59:00+00:00", "time_too_early"),
        ("9999-12-31T23:59:59-23:59", "time_in_future"),
        ("9999-12-31T23:59:59", "time_in_future"),
    ],
)
async def test_dates_out_of_range(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service: str,
    field: str,
    value: str,
    key: str,
) -> None:
    """0001-01-01 was stored or raised OverflowError; 9999 overflowed the message."""
    data = {**REQUIRED[service], field: value}
    error = await refused(hass, init_integration, service, **data)
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == key


async def test_an_exercise_in_year_one_no_longer_breaks_the_next_start(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await refused(
        hass, init_integration, "log_exercise", exercise="warm_up", time="0001-01-01"
    )
    await write_pending(hass)
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.LOADED


@pytest.mark.parametrize("service", NOTES)
async def test_a_lone_surrogate_in_a_note_is_refused_and_later_saves_work(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    service: str,
) -> None:
    """A note with "\\ud800" was accepted and every later save failed."""
    error = await refused(
        hass, init_integration, service, **REQUIRED[service], note="ice \ud800 cold"
    )
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "text_invalid"
    response = await call_action(
        hass, init_integration.entry_id, "log_run", distance=7, note="after"
    )
    await write_pending(hass)
    saved = hass_storage[storage_key(init_integration.entry_id)]["data"]
    assert [run["id"] for run in saved["runs"]] == [response["run_id"]]
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    runs = init_integration.runtime_data.door.book.records.runs
    assert [(run.id, run.note) for run in runs] == [(response["run_id"], "after")]


@pytest.mark.parametrize("service", NOTES)
async def test_a_note_too_long_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, service: str
) -> None:
    error = await refused(
        hass,
        init_integration,
        service,
        **REQUIRED[service],
        note="x" * (MAX_NOTE_LENGTH + 1),
    )
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "text_too_long"
    assert error.translation_placeholders["maximum"] == str(MAX_NOTE_LENGTH)
    # the longest note is kept whole
    await call_action(
        hass,
        init_integration.entry_id,
        service,
        **REQUIRED[service],
        note="y" * MAX_NOTE_LENGTH,
    )


async def test_names_and_choices_are_short(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    error = await refused(
        hass, init_integration, "log_run", distance=5, shoe="s" * (MAX_NAME_LENGTH + 1)
    )
    assert isinstance(error, vol.Invalid)


@pytest.fixture
def import_folder(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Return a folder Home Assistant may read."""
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    return tmp_path


async def _import(hass: HomeAssistant, entry: MockConfigEntry, path: Path) -> Any:
    return await call_action(hass, entry.entry_id, "import_activities", path=str(path))


async def test_import_of_a_file_name_too_long(
    hass: HomeAssistant, init_integration: MockConfigEntry, import_folder: Path
) -> None:
    """A 300-character file name raised OSError out of the action."""
    error = await refused(
        hass,
        init_integration,
        "import_activities",
        path=str(import_folder / ("a" * 300 + ".gpx")),
    )
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "import_unreadable"


@pytest.mark.parametrize("value", ["inf", "nan"])
async def test_import_of_a_strava_csv_with_a_distance_not_finite(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    import_folder: Path,
    value: str,
) -> None:
    path = import_folder / "activities.csv"
    path.write_text(
        f"Activity ID,Activity Date,Activity Type,Distance\n1,2023-03-04,Run,{value}\n"
    )
    error = await refused(hass, init_integration, "import_activities", path=str(path))
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "import_corrupt"


@pytest.mark.parametrize("distance", ["-5", "1000000"])
async def test_import_of_impossible_distances(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    import_folder: Path,
    distance: str,
) -> None:
    """-5 km showed as a weekly distance of -5.0; 1,000,000 km was imported too."""
    path = import_folder / "activities.csv"
    path.write_text(
        "Activity ID,Activity Date,Activity Type,Distance\n"
        f"1,2026-11-18T07:00:00+00:00,Run,{distance}\n"
        "2,2026-11-19T07:00:00+00:00,Run,8\n"
    )
    response = await _import(hass, init_integration, path)
    assert response["imported"] == 1
    assert response["errors"] == [{"file": "activities.csv", "reason": "out_of_range"}]
    runs = init_integration.runtime_data.door.book.records.runs
    assert [run.distance_km for run in runs] == [8]
    assert hass.states.get("sensor.alex_distance_last_7_days").state == "8.0"
    error = await refused(
        hass,
        init_integration,
        "import_activities",
        path=str(_csv(import_folder, distance)),
    )
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "import_out_of_range"


def _csv(folder: Path, distance: str) -> Path:
    path = folder / "only.csv"
    path.write_text(
        "Activity ID,Activity Date,Activity Type,Distance\n"
        f"9,2026-11-17T07:00:00+00:00,Run,{distance}\n"
    )
    return path


async def test_import_of_a_damaged_zip(
    hass: HomeAssistant, init_integration: MockConfigEntry, import_folder: Path
) -> None:
    """Three damaged bytes raised zlib.error; now the file's clear error."""
    path = import_folder / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities/run.gpx", (SAMPLES / "run.gpx").read_bytes())
    data = bytearray(path.read_bytes())
    start = 30 + len("activities/run.gpx")
    for offset in (5, 6, 7):
        data[start + offset] ^= 0xFF
    path.write_bytes(bytes(data))
    error = await refused(hass, init_integration, "import_activities", path=str(path))
    assert isinstance(error, ServiceValidationError)
    assert error.translation_key == "import_corrupt"
    assert error.translation_placeholders["file"] == "activities/run.gpx"


async def test_import_reports_links_out_and_pipes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    import_folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A linked GPX file elsewhere was imported, a link to a system file was read."""
    outside = tmp_path_factory.mktemp("outside")
    shutil.copy(SAMPLES / "run.tcx", outside / "302.tcx")
    shutil.copy(SAMPLES / "run.gpx", import_folder / "run.gpx")
    (import_folder / "elsewhere.tcx").symlink_to(outside / "302.tcx")
    (import_folder / "system.gpx").symlink_to("/etc/hostname")
    (import_folder / "activities").symlink_to(outside, target_is_directory=True)
    os.mkfifo(import_folder / "pipe.fit")

    response = await _import(hass, init_integration, import_folder)

    assert response["imported"] == 1
    assert sorted(response["errors"], key=lambda error: error["file"]) == [
        {"file": "activities", "reason": "outside_folder"},
        {"file": "elsewhere.tcx", "reason": "outside_folder"},
        {"file": "pipe.fit", "reason": "special_file"},
        {"file": "system.gpx", "reason": "outside_folder"},
    ]
