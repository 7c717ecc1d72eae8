"""The run archive: old runs move out of the records without changing a figure."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant import loader
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components.ankle_care import door as door_module
from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.archive import (
    ARCHIVE_AFTER_DAYS,
    archive_from_dict,
    change_archive,
)
from custom_components.ankle_care.domain.load import LoadHistory
from custom_components.ankle_care.domain.records import (
    Run,
    RunnerRecords,
    Shoe,
    Surface,
)
from custom_components.ankle_care.domain.settings import (
    AcwrMethod,
    LoadBasis,
    Settings,
)
from custom_components.ankle_care.door import RunnerDoor
from custom_components.ankle_care.store import archive_storage_key, storage_key

NOW = "2026-11-20 18:00:00+00:00"  # 10:00 local (US/Pacific in tests)
DAYS = 3 * 365  # three years of runs every other day
SURFACES = (Surface.ROAD, Surface.TRAIL, Surface.TRACK, Surface.GRASS)

pytestmark = pytest.mark.freeze_time(NOW)


def all_runs(hass_storage: dict[str, Any], entry: MockConfigEntry) -> list[Run]:
    """Return the recent runs and the stored archive's runs, in time order."""
    door = entry.runtime_data.door
    archived: list[Run] = []
    if door.book.archive is not None:
        archived = archive_from_dict(
            hass_storage[archive_storage_key(entry.entry_id)]["data"]
        )
    assert len(archived) == door.coordinator.archived_run_count
    return sorted([*archived, *door.book.records.runs], key=lambda run: run.start)


def _history_runs() -> tuple[list[Run], list[Shoe]]:
    now = datetime.fromisoformat(NOW)
    shoes = [
        Shoe(id=f"shoe{index}", name=f"Shoe {index}", added=now - timedelta(days=DAYS))
        for index in range(3)
    ]
    runs = [
        Run(
            id=f"old{back:04d}",
            start=now - timedelta(days=back, hours=back % 5),
            distance_km=round(4 + back % 9 * 1.37, 2),
            duration_minutes=30 + back % 40 if back % 3 else None,
            rpe=3 + back % 6 if back % 2 else None,
            surface=SURFACES[back % len(SURFACES)],
            shoe_id=shoes[(back - 1) * 3 // DAYS].id if back % 7 else None,
        )
        for back in range(DAYS, 0, -2)
    ]
    return runs, shoes


def _store(hass_storage: dict[str, Any], entry_id: str) -> list[Run]:
    """Store a records file as written before the archive existed."""
    runs, shoes = _history_runs()
    hass_storage[storage_key(entry_id)] = {
        "version": 1,
        "minor_version": 1,
        "key": storage_key(entry_id),
        "data": RunnerRecords(
            runs=runs, shoes=shoes, default_shoe_id="shoe2"
        ).to_dict(),
    }
    return runs


def _all_figures(history: LoadHistory) -> list[object]:
    today = dt_util.now(history.tz).date()
    return [
        history.snapshot(day, Settings(acwr_method=method, load_basis=basis), shoes=[])
        for method in AcwrMethod
        for basis in LoadBasis
        for day in (today, today - timedelta(days=ARCHIVE_AFTER_DAYS + 100))
    ]


def _full_history(runs: list[Run]) -> LoadHistory:
    history = LoadHistory(dt_util.get_default_time_zone())
    history.rebuild(sorted(runs, key=lambda run: run.start))
    return history


def _states(hass: HomeAssistant) -> dict[str, str]:
    return {
        state.entity_id: state.state
        for state in hass.states.async_all()
        if state.entity_id.startswith(("sensor.alex", "binary_sensor.alex"))
    }


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, service: str, **data: Any
) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        service,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


