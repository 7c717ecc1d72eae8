"""The sentences themselves: valid on every release, one group per sentence, the slots.

Checked with the hassil of the running test environment (2.2.3 with Home Assistant
2025.4, 3.5.0 with 2026.2), through Home Assistant's own trigger schema, and with
the extra checks the newest release's schema makes (2026.11 parses each sentence
with hassil's `parse_sentence` and rejects punctuation outside `{wildcards}`).
Every language's groups are matched together, as the default agent matches its
triggers whatever the pipeline's language: a sentence of one language belongs to
one group of all languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import random
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
from custom_components.ankle_care.domain.numbers import parse_number
from custom_components.ankle_care.domain.phase import NEXT_STEPS, RecoveryPhase
from custom_components.ankle_care.domain.plan import ReminderKind
from custom_components.ankle_care.domain.records import Location, Side
from custom_components.ankle_care.domain.settings import Settings
from custom_components.ankle_care.intent import MAX_ANSWER_LENGTH
from custom_components.ankle_care.sentences import (
    ANSWER_NO,
    ANSWER_YES,
    DUTCH,
    ENGLISH,
    FRENCH,
    GERMAN,
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    LANGUAGES,
    SPANISH,
    answer_sentences,
    asks_or_denies,
    every_sentence,
    half_after,
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


def _build_intents() -> Intents:
    """Build every language's sentences as the default agent builds its triggers.

    One intent per group, named by its trigger id (`en/0`), all in one `Intents`:
    the default agent matches its triggers together whatever the language.
    """
    intents = Intents.from_dict(
        {
            "language": "en",
            "intents": {
                f"{language}/{index}": {"data": [{"sentences": list(group.sentences)}]}
                for language, sentences in LANGUAGES.items()
                for index, group in enumerate(sentences.groups)
            },
        }
    )
    for sentences in LANGUAGES.values():
        for sentence in every_sentence(sentences):
            for name in re.findall(r"\{(\w+)\}", sentence):
                intents.slot_lists[name] = WildcardSlotList(name)
    return intents


_INTENTS = _build_intents()


def _intents() -> Intents:
    """Return every language's sentences, built once."""
    return _INTENTS


