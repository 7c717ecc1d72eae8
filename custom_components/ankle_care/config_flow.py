"""Config, reconfigure and options flows: everything is set up in the UI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
import math
from typing import Any

from homeassistant.config_entries import (
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import section
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TimeSelector,
)
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_system import METRIC_SYSTEM
import voluptuous as vol

from .const import (
    CONF_ACUTE_WINDOW_HOURS,
    CONF_ACWR_METHOD,
    CONF_ASSIST_SATELLITES,
    CONF_DISTANCE_SOURCE,
    CONF_EXERCISE_REMINDER_TIME,
    CONF_ICE_INTERVAL_HOURS,
    CONF_ICE_MINUTES,
    CONF_LOAD_BASIS,
    CONF_MEDIA_PLAYERS,
    CONF_NOTIFY_ENTITIES,
    CONF_NOTIFY_SERVICES,
    CONF_PROFESSIONAL_AFTER_DAYS,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_SEVERE_PAIN_THRESHOLD,
    CONF_SHOE_MAX_KM,
    CONF_TTS_ENTITY,
    CONF_UNIT,
    CONF_WEEKLY_INCREASE_HIGH,
    CONF_WEEKLY_INCREASE_WARNING,
    DOMAIN,
    UNIT_KM,
    UNIT_MI,
)
from .domain.records import KM_PER_MILE, Shoe, new_id
from .domain.settings import NUMERIC_OPTIONS, TIME_OPTIONS, AcwrMethod, LoadBasis
from .entity import async_show_distances_in
from .limits import MAX_NAME_LENGTH
from .runtime import AnkleCareConfigEntry

CONF_SHOE = "shoe"
CONF_SHOE_LIMIT = "max_distance"
CONF_DEFAULT = "default"
CONF_RETIRED = "retired"

SECTION_CARE = "care"
SECTION_TRAINING = "training"
SECTION_REMINDERS = "reminders"

CARE_NUMBERS = (
    CONF_ICE_MINUTES,
    CONF_ICE_INTERVAL_HOURS,
    CONF_ACUTE_WINDOW_HOURS,
    CONF_PROFESSIONAL_AFTER_DAYS,
    CONF_SEVERE_PAIN_THRESHOLD,
)
TRAINING_NUMBERS = (CONF_WEEKLY_INCREASE_WARNING, CONF_WEEKLY_INCREASE_HIGH)
NUMBER_UNITS = {
    CONF_ICE_MINUTES: "min",
    CONF_ICE_INTERVAL_HOURS: "h",
    CONF_ACUTE_WINDOW_HOURS: "h",
    CONF_PROFESSIONAL_AFTER_DAYS: "d",
    CONF_WEEKLY_INCREASE_WARNING: "%",
    CONF_WEEKLY_INCREASE_HIGH: "%",
}
ENTITY_LIST_OPTIONS = {
    CONF_NOTIFY_ENTITIES: "notify",
    CONF_MEDIA_PLAYERS: "media_player",
    CONF_ASSIST_SATELLITES: "assist_satellite",
}
# Legacy notify services that are not a device to send a reminder to.
NOT_A_TARGET = {"send_message", "persistent_notification"}


def _unique_id(name: str) -> str:
    return name.strip().casefold()


def _finite(value: float) -> bool:
    """Return whether a form's number is finite ("nan" text passes a selector)."""
    return math.isfinite(value)


def _name_error(name: str) -> str | None:
    """Return the form error of a runner's or shoe's name, None when it is fine."""
    if not name:
        return "name_required"
    if len(name) > MAX_NAME_LENGTH:
        return "name_too_long"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "name_invalid"
    return None


def _runner_schema(name: str, unit: str) -> vol.Schema:
    return vol.Schema(
        {
            vol.Required(CONF_NAME, default=name): TextSelector(),
            vol.Required(CONF_UNIT, default=unit): SelectSelector(
                SelectSelectorConfig(
                    options=[UNIT_KM, UNIT_MI],
                    translation_key=CONF_UNIT,
                    mode=SelectSelectorMode.LIST,
                )
            ),
        }
    )


class AnkleCareConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a runner."""

    VERSION = 1
    # 1.2: severe_pain_threshold 8 (old default) -> 7, 9 and 10 -> 8
    MINOR_VERSION = 2

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: AnkleCareConfigEntry) -> OptionsFlow:
        """Return the flow that edits the runner's settings."""
        return AnkleCareOptionsFlow()

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the runner's name and distance unit."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            if error := _name_error(name):
                errors[CONF_NAME] = error
            else:
                await self.async_set_unique_id(_unique_id(name))
                self._abort_if_unique_id_configured()
                return self.async_create_entry(
                    title=name, data={CONF_NAME: name, CONF_UNIT: user_input[CONF_UNIT]}
                )
        default_unit = UNIT_KM if self.hass.config.units is METRIC_SYSTEM else UNIT_MI
        schema = _runner_schema("", default_unit)
        if user_input is not None:
            schema = self.add_suggested_values_to_schema(schema, user_input)
        return self.async_show_form(step_id="user", data_schema=schema, errors=errors)

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename the runner or change their distance unit."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = user_input[CONF_NAME].strip()
            unique_id = _unique_id(name)
            other = self.hass.config_entries.async_entry_for_domain_unique_id(
                DOMAIN, unique_id
            )
            if error := _name_error(name):
                errors[CONF_NAME] = error
            elif other is not None and other.entry_id != entry.entry_id:
                return self.async_abort(reason="already_configured")
            else:
                if user_input[CONF_UNIT] != entry.data.get(CONF_UNIT):
                    async_show_distances_in(self.hass, entry, user_input[CONF_UNIT])
                # The entry's update listener reloads it, so the new name and
                # unit apply at once (a reload helper here would reload twice).
                self.hass.config_entries.async_update_entry(
                    entry,
                    title=name,
                    unique_id=unique_id,
                    data={
                        **entry.data,
                        CONF_NAME: name,
                        CONF_UNIT: user_input[CONF_UNIT],
                    },
                )
                return self.async_abort(reason="reconfigure_successful")
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=_runner_schema(entry.title, entry.data.get(CONF_UNIT, UNIT_KM)),
            errors=errors,
        )


def _number(key: str) -> NumberSelector:
    _, limit = NUMERIC_OPTIONS[key]
    config = NumberSelectorConfig(
        min=limit.minimum,
        max=limit.maximum,
        step=limit.step,
        mode=NumberSelectorMode.BOX,
    )
    if key in NUMBER_UNITS:
        config["unit_of_measurement"] = NUMBER_UNITS[key]
    return NumberSelector(config)


def _shoe_limit_in_unit(unit: str) -> tuple[float, float, float]:
    """Return the shoe wear limit range shown in the runner's unit (min, max, step)."""
    _, limit = NUMERIC_OPTIONS[CONF_SHOE_MAX_KM]
    if unit == UNIT_KM:
        return limit.minimum, limit.maximum, limit.step
    return (
        math.ceil(limit.minimum / KM_PER_MILE),
        math.floor(limit.maximum / KM_PER_MILE),
        5,
    )


def _km_to_unit(km: float, unit: str) -> float:
    return km if unit == UNIT_KM else round(km / KM_PER_MILE)


def _current(options: Mapping[str, Any], key: str) -> Any:
    if key in options:
        return options[key]
    if key in TIME_OPTIONS:
        return TIME_OPTIONS[key].isoformat()
    return NUMERIC_OPTIONS[key][0]


def _required_number(
    options: Mapping[str, Any], key: str
) -> tuple[vol.Required, NumberSelector]:
    return vol.Required(key, default=_current(options, key)), _number(key)


def _required_time(
    options: Mapping[str, Any], key: str
) -> tuple[vol.Required, TimeSelector]:
    return vol.Required(key, default=_current(options, key)), TimeSelector()


