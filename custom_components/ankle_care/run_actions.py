"""Actions that log, delete and import runs and return the risk summary."""

from __future__ import annotations

import os

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse
from homeassistant.util import dt as dt_util

from .const import UNIT_KM, UNIT_MI
from .coordinator import AnkleCareCoordinator
from .domain.importers import ImportResult, dedupe_key, import_activities
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


def _read_allowed(hass: HomeAssistant, path: str) -> ImportResult | None:
    """Parse the path if Home Assistant allows reading it (runs in the executor)."""
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
    result = await hass.async_add_executor_job(_read_allowed, hass, path)
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

    coordinator = entry.runtime_data
    records = coordinator.records
    seen_ids: set[tuple[str, str | None]] = {
        (run.source, run.source_id) for run in records.runs if run.source_id
    }
    seen_keys = {dedupe_key(run.start, run.distance_km) for run in records.runs}
    shoes = {shoe.name.casefold(): shoe for shoe in records.shoes}
    now = dt_util.now()
    new_runs: list[Run] = []
    duplicates = result.duplicates_skipped
    for imported in result.runs:
        source_key = (imported.source, imported.source_id)
        if (imported.source_id and source_key in seen_ids) or (
            imported.dedupe_key in seen_keys
        ):
            duplicates += 1
            continue
        seen_ids.add(source_key)
        seen_keys.add(imported.dedupe_key)
        shoe_id = None
        if imported.shoe_name:
            shoe = shoes.get(imported.shoe_name.casefold())
            if shoe is None:
                shoe = Shoe(id=new_id(), name=imported.shoe_name, added=now)
                shoes[shoe.name.casefold()] = shoe
                records.shoes.append(shoe)
            shoe_id = shoe.id
        new_runs.append(imported.to_run(new_id(), shoe_id=shoe_id))
    coordinator.async_add_runs(new_runs)
    return {
        "imported": len(new_runs),
        "duplicates": duplicates,
        "non_runs_skipped": result.non_runs_skipped,
        "errors": [
            {"file": error.file, "reason": error.reason} for error in result.errors
        ],
        **risk_response(coordinator.data, coordinator.unit),
    }