def _groups(text: str) -> dict[tuple[str, int], dict[str, Any]]:
    """Return the groups a sentence matches, each with its first match's wildcards."""
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for result in recognize_all(text, _intents()):
        language, _, index = result.intent.name.partition("/")
        found.setdefault(
            (language, int(index)),
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
    [((language, index), slots)] = _groups(sentence).items()
    assert language == "en"
    group = ENGLISH.groups[index]
    assert (group.intent, dict(group.slots), slots) == (intent, fixed, wildcards)


async def test_the_trigger_schema_of_this_release_takes_every_sentence(
    hass: HomeAssistant,
) -> None:
    configs = trigger_configs()
    assert len(configs) == sum(len(s.groups) for s in LANGUAGES.values())
    validated = await async_validate_trigger_config(hass, configs)
    assert [config["command"] for config in validated] == [
        list(group.sentences)
        for sentences in LANGUAGES.values()
        for group in sentences.groups
    ]
    assert [config["id"] for config in validated] == [
        f"{language}/{index}"
        for language, sentences in LANGUAGES.items()
        for index in range(len(sentences.groups))
    ]


def _all_sentences() -> Iterator[str]:
    for sentences in LANGUAGES.values():
        yield from every_sentence(sentences)
        for answers in sentences.answers.values():
            yield from answers


@pytest.mark.parametrize("sentence", sorted(set(_all_sentences())))
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
    assert language_sentences("de") is GERMAN
    assert language_sentences("de-CH") is GERMAN
    assert language_sentences("fr_CA") is FRENCH
    assert language_sentences("es-419") is SPANISH
    assert language_sentences("nl-BE") is DUTCH
    assert language_sentences("it") is ENGLISH  # no sentences of its own
    assert set(LANGUAGES) == {"en", "de", "fr", "es", "nl"}
    assert "ankle" in ENGLISH.not_names
    assert "alex" not in ENGLISH.not_names
    for sentences in LANGUAGES.values():
        assert [group.intent for group in sentences.groups] == [
            group.intent for group in ENGLISH.groups
        ]
        assert [dict(group.slots) for group in sentences.groups] == [
            dict(group.slots) for group in ENGLISH.groups
        ]
        assert "alex" not in sentences.not_names
        assert "sam" not in sentences.not_names


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


# German, French, Spanish and Dutch

SORE = INTENT_LOG_SORENESS
STATUS = INTENT_STATUS
ICE = INTENT_ICE_DONE
NEXT = INTENT_NEXT_REMINDER
RUN = INTENT_LOG_RUN
VISIT = INTENT_PROFESSIONAL_VISIT
RISK = {"focus": "risk"}
MAY_RUN = {"focus": "run"}
ICE_NEXT = {"reminder": "ice_start"}
EXERCISE_NEXT = {"reminder": "exercise"}
KM = {"unit": "km"}
MI = {"unit": "mi"}
SEEN = {"cleared_to_run": False}
CLEARED = {"cleared_to_run": True}
L, R = Side.LEFT, Side.RIGHT

# language, sentence, intent, fixed slots, number said, side, runner named
SAID: list[
    tuple[str, str, str, dict[str, Any], float | None, Side | None, str | None]
] = [
    ("de", "mein linker Knöchel tut sechs von zehn weh", SORE, {}, 6, L, None),
    ("de", "Mein Knöchel tut weh.", SORE, {}, None, None, None),
    ("de", "mir tut der rechte Knöchel sechs weh", SORE, {}, 6, R, None),
    ("de", "mein Knöchel tut mir weh, so eine 3", SORE, {}, 3, None, None),
    ("de", "meine Ferse schmerzt 4", SORE, {}, 4, None, None),
    ("de", "Knöchelschmerzen 5", SORE, {}, 5, None, None),
    ("de", "ich habe Knöchelschmerzen links", SORE, {}, None, L, None),
    ("de", "Sams linker Knöchel tut vier weh", SORE, {}, 4, L, "Sam"),
    ("de", "wie geht es meinem Knöchel", STATUS, {}, None, None, None),
    ("de", "Wie geht's meinem linken Knöchel?", STATUS, {}, None, L, None),
    ("de", "wie geht es Sams Knöchel", STATUS, {}, None, None, "Sam"),
    ("de", "wie geht es dem Knöchel von Sam", STATUS, {}, None, None, "Sam"),
    ("de", "was macht mein Knöchel", STATUS, {}, None, None, None),
    ("de", "Knöchelstatus", STATUS, {}, None, None, None),
    ("de", "wie hoch ist mein Verletzungsrisiko", STATUS, RISK, None, None, None),
    ("de", "habe ich ein hohes Verletzungsrisiko", STATUS, RISK, None, None, None),
    ("de", "kann ich heute laufen", STATUS, MAY_RUN, None, None, None),
    ("de", "darf Sam heute joggen gehen", STATUS, MAY_RUN, None, None, "Sam"),
    ("de", "wie weit kann ich heute laufen", STATUS, MAY_RUN, None, None, None),
    ("de", "ich habe meinen Knöchel gekühlt", ICE, {}, None, None, None),
    ("de", "ich bin fertig mit dem Kühlen", ICE, {}, None, None, None),
    ("de", "das Eis ist ab", ICE, {}, None, None, None),
    ("de", "was ist meine nächste Erinnerung", NEXT, {}, None, None, None),
    ("de", "wann muss ich wieder kühlen", NEXT, ICE_NEXT, None, None, None),
    ("de", "wann ist meine nächste Kühlung", NEXT, ICE_NEXT, None, None, None),
    (
        "de",
        "wann mache ich meine Knöchelübungen",
        NEXT,
        EXERCISE_NEXT,
        None,
        None,
        None,
    ),
    ("de", "ich bin 5 Kilometer gelaufen", RUN, KM, 5, None, None),
    ("de", "ich bin heute achteinhalb km gelaufen", RUN, KM, 8.5, None, None),
    ("de", "Sam ist einundzwanzig Kilometer gelaufen", RUN, KM, 21, None, "Sam"),
    ("de", "ich war 10 km joggen", RUN, KM, 10, None, None),
    ("de", "ich bin eine Meile gelaufen", RUN, MI, 1, None, None),
    (
        "de",
        "ich war beim Physio wegen meines linken Knöchels",
        VISIT,
        SEEN,
        None,
        L,
        None,
    ),
    ("de", "ich bin zum Arzt gegangen", VISIT, SEEN, None, None, None),
    (
        "de",
        "der Arzt hat mich zum Laufen freigegeben",
        VISIT,
        CLEARED,
        None,
        None,
        None,
    ),
    (
        "de",
        "ich war beim Arzt und darf wieder laufen",
        VISIT,
        CLEARED,
        None,
        None,
        None,
    ),
    ("fr", "ma cheville droite me fait mal à six sur dix", SORE, {}, 6, R, None),
    ("fr", "j'ai mal à la cheville", SORE, {}, None, None, None),
    ("fr", "j'ai mal à la cheville droite", SORE, {}, None, R, None),
    ("fr", "j’ai mal à la cheville gauche, environ 4", SORE, {}, 4, L, None),  # noqa: RUF001
    ("fr", "mon tendon d'Achille me fait mal à cinq", SORE, {}, 5, None, None),
    ("fr", "la cheville de Sam lui fait mal à 4", SORE, {}, 4, None, "Sam"),
    ("fr", "douleur à la cheville 4", SORE, {}, 4, None, None),
    ("fr", "comment va ma cheville", STATUS, {}, None, None, None),
    ("fr", "comment va ma cheville gauche", STATUS, {}, None, L, None),
    ("fr", "comment va la cheville d'Alex", STATUS, {}, None, None, "Alex"),
    ("fr", "comment va la cheville de Sam", STATUS, {}, None, None, "Sam"),
    ("fr", "quel est mon risque de blessure", STATUS, RISK, None, None, None),
    ("fr", "puis-je courir aujourd'hui", STATUS, MAY_RUN, None, None, None),
    ("fr", "Puis je courir aujourd’hui ?", STATUS, MAY_RUN, None, None, None),  # noqa: RUF001
    ("fr", "est-ce que je peux courir aujourd'hui", STATUS, MAY_RUN, None, None, None),
    (
        "fr",
        "combien de kilomètres puis-je courir aujourd'hui",
        STATUS,
        MAY_RUN,
        None,
        None,
        None,
    ),
    ("fr", "j'ai glacé ma cheville", ICE, {}, None, None, None),
    ("fr", "J’ai glacé ma cheville droite", ICE, {}, None, R, None),  # noqa: RUF001
    ("fr", "j'ai fini de glacer", ICE, {}, None, None, None),
    ("fr", "glaçage terminé", ICE, {}, None, None, None),
    ("fr", "quel est mon prochain rappel", NEXT, {}, None, None, None),
    ("fr", "quand dois-je glacer à nouveau", NEXT, ICE_NEXT, None, None, None),
    ("fr", "quand dois-je faire mes exercices", NEXT, EXERCISE_NEXT, None, None, None),
    ("fr", "j'ai couru dix kilomètres", RUN, KM, 10, None, None),
    ("fr", "j'ai couru vingt et un kilomètres", RUN, KM, 21, None, None),
    ("fr", "Sam a couru 5 km", RUN, KM, 5, None, "Sam"),
    ("fr", "j'ai couru un mile", RUN, MI, 1, None, None),
    ("fr", "j'ai vu un kiné pour ma cheville gauche", VISIT, SEEN, None, L, None),
    ("fr", "je suis allé chez le médecin", VISIT, SEEN, None, None, None),
    ("fr", "j'ai été autorisé à courir", VISIT, CLEARED, None, None, None),
    (
        "fr",
        "le kiné m'a autorisé à reprendre la course",
        VISIT,
        CLEARED,
        None,
        None,
        None,
    ),
    ("es", "me duele el tobillo izquierdo un seis", SORE, {}, 6, L, None),
    ("es", "me duele el tobillo izquierdo", SORE, {}, None, L, None),
    ("es", "mi tobillo derecho me duele un cuatro", SORE, {}, 4, R, None),
    ("es", "a Sam le duele el tobillo 4", SORE, {}, 4, None, "Sam"),
    ("es", "dolor de tobillo 5", SORE, {}, 5, None, None),
    ("es", "¿cómo está mi tobillo?", STATUS, {}, None, None, None),
    ("es", "como esta mi tobillo izquierdo", STATUS, {}, None, L, None),
    ("es", "¿cómo está el tobillo de Sam?", STATUS, {}, None, None, "Sam"),
    ("es", "¿cuál es mi riesgo de lesión?", STATUS, RISK, None, None, None),
    ("es", "¿puedo correr hoy?", STATUS, MAY_RUN, None, None, None),
    ("es", "¿puede Sam correr hoy?", STATUS, MAY_RUN, None, None, "Sam"),
    ("es", "he puesto hielo en el tobillo", ICE, {}, None, None, None),
    ("es", "ya terminé con el hielo", ICE, {}, None, None, None),
    ("es", "¿cuál es mi próximo recordatorio?", NEXT, {}, None, None, None),
    (
        "es",
        "¿cuándo tengo que ponerme hielo otra vez?",
        NEXT,
        ICE_NEXT,
        None,
        None,
        None,
    ),
    ("es", "¿cuándo hago mis ejercicios?", NEXT, EXERCISE_NEXT, None, None, None),
    ("es", "corrí 8 km", RUN, KM, 8, None, None),
    ("es", "hoy corrí veintiún kilómetros", RUN, KM, 21, None, None),
    ("es", "Sam corrió 10 km", RUN, KM, 10, None, "Sam"),
    ("es", "corrí una milla", RUN, MI, 1, None, None),
    ("es", "fui al fisio por mi tobillo izquierdo", VISIT, SEEN, None, L, None),
    ("es", "he ido al médico", VISIT, SEEN, None, None, None),
    ("es", "me dieron el alta para correr", VISIT, CLEARED, None, None, None),
    ("es", "el médico me autorizó a correr", VISIT, CLEARED, None, None, None),
    ("nl", "mijn linkerenkel doet zes van de tien pijn", SORE, {}, 6, L, None),
    ("nl", "mijn enkel doet me pijn", SORE, {}, None, None, None),
    ("nl", "mijn linker enkel doet pijn, een 4", SORE, {}, 4, L, None),
    ("nl", "ik heb pijn aan mijn rechterenkel, zes van de tien", SORE, {}, 6, R, None),
    ("nl", "Sams enkel doet vier pijn", SORE, {}, 4, None, "Sam"),
    ("nl", "enkelpijn 5", SORE, {}, 5, None, None),
    ("nl", "hoe gaat het met mijn enkel", STATUS, {}, None, None, None),
    ("nl", "hoe gaat het met mijn linkerenkel", STATUS, {}, None, L, None),
    ("nl", "hoe gaat het met de enkel van Sam", STATUS, {}, None, None, "Sam"),
    ("nl", "wat is mijn blessurerisico", STATUS, RISK, None, None, None),
    ("nl", "mag ik vandaag hardlopen", STATUS, MAY_RUN, None, None, None),
    ("nl", "hoe ver mag ik vandaag lopen", STATUS, MAY_RUN, None, None, None),
    ("nl", "ik heb mijn enkel gekoeld", ICE, {}, None, None, None),
    ("nl", "ik ben klaar met koelen", ICE, {}, None, None, None),
    ("nl", "wat is mijn volgende herinnering", NEXT, {}, None, None, None),
    ("nl", "wanneer moet ik weer koelen", NEXT, ICE_NEXT, None, None, None),
    (
        "nl",
        "wanneer doe ik mijn enkeloefeningen",
        NEXT,
        EXERCISE_NEXT,
        None,
        None,
        None,
    ),
    ("nl", "ik heb 5 kilometer gelopen", RUN, KM, 5, None, None),
    ("nl", "ik heb vandaag achtenhalf kilometer gelopen", RUN, KM, 8.5, None, None),
    ("nl", "Sam heeft eenentwintig km gelopen", RUN, KM, 21, None, "Sam"),
    ("nl", "ik heb een mijl gelopen", RUN, MI, 1, None, None),
    (
        "nl",
        "ik ben bij de fysio geweest voor mijn linkerenkel",
        VISIT,
        SEEN,
        None,
        L,
        None,
    ),
    ("nl", "ik heb de huisarts gezien", VISIT, SEEN, None, None, None),
    ("nl", "ik mag van de fysio weer hardlopen", VISIT, CLEARED, None, None, None),
    (
        "nl",
        "de dokter heeft me vrijgegeven om weer te lopen",
        VISIT,
        CLEARED,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("language", "sentence", "intent", "fixed", "number", "side", "runner"), SAID
)
def test_sentences_of_every_language(
    language: str,
    sentence: str,
    intent: str,
    fixed: dict[str, Any],
    number: float | None,
    side: Side | None,
    runner: str | None,
) -> None:
    """One group of all languages, that language's, with the slots it stands for."""
    [((found, index), wildcards)] = _groups(sentence).items()
    assert found == language
    sentences = LANGUAGES[language]
    group = sentences.groups[index]
    assert (group.intent, dict(group.slots)) == (intent, fixed)
    said = wildcards.get("severity", wildcards.get("distance"))
    assert (None if said is None else parse_number(said, language)) == number
    assert said_side(sentence, sentences) is side
    assert runner_name(wildcards.get("runner"), sentences, ["Alex", "Sam"]) == runner
    assert not asks_or_denies(sentence, sentences) or intent in {STATUS, NEXT}


def _variants(sentence: str, rng: random.Random, count: int) -> set[str]:
    """Return up to `count` sentences a template stands for, wildcards filled in.

    The template syntax of `sentences/`: words, `(a|b)`, `[optional]`, `{wildcard}`.
    """

    def parse(at: int, close: str | None) -> tuple[list[list[Any]], int]:
        choices: list[list[Any]] = [[]]
        while at < len(sentence):
            char = sentence[at]
            if char in "([":
                inner, at = parse(at + 1, ")" if char == "(" else "]")
                choices[-1].append((inner, char == "["))
            elif char in ")]":
                assert char == close, sentence
                return choices, at + 1
            elif char == "|":
                choices.append([])
                at += 1
            elif char == "{":
                end = sentence.index("}", at)
                choices[-1].append({"runner": "Sam"}.get(sentence[at + 1 : end], "5"))
                at = end + 1
            else:
                choices[-1].append(char)
                at += 1
        return choices, at

    def one(choices: list[list[Any]]) -> str:
        text = ""
        for item in rng.choice(choices):
            if isinstance(item, str):
                text += item
            elif not (item[1] and rng.random() < 0.5):
                text += one(item[0])
        return text

    template, _ = parse(0, None)
    return {" ".join(one(template).split()) for _ in range(count)}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_variant_is_its_groups_only(language: str) -> None:
    """Sentences drawn from every template match their own group and no other.

    Twelve draws per template (the alternatives and optional words picked at
    random, the same every run), matched against every group of every language.
    """
    rng = random.Random(f"ankle care {language}")  # noqa: S311 (a fixed draw, not a secret)
    sentences = LANGUAGES[language]
    for index, group in enumerate(sentences.groups):
        for template in group.sentences:
            for sentence in _variants(template, rng, 12):
                assert set(_groups(sentence)) == {(language, index)}, sentence


# What belongs to Home Assistant (or to nobody) in each language
NOT_OURS_IN = [
    ("de", "wie spät ist es"),
    ("de", "schalte das Licht in der Küche ein"),
    ("de", "füge Milch zur Einkaufsliste hinzu"),
    ("de", "ich darf wieder laufen"),  # no professional, no clearance
    ("de", "bin ich zum Laufen freigegeben"),
    ("fr", "quelle heure est-il"),
    ("fr", "allume la lumière de la cuisine"),
    ("fr", "ajoute du lait à la liste de courses"),
    ("es", "qué hora es"),
    ("es", "enciende la luz de la cocina"),
    ("es", "añade leche a la lista de la compra"),
    ("nl", "hoe laat is het"),
    ("nl", "zet het licht in de keuken aan"),
    ("nl", "ik mag weer lopen"),  # no professional, no clearance
    ("nl", "mag ik van de fysio weer hardlopen"),
]


@pytest.mark.parametrize(("language", "sentence"), NOT_OURS_IN)
def test_other_sentences_of_every_language_are_left_alone(
    language: str, sentence: str
) -> None:
    assert _groups(sentence) == {}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "I'm not done icing"),
        ("en", "was I cleared to run?"),
        ("de", "der Arzt hat mich nicht zum Laufen freigegeben"),
        ("de", "mein Knöchel tut nicht weh"),
        ("fr", "le médecin ne m'a pas autorisé à courir"),
        ("fr", "est-ce que j'ai été autorisé à courir"),
        ("fr", "est ce que j'ai été autorisé à courir"),
        ("fr", "je n'ai été autorisé à courir que demain"),
        ("es", "no me dieron el alta para correr"),
        ("es", "¿me dieron el alta para correr?"),
        ("nl", "de fysio heeft me niet vrijgegeven om te lopen"),
    ],
)
def test_questions_and_denials_are_seen(language: str, sentence: str) -> None:
    """They never log anything (`voice.py` answers them with `voice_failed`)."""
    assert asks_or_denies(sentence, LANGUAGES[language])


