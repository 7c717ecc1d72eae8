"""Export, import and delete a runner's data; only administrators may."""

from __future__ import annotations

from datetime import datetime, timedelta
import json
from pathlib import Path
from typing import Any

from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import Run, RunnerRecords, Shoe
from custom_components.ankle_care.store import storage_key

from .helpers import call_action, entity_states

NOW = "2026-11-20 18:00:00+00:00"  # 10:00 local (US/Pacific in tests)
# Every platform with state from the data; the `event` entity shows the last
# reminder this Home Assistant delivered (a moment, kept by the entity itself).
PLATFORMS = ("sensor", "binary_sensor", "calendar", "todo", "switch")
OPTIONS = {"ice_minutes": 15, "shoe_max_km": 800, "acwr_method": "rolling_coupled"}

pytestmark = pytest.mark.freeze_time(NOW)


@pytest.fixture
def entry_options() -> dict[str, Any]:
    """Alex's own settings, which the export carries."""
    return dict(OPTIONS)


def _history() -> RunnerRecords:
    """Two years of runs every third day (the older ones end up archived)."""
    now = datetime.fromisoformat(NOW)
    shoes = [
        Shoe(id="old", name="Old pair", added=now - timedelta(days=800)),
        Shoe(id="new", name="New pair", added=now - timedelta(days=200), max_km=700),
    ]
    runs = [
        Run(
            id=f"run{back:03d}",
            start=now - timedelta(days=back, hours=back % 4),
            distance_km=round(5 + back % 7 * 1.3, 2),
            duration_minutes=30 + back % 20,
            rpe=3 + back % 5,
            shoe_id="old" if back > 200 else "new",
            note="easy" if back % 2 else None,
        )
        for back in range(720, 0, -3)
    ]
    return RunnerRecords(runs=runs, shoes=shoes, default_shoe_id="new")


