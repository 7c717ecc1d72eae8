"""Actions about the ankle: soreness, treatments and professional visits.

Each responds with the assessment (likely cause, red flags, recovery phase).
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse

from ..domain.records import SYMPTOM_FLAGS, Location, Side, TreatmentKind
from ..domain.triage import compression_advice
from ..responses import assessment_response
from ..runtime import AnkleCareData
from ..texts import async_get_texts
from . import fields
from .validation import choice, optional_choice, runtime


def _side(call: ServiceCall) -> Side | None:
    return optional_choice(Side, call.data.get(fields.SIDE), "unknown_side")


async def _assessment(call: ServiceCall, data: AnkleCareData) -> dict[str, Any]:
    """Return the runner's assessment, its texts in Home Assistant's language."""
    return assessment_response(data.coordinator.data, await async_get_texts(call.hass))


async def async_log_soreness(call: ServiceCall) -> ServiceResponse:
    """Record how the ankle feels; respond with the assessment."""
    data = runtime(call)
    record = await data.door.async_log_soreness(
        severity=call.data[fields.SEVERITY],
        time=call.data.get(fields.TIME),
        location=optional_choice(
            Location, call.data.get(fields.LOCATION), "unknown_location"
        ),
        side=_side(call),
        symptoms=frozenset(flag for flag in SYMPTOM_FLAGS if call.data.get(flag)),
        note=call.data.get(fields.NOTE),
    )
    return {fields.ENTRY_ID: record.id, **await _assessment(call, data)}


async def async_get_assessment(call: ServiceCall) -> ServiceResponse:
    """Respond with the current assessment."""
    data = runtime(call)
    data.coordinator.async_recompute()
    return await _assessment(call, data)


async def async_delete_soreness(call: ServiceCall) -> ServiceResponse:
    """Delete a soreness entry logged by mistake."""
    data = runtime(call)
    entry_id = call.data[fields.ENTRY_ID]
    await data.door.async_delete_soreness(entry_id)
    return {fields.ENTRY_ID: entry_id, **await _assessment(call, data)}


async def async_log_treatment(call: ServiceCall) -> ServiceResponse:
    """Record rest, ice, compression or elevation."""
    data = runtime(call)
    record = await data.door.async_log_treatment(
        treatment=choice(
            TreatmentKind, call.data[fields.TREATMENT], "unknown_treatment"
        ),
        time=call.data.get(fields.TIME),
        duration_minutes=call.data.get(fields.DURATION_MINUTES),
        numbness_or_tingling=call.data.get(fields.NUMBNESS),
        note=call.data.get(fields.NOTE),
    )
    return {
        "treatment_id": record.id,
        "advice": compression_advice(record),
        **await _assessment(call, data),
    }


async def async_log_professional_visit(call: ServiceCall) -> ServiceResponse:
    """Record a visit to a medical professional for one ankle."""
    data = runtime(call)
    record = await data.door.async_log_visit(
        time=call.data.get(fields.TIME),
        side=_side(call),
        cleared_to_run=call.data[fields.CLEARED_TO_RUN],
        note=call.data.get(fields.NOTE),
    )
    return {fields.VISIT_ID: record.id, **await _assessment(call, data)}


async def async_delete_professional_visit(call: ServiceCall) -> ServiceResponse:
    """Delete a professional visit logged by mistake."""
    data = runtime(call)
    visit_id = call.data[fields.VISIT_ID]
    await data.door.async_delete_visit(visit_id)
    return {fields.VISIT_ID: visit_id, **await _assessment(call, data)}