def _optional_entity(
    options: Mapping[str, Any], key: str, config: EntitySelectorConfig
) -> tuple[vol.Optional, EntitySelector]:
    marker = vol.Optional(key, description={"suggested_value": options.get(key)})
    return marker, EntitySelector(config)


def _dropdown(key: str, values: list[str]) -> SelectSelector:
    return SelectSelector(
        SelectSelectorConfig(
            options=values, translation_key=key, mode=SelectSelectorMode.DROPDOWN
        )
    )


def _care_fields(options: Mapping[str, Any]) -> dict[Any, Any]:
    """Return the care section: ice, acute window, when to see a professional."""
    return dict(_required_number(options, key) for key in CARE_NUMBERS)


def _training_fields(options: Mapping[str, Any], unit: str) -> dict[Any, Any]:
    """Return the training section, the shoe wear limit in the runner's unit."""
    shoe_min, shoe_max, shoe_step = _shoe_limit_in_unit(unit)
    fields: dict[Any, Any] = dict(
        _required_number(options, key) for key in TRAINING_NUMBERS
    )
    shoe_default = _km_to_unit(_current(options, CONF_SHOE_MAX_KM), unit)
    fields[vol.Required(CONF_SHOE_MAX_KM, default=shoe_default)] = NumberSelector(
        NumberSelectorConfig(
            min=shoe_min,
            max=shoe_max,
            step=shoe_step,
            mode=NumberSelectorMode.BOX,
            unit_of_measurement=unit,
        )
    )
    method = options.get(CONF_ACWR_METHOD, AcwrMethod.EWMA)
    fields[vol.Required(CONF_ACWR_METHOD, default=method)] = _dropdown(
        CONF_ACWR_METHOD, [item.value for item in AcwrMethod]
    )
    basis = options.get(CONF_LOAD_BASIS, LoadBasis.DISTANCE)
    fields[vol.Required(CONF_LOAD_BASIS, default=basis)] = _dropdown(
        CONF_LOAD_BASIS, [item.value for item in LoadBasis]
    )
    marker, selector = _optional_entity(
        options,
        CONF_DISTANCE_SOURCE,
        EntitySelectorConfig(domain="sensor", device_class="distance"),
    )
    fields[marker] = selector
    return fields


def _reminder_fields(hass: HomeAssistant, options: Mapping[str, Any]) -> dict[Any, Any]:
    """Return the reminders section: quiet hours, exercise time and the targets."""
    fields: dict[Any, Any] = dict(
        _required_time(options, key)
        for key in (CONF_QUIET_START, CONF_QUIET_END, CONF_EXERCISE_REMINDER_TIME)
    )
    for option, domain in ENTITY_LIST_OPTIONS.items():
        fields[vol.Optional(option, default=list(options.get(option, [])))] = (
            EntitySelector(EntitySelectorConfig(domain=domain, multiple=True))
        )
    notify_services = sorted(
        service
        for service in hass.services.async_services_for_domain("notify")
        if service not in NOT_A_TARGET
    )
    fields[
        vol.Optional(
            CONF_NOTIFY_SERVICES, default=list(options.get(CONF_NOTIFY_SERVICES, []))
        )
    ] = SelectSelector(
        SelectSelectorConfig(
            options=notify_services,
            multiple=True,
            custom_value=True,
            mode=SelectSelectorMode.DROPDOWN,
        )
    )
    marker, selector = _optional_entity(
        options, CONF_TTS_ENTITY, EntitySelectorConfig(domain="tts")
    )
    fields[marker] = selector
    return fields


def _options_schema(
    hass: HomeAssistant, options: Mapping[str, Any], unit: str
) -> vol.Schema:
    """Build the options form with the current values filled in."""
    return vol.Schema(
        {
            vol.Required(SECTION_CARE): section(
                vol.Schema(_care_fields(options)), {"collapsed": False}
            ),
            vol.Required(SECTION_TRAINING): section(
                vol.Schema(_training_fields(options, unit)), {"collapsed": False}
            ),
            vol.Required(SECTION_REMINDERS): section(
                vol.Schema(_reminder_fields(hass, options)), {"collapsed": True}
            ),
        }
    )


