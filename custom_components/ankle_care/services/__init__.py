"""Actions (services) of Ankle Care, registered once for every runner.

Every action names the runner with `config_entry_id`, parses its fields and calls
the runner's one door (`door.py`), which validates and changes the records. Bad
input raises a translated `ServiceValidationError` and stores nothing. One module
per subject: `runs.py`, `soreness.py`, `exercises.py`, `reminders.py`, `data.py`
(export, import, delete). `import_activities` and the `data.py` actions are for
administrators only (`validation.require_admin`, also where the call wants a response).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
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

from ..const import DOMAIN
from . import data, exercises, fields, reminders, runs, soreness
from .fields import ENTRY_SCHEMA, NOTE_FIELD, SYMPTOM_FIELDS, TIME_FIELD

LOG_RUN_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.DISTANCE): fields.finite_float,
        vol.Optional(fields.UNIT): fields.NAME,
        vol.Optional(fields.DURATION_MINUTES): fields.finite_float,
        vol.Optional(fields.RPE): fields.finite_float,
        vol.Optional(fields.SURFACE): fields.NAME,
        vol.Optional(fields.SHOE): fields.NAME,
        vol.Optional(fields.START): cv.datetime,
        **NOTE_FIELD,
    }
)
DELETE_RUN_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.RUN_ID): fields.NAME})
IMPORT_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.PATH): fields.PATH_TEXT})
LOG_SORENESS_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.SEVERITY): fields.finite_float,
        vol.Optional(fields.LOCATION): fields.NAME,
        vol.Optional(fields.SIDE): fields.NAME,
        **SYMPTOM_FIELDS,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
DELETE_SORENESS_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Required(fields.ENTRY_ID): fields.NAME}
)
LOG_TREATMENT_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.TREATMENT): fields.NAME,
        vol.Optional(fields.DURATION_MINUTES): fields.finite_float,
        vol.Optional(fields.NUMBNESS): cv.boolean,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
LOG_VISIT_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Optional(fields.SIDE): fields.NAME,
        vol.Optional(fields.CLEARED_TO_RUN, default=False): cv.boolean,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
DELETE_VISIT_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.VISIT_ID): fields.NAME})
LOG_EXERCISE_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.EXERCISE): fields.NAME,
        vol.Optional(fields.SETS): fields.finite_float,
        vol.Optional(fields.REPS): fields.finite_float,
        vol.Optional(fields.SECONDS): fields.finite_float,
        **TIME_FIELD,
    }
)
SNOOZE_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.MINUTES): fields.finite_float})
EXPORT_DATA_SCHEMA = ENTRY_SCHEMA.extend({vol.Optional(fields.PATH): cv.string})
IMPORT_DATA_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Required(fields.DATA): vol.Any(dict, cv.string)}
)
DELETE_DATA_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Optional(fields.RECORD_TYPE): cv.string,
        vol.Optional(fields.START): cv.datetime,
        vol.Optional(fields.END): cv.datetime,
    }
)


type Handler = Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]

OPTIONAL, ONLY = SupportsResponse.OPTIONAL, SupportsResponse.ONLY
ACTIONS: tuple[tuple[str, Handler, vol.Schema, SupportsResponse], ...] = (
    ("log_run", runs.async_log_run, LOG_RUN_SCHEMA, OPTIONAL),
    ("delete_run", runs.async_delete_run, DELETE_RUN_SCHEMA, OPTIONAL),
    ("import_activities", runs.async_import_activities, IMPORT_SCHEMA, OPTIONAL),
    ("log_soreness", soreness.async_log_soreness, LOG_SORENESS_SCHEMA, OPTIONAL),
    ("get_assessment", soreness.async_get_assessment, ENTRY_SCHEMA, ONLY),
    (
        "delete_soreness",
        soreness.async_delete_soreness,
        DELETE_SORENESS_SCHEMA,
        OPTIONAL,
    ),
    ("log_treatment", soreness.async_log_treatment, LOG_TREATMENT_SCHEMA, OPTIONAL),
    (
        "log_professional_visit",
        soreness.async_log_professional_visit,
        LOG_VISIT_SCHEMA,
        OPTIONAL,
    ),
    (
        "delete_professional_visit",
        soreness.async_delete_professional_visit,
        DELETE_VISIT_SCHEMA,
        OPTIONAL,
    ),
    ("log_exercise", exercises.async_log_exercise, LOG_EXERCISE_SCHEMA, OPTIONAL),
    ("snooze_reminders", reminders.async_snooze_reminders, SNOOZE_SCHEMA, OPTIONAL),
    ("export_data", data.async_export_data, EXPORT_DATA_SCHEMA, OPTIONAL),
    ("import_data", data.async_import_data, IMPORT_DATA_SCHEMA, OPTIONAL),
    ("delete_data", data.async_delete_data, DELETE_DATA_SCHEMA, OPTIONAL),
)
"""Every action: its name, its own async handler, its schema, its response."""


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register every Ankle Care action."""
    for name, handler, schema, supports_response in ACTIONS:
        hass.services.async_register(
            DOMAIN, name, handler, schema=schema, supports_response=supports_response
        )
