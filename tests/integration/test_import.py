"""Importing runs from Strava exports and FIT/GPX/TCX files through the action."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import Run

from .test_archive import all_runs

FIXTURES = Path(__file__).parent.parent / "fixtures" / "activities"


@pytest.fixture(autouse=True)
def allow_fixtures(hass: HomeAssistant) -> None:
    """Let Home Assistant read the sample files."""
    hass.config.allowlist_external_dirs = {str(FIXTURES)}


async def _import(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    name: str,
    context: Context | None = None,
) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "import_activities",
        {"config_entry_id": entry.entry_id, "path": str(FIXTURES / name)},
        blocking=True,
        return_response=True,
        context=context,
    )
    assert isinstance(response, dict)
    return response


async def test_import_strava_export_zip_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    first = await _import(hass, init_integration, "export.zip")
    assert first["imported"] > 0
    assert first["non_runs_skipped"] >= 1  # the ride
    records = init_integration.runtime_data.coordinator.records
    runs = all_runs(hass_storage, init_integration)
    assert len(runs) == first["imported"]
    assert {shoe.name for shoe in records.shoes} >= {"Pegasus 40"}
    assert all(run.source for run in runs)
    # the shoe named in the export got its own sensors
    await hass.async_block_till_done()
    assert hass.states.get("sensor.alex_pegasus_40_distance") is not None

    # importing the same export again adds nothing
    again = await _import(hass, init_integration, "export.zip")
    assert again["imported"] == 0
    assert again["duplicates"] == first["imported"] + first["duplicates"]
    assert len(all_runs(hass_storage, init_integration)) == first["imported"]


async def test_import_csv_values(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    response = await _import(hass, init_integration, "activities.csv")
    runs: list[Run] = all_runs(hass_storage, init_integration)
    assert response["imported"] == len(runs)
    evening = next(run for run in runs if run.source_id == "9001")
    assert evening.distance_km == pytest.approx(10.0215)
    assert evening.start.isoformat() == "2022-10-06T23:19:20+00:00"
    trail = next(run for run in runs if run.source_id == "9003")
    assert trail.surface == "trail"


@pytest.mark.parametrize(
    ("name", "surface"),
    [("run.gpx", "road"), ("run.tcx", "road"), ("run_trail.fit", "trail")],
)
async def test_import_single_files(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    name: str,
    surface: str,
) -> None:
    response = await _import(hass, init_integration, name)
    assert response["imported"] == 1
    assert response["errors"] == []
    assert all_runs(hass_storage, init_integration)[0].surface == surface


async def test_import_folder_reports_bad_files(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    response = await _import(hass, init_integration, "folder")
    assert response["imported"] >= 1
    assert len(all_runs(hass_storage, init_integration)) == response["imported"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("truncated.fit", "import_corrupt"),
        ("random.fit", "import_unsupported"),
        ("picture.gpx", "import_unsupported"),
        ("ride.fit", "import_no_runs"),
        ("walk.gpx", "import_no_runs"),
        ("empty.csv", "import_empty"),
        ("not_strava.csv", "import_unsupported"),
        ("missing.fit", "import_not_found"),
    ],
)
async def test_bad_files_raise_translated_errors_and_import_nothing(
    hass: HomeAssistant, init_integration: MockConfigEntry, name: str, key: str
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _import(hass, init_integration, name)
    assert err.value.translation_key == key
    assert init_integration.runtime_data.coordinator.records.runs == []


async def test_path_outside_allowed_folders(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    with pytest.raises(ServiceValidationError) as err:
        await _import(hass, init_integration, "run.gpx")
    assert err.value.translation_key == "path_not_allowed"
    assert init_integration.runtime_data.coordinator.records.runs == []


async def test_only_admins_may_import(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_read_only_user: User,
    hass_admin_user: User,
) -> None:
    with pytest.raises(Unauthorized):
        await _import(
            hass, init_integration, "run.gpx", Context(user_id=hass_read_only_user.id)
        )
    assert init_integration.runtime_data.coordinator.records.runs == []
    response = await _import(
        hass, init_integration, "run.gpx", Context(user_id=hass_admin_user.id)
    )
    assert response["imported"] == 1
