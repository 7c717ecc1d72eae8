"""Assist intents: log soreness, a run, ice or a visit, hear the status or next reminder.

Home Assistant's `intent` component calls `async_setup_intents` itself (this module
is an integration platform). The intents serve every agent: the built-in agent
through the sentences of `sentences/` (attached by `voice.py`), LLM-based agents
as tools of the Assist API (the registered intents up to 2026.2, `llm.py` after).
They are registered once for every runner and find the runner inside: the one there
is, or the one the `runner` slot names.

Every change goes through the runner's door with the same validation as the
actions; a refused change (`ServiceValidationError`) is spoken as an answer in the
pipeline's language and nothing is stored. Answers come from the `common`
translations (`voice_*`, the next steps) in the language of the request, English
where a text is not translated; they stay under 400 characters and carry the
not-medical-advice note only where they give advice (next step, safe distance).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
import math
from typing import Any, ClassVar

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, intent
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN, UNIT_KM, UNIT_MI
from .domain.load import LoadSnapshot, RiskLevel
from .domain.phase import PhaseStatus
from .domain.plan import Reminder, ReminderKind, ReminderStatus
from .domain.records import KM_PER_MILE, Location, Side, TreatmentKind
from .door import invalid_input
from .runtime import AnkleCareConfigEntry, AnkleCareData
from .sentences import (
    FOCUS_RISK,
    FOCUS_RUN,
    FOCUSES,
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    SLOT_CLEARED,
    SLOT_DISTANCE,
    SLOT_FOCUS,
    SLOT_LOCATION,
    SLOT_REMINDER,
    SLOT_RUNNER,
    SLOT_SEVERITY,
    SLOT_SIDE,
    SLOT_UNIT,
)
from .texts import Texts, async_texts_in, text_language

EXCEPTIONS = "exceptions"
MAX_ANSWER_LENGTH = 400
"""Spoken answers stay shorter than this many characters."""

_RUNNER_SLOT: Mapping[vol.Marker, Any] = {
    vol.Optional(
        SLOT_RUNNER,
        description="The runner's name; leave it out when only one runner is set up.",
    ): intent.non_empty_string
}
_SIDE_SLOT: Mapping[vol.Marker, Any] = {
    vol.Optional(SLOT_SIDE, description="Which ankle: left or right."): vol.In(
        [side.value for side in Side]
    )
}


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the intents of Ankle Care (called by the intent component)."""
    for handler in (
        LogSorenessIntent(),
        StatusIntent(),
        IceDoneIntent(),
        NextReminderIntent(),
        LogRunIntent(),
        ProfessionalVisitIntent(),
    ):
        intent.async_register(hass, handler)


async def async_voice_texts(hass: HomeAssistant, language: str | None) -> Texts:
    """Return the `common` texts in a language (English where one is missing).

    The pipeline's language, Home Assistant's when the request has none; a region
    reads its base language ("de-CH": German).
    """
    return await async_texts_in(hass, language or hass.config.language)


async def async_error_text(
    hass: HomeAssistant, language: str, err: HomeAssistantError
) -> str:
    """Return a refused change's translated message in a language, to be spoken."""
    if err.translation_domain == DOMAIN and err.translation_key:
        # English where the language lacks the message (Home Assistant merges it in)
        strings = await async_get_translations(
            hass, text_language(language), EXCEPTIONS, {DOMAIN}
        )
        key = f"component.{DOMAIN}.{EXCEPTIONS}.{err.translation_key}.message"
        if template := strings.get(key):
            return template.format(**(err.translation_placeholders or {}))
    return str(err)


class AnswerError(Exception):
    """A request that cannot be answered; the text to say instead is a `common` key."""

    def __init__(self, key: str, **placeholders: object) -> None:
        """Remember the text's key and its placeholders."""
        super().__init__(key)
        self.key = key
        self.placeholders = placeholders


@dataclass(frozen=True, slots=True)
class Request:
    """One intent to answer, for one runner."""

    entry: AnkleCareConfigEntry
    slots: Mapping[str, Any]
    texts: Texts

    @property
    def runtime(self) -> AnkleCareData:
        """Return the runner's coordinator, door and reminders."""
        return self.entry.runtime_data

    @property
    def runner(self) -> str:
        """Return the runner's name."""
        return self.entry.title

    def sentences(self, *parts: str) -> str:
        """Return parts joined into one answer."""
        return " ".join(part for part in parts if part)

    def advice(self, *parts: str) -> str:
        """Return parts joined into one answer that ends with the advice note."""
        return self.sentences(*parts, self.texts("voice_not_medical_advice"))


