"""Talking to Home Assistant's real default agent (Assist) in the tests."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component

from custom_components.ankle_care.intent import MAX_ANSWER_LENGTH

NOTE = "Not medical advice."


async def setup_assist(hass: HomeAssistant) -> None:
    """Set up what Assist needs: homeassistant, conversation and intent."""
    for component in ("homeassistant", "conversation", "intent"):
        assert await async_setup_component(hass, component, {})
    await hass.async_block_till_done()


@dataclass(frozen=True, slots=True)
class Reply:
    """What Assist answered to one sentence."""

    speech: str
    response: intent.IntentResponse

    @property
    def advice(self) -> bool:
        """Return whether the answer carries the not-medical-advice note."""
        return self.speech.endswith(NOTE)


async def say(
    hass: HomeAssistant, text: str, language: str = "en", device_id: str | None = None
) -> Reply:
    """Say a sentence to the default agent and return its answer.

    Every answer is speakable: not empty and shorter than 400 characters.
    """
    result = await conversation.async_converse(
        hass,
        text,
        None,
        Context(),
        language=language,
        agent_id=conversation.HOME_ASSISTANT_AGENT,
        device_id=device_id,
    )
    await hass.async_block_till_done()
    speech = str(result.response.speech.get("plain", {}).get("speech", ""))
    assert speech, text
    assert len(speech) < MAX_ANSWER_LENGTH, speech
    assert "Traceback" not in speech
    return Reply(speech, result.response)
