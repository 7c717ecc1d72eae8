"""The sentences themselves: valid on every release, one group per sentence, the slots.

Checked with the hassil of the running test environment (2.2.3 with Home Assistant
2025.4, 3.5.0 with 2026.2), through Home Assistant's own trigger schema, and with
the extra checks the newest release's schema makes (2026.11 parses each sentence
with hassil's `parse_sentence` and rejects punctuation outside `{wildcards}`).
"""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from hassil import Intents, recognize_all
from hassil.intents import WildcardSlotList
from hassil.parse_expression import parse_sentence
from hassil.util import (
    PUNCTUATION_END,
    PUNCTUATION_END_WORD,
    PUNCTUATION_START,
    PUNCTUATION_START_WORD,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.trigger import async_validate_trigger_config
import pytest

from custom_components.ankle_care.domain.load import RiskLevel, assess_risk
from custom_components.ankle_care.domain.phase import NEXT_STEPS, RecoveryPhase
from custom_components.ankle_care.domain.plan import ReminderKind
from custom_components.ankle_care.domain.records import Location, Side
from custom_components.ankle_care.domain.settings import Settings
from custom_components.ankle_care.intent import MAX_ANSWER_LENGTH
from custom_components.ankle_care.sentences import (
    ANSWER_NO,
    ANSWER_YES,
    ENGLISH,
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    LANGUAGES,
    answer_sentences,
    every_sentence,
    language_sentences,
    runner_name,
    said_location,
    said_side,
)
from custom_components.ankle_care.voice import trigger_configs
from tests.domain.en import COMMON, ROOT

README = Path(__file__).parent.parent.parent / "README.md"
# The factors of the injury risk, as the domain names them.
RISK_FACTORS = [
    factor.key
    for factor in assess_risk(
        Settings(),
        load_ratio=None,
        weekly_distance_km=0,
        previous_week_distance_km=0,
        worst_shoe=None,
        soreness=None,
        hard_surface_pct=None,
        uneven_surface_pct=None,
    )[1]
]
# What is not Ankle Care's: the built-in sentences keep working.
NOT_OURS = (
    "what time is it",
    "turn on the kitchen light",
    "add milk to my shopping list",
    "I ran out of milk",
    "what is the weather like",
    "set a timer for 5 minutes",
)


def _readme_examples() -> list[str]:
    """Return the sentences the README's voice section says can be said."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Voice (Assist)", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"\"([^\"]+)\"", section)


def _intents() -> Intents:
    """Build the sentences as the default agent builds its triggers."""
    intents = Intents.from_dict(
        {
            "language": "en",
            "intents": {
                str(index): {"data": [{"sentences": list(group.sentences)}]}
                for index, group in enumerate(ENGLISH.groups)
            },
        }
    )
    for sentence in every_sentence(ENGLISH):
        for name in re.findall(r"\{(\w+)\}", sentence):
            intents.slot_lists[name] = WildcardSlotList(name)
    return intents


def _groups(text: str) -> dict[int, dict[str, Any]]:
    """Return the groups a sentence matches, each with its first match's wildcards."""
    found: dict[int, dict[str, Any]] = {}
    for result in recognize_all(text, _intents()):
        found.setdefault(
            int(result.intent.name),
            {name: slot.value for name, slot in result.entities.items()},
        )
    return found


def test_the_readme_lists_the_sentences() -> None:
    examples = _readme_examples()
    assert len(examples) >= 40
    for sentence in (
        "my left ankle hurts six out of ten",
        "ankle pain 4",
        "my ankle is sore, about a 3",
        "how is my ankle",
        "what's my injury risk",
        "can I run today",
        "how far can I run today",
        "I finished icing",
        "I iced my ankle",
        "when do I ice next",
        "I ran 8 kilometers",
        "I ran 5 miles",
        "how is Alex's ankle",
    ):
        assert sentence in examples


@pytest.mark.parametrize("sentence", _readme_examples())
def test_every_readme_sentence_is_one_group(sentence: str) -> None:
    assert len(_groups(sentence)) == 1, sentence


@pytest.mark.parametrize("sentence", NOT_OURS)
def test_other_sentences_are_left_to_home_assistant(sentence: str) -> None:
    assert _groups(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "intent", "fixed", "wildcards"),
    [
        (
            "my left ankle hurts six out of ten",
            INTENT_LOG_SORENESS,
            {},
            {"runner": "my left", "severity": "six out of ten"},
        ),
        ("ankle pain 4", INTENT_LOG_SORENESS, {}, {"severity": "4"}),
        (
            "my ankle is sore, about a 3",
            INTENT_LOG_SORENESS,
            {},
            {"runner": "my", "severity": "about a 3"},
        ),
        ("how is Alex's ankle", INTENT_STATUS, {}, {"runner": "Alex's"}),
        ("what's my injury risk", INTENT_STATUS, {"focus": "risk"}, {"runner": "my"}),
        ("can I run today", INTENT_STATUS, {"focus": "run"}, {"runner": "I"}),
        ("how far can I run today", INTENT_STATUS, {"focus": "run"}, {"runner": "I"}),
        ("I finished icing", INTENT_ICE_DONE, {}, {"runner": "I"}),
        ("I iced my ankle", INTENT_ICE_DONE, {}, {"runner": "I"}),
        (
            "when do I ice next",
            INTENT_NEXT_REMINDER,
            {"reminder": "ice_start"},
            {"runner": "I"},
        ),
        (
            "I ran 8 kilometers",
            INTENT_LOG_RUN,
            {"unit": "km"},
            {"runner": "I", "distance": "8"},
        ),
        (
            "I ran 5 miles",
            INTENT_LOG_RUN,
            {"unit": "mi"},
            {"runner": "I", "distance": "5"},
        ),
        (
            "I saw a doctor and was cleared to run",
            INTENT_PROFESSIONAL_VISIT,
            {"cleared_to_run": True},
            {"runner": "I saw a doctor and"},
        ),
    ],
)
def test_the_issues_sentences(
    sentence: str, intent: str, fixed: dict[str, Any], wildcards: dict[str, str]
) -> None:
    [(index, slots)] = _groups(sentence).items()
    group = ENGLISH.groups[index]
    assert (group.intent, dict(group.slots), slots) == (intent, fixed, wildcards)


