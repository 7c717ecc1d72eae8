"""Constants for Ankle Care."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "ankle_care"
LOGGER = logging.getLogger(__package__)

MANUFACTURER: Final = "Ankle Care"
MODEL: Final = "Runner"

CONF_UNIT: Final = "unit"
UNIT_KM: Final = "km"
UNIT_MI: Final = "mi"

# Store
STORAGE_VERSION: Final = 1
STORAGE_MINOR_VERSION: Final = 1
SAVE_DELAY_SECONDS: Final = 10

# Options: keys as stored (flat) in entry.options
CONF_ICE_INTERVAL_HOURS: Final = "ice_interval_hours"
CONF_ICE_MINUTES: Final = "ice_minutes"
CONF_ACUTE_WINDOW_HOURS: Final = "acute_window_hours"
CONF_PROFESSIONAL_AFTER_DAYS: Final = "professional_after_days"
CONF_SEVERE_PAIN_THRESHOLD: Final = "severe_pain_threshold"
CONF_QUIET_START: Final = "quiet_start"
CONF_QUIET_END: Final = "quiet_end"
CONF_WEEKLY_INCREASE_WARNING: Final = "weekly_increase_warning"
CONF_WEEKLY_INCREASE_HIGH: Final = "weekly_increase_high"
CONF_SHOE_MAX_KM: Final = "shoe_max_km"
CONF_ACWR_METHOD: Final = "acwr_method"
CONF_LOAD_BASIS: Final = "load_basis"
CONF_EXERCISE_REMINDER_TIME: Final = "exercise_reminder_time"
CONF_NOTIFY_ENTITIES: Final = "notify_entities"
CONF_NOTIFY_SERVICES: Final = "notify_services"
CONF_TTS_ENTITY: Final = "tts_entity"
CONF_MEDIA_PLAYERS: Final = "media_players"
CONF_ASSIST_SATELLITES: Final = "assist_satellites"
CONF_DISTANCE_SOURCE: Final = "distance_source"

# Service fields shared by every action
ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
