"""Every intent through Home Assistant's real default agent: what is stored, what is said.

Each test says sentences to `conversation.async_converse` with `homeassistant`,
`conversation` and `intent` set up, and checks both the runner's records and the
spoken answer (speakable, under 400 characters, the note only with advice).
"""

from __future__ import annotations

from datetime import timedelta
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.records import (
    KM_PER_MILE,
    Location,
    RunnerRecords,
    Side,
    TreatmentKind,
)
from custom_components.ankle_care.intent import async_error_text, when_text
from custom_components.ankle_care.texts import Texts
from tests.domain.en import COMMON, ROOT

from .assist import NOTE, say, setup_assist
from .helpers import advance, call_action

# 09:00 local time (US/Pacific in tests)
NOW = "2026-11-20 17:00:00+00:00"
RICE = COMMON["next_step_rice"]
PREVENTION = COMMON["next_step_prevention"]

pytestmark = pytest.mark.freeze_time(NOW)


@pytest.fixture
async def assist(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Alex, the only runner, with Assist set up after Ankle Care."""
    await setup_assist(hass)
    return init_integration


def records(entry: MockConfigEntry) -> RunnerRecords:
    """Return what a runner has logged."""
    return entry.runtime_data.coordinator.records


def next_step(entry: MockConfigEntry, side: Side | None = None) -> str:
    """Return the next step the runner's snapshot gives for one ankle, as said."""
    phase = entry.runtime_data.coordinator.data.phase
    ankle = next((a for a in phase.per_ankle if a.side is side), phase)
    return COMMON[f"next_step_{ankle.next_step}"]


async def log_soreness(
    hass: HomeAssistant, entry: MockConfigEntry, severity: int, **data: Any
) -> None:
    """Log soreness through the action, as the dashboard or a phone would."""
    await call_action(hass, entry.entry_id, "log_soreness", severity=severity, **data)


# AnkleCareLogSoreness


@pytest.mark.parametrize(
    ("sentence", "severity", "side", "location"),
    [
        ("my left ankle hurts six out of ten", 6, Side.LEFT, None),
        ("ankle pain 4", 4, None, None),
        ("my ankle is sore, about a 3", 3, None, None),
        ("My right ankle hurts 2.", 2, Side.RIGHT, None),
        ("the outside of my left ankle hurts 3", 3, Side.LEFT, Location.OUTER_ANKLE),
        ("my achilles hurts five", 5, None, Location.BACK_OF_ANKLE),
        ("my heel is sore 1", 1, None, Location.HEEL),
        ("left ankle pain is 2", 2, Side.LEFT, None),
        ("log ankle pain 5", 5, None, None),
        ("Alex's right ankle hurts seven", 7, Side.RIGHT, None),
        ("my ankle pain is at two", 2, None, None),
        ("the inside of my ankle aches 4 out of 10", 4, None, Location.INNER_ANKLE),
    ],
)
async def test_log_soreness(
    hass: HomeAssistant,
    assist: MockConfigEntry,
    sentence: str,
    severity: int,
    side: Side | None,
    location: Location | None,
) -> None:
    reply = await say(hass, sentence)
    [entry] = records(assist).soreness
    assert (entry.severity, entry.side, entry.location) == (severity, side, location)
    assert entry.time == dt_util.utcnow()
    ankle = f"{side.value} ankle" if side else "ankle"
    assert reply.speech == (
        f"Alex, soreness {severity} out of 10 logged for your {ankle}. "
        f"{next_step(assist, side)} {NOTE}"
    )


async def test_log_soreness_says_the_next_step(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "my left ankle hurts six out of ten")
    assert reply.speech == (
        "Alex, soreness 6 out of 10 logged for your left ankle. Rest, ice for 15 to"
        " 20 minutes every two to three hours, wrap the ankle snugly and keep it"
        f" raised above your heart. {NOTE}"
    )
    assert assist.runtime_data.coordinator.data.phase.phase == "acute_care"


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (
            "my ankle hurts 14",
            "Soreness must be a whole number from 0 (pain-free) to 10, not 14.",
        ),
        (
            "ankle pain 4.5",
            "Soreness must be a whole number from 0 (pain-free) to 10, not 4.5.",
        ),
        (
            "my ankle hurts",
            "How sore is it, from 0 to 10? Say for example: my ankle hurts 4.",
        ),
    ],
)
async def test_bad_severity_is_answered_and_nothing_stored(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str, answer: str
) -> None:
    reply = await say(hass, sentence)
    assert reply.speech == answer
    assert not reply.advice
    assert records(assist).soreness == []


