"""Actions that log soreness and treatments and return the assessment."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse

from .domain.records import (
    SYMPTOM_FLAGS,
    Location,
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

MAX_TREATMENT_MINUTES = 24 * 60


def _severity(value: float) -> int:
    if not value.is_integer() or not 0 <= value <= 10:
        raise invalid_input("severity_out_of_range", severity=f"{value:g}")
    return int(value)


def log_soreness(hass: HomeAssistant, call: ServiceCall) -> ServiceResponse:
    """Record how the ankle feels; respond with the assessment."""
    entry = loaded_entry(hass, call)
    severity = _severity(call.data[ATTR_SEVERITY])
    location = optional_choice(
        Location, call.data.get(ATTR_LOCATION), "unknown_location"
    )
    side = optional_choice(Side, call.data.get(ATTR_SIDE), "unknown_side")
    record = Soreness(
        id=new_id(),
        time=event_time(call),
        severity=severity,
        location=location,
        side=side,
        symptoms=frozenset(flag for flag in SYMPTOM_FLAGS if call.data.get(flag)),
        note=call.data.get(ATTR_NOTE),
    )
    coordinator = entry.runtime_data
    coordinator.records.add_soreness(record)
    coordinator.async_commit()
    return {ATTR_ENTRY_ID: record.id, **assessment_response(coordinator.data)}


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
