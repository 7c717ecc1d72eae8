"""Ankle Care's intents as tools of the Assist LLM API on the newest releases.

Up to 2026.2 the Assist API offers every registered intent as a tool, Ankle Care's
too (`intent.py`, `platforms = None`). Newer releases moved the Assist API into the
`llm` integration, which takes the tools of each integration from its own `llm.py`
platform: this one. It offers Ankle Care's intents while a runner is loaded. On
releases without that integration the import below fails and nothing asks for
this platform.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.llm import LLM_API_ASSIST, IntentTool, LLMContext

from .const import DOMAIN
from .sentences import (
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
)

try:  # the llm integration's platform (newer than 2026.2)
    from homeassistant.components.llm import (  # type: ignore[import-not-found,unused-ignore]
        LLMTools,
    )
    from homeassistant.helpers.llm import (  # type: ignore[attr-defined,unused-ignore]
        ToolAnnotations,
    )
except ImportError:
    LLMTools = ToolAnnotations = None

TOOL_TITLES: Final = {
    INTENT_LOG_SORENESS: "Log ankle soreness",
    INTENT_STATUS: "Get ankle status",
    INTENT_ICE_DONE: "Log finished icing",
    INTENT_NEXT_REMINDER: "Get next ankle reminder",
    INTENT_LOG_RUN: "Log a run",
    INTENT_PROFESSIONAL_VISIT: "Log a professional visit",
}
READ_ONLY: Final = frozenset({INTENT_STATUS, INTENT_NEXT_REMINDER})
"""Tools that only read; the others add one entry each time they are called."""


def tool_annotations(intent_type: str) -> dict[str, bool]:
    """Return how a tool behaves: read-only, or adding without taking away."""
    if intent_type in READ_ONLY:
        return {"read_only": True, "destructive": False, "open_world": False}
    return {"destructive": False, "open_world": False}


@callback
def async_get_tools(hass: HomeAssistant, llm_context: LLMContext, api_id: str) -> Any:
    """Return Ankle Care's tools (`LLMTools`) for the Assist API, or None.

    None for another API and while no runner is loaded. The tools are the
    registered intents, named with the integration's prefix as the `llm`
    integration asks.
    """
    if (
        LLMTools is None
        or api_id != LLM_API_ASSIST
        or not hass.config_entries.async_loaded_entries(DOMAIN)
    ):
        return None
    tools = []
    for handler in intent.async_get(hass):
        if handler.intent_type not in TOOL_TITLES:
            continue
        # keyword arguments of IntentTool newer than 2026.2
        options: dict[str, Any] = {
            "title": TOOL_TITLES[handler.intent_type],
            "integration": DOMAIN,
            "annotations": ToolAnnotations(**tool_annotations(handler.intent_type)),
        }
        tools.append(IntentTool(f"{DOMAIN}__{handler.intent_type}", handler, **options))
    return LLMTools(tools=tools)
