"""Faults of the disk: a damaged records file, a failed write, a crash between stores.

The damaged-file and failed-write tests run a Home Assistant on real files in a
temporary config folder (the usual `hass_storage` fixture keeps storage in memory
and cannot hold a file that is not JSON); the archive tests use `hass_storage`,
whose contents are what is "on disk" at the moment of a crash.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from copy import deepcopy
from datetime import datetime, timedelta
import json
from pathlib import Path
from typing import Any, Self
from unittest.mock import patch

from atomicwrites import AtomicWriter
from freezegun.api import FrozenDateTimeFactory
from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
)

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import Run, Shoe
from custom_components.ankle_care.store import (
    ARCHIVE_PENDING,
    BACKED_UP_AT,
    archive_storage_key,
    backup_storage_key,
    storage_key,
)

from .helpers import call_action
from .test_archive import (
    NOW,
    _all_figures,
    _full_history,
    all_runs,
    archived_entry,  # noqa: F401 - a fixture
)

# Store as Home Assistant writes it, before `hass_storage` replaces it per test.
REAL_LOAD = Store._async_load
REAL_WRITE = Store._async_write_data
REAL_REMOVE = Store.async_remove

ENTRY_ID = "01JALEXRUNNER0000000000000"
DISTANCE = "sensor.alex_distance_last_7_days"
SHOE_DISTANCE = "sensor.alex_pegasus_distance"

pytestmark = pytest.mark.freeze_time(NOW)


class CrashError(Exception):
    """Home Assistant stopping dead at this point."""


def _entry() -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex", "unit": "km"},
        entry_id=ENTRY_ID,
    )


@asynccontextmanager
async def real_home_assistant(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    """Run a Home Assistant whose stores read and write real files."""
    with (
        patch.object(Store, "_async_load", REAL_LOAD),
        patch.object(Store, "_async_write_data", REAL_WRITE),
        patch.object(Store, "async_remove", REAL_REMOVE),
    ):
        async with async_test_home_assistant(config_dir=str(config_dir)) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
            yield hass
            await hass.async_stop(force=True)


def _storage(hass: HomeAssistant) -> Path:
    return Path(hass.config.path(".storage"))


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> bool:
    ok = await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return ok


async def _runner_with_history(hass: HomeAssistant) -> MockConfigEntry:
    """Set up Alex with a pair of shoes and three runs, saved and loaded once."""
    entry = _entry()
    entry.add_to_hass(hass)
    assert await _setup(hass, entry)
    shoe = Shoe(id="pegasus", name="Pegasus", added=dt_util.utcnow() - timedelta(90))
    await entry.runtime_data.door.async_save_shoe(shoe, default=True)
    for days in (1, 2, 3):
        start = dt_util.now() - timedelta(days=days)
        await call_action(
            hass, entry.entry_id, "log_run", distance=5 + days, start=start.isoformat()
        )
    # the reload writes the records and reads them back: the backup is written
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert er.async_get(hass).async_get(SHOE_DISTANCE) is not None
    return entry


def _run_ids(entry: MockConfigEntry) -> list[str]:
    return [run.id for run in entry.runtime_data.door.book.records.runs]


def _truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _newer(raw: bytes) -> bytes:
    return json.dumps({**json.loads(raw), "version": 99}).encode()


def _wrong_schema(raw: bytes) -> bytes:
    envelope = json.loads(raw)
    envelope["data"]["runs"] = [{"id": "no start", "distance": "far"}]
    return json.dumps(envelope).encode()


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (_truncated, "not_json"),
    "garbage": (lambda raw: b"\x00\xffnot json at all", "not_json"),
    "empty": (lambda raw: b"", "not_json"),
    "not_an_object": (lambda raw: b"[1, 2, 3]", "wrong_schema"),
    "no_version": (lambda raw: b'{"data": {"runs": []}}', "wrong_schema"),
    "wrong_schema": (_wrong_schema, "wrong_schema"),
    "newer_version": (_newer, "newer_version"),
}


def _generic_storage_issues(hass: HomeAssistant) -> list[ir.IssueEntry]:
    return [
        issue
        for issue in ir.async_get(hass).issues.values()
        if issue.translation_key == "storage_corruption"
    ]


@pytest.mark.parametrize("damage", DAMAGE)
async def test_a_damaged_records_file_starts_from_the_backup(
    hass: HomeAssistant, tmp_path: Path, damage: str
) -> None:
    make_bad, fault = DAMAGE[damage]
    async with real_home_assistant(tmp_path) as real:
        entry = await _runner_with_history(real)
        runs = _run_ids(entry)
        distance = real.states.get(DISTANCE).state
        shoe_distance = real.states.get(SHOE_DISTANCE).state
        assert float(distance) == 21
        storage = _storage(real)
        backup = storage / backup_storage_key(ENTRY_ID)
        backed_up = json.loads(backup.read_bytes()) if backup.exists() else None
        assert await real.config_entries.async_unload(entry.entry_id)

        path = storage / storage_key(ENTRY_ID)
        bad = make_bad(path.read_bytes())
        path.write_bytes(bad)
        assert await _setup(real, entry)

        # the runner is as the backup had it, shoes' entities included
        assert entry.state is ConfigEntryState.LOADED
        assert _run_ids(entry) == runs
        assert real.states.get(DISTANCE).state == distance
        assert er.async_get(real).async_get(SHOE_DISTANCE) is not None
        assert real.states.get(SHOE_DISTANCE).state == shoe_distance
        # the bad file is kept aside, unchanged; none of Home Assistant's own
        label = "v99" if fault == "newer_version" else "damaged"
        aside = list(storage.glob(f"{storage_key(ENTRY_ID)}.{label}-*"))
        assert len(aside) == 1
        assert aside[0].read_bytes() == bad
        assert not list(storage.glob("*.corrupt.*"))
        assert not _generic_storage_issues(real)
        # an Ankle Care repair says what happened, as of when and where the file is
        issue = ir.async_get(real).async_get_issue(DOMAIN, f"store_{ENTRY_ID}")
        assert issue is not None
        assert issue.translation_key == f"store_restored_{fault}"
        assert issue.is_persistent
        placeholders = issue.translation_placeholders or {}
        assert placeholders["kept_as"] == str(aside[0])
        assert backed_up is not None
        assert [run["id"] for run in backed_up["data"]["runs"]] == runs
        as_of = dt_util.parse_datetime(backed_up["data"][BACKED_UP_AT])
        assert as_of is not None
        assert placeholders["as_of"] == dt_util.as_local(as_of).strftime(
            "%Y-%m-%d %H:%M"
        )
        # the records file holds the restored runner again, never the empty one
        assert [run["id"] for run in json.loads(path.read_bytes())["data"]["runs"]] == (
            runs
        )

        # a run logged now is kept across the next start, which is a normal one
        await call_action(real, entry.entry_id, "log_run", distance=4)
        assert await real.config_entries.async_reload(entry.entry_id)
        await real.async_block_till_done(wait_background_tasks=True)
        assert len(_run_ids(entry)) == len(runs) + 1
        assert float(real.states.get(DISTANCE).state) == 25
        assert list(storage.glob(f"{storage_key(ENTRY_ID)}.*-*")) == aside
        assert aside[0].read_bytes() == bad
        assert await real.config_entries.async_unload(entry.entry_id)


@pytest.mark.parametrize("damage", ["truncated", "wrong_schema", "newer_version"])
async def test_without_a_backup_setup_is_refused_and_the_file_kept(
    hass: HomeAssistant, tmp_path: Path, damage: str
) -> None:
    make_bad, fault = DAMAGE[damage]
    async with real_home_assistant(tmp_path) as real:
        entry = _entry()
        entry.add_to_hass(real)
        assert await _setup(real, entry)
        await call_action(real, entry.entry_id, "log_run", distance=5)
        assert await real.config_entries.async_unload(entry.entry_id)
        storage = _storage(real)
        assert not (storage / backup_storage_key(ENTRY_ID)).exists()

        path = storage / storage_key(ENTRY_ID)
        bad = make_bad(path.read_bytes())
        path.write_bytes(bad)
        assert not await _setup(real, entry)
        assert entry.state is ConfigEntryState.SETUP_ERROR
        # left where it is, unchanged: nothing starts empty and writes over it
        assert path.read_bytes() == bad
        assert [file.name for file in storage.glob(f"{DOMAIN}.*")] == [
            storage_key(ENTRY_ID)
        ]
        assert not _generic_storage_issues(real)
        issue = ir.async_get(real).async_get_issue(DOMAIN, f"store_{ENTRY_ID}")
        assert issue is not None
        assert issue.translation_key == f"store_unreadable_{fault}"
        assert (issue.translation_placeholders or {})["path"] == str(path)


async def test_a_newer_version_is_never_migrated_nor_written_over(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Also where Home Assistant itself would migrate it (before 2026.3)."""
    key = storage_key(ENTRY_ID)
    newer = {"version": 2, "minor_version": 1, "key": key, "data": {"runs": []}}
    hass_storage[key] = deepcopy(newer)
    entry = _entry()
    entry.add_to_hass(hass)
    assert not await _setup(hass, entry)
    assert hass_storage[key] == newer
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"store_{ENTRY_ID}")
    assert issue is not None
    assert issue.translation_key == "store_unreadable_newer_version"