async def test_the_trigger_schema_of_this_release_takes_every_sentence(
    hass: HomeAssistant,
) -> None:
    configs = trigger_configs()
    assert len(configs) == sum(len(s.groups) for s in LANGUAGES.values())
    validated = await async_validate_trigger_config(hass, configs)
    assert [config["command"] for config in validated] == [
        list(group.sentences) for group in ENGLISH.groups
    ]


@pytest.mark.parametrize(
    "sentence",
    [*every_sentence(ENGLISH), *(s for a in ENGLISH.answers.values() for s in a)],
)
def test_every_sentence_passes_the_newest_checks(sentence: str) -> None:
    # 2026.11: parse_sentence, and no punctuation outside {wildcards}
    parse_sentence(sentence)
    plain = re.sub(r"(?<!\\)\{[^{}]*\}", "", sentence)
    for pattern in (
        PUNCTUATION_START,
        PUNCTUATION_END,
        PUNCTUATION_START_WORD,
        PUNCTUATION_END_WORD,
    ):
        assert not pattern.search(plain), sentence
    # and the syntax that hassil 2.2 through 3.x all accept
    assert "<" not in sentence
    assert ".." not in sentence
    assert "|)" not in sentence
    assert "(|" not in sentence
    assert "}:" not in sentence
    assert ")" + ":" not in sentence
    assert "} {" not in sentence


def test_answers_of_the_ice_off_question() -> None:
    answers = answer_sentences("en-US")
    assert [answer["id"] for answer in answers] == [ANSWER_YES, ANSWER_NO]
    intents = Intents.from_dict(
        {
            "language": "en",
            "intents": {
                answer["id"]: {"data": [{"sentences": answer["sentences"]}]}
                for answer in answers
            },
        }
    )
    for said, meant in (
        ("yes", ANSWER_YES),
        ("Yes, I did.", ANSWER_YES),
        ("yep", ANSWER_YES),
        ("I'm done", ANSWER_YES),
        ("I finished icing", ANSWER_YES),
        ("no", ANSWER_NO),
        ("not yet", ANSWER_NO),
        ("no I didn't", ANSWER_NO),
        ("I'm still icing", ANSWER_NO),
    ):
        assert {r.intent.name for r in recognize_all(said, intents)} == {meant}, said


