"""Field names of the actions, each written once, and the schema parts they share."""

from __future__ import annotations

import math
from typing import Any, Final

from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import ATTR_CONFIG_ENTRY_ID
from ..domain.records import SYMPTOM_FLAGS
from ..limits import MAX_NAME_LENGTH, MAX_NOTE_LENGTH, MAX_PATH_LENGTH

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
# data: export, import, delete
DATA: Final = "data"
FILE: Final = "file"
RECORD_TYPE: Final = "record_type"
END: Final = "end"


def finite_float(value: Any) -> float:
    """Coerce to a finite float: NaN, infinity and numbers past float fail."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as err:
        raise vol.Invalid(f"expected a number, got {str(value)[:20]}") from err
    if not math.isfinite(number):
        raise vol.Invalid(f"expected a finite number, got {number}")
    return number


def text(maximum: int) -> vol.All:
    """Return a string validator for text of at most `maximum` characters."""
    return vol.All(cv.string, vol.Length(max=maximum))


NAME: Final = text(MAX_NAME_LENGTH)
"""A choice, an id or a name: short text."""
PATH_TEXT: Final = text(MAX_PATH_LENGTH)
"""A file or folder path."""

ENTRY_SCHEMA: Final = vol.Schema({vol.Required(CONFIG_ENTRY_ID): NAME})
SYMPTOM_FIELDS: Final[dict[vol.Marker, Any]] = {
    vol.Optional(flag): cv.boolean for flag in SYMPTOM_FLAGS
}
# Notes are bounded again by the door, with a translated error; this stops
# megabytes of text before any work is done.
NOTE_FIELD: Final[dict[vol.Marker, Any]] = {
    vol.Optional(NOTE): text(10 * MAX_NOTE_LENGTH)
}
TIME_FIELD: Final[dict[vol.Marker, Any]] = {vol.Optional(TIME): cv.datetime}
