"""Sensors: training load and injury risk, soreness, likely cause, recovery phase."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
import inspect
from typing import Any

from homeassistant.components.recorder.statistics import get_metadata
from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, UnitOfLength, UnitOfTime
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.recorder import get_instance

from .const import LOGGER, UNIT_MI
from .coordinator import AnkleCareCoordinator
from .domain.load import RiskLevel
from .domain.records import Shoe
from .domain.recovery import RecoveryPhase
from .domain.settings import LoadBasis
from .domain.snapshot import Snapshot
from .domain.triage import LikelyCause, article_quotes
from .entity import AnkleCareEntity, AnkleCareShoeEntity, async_add_shoe_entities
from .responses import ankle_summaries, local_iso as _iso, risk_factors
from .runtime import AnkleCareConfigEntry
from .texts import NOT_MEDICAL_ADVICE

PARALLEL_UPDATES = 0

type StateValue = str | int | float | datetime | None

# The acute and chronic loads are averages per day. Earlier releases gave them
# the unit of the load itself (km, AU); their recorded statistics hold the same
# numbers and only get the new unit (see `_async_relabel_statistics`).
LOAD_UNIT_KM_PER_DAY = "km/d"
LOAD_UNIT_AU_PER_DAY = "AU/d"
LEGACY_LOAD_UNITS: Mapping[str, str] = {
    LOAD_UNIT_KM_PER_DAY: UnitOfLength.KILOMETERS,
    LOAD_UNIT_AU_PER_DAY: "AU",
}


def _soreness_attributes(snapshot: Snapshot) -> dict[str, Any]:
    latest = snapshot.latest_soreness
    if latest is None:
        return {}
    return {
        "logged_at": _iso(latest.time),
        "location": latest.location.value if latest.location else None,
        "side": latest.side.value if latest.side else None,
        "current": snapshot.phase.current is latest,
    }


def _cause_attributes(snapshot: Snapshot) -> dict[str, Any]:
    assessment = snapshot.assessment
    return {
        "reasons": list(assessment.reasons),
        "red_flags": [flag.value for flag in assessment.red_flags],
        "article": [
            quote.value
            for quote in article_quotes([assessment.cause, *assessment.reasons])
        ],
        "disclaimer": NOT_MEDICAL_ADVICE,
    }


def _phase_attributes(snapshot: Snapshot) -> dict[str, Any]:
    phase = snapshot.phase
    return {
        "since": _iso(phase.since),
        "day_of_care": phase.day_of_care,
        "next_step": phase.next_step,
        "may_run": phase.may_run,
        "reasons": list(phase.reasons),
        "acute_window_ends": _iso(phase.acute_window_ends),
        "professional_due": _iso(phase.professional_due),
        "referral": phase.referral.value if phase.referral else None,
        "ankles": ankle_summaries(phase),
        "disclaimer": NOT_MEDICAL_ADVICE,
    }


def _risk_attributes(snapshot: Snapshot) -> dict[str, Any]:
    load = snapshot.load
    return {
        "factors": risk_factors(load.risk_factors, digits=2),
        "acwr_method": load.acwr_method.value,
        "history_days": load.history_days,
        "disclaimer": NOT_MEDICAL_ADVICE,
    }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True, kw_only=True)
class AnkleCareSensorDescription(SensorEntityDescription):
    """Describes one Ankle Care sensor.

    `distance` sensors report km and suggest the runner's unit for display;
    `load_unit` sensors are daily averages of the load (km/d, or AU/d with
    session RPE).
    """

    value_fn: Callable[[Snapshot], StateValue]
    attributes_fn: Callable[[Snapshot], Mapping[str, Any]] | None = None
    distance: bool = False
    load_unit: bool = False


SENSORS: tuple[AnkleCareSensorDescription, ...] = (
    AnkleCareSensorDescription(
        key="injury_risk",
        translation_key="injury_risk",
        device_class=SensorDeviceClass.ENUM,
        options=[level.value for level in RiskLevel],
        value_fn=lambda s: s.load.risk.value,
        attributes_fn=_risk_attributes,
    ),
    AnkleCareSensorDescription(
        key="load_ratio",
        translation_key="load_ratio",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        value_fn=lambda s: _round(s.load.load_ratio),
        attributes_fn=lambda s: {"acwr_method": s.load.acwr_method.value},
    ),
    AnkleCareSensorDescription(
        key="acute_load",
        translation_key="acute_load",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda s: _round(s.load.acute_load),
        load_unit=True,
    ),
    AnkleCareSensorDescription(
        key="chronic_load",
        translation_key="chronic_load",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda s: _round(s.load.chronic_load),
        load_unit=True,
    ),
    AnkleCareSensorDescription(
        key="weekly_distance",
        translation_key="weekly_distance",
        device_class=SensorDeviceClass.DISTANCE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda s: s.load.weekly_distance_km,
        attributes_fn=lambda s: {
            "previous_week_km": round(s.load.previous_week_distance_km, 2)
        },
        distance=True,
    ),
    AnkleCareSensorDescription(
        key="weekly_distance_change",
        translation_key="weekly_distance_change",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda s: _round(s.load.weekly_change_pct, 1),
    ),
    AnkleCareSensorDescription(
        key="training_monotony",
        translation_key="training_monotony",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        value_fn=lambda s: _round(s.load.monotony),
        attributes_fn=lambda s: {"strain": _round(s.load.strain, 1)},
    ),
    AnkleCareSensorDescription(
        key="safe_distance_today",
        translation_key="safe_distance_today",
        device_class=SensorDeviceClass.DISTANCE,
        suggested_display_precision=1,
        value_fn=lambda s: s.load.safe_distance_today_km,
        attributes_fn=lambda s: {"disclaimer": NOT_MEDICAL_ADVICE},
        distance=True,
    ),
    AnkleCareSensorDescription(
        key="next_reminder",
        translation_key="next_reminder",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda s: s.next_reminder.due if s.next_reminder else None,
        attributes_fn=lambda s: {
            "kind": s.next_reminder.kind.value if s.next_reminder else None
        },
    ),
    AnkleCareSensorDescription(
        key="exercise_adherence",
        translation_key="exercise_adherence",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda s: _round(s.program.adherence, 1),
    ),
    AnkleCareSensorDescription(
        key="exercise_streak",
        translation_key="exercise_streak",
        native_unit_of_measurement=UnitOfTime.DAYS,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.program.streak,
    ),
    AnkleCareSensorDescription(
        key="soreness",
        translation_key="soreness",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=lambda s: s.latest_soreness.severity if s.latest_soreness else None,
        attributes_fn=_soreness_attributes,
    ),
    AnkleCareSensorDescription(
        key="likely_cause",
        translation_key="likely_cause",
        device_class=SensorDeviceClass.ENUM,
        options=[cause.value for cause in LikelyCause],
        value_fn=lambda s: s.assessment.cause.value,
        attributes_fn=_cause_attributes,
    ),
    AnkleCareSensorDescription(
        key="recovery_phase",
        translation_key="recovery_phase",
        device_class=SensorDeviceClass.ENUM,
        options=[phase.value for phase in RecoveryPhase],
        value_fn=lambda s: s.phase.phase.value,
        attributes_fn=_phase_attributes,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's sensors."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(
        AnkleCareSensor(coordinator, description) for description in SENSORS
    )
    async_add_shoe_entities(entry, async_add_entities, ShoeDistanceSensor)


def _distance_unit(coordinator: AnkleCareCoordinator) -> str:
    return (
        UnitOfLength.MILES if coordinator.unit == UNIT_MI else UnitOfLength.KILOMETERS
    )


class AnkleCareSensor(AnkleCareEntity, SensorEntity):
    """A sensor that shows one figure of the runner's snapshot."""

    # The lists behind a state (every ankle, every risk factor, the keys of the
    # article's sentences) change with each entry: shown, but not recorded.
    _unrecorded_attributes = frozenset({"ankles", "article", "factors"})
    entity_description: AnkleCareSensorDescription

    def __init__(
        self, coordinator: AnkleCareCoordinator, description: AnkleCareSensorDescription
    ) -> None:
        """Initialise; distances are shown in the runner's unit."""
        super().__init__(coordinator, description)
        if description.distance:
            self._attr_native_unit_of_measurement = UnitOfLength.KILOMETERS
            self._attr_suggested_unit_of_measurement = _distance_unit(coordinator)
        elif description.load_unit:
            self._attr_native_unit_of_measurement = (
                LOAD_UNIT_AU_PER_DAY
                if coordinator.settings.load_basis is LoadBasis.SESSION_RPE
                else LOAD_UNIT_KM_PER_DAY
            )

    async def async_added_to_hass(self) -> None:
        """Relabel statistics recorded in an older unit of the load averages."""
        await super().async_added_to_hass()
        unit = self.native_unit_of_measurement
        if unit is not None and unit in LEGACY_LOAD_UNITS:
            _async_relabel_statistics(self.hass, self.entity_id, unit)

    @property
    def native_value(self) -> StateValue:
        """Return the figure."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the explanation behind the figure."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator.data)


@callback
def _async_relabel_statistics(hass: HomeAssistant, entity_id: str, unit: str) -> None:
    """Give statistics recorded as km (or AU) the per-day unit they always meant.

    The numbers stay as they are: only the unit in the statistics' metadata changes,
    so the long-term statistics go on without a "unit changed" issue.
    """
    if "recorder" not in hass.config.components:
        return
    hass.async_create_background_task(
        _async_relabel(hass, entity_id, unit), f"{entity_id} statistics unit"
    )


async def _async_relabel(hass: HomeAssistant, entity_id: str, unit: str) -> None:
    recorder = get_instance(hass)
    found = await recorder.async_add_executor_job(
        partial(get_metadata, hass, statistic_ids={entity_id})
    )
    if entity_id not in found:
        return
    if found[entity_id][1]["unit_of_measurement"] != LEGACY_LOAD_UNITS[unit]:
        return
    update = recorder.async_update_statistics_metadata
    changes: dict[str, Any] = {"new_unit_of_measurement": unit}
    # Home Assistant 2025.10 and newer keep a unit class (here: distance) beside
    # the unit; a per-day load has none.
    if "new_unit_class" in inspect.signature(update).parameters:
        changes["new_unit_class"] = None
    update(entity_id, **changes)
    LOGGER.info("Statistics of %s now have the unit %s (per day)", entity_id, unit)


class ShoeDistanceSensor(AnkleCareShoeEntity, SensorEntity):
    """Distance run in one pair of shoes, shown in the runner's unit."""

    _attr_device_class = SensorDeviceClass.DISTANCE
    _attr_native_unit_of_measurement = UnitOfLength.KILOMETERS
    _attr_state_class = SensorStateClass.TOTAL
    _attr_suggested_display_precision = 0
    _attr_translation_key = "shoe_distance"

    def __init__(self, coordinator: AnkleCareCoordinator, shoe: Shoe) -> None:
        """Initialise for one shoe."""
        super().__init__(coordinator, shoe, "shoe_distance")
        self._attr_suggested_unit_of_measurement = _distance_unit(coordinator)

    @property
    def native_value(self) -> float:
        """Return the distance on the shoe in km."""
        return self.shoe_km

    @property
    def extra_state_attributes(self) -> Mapping[str, Any]:
        """Return the shoe's wear limit (km) and whether it is the default shoe."""
        return {
            "limit_km": self.limit_km,
            "default": self.coordinator.records.default_shoe_id == self.shoe_id,
        }