@pytest.mark.parametrize(
    ("said", "known", "name"),
    [
        (None, [], None),
        ("my", [], None),
        ("I", [], None),
        ("my left", [], None),
        ("I just", [], None),
        ("I'm", [], None),
        ("the outside of my", [], None),
        ("I saw a doctor and", [], None),
        ("log", [], None),
        ("Alex's", [], "Alex"),
        ("Alex’s right", [], "Alex"),  # noqa: RUF001
        ("alex s", [], "alex"),
        ("James'", [], "James"),
        ("Sam", ["Alex"], "Sam"),
        # a runner's name that is also a word of the sentences
        ("Will's", ["Will"], "Will"),
        ("how is Will's", ["Alex", "Will"], "Will"),
        ("Mary Ann's left", ["Mary Ann"], "Mary Ann"),
    ],
)
def test_runner_name(said: str | None, known: list[str], name: str | None) -> None:
    assert runner_name(said, ENGLISH, known) == name


def test_side_and_place_said() -> None:
    assert said_side("my left ankle hurts 4", ENGLISH) is Side.LEFT
    assert said_side("My RIGHT ankle", ENGLISH) is Side.RIGHT
    assert said_side("my left and right ankles hurt 4", ENGLISH) is None
    assert said_side("my ankle hurts", ENGLISH) is None
    assert said_location("the outside of my ankle", ENGLISH) is Location.OUTER_ANKLE
    assert said_location("my Achilles hurts", ENGLISH) is Location.BACK_OF_ANKLE
    assert said_location("my ankle", ENGLISH) is None


def test_languages() -> None:
    assert language_sentences("en") is ENGLISH
    assert language_sentences("en-GB") is ENGLISH
    assert language_sentences(None) is ENGLISH
    assert language_sentences("de") is ENGLISH  # no sentences of its own yet
    assert "ankle" in ENGLISH.not_names
    assert "alex" not in ENGLISH.not_names


def _voice_keys_asked_for() -> set[str]:
    """Return every `voice_` text the intents and sentences can ask for."""
    code = "".join(
        (ROOT / name).read_text(encoding="utf-8")
        for name in ("intent.py", "voice.py", "reminders.py")
    )
    keys = set(re.findall(r"\"(voice_[a-z_]+)\"", code))
    keys |= {f"voice_phase_{phase.value}" for phase in RecoveryPhase}
    keys |= {f"voice_risk_level_{level.value}" for level in RiskLevel}
    keys |= {f"voice_risk_factor_{factor}" for factor in RISK_FACTORS}
    keys |= {f"voice_ankle_{side.value}" for side in Side}
    keys |= {f"voice_unit_{unit}{one}" for unit in ("km", "mi") for one in ("", "_one")}
    keys |= {f"voice_what_{kind.value}" for kind in ReminderKind}
    keys |= {f"voice_next_{kind}_none" for kind in ("ice_start", "exercise")}
    keys |= {f"voice_{slot}_not_understood" for slot in ("severity", "distance")}
    return keys


def test_every_voice_text_is_written_out_and_used() -> None:
    written = {key for key in COMMON if key.startswith("voice_")}
    assert _voice_keys_asked_for() == written
    assert "reminder_question_ice_done" in COMMON
    # the groups' sentences name what they ask
    assert {"voice_next_ice_start_none", "voice_next_exercise_none"} <= written


def test_the_longest_status_is_under_400_characters() -> None:
    """Every phase with its next steps, every risk factor, every run answer."""
    steps = {phase: [NEXT_STEPS[phase]] for phase in RecoveryPhase}
    steps[RecoveryPhase.RECOVERING].append("pain_free_activity")
    runs = [
        COMMON["voice_run_yes"].format(distance="12.5", unit="kilometers"),
        COMMON["voice_run_yes_no_limit"],
        COMMON["voice_run_week_full"],
        COMMON["voice_run_no"],
    ]
    risks = [
        COMMON["voice_risk_factor"].format(
            level=COMMON["voice_risk_level_very_high"],
            factor=COMMON[f"voice_risk_factor_{factor}"],
        )
        for factor in RISK_FACTORS
    ]
    runner = "Alexandra Fitzgerald"  # a long name
    longest = max(
        len(
            " ".join(
                (
                    COMMON[f"voice_phase_{phase.value}"].format(
                        runner=runner, ankle="right ankle", day=12
                    ),
                    COMMON[f"next_step_{step}"],
                    risk,
                    run,
                    COMMON["voice_not_medical_advice"],
                )
            )
        )
        for phase, keys in steps.items()
        for step in keys
        for risk in risks
        for run in runs
    )
    assert longest < MAX_ANSWER_LENGTH