@pytest.mark.parametrize(
    ("language", "said", "name"),
    [
        ("de", "mein linker", None),
        ("de", "der linke", None),
        ("de", "Sams", "Sam"),
        ("de", "Alex'", "Alex"),
        ("de", "Chris'", "Chris"),
        ("fr", "j'ai", None),
        ("fr", "J’ai", None),  # noqa: RUF001
        ("fr", "est-ce que je", None),
        ("fr", "l'extérieur de ma", None),
        ("fr", "d'Alex", "Alex"),
        ("fr", "de Chris", "Chris"),
        ("es", "a Sam le", "Sam"),
        ("es", "de Chris", "Chris"),
        ("es", "me", None),
        ("nl", "mijn", None),
        ("nl", "de buitenkant van mijn", None),
        ("nl", "Sams", "Sam"),
        ("nl", "Chris", "Chris"),
    ],
)
def test_runner_name_in_every_language(
    language: str, said: str, name: str | None
) -> None:
    assert runner_name(said, LANGUAGES[language], ["Alex", "Sam"]) == name


def test_sides_and_places_in_every_language() -> None:
    assert said_side("mijn rechterenkel doet pijn", DUTCH) is R
    assert said_side("meines linken Knöchels", GERMAN) is L
    assert said_side("ma cheville gauche et droite", FRENCH) is None
    assert said_location("die Außenseite meines Knöchels", GERMAN) is (
        Location.OUTER_ANKLE
    )
    assert said_location("l'extérieur de ma cheville", FRENCH) is Location.OUTER_ANKLE
    assert said_location("me duele el talón", SPANISH) is Location.HEEL
    assert said_location("mijn achillespees", DUTCH) is Location.BACK_OF_ANKLE
    assert said_location("mein Knöchel", GERMAN) is None
    for sentences in LANGUAGES.values():
        for word in (*sentences.sides, *sentences.locations, *sentences.self_words):
            assert word == word.casefold(), word
        assert not (sentences.negations & sentences.not_names), "a denial is no name"


