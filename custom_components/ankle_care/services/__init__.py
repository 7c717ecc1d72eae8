"""Actions (services) of Ankle Care, registered once for every runner.

Every action names the runner with `config_entry_id`, parses its fields and calls
the runner's one door (`door.py`), which validates and changes the records. Bad
input raises a translated `ServiceValidationError` and stores nothing. One module
per subject: `runs.py`, `soreness.py`, `exercises.py`, `reminders.py`.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, SupportsResponse, callback
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import DOMAIN
from . import exercises, fields, reminders, runs, soreness
from .fields import ENTRY_SCHEMA, NOTE_FIELD, SYMPTOM_FIELDS, TIME_FIELD

LOG_RUN_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.DISTANCE): vol.Coerce(float),
        vol.Optional(fields.UNIT): cv.string,
        vol.Optional(fields.DURATION_MINUTES): vol.Coerce(float),
        vol.Optional(fields.RPE): vol.Coerce(float),
        vol.Optional(fields.SURFACE): cv.string,
        vol.Optional(fields.SHOE): cv.string,
        vol.Optional(fields.START): cv.datetime,
        **NOTE_FIELD,
    }
)
DELETE_RUN_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.RUN_ID): cv.string})
IMPORT_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.PATH): cv.string})
LOG_SORENESS_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.SEVERITY): vol.Coerce(float),
        vol.Optional(fields.LOCATION): cv.string,
        vol.Optional(fields.SIDE): cv.string,
        **SYMPTOM_FIELDS,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
DELETE_SORENESS_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.ENTRY_ID): cv.string})
LOG_TREATMENT_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.TREATMENT): cv.string,
        vol.Optional(fields.DURATION_MINUTES): vol.Coerce(float),
        vol.Optional(fields.NUMBNESS): cv.boolean,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
LOG_VISIT_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Optional(fields.SIDE): cv.string,
        vol.Optional(fields.CLEARED_TO_RUN, default=False): cv.boolean,
        **NOTE_FIELD,
        **TIME_FIELD,
    }
)
DELETE_VISIT_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.VISIT_ID): cv.string})
LOG_EXERCISE_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(fields.EXERCISE): cv.string,
        vol.Optional(fields.SETS): vol.Coerce(float),
        vol.Optional(fields.REPS): vol.Coerce(float),
        vol.Optional(fields.SECONDS): vol.Coerce(float),
        **TIME_FIELD,
    }
)
SNOOZE_SCHEMA = ENTRY_SCHEMA.extend({vol.Required(fields.MINUTES): vol.Coerce(float)})


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register every Ankle Care action."""
    register = hass.services.async_register
    optional, only = SupportsResponse.OPTIONAL, SupportsResponse.ONLY
    register(DOMAIN, "log_run", runs.async_log_run, LOG_RUN_SCHEMA, optional)
    register(DOMAIN, "delete_run", runs.async_delete_run, DELETE_RUN_SCHEMA, optional)
    register(
        DOMAIN,
        "import_activities",
        runs.async_import_activities,
        IMPORT_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "log_soreness",
        soreness.async_log_soreness,
        LOG_SORENESS_SCHEMA,
        optional,
    )
    register(
        DOMAIN, "get_assessment", soreness.async_get_assessment, ENTRY_SCHEMA, only
    )
    register(
        DOMAIN,
        "delete_soreness",
        soreness.async_delete_soreness,
        DELETE_SORENESS_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "log_treatment",
        soreness.async_log_treatment,
        LOG_TREATMENT_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "log_professional_visit",
        soreness.async_log_professional_visit,
        LOG_VISIT_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "delete_professional_visit",
        soreness.async_delete_professional_visit,
        DELETE_VISIT_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "log_exercise",
        exercises.async_log_exercise,
        LOG_EXERCISE_SCHEMA,
        optional,
    )
    register(
        DOMAIN,
        "snooze_reminders",
        reminders.async_snooze_reminders,
        SNOOZE_SCHEMA,
        optional,
    )
