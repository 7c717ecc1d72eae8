"""Actions that log, delete and import runs and return the risk summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
import os

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse
from homeassistant.util import dt as dt_util

from .const import UNIT_KM, UNIT_MI
from .coordinator import AnkleCareCoordinator
from .domain.import_merge import ImportMerge, merge_import
from .domain.importers import ImportResult, import_activities
from .domain.load import LoadHistory
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


def log_run(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record a run; respond with its id and the updated risk summary."""
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
    coordinator.async_add_runs([run])
    return {ATTR_RUN_ID: run.id, **risk_response(coordinator.data, coordinator.unit)}


def delete_run(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Delete a run; respond with the updated risk summary."""
    coordinator = loaded_entry(hass, call).runtime_data
    run_id = call.data[ATTR_RUN_ID]
    run = next((run for run in coordinator.records.runs if run.id == run_id), None)
    if run is None:
        raise invalid_input("run_not_found", run_id=run_id)
    coordinator.async_remove_run(run)
    return {ATTR_RUN_ID: run_id, **risk_response(coordinator.data, coordinator.unit)}


@dataclass(frozen=True, slots=True)
class _PreparedImport:
    """An import read and merged in the executor, ready to swap in."""

    result: ImportResult
    merge: ImportMerge
    runs: list[Run]
    history: LoadHistory


def _prepare_import(
    hass: HomeAssistant,
    path: str,
    runs: list[Run],
    shoes: list[Shoe],
    tz: tzinfo,
) -> _PreparedImport | None:
    """Read, merge and total an import off the event loop (runs in the executor).

    `runs` and `shoes` are copies of the stored lists; the merged run list and a
    load history for it are built here, so the event loop only swaps them in.
    """
    if not hass.config.is_allowed_path(path):
        return None
    result = import_activities(path)
    merge = merge_import(result, runs, shoes, dt_util.utcnow())
    merged = sorted([*runs, *merge.new_runs], key=lambda run: run.start)
    history = LoadHistory(tz)
    history.rebuild(merged)
    return _PreparedImport(result, merge, merged, history)


async def import_activities_action(
    hass: HomeAssistant, call: ServiceCall
) -> ServiceResponse:
    """Import runs from a Strava export, a FIT/GPX/TCX file or a folder (admins)."""
    await require_admin(hass, call)
    entry = loaded_entry(hass, call)
    path = os.path.expanduser(call.data[ATTR_PATH])
    coordinator = entry.runtime_data
    records = coordinator.records
    version = coordinator.runs_version
    prepared = await hass.async_add_executor_job(
        _prepare_import,
        hass,
        path,
        list(records.runs),
        list(records.shoes),
        coordinator.history.tz,
    )
    if prepared is None:
        raise invalid_input("path_not_allowed", path=path)
    result, merge = prepared.result, prepared.merge
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

    records.shoes.extend(merge.new_shoes)
    if coordinator.runs_version == version:
        coordinator.async_replace_all_runs(prepared.runs, prepared.history)
    else:  # a run was logged meanwhile: add the imported ones one by one
        coordinator.async_add_runs(merge.new_runs)
    return {
        "imported": len(merge.new_runs),
        "duplicates": merge.duplicates,
        "non_runs_skipped": result.non_runs_skipped,
        "errors": [
            {"file": error.file, "reason": error.reason} for error in result.errors
        ],
        **risk_response(coordinator.data, coordinator.unit),
    }