def _names(entries: list[AnkleCareConfigEntry]) -> str:
    return ", ".join(sorted(entry.title for entry in entries))


def _first(entries: list[AnkleCareConfigEntry]) -> str:
    return min(entry.title for entry in entries)


def find_runner(hass: HomeAssistant, name: str | None) -> AnkleCareConfigEntry:
    """Return the runner a request is for.

    Without a name, the only runner; with one, the runner of that name (or first
    name). No runner, an unknown name or more than one runner to choose from is an
    `AnswerError`; a runner that is not loaded is refused as the actions do.
    """
    entries: list[AnkleCareConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    if not entries:
        raise AnswerError("voice_no_runner")
    if name is None:
        loaded = [e for e in entries if e.state is ConfigEntryState.LOADED]
        if len(loaded) == 1:
            return loaded[0]
        if not loaded:
            raise invalid_input("entry_not_loaded", runner=_names(entries))
        raise AnswerError(
            "voice_which_runner", runners=_names(loaded), example=_first(loaded)
        )
    wanted = " ".join(name.casefold().split())
    matches = [e for e in entries if e.title.casefold() == wanted] or [
        e for e in entries if e.title.casefold().split()[:1] == [wanted]
    ]
    if not matches:
        raise AnswerError("voice_unknown_runner", runner=name, runners=_names(entries))
    if len(matches) > 1:
        raise AnswerError(
            "voice_which_runner", runners=_names(matches), example=_first(matches)
        )
    entry = matches[0]
    if entry.state is not ConfigEntryState.LOADED:
        raise invalid_input("entry_not_loaded", runner=entry.title)
    return entry


class AnkleCareIntent(intent.IntentHandler):
    """One Ankle Care intent: finds the runner, answers, or says what went wrong."""

    platforms = None  # offered to LLM agents as a tool whatever is exposed
    response_type: ClassVar[intent.IntentResponseType] = (
        intent.IntentResponseType.ACTION_DONE
    )

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Answer the intent in the language of the request."""
        hass = intent_obj.hass
        slots = {
            name: slot["value"]
            for name, slot in self.async_validate_slots(intent_obj.slots).items()
            if isinstance(slot, dict) and slot.get("value") is not None
        }
        language = intent_obj.language or hass.config.language
        texts = await async_voice_texts(hass, language)
        response = intent_obj.create_response()
        try:
            entry = find_runner(hass, slots.get(SLOT_RUNNER))
            speech = await self.async_answer(Request(entry, slots, texts))
        except AnswerError as problem:
            response.async_set_error(
                intent.IntentResponseErrorCode.NO_VALID_TARGETS,
                texts(problem.key, **problem.placeholders),
            )
        except HomeAssistantError as err:  # refused by the door: nothing stored
            response.async_set_error(
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE,
                await async_error_text(hass, language, err),
            )
        else:
            response.response_type = self.response_type
            response.async_set_speech(speech)
        return response

    async def async_answer(self, request: Request) -> str:
        """Do what the intent asks for one runner and return the spoken answer."""
        raise NotImplementedError


# Texts shared by the answers


def ankle_name(texts: Texts, side: Side | None) -> str:
    """Return how an ankle is named: "left ankle", "right ankle" or "ankle"."""
    return texts(f"voice_ankle_{side.value}" if side else "voice_ankle")


def ankle_status(phase: PhaseStatus, side: Side | None) -> PhaseStatus:
    """Return the status of the ankle on one side, else the runner's (most urgent)."""
    if side is not None:
        for ankle in phase.per_ankle:
            if ankle.side is side:
                return ankle
    return phase


def phase_text(request: Request, ankle: PhaseStatus) -> str:
    """Return where an ankle is on its way back to running."""
    return request.texts(
        f"voice_phase_{ankle.phase.value}",
        runner=request.runner,
        ankle=ankle_name(request.texts, ankle.side),
        day=ankle.day_of_care or 1,
    )


def next_step_text(texts: Texts, ankle: PhaseStatus) -> str:
    """Return what to do next for an ankle (advice)."""
    return texts(f"next_step_{ankle.next_step}")


def risk_text(texts: Texts, load: LoadSnapshot) -> str:
    """Return the injury risk with the factor that raises it most."""
    level = texts(f"voice_risk_level_{load.risk.value}")
    main = next((f for f in load.risk_factors if f.level is load.risk), None)
    if load.risk is RiskLevel.LOW or main is None:
        return texts("voice_risk", level=level)
    return texts(
        "voice_risk_factor", level=level, factor=texts(f"voice_risk_factor_{main.key}")
    )


def in_unit(km: float, unit: str) -> str:
    """Return a distance in the runner's unit as spoken: one decimal at most."""
    value = km if unit == UNIT_KM else km / KM_PER_MILE
    return f"{round(value, 1):g}"


def unit_name(texts: Texts, unit: str, amount: str) -> str:
    """Return the name of a unit after an amount: "1 mile", "5 miles"."""
    return texts(f"voice_unit_{unit}_one" if amount == "1" else f"voice_unit_{unit}")


def run_text(request: Request, phase: PhaseStatus, load: LoadSnapshot) -> str:
    """Return whether the runner may run today and how far (advice)."""
    texts = request.texts
    if not phase.may_run:
        return texts("voice_run_no")
    safe = load.safe_distance_today_km
    if safe is None:
        return texts("voice_run_yes_no_limit")
    unit = request.runtime.coordinator.unit
    if round(safe, 1) <= 0:
        return texts("voice_run_week_full")
    distance = in_unit(safe, unit)
    return texts(
        "voice_run_yes", distance=distance, unit=unit_name(texts, unit, distance)
    )


def when_text(texts: Texts, due: datetime, now: datetime) -> str:
    """Return when something is due, as said: "in 25 minutes", "tomorrow at 07:00"."""
    minutes = math.ceil((due - now).total_seconds() / 60)
    if minutes <= 1:
        return texts("voice_when_now")
    if minutes < 60:
        return texts("voice_when_minutes", minutes=minutes)
    local = dt_util.as_local(due)
    days = (local.date() - dt_util.as_local(now).date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return texts("voice_when_today", time=clock)
    if days == 1:
        return texts("voice_when_tomorrow", time=clock)
    return texts("voice_when_later", days=days, time=clock)


def next_planned(
    reminders: tuple[Reminder, ...], now: datetime, kind: ReminderKind | None
) -> Reminder | None:
    """Return the next reminder still to come (of one kind, when given)."""
    return min(
        (
            reminder
            for reminder in reminders
            if reminder.status is ReminderStatus.PLANNED
            and reminder.due > now
            and (kind is None or reminder.kind is kind)
        ),
        key=lambda reminder: reminder.due,
        default=None,
    )


# The intents


class LogSorenessIntent(AnkleCareIntent):
    """Log how sore an ankle is, then say what to do next."""

    intent_type = INTENT_LOG_SORENESS
    description = (
        "Logs how sore the runner's ankle is now, from 0 (pain-free) to 10 (worst), "
        "in Ankle Care, optionally with the side (left or right) and where it hurts, "
        "and answers with the recovery advice that follows. Use it when the user "
        "says their ankle, heel or Achilles hurts, e.g. 'my left ankle hurts 6 out "
        "of 10'."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(
            SLOT_SEVERITY,
            description="Soreness from 0 (pain-free) to 10, a whole number.",
        ): vol.Coerce(float),
        **_SIDE_SLOT,
        vol.Optional(
            SLOT_LOCATION,
            description=(
                "Where it hurts: back_of_ankle (Achilles), outer_ankle, "
                "inner_ankle, front_of_ankle, heel or bone_spot."
            ),
        ): vol.In([location.value for location in Location]),
        **_RUNNER_SLOT,
    }

    async def async_answer(self, request: Request) -> str:
        """Log the soreness through the door; say it and the next step."""
        severity = request.slots.get(SLOT_SEVERITY)
        if severity is None:
            raise AnswerError("voice_severity_missing")
        side = request.slots.get(SLOT_SIDE)
        location = request.slots.get(SLOT_LOCATION)
        record = await request.runtime.door.async_log_soreness(
            severity=severity,
            side=Side(side) if side else None,
            location=Location(location) if location else None,
        )
        ankle = ankle_status(request.runtime.coordinator.data.phase, record.side)
        texts = request.texts
        return request.advice(
            texts(
                "voice_soreness_logged",
                runner=request.runner,
                severity=record.severity,
                ankle=ankle_name(texts, record.side),
            ),
            next_step_text(texts, ankle),
        )


class StatusIntent(AnkleCareIntent):
    """Say the recovery phase and next step, the injury risk and the safe distance."""

    intent_type = INTENT_STATUS
    response_type = intent.IntentResponseType.QUERY_ANSWER
    description = (
        "Tells how the runner's ankle is doing in Ankle Care: the recovery phase "
        "with the next step, the injury risk with its main factor and whether and "
        "how far they may run today. Use it for 'how is my ankle', 'what's my "
        "injury risk' (focus risk) or 'can I run today' (focus run)."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(
            SLOT_FOCUS,
            description=(
                "Answer only one question: risk (injury risk) or run (may the "
                "runner run today, how far); leave it out for the whole status."
            ),
        ): vol.In(FOCUSES),
        **_SIDE_SLOT,
        **_RUNNER_SLOT,
    }

    async def async_answer(self, request: Request) -> str:
        """Answer from a fresh snapshot."""
        coordinator = request.runtime.coordinator
        coordinator.async_recompute()
        snapshot = coordinator.data
        texts = request.texts
        focus = request.slots.get(SLOT_FOCUS)
        if focus == FOCUS_RISK:
            return texts(
                "voice_addressed",
                runner=request.runner,
                text=risk_text(texts, snapshot.load),
            )
        side = request.slots.get(SLOT_SIDE)
        ankle = ankle_status(snapshot.phase, Side(side) if side else None)
        run = run_text(request, snapshot.phase, snapshot.load)
        if focus == FOCUS_RUN:
            return request.advice(
                texts("voice_addressed", runner=request.runner, text=run),
                "" if snapshot.phase.may_run else next_step_text(texts, ankle),
            )
        return request.advice(
            phase_text(request, ankle),
            next_step_text(texts, ankle),
            risk_text(texts, snapshot.load),
            run,
        )


class IceDoneIntent(AnkleCareIntent):
    """Log an ice treatment that just ended."""

    intent_type = INTENT_ICE_DONE
    description = (
        "Logs in Ankle Care that the runner has just finished icing their ankle: "
        "the ice session going on now, or one of the usual length that ended now. "
        "Use it for 'I finished icing', 'I iced my ankle' or 'done icing'."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {**_RUNNER_SLOT}

    async def async_answer(self, request: Request) -> str:
        """Log the ice through the door; say how long and when the next one is."""
        coordinator = request.runtime.coordinator
        coordinator.async_recompute()
        now = dt_util.utcnow()
        session = coordinator.data.ice_session
        if session is not None and session.session_start is not None:
            start = session.session_start
            minutes = max(1, round((now - start).total_seconds() / 60))
        else:
            minutes = coordinator.settings.ice_minutes
            start = now - timedelta(minutes=minutes)
        # An ice logged since this session began (the phone's Done button, the card)
        # is this session: it is not logged twice.
        logged_ice = coordinator.records.latest_treatment(TreatmentKind.ICE, start)
        if logged_ice is None:
            await request.runtime.door.async_log_treatment(
                treatment=TreatmentKind.ICE, time=start, duration_minutes=minutes
            )
        texts = request.texts
        logged = texts(
            "voice_ice_logged_one" if minutes == 1 else "voice_ice_logged",
            runner=request.runner,
            minutes=minutes,
        )
        upcoming = next_planned(
            coordinator.data.plan.reminders, now, ReminderKind.ICE_START
        )
        if upcoming is None:
            return logged
        return request.sentences(
            logged, texts("voice_ice_next", when=when_text(texts, upcoming.due, now))
        )


class NextReminderIntent(AnkleCareIntent):
    """Say what the next reminder is and when."""

    intent_type = INTENT_NEXT_REMINDER
    response_type = intent.IntentResponseType.QUERY_ANSWER
    description = (
        "Tells what the runner's next Ankle Care reminder is and when it is due "
        "(ice, ice off, raising the ankle, checking the wrap, exercises, seeing a "
        "professional). Use it for 'what's my next reminder' or, with reminder "
        "ice_start, 'when do I ice next'."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(
            SLOT_REMINDER,
            description="Only reminders of this kind, e.g. ice_start for icing.",
        ): vol.In([kind.value for kind in ReminderKind]),
        **_RUNNER_SLOT,
    }

    async def async_answer(self, request: Request) -> str:
        """Answer from a fresh plan."""
        coordinator = request.runtime.coordinator
        coordinator.async_recompute()
        texts = request.texts
        kind_value = request.slots.get(SLOT_REMINDER)
        kind = ReminderKind(kind_value) if kind_value else None
        now = dt_util.utcnow()
        reminder = next_planned(coordinator.data.plan.reminders, now, kind)
        off = "" if coordinator.reminders_enabled else texts("voice_reminders_off")
        if reminder is None:
            key = f"voice_next_{kind.value}_none" if kind else "voice_next_none"
            return request.sentences(texts(key, runner=request.runner), off)
        return request.sentences(
            texts(
                "voice_next_reminder",
                runner=request.runner,
                what=texts(f"voice_what_{reminder.kind.value}"),
                when=when_text(texts, reminder.due, now),
            ),
            off,
        )


class LogRunIntent(AnkleCareIntent):
    """Log a run, then say the week's distance and the injury risk."""

    intent_type = INTENT_LOG_RUN
    description = (
        "Logs a run of the runner in Ankle Care with its distance and unit (km or "
        "mi; the runner's own unit when left out), and answers with the week's "
        "distance and the injury risk. Use it for 'I ran 8 kilometers' or 'I ran 5 "
        "miles'."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {
        vol.Required(SLOT_DISTANCE, description="The distance run."): vol.Coerce(float),
        vol.Optional(SLOT_UNIT, description="km or mi."): vol.In([UNIT_KM, UNIT_MI]),
        **_RUNNER_SLOT,
    }

    async def async_answer(self, request: Request) -> str:
        """Log the run through the door; say it, the week and the risk."""
        coordinator = request.runtime.coordinator
        unit: str = request.slots.get(SLOT_UNIT) or coordinator.unit
        distance: float = request.slots[SLOT_DISTANCE]
        await request.runtime.door.async_log_run(
            distance_km=distance * KM_PER_MILE if unit == UNIT_MI else distance,
            distance_shown=distance,
            unit=unit,
        )
        texts = request.texts
        load = coordinator.data.load
        said = f"{distance:g}"
        weekly = in_unit(load.weekly_distance_km, coordinator.unit)
        return request.sentences(
            texts(
                "voice_run_logged",
                runner=request.runner,
                distance=said,
                unit=unit_name(texts, unit, said),
                weekly=weekly,
                weekly_unit=unit_name(texts, coordinator.unit, weekly),
            ),
            risk_text(texts, load),
        )


class ProfessionalVisitIntent(AnkleCareIntent):
    """Log a visit to a medical professional, then say the next step."""

    intent_type = INTENT_PROFESSIONAL_VISIT
    description = (
        "Logs in Ankle Care that the runner saw a medical professional (doctor, "
        "physiotherapist) about one ankle today, and whether they were cleared to "
        "run. Use it for 'I saw a physio about my left ankle' or 'I was cleared to "
        "run'."
    )
    slot_schema: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(
            SLOT_CLEARED,
            description="Whether the professional cleared the runner to run.",
        ): cv.boolean,
        **_SIDE_SLOT,
        **_RUNNER_SLOT,
    }

    async def async_answer(self, request: Request) -> str:
        """Log the visit through the door; say it and the next step."""
        side = request.slots.get(SLOT_SIDE)
        record = await request.runtime.door.async_log_visit(
            side=Side(side) if side else None,
            cleared_to_run=bool(request.slots.get(SLOT_CLEARED, False)),
        )
        texts = request.texts
        ankle = ankle_status(request.runtime.coordinator.data.phase, record.side)
        return request.advice(
            texts(
                "voice_visit_logged",
                runner=request.runner,
                ankle=ankle_name(texts, record.side),
            ),
            next_step_text(texts, ankle),
        )


__all__ = [
    "MAX_ANSWER_LENGTH",
    "AnkleCareIntent",
    "AnswerError",
    "async_error_text",
    "async_setup_intents",
    "async_voice_texts",
    "find_runner",
]
