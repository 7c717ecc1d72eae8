"""Field names of the actions, each written once, and the schema parts they share."""

from __future__ import annotations

from typing import Any, Final

from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import ATTR_CONFIG_ENTRY_ID
from ..domain.records import SYMPTOM_FLAGS

CONFIG_ENTRY_ID: Final = ATTR_CONFIG_ENTRY_ID
TIME: Final = "time"
NOTE: Final = "note"
# runs
DISTANCE: Final = "distance"
UNIT: Final = "unit"
DURATION_MINUTES: Final = "duration_minutes"
RPE: Final = "rpe"
SURFACE: Final = "surface"
SHOE: Final = "shoe"
START: Final = "start"
RUN_ID: Final = "run_id"
PATH: Final = "path"
# soreness, treatments, visits
SEVERITY: Final = "severity"
LOCATION: Final = "location"
SIDE: Final = "side"
ENTRY_ID: Final = "entry_id"
TREATMENT: Final = "treatment"
NUMBNESS: Final = "numbness_or_tingling"
CLEARED_TO_RUN: Final = "cleared_to_run"
VISIT_ID: Final = "visit_id"
# exercises and reminders
EXERCISE: Final = "exercise"
SETS: Final = "sets"
REPS: Final = "reps"
SECONDS: Final = "seconds"
MINUTES: Final = "minutes"

ENTRY_SCHEMA: Final = vol.Schema({vol.Required(CONFIG_ENTRY_ID): cv.string})
SYMPTOM_FIELDS: Final[dict[vol.Marker, Any]] = {
    vol.Optional(flag): cv.boolean for flag in SYMPTOM_FLAGS
}
NOTE_FIELD: Final[dict[vol.Marker, Any]] = {vol.Optional(NOTE): cv.string}
TIME_FIELD: Final[dict[vol.Marker, Any]] = {vol.Optional(TIME): cv.datetime}
