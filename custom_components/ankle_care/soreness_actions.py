"""Actions that log soreness and treatments and return the assessment."""

from __future__ import annotations

from datetime import datetime

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse

from .coordinator import AnkleCareCoordinator
from .domain.records import (
    SYMPTOM_FLAGS,
    Location,
    ProfessionalVisit,
    Side,
    Soreness,
    Treatment,
    TreatmentKind,
    new_id,
    pop_by_id,
)
from .domain.triage import compression_advice
from .responses import assessment_response
from .validation import (
    choice,
    event_time,
    in_range,
    invalid_input,
    loaded_entry,
    optional_choice,
)

ATTR_SEVERITY = "severity"
ATTR_LOCATION = "location"
ATTR_SIDE = "side"
ATTR_NOTE = "note"
ATTR_ENTRY_ID = "entry_id"
ATTR_TREATMENT = "treatment"
ATTR_DURATION_MINUTES = "duration_minutes"
ATTR_NUMBNESS = "numbness_or_tingling"
ATTR_CLEARED = "cleared_to_run"
ATTR_VISIT_ID = "visit_id"

MAX_TREATMENT_MINUTES = 24 * 60


def _severity(value: float) -> int:
    if not value.is_integer() or not 0 <= value <= 10:
        raise invalid_input("severity_out_of_range", severity=f"{value:g}")
    return int(value)


def _side_names(sides: list[Side | None]) -> str:
    return ", ".join(side.value for side in sides if side is not None)


def _entry_side(
    coordinator: AnkleCareCoordinator, side: Side | None, at: datetime
) -> Side | None:
    """Return the ankle an entry belongs to; refuse when two episodes are open.

    An entry without a side belongs to the only ankle with an open episode, so the
    resolved side is stored with it.
    """
    if side is not None:
        return side
    open_ankles = coordinator.open_ankles(at)
    if len(open_ankles) > 1:
        raise invalid_input("side_required", ankles=_side_names(open_ankles))
    return open_ankles[0] if open_ankles else None


def log_soreness(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record how the ankle feels; respond with the assessment."""
    entry = loaded_entry(hass, call)
    severity = _severity(call.data[ATTR_SEVERITY])
    location = optional_choice(
        Location, call.data.get(ATTR_LOCATION), "unknown_location"
    )
    coordinator = entry.runtime_data
    time = event_time(call)
    side = _entry_side(
        coordinator,
        optional_choice(Side, call.data.get(ATTR_SIDE), "unknown_side"),
        time,
    )
    record = Soreness(
        id=new_id(),
        time=time,
        severity=severity,
        location=location,
        side=side,
        symptoms=frozenset(flag for flag in SYMPTOM_FLAGS if call.data.get(flag)),
        note=call.data.get(ATTR_NOTE),
    )
    coordinator.records.add_soreness(record)
    coordinator.async_commit()
    return {ATTR_ENTRY_ID: record.id, **assessment_response(coordinator.data)}


def log_professional_visit(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record a visit to a medical professional for one ankle."""
    entry = loaded_entry(hass, call)
    coordinator = entry.runtime_data
    time = event_time(call)
    side = optional_choice(Side, call.data.get(ATTR_SIDE), "unknown_side")
    if side is None:
        open_ankles = coordinator.open_ankles(time)
        if not open_ankles:
            raise invalid_input("visit_no_open_ankle")
        if len(open_ankles) > 1:
            raise invalid_input("visit_side_required", ankles=_side_names(open_ankles))
        side = open_ankles[0]
    record = ProfessionalVisit(
        id=new_id(),
        time=time,
        side=side,
        cleared_to_run=bool(call.data.get(ATTR_CLEARED, False)),
        note=call.data.get(ATTR_NOTE),
    )
    coordinator.records.add_visit(record)
    coordinator.async_commit()
    return {ATTR_VISIT_ID: record.id, **assessment_response(coordinator.data)}


def delete_professional_visit(
    hass: HomeAssistant, call: ServiceCall
) -> ServiceResponse:
    """Delete a professional visit logged by mistake."""
    coordinator = loaded_entry(hass, call).runtime_data
    visit_id = call.data[ATTR_VISIT_ID]
    if pop_by_id(coordinator.records.visits, visit_id) is None:
        raise invalid_input("visit_not_found", visit_id=visit_id)
    coordinator.async_commit()
    return {ATTR_VISIT_ID: visit_id, **assessment_response(coordinator.data)}


def get_assessment(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Respond with the current assessment."""
    coordinator = loaded_entry(hass, call).runtime_data
    coordinator.async_recompute()
    return assessment_response(coordinator.data)


def delete_soreness(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Delete a soreness entry logged by mistake."""
    coordinator = loaded_entry(hass, call).runtime_data
    record_id = call.data[ATTR_ENTRY_ID]
    if pop_by_id(coordinator.records.soreness, record_id) is None:
        raise invalid_input("soreness_not_found", entry_id=record_id)
    coordinator.async_commit()
    return {ATTR_ENTRY_ID: record_id, **assessment_response(coordinator.data)}


def log_treatment(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record rest, ice, compression or elevation."""
    entry = loaded_entry(hass, call)
    kind = choice(TreatmentKind, call.data[ATTR_TREATMENT], "unknown_treatment")
    duration: float | None = call.data.get(ATTR_DURATION_MINUTES)
    in_range(
        duration, 0, MAX_TREATMENT_MINUTES, "duration_out_of_range", exclusive_min=True
    )
    numbness: bool | None = call.data.get(ATTR_NUMBNESS)
    if numbness is not None and kind is not TreatmentKind.COMPRESSION:
        raise invalid_input("numbness_only_for_compression", treatment=kind.value)
    record = Treatment(
        id=new_id(),
        time=event_time(call),
        treatment=kind,
        duration_minutes=duration,
        numbness_or_tingling=numbness,
        note=call.data.get(ATTR_NOTE),
    )
    coordinator = entry.runtime_data
    coordinator.records.add_treatment(record)
    coordinator.async_commit()
    return {
        "treatment_id": record.id,
        "advice": compression_advice(record),
        **assessment_response(coordinator.data),
    }
