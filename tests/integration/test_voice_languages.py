"""Ankle Care in German, French, Spanish and Dutch, through the real default agent.

Each language's sentences are said to `conversation.async_converse` with the
pipeline in that language; the test checks what is stored and that the answer is
the text of that language's translation file (`translations/<language>.json`, with
English where a text is missing, as Home Assistant's loader gives it), never an
English string written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
import json
import string
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.load import RiskLevel
from custom_components.ankle_care.domain.records import (
    RunnerRecords,
    Side,
    TreatmentKind,
)
from custom_components.ankle_care.texts import TEXT_LANGUAGES, Texts, text_language
from tests.domain.en import ROOT

from .assist import say, setup_assist

# 09:00 local time (US/Pacific in tests)
NOW = "2026-11-20 17:00:00+00:00"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("de", "fr", "es", "nl")

pytestmark = pytest.mark.freeze_time(NOW)


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@dataclass(frozen=True, slots=True)
class Translated:
    """One language's texts as Home Assistant's translation loader gives them.

    A text the language lacks, or whose placeholders differ from English, is the
    English one (the loader merges English in and drops such texts).
    """

    language: str

    def _strings(self, name: str) -> dict[str, Any]:
        path = TRANSLATIONS / f"{name}.json"
        strings: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return strings

    def text(self, category: str, key: str, **placeholders: object) -> str:
        """Return one text of a category, placeholders filled in."""
        english = self._strings("en")[category][key]
        own = self._strings(self.language).get(category, {}).get(key)
        if isinstance(english, dict):  # exceptions: {"message": ...}
            english, own = english["message"], (own or {}).get("message")
        template = own if own and _fields(own) == _fields(english) else english
        return str(template).format(**placeholders)

    def __call__(self, key: str, **placeholders: object) -> str:
        """Return one `common` text, placeholders filled in."""
        return self.text("common", key, **placeholders)


@dataclass(frozen=True, slots=True)
class Sentences:
    """What is said in one language, one sentence per step of the scenario."""

    next_reminder: str
    ice: str
    run: str  # 5 km (10 km in French)
    run_half: str  # 8.5 km
    soreness: str  # the left ankle, 6 out of 10
    no_number: str
    not_a_number: tuple[str, str]  # the sentence, the words that are no number
    too_sore: str  # 14 out of 10
    status: str  # the left ankle
    may_run: str
    risk: str
    next_ice: str
    denied: str  # a professional did not clear the runner
    visit: str  # the left ankle
    cleared: str


SAID = {
    "de": Sentences(
        next_reminder="was ist meine nächste Erinnerung",
        ice="ich habe meinen Knöchel gekühlt",
        run="ich bin 5 Kilometer gelaufen",
        run_half="ich bin achteinhalb Kilometer gelaufen",
        soreness="mein linker Knöchel tut sechs von zehn weh",
        no_number="mein Knöchel tut weh",
        not_a_number=("mein Knöchel tut ziemlich weh", "ziemlich"),
        too_sore="mein linker Knöchel tut vierzehn weh",
        status="wie geht es meinem linken Knöchel",
        may_run="kann ich heute laufen",
        risk="wie hoch ist mein Verletzungsrisiko",
        next_ice="wann muss ich wieder kühlen",
        denied="der Arzt hat mich nicht zum Laufen freigegeben",
        visit="ich war beim Physio wegen meines linken Knöchels",
        cleared="der Arzt hat mich zum Laufen freigegeben",
    ),
    "fr": Sentences(
        next_reminder="quel est mon prochain rappel",
        ice="j'ai glacé ma cheville",
        run="j'ai couru dix kilomètres",
        run_half="j'ai couru huit kilomètres et demi",
        soreness="ma cheville gauche me fait mal à six sur dix",
        no_number="j'ai mal à la cheville",
        not_a_number=("j'ai mal à la cheville, beaucoup", "beaucoup"),
        too_sore="ma cheville gauche me fait mal à quatorze",
        status="comment va ma cheville gauche",
        may_run="puis-je courir aujourd'hui",
        risk="quel est mon risque de blessure",
        next_ice="quand dois-je glacer à nouveau",
        denied="le médecin ne m'a pas autorisé à courir",
        visit="j'ai vu un kiné pour ma cheville gauche",
        cleared="le kiné m'a autorisé à reprendre la course",
    ),
    "es": Sentences(
        next_reminder="¿cuál es mi próximo recordatorio?",
        ice="he puesto hielo en el tobillo",
        run="corrí 5 km",
        run_half="corrí ocho kilómetros y medio",
        soreness="me duele el tobillo izquierdo un seis",
        no_number="me duele el tobillo",
        not_a_number=("me duele el tobillo mucho", "mucho"),
        too_sore="me duele el tobillo izquierdo un catorce",
        status="¿cómo está mi tobillo izquierdo?",
        may_run="¿puedo correr hoy?",
        risk="¿cuál es mi riesgo de lesión?",
        next_ice="¿cuándo tengo que ponerme hielo otra vez?",
        denied="no me dieron el alta para correr",
        visit="fui al fisio por mi tobillo izquierdo",
        cleared="el fisio me dio el alta para volver a correr",
    ),
    "nl": Sentences(
        next_reminder="wat is mijn volgende herinnering",
        ice="ik heb mijn enkel gekoeld",
        run="ik heb 5 kilometer gelopen",
        run_half="ik heb achtenhalf kilometer gelopen",
        soreness="mijn linkerenkel doet zes van de tien pijn",
        no_number="mijn enkel doet pijn",
        not_a_number=("mijn enkel doet heel erg pijn", "heel erg"),
        too_sore="mijn linkerenkel doet veertien pijn",
        status="hoe gaat het met mijn linkerenkel",
        may_run="mag ik vandaag hardlopen",
        risk="wat is mijn blessurerisico",
        next_ice="wanneer moet ik weer koelen",
        denied="de fysio heeft me niet vrijgegeven om te lopen",
        visit="ik ben bij de fysio geweest voor mijn linkerenkel",
        cleared="ik mag van de fysio weer hardlopen",
    ),
}
FIRST_KM = {"de": 5, "fr": 10, "es": 5, "nl": 5}


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


def risk(entry: MockConfigEntry, t: Translated) -> str:
    """Return the injury risk as said, with the factor that raises it most."""
    load = entry.runtime_data.coordinator.data.load
    level = t(f"voice_risk_level_{load.risk.value}")
    main = next((f for f in load.risk_factors if f.level is load.risk), None)
    if load.risk is RiskLevel.LOW or main is None:
        return t("voice_risk", level=level)
    return t(
        "voice_risk_factor", level=level, factor=t(f"voice_risk_factor_{main.key}")
    )


def next_step(entry: MockConfigEntry, t: Translated) -> str:
    """Return the next step of the left ankle (the runner's without one), as said."""
    phase = entry.runtime_data.coordinator.data.phase
    ankle = next((a for a in phase.per_ankle if a.side is Side.LEFT), phase)
    return t(f"next_step_{ankle.next_step}")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_intent_in_the_pipelines_language(
    hass: HomeAssistant,
    assist: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    language: str,
) -> None:
    """One day of a runner, said in one language: stored as said, answered in it."""
    said, t = SAID[language], Translated(language)
    note = t("voice_not_medical_advice")

    async def answer(sentence: str) -> str:
        return (await say(hass, sentence, language=language)).speech

    # ready: the daily exercises are next
    assert await answer(said.next_reminder) == t(
        "voice_next_reminder",
        runner="Alex",
        what=t("voice_what_exercise"),
        when=t("voice_when_today", time="18:00"),
    )

    # ice without a session: the usual 20 minutes, ending now
    assert await answer(said.ice) == t("voice_ice_logged", runner="Alex", minutes=20)
    [ice] = records(assist).treatments
    assert (ice.treatment, ice.duration_minutes) == (TreatmentKind.ICE, 20)
    assert ice.time == dt_util.utcnow() - timedelta(minutes=20)

    # runs, in words and digits, with a half
    km = FIRST_KM[language]
    assert await answer(said.run) == " ".join(
        (
            t(
                "voice_run_logged",
                runner="Alex",
                distance=str(km),
                unit=t("voice_unit_km"),
                weekly=str(km),
                weekly_unit=t("voice_unit_km"),
            ),
            risk(assist, t),
        )
    )
    speech = await answer(said.run_half)
    assert [run.distance_km for run in records(assist).runs] == [km, 8.5]
    assert speech == " ".join(
        (
            t(
                "voice_run_logged",
                runner="Alex",
                distance="8.5",
                unit=t("voice_unit_km"),
                weekly=f"{km + 8.5:g}",
                weekly_unit=t("voice_unit_km"),
            ),
            risk(assist, t),
        )
    )

    # soreness: nothing stored without a number, or with one out of range
    response = (await say(hass, said.no_number, language=language)).response
    assert response.speech["plain"]["speech"] == t("voice_severity_missing")
    sentence, words = said.not_a_number
    assert await answer(sentence) == " ".join(
        (
            t("voice_severity_not_understood", text=words),
            t("article_red_flags"),  # what it could not read may be a red flag
            t("voice_not_medical_advice"),
        )
    )
    assert await answer(said.too_sore) == t.text(
        "exceptions", "severity_out_of_range", severity="14"
    )
    assert records(assist).soreness == []
    # and logged with its side and number
    speech = await answer(said.soreness)
    [soreness] = records(assist).soreness
    assert (soreness.severity, soreness.side) == (6, Side.LEFT)
    assert speech == " ".join(
        (
            t(
                "voice_soreness_logged",
                runner="Alex",
                severity=6,
                ankle=t("voice_ankle_left"),
            ),
            next_step(assist, t),
            note,
        )
    )

    # the status, the run question, the risk and the next ice session
    phase = assist.runtime_data.coordinator.data.phase
    assert phase.phase == "acute_care"
    assert not phase.may_run
    assert await answer(said.status) == " ".join(
        (
            t(
                "voice_phase_acute_care",
                runner="Alex",
                ankle=t("voice_ankle_left"),
                day=1,
            ),
            next_step(assist, t),
            risk(assist, t),
            t("voice_run_no"),
            note,
        )
    )
    assert await answer(said.may_run) == " ".join(
        (
            t("voice_addressed", runner="Alex", text=t("voice_run_no")),
            next_step(assist, t),
            note,
        )
    )
    assert await answer(said.risk) == t(
        "voice_addressed", runner="Alex", text=risk(assist, t)
    )
    # the ice logged at 08:40 counts as the flare-up's session: three hours on
    assert await answer(said.next_ice) == t(
        "voice_next_reminder",
        runner="Alex",
        what=t("voice_what_ice_start"),
        when=t("voice_when_today", time="11:40"),
    )

    # a professional: a denial logs nothing, a visit and a clearance are logged
    assert await answer(said.denied) == t("voice_failed")
    assert records(assist).visits == []
    await_visit = await answer(said.visit)
    [visit] = records(assist).visits
    assert (visit.side, visit.cleared_to_run) == (Side.LEFT, False)
    assert await_visit == " ".join(
        (
            t("voice_visit_logged", runner="Alex", ankle=t("voice_ankle_left")),
            next_step(assist, t),
            note,
        )
    )
    await answer(said.cleared)
    assert [v.cleared_to_run for v in records(assist).visits] == [False, True]
    assert records(assist).visits[1].side is Side.LEFT


@pytest.mark.parametrize(
    ("sentence", "pipeline"),
    [
        ("mein linker Knöchel tut sechs von zehn weh", "fr"),
        ("ma cheville gauche me fait mal à six sur dix", "de-CH"),
        ("me duele el tobillo izquierdo un seis", "nl"),
        ("mijn linkerenkel doet zes van de tien pijn", "es-419"),
        ("my left ankle hurts six out of ten", "nl-BE"),
    ],
)
async def test_a_sentence_is_answered_in_the_pipelines_language(
    hass: HomeAssistant, assist: MockConfigEntry, sentence: str, pipeline: str
) -> None:
    """The sentence's language reads the words, the pipeline's gives the answer."""
    reply = await say(hass, sentence, language=pipeline)
    [soreness] = records(assist).soreness
    assert (soreness.severity, soreness.side) == (6, Side.LEFT)
    t = Translated(text_language(pipeline))
    assert reply.speech.startswith(
        t(
            "voice_soreness_logged",
            runner="Alex",
            severity=6,
            ankle=t("voice_ankle_left"),
        )
    )
    assert reply.speech.endswith(t("voice_not_medical_advice"))


async def test_a_language_without_texts_is_answered_in_english(
    hass: HomeAssistant, assist: MockConfigEntry
) -> None:
    reply = await say(hass, "mein Knöchel tut vier weh", language="it")
    assert reply.speech.startswith("Alex, soreness 4 out of 10 logged for your ankle.")
    assert [entry.severity for entry in records(assist).soreness] == [4]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_two_runners_are_named_in_every_language(
    hass: HomeAssistant, assist: MockConfigEntry, language: str
) -> None:
    sam = MockConfigEntry(
        domain=DOMAIN,
        title="Sam",
        data={"name": "Sam", "unit": "km"},
        entry_id="01JSAMRUNNER00000000000000",
    )
    sam.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sam.entry_id)
    await hass.async_block_till_done()
    t = Translated(language)
    said = {
        "de": ("wie geht es Sams Knöchel", "Sam ist 5 Kilometer gelaufen"),
        "fr": ("comment va la cheville de Sam", "Sam a couru 5 km"),
        "es": ("¿cómo está el tobillo de Sam?", "Sam corrió 5 km"),
        "nl": ("hoe gaat het met de enkel van Sam", "Sam heeft 5 kilometer gelopen"),
    }[language]
    status, run = said
    reply = await say(hass, status, language=language)
    assert reply.speech.startswith(
        t("voice_phase_ready", runner="Sam", ankle=t("voice_ankle"))
    )
    await say(hass, run, language=language)
    assert [r.distance_km for r in records(sam).runs] == [5]
    assert records(assist).runs == []
    # without a name, which runner?
    reply = await say(hass, SAID[language].run, language=language)
    assert reply.speech == t("voice_which_runner", runners="Alex, Sam", example="Alex")


