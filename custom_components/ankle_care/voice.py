"""Sentences the built-in Assist agent understands right after installing.

Home Assistant's default agent reads sentences only from its own package and from
`config/custom_sentences/`. Ankle Care brings its own as conversation sentence
triggers, through the public trigger helpers (`async_validate_trigger_config` and
`async_initialize_triggers` with the `conversation` platform), attached once for
every runner when the integration is set up:

* only once `conversation` is set up (on 2025.4 a trigger attached earlier never
  matches): at once when it already is, otherwise when it loads;
* one trigger per `SentenceGroup` of every language of `sentences/`, its id the
  language and the group's index;
* the trigger's action turns the wildcards' raw text into slots (the runner named,
  the numbers said in words or digits, the side and place of the ankle), read with
  the words of the sentence's language, and hands them to the same intent handler
  LLM agents call (`intent.py`); it answers with a `ScriptRunResult` carrying the
  spoken text, which the agent says. Triggers match before the built-in sentences,
  whatever the pipeline's language; the answer is in the pipeline's language.
* a question or a denial ("est-ce que j'ai été autorisé à courir ?", "der Arzt hat
  mich nicht freigegeben") never logs anything: it is answered with `voice_failed`.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.const import EVENT_COMPONENT_LOADED
from homeassistant.core import Context, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import intent
from homeassistant.helpers.script import ScriptRunResult
from homeassistant.helpers.trigger import (
    async_initialize_triggers,
    async_validate_trigger_config,
)
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from .const import DOMAIN, LOGGER
from .domain.numbers import parse_number
from .intent import async_voice_texts
from .sentences import (
    INTENT_LOG_SORENESS,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    LANGUAGES,
    SLOT_DISTANCE,
    SLOT_LOCATION,
    SLOT_RUNNER,
    SLOT_SEVERITY,
    SLOT_SIDE,
    WRITING_INTENTS,
    LanguageSentences,
    SentenceGroup,
    asks_or_denies,
    half_after,
    runner_name,
    said_location,
    said_side,
)
from .texts import Texts

CONVERSATION: Final = "conversation"
DATA_SENTENCES: HassKey[bool] = HassKey(f"{DOMAIN}_sentences")
"""Set once the sentences are attached (or being attached)."""

NUMBER_SLOTS: Final = (SLOT_SEVERITY, SLOT_DISTANCE)
SAID_SHOWN: Final = 40
"""The most of a misheard number an answer repeats (answers stay short)."""
SIDE_INTENTS: Final = frozenset(
    {INTENT_LOG_SORENESS, INTENT_STATUS, INTENT_PROFESSIONAL_VISIT}
)


@callback
def async_setup_sentences(hass: HomeAssistant) -> None:
    """Attach the sentences once `conversation` is set up, whichever loads first."""
    if hass.data.get(DATA_SENTENCES):
        return
    hass.data[DATA_SENTENCES] = True
    if CONVERSATION in hass.config.components:
        _async_schedule_attach(hass)
        return

    @callback
    def _is_conversation(event_data: dict[str, Any]) -> bool:
        return bool(event_data.get("component") == CONVERSATION)

    @callback
    def _conversation_loaded(_event: Event[dict[str, Any]]) -> None:
        unsubscribe()
        _async_schedule_attach(hass)

    unsubscribe = hass.bus.async_listen(
        EVENT_COMPONENT_LOADED, _conversation_loaded, event_filter=_is_conversation
    )


@callback
def _async_schedule_attach(hass: HomeAssistant) -> None:
    hass.async_create_task(async_attach_sentences(hass), f"{DOMAIN} attach sentences")


def trigger_configs() -> list[dict[str, Any]]:
    """Return one conversation trigger per sentence group of every language."""
    return [
        {
            "platform": CONVERSATION,
            "id": f"{language}/{index}",
            "command": list(group.sentences),
        }
        for language, sentences in LANGUAGES.items()
        for index, group in enumerate(sentences.groups)
    ]


async def async_attach_sentences(hass: HomeAssistant) -> None:
    """Validate and attach the sentence triggers (they stay until Home Assistant stops)."""
    try:
        configs = await async_validate_trigger_config(hass, trigger_configs())
    except (vol.Invalid, HomeAssistantError) as err:
        LOGGER.error("Ankle Care's Assist sentences are not valid: %s", err)
        return

    def log(level: int, message: str, **kwargs: Any) -> None:
        LOGGER.log(level, "Assist sentences: %s", message, **kwargs)

    async def action(
        run_variables: dict[str, Any], context: Context | None = None
    ) -> ScriptRunResult:
        speech = await async_answer_sentence(hass, run_variables["trigger"])
        return ScriptRunResult(
            conversation_response=speech, service_response=None, variables={}
        )

    await async_initialize_triggers(
        hass, configs, action, DOMAIN, "Ankle Care sentences", log
    )


def _group(trigger_id: str) -> tuple[str, LanguageSentences, SentenceGroup]:
    language, _, index = trigger_id.partition("/")
    sentences = LANGUAGES[language]
    return language, sentences, sentences.groups[int(index)]


async def async_answer_sentence(hass: HomeAssistant, trigger: dict[str, Any]) -> str:
    """Turn a matched sentence into the intent's slots and return the spoken answer.

    A number that cannot be read ("my ankle hurts a lot") is asked again and
    nothing is handled.
    """
    sentence_language, sentences, group = _group(str(trigger["id"]))
    user_input: dict[str, Any] = trigger.get("user_input") or {}
    language = str(user_input.get("language") or hass.config.language)
    raw: dict[str, Any] = trigger.get("slots") or {}
    text = str(trigger.get("sentence") or "")
    if group.intent in WRITING_INTENTS and asks_or_denies(text, sentences):
        LOGGER.debug("An Assist sentence (%s) asks or denies: not logged", group.intent)
        texts = await async_voice_texts(hass, language)
        return _not_done(texts, group, texts("voice_failed"))
    slots: dict[str, Any] = dict(group.slots)
    titles = [entry.title for entry in hass.config_entries.async_entries(DOMAIN)]
    if name := runner_name(raw.get(SLOT_RUNNER), sentences, titles):
        slots[SLOT_RUNNER] = name
    if group.intent in SIDE_INTENTS and (side := said_side(text, sentences)):
        slots[SLOT_SIDE] = side.value
    if group.intent == INTENT_LOG_SORENESS and (
        location := said_location(text, sentences)
    ):
        slots[SLOT_LOCATION] = location.value
    for slot in NUMBER_SLOTS:
        if (said := raw.get(slot)) is None:
            continue
        number = parse_number(str(said), sentence_language)
        if number is None:
            texts = await async_voice_texts(hass, language)
            said_text = (
                str(said)
                if len(str(said)) <= SAID_SHOWN
                else f"{str(said)[: SAID_SHOWN - 1]}…"
            )
            return _not_done(
                texts, group, texts(f"voice_{slot}_not_understood", text=said_text)
            )
        if slot == SLOT_DISTANCE and half_after(text, str(said), sentences):
            number += 0.5  # "ocho kilómetros y medio"
        slots[slot] = number
    context_data: dict[str, Any] = user_input.get("context") or {}
    try:
        response = await intent.async_handle(
            hass=hass,
            platform=CONVERSATION,
            intent_type=group.intent,
            slots={name: {"value": value} for name, value in slots.items()},
            text_input=text,
            context=Context(
                user_id=context_data.get("user_id"), id=context_data.get("id")
            ),
            language=language,
            assistant=CONVERSATION,
            device_id=trigger.get("device_id"),
        )
    except intent.IntentError as err:
        # Not the sentence itself: it may carry health values or a note.
        LOGGER.warning(
            "An Assist sentence (%s) was not handled: %s",
            group.intent,
            type(err).__name__,
        )
        texts = await async_voice_texts(hass, language)
        return texts("voice_failed")
    return str(response.speech.get("plain", {}).get("speech", ""))


def _not_done(texts: Texts, group: SentenceGroup, answer: str) -> str:
    """Return the answer to a sentence not read as said; a soreness report's warns.

    A pain report that was not logged because part of it could not be read (a
    negation, words that are not a number) may have named a red flag the
    sentence cannot carry ("8, and I can't put weight on it", "no puedo apoyar el
    pie"): the safer answer adds when to see a professional at once.
    """
    if group.intent != INTENT_LOG_SORENESS:
        return answer
    return " ".join(
        (answer, texts("article_red_flags"), texts("voice_not_medical_advice"))
    )
