"""How the sentences are attached, and the intents as tools of LLM agents.

The sentences work whichever of Ankle Care and `conversation` is set up first, are
attached once for every runner, and leave Home Assistant's own sentences alone.
The intents are tools of the Assist LLM API: registered intents up to 2026.2 (both
test releases), the `llm.py` platform on newer releases (checked with stand-ins for
the `llm` integration's types, which these releases do not have).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
import importlib
import logging
import sys
import types
from typing import Any

from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent, llm
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous_openapi

from custom_components.ankle_care import llm as ankle_llm, voice
from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.sentences import (
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
)

from .assist import say, setup_assist

INTENTS = (
    INTENT_LOG_SORENESS,
    INTENT_STATUS,
    INTENT_ICE_DONE,
    INTENT_NEXT_REMINDER,
    INTENT_LOG_RUN,
    INTENT_PROFESSIONAL_VISIT,
)

pytestmark = pytest.mark.freeze_time("2026-11-20 17:00:00+00:00")


# Attaching the sentences


async def test_conversation_set_up_first(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    await setup_assist(hass)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    reply = await say(hass, "ankle pain 3")
    assert reply.speech.startswith("Alex, soreness 3 out of 10 logged")


async def test_attached_once_for_every_runner(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await setup_assist(hass)
    voice.async_setup_sentences(hass)  # a second call attaches nothing more
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    await say(hass, "ankle pain 3")
    coordinator = init_integration.runtime_data.coordinator
    assert [entry.severity for entry in coordinator.records.soreness] == [3]


async def test_home_assistants_own_sentences_still_work(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await setup_assist(hass)
    reply = await say(hass, "what time is it")
    assert reply.response.intent is not None
    assert reply.response.intent.intent_type == intent.INTENT_GET_CURRENT_TIME
    assert "Alex" not in reply.speech


async def test_sentences_not_attached_before_conversation(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    # Ankle Care waits for conversation: nothing was attached meanwhile
    assert "conversation" not in hass.config.components
    await setup_assist(hass)
    assert (await say(hass, "ankle pain 2")).speech.startswith("Alex, soreness 2")


async def test_invalid_sentences_are_logged_not_attached(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(
        voice,
        "trigger_configs",
        lambda: [{"platform": "conversation", "id": "en/0", "command": ["bad?"]}],
    )
    with caplog.at_level(logging.ERROR):
        await setup_assist(hass)
    assert "Assist sentences are not valid" in caplog.text
    reply = await say(hass, "ankle pain 2")
    assert "Alex" not in reply.speech
    assert init_integration.runtime_data.coordinator.records.soreness == []


async def test_a_failing_intent_is_answered(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await setup_assist(hass)
    handler = intent.async_get(hass)
    [status] = [h for h in handler if h.intent_type == INTENT_STATUS]

    async def broken(request: Any) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(status, "async_answer", broken)
    reply = await say(hass, "how is my ankle")
    assert reply.speech == "Sorry, Ankle Care could not do that."


# The Assist LLM API


def llm_context() -> llm.LLMContext:
    """Return an LLM context as an Assist pipeline makes it (fields of the release)."""
    values: dict[str, Any] = {
        "platform": "test",
        "context": Context(),
        "user_prompt": None,
        "language": "en",
        "assistant": "conversation",
        "device_id": None,
    }
    names = {field.name for field in fields(llm.LLMContext)}
    return llm.LLMContext(**{k: v for k, v in values.items() if k in names})


@pytest.fixture
async def assist_api(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> llm.APIInstance:
    """Return the Assist LLM API as an LLM agent gets it."""
    await setup_assist(hass)
    return await llm.async_get_api(hass, llm.LLM_API_ASSIST, llm_context())


async def test_intents_are_tools_of_the_assist_api(
    hass: HomeAssistant, assist_api: llm.APIInstance
) -> None:
    tools = {tool.name: tool for tool in assist_api.tools}
    handlers = {h.intent_type: h for h in intent.async_get(hass)}
    for intent_type in INTENTS:
        tool = tools[intent_type]
        assert tool.description == handlers[intent_type].description
        assert len(tool.description or "") > 80
        schema = voluptuous_openapi.convert(
            tool.parameters, custom_serializer=assist_api.custom_serializer
        )
        assert schema["type"] == "object"
        assert "runner" in schema["properties"]
    soreness = voluptuous_openapi.convert(
        tools[INTENT_LOG_SORENESS].parameters,
        custom_serializer=assist_api.custom_serializer,
    )
    assert soreness["properties"]["side"]["enum"] == ["left", "right"]
    assert soreness["properties"]["severity"]["type"] == "number"


async def test_tools_log_through_the_same_door(
    hass: HomeAssistant, init_integration: MockConfigEntry, assist_api: llm.APIInstance
) -> None:
    result = await assist_api.async_call_tool(
        llm.ToolInput(
            tool_name=INTENT_LOG_SORENESS,
            tool_args={"severity": 6, "side": "left", "location": "outer_ankle"},
        )
    )
    assert result["response_type"] == "action_done"
    speech = result["speech"]["plain"]["speech"]
    assert speech.startswith("Alex, soreness 6 out of 10 logged for your left ankle.")
    [entry] = init_integration.runtime_data.coordinator.records.soreness
    assert (entry.severity, entry.side, entry.location) == (6, "left", "outer_ankle")

    refused = await assist_api.async_call_tool(
        llm.ToolInput(tool_name=INTENT_LOG_SORENESS, tool_args={"severity": 14})
    )
    assert refused["response_type"] == "error"
    assert refused["speech"]["plain"]["speech"] == (
        "Soreness must be a whole number from 0 (pain-free) to 10, not 14."
    )
    assert len(init_integration.runtime_data.coordinator.records.soreness) == 1

    status = await assist_api.async_call_tool(
        llm.ToolInput(
            tool_name=INTENT_STATUS, tool_args={"focus": "run", "runner": "Alex"}
        )
    )
    assert status["response_type"] == "query_answer"
    assert status["speech"]["plain"]["speech"].startswith("Alex: No running today.")


# The llm platform of newer releases


@dataclass
class FakeLLMTools:
    """Stands in for `homeassistant.components.llm.LLMTools`."""

    tools: list[Any]
    prompt: str | None = None


@dataclass(frozen=True, kw_only=True)
class FakeToolAnnotations:
    """Stands in for `homeassistant.helpers.llm.ToolAnnotations`."""

    read_only: bool = False
    destructive: bool = True
    idempotent: bool = False
    open_world: bool = True


class FakeIntentTool(llm.IntentTool):
    """`IntentTool` with the keyword arguments of newer releases."""

    def __init__(
        self,
        name: str,
        handler: intent.IntentHandler,
        *,
        title: str | None = None,
        integration: str | None = None,
        annotations: FakeToolAnnotations | None = None,
    ) -> None:
        super().__init__(name, handler)
        self.title = title
        self.integration = integration
        self.annotations = annotations  # type: ignore[assignment]


@pytest.fixture
def newer_llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    """Load `llm.py` as on a release with the `llm` integration."""
    module = types.ModuleType("homeassistant.components.llm")
    module.LLMTools = FakeLLMTools  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "homeassistant.components.llm", module)
    monkeypatch.setattr(llm, "ToolAnnotations", FakeToolAnnotations, raising=False)
    monkeypatch.setattr(llm, "IntentTool", FakeIntentTool)
    yield importlib.reload(ankle_llm)
    monkeypatch.undo()
    importlib.reload(ankle_llm)


async def test_llm_platform_of_newer_releases(
    hass: HomeAssistant, init_integration: MockConfigEntry, newer_llm: Any
) -> None:
    await async_setup_component(hass, "intent", {})
    await hass.async_block_till_done()
    context = llm_context()
    result = newer_llm.async_get_tools(hass, context, llm.LLM_API_ASSIST)
    assert isinstance(result, FakeLLMTools)
    tools = {tool.name: tool for tool in result.tools}
    assert set(tools) == {f"{DOMAIN}__{intent_type}" for intent_type in INTENTS}
    status = tools[f"{DOMAIN}__{INTENT_STATUS}"]
    assert (status.title, status.integration) == ("Get ankle status", DOMAIN)
    assert status.annotations == FakeToolAnnotations(
        read_only=True, destructive=False, open_world=False
    )
    soreness = tools[f"{DOMAIN}__{INTENT_LOG_SORENESS}"]
    assert soreness.annotations == FakeToolAnnotations(
        destructive=False, open_world=False
    )
    assert soreness.description.startswith("Logs how sore the runner's ankle is")
    # nothing for another API, nothing without a loaded runner
    assert newer_llm.async_get_tools(hass, context, "homeassistant") is None
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert newer_llm.async_get_tools(hass, context, llm.LLM_API_ASSIST) is None


async def test_llm_platform_is_idle_on_these_releases(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert ankle_llm.LLMTools is None
    assert ankle_llm.async_get_tools(hass, llm_context(), llm.LLM_API_ASSIST) is None