async def test_a_migration_backs_the_old_file_up_first(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    key = storage_key(ENTRY_ID)
    old = {
        "runs": [{"id": "r1", "start": "2026-11-19T08:00:00+00:00", "distance_km": 6.0}]
    }
    hass_storage[key] = {"version": 1, "minor_version": 0, "key": key, "data": old}
    entry = _entry()
    entry.add_to_hass(hass)
    assert await _setup(hass, entry)
    backup = hass_storage[backup_storage_key(ENTRY_ID)]
    assert (backup["version"], backup["minor_version"]) == (1, 0)
    assert {k: v for k, v in backup["data"].items() if k != BACKED_UP_AT} == old
    assert hass_storage[key]["minor_version"] == 1
    assert _run_ids(entry) == ["r1"]


async def test_the_backup_is_written_at_most_once_a_day(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = _entry()
    entry.add_to_hass(hass)
    assert await _setup(hass, entry)
    key = backup_storage_key(ENTRY_ID)
    assert key not in hass_storage  # a new runner: nothing to back up yet

    await call_action(hass, entry.entry_id, "log_run", distance=5)
    freezer.tick(timedelta(hours=1, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    first = deepcopy(hass_storage[key])
    assert len(first["data"]["runs"]) == 1

    await call_action(hass, entry.entry_id, "log_run", distance=6)
    for _ in range(23):  # the last check 23 hours after the backup
        freezer.tick(timedelta(hours=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert hass_storage[key] == first
    freezer.tick(timedelta(hours=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(hass_storage[key]["data"]["runs"]) == 2
    assert await hass.config_entries.async_unload(entry.entry_id)


class _HalfWriter(AtomicWriter):  # type: ignore[misc]
    """Writes half of the data to the temporary file, then the disk fails."""

    def get_fileobject(self, **kwargs: Any) -> Any:
        return _HalfFile(super().get_fileobject(**kwargs))


class _HalfFile:
    def __init__(self, file: Any) -> None:
        self._file = file

    def __enter__(self) -> Self:
        self._file.__enter__()
        return self

    def __exit__(self, *args: object) -> None:
        self._file.__exit__(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)

    def write(self, data: Any) -> int:
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        raise OSError(28, "No space left on device")


async def test_a_write_that_fails_midway_leaves_the_old_file(
    hass: HomeAssistant, tmp_path: Path
) -> None:
    async with real_home_assistant(tmp_path) as real:
        entry = await _runner_with_history(real)
        runs = _run_ids(entry)
        storage = _storage(real)
        path = storage / storage_key(ENTRY_ID)
        old = path.read_bytes()
        files = sorted(storage.iterdir())

        door = entry.runtime_data.door
        await call_action(real, entry.entry_id, "log_run", distance=4)
        with patch("homeassistant.util.file.AtomicWriter", _HalfWriter):
            await door.async_close()  # writes now; the write fails midway
        # the old file, whole; no temporary file left behind
        assert path.read_bytes() == old
        assert sorted(storage.iterdir()) == files

        door._dirty = True
        await door.async_close()  # the disk is back: the new file, whole
        new = json.loads(path.read_bytes())
        assert len(new["data"]["runs"]) == len(runs) + 1
        assert sorted(storage.iterdir()) == files
        assert await real.config_entries.async_unload(entry.entry_id)
        assert await _setup(real, entry)
        assert len(_run_ids(entry)) == len(runs) + 1
        assert ir.async_get(real).async_get_issue(DOMAIN, f"store_{ENTRY_ID}") is None
        assert await real.config_entries.async_unload(entry.entry_id)


# The archive: two stores, written one after the other


async def _restart_from(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    disk: dict[str, Any],
) -> None:
    """Start the runner again from what was on disk at the crash."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    hass_storage.clear()
    hass_storage.update(deepcopy(disk))
    assert await _setup(hass, entry)


def _crash_after_archive_write(
    hass_storage: dict[str, Any], entry: MockConfigEntry, disk: dict[str, Any]
) -> None:
    """Make the next archive write the last thing Home Assistant does."""
    archive_store = entry.runtime_data.door.archive_store
    original = archive_store.async_save

    async def save_then_crash(data: dict[str, Any]) -> None:
        await original(data)
        disk.update(deepcopy(hass_storage))
        raise CrashError

    archive_store.async_save = save_then_crash


async def test_a_crash_after_deleting_an_archived_run_keeps_it_deleted(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,  # noqa: F811
    hass_storage: dict[str, Any],
) -> None:
    entry = archived_entry
    door = entry.runtime_data.door
    runs = all_runs(hass_storage, entry)
    victim = runs[10]
    assert door.coordinator.is_archived(victim.start)
    disk: dict[str, Any] = {}
    _crash_after_archive_write(hass_storage, entry, disk)
    with pytest.raises(CrashError):
        await door.async_delete_run(victim.id)
    pending = disk[storage_key(ENTRY_ID)]["data"].get(ARCHIVE_PENDING)

    await _restart_from(hass, entry, hass_storage, disk)
    remaining = [run for run in runs if run.id != victim.id]
    door = entry.runtime_data.door
    assert door.book.archive is not None  # split again in the background
    assert all_runs(hass_storage, entry) == remaining
    assert _all_figures(door.book.history) == _all_figures(_full_history(remaining))
    # the records were written as pending before the archive, plain after
    assert pending is True
    assert ARCHIVE_PENDING not in hass_storage[storage_key(ENTRY_ID)]["data"]


async def test_a_crash_while_archiving_never_brings_a_deleted_run_back(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,  # noqa: F811
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = archived_entry
    runs = all_runs(hass_storage, entry)
    # ten days on, the archive is not due, but any change of it splits the runs
    # at the new cutoff: ten days of recent runs move into it
    freezer.tick(timedelta(days=10))
    door = entry.runtime_data.door
    disk: dict[str, Any] = {}
    _crash_after_archive_write(hass_storage, entry, disk)
    with pytest.raises(CrashError):
        await door.async_change_archive(lambda recent, archived: None)
    # on disk: the moved runs in the archive and still among the recent runs
    archived_ids = {
        run["id"] for run in disk[archive_storage_key(ENTRY_ID)]["data"]["runs"]
    }
    recent_ids = {run["id"] for run in disk[storage_key(ENTRY_ID)]["data"]["runs"]}
    both = archived_ids & recent_ids
    assert both
    victim = next(run for run in runs if run.id in both)

    await _restart_from(hass, entry, hass_storage, disk)
    await call_action(hass, entry.entry_id, "delete_run", run_id=victim.id)
    remaining = [run for run in runs if run.id != victim.id]
    assert all_runs(hass_storage, entry) == remaining
    # later changes of the archive, and restarts, do not bring it back
    start = datetime.fromisoformat(NOW) - timedelta(days=900)
    logged = await call_action(
        hass, entry.entry_id, "log_run", distance=3, start=start.isoformat()
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    ids = [run.id for run in all_runs(hass_storage, entry)]
    assert victim.id not in ids
    assert sorted(ids) == sorted([*(run.id for run in remaining), logged["run_id"]])


async def test_a_downgrade_round_trip_keeps_the_archived_runs(
    hass: HomeAssistant,
    archived_entry: MockConfigEntry,  # noqa: F811
    hass_storage: dict[str, Any],
) -> None:
    """An Ankle Care without the archive rewrites the records without its summary."""
    entry = archived_entry
    runs = all_runs(hass_storage, entry)
    assert entry.runtime_data.door.coordinator.archived_run_count > 0
    assert await hass.config_entries.async_unload(entry.entry_id)
    data = hass_storage[storage_key(ENTRY_ID)]["data"]
    data.pop("archive")  # what the older version keeps: the records it knows
    logged = Run(
        id="while_downgraded",
        start=datetime.fromisoformat(NOW) - timedelta(hours=3),
        distance_km=4.0,
    )
    data["runs"].append(logged.to_dict())

    assert await _setup(hass, entry)
    every = sorted([*runs, logged], key=lambda run: run.start)
    assert all_runs(hass_storage, entry) == every
    door = entry.runtime_data.door
    assert door.book.archive is not None
    assert _all_figures(door.book.history) == _all_figures(_full_history(every))