@pytest.mark.parametrize(
    ("language", "sentence", "said", "half"),
    [
        ("es", "corrí ocho kilómetros y medio", "ocho", True),
        ("es", "corrí ocho y medio kilómetros", "ocho y medio", False),
        ("es", "corrí 8 km", "8", False),
        ("fr", "j'ai couru huit kilomètres et demi", "huit", True),
        ("fr", "j'ai couru huit et demi kilomètres", "huit et demi", False),
        ("en", "I ran 5 kilometers", "5", False),
    ],
)
def test_a_half_after_the_unit(
    language: str, sentence: str, said: str, half: bool
) -> None:
    assert half_after(sentence, said, LANGUAGES[language]) is half
    [((found, _), wildcards)] = _groups(sentence).items()
    assert (found, wildcards["distance"]) == (language, said)


@pytest.mark.parametrize(
    ("language", "said", "meant"),
    [
        ("de", "ja", ANSWER_YES),
        ("de", "ja, bin fertig", ANSWER_YES),
        ("de", "ich bin fertig", ANSWER_YES),
        ("de", "nein", ANSWER_NO),
        ("de", "noch nicht", ANSWER_NO),
        ("de", "ich kühle noch", ANSWER_NO),
        ("fr", "oui", ANSWER_YES),
        ("fr", "oui, j'ai fini", ANSWER_YES),
        ("fr", "c’est fait", ANSWER_YES),  # noqa: RUF001
        ("fr", "non", ANSWER_NO),
        ("fr", "pas encore", ANSWER_NO),
        ("fr", "je glace encore", ANSWER_NO),
        ("es", "sí", ANSWER_YES),
        ("es", "sí, ya terminé", ANSWER_YES),
        ("es", "listo", ANSWER_YES),
        ("es", "no", ANSWER_NO),
        ("es", "todavía no", ANSWER_NO),
        ("es", "sigo con el hielo", ANSWER_NO),
        ("nl", "ja", ANSWER_YES),
        ("nl", "ja, ik ben klaar", ANSWER_YES),
        ("nl", "nee", ANSWER_NO),
        ("nl", "nog niet", ANSWER_NO),
        ("nl", "ik ben nog aan het koelen", ANSWER_NO),
    ],
)
def test_answers_of_the_ice_off_question_in_every_language(
    language: str, said: str, meant: str
) -> None:
    answers = answer_sentences(language)
    assert [answer["id"] for answer in answers] == [ANSWER_YES, ANSWER_NO]
    intents = Intents.from_dict(
        {
            "language": language,
            "intents": {
                str(answer["id"]): {"data": [{"sentences": answer["sentences"]}]}
                for answer in answers
            },
        }
    )
    assert {r.intent.name for r in recognize_all(said, intents)} == {meant}


def test_every_language_says_every_sentence_kind_of_english() -> None:
    """Each group of English has its group in every language, with sentences."""
    for language, sentences in LANGUAGES.items():
        assert len(sentences.groups) == len(ENGLISH.groups), language
        for group in sentences.groups:
            assert group.sentences, (language, group.intent)
        assert set(sentences.sides.values()) == {L, R}, language
        assert set(sentences.locations.values()) == set(Location), language