@pytest.fixture
async def alex(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> MockConfigEntry:
    """Alex with archived runs, shoes, soreness, care, a visit and exercises."""
    key = storage_key(mock_config_entry.entry_id)
    hass_storage[key] = {
        "version": 1,
        "minor_version": 1,
        "key": key,
        "data": _history().to_dict(),
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    entry_id = mock_config_entry.entry_id
    await call_action(
        hass,
        entry_id,
        "log_soreness",
        severity=5,
        location="outer_ankle",
        side="left",
        swelling=True,
        note="after the hills",
        time="2026-11-18T08:00:00-08:00",
    )
    await call_action(
        hass, entry_id, "log_treatment", treatment="ice", time="2026-11-18T09:00"
    )
    await call_action(
        hass,
        entry_id,
        "log_professional_visit",
        side="left",
        cleared_to_run=True,
        note="physio",
        time="2026-11-19T12:00",
    )
    await call_action(
        hass, entry_id, "log_exercise", exercise="warm_up", time="2026-11-19T18:00"
    )
    await call_action(hass, entry_id, "log_run", distance=6.2, rpe=5, note="today")
    await hass.async_block_till_done(wait_background_tasks=True)  # archiving
    assert mock_config_entry.runtime_data.door.book.archive is not None
    return mock_config_entry


async def _second_runner(hass: HomeAssistant) -> MockConfigEntry:
    """A new, empty runner (same name and unit, so states compare as they are)."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex-again",
        data={"name": "Alex", "unit": "km"},
        entry_id="01JNEWRUNNER00000000000000",
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


def _states(hass: HomeAssistant, entry_id: str) -> dict[str, Any]:
    """Every entity's state and attributes, keyed by unique id without the entry."""
    states: dict[str, Any] = {}
    for platform in PLATFORMS:
        for shown in entity_states(hass, entry_id, platform).values():
            unique_id = shown.pop("unique_id").removeprefix(f"{entry_id}_")
            states[f"{platform}.{unique_id}"] = shown
    return states


async def _export(hass: HomeAssistant, entry_id: str, **data: Any) -> dict[str, Any]:
    document = await call_action(hass, entry_id, "export_data", **data)
    return {key: value for key, value in document.items() if key != "exported_at"}


async def _import(
    hass: HomeAssistant, entry_id: str, document: dict[str, Any]
) -> dict[str, Any]:
    response = await call_action(hass, entry_id, "import_data", data=document)
    await hass.async_block_till_done()  # the reload after new settings
    return response


async def test_export_holds_every_record(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    document = await call_action(hass, alex.entry_id, "export_data")
    assert json.loads(json.dumps(document)) == document
    assert document["schema"] == "ankle_care.export"
    assert document["version"] == 1
    assert document["exported_at"] == "2026-11-20T18:00:00+00:00"
    assert document["runner"] == {"name": "Alex", "unit": "km"}
    assert document["settings"] == OPTIONS
    assert document["reminders"] == {"enabled": True}
    assert document["default_shoe_id"] == "new"
    assert len(document["runs"]) == 241  # 240 stored (most archived) and today's
    assert alex.runtime_data.coordinator.archived_run_count > 100
    assert [len(document[key]) for key in ("soreness", "treatments", "visits")] == [
        1,
        1,
        1,
    ]
    assert document["soreness"][0]["note"] == "after the hills"
    assert document["exercises"][0]["exercise"] == "warm_up"
    assert [shoe["name"] for shoe in document["shoes"]] == ["Old pair", "New pair"]


async def test_export_import_into_a_new_runner_reproduces_every_state(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    document = await call_action(hass, alex.entry_id, "export_data")
    new = await _second_runner(hass)
    assert _states(hass, new.entry_id) != _states(hass, alex.entry_id)

    response = await _import(hass, new.entry_id, document)
    assert response == {
        "imported": {
            "runs": 241,
            "soreness": 1,
            "treatments": 1,
            "visits": 1,
            "exercises": 1,
            "shoes": 2,
        },
        "settings_changed": True,
    }
    assert new.options == OPTIONS
    assert new.runtime_data.coordinator.archived_run_count == (
        alex.runtime_data.coordinator.archived_run_count
    )
    expected = _states(hass, alex.entry_id)
    assert len(expected) > 20
    assert _states(hass, new.entry_id) == expected
    exported_again = await _export(hass, new.entry_id)
    assert exported_again == {
        key: value for key, value in document.items() if key != "exported_at"
    }

    # The same export again changes nothing, not even a reload.
    response = await _import(hass, new.entry_id, document)
    assert response == {
        "imported": dict.fromkeys(
            ("runs", "soreness", "treatments", "visits", "exercises", "shoes"), 0
        ),
        "settings_changed": False,
    }
    assert await _export(hass, new.entry_id) == exported_again
    assert _states(hass, new.entry_id) == expected


async def test_import_merges_with_what_the_runner_has(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    document = await call_action(hass, alex.entry_id, "export_data")
    new = await _second_runner(hass)
    last = document["runs"][-2]  # the same run, imported from Strava before
    await call_action(
        hass,
        new.entry_id,
        "log_run",
        distance=last["distance_km"],
        start=last["start"],
    )
    await call_action(hass, new.entry_id, "log_soreness", severity=1, note="mine")
    response = await _import(hass, new.entry_id, document)
    assert response["imported"]["runs"] == 240
    exported = await _export(hass, new.entry_id)
    assert len(exported["runs"]) == 241
    assert len(exported["soreness"]) == 2


async def test_delete_by_type(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    response = await call_action(
        hass, alex.entry_id, "delete_data", record_type="soreness"
    )
    assert response == {"deleted": {"soreness": 1}}
    document = await _export(hass, alex.entry_id)
    assert document["soreness"] == []
    assert len(document["runs"]) == 241
    assert len(document["treatments"]) == 1
    assert hass.states.get("sensor.alex_soreness").state == "unknown"  # type: ignore[union-attr]

    response = await call_action(hass, alex.entry_id, "delete_data", record_type="runs")
    assert response == {"deleted": {"runs": 241}}
    assert (await _export(hass, alex.entry_id))["runs"] == []
    assert alex.runtime_data.coordinator.archived_run_count == 0
    assert hass.states.get("sensor.alex_distance_last_7_days").state == "0.0"  # type: ignore[union-attr]


async def test_delete_by_date_range_includes_archived_runs(
    hass: HomeAssistant, alex: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    before = await _export(hass, alex.entry_id)
    start, end = before["runs"][0]["start"], before["runs"][9]["start"]
    response = await call_action(
        hass, alex.entry_id, "delete_data", record_type="runs", start=start, end=end
    )
    assert response == {"deleted": {"runs": 10}}  # both ends included
    after = await _export(hass, alex.entry_id)
    assert after["runs"] == before["runs"][10:]
    assert after["shoes"] == before["shoes"]

    # Every type within the last three days (local time, the end of today).
    response = await call_action(
        hass,
        alex.entry_id,
        "delete_data",
        start="2026-11-18T00:00:00",
        end="2026-11-20T23:59:59",
    )
    assert response["deleted"] == {
        "runs": 1
        + sum(run["start"] >= "2026-11-18T08:00" for run in before["runs"][10:-1]),
        "soreness": 1,
        "treatments": 1,
        "visits": 1,
        "exercises": 1,
        "shoes": 0,
    }
    stored = hass_storage[storage_key(alex.entry_id)]["data"]
    assert stored["soreness"] == stored["visits"] == []  # written at once


async def test_delete_everything_keeps_the_settings(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    await call_action(hass, alex.entry_id, "snooze_reminders", minutes=60)
    assert alex.runtime_data.coordinator.reminder_state.snoozed_until is not None
    response = await call_action(hass, alex.entry_id, "delete_data")
    await hass.async_block_till_done()  # the reload that removes the shoes
    assert response["deleted"]["runs"] == 241
    assert response["deleted"]["shoes"] == 2
    document = await _export(hass, alex.entry_id)
    for key in ("runs", "soreness", "treatments", "visits", "exercises", "shoes"):
        assert document[key] == [], key
    assert document["default_shoe_id"] is None
    assert document["settings"] == OPTIONS
    coordinator = alex.runtime_data.coordinator
    assert coordinator.reminder_state.snoozed_until is None
    assert coordinator.archived_run_count == 0
    registry = er.async_get(hass)
    assert not [
        entity
        for entity in er.async_entries_for_config_entry(registry, alex.entry_id)
        if "_shoe_" in entity.unique_id
    ]
    assert hass.states.get("sensor.alex_recovery_phase").state == "ready"  # type: ignore[union-attr]


async def test_delete_refuses_unknown_types_and_reversed_ranges(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    before = await _export(hass, alex.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await call_action(hass, alex.entry_id, "delete_data", record_type="notes")
    assert err.value.translation_key == "unknown_record_type"
    with pytest.raises(ServiceValidationError) as err:
        await call_action(
            hass,
            alex.entry_id,
            "delete_data",
            start="2026-11-20T00:00",
            end="2026-11-19T00:00",
        )
    assert err.value.translation_key == "delete_range_reversed"
    assert await _export(hass, alex.entry_id) == before


def _bad(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


async def test_invalid_documents_change_nothing(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    document = await call_action(hass, alex.entry_id, "export_data")
    new = await _second_runner(hass)
    await call_action(hass, new.entry_id, "log_run", distance=3)
    before = await _export(hass, new.entry_id)
    for bad in (
        _bad(document, ("schema",), "strava"),
        _bad(document, ("version",), 2),
        _bad(document, ("runs", 5, "distance_km"), -5),
        _bad(document, ("runs", 200, "start"), "0001-01-01T00:00:00+00:00"),
        _bad(document, ("soreness", 0, "note"), "\ud800"),
        _bad(document, ("shoes", 1, "id"), "old"),
        _bad(document, ("settings", "acwr_method"), "guess"),
        "not json",
        json.dumps(document)[:-1],
    ):
        with pytest.raises(ServiceValidationError) as err:
            await _import(hass, new.entry_id, bad)
        assert err.value.translation_key == "import_data_invalid"
    assert await _export(hass, new.entry_id) == before
    assert new.options == {}
    # A JSON text of a valid export is taken as well.
    response = await _import(hass, new.entry_id, json.dumps(document))  # type: ignore[arg-type]
    assert response["imported"]["runs"] == 241


async def test_export_written_to_an_allowed_folder(
    hass: HomeAssistant, alex: MockConfigEntry, tmp_path: Path
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path / "allowed")}
    (tmp_path / "allowed").mkdir()
    target = tmp_path / "allowed" / "alex.json"
    response = await call_action(hass, alex.entry_id, "export_data", path=str(target))
    assert response.pop("file") == str(target)
    assert json.loads(target.read_text(encoding="utf-8")) == response
    assert target.stat().st_mode & 0o077 == 0  # health data: owner only

    response = await call_action(
        hass, alex.entry_id, "export_data", path=str(tmp_path / "allowed")
    )
    assert response["file"].startswith(str(tmp_path / "allowed" / "ankle_care_export_"))

    with pytest.raises(ServiceValidationError) as err:
        await call_action(
            hass, alex.entry_id, "export_data", path=str(tmp_path / "out.json")
        )
    assert err.value.translation_key == "path_not_allowed"
    with pytest.raises(ServiceValidationError) as err:
        await call_action(
            hass,
            alex.entry_id,
            "export_data",
            path=str(tmp_path / "allowed" / "missing" / "x.json"),
        )
    assert err.value.translation_key == "export_write_failed"


async def test_only_administrators_own_the_data(
    hass: HomeAssistant, alex: MockConfigEntry, tmp_path: Path
) -> None:
    owner = await hass.auth.async_create_user("Owner", group_ids=["system-admin"])
    user: User = await hass.auth.async_create_user(
        "Household member", group_ids=["system-users"]
    )
    assert not user.is_admin
    context = Context(user_id=user.id)
    document = await call_action(hass, alex.entry_id, "export_data")
    before = await _export(hass, alex.entry_id)
    for service, data in (
        ("export_data", {}),
        ("import_data", {"data": document}),
        ("delete_data", {}),
        ("import_activities", {"path": str(tmp_path)}),
    ):
        with pytest.raises(Unauthorized):
            await hass.services.async_call(
                DOMAIN,
                service,
                {"config_entry_id": alex.entry_id, **data},
                blocking=True,
                context=context,
                return_response=True,
            )
    assert await _export(hass, alex.entry_id) == before

    # Everyone may log and read.
    response = await hass.services.async_call(
        DOMAIN,
        "log_soreness",
        {"config_entry_id": alex.entry_id, "severity": 2},
        blocking=True,
        context=context,
        return_response=True,
    )
    assert response is not None
    assert len((await _export(hass, alex.entry_id))["soreness"]) == 2
    response = await hass.services.async_call(
        DOMAIN,
        "export_data",
        {"config_entry_id": alex.entry_id},
        blocking=True,
        context=Context(user_id=owner.id),
        return_response=True,
    )
    assert response is not None
    assert response["schema"] == "ankle_care.export"