@pytest.fixture
async def archived_entry(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> MockConfigEntry:
    """Set up a runner with three years of runs and let the archive split them."""
    _store(hass_storage, mock_config_entry.entry_id)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert mock_config_entry.runtime_data.door.book.archive is not None
    return mock_config_entry


async def test_split_after_setup_keeps_every_figure(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    runs = _store(hass_storage, mock_config_entry.entry_id)
    mock_config_entry.add_to_hass(hass)
    with patch.object(RunnerDoor, "async_schedule_archiving"):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    door = mock_config_entry.runtime_data.door
    before = _all_figures(door.book.history)
    assert before == _all_figures(_full_history(runs))
    states = _states(hass)
    assert len(door.book.records.runs) == len(runs)  # the first setup reads all
    assert door.book.archive is None

    door.async_schedule_archiving()
    await hass.async_block_till_done(wait_background_tasks=True)
    archive = door.book.archive
    assert archive is not None
    cutoff = dt_util.now().date().toordinal() - ARCHIVE_AFTER_DAYS
    assert archive.before == cutoff
    tz = door.book.history.tz
    assert all(
        run.start.astimezone(tz).toordinal() >= cutoff for run in door.book.records.runs
    )
    assert 0 < archive.runs < len(runs)
    assert archive.runs + len(door.book.records.runs) == len(runs)
    assert all_runs(hass_storage, mock_config_entry) == runs
    # both stores were written at once
    stored = hass_storage[storage_key(mock_config_entry.entry_id)]["data"]
    assert len(stored["runs"]) == len(door.book.records.runs)
    assert stored["archive"]["runs"] == archive.runs
    assert door.book.history.run_count == len(runs)
    assert _all_figures(door.book.history) == before
    door.coordinator.async_recompute()
    await hass.async_block_till_done()
    assert _states(hass) == states
    assert door.coordinator.record_counts()["runs"] == len(runs)
    assert door.coordinator.record_counts()["archived_runs"] == archive.runs

    # a reload reads the recent runs and the summary only, with the same figures
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    door = mock_config_entry.runtime_data.door
    assert door.book.archive == archive
    assert len(door.book.records.runs) == len(runs) - archive.runs
    assert _all_figures(door.book.history) == before
    assert _states(hass) == states


async def test_delete_an_archived_run(
    hass: HomeAssistant, archived_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    door = archived_entry.runtime_data.door
    runs = all_runs(hass_storage, archived_entry)
    archived_count = door.coordinator.archived_run_count
    victim = runs[10]
    assert door.coordinator.is_archived(victim.start)

    response = await _call(hass, archived_entry, "delete_run", run_id=victim.id)
    assert response["run_id"] == victim.id
    assert "injury_risk" in response
    remaining = [run for run in runs if run.id != victim.id]
    assert all_runs(hass_storage, archived_entry) == remaining
    assert door.coordinator.archived_run_count == archived_count - 1
    assert _all_figures(door.book.history) == _all_figures(_full_history(remaining))

    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, archived_entry, "delete_run", run_id=victim.id)
    assert err.value.translation_key == "run_not_found"
    # a recent run is still deleted at once
    recent = door.book.records.runs[-1]
    await _call(hass, archived_entry, "delete_run", run_id=recent.id)
    assert recent not in door.book.records.runs


async def test_back_dated_log_run_goes_to_the_archive(
    hass: HomeAssistant, archived_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    door = archived_entry.runtime_data.door
    runs = all_runs(hass_storage, archived_entry)
    recent_count = len(door.book.records.runs)
    start = datetime.fromisoformat(NOW) - timedelta(days=700)
    response = await _call(
        hass,
        archived_entry,
        "log_run",
        distance=12.5,
        start=start.isoformat(),
        surface="trail",
        shoe="Shoe 1",
    )
    run_id = response["run_id"]
    assert len(door.book.records.runs) == recent_count
    after = all_runs(hass_storage, archived_entry)
    logged = next(run for run in after if run.id == run_id)
    assert logged.start == start
    assert logged.shoe_id == "shoe1"
    assert len(after) == len(runs) + 1
    assert _all_figures(door.book.history) == _all_figures(_full_history(after))
    assert door.book.history.shoe_km() == _full_history(after).shoe_km()


async def test_import_old_runs_into_the_archive_with_dedupe(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    tmp_path: Path,
) -> None:
    door = archived_entry.runtime_data.door
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    runs = all_runs(hass_storage, archived_entry)
    tz = door.book.history.tz
    archived_twin = runs[5]  # already in the archive
    recent_twin = door.book.records.runs[-3]  # already among the recent runs
    old_start = datetime.combine(
        dt_util.now().date() - timedelta(days=900), time(6, 15), tz
    )
    recent_start = datetime.combine(
        dt_util.now().date() - timedelta(days=3), time(5, 45), tz
    )
    rows = [
        (archived_twin.start, archived_twin.distance_km, 1),
        (recent_twin.start, recent_twin.distance_km, 2),
        (old_start, 21.1, 3),
        (recent_start, 6.5, 4),
    ]
    path = tmp_path / "activities.csv"
    lines = [
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance"
    ]
    for start, km, activity in rows:
        moment = start.astimezone(dt_util.UTC)
        lines.append(
            f'{activity},"{moment.strftime("%b %-d, %Y, %-I:%M:%S %p")}",'
            f"Run {activity},Run,3600,{km:.2f}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    response = await _call(hass, archived_entry, "import_activities", path=str(path))
    assert response["imported"] == 2
    # the twins were logged by hand: the same runs from another source, merged
    # (counted) but never replaced (issue 12)
    assert response["merged"] == 2
    assert response["duplicates"] == 0
    after = all_runs(hass_storage, archived_entry)
    assert len(after) == len(runs) + 2
    imported_old = next(run for run in after if run.source_id == "3")
    imported_recent = next(run for run in after if run.source_id == "4")
    assert door.coordinator.is_archived(imported_old.start)
    assert imported_old not in door.book.records.runs
    assert imported_recent in door.book.records.runs
    assert _all_figures(door.book.history) == _all_figures(_full_history(after))

    again = await _call(hass, archived_entry, "import_activities", path=str(path))
    assert again["imported"] == 0
    assert again["duplicates"] == 2  # rows 3 and 4, from the same source
    assert again["merged"] == 2
    assert all_runs(hass_storage, archived_entry) == after


async def test_restart_with_an_archive(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    entry_data: dict[str, Any] = {
        "domain": DOMAIN,
        "title": "Alex",
        "unique_id": "alex",
        "data": {"name": "Alex", "unit": "km"},
        "entry_id": "01JALEXRUNNER0000000000000",
    }
    runs = _store(hass_storage, entry_data["entry_id"])
    config_dir = hass.config.config_dir

    async with async_test_home_assistant(config_dir=config_dir) as first:
        first.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        entry = MockConfigEntry(**entry_data)
        entry.add_to_hass(first)
        assert await first.config_entries.async_setup(entry.entry_id)
        await first.async_block_till_done(wait_background_tasks=True)
        figures = _all_figures(entry.runtime_data.coordinator.book.history)
        archived = entry.runtime_data.door.coordinator.archived_run_count
        assert archived > 0
        await first.async_stop(force=True)
        assert await first.config_entries.async_unload(entry.entry_id)

    assert archive_storage_key(entry_data["entry_id"]) in hass_storage

    async with async_test_home_assistant(config_dir=config_dir) as second:
        second.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        entry = MockConfigEntry(**entry_data)
        entry.add_to_hass(second)
        assert await second.config_entries.async_setup(entry.entry_id)
        await second.async_block_till_done(wait_background_tasks=True)
        door = entry.runtime_data.door
        assert door.coordinator.archived_run_count == archived
        assert len(door.book.records.runs) == len(runs) - archived
        assert _all_figures(door.book.history) == figures
        assert all_runs(hass_storage, entry) == runs
        assert await second.config_entries.async_unload(entry.entry_id)
        await second.async_stop(force=True)


async def test_remove_entry_deletes_both_stores(
    hass: HomeAssistant, archived_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    entry_id = archived_entry.entry_id
    assert storage_key(entry_id) in hass_storage
    assert archive_storage_key(entry_id) in hass_storage
    await hass.config_entries.async_remove(entry_id)
    await hass.async_block_till_done()
    assert storage_key(entry_id) not in hass_storage
    assert archive_storage_key(entry_id) not in hass_storage


async def test_time_zone_change_splits_the_archive_again(
    hass: HomeAssistant, archived_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    runs = all_runs(hass_storage, archived_entry)
    assert await hass.config_entries.async_unload(archived_entry.entry_id)
    await hass.config.async_set_time_zone("Europe/Amsterdam")
    assert await hass.config_entries.async_setup(archived_entry.entry_id)
    await hass.async_block_till_done()
    door = archived_entry.runtime_data.door
    # the day totals were per Pacific day: the archived runs were read back
    assert door.book.archive is None
    assert door.book.records.runs == runs
    await hass.async_block_till_done(wait_background_tasks=True)
    assert door.book.archive is not None
    assert door.book.archive.tz == "Europe/Amsterdam"
    assert all_runs(hass_storage, archived_entry) == runs
    assert _all_figures(door.book.history) == _all_figures(_full_history(runs))


async def test_runs_logged_meanwhile_prepare_the_change_again(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    door = archived_entry.runtime_data.door
    runs = all_runs(hass_storage, archived_entry)
    logged: list[Run] = []

    def log_meanwhile(*args: Any) -> Any:
        """Log a recent run on the event loop while the change is prepared."""
        if len(logged) < 2:
            run = Run(
                id=f"meanwhile{len(logged)}",
                start=datetime.fromisoformat(NOW) - timedelta(hours=len(logged) + 1),
                distance_km=3,
            )
            logged.append(run)
            hass.loop.call_soon_threadsafe(door._async_add_runs, [run])
        return change_archive(*args)

    monkeypatch.setattr(door_module, "change_archive", log_meanwhile)
    start = datetime.fromisoformat(NOW) - timedelta(days=800)
    response = await _call(
        hass, archived_entry, "log_run", distance=7, start=start.isoformat()
    )
    assert len(logged) == 2
    after = all_runs(hass_storage, archived_entry)
    assert {run.id for run in after} == {
        *(run.id for run in runs),
        *(run.id for run in logged),
        response["run_id"],
    }
    assert _all_figures(door.book.history) == _all_figures(_full_history(after))


async def test_a_change_is_given_up_when_runs_keep_changing(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    door = archived_entry.runtime_data.door
    runs = all_runs(hass_storage, archived_entry)
    original_save = door.archive_store.async_save

    async def save_and_log(data: dict[str, Any]) -> None:
        await original_save(data)
        door._async_add_runs(
            [
                Run(
                    id=f"busy{door.runs_version}",
                    start=dt_util.now(),
                    distance_km=1,
                )
            ]
        )

    monkeypatch.setattr(door.archive_store, "async_save", save_and_log)
    with pytest.raises(HomeAssistantError) as err:
        await door.async_delete_run(runs[0].id)
    assert err.value.translation_key == "archive_busy"
    # the archive was written back as the records describe it
    monkeypatch.undo()
    assert all_runs(hass_storage, archived_entry)[0] == runs[0]

    # the background archiving logs instead of raising
    assert await hass.config_entries.async_unload(archived_entry.entry_id)
    with pytest.raises(HomeAssistantError) as err:
        await door.async_delete_run(runs[0].id)
    assert err.value.translation_key == "entry_not_loaded"
    await door._async_archive_old_runs()