# The texts


def test_every_language_with_texts_is_known() -> None:
    """`TEXT_LANGUAGES` are the translation files Ankle Care ships."""
    files = {path.stem for path in TRANSLATIONS.glob("*.json")}
    assert set(TEXT_LANGUAGES) == files
    assert text_language("de") == "de"
    assert text_language("de-CH") == "de"
    assert text_language("es-419") == "es"
    assert text_language("nl_BE") == "nl"
    assert text_language("fr-CA") == "fr"
    assert text_language("en-GB") == "en"
    assert text_language("it") == "en"
    assert text_language("") == "en"
    assert text_language(None) == "en"


def test_a_missing_or_broken_text_is_the_english_one() -> None:
    prefix = f"component.{DOMAIN}.common."
    english = {
        f"{prefix}voice_failed": "Sorry.",
        f"{prefix}voice_risk": "Risk {level}.",
    }
    texts = Texts(
        {f"{prefix}voice_risk": "Risiko {stufe}."},  # placeholders that do not fit
        english,
    )
    assert texts("voice_failed") == "Sorry."
    assert texts("voice_risk", level="low") == "Risk low."
    assert Texts({}, {})("voice_failed") == "voice_failed"  # English lacks it: a bug


@pytest.mark.parametrize(
    ("language", "sentence", "soreness"),
    [
        ("en", "I'm not done icing", False),
        ("en", "I was cleared to run?", False),
        ("de", "mein Knöchel tut nicht weh", True),
        ("fr", "est-ce que j'ai été autorisé à courir ?", False),
        ("fr", "je n'ai pas couru 5 km", False),
        ("es", "¿me dieron el alta para correr?", False),
        ("nl", "de fysio heeft me niet vrijgegeven om te lopen", False),
    ],
)
async def test_questions_and_denials_log_nothing(
    hass: HomeAssistant,
    assist: MockConfigEntry,
    language: str,
    sentence: str,
    soreness: bool,
) -> None:
    """Sentences that match Ankle Care's but ask or deny: answered, not logged.

    A soreness report not logged adds the article's red flags (it may have named
    one the sentence could not carry).
    """
    await say(hass, "my left ankle hurts 5")
    before = records(assist)
    counts = (len(before.soreness), len(before.treatments), len(before.visits))
    reply = await say(hass, sentence, language=language)
    t = Translated(language)
    red_flags = (t("article_red_flags"), t("voice_not_medical_advice"))
    assert reply.speech == " ".join((t("voice_failed"), *red_flags[: 2 * soreness]))
    after = records(assist)
    assert (len(after.soreness), len(after.treatments), len(after.visits)) == counts
    assert after.runs == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "my ankle hurts 8 and I can't put weight on it"),
        ("fr", "ma cheville me fait mal à huit, je ne peux pas marcher"),
        ("es", "me duele el tobillo un ocho, no puedo apoyar el pie"),
    ],
)
async def test_a_pain_report_naming_a_red_flag_it_cannot_carry_says_see_a_professional(
    hass: HomeAssistant, assist: MockConfigEntry, language: str, sentence: str
) -> None:
    """Not being able to bear weight is a red flag; said with the number, the
    sentence is not read as said, so nothing is logged: the answer never leaves the
    runner without the article's red flags (see a professional at once)."""
    reply = await say(hass, sentence, language=language)
    t = Translated(language)
    assert records(assist).soreness == []
    assert reply.speech.endswith(
        f"{t('article_red_flags')} {t('voice_not_medical_advice')}"
    )
