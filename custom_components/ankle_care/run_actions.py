"""Actions that log, delete and import runs and return the risk summary."""

from __future__ import annotations

from collections.abc import Awaitable
import os

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse
from homeassistant.util import dt as dt_util

from .const import UNIT_KM, UNIT_MI
from .coordinator import AnkleCareCoordinator
from .domain.import_merge import ImportMerge, merge_import
from .domain.importers import ImportResult, import_activities
from .domain.records import KM_PER_MILE, Run, Shoe, Surface, new_id
from .responses import risk_response
from .validation import (
    choice,
    event_time,
    in_range,
    invalid_input,
    loaded_entry,
    require_admin,
)

ATTR_DISTANCE = "distance"
ATTR_UNIT = "unit"
ATTR_DURATION_MINUTES = "duration_minutes"
ATTR_RPE = "rpe"
ATTR_SURFACE = "surface"
ATTR_SHOE = "shoe"
ATTR_START = "start"
ATTR_NOTE = "note"
ATTR_RUN_ID = "run_id"
ATTR_PATH = "path"

MAX_DISTANCE_KM = 500  # longer than any ultra: a typo, not a run


def _find_shoe(coordinator: AnkleCareCoordinator, value: str) -> Shoe:
    """Return the shoe named by id or (case-insensitive) name."""
    wanted = value.strip().casefold()
    for shoe in coordinator.records.shoes:
        if shoe.id == value or shoe.name.casefold() == wanted:
            return shoe
    raise invalid_input(
        "unknown_shoe",
        shoe=value,
        shoes=", ".join(shoe.name for shoe in coordinator.records.shoes) or "-",
    )


def log_run(
    hass: HomeAssistant, call: ServiceCall
) -> ServiceResponse | Awaitable[ServiceResponse]:
    """Record a run; respond with its id and the updated risk summary.

    A run that started before the archive's cutoff goes to the archive (read and
    written in the background of the call); every other run is recorded at once.
    """
    entry = loaded_entry(hass, call)
    coordinator = entry.runtime_data
    unit = call.data.get(ATTR_UNIT, coordinator.unit)
    if unit not in (UNIT_KM, UNIT_MI):
        raise invalid_input("unknown_unit", value=unit, allowed=f"{UNIT_KM}, {UNIT_MI}")
    distance: float = call.data[ATTR_DISTANCE]
    distance_km = distance * KM_PER_MILE if unit == UNIT_MI else distance
    if not 0 < distance_km <= MAX_DISTANCE_KM:
        raise invalid_input("distance_out_of_range", value=f"{distance:g}", unit=unit)
    duration: float | None = call.data.get(ATTR_DURATION_MINUTES)
    in_range(duration, 1, 1440, "duration_out_of_range")
    rpe: float | None = call.data.get(ATTR_RPE)
    if rpe is not None and (not rpe.is_integer() or not 1 <= rpe <= 10):
        raise invalid_input("rpe_out_of_range", value=f"{rpe:g}")
    surface = choice(
        Surface, call.data.get(ATTR_SURFACE, Surface.ROAD), "unknown_surface"
    )
    shoe_id = (
        _find_shoe(coordinator, call.data[ATTR_SHOE]).id
        if ATTR_SHOE in call.data
        else coordinator.records.default_shoe_id
    )
    run = Run(
        id=new_id(),
        start=event_time(call, ATTR_START),
        distance_km=distance_km,
        duration_minutes=duration,
        rpe=int(rpe) if rpe is not None else None,
        surface=surface,
        shoe_id=shoe_id,
        note=call.data.get(ATTR_NOTE),
    )
    if coordinator.is_archived(run.start):
        return _async_log_archived_run(coordinator, run)
    coordinator.async_add_runs([run])
    return {ATTR_RUN_ID: run.id, **risk_response(coordinator.data, coordinator.unit)}


async def _async_log_archived_run(
    coordinator: AnkleCareCoordinator, run: Run
) -> ServiceResponse:
    await coordinator.async_add_archived_run(run)
    return {ATTR_RUN_ID: run.id, **risk_response(coordinator.data, coordinator.unit)}


def delete_run(
    hass: HomeAssistant, call: ServiceCall
) -> ServiceResponse | Awaitable[ServiceResponse]:
    """Delete a run; respond with the updated risk summary.

    A run that is not among the recent runs is looked for in the archive.
    """
    coordinator = loaded_entry(hass, call).runtime_data
    run_id = call.data[ATTR_RUN_ID]
    run = coordinator.find_run(run_id)
    if run is None:
        if coordinator.archive is None:
            raise invalid_input("run_not_found", run_id=run_id)
        return _async_delete_archived_run(coordinator, run_id)
    coordinator.async_remove_run(run)
    return {ATTR_RUN_ID: run_id, **risk_response(coordinator.data, coordinator.unit)}


async def _async_delete_archived_run(
    coordinator: AnkleCareCoordinator, run_id: str
) -> ServiceResponse:
    if not await coordinator.async_remove_archived_run(run_id):
        raise invalid_input("run_not_found", run_id=run_id)
    return {ATTR_RUN_ID: run_id, **risk_response(coordinator.data, coordinator.unit)}


def _read_import(hass: HomeAssistant, path: str) -> ImportResult | None:
    """Read an import off the event loop (runs in the executor)."""
    if not hass.config.is_allowed_path(path):
        return None
    return import_activities(path)


async def import_activities_action(
    hass: HomeAssistant, call: ServiceCall
) -> ServiceResponse:
    """Import runs from a Strava export, a FIT/GPX/TCX file or a folder (admins)."""
    await require_admin(hass, call)
    entry = loaded_entry(hass, call)
    path = os.path.expanduser(call.data[ATTR_PATH])
    coordinator = entry.runtime_data
    records = coordinator.records
    result = await hass.async_add_executor_job(_read_import, hass, path)
    if result is None:
        raise invalid_input("path_not_allowed", path=path)
    if not result.runs:
        # Nothing to import: say why instead of reporting an empty import.
        if result.errors:
            error = result.errors[0]
            raise invalid_input(f"import_{error.reason}", path=path, file=error.file)
        if result.non_runs_skipped:
            raise invalid_input(
                "import_no_runs", path=path, skipped=result.non_runs_skipped
            )
        raise invalid_input("import_empty", path=path, file=os.path.basename(path))

    shoes = list(records.shoes)
    now = dt_util.utcnow()

    def merge_runs(recent: list[Run], archived: list[Run]) -> ImportMerge:
        """Dedupe against every run, archived ones too (in the executor)."""
        merge = merge_import(result, [*archived, *recent], shoes, now)
        recent.extend(merge.new_runs)  # the split sends old ones to the archive
        return merge

    def add_shoes(merge: ImportMerge) -> None:
        records.shoes.extend(merge.new_shoes)

    # Merged, split and totalled in the executor; prepared again should a run be
    # logged meanwhile (the coordinator checks `runs_version`).
    merge = await coordinator.async_change_archive(merge_runs, add_shoes)
    return {
        "imported": len(merge.new_runs),
        "duplicates": merge.duplicates,
        "non_runs_skipped": result.non_runs_skipped,
        "errors": [
            {"file": error.file, "reason": error.reason} for error in result.errors
        ],
        **risk_response(coordinator.data, coordinator.unit),
    }