async def test_soreness_not_read_as_said_adds_the_red_flags(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    # "a lot" is no number: nothing is stored, and what could not be read might
    # have been a red flag, so the answer says when to see a professional at once
    reply = await say(hass, "my ankle hurts a lot")
    assert reply.speech == (
        'Sorry, I did not catch how sore it is in "a lot". Say a number from 0 to 10.'
        f" {COMMON['article_red_flags']} {NOTE}"
    )
    assert reply.advice
    assert records(assist).soreness == []


async def test_no_side_with_two_open_ankles(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    await log_soreness(hass, assist, 5, side="left")
    await log_soreness(hass, assist, 5, side="right")
    reply = await say(hass, "my ankle hurts 4")
    assert reply.speech == (
        "Both ankles have an open care episode (left, right). Say which ankle this"
        " entry is for: left or right."
    )
    assert len(records(assist).soreness) == 2
    # with the side it is logged
    reply = await say(hass, "my right ankle hurts 4")
    assert reply.speech.startswith("Alex, soreness 4 out of 10 logged for your right")
    assert [e.side for e in records(assist).soreness] == [
        Side.LEFT,
        Side.RIGHT,
        Side.RIGHT,
    ]


# AnkleCareStatus


async def test_status_without_any_log(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "how is my ankle")
    assert reply.speech == (
        f"Alex, your ankle is pain-free. {PREVENTION} Injury risk is low. You may run"
        " today; too little history for a safe distance yet, so build up gradually."
        f" {NOTE}"
    )
    for sentence in (
        "How is Alex's ankle?",
        "how are my ankles doing",
        "how is my recovery going",
        "what's my ankle status",
        "ankle status",
    ):
        assert (await say(hass, sentence)).speech == reply.speech, sentence


async def test_status_in_acute_care(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await log_soreness(hass, assist, 6, side="left")
    await advance(hass, freezer, timedelta(days=1))
    reply = await say(hass, "how is my left ankle")
    assert reply.speech == (
        f"Alex, your left ankle is in acute care, day 2. {RICE} Injury risk is high,"
        f" mainly from the soreness you logged. No running today. {NOTE}"
    )
    reply = await say(hass, "can I run today")
    assert reply.speech == f"Alex: No running today. {RICE} {NOTE}"
    reply = await say(hass, "what's my injury risk")
    assert reply.speech == (
        "Alex: Injury risk is high, mainly from the soreness you logged."
    )
    assert not reply.advice  # a figure, not advice


async def test_status_with_a_second_ankle(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    await log_soreness(hass, assist, 6, side="left")
    # no status of the right ankle yet: the runner's
    right = await say(hass, "how is my right ankle")
    assert right.speech.startswith("Alex, your left ankle is in acute care, day 1.")
    await log_soreness(hass, assist, 2, side="right")
    right = await say(hass, "how is my right ankle")
    assert right.speech.startswith("Alex, your right ankle is mildly sore.")
    # without a side: the most urgent ankle
    both = await say(hass, "how is my ankle")
    assert both.speech.startswith("Alex, your left ankle is in acute care, day 1.")


async def test_status_with_a_training_history(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    now = dt_util.now()
    for days in range(35, 0, -1):
        await call_action(
            hass,
            assist.entry_id,
            "log_run",
            distance=5 + days % 3,
            start=(now - timedelta(days=days)).isoformat(),
        )
    load = assist.runtime_data.coordinator.data.load
    assert load.safe_distance_today_km
    safe = f"{round(load.safe_distance_today_km, 1):g}"
    expected = f"Alex: You may run today, up to about {safe} kilometers. {NOTE}"
    for sentence in (
        "can I run today",
        "how far can I run today",
        "how many kilometers can I run today",
        "what's my safe distance today",
        "safe distance",
        "am I allowed to run today",
    ):
        assert (await say(hass, sentence)).speech == expected, sentence
    for sentence in ("what's my injury risk", "injury risk", "am I at risk of injury"):
        reply = await say(hass, sentence)
        assert reply.speech.startswith("Alex: Injury risk is "), sentence
        assert not reply.advice


async def test_this_weeks_safe_distance_is_run(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    now = dt_util.now()
    for days, km in ((8, 10), (0, 12)):
        await call_action(
            hass,
            assist.entry_id,
            "log_run",
            distance=km,
            start=(now - timedelta(days=days)).isoformat(),
        )
    assert assist.runtime_data.coordinator.data.load.safe_distance_today_km == 0
    reply = await say(hass, "can I run today")
    assert reply.speech == (
        "Alex: You have run this week's safe distance: rest or cross-train today."
        f" {NOTE}"
    )


# AnkleCareIceDone


async def test_finished_icing_logs_the_session(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    await log_soreness(hass, assist, 5)
    flare_up = dt_util.utcnow()
    await advance(hass, freezer, timedelta(minutes=18))
    reply = await say(hass, "I finished icing")
    [ice] = records(assist).treatments
    assert (ice.treatment, ice.time, ice.duration_minutes) == (
        TreatmentKind.ICE,
        flare_up,
        18,
    )
    # the next session three hours after this one: 12:00 local
    assert reply.speech == "Alex, 18 minutes of ice logged. Next ice session at 12:00."
    assert not reply.advice


async def test_finished_icing_after_the_done_button_logs_the_session_once(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    # The phone's Done button (or the card, or the action) already logged this
    # session's ice when it began: saying so afterwards does not log a second one.
    await log_soreness(hass, assist, 5)
    await advance(hass, freezer, timedelta(minutes=1))
    await call_action(hass, assist.entry_id, "log_treatment", treatment="ice")
    await advance(hass, freezer, timedelta(minutes=17))
    reply = await say(hass, "I finished icing")
    assert [t.treatment for t in records(assist).treatments] == [TreatmentKind.ICE]
    # the session began with the ice logged at 9:01: 17 minutes, the next at 12:01
    assert reply.speech == "Alex, 17 minutes of ice logged. Next ice session at 12:01."

    # the next session, three hours on, is logged when said
    await advance(hass, freezer, timedelta(hours=3))
    await say(hass, "I finished icing")
    assert len(records(assist).treatments) == 2


async def test_iced_without_a_session_logs_the_usual_length(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "I iced my ankle")
    [ice] = records(assist).treatments
    assert ice.treatment is TreatmentKind.ICE
    assert ice.time == dt_util.utcnow() - timedelta(minutes=20)
    assert ice.duration_minutes == 20
    assert reply.speech == "Alex, 20 minutes of ice logged."


@pytest.mark.parametrize(
    "sentence",
    [
        "done icing",
        "finished icing my ankle",
        "icing is done",
        "the ice is off",
        "ice off",
        "I took the ice off",
        "I'm done icing my left ankle",
        "Alex finished icing",
        "I iced the right ankle just now",
    ],
)
async def test_icing_done_variants(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str
) -> None:
    reply = await say(hass, sentence)
    assert [t.treatment for t in records(assist).treatments] == [TreatmentKind.ICE]
    assert reply.speech == "Alex, 20 minutes of ice logged."


async def test_finished_icing_at_once_is_one_minute(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    await log_soreness(hass, assist, 5)
    reply = await say(hass, "done icing")
    assert reply.speech == "Alex, 1 minute of ice logged. Next ice session at 12:00."


# AnkleCareNextReminder


async def test_next_reminder(
    hass: HomeAssistant, assist: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    # ready: the daily exercises at 18:00
    reply = await say(hass, "what's my next reminder")
    assert reply.speech == "Alex, next: ankle exercises, at 18:00."
    assert (await say(hass, "when do I do my ankle exercises")).speech == reply.speech
    reply = await say(hass, "when do I ice next")
    assert reply.speech == "Alex, no ice session is planned."

    await log_soreness(hass, assist, 5)
    reply = await say(hass, "what's my next reminder")
    assert reply.speech == "Alex, next: ice off, in 20 minutes."
    for sentence in ("when do I ice next", "when is my next ice session"):
        reply = await say(hass, sentence)
        assert reply.speech == "Alex, next: ice session, at 12:00.", sentence
    reply = await say(hass, "when do I do my ankle exercises")
    assert reply.speech == "Alex, no exercise reminder is planned."

    await advance(hass, freezer, timedelta(minutes=19, seconds=30))
    reply = await say(hass, "what's my next reminder")
    assert reply.speech == "Alex, next: ice off, now."

    # after the evening session the next one is tomorrow morning
    await advance(hass, freezer, timedelta(hours=12, minutes=30))
    reply = await say(hass, "when should I ice my ankle again")
    assert reply.speech == "Alex, next: ice session, tomorrow at 07:00."
    assert not reply.advice


async def test_next_reminder_with_reminders_off(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    reply = await say(hass, "what is my next reminder")
    assert reply.speech == (
        "Alex, next: ankle exercises, at 18:00. Reminders are switched off."
    )


async def test_no_reminder_planned(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    await log_soreness(hass, assist, 5, side="left")
    await call_action(hass, assist.entry_id, "log_professional_visit", side="left")
    # in a professional's care Ankle Care plans no reminders
    reply = await say(hass, "what's my next reminder")
    assert reply.speech == "Alex, no reminder is planned."


# AnkleCareLogRun


@pytest.mark.parametrize(
    ("sentence", "km", "said"),
    [
        ("I ran 8 kilometers", 8, "8 kilometers"),
        ("I ran 5 miles", 5 * KM_PER_MILE, "5 miles"),
        ("I ran a mile", KM_PER_MILE, "1 mile"),
        ("I just ran eight and a half kilometers", 8.5, "8.5 kilometers"),
        ("I did a 5 kilometer run", 5, "5 kilometers"),
        ("log a run of 10 km", 10, "10 kilometers"),
        ("log a 3 mile run", 3 * KM_PER_MILE, "3 miles"),
        ("Alex ran twelve k today", 12, "12 kilometers"),
        ("I ran 1 kilometer", 1, "1 kilometer"),
    ],
)
async def test_log_run(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str, km: float, said: str
) -> None:
    reply = await say(hass, sentence)
    [run] = records(assist).runs
    assert run.distance_km == pytest.approx(km)
    assert run.start == dt_util.utcnow()
    weekly = f"{round(km, 1):g}"
    unit = "kilometer" if weekly == "1" else "kilometers"
    assert reply.speech == (
        f"Alex, {said} logged. This week: {weekly} {unit}. Injury risk is low."
    )
    assert not reply.advice


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (
            "I ran 600 kilometers",
            "The distance must be more than 0 (and a single run), not 600 km.",
        ),
        (
            "I ran lots of kilometers",
            'Sorry, I did not catch the distance in "lots of". Say for example: I'
            " ran 8 kilometers.",
        ),
    ],
)
async def test_bad_distance_is_answered_and_nothing_stored(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str, answer: str
) -> None:
    assert (await say(hass, sentence)).speech == answer
    assert records(assist).runs == []


@pytest.mark.parametrize(
    "mock_config_entry",
    [
        MockConfigEntry(
            domain=DOMAIN,
            title="Alex",
            data={"name": "Alex", "unit": "mi"},
            entry_id="01JALEXMILES00000000000000",
        )
    ],
)
async def test_the_week_in_the_runners_unit(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "I ran 5 kilometers")
    assert reply.speech == (
        "Alex, 5 kilometers logged. This week: 3.1 miles. Injury risk is low."
    )
    assert records(assist).runs[0].distance_km == 5


# AnkleCareProfessionalVisit


async def test_professional_visit(hass: HomeAssistant, assist: MockConfigEntry) -> None:
    await log_soreness(hass, assist, 6, side="left")
    reply = await say(hass, "I saw a physio about my left ankle")
    [visit] = records(assist).visits
    assert (visit.side, visit.cleared_to_run) == (Side.LEFT, False)
    assert reply.speech == (
        "Alex, the professional's visit is logged for your left ankle."
        f" {next_step(assist, Side.LEFT)} {NOTE}"
    )
    assert "professional" in reply.speech


@pytest.mark.parametrize(
    "sentence",
    [
        "I saw a doctor and was cleared to run",
        "I was cleared to run",
        "I've been cleared to run by my physio",
        "the physio cleared me to run",
    ],
)
async def test_cleared_to_run(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str
) -> None:
    await log_soreness(hass, assist, 6, side="left")
    reply = await say(hass, sentence)
    [visit] = records(assist).visits
    assert (visit.side, visit.cleared_to_run) == (Side.LEFT, True)
    assert reply.speech == (
        "Alex, the professional's visit is logged for your left ankle."
        f" {next_step(assist, Side.LEFT)} {NOTE}"
    )


async def test_visit_without_an_open_ankle_or_with_two(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "I saw a doctor")
    assert reply.speech == (
        "No ankle has an open care episode. Say which ankle the professional saw:"
        " left or right."
    )
    await log_soreness(hass, assist, 5, side="left")
    await log_soreness(hass, assist, 5, side="right")
    reply = await say(hass, "I saw a doctor")
    assert reply.speech.startswith("Both ankles have an open care episode")
    assert records(assist).visits == []


# The runner


@pytest.fixture
async def two_runners(hass: HomeAssistant, assist: MockConfigEntry) -> MockConfigEntry:
    """Add Sam to Alex."""
    sam = MockConfigEntry(
        domain=DOMAIN,
        title="Sam",
        data={"name": "Sam", "unit": "km"},
        entry_id="01JSAMRUNNER00000000000000",
    )
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    return sam


async def test_two_runners_are_named(
    hass: HomeAssistant, assist: MockConfigEntry, two_runners: MockConfigEntry
) -> None:
    which = (
        "Which runner? Say the name, for example: how is Alex's ankle. Runners:"
        " Alex, Sam."
    )
    assert (await say(hass, "my ankle hurts 4")).speech == which
    assert (await say(hass, "how is my ankle")).speech == which
    assert (await say(hass, "I ran 5 kilometers")).speech == which
    assert records(assist).soreness == records(two_runners).soreness == []

    reply = await say(hass, "Sam's left ankle hurts 4")
    assert reply.speech.startswith("Sam, soreness 4 out of 10 logged for your left")
    assert records(assist).soreness == []
    assert [e.severity for e in records(two_runners).soreness] == [4]
    assert (await say(hass, "how is Alex's ankle")).speech.startswith(
        "Alex, your ankle is pain-free."
    )
    assert (await say(hass, "Sam ran 5 kilometers")).speech.startswith("Sam, 5 ")
    assert len(records(two_runners).runs) == 1


async def test_unknown_runner(
    hass: HomeAssistant, assist: MockConfigEntry, two_runners: MockConfigEntry
) -> None:
    reply = await say(hass, "Chris's ankle hurts 4")
    assert reply.speech == "Ankle Care has no runner called Chris. Runners: Alex, Sam."
    assert records(assist).soreness == records(two_runners).soreness == []
    reply = await say(hass, "how is Chris's ankle")
    assert reply.speech.startswith("Ankle Care has no runner called Chris.")


async def test_unknown_runner_with_one_runner(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "Sam's ankle hurts 4")
    assert reply.speech == "Ankle Care has no runner called Sam. Runners: Alex."
    assert records(assist).soreness == []


async def test_runners_with_the_same_first_name(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    hass.config_entries.async_update_entry(assist, title="Alex Smith")
    await hass.async_block_till_done()
    jones = MockConfigEntry(
        domain=DOMAIN,
        title="Alex Jones",
        data={"name": "Alex Jones", "unit": "km"},
        entry_id="01JALEXJONES0000000000000",
    )
    jones.add_to_hass(hass)
    assert await hass.config_entries.async_setup(jones.entry_id)
    await hass.async_block_till_done()
    reply = await say(hass, "Alex's ankle hurts 4")
    assert reply.speech == (
        "Which runner? Say the name, for example: how is Alex Jones's ankle. Runners:"
        " Alex Jones, Alex Smith."
    )
    reply = await say(hass, "Alex Jones's ankle hurts 4")
    assert reply.speech.startswith("Alex Jones, soreness 4")
    assert [e.severity for e in records(jones).soreness] == [4]


async def test_runner_not_loaded(hass: HomeAssistant, assist: MockConfigEntry) -> None:
    sam = MockConfigEntry(
        domain=DOMAIN,
        title="Sam",
        data={"name": "Sam", "unit": "km"},
        entry_id="01JSAMRUNNER00000000000000",
    )
    sam.add_to_hass(hass)  # not set up
    reply = await say(hass, "how is Sam's ankle")
    assert reply.speech == "The Ankle Care runner Sam is not loaded."
    # the only loaded runner is the one meant
    assert (await say(hass, "my ankle hurts 2")).speech.startswith("Alex, soreness 2")
    await hass.config_entries.async_unload(assist.entry_id)
    await hass.async_block_till_done()
    reply = await say(hass, "my ankle hurts 2")
    assert reply.speech == "The Ankle Care runner Alex, Sam is not loaded."


async def test_no_runner_configured(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    await setup_assist(hass)
    answer = (
        "Ankle Care has no runner yet. Add one under Settings, Devices and services."
    )
    for sentence in ("how is my ankle", "my ankle hurts 4", "I ran 5 kilometers"):
        assert (await say(hass, sentence)).speech == answer


# Language


async def test_answers_in_the_pipelines_language_or_english(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    # Italian has no Ankle Care texts: English
    reply = await say(hass, "ankle pain 3", language="it")
    assert reply.speech.startswith("Alex, soreness 3 out of 10 logged")
    reply = await say(hass, "my ankle hurts 14", language="it")
    assert reply.speech.startswith("Soreness must be a whole number")
    # German has them, Swiss German reads them too: an English sentence is
    # answered in the pipeline's language (tests/integration/test_voice_languages.py)
    german = json.loads((ROOT / "translations" / "de.json").read_text())["common"]
    for language in ("de", "de-CH"):
        reply = await say(hass, "ankle pain 3", language=language)
        assert reply.speech.startswith(
            german["voice_soreness_logged"].format(
                runner="Alex", severity=3, ankle=german["voice_ankle"]
            )
        )
        assert reply.speech.endswith(german["voice_not_medical_advice"])


async def test_when_and_errors_are_said(hass: HomeAssistant) -> None:
    texts = Texts({f"component.{DOMAIN}.common.{k}": v for k, v in COMMON.items()})
    now = dt_util.as_utc(dt_util.now().replace(hour=9, minute=0))
    assert when_text(texts, now + timedelta(seconds=50), now) == "now"
    assert when_text(texts, now + timedelta(minutes=25), now) == "in 25 minutes"
    assert when_text(texts, now + timedelta(hours=3), now) == "at 12:00"
    assert when_text(texts, now + timedelta(hours=22), now) == "tomorrow at 07:00"
    assert when_text(texts, now + timedelta(days=3), now) == "in 3 days at 09:00"
    # an error that is not Ankle Care's is said as it is
    assert await async_error_text(hass, "en", HomeAssistantError("Busy")) == "Busy"