class AnkleCareOptionsFlow(OptionsFlow):
    """Edit the runner's settings and shoes; changes apply at once, no restart."""

    _shoe_id: str | None = None

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer the settings and, while the runner is loaded, their shoes."""
        menu = ["settings"]
        if self.config_entry.state is ConfigEntryState.LOADED:
            menu.append("add_shoe")
            if self.config_entry.runtime_data.coordinator.records.shoes:
                menu.append("select_shoe")
        return self.async_show_menu(step_id="init", menu_options=menu)

    async def async_step_add_shoe(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a pair of shoes."""
        return await self._async_shoe_form("add_shoe", None, user_input)

    async def async_step_select_shoe(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the shoe to rename, limit, make default or retire."""
        records = self.config_entry.runtime_data.coordinator.records
        if user_input is not None:
            self._shoe_id = user_input[CONF_SHOE]
            return await self.async_step_edit_shoe()
        options = [
            SelectOptionDict(value=shoe.id, label=shoe.name) for shoe in records.shoes
        ]
        return self.async_show_form(
            step_id="select_shoe",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_SHOE): SelectSelector(
                        SelectSelectorConfig(options=options)
                    )
                }
            ),
        )

    async def async_step_edit_shoe(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename a shoe, set its own wear limit, make it the default or retire it."""
        return await self._async_shoe_form("edit_shoe", self._shoe_id, user_input)

    async def _async_shoe_form(
        self, step_id: str, shoe_id: str | None, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        runtime = self.config_entry.runtime_data
        records = runtime.coordinator.records
        unit = runtime.coordinator.unit
        current = next((shoe for shoe in records.shoes if shoe.id == shoe_id), None)
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = _shoe_errors(user_input[CONF_NAME].strip(), shoe_id, records.shoes)
            if not _finite(user_input.get(CONF_SHOE_LIMIT, 0)):
                errors[CONF_SHOE_LIMIT] = "number_invalid"
            if not errors:
                await runtime.door.async_save_shoe(
                    _shoe_from_input(current, user_input, unit),
                    default=bool(user_input.get(CONF_DEFAULT)),
                )
                # Entity names carry the shoe's name: reload to rename or retire them.
                self.hass.config_entries.async_schedule_reload(
                    self.config_entry.entry_id
                )
                return self.async_create_entry(data=dict(self.config_entry.options))
        default_shoe = records.default_shoe_id
        return self.async_show_form(
            step_id=step_id,
            data_schema=_shoe_schema(
                current,
                unit,
                default=(current is None and not default_shoe)
                or (current is not None and default_shoe == current.id),
            ),
            errors=errors,
            description_placeholders={
                "limit": f"{_km_to_unit(runtime.coordinator.settings.shoe_max_km, unit):g} {unit}"
            },
        )

    async def async_step_settings(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show all settings, grouped into care, training and reminders."""
        entry = self.config_entry
        unit = entry.data.get(CONF_UNIT, UNIT_KM)
        errors: dict[str, str] = {}
        if user_input is not None and not all(
            _finite(value)
            for name in (SECTION_CARE, SECTION_TRAINING)
            for value in user_input.get(name, {}).values()
            if isinstance(value, float)
        ):
            # "nan" passes a number selector's range check
            errors["base"] = "number_invalid"
        elif user_input is not None:
            options = self._flatten(user_input, entry.options, unit)
            errors = self._validate(options)
            if not errors:
                return self.async_create_entry(data=options)
        schema = _options_schema(self.hass, entry.options, unit)
        if user_input is not None:
            schema = self.add_suggested_values_to_schema(schema, user_input)
        return self.async_show_form(
            step_id="settings", data_schema=schema, errors=errors
        )

    @staticmethod
    def _flatten(
        user_input: Mapping[str, Any], current: Mapping[str, Any], unit: str
    ) -> dict[str, Any]:
        """Store the sections' fields flat, in the units the domain works in."""
        options: dict[str, Any] = {}
        for name in (SECTION_CARE, SECTION_TRAINING, SECTION_REMINDERS):
            options.update(user_input.get(name, {}))
        for key in (*CARE_NUMBERS, *TRAINING_NUMBERS):
            if key in options and float(options[key]).is_integer():
                options[key] = int(options[key])
        shown = options[CONF_SHOE_MAX_KM]
        if unit == UNIT_MI:
            # Keep the exact stored km unless the runner changed the miles shown.
            stored_km = _current(current, CONF_SHOE_MAX_KM)
            if shown != _km_to_unit(stored_km, unit):
                _, limit = NUMERIC_OPTIONS[CONF_SHOE_MAX_KM]
                km = round(shown * KM_PER_MILE)
                stored_km = min(max(km, limit.minimum), limit.maximum)
            shown = stored_km
        options[CONF_SHOE_MAX_KM] = int(shown)
        for key in (CONF_DISTANCE_SOURCE, CONF_TTS_ENTITY):
            if not options.get(key):
                options.pop(key, None)
        return options

    def _validate(self, options: Mapping[str, Any]) -> dict[str, str]:
        """Check what the form's selectors cannot check field by field."""
        errors: dict[str, str] = {}
        if options.get(CONF_WEEKLY_INCREASE_HIGH, 0) <= options.get(
            CONF_WEEKLY_INCREASE_WARNING, 0
        ):
            errors["base"] = "high_not_above_warning"
        if options.get(CONF_MEDIA_PLAYERS) and not options.get(CONF_TTS_ENTITY):
            errors["base"] = "tts_entity_required"
        elif any(
            not self.hass.services.has_service("notify", service)
            for service in options.get(CONF_NOTIFY_SERVICES, [])
        ):
            errors["base"] = "unknown_notify_service"
        return errors


def _shoe_errors(name: str, shoe_id: str | None, shoes: list[Shoe]) -> dict[str, str]:
    """Return the form's errors for a shoe name (required, unique)."""
    if error := _name_error(name):
        return {CONF_NAME: error}
    if any(
        shoe.name.casefold() == name.casefold() and shoe.id != shoe_id for shoe in shoes
    ):
        return {CONF_NAME: "shoe_exists"}
    return {}


def _shoe_from_input(
    current: Shoe | None, user_input: Mapping[str, Any], unit: str
) -> Shoe:
    """Return the new or edited shoe the form describes (its limit kept in km)."""
    name = user_input[CONF_NAME].strip()
    limit = user_input.get(CONF_SHOE_LIMIT)
    max_km = (
        None
        if limit is None
        else round(limit * (KM_PER_MILE if unit == UNIT_MI else 1))
    )
    if current is None:
        return Shoe(id=new_id(), name=name, added=dt_util.now(), max_km=max_km)
    return replace(
        current,
        name=name,
        max_km=max_km,
        retired=user_input.get(CONF_RETIRED, False),
    )


def _shoe_schema(current: Shoe | None, unit: str, *, default: bool) -> vol.Schema:
    """Return the form to add or edit a shoe, its limit shown in the runner's unit."""
    shoe_min, shoe_max, _ = _shoe_limit_in_unit(unit)
    limit_default = (
        {"suggested_value": _km_to_unit(current.max_km, unit)}
        if current and current.max_km
        else {}
    )
    fields: dict[Any, Any] = {
        vol.Required(
            CONF_NAME, default=current.name if current else ""
        ): TextSelector(),
        vol.Optional(CONF_SHOE_LIMIT, description=limit_default): NumberSelector(
            NumberSelectorConfig(
                min=shoe_min,
                max=shoe_max,
                step=1,
                mode=NumberSelectorMode.BOX,
                unit_of_measurement=unit,
            )
        ),
        vol.Required(CONF_DEFAULT, default=default): BooleanSelector(),
    }
    if current is not None:
        fields[vol.Required(CONF_RETIRED, default=current.retired)] = BooleanSelector()
    return vol.Schema(fields)
