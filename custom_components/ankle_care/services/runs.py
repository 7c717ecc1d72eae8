"""Actions about runs: log, delete and import; each responds with the risk summary."""

from __future__ import annotations

from dataclasses import replace
import os
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse
from homeassistant.util import dt as dt_util

from ..const import UNIT_KM, UNIT_MI
from ..domain.importers import (
    DEFAULT_LIMITS,
    ImportLimits,
    ImportResult,
    WarningReason,
    import_activities,
)
from ..domain.records import KM_PER_MILE, Surface
from ..door import invalid_input
from ..limits import FUTURE_TOLERANCE, MAX_DISTANCE_KM
from ..responses import risk_response
from ..runtime import AnkleCareData
from ..texts import async_get_texts
from . import fields
from .validation import choice, require_admin, runtime

IMPORT_LIMITS: ImportLimits = replace(
    DEFAULT_LIMITS, max_run_km=MAX_DISTANCE_KM, future_tolerance=FUTURE_TOLERANCE
)
"""What an import reads, its runs held to the limits of `log_run` (dates from 1991)."""

LEFT_OUT = frozenset(
    {WarningReason.NO_DISTANCE, WarningReason.TOO_EARLY, WarningReason.IN_FUTURE}
)
"""Warnings about runs left out: each has an error text for an import of nothing else."""


async def _risk(call: ServiceCall, data: AnkleCareData) -> dict[str, Any]:
    """Return the runner's risk summary, its note in Home Assistant's language."""
    coordinator = data.coordinator
    return risk_response(
        coordinator.data, coordinator.unit, await async_get_texts(call.hass)
    )


async def async_log_run(call: ServiceCall) -> ServiceResponse:
    """Record a run; respond with its id and the updated risk summary."""
    data = runtime(call)
    coordinator = data.coordinator
    unit = call.data.get(fields.UNIT, coordinator.unit)
    if unit not in (UNIT_KM, UNIT_MI):
        raise invalid_input("unknown_unit", value=unit, allowed=f"{UNIT_KM}, {UNIT_MI}")
    distance: float = call.data[fields.DISTANCE]
    run = await data.door.async_log_run(
        distance_km=distance * KM_PER_MILE if unit == UNIT_MI else distance,
        distance_shown=distance,
        unit=unit,
        start=call.data.get(fields.START),
        duration_minutes=call.data.get(fields.DURATION_MINUTES),
        rpe=call.data.get(fields.RPE),
        surface=choice(
            Surface, call.data.get(fields.SURFACE, Surface.ROAD), "unknown_surface"
        ),
        shoe=call.data.get(fields.SHOE),
        note=call.data.get(fields.NOTE),
    )
    return {fields.RUN_ID: run.id, **await _risk(call, data)}


async def async_delete_run(call: ServiceCall) -> ServiceResponse:
    """Delete a run; respond with the updated risk summary."""
    data = runtime(call)
    run_id = call.data[fields.RUN_ID]
    await data.door.async_delete_run(run_id)
    return {fields.RUN_ID: run_id, **await _risk(call, data)}


def _read_import(call: ServiceCall, path: str) -> ImportResult | None:
    """Read an import off the event loop (runs in the executor).

    None when Home Assistant may not read the path (or cannot even look it up);
    runs are held to log_run's limits (`IMPORT_LIMITS`).
    """
    allowed = False
    # A name the system cannot look up (too long, a NUL) is judged by its folder,
    # and the import then reports it as unreadable.
    for candidate in (path, os.path.dirname(path)):
        try:
            allowed = call.hass.config.is_allowed_path(candidate)
            break
        except (OSError, ValueError):
            continue
    if not allowed:
        return None
    return import_activities(
        path,
        limits=IMPORT_LIMITS,
        time_zone=dt_util.get_default_time_zone(),
        now=dt_util.utcnow(),
    )


async def async_import_activities(call: ServiceCall) -> ServiceResponse:
    """Import runs from a Strava export, a FIT/GPX/TCX file or a folder (admins)."""
    await require_admin(call)
    data = runtime(call)
    path = os.path.expanduser(call.data[fields.PATH])
    result = await call.hass.async_add_executor_job(_read_import, call, path)
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
        if left_out := [
            warning for warning in result.warnings if warning.reason in LEFT_OUT
        ]:
            raise invalid_input(
                f"import_{left_out[0].reason}", path=path, file=left_out[0].file
            )
        raise invalid_input("import_empty", path=path, file=os.path.basename(path))
    merge = await data.door.async_import_runs(result)
    return {
        "imported": len(merge.new_runs),
        "merged": merge.merged,
        "duplicates": merge.duplicates,
        "non_runs_skipped": result.non_runs_skipped,
        "errors": [
            {"file": error.file, "reason": error.reason} for error in result.errors
        ],
        "warnings": [
            {"file": warning.file, "reason": warning.reason}
            for warning in result.warnings
        ],
        **await _risk(call, data),
    }
