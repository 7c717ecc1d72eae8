"""Actions (services) of Ankle Care: the one door through which records are written.

Every action names the runner with `config_entry_id`. Bad input raises a translated
`ServiceValidationError` and stores nothing. The handlers live by subject in
`soreness_actions.py`, `run_actions.py` and `exercise_log.py`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from . import exercise_log, reminder_actions, run_actions, soreness_actions
from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN
from .domain.records import SYMPTOM_FLAGS
from .validation import ATTR_TIME

type Handler = Callable[
    [HomeAssistant, ServiceCall], ServiceResponse | Awaitable[ServiceResponse]
]

ENTRY_SCHEMA = vol.Schema({vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string})
SYMPTOM_FIELDS: dict[vol.Marker, Any] = {
    vol.Optional(flag): cv.boolean for flag in SYMPTOM_FLAGS
}
NOTE: dict[vol.Marker, Any] = {vol.Optional("note"): cv.string}

SCHEMAS: dict[str, tuple[Handler, vol.Schema, SupportsResponse]] = {
    "log_soreness": (
        soreness_actions.log_soreness,
        ENTRY_SCHEMA.extend(
            {
                vol.Required("severity"): vol.Coerce(float),
                vol.Optional("location"): cv.string,
                vol.Optional("side"): cv.string,
                **SYMPTOM_FIELDS,
                **NOTE,
                vol.Optional(ATTR_TIME): cv.datetime,
            }
        ),
        SupportsResponse.OPTIONAL,
    ),
    "log_professional_visit": (
        soreness_actions.log_professional_visit,
        ENTRY_SCHEMA.extend(
            {
                vol.Optional("side"): cv.string,
                vol.Optional("cleared_to_run", default=False): cv.boolean,
                **NOTE,
                vol.Optional(ATTR_TIME): cv.datetime,
            }
        ),
        SupportsResponse.OPTIONAL,
    ),
    "delete_professional_visit": (
        soreness_actions.delete_professional_visit,
        ENTRY_SCHEMA.extend({vol.Required("visit_id"): cv.string}),
        SupportsResponse.OPTIONAL,
    ),
    "get_assessment": (
        soreness_actions.get_assessment,
        ENTRY_SCHEMA,
        SupportsResponse.ONLY,
    ),
    "delete_soreness": (
        soreness_actions.delete_soreness,
        ENTRY_SCHEMA.extend({vol.Required("entry_id"): cv.string}),
        SupportsResponse.OPTIONAL,
    ),
    "log_treatment": (
        soreness_actions.log_treatment,
        ENTRY_SCHEMA.extend(
            {
                vol.Required("treatment"): cv.string,
                vol.Optional("duration_minutes"): vol.Coerce(float),
                vol.Optional("numbness_or_tingling"): cv.boolean,
                **NOTE,
                vol.Optional(ATTR_TIME): cv.datetime,
            }
        ),
        SupportsResponse.OPTIONAL,
    ),
    "log_run": (
        run_actions.log_run,
        ENTRY_SCHEMA.extend(
            {
                vol.Required("distance"): vol.Coerce(float),
                vol.Optional("unit"): cv.string,
                vol.Optional("duration_minutes"): vol.Coerce(float),
                vol.Optional("rpe"): vol.Coerce(float),
                vol.Optional("surface"): cv.string,
                vol.Optional("shoe"): cv.string,
                vol.Optional("start"): cv.datetime,
                **NOTE,
            }
        ),
        SupportsResponse.OPTIONAL,
    ),
    "delete_run": (
        run_actions.delete_run,
        ENTRY_SCHEMA.extend({vol.Required("run_id"): cv.string}),
        SupportsResponse.OPTIONAL,
    ),
    "log_exercise": (
        exercise_log.log_exercise,
        ENTRY_SCHEMA.extend(
            {
                vol.Required("exercise"): cv.string,
                vol.Optional("sets"): vol.Coerce(float),
                vol.Optional("reps"): vol.Coerce(float),
                vol.Optional("seconds"): vol.Coerce(float),
                vol.Optional(ATTR_TIME): cv.datetime,
            }
        ),
        SupportsResponse.OPTIONAL,
    ),
    "snooze_reminders": (
        reminder_actions.snooze_reminders,
        ENTRY_SCHEMA.extend({vol.Required("minutes"): vol.Coerce(float)}),
        SupportsResponse.OPTIONAL,
    ),
    "import_activities": (
        run_actions.import_activities_action,
        ENTRY_SCHEMA.extend({vol.Required("path"): cv.string}),
        SupportsResponse.OPTIONAL,
    ),
}


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register every Ankle Care action."""
    for name, (handler, schema, supports_response) in SCHEMAS.items():

        async def _handle(
            call: ServiceCall, handler: Handler = handler
        ) -> ServiceResponse:
            result = handler(hass, call)
            if isinstance(result, Awaitable):
                result = await result
            return result if call.return_response else None

        hass.services.async_register(
            DOMAIN, name, _handle, schema=schema, supports_response=supports_response
        )
