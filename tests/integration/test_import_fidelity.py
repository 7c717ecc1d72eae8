"""Import fidelity through the action: one run from three sources counts once.

A doubled run doubles the week's load and the injury risk, so the watch's FIT, the
phone's GPX and Strava's CSV row of one run must end up as one stored run, with the
device's numbers (issue 12).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN
from tests.domain.test_import_matching import FIT_KM, GENERATOR, write_triple

from .test_archive import all_runs

WEEKLY = "sensor.alex_distance_last_7_days"


async def _import(
    hass: HomeAssistant, entry: MockConfigEntry, path: Path
) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "import_activities",
        {"config_entry_id": entry.entry_id, "path": str(path)},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


@pytest.fixture
def folder(hass: HomeAssistant, tmp_path: Path) -> Path:
    """A folder Home Assistant may read, holding one run as FIT, CSV row and GPX."""
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    start = (dt_util.utcnow() - timedelta(days=2)).replace(microsecond=0)
    write_triple(tmp_path / "run", start)
    return tmp_path / "run"


async def test_one_run_from_three_files_is_stored_and_counted_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    folder: Path,
) -> None:
    csv = await _import(hass, init_integration, folder / "activities.csv")
    gpx = await _import(hass, init_integration, folder / "phone.gpx")
    fit = await _import(hass, init_integration, folder / "garmin_1234.fit")
    again = await _import(hass, init_integration, folder)

    assert (csv["imported"], csv["merged"]) == (1, 0)
    assert (gpx["imported"], gpx["merged"]) == (0, 1)
    assert (fit["imported"], fit["merged"]) == (0, 1)
    assert again["imported"] == 0
    assert fit["warnings"] == []
    assert fit["errors"] == []

    [run] = all_runs(hass_storage, init_integration)
    assert run.distance_km == pytest.approx(FIT_KM)  # the device file's numbers
    assert run.duration_minutes == pytest.approx(4300 / 60)
    assert (run.source, run.source_id, run.note) == (
        "fit",
        "11223344",
        "Sunday long run",
    )
    records = init_integration.runtime_data.coordinator.records
    assert [shoe.name for shoe in records.shoes] == ["Pegasus 40"]
    assert run.shoe_id == records.shoes[0].id
    # the week's distance holds the run once
    await hass.async_block_till_done()
    assert float(hass.states.get(WEEKLY).state) == pytest.approx(FIT_KM, abs=0.01)


async def test_one_import_of_the_three_counts_two_merged(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    folder: Path,
) -> None:
    response = await _import(hass, init_integration, folder)
    assert (response["imported"], response["merged"], response["duplicates"]) == (
        1,
        2,
        0,
    )
    assert len(all_runs(hass_storage, init_integration)) == 1


async def test_runs_left_out_are_warnings_not_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    folder: Path,
) -> None:
    # a clock reset to its epoch dates a track in 1990: not a run of 1990
    (folder / "old.gpx").write_bytes(
        GENERATOR.run_gpx(dt_util.parse_datetime("1990-01-03T10:00:00+00:00"))
    )
    response = await _import(hass, init_integration, folder)
    assert response["imported"] == 1
    assert response["warnings"] == [{"file": "old.gpx", "reason": "too_early"}]
    assert response["errors"] == []
    assert len(all_runs(hass_storage, init_integration)) == 1

    # on its own, the file imports nothing: a translated error says why
    with pytest.raises(ServiceValidationError) as raised:
        await _import(hass, init_integration, folder / "old.gpx")
    assert raised.value.translation_key == "import_too_early"
    assert raised.value.translation_placeholders["file"] == "old.gpx"
